/**
 * Issue 26, item 1: the assistant claims an action only with every detail it needs, after
 * reading them back, on an explicit yes (the summaries that come from its record:
 * assistant-record.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAssistant } from '../../server/assistant/index.js';
import type { Lang } from '../../server/assistant/index.js';
import { REQUIRED, isDontKnow, isNo, isYes } from '../../server/assistant/actions.js';
import { expectationFrom } from '../../src/redaction/agent.js';
import { CLAIM, FLOWS, NO, READ_BACK, YES, converse, noClaim } from '../support/assistant-actions.js';

describe('assistant actions: the reported reproductions', () => {
  it('"dispute a charge" → "I don\'t remember the details": nothing opened, nothing invented', () => {
    const { a, replies } = converse('en', 'dispute a charge', "I don't remember the details");
    noClaim(replies, 'dispute / dont remember');
    assert.match(replies[1]!.text, /won't guess/);
    assert.match(replies[1]!.text, /connect you with an agent/);
    assert.doesNotMatch(a.summary(), /dispute opened|Dispute opened/i);
    assert.ok(!CLAIM.test(a.recap()));
  });

  it('"dispute a charge" → an unrelated question: nothing opened, the details asked again', () => {
    const { a, replies } = converse(
      'en',
      'dispute a charge',
      "I'm hard of hearing and use a screen reader, can you accommodate?",
    );
    noClaim(replies, 'dispute / unrelated');
    assert.match(replies[1]!.text, /the merchant, the date and the amount/);
    assert.doesNotMatch(a.summary(), /dispute opened|Dispute opened/i);
  });

  it('"disput a charge from amazon": asks for the date and the amount, opens nothing', () => {
    const { replies } = converse('en', 'disput a charge from amazon');
    noClaim(replies, 'disput amazon');
    assert.equal(replies[0]!.intent, 'dispute');
    assert.match(replies[0]!.text, /amazon/);
    assert.match(replies[0]!.text, /the date and the amount/);
  });

  it('"Bella Trattoria, Nov 15, $67.06" keeps the date, reads it back, and opens on yes', () => {
    const { a, replies } = converse('en', 'I want to dispute a charge', 'Bella Trattoria, Nov 15, $67.06');
    noClaim(replies, 'bella');
    assert.match(
      replies[1]!.text,
      /^I'll dispute \$67\.06 at Bella Trattoria on Nov 15\. Shall I open it\? Please answer yes or no\.$/,
    );
    const done = a.reply('yes');
    assert.match(done.text, /I've opened a dispute for \$67\.06 at Bella Trattoria on Nov 15/);
  });

  it('"I lost my card" then the end: the summary claims no lock and no replacement', () => {
    for (const lang of ['en', 'es'] as const) {
      const { a } = converse(lang, lang === 'es' ? 'Perdí mi tarjeta' : 'I lost my card');
      const recap = a.recap();
      assert.doesNotMatch(recap, /lock|replac|bloque|reemplazo/i, recap);
      assert.ok(!CLAIM.test(recap), recap);
      assert.match(recap, lang === 'es' ? /no se hizo ningún cambio/ : /nothing was changed/);
      assert.doesNotMatch(a.summary(), /locked|sent/);
      assert.ok(!CLAIM.test(a.nextSteps()));
    }
  });
});

describe('assistant actions: the reported reproductions, as a new user sends them', () => {
  it('Spanish: "disputr un cargo de amazon" keeps the merchant and asks for the date and amount', () => {
    const { replies } = converse('es', 'disputr un cargo de amazon');
    noClaim(replies, 'disputr amazon');
    assert.equal(replies[0]!.intent, 'dispute');
    assert.match(
      replies[0]!.text,
      /^Gracias\. Del cargo en amazon, todavía necesito la fecha y el importe\./,
    );
    const more = converse('es', 'quiero disputar un cargo de Amazon del 3 de noviembre').replies;
    assert.match(
      more[0]!.text,
      /^Gracias\. Del cargo en Amazon del 3 de noviembre, todavía necesito el importe\./,
    );
  });

  it('Spanish: "un cargo de más" or "de ayer" is not a merchant', () => {
    for (const text of ['quiero disputar un cargo de más', 'quiero disputar un cargo de ayer']) {
      const { replies } = converse('es', text);
      assert.doesNotMatch(replies[0]!.text, /Del cargo en/, text);
    }
  });

  it('after a dispute, "also a charge of $12 at Uber on 11/21" is another dispute, read back first', () => {
    const en = converse(
      'en',
      'I want to dispute a charge',
      'Netflix, 11/20, $30',
      'yes',
      'also a charge of $12 at Uber on 11/21',
    );
    noClaim([en.replies[3]!], 'another charge');
    assert.match(en.replies[3]!.text, /^I'll dispute \$12 at Uber on 11\/21\. Shall I open it\?/);
    assert.ok(CLAIM.test(en.a.reply('yes').text));
    const es = converse(
      'es',
      'Quiero disputar un cargo',
      'Netflix, 20/11, $30',
      'sí',
      'y otro cargo de $12 en Uber del 21/11',
    );
    assert.match(es.replies[3]!.text, /^Voy a disputar el cargo de \$12 en Uber del 21\/11\./);
    // Without a dispute before, a charge alone is not taken as one; an amount alone is not either.
    assert.notEqual(converse('en', 'a charge of $12 at Uber on 11/21').replies[0]!.intent, 'dispute');
    const bare = converse('en', 'I want to dispute a charge', 'Netflix, 11/20, $30', 'yes', 'it was $60')
      .replies[3]!;
    assert.doesNotMatch(bare.text, /I'll dispute/);
  });

  it('"$50 at Walmart yesterday": the day is read back as a date, and done only on yes', () => {
    // The day before the one the assistant reads the message on (read around the call).
    const days = (offset: number, lang: 'en' | 'es'): string[] =>
      [Date.now(), Date.now() + 5_000].map((t) =>
        new Date(t - offset * 86_400_000).toLocaleDateString(lang === 'es' ? 'es-US' : 'en-US', {
          month: lang === 'es' ? 'long' : 'short',
          day: 'numeric',
        }),
      );
    const en = converse('en', 'I want to dispute a charge', '$50 at Walmart yesterday');
    noClaim(en.replies, 'yesterday');
    const yesterday = days(1, 'en');
    assert.ok(
      yesterday.some(
        (d) =>
          en.replies[1]!.text ===
          `I'll dispute $50 at Walmart on ${d}. Shall I open it? Please answer yes or no.`,
      ),
      en.replies[1]!.text,
    );
    assert.ok(CLAIM.test(en.a.reply('yes').text));
    const es = converse('es', 'Quiero disputar un cargo', 'Walmart, $50, anteayer');
    assert.ok(
      days(2, 'es').some((d) =>
        es.replies[1]!.text.startsWith(`Voy a disputar el cargo de $50 en Walmart del ${d}.`),
      ),
      es.replies[1]!.text,
    );
    // In the first message, "today" is when the customer asks, not the charge's date.
    assert.match(converse('en', 'I need to dispute a charge today').replies[0]!.text, /Which charge is it\?/);
  });

  it('"1005 10001" is the last four and the ZIP code, read back before anything is done', () => {
    for (const lang of ['en', 'es'] as const) {
      const { a, replies } = converse(
        lang,
        lang === 'es' ? 'Mi tarjeta está dañada' : 'My card is damaged',
        '1005 10001',
      );
      noClaim(replies, 'last four and ZIP in one message');
      assert.match(replies[1]!.text, READ_BACK);
      assert.match(replies[1]!.text, /1005/);
      assert.match(replies[1]!.text, /10001/);
      assert.ok(CLAIM.test(a.reply(lang === 'es' ? 'sí' : 'yes').text));
    }
  });
});

describe('assistant actions: a request without its details is never claimed, whatever the yes', () => {
  /** Words that would say one of these changes was made (EN and ES). */
  const CHANGED =
    /\b(?:waived|has been (?:changed|increased|raised|added|set)|is now|I've (?:changed|waived|increased|raised|added|set|noted)|anulé|cambié|aumenté|agregué|registré su viaje|ya está (?:cambiada|anulado|aumentado|agregad[oa]))\b/i;
  const ASKS: Record<Lang, string[]> = {
    en: [
      'can you change my payment due date?',
      'please waive my late fee',
      'add my wife as an authorized user',
      'raise my credit limit',
      'set up a travel notice, I am going to Mexico',
    ],
    es: [
      'quiero cambiar la fecha de pago',
      '¿me pueden quitar el cargo por pago tardío?',
      'quiero agregar a mi esposa como usuaria autorizada',
      '¿me pueden subir el límite de crédito?',
      'quiero avisar que voy a viajar a México',
    ],
  };
  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: a due date change, a late-fee waiver, a new authorized user, a higher limit, a trip`, () => {
      const yes = lang === 'es' ? ['sí', 'sí, hágalo por favor'] : ['yes', 'yes please do it'];
      for (const ask of ASKS[lang]) {
        const { a, replies } = converse(lang, ask, ...yes);
        noClaim(replies, ask);
        for (const r of replies) assert.doesNotMatch(r.text, CHANGED, `${ask}: "${r.text}"`);
        assert.notEqual(replies[0]!.intent, 'unknown', ask);
        assert.ok(!a.record().some((f) => f.kind === 'done'), ask);
        assert.ok(!CLAIM.test(a.recap()) && !CHANGED.test(a.recap()), a.recap());
      }
    });
  }
});

describe('assistant actions: every flow needs its details and a yes', () => {
  for (const flow of FLOWS) {
    for (const lang of ['en', 'es'] as const) {
      it(`${lang} ${flow.intent}: details → read-back → yes → done`, () => {
        const { a, replies } = converse(lang, flow.start[lang], ...flow.details);
        noClaim(replies, flow.intent);
        const readBack = replies[replies.length - 1]!;
        assert.match(readBack.text, READ_BACK);
        for (const d of flow.details) assert.ok(readBack.text.includes(d.split(',')[0]!), readBack.text);
        const done = a.reply(YES[lang][0]!);
        assert.match(done.text, flow.done[lang]);
        assert.equal(done.intent, flow.intent);
        const facts = a.record().filter((f) => f.kind === 'done');
        assert.equal(facts.length, 1);
        for (const k of REQUIRED[flow.intent]) assert.ok(facts[0]?.kind === 'done' && facts[0].details[k]);
      });

      it(`${lang} ${flow.intent}: every yes word works; no asks what to change and does nothing`, () => {
        for (const yes of YES[lang]) {
          const { a } = converse(lang, flow.start[lang], ...flow.details);
          assert.match(a.reply(yes).text, flow.done[lang], yes);
        }
        const { a, replies } = converse(lang, flow.start[lang], ...flow.details, NO[lang]);
        noClaim(replies, `${flow.intent} no`);
        assert.match(
          replies[replies.length - 1]!.text,
          lang === 'es' ? /Qué desea cambiar/ : /What should I change/,
        );
        // "no" again: dropped; a later yes does nothing.
        noClaim([a.reply(NO[lang]), a.reply(YES[lang][0]!)], `${flow.intent} no no yes`);
        assert.equal(a.record().filter((f) => f.kind === 'done').length, 0);
      });

      it(`${lang} ${flow.intent}: unclear answers are asked again twice, then an agent is offered`, () => {
        const { a, replies } = converse(lang, flow.start[lang], ...flow.details, 'hmm', 'maybe later', 'ok');
        noClaim(replies, `${flow.intent} unclear`);
        const [again1, again2, gaveUp] = replies.slice(-3);
        assert.match(again1!.text, READ_BACK);
        assert.match(again2!.text, READ_BACK);
        assert.match(gaveUp!.text, lang === 'es' ? /Un agente puede ayudarle/ : /An agent can help you/);
        assert.ok(gaveUp!.quickReplies?.some((q) => /agent/i.test(q.label)));
        noClaim([a.reply(YES[lang][0]!)], `${flow.intent} yes after giving up`);
      });

      it(`${lang} ${flow.intent}: without the details, a yes does nothing and "I don't remember" invents nothing`, () => {
        const dontKnow = lang === 'es' ? 'No me acuerdo' : "I don't remember";
        const { a, replies } = converse(lang, flow.start[lang], YES[lang][0]!, dontKnow);
        noClaim(replies, `${flow.intent} no details`);
        assert.equal(a.record().filter((f) => f.kind === 'done').length, 0);
        assert.ok(!CLAIM.test(a.recap()));
      });
    }
  }

  it('while details are missing, unclear replies are asked again twice, then an agent is offered', () => {
    for (const lang of ['en', 'es'] as const) {
      const { a, replies } = converse(
        lang,
        lang === 'es' ? 'Perdí mi tarjeta' : 'I lost my card',
        'hmm',
        'what?',
        'asdf',
      );
      noClaim(replies, 'collect unclear');
      assert.match(replies[1]!.text, /last four digits|últimos cuatro dígitos/);
      assert.match(replies[2]!.text, /last four digits|últimos cuatro dígitos/);
      assert.match(replies[3]!.text, lang === 'es' ? /no he hecho nada/ : /I haven't done anything/);
      assert.ok(replies[3]!.quickReplies?.some((q) => /agent/i.test(q.label)));
      noClaim([a.reply('1005'), a.reply('10001'), a.reply(lang === 'es' ? 'sí' : 'yes')], 'after giving up');
    }
  });

  it('a question in the middle of an action is answered, and the action carries on where it was', () => {
    const { a, replies } = converse('en', 'I lost my card', '1005', 'When is my payment due?', '10001');
    noClaim(replies, 'interleaved');
    assert.equal(replies[2]!.intent, 'payment-due');
    assert.match(
      replies[2]!.text,
      /Now, about a lost or stolen card: To confirm that the card ending in 1005 is yours/,
    );
    assert.match(replies[3]!.text, /I'll lock the card ending in 1005 .*ZIP 10001/);
    assert.match(a.reply('yes').text, /is locked/);
    assert.match(
      a.recap(),
      /^We talked about a lost or stolen card and your payment due date\. The card ending in 1005 was locked/,
    );
    const es = converse('es', 'Quiero disputar un cargo', 'Netflix, $15.99', '¿Cuántos puntos tengo?');
    assert.match(
      es.replies[2]!.text,
      /Ahora, sobre la disputa de un cargo: Del cargo de \$15\.99 en Netflix, todavía necesito la fecha\./,
    );
  });

  it('a bare number is the amount only when the amount is all that is missing', () => {
    const { replies } = converse('en', 'I want to dispute a charge', 'Bella Trattoria, Nov 15', '67.06');
    assert.match(replies[2]!.text, /^I'll dispute \$67\.06 at Bella Trattoria on Nov 15\./);
    const early = converse('en', 'I want to dispute a charge', '67.06');
    assert.doesNotMatch(early.replies[1]!.text, /\$67\.06/);
  });

  it('reads yes, no and "I don\'t remember" strictly (en, es)', () => {
    for (const t of [
      'yes',
      'Yes!',
      'yeah',
      'yep',
      'correct',
      "that's right",
      'yes please',
      'go ahead',
      'sí',
      'Sí, por favor',
      'si',
      'correcto',
      'claro',
      'de acuerdo',
      'adelante',
      'así es',
    ]) {
      assert.ok(isYes(t), t);
    }
    for (const t of [
      'ok',
      'yes?',
      'is that correct?',
      'yes but no',
      'yes, $67.06',
      'no',
      'not yet',
      'si no me acuerdo',
      'no sé',
      'I guess so maybe yes if you think',
      'hmm',
      '',
    ]) {
      assert.ok(!isYes(t), t);
    }
    for (const t of ['no', 'No, that is wrong', 'incorrecto', 'no, espere']) assert.ok(isNo(t), t);
    for (const t of ['no sé', "I don't know", 'yes', 'no me acuerdo']) assert.ok(!isNo(t), t);
    for (const t of ["I don't remember the details", 'no me acuerdo', 'No lo sé', 'not sure', 'I forgot']) {
      assert.ok(isDontKnow(t), t);
    }
    assert.ok(!isDontKnow('Bella Trattoria, Nov 15, $67.06'));
  });

  it('a correction after the read-back is read back again before anything is done', () => {
    const { a, replies } = converse(
      'en',
      'I want to dispute a charge',
      'Bella Trattoria, Nov 15, $67.06',
      'no, it was $76.06',
    );
    noClaim(replies, 'correction');
    assert.match(replies[2]!.text, /I'll dispute \$76\.06 at Bella Trattoria on Nov 15/);
    assert.match(a.reply('yes').text, /\$76\.06/);
  });

  it('partial dispute details are gathered over several messages (en and es)', () => {
    const en = converse('en', 'I want to dispute a charge', 'it was at Corner Deli', '$12.50', 'on 08/15');
    noClaim(en.replies, 'partial en');
    assert.match(en.replies[1]!.text, /the date and the amount/);
    assert.match(
      en.replies[2]!.text,
      /^Thanks\. For the charge of \$12\.50 at Corner Deli, I still need the date\.$/,
    );
    assert.match(en.replies[3]!.text, /I'll dispute \$12\.50 at Corner Deli on 08\/15/);
    const es = converse('es', 'Quiero disputar un cargo', 'Netflix, $15.99', '15 de noviembre');
    noClaim(es.replies, 'partial es');
    assert.match(es.replies[1]!.text, /todavía necesito la fecha/);
    assert.match(es.replies[2]!.text, /Voy a disputar el cargo de \$15\.99 en Netflix del 15 de noviembre/);
  });

  it('the read-backs and questions are safe for the redactor', () => {
    for (const flow of FLOWS) {
      for (const lang of ['en', 'es'] as const) {
        const { replies } = converse(
          lang,
          flow.start[lang],
          ...flow.details,
          'hmm',
          NO[lang],
          "I don't know",
        );
        for (const r of replies) {
          assert.equal(expectationFrom(r.text)?.secrets.size ?? 0, 0, `a cue for a secret: ${r.text}`);
        }
      }
    }
  });
});

// ---- property: no claim without every detail and a yes ------------------------------------------

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const YES_WORDS = new Set(['yes', 'sí', 'correct', 'correcto', 'yeah']);
const POOL = [
  'hmm',
  'ok',
  "I don't remember",
  'No me acuerdo',
  'no sé',
  "I'm hard of hearing and use a screen reader, can you accommodate?",
  'what?',
  'Can you help me?',
  'Amazon',
  'Bella Trattoria, Nov 15',
  '$67.06',
  'Nov 15',
  'the charge was $20.00',
  'at Corner Deli',
  '1005',
  '10001',
  '2002 is the card',
  'zip 94105',
  'maybe',
  'thanks',
  'next steps',
  'asdf',
  'no',
  'wait',
  'yes',
  'sí',
  'correct',
  'correcto',
  'yeah',
];

describe('assistant actions: property', () => {
  it('random replies never lead to a claim without every detail, a read-back and a yes', () => {
    const next = rng(26);
    let claims = 0;
    for (let run = 0; run < 3000; run++) {
      const lang: Lang = next() < 0.5 ? 'en' : 'es';
      const flow = FLOWS[Math.floor(next() * FLOWS.length)]!;
      const a = createAssistant(lang);
      const said: string[] = [flow.start[lang]];
      let prev = a.reply(flow.start[lang]);
      assert.ok(!CLAIM.test(prev.text));
      const turns = 1 + Math.floor(next() * 9);
      for (let i = 0; i < turns; i++) {
        const msg = POOL[Math.floor(next() * POOL.length)]!;
        said.push(msg);
        const r = a.reply(msg);
        if (CLAIM.test(r.text)) {
          claims += 1;
          const where = `${lang} ${said.join(' | ')} → ${r.text}`;
          assert.ok(YES_WORDS.has(msg), `claimed without a yes: ${where}`);
          assert.match(prev.text, READ_BACK, `claimed without a read-back: ${where}`);
          const done = a.record().filter((f) => f.kind === 'done');
          assert.equal(done.length, 1, where);
          const fact = done[0]!;
          assert.ok(fact.kind === 'done');
          for (const k of REQUIRED[fact.intent]) {
            const v = fact.details[k];
            assert.ok(v !== undefined, `${k} missing: ${where}`);
            assert.ok(
              // A bare "1005" is read back as "$1005": what was typed is the number.
              said.some((s) => s.toLowerCase().includes(v.toLowerCase().replace(/^\$/, ''))),
              `${k} "${v}" was never typed: ${where}`,
            );
          }
          break;
        }
        prev = r;
      }
      const anyDone = a.record().some((f) => f.kind === 'done');
      if (!anyDone) {
        assert.ok(!CLAIM.test(a.recap()), `${lang} ${said.join(' | ')}: recap ${a.recap()}`);
        assert.doesNotMatch(a.summary(), /opened:|locked|sent to|unlocked|removed \(/, a.summary());
      }
    }
    // The random walks do reach the yes sometimes (the property is not vacuous).
    assert.ok(claims > 20, `only ${claims} claims`);
  });
});
