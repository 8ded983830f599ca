/**
 * The Redis store (server/redis-store.ts) with real instances and a real `redis-server` on
 * loopback: a customer on instance A and an agent on instance B chat; a reconnect that lands
 * on the other instance resumes from the cursor with nothing lost or repeated; a message
 * resent to another instance is deduplicated; restarting every instance loses nothing and case
 * numbers go on; graceful shutdown tells clients to reconnect (1012); `/readyz` follows Redis;
 * the structured logs carry no message text.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PROTOCOL_VERSION } from '../../src/protocol.js';
import type { ChatEvent } from '../../src/protocol.js';
import { startChatServer } from '../../server/chat-server.js';
import type { ChatServer, ChatServerOptions } from '../../server/chat-server.js';
import { CASE_NUMBER } from '../../server/case-number.js';
import { openStream, postFrame, sharedRedis, startRedis, until } from '../support/cluster.js';
import { agent, customer, eventOf, handOff, isEvent } from '../support/actors.js';
import type { Frame } from '../support/actors.js';
import { Peer } from '../support/peer.js';
import { deployment as deploymentOn, onTwoInstances } from '../support/deployment.js';
import type { Deployment } from '../support/deployment.js';
import { storedConversations } from '../support/server.js';

let redis: Awaited<ReturnType<typeof sharedRedis>>;

before(async () => {
  redis = await sharedRedis();
});
after(async () => {
  await redis.stop();
});

/** Instances sharing one fresh key prefix (each test its own deployment on the one Redis). */
function deployment(extra: ChatServerOptions = {}): Deployment {
  return deploymentOn(redis.url, extra);
}

function seqs(peer: Peer<Frame>): number[] {
  return peer.frames.filter(isEvent).map((f) => eventOf(f).seq);
}

