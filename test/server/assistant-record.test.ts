/**
 * Issue 26, item 2: the end summary and the agent's lines come from the record of what was
 * actually done (the actions themselves: assistant-actions.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAssistant } from '../../server/assistant/index.js';
import type { AssistantState } from '../../server/assistant/index.js';
import { CLAIM, converse } from '../support/assistant-actions.js';

describe('assistant record: summaries from facts', () => {
  it('a completed dispute: the recap and the agent line name it with its details (en, es)', () => {
    const en = converse('en', 'I want to dispute a charge', 'Bella Trattoria, Nov 15, $67.06', 'yes').a;
    assert.match(en.recap(), /A dispute was opened for \$67\.06 at Bella Trattoria on Nov 15\./);
    assert.match(en.recap(), /90 days/);
    assert.match(en.summary(), /Dispute opened: \$67\.06 at Bella Trattoria on Nov 15/);
    const es = converse('es', 'Quiero disputar un cargo', 'Bella Trattoria, 15 de noviembre, $67.06', 'sí').a;
    assert.match(
      es.recap(),
      /^Hablamos de la disputa de un cargo\. Se abrió una disputa por el cargo de \$67\.06 en Bella Trattoria del 15 de noviembre\./,
    );
    assert.match(es.recap(), /90 días/);
  });

  it('Spanish: "del" before a masculine topic', () => {
    const { a } = converse('es', 'Quiero bloquear mi tarjeta', '1005', 'sí');
    assert.match(
      a.recap(),
      /^Hablamos del bloqueo de la tarjeta\. La tarjeta terminada en 1005 se bloqueó\./,
    );
  });

  it('two disputes, two cards locked: the recap, the board and the summary name every one', () => {
    const two = converse(
      'en',
      'I want to dispute a charge',
      'Netflix, 11/20, $30',
      'yes',
      'I want to dispute another charge',
      'Uber, 11/21, $12',
      'yes',
    ).a;
    for (const text of [two.recap(), two.summary()]) {
      assert.match(text, /\$30 at Netflix on 11\/20/, text);
      assert.match(text, /\$12 at Uber on 11\/21/, text);
    }
    assert.match(
      two.recap(),
      /A dispute was opened for \$30 at Netflix on 11\/20\. A dispute was opened for \$12/,
    );
    const locks = converse(
      'es',
      'Quiero bloquear mi tarjeta',
      '1005',
      'sí',
      'Quiero bloquear mi tarjeta',
      '2002',
      'sí',
    ).a;
    assert.match(
      locks.recap(),
      /La tarjeta terminada en 1005 se bloqueó\. La tarjeta terminada en 2002 se bloqueó\./,
    );
    assert.match(locks.summary(), /1005 locked; .*2002 locked/);
  });

  it('a dispute read back but not confirmed: the recap says it was not opened', () => {
    const { a } = converse('en', 'I want to dispute a charge', 'Bella Trattoria, Nov 15, $67.06');
    assert.ok(!CLAIM.test(a.recap()));
    assert.match(a.recap(), /not completed/);
    assert.match(a.summary(), /not opened/);
  });

  it('questions answered, actions done and not done, and transfers, in order and in the language', () => {
    const { a } = converse(
      'es',
      '¿Cuándo vence mi pago?',
      'Perdí mi tarjeta',
      '1005',
      '10001',
      'sí',
      'Quiero disputar un cargo',
    );
    a.transferred('disputes');
    const r = a.recap();
    assert.match(
      r,
      /^Hablamos de la fecha de vencimiento del pago, una tarjeta perdida o robada y la disputa de un cargo\./,
    );
    assert.match(r, /La tarjeta terminada en 1005 se bloqueó y se envió un reemplazo/);
    assert.match(r, /Sobre la disputa de un cargo: no se completó/);
    assert.match(r, /Se le transfirió al equipo de disputas\./);
    assert.doesNotMatch(r, /Abrí|se abrió/);
    const kinds = a.record().map((f) => f.kind);
    assert.deepEqual(kinds, ['answered', 'done', 'started', 'transfer']);
    assert.match(a.summary(), /Transferred to disputes/);
  });

  it('the record survives state() → createAssistant (another instance carries on)', () => {
    const { a } = converse('en', 'I lost my card', '1005', '10001');
    const b = createAssistant('en', JSON.parse(JSON.stringify(a.state())) as AssistantState);
    assert.match(b.reply('yes').text, /card ending in 1005 is locked/);
    assert.match(b.recap(), /was locked/);
  });

  it('a task told to a person is remembered as asked, never as done', () => {
    const a = createAssistant('en');
    a.observe('I want to dispute $20.00 at Corner Deli');
    a.observe('I lost my card ending in 1005');
    assert.ok(!CLAIM.test(a.recap()));
    assert.match(a.summary(), /dispute the charge of \$20\.00 at Corner Deli \(not opened\)/);
    assert.match(a.summary(), /card ending in 1005 \(nothing done\)/);
  });

  it("the customer's own address or email, told to a person, is not the question of how to contact us", () => {
    // Found by the Spanish journey (test/e2e/journey.test.ts): the summary said "cómo contactarnos".
    for (const [lang, text] of [
      ['es', '¿Me pueden ayudar también con mi dirección?'],
      ['en', 'I also need to update my address'],
      ['en', 'can you change my email on file'],
      ['es', 'quiero cambiar mi correo'],
    ] as const) {
      const a = createAssistant(lang);
      a.observe(text);
      assert.deepEqual(a.record(), [], text);
      assert.doesNotMatch(a.recap(), /contact/, text);
    }
    // The issuer's own address and email still are.
    for (const text of ["what's your mailing address for payments", 'cual es su direccion de correo']) {
      assert.equal(createAssistant('en').reply(text).intent, 'contact', text);
    }
  });
});
