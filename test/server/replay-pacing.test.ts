/**
 * A long replay is paced by the client's reading. A conversation of ~9 MB (300 events of 30 KB)
 * is resumed by a client that reads nothing for a while, on a server that drops a client once
 * 256 KiB wait for it (`maxBufferedBytes`): the replay stops while the bytes wait and goes on
 * as the client reads. The client is not dropped, gets every event once and in order, and
 * events stored during the replay follow it (in order, once each). On loopback the kernel's
 * buffers hold a few MB; 9 MB is more than they take, so the server's own buffer does fill.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { WebSocket } from 'ws';
import { PROTOCOL_VERSION } from '../../src/protocol.js';
import type { ChatEvent } from '../../src/protocol.js';
import { startChatServer } from '../../server/chat-server.js';
import type { ChatServer } from '../../server/chat-server.js';
import { Peer } from '../support/cluster.js';
import { rememberKey, withKey } from '../support/keys.js';
import { debugUrl } from '../support/debug-hooks.js';

type Frame = { type: string; [key: string]: unknown };

const EVENTS = 300;
const LIMIT = 256 * 1024;
const BIG = 'é'.repeat(15_000); // 30 KB of UTF-8

async function say(server: ChatServer, conversationId: string, text: string): Promise<number> {
  const res = await fetch(debugUrl(server.port, 'say'), {
    method: 'POST',
    body: JSON.stringify({ conversationId, text, name: 'Maria' }),
  });
  assert.equal(res.status, 200);
  return ((await res.json()) as { seq: number }).seq;
}

/** The TCP socket under a `ws` client (to stop reading from it, as a slow network would). */
const socketOf = (peer: Peer<Frame>): { pause(): void; resume(): void } =>
  (peer.ws as WebSocket & { _socket: { pause(): void; resume(): void } })._socket;

describe('replay pacing', () => {
  let server: ChatServer;
  let conversationId: string;

  before(async () => {
    server = await startChatServer({
      port: 0,
      replyDelay: 0,
      debug: true,
      simulatedAgent: false,
      maxBufferedBytes: LIMIT,
    });
    const peer = await Peer.open<Frame>(server.url);
    peer.send({ type: 'hello', v: PROTOCOL_VERSION, lang: 'en' });
    const welcome = await peer.next((f) => f.type === 'welcome', 'welcome');
    rememberKey(welcome);
    conversationId = welcome['conversationId'] as string;
    await peer.next((f) => f.type === 'event', 'the greeting');
    await peer.close();
    for (let i = 2; i <= EVENTS; i += 1) assert.equal(await say(server, conversationId, `${i} ${BIG}`), i);
  });
  after(async () => {
    await server.close();
  });

  it('waits for a client that is not reading instead of dropping it, then sends everything once, in order', async () => {
    const peer = await Peer.open<Frame>(server.url);
    const dropped = server.stats.droppedSlow;
    socketOf(peer).pause();
    peer.send({
      type: 'hello',
      v: PROTOCOL_VERSION,
      lang: 'en',
      resume: withKey({ conversationId, lastSeq: 0 }),
    });
    // The client reads nothing for 1 s: the server's buffer fills to its mark and the replay waits.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.ok(
      server.stats.peakBuffered > LIMIT / 4,
      `the server's buffer filled (${server.stats.peakBuffered} B)`,
    );
    // Two more events are stored while the replay is under way.
    const late = [
      await say(server, conversationId, 'late one'),
      await say(server, conversationId, 'late two'),
    ];
    assert.deepEqual(late, [EVENTS + 1, EVENTS + 2]);
    socketOf(peer).resume();
    await peer.next(
      (f) => f.type === 'event' && (f['event'] as ChatEvent).seq === EVENTS + 2,
      'the last event',
      30_000,
    );
    const seqs = peer.frames.filter((f) => f.type === 'event').map((f) => (f['event'] as ChatEvent).seq);
    assert.deepEqual(
      seqs,
      Array.from({ length: EVENTS + 2 }, (_, i) => i + 1),
      'each event once, in order',
    );
    assert.equal(server.stats.droppedSlow, dropped, 'not dropped');
    assert.ok(server.stats.peakBuffered <= LIMIT, `never over the limit (${server.stats.peakBuffered} B)`);
    // It follows the conversation now: a new event comes as a live frame.
    await say(server, conversationId, 'live');
    await peer.next(
      (f) => f.type === 'event' && (f['event'] as ChatEvent).seq === EVENTS + 3,
      'a live event',
    );
    await peer.close();
  });
});
