/**
 * The assistant over a conversation's later turns: follow-ups, the safety of every reply (no
 * question for a secret; only last four digits and ZIP code) and the end of a chat.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAssistant, isFarewell, wantsToLeaveQueue } from '../../server/assistant/index.js';
import type { AssistantReply, Lang } from '../../server/assistant/index.js';
import { createRedactor } from '../../src/redaction/index.js';
import { expectationFrom } from '../../src/redaction/agent.js';
import { TOPIC } from '../../server/assistant/index.js';
import type { TaskIntent } from '../../server/assistant/index.js';
import { baseOf } from '../../server/assistant/requests.js';
import { PHRASINGS, first, last, talk } from '../support/assistant.js';

describe('assistant: follow-ups', () => {
  it('"Please confirm next steps and the expected timeline" after a dispute gives 60/30/90 days', () => {
    const r = last(
      talk(
        'en',
        'I want to dispute a charge',
        '$127.43 at ACME on 08/15',
        'yes',
        'Please confirm next steps and the expected timeline',
      ),
    );
    assert.equal(r.intent, 'next-steps');
    assert.match(r.text, /ACME/);
    assert.match(r.text, /60 days/);
    assert.match(r.text, /30 days/);
    assert.match(r.text, /90 days/);
  });

  it('next steps in Spanish after a dispute', () => {
    const r = last(
      talk(
        'es',
        'Hay un cargo que no reconozco',
        'Netflix, $15.99, 15/08',
        'sí',
        '¿Cuáles son los próximos pasos?',
      ),
    );
    assert.equal(r.intent, 'next-steps');
    assert.match(r.text, /60 días/);
    assert.match(r.text, /30 días/);
    assert.match(r.text, /90 días/);
  });

  it('next steps follow the last task discussed (lost card), not the first', () => {
    const r = last(
      talk(
        'en',
        'When is my payment due?',
        'I lost my card',
        '1005',
        '10001',
        'yes',
        'What are the next steps?',
      ),
    );
    assert.equal(r.intent, 'next-steps');
    assert.match(r.text, /lost or stolen card/);
    assert.match(r.text, /2–3 business days/);
  });

  it('next steps while a question is open repeat the question', () => {
    const r = last(talk('en', 'I lost my card', 'what happens next?'));
    assert.match(r.text, /only its last four digits/);
  });

  it('"how long does a dispute take" answers with the timeline even as a first message', () => {
    const r = first('en', 'How long does a dispute take?');
    assert.equal(r.intent, 'next-steps');
    assert.match(r.text, /two billing cycles/);
  });

  it('next steps with nothing discussed offer the main tasks', () => {
    const r = first('es', 'próximos pasos');
    assert.equal(r.intent, 'next-steps');
    assert.ok((r.quickReplies ?? []).length >= 4);
  });
});

// ---- safety -------------------------------------------------------------------------------

/** Every reply the assistant can give along every scripted path, both languages. */
function everyReply(): { lang: Lang; reply: AssistantReply }[] {
  const all: { lang: Lang; reply: AssistantReply }[] = [];
  for (const lang of ['en', 'es'] as const) {
    all.push({ lang, reply: createAssistant(lang).greet() });
    const starts = PHRASINGS.map(([, , text]) => text);
    for (const start of starts) {
      const a = createAssistant(lang);
      const script = [start, 'hmm', '1005', '10001', 'Netflix, $15.99, 08/15', 'next steps', 'thanks', 'bye'];
      for (const text of script) all.push({ lang, reply: a.reply(text) });
      const b = createAssistant(lang);
      for (const q of b.reply(start).quickReplies ?? []) all.push({ lang, reply: b.reply(q.value) });
      all.push({ lang, reply: createAssistant(lang).reply('4111 1111 1111 1111') });
      all.push({
        lang,
        reply: createAssistant(lang).reply('\u2022\u2022\u2022\u2022 \u2022\u2022\u2022\u2022 1005'),
      });
    }
  }
  return all;
}

const SECRET =
  /full card number|card number|security code|cvv|cvc|\bpin\b|password|passcode|número completo|código de seguridad|contraseña|\bclave\b|\bnip\b/i;
const NEGATION = /\b(never|don't|do not|won't|nunca|no|ni)\b/i;

