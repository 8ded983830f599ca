/**
 * The virtual assistant, one message or one conversation at a time: what each phrasing is
 * about, which rule wins when several match, and multi-turn flows.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TOPIC, createAssistant } from '../../server/assistant/index.js';
import type { TaskIntent } from '../../server/assistant/index.js';
import { baseOf } from '../../server/assistant/requests.js';
import { PHRASINGS, first, last, talk } from '../support/assistant.js';

describe('assistant: intents', () => {
  for (const [intent, lang, text] of PHRASINGS) {
    it(`${lang}: "${text}" → ${intent}`, () => {
      // A request the assistant files ("increase my credit limit") is its topic's intent asked
      // as a request (requests.ts, assistant-requests.test.ts).
      const got = first(lang, text).intent;
      assert.equal(got in TOPIC ? baseOf(got as TaskIntent) : got, intent);
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

  it('identity theft gets the phone route at once, not a card replacement (en, es)', () => {
    for (const [lang, text] of [
      ['en', 'I think someone stole my identity'],
      ['en', 'someone opened an account in my name'],
      ['es', 'creo que me robaron la identidad'],
      ['es', 'fui víctima de robo de identidad'],
    ] as const) {
      const r = first(lang, text);
      assert.equal(r.intent, 'urgent-fraud', text);
      assert.equal(r.action, 'urgent-phone', text);
    }
    // Proving one's identity is another matter.
    assert.equal(first('en', 'how do I verify my identity?').intent, 'verify-identity');
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
    assert.equal(first('es', 'Quiero agregar una persona autorizada').intent, 'authorized-user-request');
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
