import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { PROTOCOL_VERSION, parseServerFrame } from '../../src/protocol.js';
import type { ServerFrame } from '../../src/protocol.js';
import { startChatServer } from '../../server/chat-server.js';
import type { ChatServer } from '../../server/chat-server.js';
import { openStream, postFrame } from '../support/event-stream.js';

/** An event stream read with plain HTTP, its frames parsed as the widget parses them. */
const openSse = (port: number, id: string, origin?: string) =>
  openStream<ServerFrame>(port, id, { origin, parse: parseServerFrame });

function wsConnect(url: string, origin?: string): Promise<WebSocket> {
  const ws = new WebSocket(url, origin ? { origin } : {});
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

describe('reference server transports', () => {
  let server: ChatServer;

  before(async () => {
    server = await startChatServer({
      port: 0,
      replyDelay: 5,
      allowedOrigins: ['https://bank.example'],
      rateLimit: { burst: 10, perSecond: 5 },
    });
  });
  after(async () => {
    await server.close();
  });

  it('holds a conversation over Server-Sent Events and POST', async () => {
    const stream = await openSse(server.port, 'sse-conversation-1');
    assert.equal(stream.status, 200);
    assert.equal(
      await postFrame(
        server.port,
        'sse-conversation-1',
        JSON.stringify({ type: 'hello', v: PROTOCOL_VERSION, lang: 'en' }),
      ),
      204,
    );
    await stream.peer.next((f) => f.type === 'event' && f.event.seq === 1);
    assert.equal(
      await postFrame(
        server.port,
        'sse-conversation-1',
        JSON.stringify({ type: 'message', id: 'sse-m1', text: 'lost card' }),
      ),
      204,
    );
    const ack = await stream.peer.next((f) => f.type === 'ack');
    assert.deepEqual(ack, { type: 'ack', id: 'sse-m1', seq: 2 });
    const answer = await stream.peer.next((f) => f.type === 'event' && f.event.seq === 3);
    assert.ok(answer.type === 'event' && /last four/.test(answer.event.text));
    stream.close();
  });

  it('answers a POST for an unknown connection with 404', async () => {
    assert.equal(await postFrame(server.port, 'no-such-connection', '{"type":"ping"}'), 404);
  });

  it('refuses a WebSocket or an event stream from an origin not on the allow-list', async () => {
    await assert.rejects(wsConnect(server.url, 'https://evil.example'), /403/);
    const stream = await openSse(server.port, 'sse-evil-origin', 'https://evil.example');
    assert.equal(stream.status, 403);
    stream.close();
    const allowed = await wsConnect(server.url, 'https://bank.example');
    allowed.close();
  });

  it('rate-limits each connection with error frames and stays usable', async () => {
    const ws = await wsConnect(server.url);
    const frames: ServerFrame[] = [];
    ws.on('message', (data: Buffer) => {
      const frame = parseServerFrame(data.toString());
      if (frame) frames.push(frame);
    });
    for (let i = 0; i < 30; i++) ws.send(JSON.stringify({ type: 'ping' }));
    await new Promise((r) => setTimeout(r, 100));
    const limited = frames.filter((f) => f.type === 'error' && f.code === 'rate-limited').length;
    const pongs = frames.filter((f) => f.type === 'pong').length;
    assert.ok(limited >= 15, `expected most of the burst refused, got ${limited}`);
    assert.ok(pongs >= 10 && pongs < 15, `expected about the burst answered, got ${pongs}`);
    await new Promise((r) => setTimeout(r, 500));
    ws.send(JSON.stringify({ type: 'ping' }));
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(frames.filter((f) => f.type === 'pong').length, pongs + 1);
    ws.close();
  });

  it('survives random and hostile frames, answering each with an error frame', async () => {
    const fuzzed = await startChatServer({
      port: 0,
      replyDelay: 5,
      rateLimit: { burst: 1000, perSecond: 1000 },
    });
    const ws = await wsConnect(fuzzed.url);
    const frames: ServerFrame[] = [];
    ws.on('message', (data: Buffer) => {
      const frame = parseServerFrame(data.toString());
      if (frame) frames.push(frame);
    });
    const hostile = [
      '',
      'null',
      '[]',
      '"hello"',
      '{}',
      '{"type":"hello"}',
      '{"type":"message","id":"","text":"x"}',
      '{"type":"message","id":"' + 'x'.repeat(65) + '","text":"x"}',
      '{"type":"message","id":"a","text":42}',
      '{"type":"typing","active":"yes"}',
      '{"type":"__proto__","polluted":true}',
      '{"__proto__":{"type":"ping"}}',
      '{"type":"hello","v":{"toString":1},"lang":"en"}',
      '\u0000\uffff\ud800',
      '{'.repeat(10_000),
    ];
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 60; i++) {
      const length = Math.floor(random() * 200);
      hostile.push(Array.from({ length }, () => String.fromCharCode(Math.floor(random() * 0x3000))).join(''));
    }
    for (const frame of hostile) ws.send(frame);
    await new Promise((r) => setTimeout(r, 200));
    const errors = frames.filter((f) => f.type === 'error' && f.code === 'bad-frame').length;
    assert.equal(errors, hostile.length);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    // Still serving: a well-formed conversation works on the same socket.
    ws.send(JSON.stringify({ type: 'hello', v: PROTOCOL_VERSION, lang: 'en' }));
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(frames.some((f) => f.type === 'welcome'));
    ws.close();
    const res = await fetch(`http://127.0.0.1:${fuzzed.port}/healthz`);
    assert.equal(res.status, 200);
    await fuzzed.close();
  });

  it('closes a socket that sends an oversized frame without crashing', async () => {
    const ws = await wsConnect(server.url);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(70 * 1024));
    assert.equal(await closed, 1009);
    const again = await wsConnect(server.url);
    again.close();
  });
});