describe('assistant: safety', () => {
  const replies = everyReply();

  it('covers every intent in both languages', () => {
    for (const lang of ['en', 'es'] as const) {
      // A request the assistant files counts as its topic's intent (requests.ts).
      const seen = new Set(
        replies
          .filter((r) => r.lang === lang)
          .map((r) => r.reply.intent)
          .map((i) => (i in TOPIC ? baseOf(i as TaskIntent) : i)),
      );
      for (const [intent] of PHRASINGS) assert.ok(seen.has(intent), `${lang}: ${intent} never replied`);
    }
  });

  it('no reply names a secret except under a negation ("we will never ask for…")', () => {
    for (const { reply } of replies) {
      for (const sentence of reply.text.split(/(?<=[.?!])\s+/)) {
        if (SECRET.test(sentence)) {
          // "a replacement with a new card number" is a fact, not a request.
          const fact = /(new|same) card number|mismo número|número de tarjeta nuevo|número nuevo/i.test(
            sentence,
          );
          assert.ok(fact || NEGATION.test(sentence), `asks for a secret: "${sentence}"`);
        }
      }
    }
  });

  it('the redactor reads no reply as a question for a card number, code, PIN or password', () => {
    for (const { reply } of replies) {
      const e = expectationFrom(reply.text);
      assert.equal(e?.secrets.size ?? 0, 0, `the redactor sees a request for a secret in: "${reply.text}"`);
    }
  });

  it('the card-identity questions ask only for the last four digits, then the ZIP code', () => {
    for (const lang of ['en', 'es'] as const) {
      const [ask, zip] = talk(lang, lang === 'en' ? 'I lost my card' : 'Perdí mi tarjeta', '1005');
      assert.deepEqual([...(expectationFrom(ask!.text)?.benign ?? [])], ['last4']);
      // ("…the card ending in 1005 is locked…" is a last-four cue too, which is harmless.)
      assert.ok(expectationFrom(zip!.text)?.benign.has('zip'));
      assert.equal(expectationFrom(zip!.text)?.secrets.size, 0);
      // And the customer's answers pass the real redactor untouched.
      const redactor = createRedactor({ lang });
      redactor.observe(ask!.text);
      assert.equal(redactor.redact('1005').text, '1005');
      redactor.observe(zip!.text);
      assert.equal(redactor.redact('10001').text, '10001');
    }
  });

  it('never echoes a full or masked card number, and reminds the customer', () => {
    for (const lang of ['en', 'es'] as const) {
      const [, r] = talk(lang, 'I lost my card', '4111 1111 1111 1005');
      assert.doesNotMatch(r!.text, /1005|4111/);
      assert.match(
        r!.text,
        lang === 'en' ? /don't type your full card number/ : /no escriba el número completo/,
      );
      const [, m] = talk(
        lang,
        'I lost my card',
        '\u2022\u2022\u2022\u2022 \u2022\u2022\u2022\u2022 \u2022\u2022\u2022\u2022 1005',
      );
      assert.doesNotMatch(m!.text, /1005/);
    }
    for (const { reply } of replies) assert.doesNotMatch(reply.text, /\d{5,}[ -]?\d{4,}/);
  });

  it('replies are plain text, never HTML', () => {
    for (const { reply } of replies) assert.doesNotMatch(reply.text, /<[a-z/!]/i);
  });

  it('is deterministic: the same conversation gives the same replies', () => {
    const script = ['hi', 'I lost my card', '1005', '10001', 'next steps'];
    assert.deepEqual(talk('en', ...script), talk('en', ...script));
  });
});