describe('Redis store', () => {
  it('a customer on instance A and an agent on instance B chat normally', async () => {
    await onTwoInstances(deployment(), async (a, b) => {
      assert.equal(a.storeKind, 'redis');
      const { peer: c, conversationId } = await customer(a);
      const m = await agent(b);
      await handOff(c, m, conversationId);
      m.send({ type: 'say', conversationId, id: 'say-1', text: 'Hello from instance B' });
      const ack = await m.next((f) => f.type === 'ack' && f['id'] === 'say-1', 'ack of say-1');
      const seen = await c.next(
        (f) => isEvent(f) && eventOf(f).text === 'Hello from instance B',
        'the agent message on A',
      );
      assert.equal(eventOf(seen).seq, ack['seq']);
      c.send({ type: 'message', id: 'm-1', text: 'Hello from instance A' });
      const got = await m.next(
        (f) => f.type === 'conversation-event' && (f['event'] as ChatEvent).text === 'Hello from instance A',
        'the customer message on B',
      );
      const cAck = await c.next((f) => f.type === 'ack' && f['id'] === 'm-1', 'ack of m-1');
      assert.equal((got['event'] as ChatEvent).seq, cAck['seq']);
      // Customer typing reaches the agent on the other instance (never any text).
      c.send({ type: 'typing', active: true });
      await m.next((f) => f.type === 'customer-typing' && f['active'] === true, 'customer typing');
      // Every event reached the customer once, in order.
      const list = seqs(c);
      assert.deepEqual(
        list,
        list.map((_, i) => i + 1),
      );
      await c.close();
      await m.close();
    });
  });

  it('a reconnect that lands on the other instance resumes from the cursor, nothing lost or repeated', async () => {
    await onTwoInstances(deployment(), async (a, b) => {
      const first = await customer(a);
      const m = await agent(b);
      await handOff(first.peer, m, first.conversationId);
      const conversationId = first.conversationId;
      await until('the greeting and the notices', () => seqs(first.peer).length >= 4);
      const lastSeq = Math.max(...seqs(first.peer));
      await first.peer.close();
      // While the customer is away, the agent writes twice.
      m.send({ type: 'say', conversationId, id: 'away-1', text: 'Are you still there?' });
      m.send({ type: 'say', conversationId, id: 'away-2', text: 'I will wait.' });
      await m.next((f) => f.type === 'ack' && f['id'] === 'away-2', 'ack of away-2');
      // Back, on instance B this time.
      const again = await customer(b, { conversationId, lastSeq });
      assert.equal(again.conversationId, conversationId);
      await until('the two messages', () => seqs(again.peer).length >= 2);
      m.send({ type: 'say', conversationId, id: 'back-1', text: 'Welcome back.' });
      await again.peer.next((f) => isEvent(f) && eventOf(f).text === 'Welcome back.', 'live after resume');
      assert.deepEqual(seqs(again.peer), [lastSeq + 1, lastSeq + 2, lastSeq + 3]);
      assert.deepEqual(
        again.peer.frames.filter(isEvent).map((f) => eventOf(f).text),
        ['Are you still there?', 'I will wait.', 'Welcome back.'],
      );
      // A message the customer resends (same id) to the other instance is stored once.
      again.peer.send({ type: 'message', id: 'dup-1', text: 'Sent twice' });
      const one = await again.peer.next((f) => f.type === 'ack' && f['id'] === 'dup-1', 'first ack');
      const elsewhere = await customer(a, { conversationId, lastSeq: one['seq'] as number });
      elsewhere.peer.send({ type: 'message', id: 'dup-1', text: 'Sent twice' });
      const two = await elsewhere.peer.next((f) => f.type === 'ack' && f['id'] === 'dup-1', 'second ack');
      assert.equal(two['seq'], one['seq']);
      const copies = (await m.next(() => false, 'nothing', 200).catch(() => undefined)) ?? undefined;
      assert.equal(copies, undefined);
      assert.equal(
        m.frames.filter(
          (f) => f.type === 'conversation-event' && (f['event'] as ChatEvent).text === 'Sent twice',
        ).length,
        1,
      );
      await Promise.all([again.peer.close(), elsewhere.peer.close(), m.close()]);
    });
  });

  it('restarting every instance loses no conversation; case numbers go on without repeating', async () => {
    const d = deployment({ simulatedAgent: true, simulatedAgentDelay: 0 });
    let a = await d.start();
    let b = await d.start();
    let conversationId: string;
    let lastSeq: number;
    let firstCase: string;
    {
      const { peer, conversationId: id } = await customer(a);
      conversationId = id;
      peer.send({ type: 'message', id: 'r-1', text: 'I lost my card' });
      await peer.next((f) => f.type === 'ack' && f['id'] === 'r-1', 'ack');
      await until('the assistant answer', () => seqs(peer).length >= 3);
      peer.send({ type: 'end' });
      const ended = await peer.next(
        (f) => isEvent(f) && (eventOf(f).notice as { code?: string } | undefined)?.code === 'ended',
        'ended',
      );
      firstCase = (eventOf(ended).notice as { caseNumber: string }).caseNumber;
      assert.match(firstCase, CASE_NUMBER);
      lastSeq = Math.max(...seqs(peer));
      await peer.close();
    }
    await a.shutdown();
    await b.shutdown();
    a = await d.start();
    b = await d.start();
    try {
      // The customer comes back (to either instance) with the cursor 0: the whole history.
      const { peer, conversationId: id } = await customer(b, { conversationId, lastSeq: 0 });
      assert.equal(id, conversationId);
      await until('the replay', () => seqs(peer).length >= lastSeq);
      assert.deepEqual(
        seqs(peer),
        Array.from({ length: lastSeq }, (_, i) => i + 1),
      );
      // The assistant remembers the case (its state survived the restart too).
      peer.send({ type: 'message', id: 'r-2', text: 'What was agreed?' });
      const answer = await peer.next(
        (f) => isEvent(f) && eventOf(f).from === 'assistant' && eventOf(f).seq > lastSeq,
        'the answer',
      );
      assert.match(eventOf(answer).text, new RegExp(firstCase));
      // A new case after the restart gets another number.
      const other = await customer(a);
      other.peer.send({ type: 'end' });
      const ended = await other.peer.next(
        (f) => isEvent(f) && (eventOf(f).notice as { code?: string } | undefined)?.code === 'ended',
        'second ended',
      );
      assert.notEqual((eventOf(ended).notice as { caseNumber: string }).caseNumber, firstCase);
      await Promise.all([peer.close(), other.peer.close()]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('an event stream held by one instance takes its POSTs through any instance, in order', async () => {
    await onTwoInstances(deployment(), async (a, b) => {
      const id = `stream${process.pid}abcdef`;
      const stream = await openStream(a.port, id);
      assert.equal(stream.status, 200);
      assert.equal(await postFrame(b.port, id, { type: 'hello', v: PROTOCOL_VERSION, lang: 'en' }), 204);
      await stream.peer.next((f) => f.type === 'welcome', 'welcome on the stream held by A');
      await stream.peer.next((f) => isEvent(f) && eventOf(f).seq === 1, 'the greeting');
      // One POST at a time, like the widget, alternating instances.
      for (let k = 0; k < 8; k++) {
        const port = k % 2 === 0 ? b.port : a.port;
        assert.equal(
          await postFrame(port, id, { type: 'message', id: `s-${k}`, text: `stream line ${k}` }),
          204,
        );
      }
      const acks = await Promise.all(
        Array.from({ length: 8 }, (_, k) =>
          stream.peer.next((f) => f.type === 'ack' && f['id'] === `s-${k}`, `ack ${k}`),
        ),
      );
      const ackSeqs = acks.map((f) => f['seq'] as number);
      assert.deepEqual(
        ackSeqs,
        [...ackSeqs].sort((x, y) => x - y),
        'stored in the order posted',
      );
      // A malformed frame posted to B is refused on the stream, naming the field.
      assert.equal(await postFrame(b.port, id, { type: 'message', id: 'bad', text: 7 }), 204);
      const error = await stream.peer.next((f) => f.type === 'error', 'bad-frame');
      assert.equal(error['code'], 'bad-frame');
      // Unknown streams, and a stream once closed, get 404 everywhere.
      assert.equal(await postFrame(b.port, 'nosuchstream0000', { type: 'ping' }), 404);
      stream.close();
      await until(
        'the stream forgotten',
        async () => (await postFrame(b.port, id, { type: 'ping' })) === 404,
      );
      assert.equal(await postFrame(a.port, id, { type: 'ping' }), 404);
    });
  });

  it('an ended conversation leaves memory when idle and comes back from Redis when needed', async () => {
    const d = deployment({ storeIdleSeconds: 0.2, debug: true });
    const a = await d.start();
    const b = await d.start();
    const held = async (server: ChatServer): Promise<Map<string, ChatEvent[]>> => {
      const list = await storedConversations(server.port);
      return new Map(list.map((c) => [c.id, c.events]));
    };
    try {
      const { peer, conversationId } = await customer(a);
      peer.send({ type: 'message', id: 'e-1', text: 'I lost my card' });
      await until('the answer', () => seqs(peer).length >= 3);
      peer.send({ type: 'end' });
      const ended = await peer.next(
        (f) => isEvent(f) && (eventOf(f).notice as { code?: string } | undefined)?.code === 'ended',
        'ended',
      );
      const caseNumber = (eventOf(ended).notice as { caseNumber: string }).caseNumber;
      const lastSeq = eventOf(ended).seq;
      await peer.close();
      await until(
        'both instances let go of it',
        async () => !(await held(a)).has(conversationId) && !(await held(b)).has(conversationId),
        5000,
      );
      // Resumed on B: fetched from Redis, the whole history replayed, the case remembered.
      const again = await customer(b, { conversationId, lastSeq: 0 });
      assert.equal(again.conversationId, conversationId);
      await until('the replay', () => seqs(again.peer).length >= lastSeq);
      again.peer.send({ type: 'message', id: 'e-2', text: 'What was agreed?' });
      const answer = await again.peer.next(
        (f) => isEvent(f) && eventOf(f).from === 'assistant' && eventOf(f).seq > lastSeq + 1,
        'the answer',
      );
      assert.match(eventOf(answer).text, new RegExp(caseNumber));
      assert.deepEqual(
        seqs(again.peer),
        Array.from({ length: eventOf(answer).seq }, (_, i) => i + 1),
      );
      // A, which had let go of it too, fetched it to apply B's transaction: the same record.
      await until(
        'A has it again',
        async () => (await held(a)).get(conversationId)?.length === eventOf(answer).seq,
      );
      assert.deepEqual((await held(a)).get(conversationId), (await held(b)).get(conversationId));
      await again.peer.close();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a reply the assistant owed is given by another instance when the first one is gone', async () => {
    await onTwoInstances(deployment({ replyDelay: 800 }), async (a, b) => {
      const { peer, conversationId } = await customer(a);
      peer.send({ type: 'message', id: 'owed-1', text: 'I lost my card' });
      const ack = await peer.next((f) => f.type === 'ack' && f['id'] === 'owed-1', 'ack');
      // A stops before its timer is due (its timers die with it).
      await a.close();
      const again = await customer(b, { conversationId, lastSeq: ack['seq'] as number });
      const reply = await again.peer.next(
        (f) => isEvent(f) && eventOf(f).from === 'assistant',
        'the owed reply, from B',
        6000,
      );
      assert.equal(eventOf(reply).seq, (ack['seq'] as number) + 1);
      // Once: nothing else arrives after it.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      assert.equal(again.peer.frames.filter((f) => isEvent(f) && eventOf(f).from === 'assistant').length, 1);
      await Promise.all([peer.close(), again.peer.close()]);
    });
  });

  it('graceful shutdown: /readyz says 503, clients are told to reconnect (1012), then it stops', async () => {
    await onTwoInstances(deployment({ drainMs: 2000 }), async (a, b) => {
      const ready = await fetch(`http://127.0.0.1:${a.port}/readyz`);
      assert.equal(ready.status, 200);
      assert.deepEqual(await ready.json(), { ok: true, version: PROTOCOL_VERSION, store: 'redis' });
      const { peer, conversationId } = await customer(a);
      const m = await agent(a);
      await handOff(peer, m, conversationId);
      const closing = a.shutdown();
      assert.equal(await peer.closed, 1012);
      assert.equal(await m.closed, 1012);
      await closing;
      // The agent's conversation goes back in line at once, for someone on another instance.
      const other = await agent(b, 'Sam');
      await other.next(
        (f) =>
          f.type === 'board' &&
          (f['waiting'] as { conversationId: string }[]).some((w) => w.conversationId === conversationId),
        'the conversation back in line',
        8000,
      );
      await other.close();
    });
  });

  it('/readyz answers 503 while Redis is unreachable and 200 once it is back', async () => {
    const own = await startRedis({ durable: true });
    const server = await startChatServer({ port: 0, replyDelay: 0, store: own.url });
    try {
      const { peer, conversationId } = await customer(server);
      peer.send({ type: 'message', id: 'before', text: 'Before the outage' });
      await peer.next((f) => f.type === 'ack' && f['id'] === 'before', 'ack');
      await own.kill();
      await until(
        'not ready',
        async () => (await fetch(`http://127.0.0.1:${server.port}/readyz`)).status === 503,
      );
      const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
      assert.equal(health.status, 200, 'alive all the same');
      // A message now cannot be stored: not acknowledged, and the client is told to reconnect.
      peer.send({ type: 'message', id: 'during', text: 'During the outage' });
      assert.equal(await peer.closed, 1011);
      assert.equal(peer.frames.filter((f) => f.type === 'ack' && f['id'] === 'during').length, 0);
      await own.restart();
      await until(
        'ready again',
        async () => (await fetch(`http://127.0.0.1:${server.port}/readyz`)).status === 200,
      );
      // Nothing acknowledged was lost (append-only file, fsync always); the refused message,
      // resent as the widget does, is stored once.
      const again = await customer(server, { conversationId, lastSeq: 0 });
      await until('the replay', () =>
        again.peer.frames.some((f) => isEvent(f) && eventOf(f).text === 'Before the outage'),
      );
      again.peer.send({ type: 'message', id: 'during', text: 'During the outage' });
      await again.peer.next((f) => f.type === 'ack' && f['id'] === 'during', 'ack after the outage');
      assert.equal(
        again.peer.frames.filter((f) => isEvent(f) && eventOf(f).text === 'During the outage').length,
        1,
      );
      await Promise.all([peer.close(), again.peer.close()]);
    } finally {
      await server.close();
      await own.stop();
    }
  });

  it('logs are JSON objects without message text', async () => {
    await onTwoInstances(deployment(), async (a, b, d) => {
      const { peer, conversationId } = await customer(a);
      const m = await agent(b);
      await handOff(peer, m, conversationId);
      peer.send({ type: 'message', id: 'secret-1', text: 'my zebra password is marmalade' });
      await m.next((f) => f.type === 'conversation-event', 'the message');
      m.send({ type: 'say', conversationId, id: 's-1', text: 'octopus reply text' });
      await peer.next((f) => isEvent(f) && eventOf(f).text === 'octopus reply text', 'the reply');
      await Promise.all([peer.close(), m.close()]);
      const text = JSON.stringify(d.logs);
      assert.doesNotMatch(text, /zebra|marmalade|octopus/);
      assert.ok(d.logs.some((l) => l['msg'] === 'store loaded'));
    });
  });
});
