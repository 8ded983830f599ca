import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAssistant, isFarewell, wantsToLeaveQueue } from '../../server/assistant/index.js';
import type { AssistantReply, Intent, Lang } from '../../server/assistant/index.js';
import { createRedactor } from '../../src/redaction/index.js';
import { expectationFrom } from '../../src/redaction/agent.js';

/** One fresh assistant, one message. */
function first(lang: Lang, text: string): AssistantReply {
  return createAssistant(lang).reply(text);
}

/** Several messages in one conversation; every reply. */
function talk(lang: Lang, ...texts: string[]): AssistantReply[] {
  const a = createAssistant(lang);
  return texts.map((t) => a.reply(t));
}

function last(replies: AssistantReply[]): AssistantReply {
  const r = replies[replies.length - 1];
  assert.ok(r);
  return r;
}

/** Realistic phrasings of every intent, both languages (Spanish with and without accents). */
const PHRASINGS: readonly [Intent, Lang, string][] = [
  ['dispute', 'en', 'I want to dispute a charge'],
  ['dispute', 'en', "There's a charge on my statement I don't recognize"],
  ['dispute', 'en', 'I was charged twice for the same order'],
  ['dispute', 'es', 'Quiero disputar un cargo'],
  ['dispute', 'es', 'Hay un cargo que no reconozco'],
  ['lost-stolen', 'en', 'I lost my card'],
  ['lost-stolen', 'en', 'My wallet was stolen last night'],
  ['lost-stolen', 'en', "I can't find my card anywhere"],
  ['lost-stolen', 'es', 'Perdí mi tarjeta'],
  ['lost-stolen', 'es', 'perdi mi tarjeta'],
  ['lost-stolen', 'es', 'Me robaron la cartera'],
  ['damaged', 'en', 'My card is damaged and the chip does not work'],
  ['damaged', 'es', 'Mi tarjeta está dañada'],
  ['damaged', 'es', 'mi tarjeta esta rota'],
  ['lock', 'en', 'Can you freeze my card?'],
  ['lock', 'es', 'Quiero bloquear mi tarjeta'],
  ['unlock', 'en', 'Please unlock my card, I found it'],
  ['unlock', 'es', 'Quiero desbloquear mi tarjeta'],
  ['payment-due', 'en', 'When is my payment due?'],
  ['payment-due', 'es', '¿Cuándo vence mi pago?'],
  ['payment-due', 'es', 'cual es mi fecha de pago'],
  ['payment-assistance', 'en', "I lost my job and can't pay this month"],
  ['payment-assistance', 'en', 'Do you have a payment plan for hardship?'],
  ['payment-assistance', 'es', 'No puedo pagar este mes'],
  ['late-fee', 'en', 'Why was I charged a late fee?'],
  ['late-fee', 'es', 'Me cobraron un cargo por pago tardío'],
  ['late-fee', 'es', 'tengo un cargo por mora'],
  ['rewards', 'en', 'How many rewards points do I have?'],
  ['rewards', 'es', '¿Cuántos puntos tengo?'],
  ['pay-with-points', 'en', 'Can I use my points to pay for a purchase?'],
  ['pay-with-points', 'es', 'Quiero pagar con puntos'],
  ['authorized-user-add', 'en', 'I want to add an authorized user for my wife'],
  ['authorized-user-add', 'es', 'Quiero agregar un usuario autorizado'],
  ['authorized-user-add', 'es', 'Quiero añadir a una persona autorizada a mi cuenta'],
  ['authorized-user-remove', 'en', 'Please remove my son as an authorized user'],
  ['authorized-user-remove', 'es', 'Quiero eliminar a un usuario autorizado'],
  ['contact', 'en', 'What is your phone number?'],
  ['contact', 'es', '¿Cuál es su teléfono de atención al cliente?'],
  ['contact', 'es', 'cual es su telefono'],
  ['credit-limit', 'en', 'Can I increase my credit limit?'],
  ['credit-limit', 'es', 'Quiero aumentar mi límite de crédito'],
  ['credit-limit', 'es', 'quiero aumentar mi limite'],
  ['travel', 'en', 'I need to change my hotel booking'],
  ['travel', 'en', 'Can I book a flight with my card?'],
  ['travel', 'es', 'Necesito cambiar mi reserva de vuelo'],
  ['urgent-fraud', 'en', 'Someone is using my card!'],
  ['urgent-fraud', 'en', 'There are unauthorized charges happening right now'],
  ['urgent-fraud', 'es', 'Alguien está usando mi tarjeta'],
  ['urgent-fraud', 'es', 'hay cargos no autorizados ahora mismo'],
  ['agent', 'en', 'I want to talk to an agent'],
  ['agent', 'en', 'representative please'],
  ['agent', 'en', 'Can I speak to a live person?'],
  ['agent', 'es', 'Quiero hablar con un agente'],
  ['agent', 'es', 'representante'],
  ['agent', 'es', 'Necesito hablar con alguien'],
  ['agent', 'es', 'quiero hablar con una persona'],
  ['greeting', 'en', 'Hello'],
  ['greeting', 'es', 'Buenos días'],
  ['thanks', 'en', 'Thank you!'],
  ['thanks', 'es', 'Muchas gracias'],
  ['goodbye', 'en', "That's all, bye"],
  ['goodbye', 'es', 'Eso es todo, adiós'],
  ['unknown', 'en', 'asdf qwerty'],
  ['unknown', 'es', 'el perro come pizza'],
];