describe('assistant: the end of a chat', () => {
  it('recap: what was discussed and the next steps, in the customer language', () => {
    const en = createAssistant('en');
    assert.equal(
      en.recap(),
      'We talked about your account; no request was opened and nothing was changed in this chat.',
    );
    for (const t of [
      'I lost my card',
      '1005',
      '10001',
      'yes',
      'I want to dispute a charge',
      '$127.43 at ACME on 08/15',
      'yes',
    ])
      en.reply(t);
    const r = en.recap();
    assert.match(r, /^We talked about a lost or stolen card and a charge you want to dispute\. /);
    assert.match(r, /Next steps for/);
    assert.match(r, /The card ending in 1005 was locked and a replacement with a new number was sent/);
    assert.match(r, /A dispute was opened for \$127\.43 at ACME on 08\/15\./);
    assert.match(r, /60 days.*90 days/);

    const es = createAssistant('es');
    assert.equal(
      es.recap(),
      'Hablamos de su cuenta; no se abrió ninguna solicitud ni se hizo ningún cambio en este chat.',
    );
    es.reply('¿Cuántos puntos tengo?');
    es.reply('Quiero pagar con puntos');
    assert.match(es.recap(), /^Hablamos de los puntos de recompensa y el pago con puntos\. Próximos pasos/);
  });

  it('a dispute still waiting for its details: the recap does not ask for them', () => {
    const a = createAssistant('en');
    a.reply('I want to dispute a charge');
    assert.doesNotMatch(a.recap(), /tell me the merchant/);
    assert.doesNotMatch(a.recap(), /opened for|is open/);
    assert.match(a.recap(), /not completed/);
  });

  it('the recap keeps to the next steps of the last two tasks', () => {
    const a = createAssistant('en');
    for (const t of [
      'When is my payment due?',
      'How many rewards points do I have?',
      'I need to change my hotel booking',
    ]) {
      a.reply(t);
    }
    const r = a.recap();
    assert.match(r, /your payment due date, your rewards points and a travel booking/);
    assert.doesNotMatch(r, /Next steps for your payment/);
    assert.match(r, /Next steps for rewards.*Next steps for your travel booking/);
  });

  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: after closeCase, follow-ups are answered from the case (with the dispute timeline)`, () => {
      const a = createAssistant(lang);
      a.reply(
        lang === 'es' ? 'Quiero disputar un cargo en ACME por $50.00' : 'I want to dispute $50.00 at ACME',
      );
      a.closeCase('AMX-4KF7-Q2ZD', 'Dispute opened.');
      const prefix =
        lang === 'es'
          ? 'Esto es lo que acordamos (referencia AMX-4KF7-Q2ZD): Dispute opened.'
          : 'Here is what was agreed (reference AMX-4KF7-Q2ZD): Dispute opened.';
      const questions =
        lang === 'es'
          ? [
              'Confirme los próximos pasos y el plazo, por favor',
              '¿Qué acordamos?',
              '¿cuál es mi número de caso?',
            ]
          : [
              'Please confirm next steps and the expected timeline',
              'what was agreed',
              "what's my case number",
            ];
      for (const q of questions) {
        const r = a.reply(q);
        assert.equal(r.intent, 'case', q);
        assert.ok(r.text.startsWith(prefix), r.text);
        assert.match(r.text, lang === 'es' ? /60 días.*90 días/ : /60 days.*90 days/);
      }
      // A new task after the end is answered as usual, and so are its next steps.
      assert.equal(a.reply(lang === 'es' ? 'Perdí mi tarjeta' : 'I lost my card').intent, 'lost-stolen');
      assert.equal(a.reply(lang === 'es' ? 'próximos pasos' : 'next steps').intent, 'next-steps');
      // The case is still there when asked for by name.
      assert.equal(a.reply(lang === 'es' ? 'mi número de referencia' : 'my reference number').intent, 'case');
    });
  }

  it('no timeline twice when the summary already has it; none for a case without a dispute', () => {
    const a = createAssistant('en');
    a.reply('I want to dispute $50.00 at ACME');
    a.closeCase('AMX-4KF7-Q2ZD', a.recap());
    const r = a.reply('what was agreed?');
    assert.equal(r.text.match(/two billing cycles/g)?.length, 1);
    const b = createAssistant('en');
    b.reply('I lost my card');
    b.closeCase('AMX-4KF7-Q2ZE', 'Card locked.');
    assert.doesNotMatch(b.reply('what was agreed?').text, /billing cycles/);
  });

  it('observe() remembers a task told to a person, answers nothing, and feeds lastTask, nextSteps and the recap', () => {
    const a = createAssistant('en');
    assert.equal(a.lastTask(), null);
    assert.equal(a.nextSteps(), '');
    a.observe('hi there');
    assert.equal(a.lastTask(), null);
    a.observe('I want to dispute $20.00 at Corner Deli');
    assert.equal(a.lastTask(), 'dispute');
    assert.match(a.summary(), /dispute the charge of \$20\.00 at Corner Deli \(not opened\)/);
    assert.match(a.nextSteps(), /90 days.*Nothing has been done yet/);
    assert.match(a.nextSteps('credit-limit'), /Next steps for your credit limit/);
    a.observe('4111 1111 1111 1111 was charged');
    assert.equal(a.lastTask(), 'dispute');
    assert.match(a.recap(), /a charge you want to dispute/);
  });

  it('leave-the-line and farewell phrasings', () => {
    for (const text of [
      'leave the line',
      'I want to leave the queue',
      'cancel the request',
      'cancel agent',
      'stop waiting',
      'salir de la fila',
      'quiero salir de la cola',
      'cancelar',
      'dejar de esperar',
    ]) {
      assert.ok(wantsToLeaveQueue(text), text);
    }
    for (const text of [
      'I want to talk to an agent',
      'cancelar mi reserva de vuelo',
      'I lost my card',
      'hello',
    ]) {
      assert.ok(!wantsToLeaveQueue(text), text);
    }
    for (const text of ["That's all, thanks", 'thank you', 'bye', 'Eso es todo, gracias', 'adiós']) {
      assert.ok(isFarewell(text), text);
    }
    for (const text of ['thanks, and I lost my card', 'hello', 'gracias, quiero disputar un cargo']) {
      assert.ok(!isFarewell(text), text);
    }
  });

  it('recaps and case answers are safe for the redactor and deterministic', () => {
    for (const lang of ['en', 'es'] as const) {
      for (const [, , start] of PHRASINGS) {
        const a = createAssistant(lang);
        for (const t of [start, '1005', '10001']) a.reply(t);
        const recap = a.recap();
        a.closeCase('AMX-4KF7-Q2ZD', recap);
        const answer = a.reply('what was agreed?').text;
        for (const text of [recap, answer]) {
          assert.equal(expectationFrom(text)?.secrets.size ?? 0, 0, `a cue for a secret in: ${text}`);
          assert.doesNotMatch(text, /number on the back|<[a-z/]/i);
        }
        const b = createAssistant(lang);
        for (const t of [start, '1005', '10001']) b.reply(t);
        assert.equal(b.recap(), recap);
      }
    }
  });
});
