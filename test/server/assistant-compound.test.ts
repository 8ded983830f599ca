/**
 * Several things asked in one message (issue 26, item 4), over the real protocol: each question
 * is answered, then the first action begins with "Now, about …"; a second action is named for
 * later and recorded as asked for, not done; nothing is claimed without its read-back and yes.
 * A message that names one task with "and" in it stays one task.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withServer } from '../support/server.js';
import { CLAIM } from '../support/assistant-actions.js';
import { Customer } from '../support/assistant-chat.js';

describe('assistant: several questions in one message', () => {
  it('en: "I lost my card and also when is my payment due?" answers the date, then the card', async () => {
    await withServer({ replyDelay: 0 }, async (server) => {
      const c = await Customer.start(server);
      const first = await c.say('I lost my card and also when is my payment due?');
      assert.match(first, /^Your payment due date is on your monthly statement/);
      assert.match(first, /Now, about a lost or stolen card: .*tell me only its last four digits/);
      assert.ok(!CLAIM.test(first), first);
      assert.match(await c.say('1005'), /ZIP code of your billing address/);
      assert.match(await c.say('10001'), /^I'll lock the card ending in 1005 .*Please answer yes or no\.$/);
      assert.match(await c.say('yes'), /^Done\. The card ending in 1005 is locked/);
      const summary = await c.end();
      assert.match(summary, /^We talked about your payment due date and a lost or stolen card\./);
      assert.match(summary, /The card ending in 1005 was locked/);
    });
  });

  it('es: the same, in Spanish', async () => {
    await withServer({ replyDelay: 0 }, async (server) => {
      const c = await Customer.start(server, { lang: 'es' });
      const first = await c.say('Perdí mi tarjeta y también quiero saber cuándo vence mi pago');
      assert.match(first, /^La fecha de vencimiento de su pago aparece/);
      assert.match(first, /Ahora, sobre una tarjeta perdida o robada: /);
    });
  });

  it('two actions: the first begins, the second is named for later, and nothing is claimed', async () => {
    await withServer({ replyDelay: 0 }, async (server) => {
      const c = await Customer.start(server);
      const first = await c.say('dispute a charge and lock my card');
      assert.match(
        first,
        /^I can help you dispute a charge\..* When that is done, I can help with locking your card\.$/,
      );
      assert.ok(!CLAIM.test(first), first);
      const summary = await c.end();
      assert.match(
        summary,
        /About locking your card: it was not completed in this chat, so nothing was changed\./,
      );
    });
  });

  it('two questions are both answered', async () => {
    await withServer({ replyDelay: 0 }, async (server) => {
      const c = await Customer.start(server);
      const answer = await c.say('what is my balance? and my APR?');
      assert.match(answer, /^Your current balance, .* Also, about your interest rate: Your APR/);
    });
  });

  it('one task with "and" in it stays one task', async () => {
    await withServer({ replyDelay: 0 }, async (server) => {
      const c = await Customer.start(server);
      assert.match(
        await c.say("I lost my job and can't pay this month"),
        /^I'm sorry things are hard right now/,
      );
      assert.match(await c.say('my wallet and my card were stolen'), /^I'm sorry\. I can lock your card now/);
    });
  });
});
