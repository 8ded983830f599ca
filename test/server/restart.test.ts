/**
 * The reference server dies and comes back on the same port in the middle of a conversation.
 * The real `Conversation` (Node's global WebSocket: run with `node --experimental-websocket`)
 * must reconnect by itself and deliver every message the old server had not acknowledged
 * exactly once. The in-memory store forgets the conversation, so the new server answers the
 * resume with a new conversationId, opened by a `restarted` notice and the greeting: the client
 * starts over from seq 0 and resends its outbox into the new conversation, and the transcript
 * shows nothing twice. (test/server/restart-notice.test.ts checks the notice and the order.)
 */
import assert from 'node:assert/strict';
import { createServer, connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startChatServer } from '../../server/chat-server.js';
import type { ChatServer } from '../../server/chat-server.js';
import type { ChatEvent } from '../../src/protocol.js';
import { Conversation } from '../../src/conversation/index.js';
import { storedConversations } from '../support/server.js';
import type { StoredConversation } from '../support/server.js';
import { debugUrl } from '../support/debug-hooks.js';

async function until(what: string, check: () => boolean | Promise<boolean>, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(20);
  }
}

/**
 * A plain TCP relay to `127.0.0.1:target` whose `hold()` stops passing the server's bytes to
 * the client on the open connections (they stay unread in the relay), so a test can make the
 * server store a message whose ack never reaches the client.
 */
