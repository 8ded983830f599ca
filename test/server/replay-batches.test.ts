/**
 * Protocol 1.2: a replay goes out in `events` frames. A client whose hello says 1.2 and resumes
 * a conversation of 1,234 events gets them in frames of at most MAX_EVENTS_PER_FRAME events and
 * MAX_REPLAY_FRAME_BYTES of JSON, packed as full as those caps allow, in order, each event
 * exactly once, identical to what the server stored; a client that says 1.1 gets one `event`
 * frame per event; live events stay single `event` frames. Over WebSocket and Server-Sent
 * Events, with the in-memory store and with the Redis store (an instance that loaded the
 * conversation from Redis). `replayFrames` itself is checked on made-up events (the count cap
 * only binds for events smaller than the server's, which carry a UUID and a timestamp).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { MAX_EVENTS_PER_FRAME, PROTOCOL_VERSION, parseServerFrame } from '../../src/protocol.js';
import type { ChatEvent } from '../../src/protocol.js';
import { startChatServer } from '../../server/chat-server.js';
import type { ChatServer, ChatServerOptions } from '../../server/chat-server.js';
import { MAX_REPLAY_FRAME_BYTES, replayFrames } from '../../server/replay.js';
import { Peer, openStream, postFrame, sharedRedis } from '../support/cluster.js';
import { rememberKey, withKey } from '../support/keys.js';
import { stored } from '../support/server.js';
import { debugUrl } from '../support/debug-hooks.js';

type Frame = { type: string; [key: string]: unknown };

const N = 1234;

/** Short notes, every seventh a long one with two- and four-byte characters (bytes ≠ characters). */
function textOf(seq: number): string {
  return seq % 7 === 0 ? `Long note ${seq}: ${'é'.repeat(150)}${' 🚀'.repeat(20)}` : `Note ${seq}`;
}

const bytes = (text: string): number => Buffer.byteLength(text);

/** Starts a conversation on `server` (WebSocket, 1.2); resolves with its id once the greeting came. */
async function startConversation(server: ChatServer): Promise<string> {
  const peer = await Peer.open<Frame>(server.url);
  peer.send({ type: 'hello', v: PROTOCOL_VERSION, lang: 'en' });
  const welcome = await peer.next((f) => f.type === 'welcome', 'welcome');
  rememberKey(welcome);
  await peer.next((f) => f.type === 'event' && (f['event'] as ChatEvent).seq === 1, 'the greeting');
  await peer.close();
  return welcome['conversationId'] as string;
}

/** Adds agent messages (through the debug hook) until the conversation has `upTo` events. */
async function fill(server: ChatServer, conversationId: string, upTo: number): Promise<void> {
  for (let seq = 2; seq <= upTo; seq++) {
    const res = await fetch(debugUrl(server.port, 'say'), {
      method: 'POST',
      body: JSON.stringify({ conversationId, text: textOf(seq), name: 'Maria' }),
    });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { seq });
  }
}

interface Replayed {
  /** What the welcome said the replay goes up to (protocol 1.3). */
  lastSeq: number | undefined;
  /** The frames that carried events, as sent. */
  frames: { type: 'event' | 'events'; events: ChatEvent[]; bytes: number }[];
  events: ChatEvent[];
}

/** The frames after `welcome` that carried events, parsed as the widget parses them. */
function replayed(raw: readonly string[]): Replayed {
  const welcome = raw.findIndex((text) => parseServerFrame(text)?.type === 'welcome');
  assert.ok(welcome >= 0, 'a welcome');
  const hello = parseServerFrame(raw[welcome] ?? '');
  const frames: Replayed['frames'] = [];
  for (const text of raw.slice(welcome + 1)) {
    const frame = parseServerFrame(text);
    assert.ok(frame, `a well-formed frame (${text.length} characters)`);
    if (frame.type === 'event') frames.push({ type: 'event', events: [frame.event], bytes: bytes(text) });
    if (frame.type === 'events') frames.push({ type: 'events', events: frame.events, bytes: bytes(text) });
  }
  return {
    lastSeq: hello?.type === 'welcome' ? hello.lastSeq : undefined,
    frames,
    events: frames.flatMap((f) => f.events),
  };
}

