/**
 * After the redactor hides something, the assistant's reminder names what it hid (issue 26,
 * item 4): a code is a code, not "your full card number"; a Social Security number or a
 * password is said before the answer to the rest of the message. Over the real protocol: the
 * raw text goes out as a client that skipped the widget's redaction would send it, and the
 * server's second-line redaction hides it. Every reminder is said under a negation, so the
 * redactor does not read it as a question for a secret.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectationFrom } from '../../src/redaction/agent.js';
import { withServer } from '../support/server.js';
import { Customer } from '../support/assistant-chat.js';

const CASES: { lang: 'en' | 'es'; text: string; secret: string; says: RegExp; not?: RegExp }[] = [
  {
    lang: 'en',
    text: 'the code they texted me is 482913',
    secret: '482913',
    says: /^For your security, please don't share security codes or one-time codes in this chat/,
    not: /card number/,
  },
  {
    lang: 'es',
    text: 'el código que me llegó por SMS es 482913',
    secret: '482913',
    says: /^Por su seguridad, no comparta códigos de seguridad ni códigos de un solo uso/,
    not: /número completo de su tarjeta/,
  },
  {
    lang: 'en',
    text: 'my card number is 4111 1111 1111 1111',
    secret: '4111 1111 1111 1111',
    says: /^For your security, please don't type your full card number/,
  },
  {
    lang: 'en',
    text: 'I lost my card, my SSN is 123-45-6789',
    secret: '123-45-6789',
    says: /^We will never ask for your Social Security number in this chat, so I hid it\. I'm sorry\. I can lock your card/,
  },
  {
    lang: 'es',
    text: 'mi contraseña es Gato12345 y perdí mi tarjeta',
    secret: 'Gato12345',
    says: /^Nunca le pediremos su contraseña en este chat, así que la oculté\. Lo siento\. Puedo bloquear su tarjeta/,
  },
];

describe('assistant: what the redactor hid is named', () => {
  for (const c of CASES) {
    it(`${c.lang}: "${c.text.replace(c.secret, '…')}"`, async () => {
      await withServer({ replyDelay: 0 }, async (server) => {
        const customer = await Customer.start(server, { lang: c.lang });
        const answer = await customer.say(c.text);
        const raw = customer.seen;
        assert.match(answer, c.says);
        if (c.not) assert.doesNotMatch(answer, c.not);
        assert.equal(expectationFrom(answer)?.secrets.size ?? 0, 0, `a cue for a secret: ${answer}`);
        assert.ok(!raw.includes(c.secret), 'the secret is in no frame');
      });
    });
  }
});