async function relay(target: number): Promise<{ port: number; hold(): void; close(): Promise<void> }> {
  const links = new Set<{ client: Socket; upstream: Socket }>();
  const server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    const link = { client, upstream };
    links.add(link);
    const end = (): void => {
      links.delete(link);
      client.destroy();
      upstream.destroy();
    };
    client.pipe(upstream);
    upstream.pipe(client);
    for (const socket of [client, upstream]) {
      socket.on('error', end);
      socket.on('close', end);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hold() {
      for (const { client, upstream } of links) {
        upstream.unpipe(client);
        upstream.pause();
      }
    },
    async close() {
      for (const { client, upstream } of links) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const serverOptions = { replyDelay: 0, debug: true } as const;

describe('reference server restart', () => {
  const servers: ChatServer[] = [];
  const cleanups: (() => Promise<void> | void)[] = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    for (const server of servers.splice(0)) await server.close();
  });

  /** Starts a server on `port` (0: any) that `afterEach` closes unless the test did. */
  async function start(port: number): Promise<ChatServer> {
    const server = await startChatServer({ port, ...serverOptions });
    servers.push(server);
    return server;
  }

  async function kill(server: ChatServer): Promise<void> {
    servers.splice(servers.indexOf(server), 1);
    await server.close();
  }

  function client(endpoint: string) {
    const conversation = new Conversation({
      endpoint,
      lang: 'en',
      // Node 20 has no EventSource: `auto` would switch to SSE after 3 refused attempts while
      // the server is down, which a browser could follow but Node cannot.
      transport: 'websocket',
      heartbeatInterval: 200,
      deadAfter: 1000,
    });
    cleanups.push(() => conversation.stop());
    conversation.start();
    const ids: string[] = [];
    return {
      conversation,
      ids,
      send(...texts: string[]): string[] {
        return texts.map((text) => {
          const result = conversation.send(text);
          assert.ok(result.ok);
          assert.equal(result.message.text, text);
          ids.push(result.message.id);
          return result.message.id;
        });
      },
      customer: () => conversation.messages.filter((m) => m.from === 'customer'),
      connected: () => conversation.state === 'connected',
    };
  }

  /**
   * After the restart: one new conversation on `port` holding greeting, each message of
   * `resent` (in this order) and its reply, and an agent message; the client shows each of its
   * messages once, all sent, and every event of the new conversation once.
   */
  async function checkAfterRestart(
    port: number,
    oldId: string,
    c: ReturnType<typeof client>,
    resent: readonly string[],
  ): Promise<void> {
    const { conversation } = c;
    await until('every message acknowledged', () => c.customer().every((m) => m.status === 'sent'));
    const conversations = await storedConversations(port);
    assert.equal(conversations.length, 1, 'the client resumed into one new conversation');
    const [fresh] = conversations;
    assert.ok(fresh);
    assert.notEqual(fresh.id, oldId, 'the restarted server does not know the old conversation');

    // An agent speaks in the new conversation: it reaches the client once.
    const res = await fetch(debugUrl(port, 'say'), {
      method: 'POST',
      body: JSON.stringify({ conversationId: fresh.id, text: 'agent after restart' }),
    });
    assert.equal(res.status, 200);

    // The restarted notice, the greeting, each resent message and its reply, the agent's.
    const expected = 3 + 2 * resent.length;
    let events: ChatEvent[] = [];
    await until('the new conversation complete on the server', async () => {
      events = (await storedConversations(port))[0]?.events ?? [];
      return events.length >= expected;
    });
    await until('every event of the new conversation at the client', () =>
      events.every((e) => conversation.messages.some((m) => m.id === e.id)),
    );

    // The server's record: every unacknowledged message exactly once, in send order, nothing
    // else of the customer's; seqs from 1 without gaps.
    assert.equal(events.length, expected);
    assert.deepEqual(
      events.map((e) => e.seq),
      events.map((_, i) => i + 1),
    );
    assert.deepEqual(
      events.filter((e) => e.from === 'customer').map((e) => e.id),
      resent,
      'each unacknowledged message delivered once, in order',
    );

    // The transcript: each customer message once, all sent; the resent ones with their seq in
    // the new conversation; each incoming event once.
    const transcript = conversation.messages;
    assert.deepEqual(
      transcript.filter((m) => m.from === 'customer').map((m) => m.id),
      c.ids,
    );
    assert.equal(new Set(transcript.map((m) => m.id)).size, transcript.length, 'no message twice');
    const seqOf = new Map(events.map((e) => [e.id, e.seq]));
    for (const id of resent) {
      assert.equal(transcript.find((m) => m.id === id)?.seq, seqOf.get(id), 'seq in the new conversation');
    }
    for (const event of events) {
      assert.equal(transcript.filter((m) => m.id === event.id).length, 1, `event ${event.seq} once`);
    }
    assert.equal(transcript.filter((m) => m.from === 'agent').length, 1);
    // Each conversation greeted once: the old greeting stays, the new one is added after the
    // notice that opens the new conversation.
    assert.equal(transcript.filter((m) => m.seq === 1 && m.from === 'assistant').length, 1);
    assert.deepEqual(
      events.slice(0, 2).map((e) => [e.seq, e.notice?.code ?? e.from]),
      [
        [1, 'restarted'],
        [2, 'assistant'],
      ],
    );
    assert.equal(transcript.filter((m) => m.notice?.code === 'restarted').length, 1);
  }

  it('reconnects by itself and delivers what was in flight or typed while it was down, once', async () => {
    const first = await start(0);
    const { port } = first;
    const c = client(first.url);
    await until('the greeting', () => c.connected() && c.conversation.messages.length > 0);

    // Acknowledged before the restart: not sent again.
    c.send('first before restart', 'second before restart');
    await until('the first messages acknowledged', () => c.customer().every((m) => m.status === 'sent'));
    const [old] = await storedConversations(port);
    assert.ok(old);

    // In flight when the server dies (sent in the same tick as the shutdown begins).
    c.send('in flight one', 'in flight two');
    await kill(first);
    await until('the client to notice', () => !c.connected());
    // Once the client has seen the close, nothing more arrives from the old connection.
    const acknowledged = new Set(
      c
        .customer()
        .filter((m) => m.status === 'sent')
        .map((m) => m.id),
    );
    const resent = c.ids.filter((id) => !acknowledged.has(id));

    // Typed while the server is down: they wait in the outbox.
    resent.push(...c.send('typed while down one', 'typed while down two'));
    await sleep(300);
    assert.ok(!c.connected());

    await start(port);
    await checkAfterRestart(port, old.id, c, resent);
  });

  it('delivers a message the old server stored but never acknowledged once to the new one', async () => {
    const first = await start(0);
    const { port } = first;
    const tcp = await relay(port);
    cleanups.push(() => tcp.close());
    const c = client(`ws://127.0.0.1:${tcp.port}/chat`);
    await until('the greeting', () => c.connected() && c.conversation.messages.length > 0);
    c.send('acknowledged before restart');
    await until('the first message acknowledged', () => c.customer().every((m) => m.status === 'sent'));

    // The server stores these, but its acks never reach the client.
    tcp.hold();
    const [storedOne, storedTwo] = c.send('stored, ack lost one', 'stored, ack lost two');
    let old: StoredConversation | undefined;
    await until('the old server to store them', async () => {
      [old] = await storedConversations(port);
      const ids = new Set(old?.events.map((e) => e.id));
      return ids.has(storedOne ?? '') && ids.has(storedTwo ?? '');
    });
    assert.ok(old);
    assert.deepEqual(
      c.customer().map((m) => m.status),
      ['sent', 'sending', 'sending'],
    );

    await kill(first);
    const resent = [storedOne ?? '', storedTwo ?? '', ...c.send('typed while down')];
    // The held connection looks alive to the client until its heartbeat gives up on it.
    await until('the client to notice', () => !c.connected());
    await start(port);
    await checkAfterRestart(port, old.id, c, resent);
  });
});