/** Resumes `conversationId` from `lastSeq` over a WebSocket, saying protocol `v`; waits for event `upTo`. */
async function resumeWs(
  server: ChatServer,
  v: string,
  conversationId: string,
  lastSeq: number,
  upTo = N,
): Promise<Peer<Frame>> {
  const peer = await Peer.open<Frame>(server.url);
  peer.send({ type: 'hello', v, lang: 'en', resume: withKey({ conversationId, lastSeq }) });
  const welcome = await peer.next((f) => f.type === 'welcome', 'welcome');
  assert.equal(welcome['conversationId'], conversationId, 'the same conversation');
  await peer.next(
    (f) => f.type === 'event' && (f['event'] as ChatEvent).seq === upTo,
    `event ${upTo}`,
    10_000,
  );
  return peer;
}

/** The same over an event stream (GET) and a POSTed hello. */
async function resumeSse(
  server: ChatServer,
  v: string,
  conversationId: string,
  lastSeq: number,
): Promise<{ peer: Peer; close(): void }> {
  const id = randomBytes(16).toString('hex');
  const stream = await openStream(server.port, id);
  assert.equal(stream.status, 200);
  assert.equal(
    await postFrame(server.port, id, {
      type: 'hello',
      v,
      lang: 'en',
      resume: withKey({ conversationId, lastSeq }),
    }),
    204,
  );
  await stream.peer.next((f) => f.type === 'welcome', 'welcome');
  await stream.peer.next(
    (f) => f.type === 'event' && (f['event'] as ChatEvent).seq === N,
    `event ${N}`,
    10_000,
  );
  return stream;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * A 1.2 replay: `events` frames within both caps, each (but the last) as full as the caps
 * allow; every event from `lastSeq + 1` to N once, in order, as stored. Returns the frame sizes.
 */
function assertBatched(r: Replayed, storedEvents: ChatEvent[], lastSeq: number, what: string): string {
  assert.equal(r.lastSeq, N, `${what}: the welcome says where the replay ends`);
  assert.deepEqual(
    r.events.map((e) => e.seq),
    range(lastSeq + 1, N),
    `${what}: every event once, in order, no gaps`,
  );
  assert.deepEqual(r.events, storedEvents.slice(lastSeq), `${what}: the events as stored`);
  r.frames.forEach((frame, i) => {
    const next = r.frames[i + 1]?.events[0];
    if (frame.type === 'event') {
      // Only a lone event: the last of the replay, or one that did not fit with the next.
      assert.ok(
        next === undefined || frame.bytes + bytes(JSON.stringify(next)) > MAX_REPLAY_FRAME_BYTES,
        `${what}: a single event frame only when no run fits`,
      );
      return;
    }
    assert.ok(
      frame.events.length >= 2 && frame.events.length <= MAX_EVENTS_PER_FRAME,
      `${what}: 2–500 events`,
    );
    assert.ok(frame.bytes <= MAX_REPLAY_FRAME_BYTES, `${what}: frame ${i} is ${frame.bytes} bytes`);
    if (next) {
      assert.ok(
        frame.events.length === MAX_EVENTS_PER_FRAME ||
          frame.bytes + 1 + bytes(JSON.stringify(next)) > MAX_REPLAY_FRAME_BYTES,
        `${what}: frame ${i} is as full as the caps allow`,
      );
    }
  });
  const counts = r.frames.map((f) => f.events.length);
  const sizes = r.frames.map((f) => f.bytes);
  return `${r.events.length} events in ${r.frames.length} frames; events per frame ${counts.join(', ')}; bytes per frame ${sizes.join(', ')}`;
}

/** A 1.1 replay: one `event` frame per event, every event once, in order. */
function assertSingles(r: Replayed, storedEvents: ChatEvent[], lastSeq: number, what: string): void {
  assert.equal(r.lastSeq, N, `${what}: the welcome says where the replay ends`);
  assert.deepEqual(
    r.frames.map((f) => f.type),
    Array<string>(N - lastSeq).fill('event'),
    `${what}: one event frame per event`,
  );
  assert.deepEqual(r.events, storedEvents.slice(lastSeq), `${what}: every event once, in order, as stored`);
}

describe('replayFrames', () => {
  const event = (seq: number, text = ''): ChatEvent => ({
    seq,
    id: String(seq),
    kind: 'message',
    from: 'agent',
    name: '',
    text,
    at: 0,
  });

  it('caps a frame at MAX_EVENTS_PER_FRAME events; the frames are the JSON of the frame objects', () => {
    const events = range(1, 1234).map((seq) => event(seq));
    const frames = [...replayFrames(events, { batches: true })];
    assert.deepEqual(
      frames.map((f) => JSON.parse(f) as unknown),
      [
        { type: 'events', events: events.slice(0, 500) },
        { type: 'events', events: events.slice(500, 1000) },
        { type: 'events', events: events.slice(1000) },
      ],
    );
    assert.equal(frames[0], JSON.stringify({ type: 'events', events: events.slice(0, 500) }));
    assert.ok(frames.every((f) => bytes(f) <= MAX_REPLAY_FRAME_BYTES));
  });

  it('caps a frame at MAX_REPLAY_FRAME_BYTES bytes of UTF-8, not characters', () => {
    // 4 bytes per emoji (2 UTF-16 units): 1,000 characters of text are ~2,000 bytes.
    const events = range(1, 100).map((seq) => event(seq, '🚀'.repeat(500)));
    const frames = [...replayFrames(events, { batches: true })];
    const counts = frames.map((f) => (JSON.parse(f) as { events: unknown[] }).events.length);
    assert.equal(
      counts.reduce((a, b) => a + b),
      100,
    );
    for (const f of frames) assert.ok(bytes(f) <= MAX_REPLAY_FRAME_BYTES, `${bytes(f)} bytes`);
    // Full: one more event would not have fitted.
    assert.ok(bytes(frames[0] ?? '') + 1 + bytes(JSON.stringify(events[0])) > MAX_REPLAY_FRAME_BYTES);
    assert.ok(counts.length >= 4 && counts.every((c) => c > 1), `events per frame ${counts.join(', ')}`);
  });

  it('sends a lone event, or one too large to share a frame, as an event frame', () => {
    const big = event(2, 'x'.repeat(MAX_REPLAY_FRAME_BYTES));
    const frames = [...replayFrames([event(1), big, event(3), event(4)], { batches: true })];
    assert.deepEqual(
      frames.map((f) => JSON.parse(f) as unknown),
      [
        { type: 'event', event: event(1) },
        { type: 'event', event: big },
        { type: 'events', events: [event(3), event(4)] },
      ],
    );
    assert.deepEqual(
      [...replayFrames([event(7)], { batches: true })],
      [JSON.stringify({ type: 'event', event: event(7) })],
    );
    assert.deepEqual([...replayFrames([], { batches: true })], []);
  });

  it('without batches (a 1.1 client): one event frame per event', () => {
    const events = range(1, 3).map((seq) => event(seq));
    assert.deepEqual(
      [...replayFrames(events, { batches: false })],
      events.map((e) => JSON.stringify({ type: 'event', event: e })),
    );
  });
});

describe(`replay of ${N} events (in-memory store)`, () => {
  let server: ChatServer;
  let conversationId: string;
  let storedEvents: ChatEvent[];

  before(async () => {
    server = await startChatServer({ port: 0, replyDelay: 0, debug: true, simulatedAgent: false });
    conversationId = await startConversation(server);
    await fill(server, conversationId, N);
    storedEvents = (await stored(server, conversationId)).events;
    assert.equal(storedEvents.length, N);
  });
  after(async () => {
    await server.close();
  });

  it('WebSocket, 1.2, resume from 0: events frames within both caps, every event once, in order', async () => {
    const peer = await resumeWs(server, PROTOCOL_VERSION, conversationId, 0);
    const r = replayed(peer.raw);
    const sizes = assertBatched(r, storedEvents, 0, 'websocket 1.2');
    console.log(`replay websocket 1.2 from 0: ${sizes}`);
    assert.ok(r.frames.length < 10, `${r.frames.length} frames instead of ${N}`);
    await peer.close();
  });

  it('WebSocket, 1.2, resume from 617: only the missed events, batched', async () => {
    const peer = await resumeWs(server, '1.2', conversationId, 617);
    const sizes = assertBatched(replayed(peer.raw), storedEvents, 617, 'websocket 1.2 from 617');
    console.log(`replay websocket 1.2 from 617: ${sizes}`);
    await peer.close();
  });

  it(`WebSocket, 1.1: ${N} single event frames`, async () => {
    const peer = await resumeWs(server, '1.1', conversationId, 0);
    assertSingles(replayed(peer.raw), storedEvents, 0, 'websocket 1.1');
    await peer.close();
  });

  it('event stream, 1.2: events frames within both caps, every event once, in order', async () => {
    const stream = await resumeSse(server, PROTOCOL_VERSION, conversationId, 0);
    const sizes = assertBatched(replayed(stream.peer.raw), storedEvents, 0, 'sse 1.2');
    console.log(`replay sse 1.2 from 0: ${sizes}`);
    stream.close();
  });

  it(`event stream, 1.1: ${N} single event frames`, async () => {
    const stream = await resumeSse(server, '1.1', conversationId, 0);
    assertSingles(replayed(stream.peer.raw), storedEvents, 0, 'sse 1.1');
    stream.close();
  });

  it('resume with nothing or one event missed: no events frame', async () => {
    const none = await Peer.open<Frame>(server.url);
    none.send({
      type: 'hello',
      v: PROTOCOL_VERSION,
      lang: 'en',
      resume: withKey({ conversationId, lastSeq: N }),
    });
    await none.next((f) => f.type === 'welcome', 'welcome');
    const one = await resumeWs(server, PROTOCOL_VERSION, conversationId, N - 1);
    assert.deepEqual(
      replayed(one.raw).frames.map((f) => [f.type, f.events.map((e) => e.seq)]),
      [['event', [N]]],
    );
    assert.deepEqual(replayed(none.raw).frames, []);
    await Promise.all([none.close(), one.close()]);
  });

  it('after a 1.2 replay, live events are single event frames', async () => {
    const peer = await resumeWs(server, PROTOCOL_VERSION, conversationId, 0);
    const replayFrameCount = replayed(peer.raw).frames.length;
    const res = await fetch(debugUrl(server.port, 'say'), {
      method: 'POST',
      body: JSON.stringify({ conversationId, text: 'Live one', name: 'Maria' }),
    });
    assert.deepEqual(await res.json(), { seq: N + 1 });
    peer.send({ type: 'message', id: 'live-customer', text: 'And a live message of mine' });
    await peer.next((f) => f.type === 'ack' && f['id'] === 'live-customer', 'the ack');
    await peer.next((f) => f.type === 'event' && (f['event'] as ChatEvent).seq === N + 2, 'the echo');
    await peer.next(
      (f) =>
        f.type === 'event' &&
        (f['event'] as ChatEvent).from === 'assistant' &&
        (f['event'] as ChatEvent).seq > N,
      "the assistant's answer",
    );
    const live = replayed(peer.raw).frames.slice(replayFrameCount);
    assert.ok(live.length >= 3, 'the agent line, the echo, the answer');
    assert.deepEqual(
      live.map((f) => [f.type, f.events.map((e) => e.seq)]),
      live.map((_, i) => ['event', [N + 1 + i]]),
    );
    await peer.close();
  });
});

describe(`replay of ${N} events (Redis store, an instance that loaded the conversation from Redis)`, () => {
  let redis: Awaited<ReturnType<typeof sharedRedis>>;
  let a: ChatServer;
  let b: ChatServer | undefined;
  let conversationId: string;
  let storedEvents: ChatEvent[];

  before(async () => {
    redis = await sharedRedis();
    const options: ChatServerOptions = {
      port: 0,
      replyDelay: 0,
      debug: true,
      simulatedAgent: false,
      store: redis.url,
      storePrefix: `replay-${process.pid}-${Date.now()}:`,
    };
    a = await startChatServer(options);
    conversationId = await startConversation(a);
    await fill(a, conversationId, N);
    // B starts now: it reads the conversation from Redis (events stream and all).
    b = await startChatServer(options);
    storedEvents = (await stored(b, conversationId)).events;
    assert.deepEqual(
      storedEvents,
      (await stored(a, conversationId)).events,
      'both instances hold the same events',
    );
    assert.equal(storedEvents.length, N);
  });
  after(async () => {
    await b?.close();
    await a.close();
    await redis.stop();
  });

  it('WebSocket, 1.2, on the other instance: events frames within both caps, every event once, in order', async () => {
    assert.ok(b);
    const peer = await resumeWs(b, PROTOCOL_VERSION, conversationId, 0);
    const sizes = assertBatched(replayed(peer.raw), storedEvents, 0, 'redis websocket 1.2');
    console.log(`replay redis websocket 1.2 from 0: ${sizes}`);
    await peer.close();
  });

  it(`WebSocket, 1.1, on the other instance: ${N} single event frames`, async () => {
    assert.ok(b);
    const peer = await resumeWs(b, '1.1', conversationId, 0);
    assertSingles(replayed(peer.raw), storedEvents, 0, 'redis websocket 1.1');
    await peer.close();
  });

  it('event stream, 1.2, on the other instance: batched', async () => {
    assert.ok(b);
    const stream = await resumeSse(b, PROTOCOL_VERSION, conversationId, 100);
    assertBatched(replayed(stream.peer.raw), storedEvents, 100, 'redis sse 1.2');
    stream.close();
  });
});
