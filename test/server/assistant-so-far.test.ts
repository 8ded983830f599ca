/**
 * Issue 26, items 1 and 2: a customer who asks, before the chat ends, whether something was
 * done ("did you lock my card?") or what was agreed gets the answer from the record only: yes
 * with what was done, or no, and an action in progress carries on where it was.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectationFrom } from '../../src/redaction/agent.js';
import { withServer } from '../support/server.js';
import { CLAIM, READ_BACK, converse, noClaim } from '../support/assistant-actions.js';
import { Customer } from '../support/assistant-chat.js';

describe('assistant: what was done so far, asked before the end', () => {
  it('"did you lock my card?" while the lost card waits for its details: no, and the flow goes on', () => {
    const { a, replies } = converse('en', 'I lost my card', 'did you lock my card?', '1005', '10001');
    noClaim(replies, 'did you lock');
    assert.match(replies[1]!.text, /^No, no card has been locked in this chat\. /);
    assert.match(replies[1]!.text, /last four digits/);
    assert.match(replies[3]!.text, READ_BACK);
    assert.ok(CLAIM.test(a.reply('yes').text));
    assert.match(a.reply('did you lock my card?').text, /^Yes\. The card ending in 1005 was locked/);
  });

  it('Spanish: "¿ya bloquearon mi tarjeta?" with nothing done, then after the lock', () => {
    const { a, replies } = converse('es', '¿ya bloquearon mi tarjeta?');
    noClaim(replies, 'ya bloquearon');
    assert.match(replies[0]!.text, /^No, en este chat no se ha bloqueado ninguna tarjeta\./);
    for (const text of ['Quiero bloquear mi tarjeta', '1005', 'sí']) a.reply(text);
    assert.match(
      a.reply('¿ya bloquearon mi tarjeta?').text,
      /^Sí\. La tarjeta terminada en 1005 se bloqueó\./,
    );
  });

  it('another action done is not the one asked about: a dispute opened is not a card locked', () => {
    const { a } = converse('en', 'I want to dispute a charge', 'Bella Trattoria, Nov 15, $67.06', 'yes');
    const locked = a.reply('did you lock my card?').text;
    assert.match(locked, /^No, no card has been locked in this chat\./);
    assert.match(a.reply('have you opened my dispute?').text, /^Yes\. A dispute was opened for \$67\.06/);
    assert.match(a.reply('did you send me a new card?').text, /^No, no replacement card has been sent/);
  });

  it('"is it possible to lock my card?" and "did you get my message? I lost my card" are not asked so', () => {
    assert.match(converse('en', 'is it possible to lock my card?').replies[0]!.text, /^I can lock your card/);
    const lost = converse('en', 'did you get my message? I lost my card').replies[0]!.text;
    assert.doesNotMatch(lost, /^No, /);
  });

  it('"what did we agree?" before the end: the record so far, in the language, claiming nothing else', () => {
    const en = converse('en', 'Please lock my card', '1005', 'yes', 'what did we agree?').replies[3]!.text;
    assert.match(en, /^Here is what happened in this chat so far: We talked about locking your card\. /);
    assert.match(en, /The card ending in 1005 was locked\./);
    assert.match(en, /This chat gets its own reference number when it ends\.$/);
    const none = converse('es', '¿qué acordamos?').replies[0]!.text;
    assert.match(none, /^Esto es lo que pasó en este chat hasta ahora: Hablamos de su cuenta; no se abrió/);
    assert.ok(!CLAIM.test(none), none);
  });

  it('the answers are safe for the redactor', () => {
    const texts = [
      ...converse('en', 'did you lock my card?', 'have you filed my complaint?', 'did you remove the user?')
        .replies,
      ...converse('es', '¿ya abrieron mi disputa?', '¿ya me enviaron la tarjeta nueva?', '¿qué acordamos?')
        .replies,
    ].map((r) => r.text);
    for (const text of texts) assert.equal(expectationFrom(text)?.secrets.size ?? 0, 0, text);
  });

  it('over the real protocol: asked in the middle of a lost card, then after the yes', async () => {
    await withServer({ replyDelay: 0 }, async (server) => {
      const c = await Customer.start(server, { account: '1005' });
      await c.say('I lost my card');
      await c.say('1005');
      assert.match(await c.say('did you lock my card?'), /^No, no card has been locked in this chat\. /);
      assert.match(await c.say('10001'), READ_BACK);
      assert.ok(CLAIM.test(await c.say('yes')));
      assert.match(await c.say('is my card locked?'), /^Yes\. The card ending in 1005 was locked/);
    });
  });
});
