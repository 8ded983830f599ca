/**
 * Issue 26, item 7: the agent console tells the truth. The End-chat prefill comes from the
 * conversation's record, including the agent's part (who took the chat, transfers); a transfer
 * carries the agent's note (redacted) to the next team's board and into the record; the end
 * summary as sent is recorded. Over the real protocol with real consoles.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_TRANSFER_NOTE } from '../../src/agent-protocol.js';
import { createAssistant } from '../../server/assistant/index.js';
import { CLAIM } from '../support/assistant-actions.js';
import { Agent, Customer, none, withServer } from '../support/contact-center.js';

const CARD = '4111 1111 1111 1111';

describe('contact center: the record includes the agent part', () => {
  it('the prefill claims nothing not done, names the agents and the transfer; the note goes to the next team only', async () => {
    await withServer({ debug: true }, async (server) => {
      const ana = await Agent.signIn(server, 'Ana', 'general');
      const maria = await Agent.signIn(server, 'Maria', 'disputes');
      const c = await Customer.join(server);
      await c.say('I lost my card');
      await c.reply();
      await c.askForAgent();
      const first = await ana.accept(c.id);
      assert.ok(!CLAIM.test(first.recap), first.recap);
      assert.match(first.recap, /not completed in this chat, so nothing was changed/);
      assert.match(first.recap, /You chatted with Ana from the general team\.$/);
      // What the agent says they did is not a fact: it never reaches the prefill.
      await ana.say(c.id, 'I have locked your card and sent a new one.');
      ana.send({
        type: 'transfer',
        conversationId: c.id,
        team: 'disputes',
        note: `  Wants to dispute $20 at ACME; said card ${CARD}  `,
      });
      await ana.next('released', (f) => f.conversationId === c.id && f.reason === 'transferred');
      const board = await maria.board((b) =>
        b.waiting.some((w) => w.conversationId === c.id && w.transferredFrom === 'general'),
      );
      const waiting = board.waiting.find((w) => w.conversationId === c.id);
      assert.match(
        waiting?.summary ?? '',
        /Transferred to disputes: Wants to dispute \$20 at ACME; said card/,
      );
      assert.doesNotMatch(JSON.stringify(board), /4111/);
      assert.equal(waiting?.transferredFrom, 'general');
      const second = await maria.accept(c.id);
      assert.match(second.summary, /Transferred to disputes: Wants to dispute \$20 at ACME/);
      assert.doesNotMatch(second.summary, /4111/);
      assert.ok(!CLAIM.test(second.recap), second.recap);
      assert.match(
        second.recap,
        /You chatted with Ana from the general team\. You were transferred to the disputes team\. You chatted with Maria from the disputes team\.$/,
      );
      // The note is for the team, not the customer: not in the prefill, not in the transcript.
      assert.doesNotMatch(second.recap, /ACME/);
      assert.doesNotMatch(JSON.stringify(c.events()), /ACME/);
      // An agent's message is redacted on the server like the customer's.
      await maria.say(c.id, `I see the card ${CARD} on file.`);
      const said = await c.event((e) => e.from === 'agent' && e.text.endsWith('on file.'), 'the message');
      assert.doesNotMatch(said.text, /4111/);
      assert.match(said.text, /^I see the card .* on file\.$/);
      maria.send({ type: 'end', conversationId: c.id, summary: `Card ${CARD} replaced.` });
      const ended = await c.notice('ended');
      assert.doesNotMatch(ended.text, /4111/);
      assert.match(ended.text, /replaced\./);
    });
  });

  it('a note over the limit is refused too-long and nothing is transferred; an empty note is none', async () => {
    await withServer({ debug: true }, async (server) => {
      const ana = await Agent.signIn(server, 'Ana', 'general');
      const c = await Customer.join(server);
      await c.askForAgent();
      await ana.accept(c.id);
      ana.send({
        type: 'transfer',
        conversationId: c.id,
        team: 'travel',
        note: 'x'.repeat(MAX_TRANSFER_NOTE + 1),
      });
      const refused = await ana.error('too-long');
      assert.equal(refused.conversationId, c.id);
      assert.match(refused.message, new RegExp(`${MAX_TRANSFER_NOTE} characters`));
      await none(ana.peer, (f) => f.type === 'released');
      ana.send({ type: 'transfer', conversationId: c.id, team: 'travel', note: '   ' });
      await ana.next('released', (f) => f.reason === 'transferred');
      const board = await ana.board((b) =>
        b.waiting.some((w) => w.conversationId === c.id && w.transferredFrom === 'general'),
      );
      const summary = board.waiting.find((w) => w.conversationId === c.id)?.summary ?? '';
      assert.match(summary, /Transferred to travel$/);
      ana.send({ type: 'transfer', conversationId: c.id, team: 'travel', note: 7 });
      await ana.error('bad-frame');
    });
  });

  it('Spanish: the prefill names the agent in Spanish, and says nothing was done', async () => {
    await withServer({ debug: true }, async (server) => {
      const ana = await Agent.signIn(server, 'Ana', 'general', { languages: ['es', 'en'] });
      const c = await Customer.join(server, 'es');
      await c.askForAgent();
      const assigned = await ana.accept(c.id);
      assert.equal(
        assigned.recap,
        'Hablamos de su cuenta; no se abrió ninguna solicitud ni se hizo ningún cambio en este chat. Conversó con Ana, del equipo de atención general.',
      );
    });
  });

  it('the record keeps the agent part in order: agent, transfer with note, end summary as sent', () => {
    const a = createAssistant('en');
    a.reply('I lost my card');
    a.agentPart({ kind: 'agent', name: 'Ana', team: 'general' });
    a.transferred('disputes', 'Wants to dispute a charge');
    a.agentPart({ kind: 'agent', name: 'Maria', team: 'disputes' });
    a.agentPart({ kind: 'agent-summary', summary: 'Sent as written.' });
    assert.deepEqual(
      a.record().map((f) => f.kind),
      ['started', 'agent', 'transfer', 'agent', 'agent-summary'],
    );
    assert.deepEqual(a.record()[2], {
      kind: 'transfer',
      team: 'disputes',
      note: 'Wants to dispute a charge',
    });
    assert.deepEqual(a.record()[4], { kind: 'agent-summary', summary: 'Sent as written.' });
    // Kept across instances (the store gives the state back).
    const again = createAssistant('en', a.state());
    assert.deepEqual(again.record(), a.record());
    // The board line leaves out who took the chat and the summary sent.
    assert.doesNotMatch(a.summary(), /Ana|Maria|Sent as written/);
    assert.match(a.summary(), /Transferred to disputes: Wants to dispute a charge/);
  });
});