describe('assistant: intents', () => {
  for (const [intent, lang, text] of PHRASINGS) {
    it(`${lang}: "${text}" → ${intent}`, () => {
      assert.equal(first(lang, text).intent, intent);
    });
  }

  it('answers in the conversation language, whatever the language of the triggers', () => {
    const r = first('es', 'I lost my card');
    assert.equal(r.intent, 'lost-stolen');
    assert.match(r.text, /últimos cuatro dígitos/);
  });

  it('greets with the main tasks and the reassurance, in both languages', () => {
    const en = createAssistant('en').greet();
    assert.equal(en.intent, 'greeting');
    assert.match(en.text, /never ask for your PIN, password, security code or full card number/);
    assert.ok((en.quickReplies ?? []).length >= 4);
    const es = createAssistant('es').greet();
    assert.match(es.text, /Nunca le pediremos/);
  });

  it('every quick reply value leads back to its own intent (en and es)', () => {
    for (const lang of ['en', 'es'] as const) {
      const menu = [...(createAssistant(lang).greet().quickReplies ?? [])];
      for (const intent of ['late-fee', 'unknown'] as const) {
        menu.push(...(first(lang, intent === 'late-fee' ? 'late fee' : 'zzz').quickReplies ?? []));
      }
      for (const q of menu) {
        const r = first(lang, q.value);
        assert.notEqual(r.intent, 'unknown', `${lang} quick reply "${q.label}" is not understood`);
      }
    }
  });
});

describe('assistant: priorities', () => {
  it('urgent fraud beats everything and gives the phone route at once', () => {
    const r = first('en', 'Someone is using my card right now, I want to dispute it and talk to an agent');
    assert.equal(r.intent, 'urgent-fraud');
    assert.equal(r.action, 'urgent-phone');
    assert.match(r.text, /phone number printed on the back of your card/);
    const es = first('es', 'alguien esta usando mi tarjeta, quiero un agente');
    assert.equal(es.action, 'urgent-phone');
    assert.match(es.text, /teléfono que aparece impreso en el reverso/);
  });

  it('a past unrecognized charge is a dispute, not urgent fraud', () => {
    const r = first('en', "I don't recognize a charge from last month, I think it's fraud");
    assert.equal(r.intent, 'dispute');
    assert.equal(r.action, undefined);
  });

  it('an agent request beats a task and returns queue-for-agent with the summary', () => {
    const replies = talk('en', 'I lost my card', '1005', 'Actually, let me talk to a representative');
    const r = last(replies);
    assert.equal(r.intent, 'agent');
    assert.equal(r.action, 'queue-for-agent');
    assert.match(r.summary ?? '', /lost or stolen card: card ending in 1005/);
  });

  it('the "talk to an agent" quick reply queues the customer (en and es)', () => {
    for (const lang of ['en', 'es'] as const) {
      const agentQr = createAssistant(lang)
        .greet()
        .quickReplies?.find((q) => /agent/i.test(q.label));
      assert.ok(agentQr, `${lang}: no agent quick reply`);
      assert.equal(first(lang, agentQr.value).action, 'queue-for-agent');
    }
  });

  it('a travel agent or an authorized person is not a request for a person', () => {
    assert.equal(first('en', 'Can a travel agent book a hotel with my card?').intent, 'travel');
    assert.equal(first('es', 'Quiero agregar una persona autorizada').intent, 'authorized-user-add');
  });

  it('unknown offers the main tasks and a person as quick replies', () => {
    for (const lang of ['en', 'es'] as const) {
      const r = first(lang, 'purple elephants');
      assert.equal(r.intent, 'unknown');
      const values = (r.quickReplies ?? []).map((q) => q.value);
      assert.ok(values.length >= 4);
      assert.ok(values.some((v) => first(lang, v).action === 'queue-for-agent'));
      assert.ok(values.some((v) => first(lang, v).intent === 'dispute'));
    }
  });
});

