/**
 * Agent consoles at `/agent`: signing in, the board, accepting (taken, forbidden, not found,
 * which team may take what), the customer's typing and the conversation both ways.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { PROTOCOL_VERSION } from '../../src/protocol.js';
import { parseAgentServerFrame } from '../../src/agent-protocol.js';
import { Agent, Customer, Peer, none, stored, withServer } from '../support/contact-center.js';

describe('contact center: agent consoles', () => {
  it('agent-hello → agent-welcome and a board; not-ready before; bad frames; old versions; Origin', async () => {
    await withServer({ debug: true, allowedOrigins: ['https://bank.example'] }, async (server) => {
      const peer = await Peer.open(server.agentUrl, parseAgentServerFrame);
      peer.send({ type: 'accept', conversationId: 'x' });
      await peer.next((f) => f.type === 'error' && f.code === 'not-ready', 'not-ready');
      peer.send('{"type":"say"');
      await peer.next((f) => f.type === 'error' && f.code === 'bad-frame', 'bad-frame');
      peer.send({ type: 'agent-hello', v: PROTOCOL_VERSION, name: '', team: 'general' });
      await peer.next((f) => f.type === 'error' && f.code === 'bad-frame', 'bad-frame for an empty name');
      peer.send(Buffer.from([1, 2, 3]));
      await peer.next((f) => f.type === 'error' && f.code === 'bad-frame', 'bad-frame for binary');
      peer.send({ type: 'agent-hello', v: PROTOCOL_VERSION, name: 'Ana', team: 'credit' });
      const welcome = await peer.next((f) => f.type === 'agent-welcome', 'welcome');
      assert.ok(
        welcome.type === 'agent-welcome' && welcome.v === PROTOCOL_VERSION && welcome.agentId.length > 0,
      );
      const board = await peer.next((f) => f.type === 'board', 'board');
      assert.deepEqual(board, {
        type: 'board',
        waiting: [],
        agents: [{ name: 'Ana', team: 'credit', conversations: 0 }],
        simulate: false,
      });
      peer.send({ type: 'ping' });
      await peer.next((f) => f.type === 'pong', 'pong');

      const old = await Peer.open(server.agentUrl, parseAgentServerFrame);
      old.send({ type: 'agent-hello', v: '0.9', name: 'Old', team: 'general' });
      await old.next((f) => f.type === 'error' && f.code === 'unsupported-version', 'unsupported-version');

      const refused = new WebSocket(server.agentUrl, { headers: { origin: 'https://evil.example' } });
      const status = await new Promise<number | undefined>((resolve) => {
        refused.on('unexpected-response', (_req, res) => resolve(res.statusCode));
        refused.on('open', () => resolve(101));
        refused.on('error', () => undefined);
      });
      assert.equal(status, 403);
      // An oversized frame closes the socket (1009), the server carries on.
      const big = await Peer.open(server.agentUrl, parseAgentServerFrame);
      big.send('x'.repeat(70 * 1024));
      assert.equal(await big.closed, 1009);
      await Agent.signIn(server, 'Still', 'general');
    });
  });

  it('the board lists who waits with the summary, lang, account and since; every console gets it', async () => {
    await withServer({ debug: true }, async (server) => {
      const ana = await Agent.signIn(server, 'Ana', 'general');
      const bo = await Agent.signIn(server, 'Bo', 'rewards');
      await ana.board((b) => b.agents.length === 2);
      const c = await Customer.join(server, 'es');
      await c.say('Perdí mi tarjeta');
      await c.reply();
      const before = Date.now();
      await c.askForAgent();
      for (const agent of [ana, bo]) {
        const board = await agent.board((b) => b.waiting.length === 1);
        const item = board.waiting[0]!;
        assert.equal(item.conversationId, c.id);
        assert.equal(item.lang, 'es');
        assert.equal(item.team, 'general');
        assert.equal(item.position, 1);
        assert.equal(item.account, 'card-1005');
        assert.match(item.summary, /lost or stolen card/);
        assert.ok(item.since <= Date.now() && item.since >= before - 1000);
        assert.equal(item.transferredFrom, undefined);
      }
    });
  });

  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: accept → agent-joined notice, waiting:false, assigned with the conversation, summary and recap`, async () => {
      await withServer({ debug: true }, async (server) => {
        const ana = await Agent.signIn(server, 'Ana', 'general');
        const c = await Customer.join(server, lang);
        await c.say(lang === 'es' ? 'Quiero disputar un cargo' : 'I want to dispute a charge');
        await c.reply();
        await c.say('Blue Bottle Coffee, 08/15, $127.43');
        await c.reply();
        await c.say(lang === 'es' ? 'sí' : 'yes');
        await c.reply();
        await c.askForAgent();
        const assigned = await ana.accept(c.id);
        const joined = await c.notice('agent-joined');
        assert.deepEqual(joined.notice, { code: 'agent-joined', agent: 'Ana', team: 'general' });
        assert.equal(
          joined.text,
          lang === 'es'
            ? 'Ahora está hablando con Ana, agente de atención al cliente.'
            : "You're now chatting with Ana, a live agent.",
        );
        await c.queue((f) => !f.waiting);
        assert.equal(assigned.lang, lang);
        assert.equal(assigned.team, 'general');
        assert.equal(assigned.account, 'card-1005');
        assert.match(assigned.summary, /Dispute opened: \$127\.43 at Blue Bottle Coffee on 08\/15/);
        assert.match(
          assigned.recap,
          lang === 'es'
            ? /Hablamos de la disputa de un cargo\. Se abrió una disputa por el cargo de \$127\.43 en Blue Bottle Coffee del 08\/15\./
            : /We talked about a charge you want to dispute\. A dispute was opened for \$127\.43 at Blue Bottle Coffee on 08\/15\./,
        );
        assert.match(assigned.recap, lang === 'es' ? /90 días/ : /90 days/);
        assert.deepEqual(
          assigned.events.map((e) => e.seq),
          c.events().map((e) => e.seq),
        );
        assert.equal(assigned.events.at(-1)?.notice?.code, 'agent-joined');
        const board = await ana.board((b) => b.waiting.length === 0 && b.agents[0]?.conversations === 1);
        assert.equal(board.agents[0]?.name, 'Ana');
        const s = await stored(server, c.id);
        assert.deepEqual([s.phase, s.agent], ['agent', 'Ana']);
      });
    });
  }

  it('taken, forbidden and not-found', async () => {
    await withServer({ debug: true }, async (server) => {
      const ana = await Agent.signIn(server, 'Ana', 'general');
      const bo = await Agent.signIn(server, 'Bo', 'general');
      const priya = await Agent.signIn(server, 'Priya', 'rewards');
      const c = await Customer.join(server);
      await c.askForAgent();
      await ana.accept(c.id);
      bo.send({ type: 'accept', conversationId: c.id });
      assert.equal((await bo.error('taken')).conversationId, c.id);
      bo.send({ type: 'accept', conversationId: 'no-such-conversation' });
      assert.equal((await bo.error('not-found')).conversationId, 'no-such-conversation');
      // Not waiting (with the assistant): not-found.
      const idle = await Customer.join(server);
      bo.send({ type: 'accept', conversationId: idle.id });
      await bo.error('not-found');
      // Waiting for disputes: a rewards agent may not take it.
      ana.send({ type: 'transfer', conversationId: c.id, team: 'disputes' });
      await ana.next('released');
      priya.send({ type: 'accept', conversationId: c.id });
      assert.equal((await priya.error('forbidden')).conversationId, c.id);
      // Not theirs: say, typing, transfer, end.
      bo.send({ type: 'say', conversationId: c.id, id: 'x1', text: 'hi' });
      const e = await bo.error('forbidden');
      assert.equal(e.id, 'x1');
      bo.send({ type: 'transfer', conversationId: c.id, team: 'general' });
      assert.equal((await bo.error('forbidden')).conversationId, c.id);
      bo.send({ type: 'end', conversationId: c.id, summary: '' });
      await bo.error('forbidden');
      bo.send({ type: 'say', conversationId: 'nope', id: 'x2', text: 'hi' });
      await bo.error('not-found');
    });
  });

  it('a supervisor can take any team; a team agent takes general and its own team', async () => {
    await withServer({ debug: true }, async (server) => {
      const ana = await Agent.signIn(server, 'Ana', 'general');
      const jordan = await Agent.signIn(server, 'Jordan', 'supervisor');
      const maria = await Agent.signIn(server, 'Maria', 'disputes');
      const [a, b, c] = [
        await Customer.join(server),
        await Customer.join(server, 'es'),
        await Customer.join(server),
      ];
      await a.askForAgent();
      await b.askForAgent();
      await c.askForAgent();
      await ana.accept(a.id);
      await a.notice('agent-joined');
      ana.send({ type: 'transfer', conversationId: a.id, team: 'travel' });
      await a.waiting((f) => f.team === 'travel');
      await jordan.accept(a.id);
      const joined = await a.notice('agent-joined');
      assert.equal(joined.text, "You're now chatting with Jordan, a supervisor.");
      await maria.accept(b.id);
      const es = await b.notice('agent-joined');
      assert.equal(es.text, 'Ahora está hablando con Maria, del equipo de disputas.');
      assert.deepEqual(es.notice, { code: 'agent-joined', agent: 'Maria', team: 'disputes' });
      await ana.accept(c.id);
    });
  });

  it('customer typing reaches the agent as typing only: the raw frame has no text', async () => {
    await withServer({ debug: true }, async (server) => {
      const ana = await Agent.signIn(server, 'Ana', 'general');
      const c = await Customer.join(server);
      // Before an agent: nothing reaches anyone.
      c.peer.send({ type: 'typing', active: true });
      await c.askForAgent();
      await ana.accept(c.id);
      c.peer.send({ type: 'typing', active: true, text: 'my secret draft' });
      const typing = await ana.next('customer-typing', (f) => f.active);
      assert.deepEqual(typing, { type: 'customer-typing', conversationId: c.id, active: true });
      c.peer.send({ type: 'typing', active: false });
      await ana.next('customer-typing', (f) => !f.active);
      const raw = ana.peer.raw.filter((r) => r.includes('customer-typing'));
      assert.equal(raw.length, 2);
      for (const r of raw) {
        assert.deepEqual(Object.keys(JSON.parse(r) as object).sort(), ['active', 'conversationId', 'type']);
        assert.doesNotMatch(r, /secret|draft|text/);
      }
    });
  });

  it('customer and agent talk both ways: acks, dedupe of agent ids, typing, length limit; the assistant stays quiet', async () => {
    await withServer({ debug: true }, async (server) => {
      const ana = await Agent.signIn(server, 'Ana', 'general');
      const c = await Customer.join(server);
      await c.askForAgent();
      await ana.accept(c.id);
      await c.notice('agent-joined');
      const assistantBefore = c.events().filter((e) => e.from === 'assistant').length;

      const ack = await c.say('Hi Ana, I lost my card');
      const forwarded = await ana.next('conversation-event', (f) => f.event.from === 'customer');
      assert.equal(forwarded.conversationId, c.id);
      assert.equal(forwarded.event.seq, ack.seq);
      assert.equal(forwarded.event.text, 'Hi Ana, I lost my card');

      ana.send({ type: 'typing', conversationId: c.id, active: true });
      const typing = await c.peer.next((f) => f.type === 'typing' && f.from === 'agent', 'agent typing');
      assert.deepEqual(typing, { type: 'typing', from: 'agent', name: 'Ana', active: true });

      const said = await ana.say(c.id, "I'm sorry to hear that. Let me help.", 'console-1');
      const got = await c.reply('agent');
      assert.deepEqual(
        [got.seq, got.from, got.name, got.text],
        [said.seq, 'agent', 'Ana', "I'm sorry to hear that. Let me help."],
      );
      assert.notEqual(got.id, 'console-1');
      const echo = await ana.next('conversation-event', (f) => f.event.from === 'agent');
      assert.equal(echo.event.seq, said.seq);

      // The same console id again: the same ack, no second message.
      const again = await ana.say(c.id, "I'm sorry to hear that. Let me help.", 'console-1');
      assert.deepEqual(again, said);
      ana.send({ type: 'say', conversationId: c.id, id: 'long', text: 'x'.repeat(2001) });
      const tooLong = await ana.error('too-long');
      assert.equal(tooLong.id, 'long');
      await ana.say(c.id, 'x'.repeat(2000));
      await c.reply('agent');
      assert.equal(c.events().filter((e) => e.from === 'agent').length, 2);
      assert.equal(c.events().filter((e) => e.from === 'assistant').length, assistantBefore);
      // And asking the agent for "an agent" does not re-queue.
      await c.say('agent');
      await ana.next('conversation-event', (f) => f.event.text === 'agent');
      await none(
        c.peer,
        (f) => f.type === 'queue' || (f.type === 'event' && f.event.from === 'assistant'),
        100,
      );
    });
  });
});
