/**
 * Issues 26 and 27: a need stated in words ("I'm hard of hearing", "uso un lector de pantalla"),
 * at any point and in the middle of an action, is recorded exactly as the "Your needs" form
 * records it (the notice, the board, the record), the needs stated before are kept, the reply
 * says what was noted and where to change it, and the action in progress asks its question again:
 * nothing is dropped, advanced or claimed. A need it cannot name is never copied into a note.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAssistant } from '../../server/assistant/index.js';
import type { Accommodation } from '../../src/protocol.js';
import { Agent, Customer, withServer } from '../support/contact-center.js';
import type { AgentFrame } from '../support/contact-center.js';

const STATED: readonly (readonly ['en' | 'es', string, Accommodation[]])[] = [
  ['en', "I'm hard of hearing", ['hearing']],
  ['en', 'im hard of hearng', ['hearing']],
  ['en', 'I am deaf', ['hearing']],
  ['en', 'I use a screen reader', ['screen-reader']],
  ['en', 'i use a screan reader', ['screen-reader']],
  ['en', 'I need more time', ['more-time']],
  ['en', 'please send me a written summary', ['written-summary']],
  ['en', 'pls send me a writen sumary', ['written-summary']],
  ['en', "I'm hard of hearing and use a screen reader, can you accommodate?", ['screen-reader', 'hearing']],
  ['es', 'soy sordo', ['hearing']],
  ['es', 'tengo dificultad auditiva', ['hearing']],
  ['es', 'uso un lector de pantalla', ['screen-reader']],
  ['es', 'uso un lectr de pantalla', ['screen-reader']],
  ['es', 'necesito más tiempo', ['more-time']],
  ['es', 'necesito mas tiempo por favor', ['more-time']],
  ['es', '¿me pueden enviar un resumen por escrito?', ['written-summary']],
];

const DISPUTE_ASK = {
  en: /To open the dispute I need the merchant, the date and the amount/,
  es: /Para abrir la disputa necesito el comercio, la fecha y el importe/,
};

describe('assistant: needs stated in words', () => {
  for (const [lang, text, needs] of STATED) {
    it(`${lang} "${text}" → ${needs.join(', ')}`, () => {
      const reply = createAssistant(lang).reply(text);
      assert.equal(reply.intent, 'needs');
      assert.deepEqual(reply.needs, needs);
      assert.match(reply.text, lang === 'es' ? /^Tomé nota de que / : /^I've noted that /);
      assert.match(reply.text, lang === 'es' ? /"Sus necesidades"/ : /"Your needs"/);
    });
  }

  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: in the middle of a dispute, the dispute asks its question again and opens nothing`, () => {
      const a = createAssistant(lang);
      a.reply(lang === 'es' ? 'quiero disputar un cargo' : 'dispute a charge');
      const before = a.state().pending;
      const said =
        lang === 'es'
          ? 'Soy sordo y uso un lector de pantalla, ¿pueden adaptarse?'
          : "I'm hard of hearing and use a screen reader, can you accommodate?";
      const r = a.reply(said);
      assert.deepEqual(r.needs, ['screen-reader', 'hearing']);
      assert.match(r.text, DISPUTE_ASK[lang]);
      assert.doesNotMatch(r.text, /opened|abrí|Done|Listo/i);
      assert.deepEqual(a.state().pending, before, 'the dispute neither dropped nor advanced');
      assert.ok(!a.record().some((f) => f.kind === 'done'));
      // Its details and a yes still open it.
      const back = a.reply(
        lang === 'es' ? 'Bella Trattoria, 15 de noviembre, $67.06' : 'Bella Trattoria, Nov 15, $67.06',
      );
      assert.equal(back.intent, 'dispute');
      assert.ok(!a.record().some((f) => f.kind === 'done'));
      a.reply(lang === 'es' ? 'sí' : 'yes');
      assert.ok(a.record().some((f) => f.kind === 'done' && f.intent === 'dispute'));
    });
  }

  it('a need it cannot name: an agent offered, nothing recorded, the words never echoed', () => {
    for (const [lang, text] of [
      ['en', 'I need a sign language interpreter'],
      ['es', 'necesito un intérprete de lengua de señas'],
    ] as const) {
      const r = createAssistant(lang).reply(text);
      assert.equal(r.intent, 'needs');
      assert.equal(r.needs, undefined);
      assert.match(r.text, lang === 'es' ? /Un agente puede ayudarle/ : /An agent can help/);
      assert.doesNotMatch(r.text, /sign language|lengua de señas|intérprete|interpreter/i);
      assert.ok(r.quickReplies?.some((q) => /agent/i.test(q.label)));
    }
  });

  it('a merchant or a charge that shares a word is not a need: the dispute takes its details', () => {
    const a = createAssistant('en');
    a.reply('dispute a charge');
    const r = a.reply('my accommodation at the Hilton, Nov 15, $200.00');
    assert.equal(r.intent, 'dispute');
    assert.equal(r.needs, undefined);
    assert.match(r.text, /Hilton/);
  });

  it('details of the action in the same message are taken, and the read-back still waits for a yes', () => {
    const a = createAssistant('en');
    a.reply('dispute a charge');
    const r = a.reply("Bella Trattoria, Nov 15, $67.06. Also I'm hard of hearing");
    assert.deepEqual(r.needs, ['hearing']);
    assert.match(r.text, /^I've noted that you are deaf or hard of hearing;.* Shall I open it\?/);
    assert.ok(!a.record().some((f) => f.kind === 'done'));
    assert.equal(a.state().pending?.step, 'confirm');
  });

  it('more time to pay is a payment question, not a need; a task named with a need is answered too', () => {
    assert.equal(createAssistant('en').reply('I need more time to pay my bill').needs, undefined);
    assert.equal(createAssistant('es').reply('necesito más tiempo para pagar').needs, undefined);
    const r = createAssistant('en').reply('I use a screen reader, I want to dispute a charge');
    assert.equal(r.intent, 'dispute');
    assert.deepEqual(r.needs, ['screen-reader']);
    assert.match(r.text, /^I've noted that you use a screen reader;.* Which charge is it\?/);
  });
});

function waitingNeeds(board: AgentFrame<'board'>, id: string): Accommodation[] | undefined {
  return board.waiting.find((w) => w.conversationId === id)?.accommodations?.needs;
}

describe('assistant: needs stated in words, over the real protocol', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: recorded as the form records them, kept with those stated before; the dispute goes on`, async () => {
      await withServer({ debug: true, replyDelay: 0, simulatedAgent: false }, async (server) => {
        const ana = await Agent.signIn(server, 'Ana', 'general', { languages: ['en', 'es'] });
        const c = await Customer.join(server, lang);
        // Stated with the form first: kept when more are stated in words.
        c.peer.send({ type: 'accommodations', needs: ['written-summary'], note: 'x' });
        const first = await c.notice('accommodations');
        await c.say(lang === 'es' ? 'quiero disputar un cargo' : 'dispute a charge');
        await c.reply();
        await c.say(
          lang === 'es'
            ? 'soy sordo y uso un lector de pantalla'
            : "I'm hard of hearing and use a screen reader",
        );
        const notice = await c.event(
          (e) => e.notice?.code === 'accommodations' && e.seq > first.seq,
          'the notice',
        );
        assert.deepEqual(notice.notice, {
          code: 'accommodations',
          needs: ['screen-reader', 'written-summary', 'hearing'],
          note: 'x',
        });
        const answer = await c.reply();
        assert.ok(answer.seq > notice.seq);
        assert.match(answer.text, DISPUTE_ASK[lang]);
        assert.doesNotMatch(answer.text, /opened|abrí/i);
        // The dispute opens only with its details and a yes.
        await c.say(
          lang === 'es' ? 'Bella Trattoria, 15 de noviembre, $67.06' : 'Bella Trattoria, Nov 15, $67.06',
        );
        const readBack = await c.reply();
        assert.doesNotMatch(readBack.text, /opened|abrí/i);
        await c.say(lang === 'es' ? 'sí' : 'yes');
        assert.match((await c.reply()).text, lang === 'es' ? /Abrí una disputa/ : /I've opened a dispute/);
        // The board shows the needs of the waiting conversation.
        await c.askForAgent();
        const board = await ana.board((b) => waitingNeeds(b, c.id) !== undefined, 'the board with the needs');
        assert.deepEqual(waitingNeeds(board, c.id), ['screen-reader', 'written-summary', 'hearing']);
        // The record has them: the end summary says what was taken into account.
        c.peer.send({ type: 'end' });
        const ended = await c.notice('ended');
        assert.match(
          ended.text,
          lang === 'es'
            ? /Tomamos en cuenta lo que nos indicó: usa un lector de pantalla, un resumen por escrito al final, es una persona sorda o con dificultad auditiva y su nota\./
            : /We took into account what you told us: you use a screen reader, a written summary at the end, you are deaf or hard of hearing and your note\./,
        );
      });
    });
  }
});