describe('assistant: multi-turn flows', () => {
  it('lost card (en): last four → ZIP → read-back → yes → locked and replaced', () => {
    const [ask, zip, readBack, done] = talk('en', 'I lost my card', '1005', '10001', 'yes');
    assert.match(ask!.text, /only its last four digits/);
    assert.doesNotMatch(zip!.text, /locked/);
    assert.match(zip!.text, /ZIP code/);
    assert.match(readBack!.text, /I'll lock the card ending in 1005 and send a replacement.*yes or no/);
    assert.equal(done!.intent, 'lost-stolen');
    assert.match(done!.text, /card ending in 1005 is locked/);
    assert.match(done!.text, /2–3 business days/);
    assert.match(done!.text, /ZIP 10001/);
  });

  it('lost card (es): últimos cuatro → bloqueada, código postal → reemplazo', () => {
    const [ask, zip, readBack, done] = talk(
      'es',
      'Perdí mi tarjeta',
      'Es la 1005',
      'mi código postal es 10001',
      'sí',
    );
    assert.match(ask!.text, /últimos cuatro dígitos/);
    assert.match(zip!.text, /código postal/);
    assert.match(readBack!.text, /Voy a bloquear la tarjeta terminada en 1005.*Responda sí o no/);
    assert.match(done!.text, /terminada en 1005 está bloqueada/);
    assert.match(done!.text, /2 o 3 días hábiles/);
  });

  it('picks up "ending in 1005" from the first message', () => {
    const [r, done] = talk('en', 'Please lock my card ending in 1005', 'yes');
    assert.equal(r!.intent, 'lock');
    assert.match(r!.text, /I'll lock the card ending in 1005/);
    assert.match(done!.text, /card ending in 1005 is locked/);
  });

  it('damaged card and unlock ask last four, then ZIP, then confirm', () => {
    const d = talk('en', 'my card is broken', '2002', '94105', 'yes');
    assert.match(last(d).text, /same number/);
    const u = talk('es', 'Quiero desbloquear mi tarjeta', '2002', '94105', 'sí');
    assert.match(last(u).text, /desbloqueada/);
    const rm = talk('en', 'Remove an authorized user', '3003', '94105', 'yes');
    assert.match(last(rm).text, /authorized user's card ending in 3003 is removed/);
  });

  it('asks again when the reply is not four digits, without leaving the task', () => {
    const [, again] = talk('en', 'I lost my card', "I'm not sure");
    assert.equal(again!.intent, 'lost-stolen');
    assert.match(again!.text, /last four digits/);
  });

  it('urgent fraud → last four locks the card and keeps the phone route', () => {
    const [, readBack, locked] = talk('en', 'someone is using my card', '1005', 'yes');
    assert.equal(readBack!.action, 'urgent-phone');
    assert.doesNotMatch(readBack!.text, /is locked/);
    assert.equal(locked!.intent, 'urgent-fraud');
    assert.equal(locked!.action, 'urgent-phone');
    assert.match(locked!.text, /1005 is locked/);
    assert.match(locked!.text, /phone number printed on the back/);
  });

  it('dispute (en): asks merchant/date/amount → confirms with the 60/30/90-day timeline', () => {
    const [ask, readBack, done] = talk(
      'en',
      'I want to dispute a charge',
      'Blue Bottle Coffee, 08/15, $127.43',
      'yes',
    );
    assert.match(ask!.text, /merchant, the date and the amount/);
    assert.match(
      readBack!.text,
      /I'll dispute \$127\.43 at Blue Bottle Coffee on 08\/15\. Shall I open it\?/,
    );
    assert.equal(done!.intent, 'dispute');
    assert.match(done!.text, /\$127\.43 at Blue Bottle Coffee on 08\/15/);
    assert.match(done!.text, /60 days/);
    assert.match(done!.text, /30 days/);
    assert.match(done!.text, /two billing cycles, at most 90 days/);
  });

  it('dispute (es): picks up merchant, amount and date from the first message', () => {
    const [readBack, r] = talk('es', 'Quiero disputar un cargo en Amazon por $50.00 el 15/08', 'sí');
    assert.match(readBack!.text, /Voy a disputar el cargo de \$50\.00 en Amazon del 15\/08/);
    assert.match(r!.text, /Abrí una disputa por el cargo de \$50\.00 en Amazon del 15\/08/);
    assert.match(r!.text, /60 días/);
    assert.match(r!.text, /90 días/);
  });

  it('the summary names what the customer wanted, for the agent console', () => {
    const a = createAssistant('en');
    assert.match(a.summary(), /No task/);
    a.reply('I want to dispute a charge');
    a.reply('a charge at Corner Deli for $12.50 on 08/15');
    assert.match(a.summary(), /dispute the charge of \$12\.50 at Corner Deli on 08\/15 \(not opened\)/);
    a.reply('yes');
    assert.match(a.summary(), /Dispute opened: \$12\.50 at Corner Deli on 08\/15/);
  });
});

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
      const seen = new Set(replies.filter((r) => r.lang === lang).map((r) => r.reply.intent));
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
              'Confirma los próximos pasos y el plazo, por favor',
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
