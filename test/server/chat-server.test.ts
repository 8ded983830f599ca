import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PROTOCOL_VERSION, parseServerFrame } from '../../src/protocol.js';
import type { ServerFrame } from '../../src/protocol.js';
import { startChatServer } from '../../server/chat-server.js';
import type { ChatServer } from '../../server/chat-server.js';
import { Peer } from '../support/peer.js';

/** A raw protocol client over a real WebSocket on loopback (its frames checked by the widget's parser). */
const connect = (url: string): Promise<Peer<ServerFrame>> => Peer.open(url, parseServerFrame);

/** The events `client` received, in order. */
const eventsOf = (client: Peer<ServerFrame>): Extract<ServerFrame, { type: 'event' }>['event'][] =>
  client.frames.flatMap((f) => (f.type === 'event' ? [f.event] : []));

const isEvent = (from: string, seq?: number) => (f: ServerFrame) =>
  f.type === 'event' && f.event.from === from && (seq === undefined || f.event.seq === seq);

describe('reference server', () => {
  let server: ChatServer;

  before(async () => {
    server = await startChatServer({ port: 0, replyDelay: 10 });
  });
  after(async () => {
    await server.close();
  });

  it('listens on a loopback port and answers health checks', async () => {
    assert.match(server.url, /^ws:\/\/127\.0\.0\.1:\d+\/chat$/);
    const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { ok: true, version: PROTOCOL_VERSION });
  });

  it('welcomes a new conversation and greets with quick replies', async () => {
    const client = await connect(server.url);
    client.send({ type: 'hello', v: PROTOCOL_VERSION, lang: 'en' });
    const welcome = await client.next((f) => f.type === 'welcome');
    assert.equal(welcome.type === 'welcome' && welcome.v, PROTOCOL_VERSION);
    // (1.3) The replay that follows ends at the greeting, already stored.
    assert.equal(welcome.type === 'welcome' && welcome.lastSeq, 1);
    const greeting = await client.next(isEvent('assistant', 1));
    assert.ok(greeting.type === 'event');
    assert.match(greeting.event.text, /virtual assistant/i);
    assert.ok((greeting.event.quickReplies ?? []).length >= 2);
    await client.close();
  });

  it('greets in Spanish when the hello says es', async () => {
    const client = await connect(server.url);
    client.send({ type: 'hello', v: PROTOCOL_VERSION, lang: 'es' });
    const greeting = await client.next(isEvent('assistant', 1));
    assert.ok(greeting.type === 'event');
    assert.match(greeting.event.text, /asistente virtual/i);
    assert.equal(greeting.event.name, 'Asistente virtual');
    await client.close();
  });

  it('acknowledges a message with its sequence number and answers it', async () => {
    const client = await connect(server.url);
    client.send({ type: 'hello', v: PROTOCOL_VERSION, lang: 'en' });
    await client.next(isEvent('assistant', 1));
    client.send({ type: 'message', id: 'm-1', text: 'I lost my card' });
    const ack = await client.next((f) => f.type === 'ack');
    assert.deepEqual(ack, { type: 'ack', id: 'm-1', seq: 2 });
    await client.next((f) => f.type === 'typing' && f.active);
    const answer = await client.next(isEvent('assistant', 3));
    assert.ok(answer.type === 'event');
    assert.match(answer.event.text, /last four digits/);
    assert.deepEqual(
      eventsOf(client).map((e) => [e.seq, e.from]),
      [
        [1, 'assistant'],
        [2, 'customer'],
        [3, 'assistant'],
      ],
    );
    await client.close();
  });

  it('flags the urgent phone route on the event, and only there', async () => {
    const client = await connect(server.url);
    client.send({ type: 'hello', v: PROTOCOL_VERSION, lang: 'en' });
    await client.next(isEvent('assistant', 1));
    client.send({
      type: 'message',
      id: 'u-1',
      text: 'There are charges happening right now that I did not make',
    });
    const answer = await client.next(isEvent('assistant', 3));
    assert.ok(answer.type === 'event');
    assert.equal(answer.event.urgent, true);
    assert.match(answer.event.text, /phone number printed on the back of your card/);
    client.send({ type: 'message', id: 'u-2', text: 'When is my payment due?' });
    const calm = await client.next(isEvent('assistant', 5));
    assert.ok(calm.type === 'event');
    assert.equal(calm.event.urgent, undefined);
    assert.equal(eventsOf(client)[0]?.urgent, undefined);
    await client.close();
  });

  it('deduplicates a message sent twice with the same id', async () => {
    const client = await connect(server.url);
    client.send({ type: 'hello', v: PROTOCOL_VERSION, lang: 'en' });
    await client.next(isEvent('assistant', 1));
    client.send({ type: 'message', id: 'dup', text: 'hello' });
    client.send({ type: 'message', id: 'dup', text: 'hello' });
    await client.next(isEvent('assistant', 3));
    await new Promise((r) => setTimeout(r, 50));
    const acks = client.frames.filter((f) => f.type === 'ack');
    assert.deepEqual(acks, [
      { type: 'ack', id: 'dup', seq: 2 },
      { type: 'ack', id: 'dup', seq: 2 },
    ]);
    assert.equal(eventsOf(client).filter((e) => e.from === 'customer').length, 1);
    await client.close();
  });

  it('replays only the missed events when a conversation is resumed', async () => {
    const first = await connect(server.url);
    first.send({ type: 'hello', v: PROTOCOL_VERSION, lang: 'en' });
    const welcome = await first.next((f) => f.type === 'welcome');
    assert.ok(welcome.type === 'welcome');
    first.send({ type: 'message', id: 'r-1', text: 'payment due date' });
    await first.next(isEvent('assistant', 3));
    await first.close();

    const second = await connect(server.url);
    second.send({
      type: 'hello',
      v: PROTOCOL_VERSION,
      lang: 'en',
      resume: { conversationId: welcome.conversationId, lastSeq: 1, key: welcome.resumeKey ?? '' },
    });
    const again = await second.next((f) => f.type === 'welcome');
    assert.equal(again.type === 'welcome' && again.conversationId, welcome.conversationId);
    await second.next(isEvent('assistant', 3));
    assert.deepEqual(
      eventsOf(second).map((e) => e.seq),
      [2, 3],
    );
    await second.close();
  });

  it('refuses an unknown major protocol version with a clear error', async () => {
    const client = await connect(server.url);
    client.send({ type: 'hello', v: '2.0', lang: 'en' });
    const error = await client.next((f) => f.type === 'error');
    assert.ok(error.type === 'error');
    assert.equal(error.code, 'unsupported-version');
    assert.match(error.message, /2\.0/);
  });

  it('answers malformed frames and messages before hello with error frames', async () => {
    const client = await connect(server.url);
    client.send('not json');
    const bad = await client.next((f) => f.type === 'error');
    assert.equal(bad.type === 'error' && bad.code, 'bad-frame');
    client.send({ type: 'message', id: 'early', text: 'hi' });
    const early = await client.next((f) => f.type === 'error' && f.code === 'not-ready');
    assert.equal(early.type === 'error' && early.id, 'early');
    await client.close();
  });

  it('refuses a message over the length limit, naming its id', async () => {
    const client = await connect(server.url);
    client.send({ type: 'hello', v: PROTOCOL_VERSION, lang: 'en' });
    await client.next(isEvent('assistant', 1));
    client.send({ type: 'message', id: 'long', text: 'x'.repeat(2001) });
    const error = await client.next((f) => f.type === 'error');
    assert.ok(error.type === 'error');
    assert.equal(error.code, 'too-long');
    assert.equal(error.id, 'long');
    await client.close();
  });

  it('redacts a card number a non-widget client sent, as a second line of defence', async () => {
    const before = server.stats.redactedByServer;
    const client = await connect(server.url);
    client.send({ type: 'hello', v: PROTOCOL_VERSION, lang: 'en' });
    await client.next(isEvent('assistant', 1));
    client.send({ type: 'message', id: 'pan', text: 'my card is 3782 822463 10005' });
    const echoed = await client.next(isEvent('customer', 2));
    assert.ok(echoed.type === 'event');
    assert.doesNotMatch(echoed.event.text, /822463/);
    assert.equal(server.stats.redactedByServer, before + 1);
    for (const raw of client.raw) assert.doesNotMatch(raw.replace(/\D/g, ''), /378282246310005/);
    await client.close();
  });
  it('walks the lost-card flow over the real protocol: last four, then ZIP, then confirmation', async () => {
    const client = await connect(server.url);
    client.send({ type: 'hello', v: PROTOCOL_VERSION, lang: 'en' });
    await client.next(isEvent('assistant', 1));
    const steps = ['I lost my card', '1005', '10001'];
    for (const [n, text] of steps.entries()) {
      client.send({ type: 'message', id: `flow-${n}`, text });
      await client.next(isEvent('assistant', 3 + 2 * n));
    }
    const replies = eventsOf(client)
      .filter((e) => e.from === 'assistant')
      .map((e) => e.text);
    assert.match(replies[1] ?? '', /last four digits/);
    assert.match(replies[2] ?? '', /ZIP/);
    assert.match(replies[3] ?? '', /1005/);
    // The customer's own digits arrived untouched: the last four and a ZIP are not secrets.
    const customer = eventsOf(client)
      .filter((e) => e.from === 'customer')
      .map((e) => e.text);
    assert.deepEqual(customer, steps);
    await client.close();
  });

  it('puts a customer who asks for a person in line (details in contact-center.test.ts)', async () => {
    const client = await connect(server.url);
    client.send({ type: 'hello', v: PROTOCOL_VERSION, lang: 'es' });
    await client.next(isEvent('assistant', 1));
    client.send({ type: 'message', id: 'agent-es', text: 'Quiero hablar con un agente' });
    const answer = await client.next(isEvent('assistant', 3));
    assert.ok(answer.type === 'event');
    assert.match(answer.event.text, /agente/);
    const notice = await client.next(isEvent('system', 4));
    assert.ok(notice.type === 'event');
    assert.deepEqual(notice.event.notice, { code: 'queued', team: 'general' });
    const queue = await client.next((f) => f.type === 'queue');
    assert.ok(queue.type === 'queue' && queue.waiting);
    assert.equal(queue.team, 'general');
    await client.close();
  });
});
