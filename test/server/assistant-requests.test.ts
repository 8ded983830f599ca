/**
 * Issue 26, item 1: the requests the assistant files (due-date change, late-fee review, new
 * authorized user, credit-limit review, travel notice). Each needs its details, a read-back and
 * a yes (the shared flows: assistant-actions.test.ts, assistant-flows-wire.test.ts); here, what
 * each says it did, what the record and the summaries keep, the profile's late fee, and that a
 * question on the same topic stays a question.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAssistant } from '../../server/assistant/index.js';
import type { Lang } from '../../server/assistant/index.js';
import { profileFor } from '../../server/assistant/profile.js';
import { CLAIM, FLOWS, READ_BACK, converse, noClaim } from '../support/assistant-actions.js';

const REQUESTS = FLOWS.filter((f) =>
  ['due-date-change', 'late-fee-review', 'authorized-user-request', 'limit-review', 'travel-notice'].includes(
    f.intent,
  ),
);

/** Words that would promise an outcome only a person or a credit decision can give. */
const PROMISE =
  /\bwaived\b|\bapproved\b|has been (?:added|increased|raised|changed)|limit is now|aprobad[oa]|anulad[oa]|ya está agregad[oa]|se aumentó|se cambió la fecha/i;

describe('assistant requests: filed, never promised', () => {
  it('the five requests are flows', () => assert.equal(REQUESTS.length, 5));

  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: each request, once filed, is in the recap and on the board, and promises nothing`, () => {
      for (const flow of REQUESTS) {
        const { a, replies } = converse(
          lang,
          flow.start[lang],
          ...flow.details,
          lang === 'es' ? 'sí' : 'yes',
        );
        noClaim(replies.slice(0, -1), flow.intent);
        const done = replies[replies.length - 1]!.text;
        assert.match(done, flow.done[lang]);
        for (const t of [done, a.recap(), a.summary()])
          assert.doesNotMatch(t, PROMISE, `${flow.intent}: ${t}`);
        const facts = a.record().filter((f) => f.kind === 'done');
        assert.deepEqual(
          facts.map((f) => f.kind === 'done' && f.intent),
          [flow.intent],
        );
        const recap = a.recap();
        assert.ok(CLAIM.test(recap), `${flow.intent}: recap "${recap}"`);
        assert.doesNotMatch(recap, lang === 'es' ? /no se completó/ : /not completed/, recap);
        assert.doesNotMatch(a.summary(), /nothing done|not opened/, a.summary());
      }
    });

    it(`${lang}: a request dropped with "no" twice is in the recap as not done`, () => {
      for (const flow of REQUESTS) {
        const { a, replies } = converse(lang, flow.start[lang], ...flow.details, 'no', 'no');
        noClaim(replies, flow.intent);
        assert.ok(!CLAIM.test(a.recap()), a.recap());
        assert.match(a.recap(), lang === 'es' ? /no se hizo ningún cambio/ : /nothing was changed/);
        assert.match(a.summary(), /nothing done/);
      }
    });
  }

  it('a due date: only a day from 1 to 28; the read-back says it starts with the next statement', () => {
    const { replies } = converse('en', 'I want to change my due date', '31', '30', 'the 5th');
    noClaim(replies, 'due');
    assert.doesNotMatch(replies[1]!.text, READ_BACK);
    assert.doesNotMatch(replies[2]!.text, READ_BACK);
    assert.match(
      replies[3]!.text,
      /move your due date to the 5th of each month, starting with your next statement/,
    );
    const es = converse('es', 'quiero cambiar la fecha de pago al día 10', 'sí');
    assert.match(es.replies[0]!.text, /al día 10 de cada mes/);
    assert.match(es.replies[1]!.text, /su fecha de vencimiento actual no cambia/);
  });

  it("a late fee: the profile's fee is read back; a profile without one files nothing", () => {
    const withFee = createAssistant('en', undefined, { profile: profileFor('4821', undefined) });
    const r = withFee.reply('can you waive my late fee?');
    assert.match(r.text, /review of the late fee of \$39\.00 on the statement of Nov 26/);
    assert.match(r.text, READ_BACK);
    assert.match(withFee.reply('yes').text, /requested a review/);
    const es = createAssistant('es', undefined, { profile: profileFor('4821', undefined) });
    assert.match(
      es.reply('¿me pueden quitar el cargo por pago tardío?').text,
      /\$39\.00 del estado de cuenta del 26 de noviembre/,
    );
    for (const lang of ['en', 'es'] as Lang[]) {
      const none = createAssistant(lang, undefined, { profile: profileFor('1005', undefined) });
      const t = none.reply(
        lang === 'es' ? 'quiero que revisen mi cargo por pago tardío' : 'please waive my late fee',
      ).text;
      assert.match(
        t,
        lang === 'es' ? /no tiene ningún cargo por pago tardío/ : /no late fee on your account/,
      );
      assert.doesNotMatch(t, READ_BACK);
      noClaim([none.reply(lang === 'es' ? 'sí' : 'yes')], 'no fee');
      assert.ok(!none.record().some((f) => f.kind === 'done' || f.kind === 'started'));
    }
  });

  it('an authorized user: no date of birth is asked; a name alone is not enough', () => {
    const { replies } = converse('en', 'add my wife as an authorized user', 'Ana', 'Ana Pérez');
    noClaim(replies, 'au');
    for (const r of replies) assert.doesNotMatch(r.text, /what is (?:their|her|his) date of birth/i);
    assert.match(
      replies[0]!.text,
      /date of birth and address are completed later in the app or with an agent, not in this chat/,
    );
    assert.doesNotMatch(replies[1]!.text, READ_BACK);
    assert.match(replies[2]!.text, /file a request to add Ana Pérez \(wife\) as an authorized user/);
    const es = converse('es', 'quiero agregar a mi esposa como usuaria autorizada', 'se llama Lucía Gómez');
    assert.match(es.replies[1]!.text, /agregar a Lucía Gómez \(esposa\)/);
  });

  it('a trip: the place and both dates, in one message or several', () => {
    const { replies } = converse(
      'en',
      "I'm traveling to Mexico, please put a travel notice",
      'from Dec 20 to Jan 3',
    );
    noClaim(replies, 'trip');
    assert.match(replies[0]!.text, /On which dates will you be in Mexico/);
    assert.match(replies[1]!.text, /travel notice on file for Mexico from Dec 20 to Jan 3/);
    const es = converse(
      'es',
      'quiero avisar que voy a viajar a Colombia del 20 de diciembre al 3 de enero',
      'sí',
    );
    assert.match(es.replies[0]!.text, /aviso de viaje a Colombia del 20 de diciembre al 3 de enero/);
    assert.match(es.replies[1]!.text, /quedó registrado/);
  });

  it('names and places typed in lower case, as people type on phones, are taken and read back', () => {
    const au = converse('en', 'add my wife as an authorized user', 'ana pérez');
    assert.match(au.replies[1]!.text, /file a request to add Ana Pérez \(wife\) as an authorized user/);
    const es = converse('es', 'quiero agregar a mi esposa como usuaria autorizada', 'lucía gómez');
    assert.match(es.replies[1]!.text, /agregar a Lucía Gómez \(esposa\)/);
    const trip = converse('en', 'please put a travel notice on my card', 'mexico', 'from Dec 20 to Jan 3');
    assert.match(trip.replies[2]!.text, /travel notice on file for Mexico from Dec 20 to Jan 3/);
    // Words that answer something else are never a name or a place.
    for (const reply of ["i don't know", 'not sure', 'no lo sé']) {
      const { replies } = converse('en', 'add my wife as an authorized user', reply);
      assert.doesNotMatch(replies[1]!.text, READ_BACK, reply);
    }
  });

  it('a question on the same topic stays a question', () => {
    for (const [lang, q] of [
      ['en', 'what is my credit limit?'],
      ['en', 'when is my payment due?'],
      ['es', '¿cuál es mi límite de crédito?'],
      ['es', '¿cuándo vence mi pago?'],
    ] as [Lang, string][]) {
      const a = createAssistant(lang);
      const r = a.reply(q);
      assert.doesNotMatch(r.text, READ_BACK, q);
      assert.ok(
        a.record().every((f) => f.kind === 'answered'),
        q,
      );
    }
  });
});
