/**
 * Abuse tests of the reference server (docs/server-hardening.md). One real server on
 * 127.0.0.1; a well-behaved customer (from 127.0.0.1) exchanges a message with the assistant
 * every ~50 ms for the whole run while, in turn, a worker thread (its own event loop, so that
 * generating the abuse does not slow the measurement) floods, sends oversized frames, holds
 * slowloris and half-open sockets, tries bad origins, opens too many connections and reads too
 * slowly, each abuser from its own loopback address (127.0.0.2, …). For each abuse the customer's
 * reply latency (p50/p99/max) is printed and must stay low, and every reply must arrive.
 *
 * Then quick checks of the rest: field-naming errors, the agent secret, the proxy address,
 * internal errors without details.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { WebSocket } from 'ws';
import { PROTOCOL_VERSION, parseServerFrame } from '../../src/protocol.js';
import type { ServerFrame } from '../../src/protocol.js';
import { parseAgentServerFrame } from '../../src/agent-protocol.js';
import { startChatServer } from '../../server/chat-server.js';
import type { ChatServer } from '../../server/chat-server.js';
import { addressKey } from '../../server/limits.js';
import { asEventFrames } from '../support/wire.js';
import { withServer } from '../support/server.js';
import { debugUrl } from '../support/debug-hooks.js';

const HELLO = JSON.stringify({ type: 'hello', v: PROTOCOL_VERSION, lang: 'en' });
const LATENCY_P99_MS = 500;
const LATENCY_MAX_MS = 1000;

// ---- plumbing shared by both threads ----------------------------------------------------------

interface Opened {
  ws?: WebSocket;
  /** HTTP status when the upgrade was refused. */
  status?: number;
}

/** A WebSocket from `localAddress`; resolves with the socket, or the status that refused it. */
function openWs(url: string, localAddress: string, headers: Record<string, string> = {}): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { localAddress, headers, perMessageDeflate: false });
    ws.on('unexpected-response', (_req, res: IncomingMessage) => {
      resolve({ status: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    ws.once('open', () => resolve({ ws }));
    ws.once('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}

function closeCode(ws: WebSocket): Promise<number> {
  if (ws.readyState === ws.CLOSED) return Promise.resolve(-1);
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

/** A masked client text frame (for raw sockets that speak WebSocket by hand). */
function maskedFrame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x81, 0x80 | length])
      : Buffer.from([0x81, 0x80 | 126, (length >> 8) & 0xff, length & 0xff]);
  const mask = Buffer.from([1, 2, 3, 4]);
  const masked = Buffer.alloc(length);
  for (let i = 0; i < length; i++) masked[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
  return Buffer.concat([header, mask, masked]);
}

function rawSocket(port: number, localAddress: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress }, () => resolve(socket));
    socket.once('error', reject);
  });
}

const UPGRADE = (path: string): string =>
  `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';

/** Each stream's post key (its first event, protocol 1.4), by connection id. */
const sseKeys = new Map<string, string>();

async function sseKey(id: string): Promise<string> {
  for (let i = 0; !sseKeys.has(id) && i < 400; i++) await sleep(5);
  return sseKeys.get(id) ?? '';
}

/** Opens an event stream from `localAddress`; `paused` reads its key, then nothing more. */
function openSse(
  port: number,
  id: string,
  localAddress: string,
  paused = false,
  headers: Record<string, string> = {},
): Promise<{ status: number; res: IncomingMessage; text: () => string }> {
  return new Promise((resolve, reject) => {
    let text = '';
    const req = request(
      { host: '127.0.0.1', port, localAddress, path: `/chat/sse?connection=${id}`, headers },
      (res) => {
        const read = (chunk: Buffer): void => {
          text += chunk.toString();
          const key = /event: key\ndata: (\S+)\n\n/.exec(text)?.[1];
          if (key === undefined) return;
          sseKeys.set(id, key);
          if (!paused) return;
          res.off('data', read);
          res.pause();
        };
        res.on('data', read);
        resolve({ status: res.statusCode ?? 0, res, text: () => text });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** POSTs `body` to an event stream's connection, with its key; resolves with the status (0: cut). */
async function postSse(
  port: number,
  id: string,
  localAddress: string,
  body: string | Buffer,
): Promise<number> {
  const key = await sseKey(id);
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        localAddress,
        method: 'POST',
        path: `/chat/sse?connection=${id}`,
        headers: { 'x-chat-key': key },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

// ---- the abusers (worker thread) ----------------------------------------------------------

interface Job {
  phase: string;
  conversationId?: string;
  key?: string;
  /** cpu-flood: from how many addresses. */
  addresses?: number;
}

async function abuse(port: number, job: Job): Promise<Record<string, unknown>> {
  const url = `ws://127.0.0.1:${port}/chat`;
  switch (job.phase) {
    case 'flood': {
      // One connection, 5,000 frames as fast as it can; another 5,000 frames of garbage; then
      // eight polite connections from one address that together exceed its shared budget.
      const { ws } = await openWs(url, '127.0.0.2');
      assert.ok(ws);
      let limited = 0;
      ws.on('message', (data: Buffer) => {
        if (data.toString().includes('rate-limited')) limited += 1;
      });
      const closed = closeCode(ws);
      ws.send(HELLO);
      for (let i = 0; i < 5000; i++) {
        ws.send(i % 2 ? '{"type":"ping"}' : JSON.stringify({ type: 'message', id: `f${i}`, text: 'spam' }));
      }
      const garbage = (await openWs(url, '127.0.0.3')).ws;
      assert.ok(garbage);
      const garbageClosed = closeCode(garbage);
      for (let i = 0; i < 5000; i++) garbage.send('{"type":');
      const shared = await Promise.all(Array.from({ length: 8 }, () => openWs(url, '127.0.0.4')));
      let sharedLimited = 0;
      let pongs = 0;
      const welcomed = shared.map(
        ({ ws: s }) =>
          new Promise<void>((resolve) => {
            s?.on('message', (data: Buffer) => {
              const text = data.toString();
              if (text.includes('welcome')) resolve();
              if (text.includes('rate-limited')) sharedLimited += 1;
              if (text.includes('pong')) pongs += 1;
            });
            s?.send(HELLO);
          }),
      );
      await Promise.all(welcomed);
      for (const { ws: s } of shared) for (let i = 0; i < 35; i++) s?.send('{"type":"ping"}');
      const [code, garbageCode] = await Promise.all([closed, garbageClosed]);
      await sleep(200);
      const sharedOpen = shared.filter((s) => s.ws?.readyState === WebSocket.OPEN).length;
      for (const s of shared) s.ws?.close();
      return {
        summary: `5,000 frames → closed ${code} after ${limited} rate-limited; 5,000 garbage → closed ${garbageCode}; 8 connections × 36 frames from one address → ${sharedLimited} rate-limited, ${pongs} pongs`,
        code,
        garbageCode,
        limited,
        sharedLimited,
        pongs,
        sharedOpen,
      };
    }
    case 'oversized': {
      const sockets = await Promise.all(Array.from({ length: 10 }, () => openWs(url, '127.0.0.5')));
      const codes = await Promise.all(
        sockets.map(({ ws }, i) => {
          assert.ok(ws);
          const closed = closeCode(ws);
          ws.send('x'.repeat(i === 0 ? 8 * 1024 * 1024 : 70 * 1024));
          return closed;
        }),
      );
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const id = `oversized-${i}-${Date.now()}`;
        const stream = await openSse(port, id, '127.0.0.6');
        statuses.push(await postSse(port, id, '127.0.0.6', Buffer.alloc(100 * 1024, 0x61)));
        stream.res.destroy();
      }
      return {
        summary: `10 WebSocket frames of 70 KiB–8 MiB → closed ${[...new Set(codes)].join(', ')}; 5 POSTs of 100 KiB → ${[...new Set(statuses)].join(', ')}`,
        codes,
        statuses,
      };
    }
    case 'slowloris': {
      const started = Date.now();
      const closedAt: number[] = [];
      const watch = (socket: Socket): Promise<void> =>
        new Promise((resolve) => {
          socket.on('error', () => undefined);
          socket.once('close', () => {
            closedAt.push(Date.now() - started);
            resolve();
          });
        });
      const waits: Promise<void>[] = [];
      // 20 partial HTTP requests (headers that never end).
      for (let i = 0; i < 20; i++) {
        const socket = await rawSocket(port, '127.0.0.7');
        socket.write('GET /chat/sse?connection=slowloris-slow HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
        socket.resume();
        waits.push(watch(socket));
      }
      // 10 complete upgrades that then say nothing.
      for (let i = 0; i < 10; i++) {
        const socket = await rawSocket(port, '127.0.0.8');
        socket.write(UPGRADE('/chat'));
        socket.resume();
        waits.push(watch(socket));
      }
      // 10 real WebSocket clients that never send hello.
      const silent = await Promise.all(Array.from({ length: 10 }, () => openWs(url, '127.0.0.9')));
      const silentCodes = Promise.all(silent.map(({ ws }) => (ws ? closeCode(ws) : Promise.resolve(-1))));
      // 5 event-stream POSTs whose body never finishes.
      const posts: Promise<number>[] = [];
      for (let i = 0; i < 5; i++) {
        const id = `slow-body-${i}-${Date.now()}`;
        const stream = await openSse(port, id, '127.0.0.10');
        const key = await sseKey(id);
        posts.push(
          new Promise((resolve) => {
            const req = request(
              {
                host: '127.0.0.1',
                port,
                localAddress: '127.0.0.10',
                method: 'POST',
                path: `/chat/sse?connection=${id}`,
                headers: { 'content-length': '1000', 'x-chat-key': key },
              },
              (res) => {
                res.resume();
                resolve(res.statusCode ?? 0);
                stream.res.destroy();
              },
            );
            req.on('error', () => resolve(0));
            req.write('{"type":');
          }),
        );
      }
      // 5 half-open WebSockets: hello, then silence (what reaches them is discarded, pings are
      // never answered), as when the peer's network has gone.
      for (let i = 0; i < 5; i++) {
        const socket = await rawSocket(port, '127.0.0.11');
        socket.write(UPGRADE('/chat'));
        socket.write(maskedFrame(HELLO));
        socket.resume();
        waits.push(watch(socket));
      }
      const [codes, bodies] = await Promise.all([silentCodes, Promise.all(posts), Promise.all(waits)]);
      return {
        summary: `55 sockets: 20 partial headers, 10 silent upgrades, 10 clients without hello (closed ${[...new Set(codes)].join(', ')}), 5 unfinished POST bodies (${[...new Set(bodies)].join(', ')}), 5 half-open; all closed by ${Math.max(...closedAt)} ms`,
        codes,
        bodies,
        rawClosed: closedAt.length,
        lastClose: Math.max(...closedAt),
      };
    }
    case 'bad-origin': {
      const evil = { origin: 'https://evil.example' };
      const ws = await Promise.all(Array.from({ length: 20 }, () => openWs(url, '127.0.0.12', evil)));
      const sse = await Promise.all(
        Array.from({ length: 5 }, (_, i) => openSse(port, `evil-origin-${i}`, '127.0.0.12', false, evil)),
      );
      for (const s of sse) s.res.destroy();
      const statuses = [...ws.map((o) => o.status ?? 101), ...sse.map((s) => s.status)];
      return {
        summary: `20 upgrades and 5 event streams from https://evil.example → ${[...new Set(statuses)].join(', ')}`,
        statuses,
      };
    }
    case 'too-many': {
      const opened: Opened[] = [];
      for (let i = 0; i < 25; i++) {
        const o = await openWs(url, '127.0.0.13');
        o.ws?.send(HELLO);
        opened.push(o);
      }
      const sse = await openSse(port, `too-many-${Date.now()}`, '127.0.0.13');
      sse.res.destroy();
      const agent = await openWs(`ws://127.0.0.1:${port}/agent`, '127.0.0.13');
      const open = opened.filter((o) => o.ws);
      const refused = opened.filter((o) => o.status === 429).length;
      // One closes: its slot is free again.
      const first = open[0]?.ws;
      assert.ok(first);
      const closed = closeCode(first);
      first.close();
      await closed;
      await sleep(50);
      const again = await openWs(url, '127.0.0.13');
      for (const o of [...open, again]) o.ws?.close();
      return {
        summary: `25 WebSockets from one address → ${open.length} open, ${refused} × 429; then an event stream → ${sse.status}, an agent console → ${agent.status ?? 101}; after one closed, a new one → ${again.ws ? 101 : again.status}`,
        open: open.length,
        refused,
        sse: sse.status,
        agent: agent.status,
        again: again.ws ? 101 : again.status,
      };
    }
    case 'cpu-flood': {
      // Legal messages that cost the most to redact ("1," × 1,000: 2,000 characters), sent at
      // the frame rate the server allows: 5 connections from each address, each 20 a second.
      const addresses = job.addresses ?? 1;
      const text = '1,'.repeat(1000);
      let sent = 0;
      let limited = 0;
      let acked = 0;
      const sockets: WebSocket[] = [];
      for (let a = 0; a < addresses; a++) {
        for (let c = 0; c < 5; c++) {
          const { ws } = await openWs(url, `127.0.0.${40 + a}`);
          assert.ok(ws);
          ws.on('message', (data: Buffer) => {
            const frame = data.toString();
            if (frame.includes('"rate-limited"')) limited += 1;
            else if (frame.startsWith('{"type":"ack"')) acked += 1;
          });
          ws.send(HELLO);
          sockets.push(ws);
        }
      }
      const until = Date.now() + 2500;
      for (let tick = 0; Date.now() < until; tick++) {
        for (const [i, ws] of sockets.entries()) {
          if (ws.readyState !== WebSocket.OPEN) continue;
          ws.send(JSON.stringify({ type: 'message', id: `cpu-${i}-${tick}`, text }));
          sent += 1;
        }
        await sleep(50);
      }
      await sleep(200);
      const open = sockets.filter((ws) => ws.readyState === WebSocket.OPEN).length;
      for (const ws of sockets) ws.close();
      return {
        summary: `${addresses} address(es) × 5 connections × 20 messages/s of "1," × 1,000 → ${sent} sent, ${acked} stored, ${limited} rate-limited`,
        sent,
        acked,
        limited,
        open,
      };
    }
    case 'slow-reader': {
      const sockets: Socket[] = [];
      const resume = JSON.stringify({
        type: 'hello',
        v: PROTOCOL_VERSION,
        lang: 'en',
        resume: { conversationId: job.conversationId, lastSeq: 0, key: job.key },
      });
      for (let i = 0; i < 5; i++) {
        const socket = await rawSocket(port, '127.0.0.14');
        socket.on('error', () => undefined);
        socket.write(UPGRADE('/chat'));
        socket.write(maskedFrame(resume));
        socket.pause();
        sockets.push(socket);
      }
      const streams: IncomingMessage[] = [];
      for (let i = 0; i < 3; i++) {
        const id = `slow-reader-${i}-${Date.now()}`;
        const stream = await openSse(port, id, '127.0.0.15', true);
        stream.res.on('error', () => undefined);
        streams.push(stream.res);
        await postSse(port, id, '127.0.0.15', resume);
      }
      parentPort?.postMessage({ phase: 'slow-reader:started' });
      // Hold them until the main thread has seen the drops.
      await new Promise<void>((resolve) => {
        parentPort?.once('message', () => resolve());
      });
      for (const s of sockets) s.destroy();
      for (const r of streams) r.destroy();
      return { summary: '5 WebSockets and 3 event streams resume a 12 MB conversation and never read' };
    }
    default:
      throw new Error(`unknown phase ${job.phase}`);
  }
}

if (!isMainThread) {
  const { port } = workerData as { port: number };
  parentPort?.on('message', (job: Job) => {
    if (job.phase === 'release') return;
    abuse(port, job).then(
      (result) => parentPort?.postMessage({ phase: job.phase, result }),
      (error: unknown) => parentPort?.postMessage({ phase: job.phase, error: String(error) }),
    );
  });
}

// ---- the well-behaved customer (main thread) --------------------------------------------------

/** Exchanges a message with the assistant every ~50 ms and keeps the reply latencies. */
class Customer {
  samples: number[] = [];
  sent = 0;
  answered = 0;
  missed = 0;
  errors: ServerFrame[] = [];
  #running = true;
  #loop: Promise<void> | undefined;
  #waiter: ((f: ServerFrame) => boolean) | undefined;
  readonly #ws: WebSocket;

  constructor(ws: WebSocket) {
    this.#ws = ws;
    ws.on('message', (data: Buffer) => {
      const parsed = parseServerFrame(data.toString());
      assert.ok(parsed);
      for (const frame of asEventFrames(parsed)) {
        if (frame.type === 'error') this.errors.push(frame);
        if (this.#waiter?.(frame)) this.#waiter = undefined;
      }
    });
  }

  #next(test: (f: ServerFrame) => boolean, timeout: number): Promise<ServerFrame | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiter = undefined;
        resolve(undefined);
      }, timeout);
      this.#waiter = (f) => {
        if (!test(f)) return false;
        clearTimeout(timer);
        resolve(f);
        return true;
      };
    });
  }

  async hello(): Promise<void> {
    const welcome = this.#next((f) => f.type === 'event' && f.event.seq === 1, 5000);
    this.#ws.send(HELLO);
    assert.ok(await welcome, 'the greeting');
  }

  start(): void {
    this.#loop = (async () => {
      for (let n = 0; this.#running; n++) {
        const started = performance.now();
        const id = `good-${n}`;
        let acked = 0;
        const reply = this.#next((f) => {
          if (f.type === 'ack' && f.id === id) acked = f.seq;
          return acked > 0 && f.type === 'event' && f.event.from === 'assistant' && f.event.seq > acked;
        }, 5000);
        this.sent += 1;
        this.#ws.send(JSON.stringify({ type: 'message', id, text: 'When is my payment due?' }));
        if (await reply) {
          this.answered += 1;
          this.samples.push(performance.now() - started);
        } else {
          this.missed += 1;
        }
        await sleep(Math.max(0, 50 - (performance.now() - started)));
      }
    })();
  }

  /** The latencies since the last call, and whether every message got its reply. */
  take(): { count: number; p50: number; p99: number; max: number; missed: number; errors: number } {
    const sorted = [...this.samples].sort((a, b) => a - b);
    const at = (q: number): number =>
      sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
    const result = {
      count: sorted.length,
      p50: at(0.5),
      p99: at(0.99),
      max: sorted[sorted.length - 1] ?? 0,
      missed: this.missed,
      errors: this.errors.length,
    };
    this.samples = [];
    this.missed = 0;
    this.errors = [];
    return result;
  }

  async stop(): Promise<void> {
    this.#running = false;
    await this.#loop;
    this.#ws.close();
  }
}

if (isMainThread) {
  describe('server abuse: a well-behaved customer stays served', () => {
    let server: ChatServer;
    let worker: Worker;
    let customer: Customer;
    let bigConversation = '';
    let bigKey = '';
    const results = new Map<
      string,
      (message: { result?: Record<string, unknown>; error?: string }) => void
    >();

    before(async () => {
      server = await startChatServer({
        port: 0,
        replyDelay: 5,
        debug: true,
        simulatedAgent: false,
        allowedOrigins: ['https://bank.example'],
        helloTimeoutMs: 1000,
        headersTimeoutMs: 1000,
        requestTimeoutMs: 2000,
        bodyTimeoutMs: 1000,
        heartbeatMs: 500,
        // A replay waits this long for a reader that reads nothing, then drops it (before the
        // heartbeat, which a paused socket cannot answer either, would).
        replayStallMs: 250,
      });
      worker = new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`,
        { eval: true, workerData: { port: server.port } },
      );
      worker.on('message', (message: { phase: string; result?: Record<string, unknown>; error?: string }) => {
        results.get(message.phase)?.(message);
      });
      // A long conversation for the slow readers to resume: 200 messages of 60,000 characters.
      const builder = await openWs(server.url, '127.0.0.1');
      assert.ok(builder.ws);
      const welcome = new Promise<[string, string]>((resolve) =>
        builder.ws?.once('message', (data: Buffer) => {
          const frame = parseServerFrame(data.toString());
          resolve(frame?.type === 'welcome' ? [frame.conversationId, frame.resumeKey ?? ''] : ['', '']);
        }),
      );
      builder.ws.send(HELLO);
      [bigConversation, bigKey] = await welcome;
      builder.ws.close();
      const text = 'x'.repeat(60_000);
      for (let i = 0; i < 200; i++) {
        const res = await fetch(debugUrl(server.port, 'say'), {
          method: 'POST',
          body: JSON.stringify({ conversationId: bigConversation, text }),
        });
        assert.equal(res.status, 200);
      }
      const { ws } = await openWs(server.url, '127.0.0.1');
      assert.ok(ws);
      customer = new Customer(ws);
      await customer.hello();
      customer.start();
    });

    after(async () => {
      await customer.stop();
      await worker.terminate();
      await server.close();
    });

    function run(job: Job): Promise<Record<string, unknown>> {
      return new Promise((resolve, reject) => {
        results.set(job.phase, (message) => {
          results.delete(job.phase);
          if (message.error) reject(new Error(message.error));
          else resolve(message.result ?? {});
        });
        worker.postMessage(job);
      });
    }

    /** Runs `abuse` for at least `minMs`, then checks and prints the customer's latencies. */
    async function during<T>(
      name: string,
      abuse: () => Promise<T>,
      minMs = 2500,
      limits = { p99: LATENCY_P99_MS, max: LATENCY_MAX_MS },
    ): Promise<T> {
      customer.take();
      const started = Date.now();
      const result = await abuse();
      await sleep(Math.max(0, minMs - (Date.now() - started)));
      const m = customer.take();
      const what = (result as { summary?: string } | undefined)?.summary ?? '';
      console.log(
        `abuse ${name.padEnd(11)} customer: ${m.count} replies, p50 ${m.p50.toFixed(1)} ms, p99 ${m.p99.toFixed(1)} ms, max ${m.max.toFixed(1)} ms, ${m.missed} missed | ${what}`,
      );
      assert.ok(m.count >= 10, `the customer kept talking (${m.count} replies)`);
      assert.equal(m.missed, 0, 'every message got its reply');
      assert.equal(m.errors, 0, 'the customer got no error frames');
      assert.ok(m.p99 <= limits.p99, `p99 ${m.p99.toFixed(1)} ms`);
      assert.ok(m.max <= limits.max, `max ${m.max.toFixed(1)} ms`);
      return result;
    }

    it('baseline (no abuse)', async () => {
      await during('baseline', () => Promise.resolve({ summary: 'nothing else' }));
    });

    it('flood: a connection that keeps flooding is closed (1008); an address shares one budget', async () => {
      const floods = server.stats.floods;
      const r = await during('flood', () => run({ phase: 'flood' }));
      assert.equal(r['code'], 1008);
      assert.equal(r['garbageCode'], 1008);
      assert.ok((r['limited'] as number) > 50);
      assert.ok((r['sharedLimited'] as number) > 0, 'the address budget refused some frames');
      assert.equal(r['sharedOpen'], 8, 'polite connections are refused frames, not closed');
      assert.equal(server.stats.floods, floods + 2);
    });

    it('oversized frames: WebSocket 1009, POST 413', async () => {
      const r = await during('oversized', () => run({ phase: 'oversized' }));
      assert.deepEqual([...new Set(r['codes'] as number[])], [1009]);
      assert.deepEqual([...new Set(r['statuses'] as number[])], [413]);
    });

    it('slowloris and half-open sockets are all closed by the timeouts and the heartbeat', async () => {
      const timeouts = server.stats.helloTimeouts;
      const r = await during('slowloris', () => run({ phase: 'slowloris' }));
      assert.deepEqual([...new Set(r['codes'] as number[])], [4008]);
      assert.deepEqual([...new Set(r['bodies'] as number[])], [408]);
      assert.equal(r['rawClosed'], 35);
      assert.ok((r['lastClose'] as number) < 5000);
      // The 10 clients that never say hello are closed by the hello timeout (4008, checked above);
      // the 10 silent raw upgrades may be refused by the per-address cap first, depending on
      // arrival order, so they are not counted here (they are in rawClosed).
      assert.ok(server.stats.helloTimeouts >= timeouts + 10);
    });

    for (const addresses of [1, 10]) {
      it(`the review's costly messages at the allowed frame rate, from ${addresses} address(es)`, async () => {
        // Without the work budget, ten addresses leave the customer 4 replies in the window and a
        // p99 of 3.1 s: the limits every abuse has catch that. The review's bar (p99 ≤ 100 ms) is
        // a measurement, kept in docs/server-hardening.md, not a timed assertion.
        const r = await during(`cpu ×${addresses}`, () => run({ phase: 'cpu-flood', addresses }));
        assert.ok((r['limited'] as number) > 0, 'the work budget held some back');
        assert.ok((r['acked'] as number) > 0, 'legal messages are still taken');
        assert.equal(r['open'], addresses * 5, 'no connection was closed for them');
      });
    }

    it('bad Origin: 403', async () => {
      const r = await during('bad-origin', () => run({ phase: 'bad-origin' }));
      assert.deepEqual([...new Set(r['statuses'] as number[])], [403]);
    });

    it('too many connections from one address: 429 (customers and consoles together)', async () => {
      const r = await during('too-many', () => run({ phase: 'too-many' }));
      assert.equal(r['open'], 20);
      assert.equal(r['refused'], 5);
      assert.equal(r['sse'], 429);
      assert.equal(r['agent'], 429);
      assert.equal(r['again'], 101);
    });

    it('slow readers are dropped; what waits for one client stays bounded', async () => {
      const dropped = server.stats.droppedSlow;
      const r = await during('slow-reader', async () => {
        const started = new Promise<void>((resolve) =>
          results.set('slow-reader:started', () => {
            results.delete('slow-reader:started');
            resolve();
          }),
        );
        const done = run({ phase: 'slow-reader', conversationId: bigConversation, key: bigKey });
        await started;
        const deadline = Date.now() + 10_000;
        while (server.stats.droppedSlow < dropped + 8 && Date.now() < deadline) await sleep(20);
        worker.postMessage({ phase: 'release' });
        return done;
      });
      assert.ok(r);
      assert.equal(server.stats.droppedSlow - dropped, 8, 'all 8 slow readers dropped');
      // 1 MiB plus at most one frame (60,000 characters) and its envelope.
      assert.ok(server.stats.peakBuffered <= 1024 * 1024 + 64 * 1024, `peak ${server.stats.peakBuffered}`);
      console.log(
        `abuse slow-reader: ${server.stats.droppedSlow - dropped} dropped, most bytes ever waiting for one client ${server.stats.peakBuffered}`,
      );
    });
  });

  // ---- the rest of the hardening, quickly --------------------------------------------------

  /** A WebSocket peer that collects frames (customer or agent protocol). */
  async function peer(
    url: string,
    headers: Record<string, string> = {},
  ): Promise<{
    ws: WebSocket;
    frames: { type: string; code?: string; message?: string; id?: string }[];
    next(type: string): Promise<{ type: string; code?: string; message?: string; id?: string }>;
    closed: Promise<number>;
  }> {
    const { ws, status } = await openWs(url, '127.0.0.1', headers);
    assert.ok(ws, `upgrade refused with ${status}`);
    const frames: { type: string; code?: string; message?: string; id?: string }[] = [];
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      const frame = parseServerFrame(text) ?? parseAgentServerFrame(text);
      assert.ok(frame, `malformed frame ${text}`);
      frames.push(...asEventFrames(frame));
    });
    return {
      ws,
      frames,
      closed: closeCode(ws),
      async next(type) {
        for (let i = 0; i < 200; i++) {
          const found = frames.find((f) => f.type === type);
          if (found) {
            frames.splice(frames.indexOf(found), 1);
            return found;
          }
          await sleep(10);
        }
        throw new Error(`no ${type} frame`);
      },
    };
  }

  describe('server hardening', () => {
    it('answers every schema violation with a bad-frame error that names the field', async () => {
      await withServer({}, async (server) => {
        const cases: [unknown, RegExp, string?][] = [
          ['nope', /not valid JSON/],
          [[1], /JSON object/],
          [{ kind: 'hello' }, /no string type/],
          [{ type: 'shout' }, /type is not a known frame type/],
          [{ type: 'hello', v: '1.1', lang: 'x'.repeat(17) }, /hello\.lang must be at most 16/],
          [{ type: 'hello', v: 1, lang: 'en' }, /hello\.v must be a string/],
          [{ type: 'hello', v: '1.1', lang: 'en', account: 'a'.repeat(65) }, /hello\.account/],
          [{ type: 'hello', v: '1.1', lang: 'en', token: 't'.repeat(4097) }, /hello\.token/],
          [{ type: 'hello', v: '1.1', lang: 'en', resume: 'abc' }, /hello\.resume must be an object/],
          [
            { type: 'hello', v: '1.1', lang: 'en', resume: { conversationId: 'c'.repeat(65), lastSeq: 0 } },
            /hello\.resume\.conversationId must be 1–64/,
          ],
          [
            { type: 'hello', v: '1.1', lang: 'en', resume: { conversationId: 'c', lastSeq: -1 } },
            /hello\.resume\.lastSeq must be a non-negative integer/,
          ],
          [
            { type: 'hello', v: '1.1', lang: 'en', resume: { conversationId: 'c', lastSeq: 1.5 } },
            /hello\.resume\.lastSeq/,
          ],
          [{ type: 'message', text: 'hi' }, /message\.id must be a string/],
          [{ type: 'message', id: 'm1', text: 7 }, /message\.text must be a string/, 'm1'],
          [{ type: 'message', id: 'm2', text: '  ' }, /message\.text is empty/, 'm2'],
          [{ type: 'typing', active: 'yes' }, /typing\.active must be true or false/],
          [{ type: 'rating', score: 6 }, /rating\.score must be an integer from 1 to 5/],
        ];
        const client = await peer(server.url);
        for (const [frame, message, id] of cases) {
          client.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
          const error = await client.next('error');
          assert.equal(error.code, 'bad-frame', JSON.stringify(frame));
          assert.match(error.message ?? '', message);
          assert.equal(error.id, id);
          assert.doesNotMatch(error.message ?? '', /xxxxx|ttttt|aaaaa/, 'never quotes the input');
        }
        // Unknown fields are ignored; the connection is still usable.
        client.ws.send(JSON.stringify({ type: 'hello', v: PROTOCOL_VERSION, lang: 'es-MX', colour: 'blue' }));
        await client.next('welcome');
        assert.ok(client.frames.every((f) => f.type !== 'error'));
        client.ws.close();

        const agent = await peer(server.agentUrl);
        const agentCases: [unknown, RegExp][] = [
          [
            { type: 'agent-hello', v: '1.1', name: 'n'.repeat(41), team: 'general' },
            /agent-hello\.name must be 1–40/,
          ],
          [
            { type: 'agent-hello', v: '1.1', name: '   ', team: 'general' },
            /agent-hello\.name must not be blank/,
          ],
          [
            { type: 'agent-hello', v: '1.1', name: 'Ana', team: 'sales' },
            /agent-hello\.team must be one of general/,
          ],
          [{ type: 'transfer', conversationId: 'c', team: 'nowhere' }, /transfer\.team/],
          [{ type: 'accept', conversationId: '' }, /accept\.conversationId must be 1–64/],
          [{ type: 'simulate', enabled: 1 }, /simulate\.enabled must be true or false/],
        ];
        for (const [frame, message] of agentCases) {
          agent.ws.send(JSON.stringify(frame));
          const error = await agent.next('error');
          assert.equal(error.code, 'bad-frame');
          assert.match(error.message ?? '', message);
        }
        agent.ws.close();
      });
    });

    it('holds back messages once a connection or an address has spent its work budget', async () => {
      // A tiny budget, so that any message puts the connection in debt: the mechanism, not the
      // numbers (those are in the abuse phases above and docs/server-hardening.md).
      await withServer({ workBudget: { burst: 1, perSecond: 0.5 }, floodLimit: 5 }, async (server) => {
        const costly = '1,'.repeat(1000);
        const first = await peer(server.url);
        first.ws.send(HELLO);
        await first.next('welcome');
        for (let i = 0; i < 4; i++)
          first.ws.send(JSON.stringify({ type: 'message', id: `w-${i}`, text: costly }));
        const ack = await first.next('ack');
        assert.equal(ack.id, 'w-0', 'the first message is taken');
        const refused = await first.next('error');
        assert.deepEqual([refused.code, refused.id], ['rate-limited', 'w-1'], 'the next waits, named');
        assert.ok(server.stats.workRefused >= 1);
        // Another connection has its own budget (the address's is large by default).
        const second = await peer(server.url);
        second.ws.send(HELLO);
        await second.next('welcome');
        second.ws.send(JSON.stringify({ type: 'message', id: 'other', text: 'When is my payment due?' }));
        assert.equal((await second.next('ack')).id, 'other');
        // Keeping on after being refused is a flood: closed like one.
        for (let i = 10; i < 20; i++)
          first.ws.send(JSON.stringify({ type: 'message', id: `w-${i}`, text: costly }));
        assert.equal(await first.closed, 1008);
        second.ws.close();
      });
      await withServer({}, async (server) => {
        // A message refused as too long costs what the longest message costs, not its length:
        // one 60,000-character frame does not hold back the other connections of its address.
        const a = await peer(server.url);
        a.ws.send(HELLO);
        await a.next('welcome');
        a.ws.send(JSON.stringify({ type: 'message', id: 'huge', text: 'x'.repeat(60_000) }));
        assert.equal((await a.next('error')).code, 'too-long');
        const b = await peer(server.url);
        b.ws.send(HELLO);
        await b.next('welcome');
        b.ws.send(JSON.stringify({ type: 'message', id: 'after', text: 'hello' }));
        assert.equal((await b.next('ack')).id, 'after');
        a.ws.close();
        b.ws.close();
      });
      await withServer({ ipWorkBudget: { burst: 1, perSecond: 0.5 } }, async (server) => {
        // The address's budget is shared: a second connection from it waits too.
        const a = await peer(server.url);
        a.ws.send(HELLO);
        await a.next('welcome');
        a.ws.send(JSON.stringify({ type: 'message', id: 'a-0', text: '1,'.repeat(1000) }));
        await a.next('ack');
        const b = await peer(server.url);
        b.ws.send(HELLO);
        await b.next('welcome');
        b.ws.send(JSON.stringify({ type: 'message', id: 'b-0', text: 'hello' }));
        const error = await b.next('error');
        assert.deepEqual([error.code, error.id], ['rate-limited', 'b-0']);
        a.ws.close();
        b.ws.close();
      });
    });

    it('closes a connection that never says hello (4008), customers and consoles', async () => {
      await withServer({ helloTimeoutMs: 200 }, async (server) => {
        const customer = await peer(server.url);
        const agent = await peer(server.agentUrl);
        assert.equal(await customer.closed, 4008);
        assert.equal(await agent.closed, 4008);
        assert.equal(server.stats.helloTimeouts, 2);
        // Saying hello in time keeps the connection.
        const polite = await peer(server.url);
        polite.ws.send(HELLO);
        await polite.next('welcome');
        await sleep(300);
        assert.equal(polite.ws.readyState, WebSocket.OPEN);
        polite.ws.close();
      });
    });

    it('agent console secret: refused without it or with a wrong one (auth-failed, 4003), then the address is locked out', async () => {
      const secret = 'correct horse battery staple';
      await withServer({ agentSecret: secret, maxAuthFailuresPerIp: 3 }, async (server, logs) => {
        assert.equal(server.agentConsoleProtected, true);
        assert.ok(!logs.some((l) => /unprotected/.test(String(l['msg']))));
        const hello = { type: 'agent-hello', v: PROTOCOL_VERSION, name: 'Ana', team: 'general' };

        const good = await peer(server.agentUrl);
        good.ws.send(JSON.stringify({ ...hello, secret }));
        await good.next('agent-welcome');
        await good.next('board');

        for (const attempt of [undefined, 'guess-4c2f9e', secret.toUpperCase()]) {
          const bad = await peer(server.agentUrl);
          bad.ws.send(JSON.stringify(attempt === undefined ? hello : { ...hello, secret: attempt }));
          const error = await bad.next('error');
          assert.equal(error.code, 'auth-failed');
          assert.equal(await bad.closed, 4003);
          assert.ok(!bad.frames.some((f) => f.type === 'board'), 'no board before sign-in');
        }
        assert.equal(server.stats.authFailures, 3);
        // Three failures: this address may not open consoles for a while; customers may.
        const locked = await openWs(server.agentUrl, '127.0.0.1');
        assert.equal(locked.status, 429);
        const customer = await openWs(server.url, '127.0.0.1');
        assert.ok(customer.ws);
        customer.ws.close();
        // Logs say that a sign-in was refused, never the secret.
        const all = JSON.stringify(logs);
        assert.match(all, /agent auth refused/);
        assert.doesNotMatch(all, /horse|HORSE|guess-4c2f9e/);
        good.ws.close();
      });
    });

    it('agent console secret: parallel connections get no more guesses than the lockout allows', async () => {
      const secret = 'correct horse battery staple';
      await withServer({ agentSecret: secret, maxAuthFailuresPerIp: 3 }, async (server) => {
        const hello = { type: 'agent-hello', v: PROTOCOL_VERSION, name: 'Ana', team: 'general' };
        // A console that signs in gives its guess back: it does not count towards the lockout.
        const good = await peer(server.agentUrl);
        good.ws.send(JSON.stringify({ ...hello, secret }));
        await good.next('agent-welcome');
        // Eight consoles opened at once, before any of them guessed.
        const opened = await Promise.all(
          Array.from({ length: 8 }, () => openWs(server.agentUrl, '127.0.0.1')),
        );
        const sockets = opened.flatMap((o) => (o.ws ? [o.ws] : []));
        assert.ok(opened.every((o) => o.ws !== undefined || o.status === 429));
        const refusals = sockets.map(
          (ws) =>
            new Promise<boolean>((resolve) => {
              ws.on('message', (data: Buffer) => {
                if (/auth-failed/.test(data.toString())) resolve(true);
              });
              ws.once('close', () => resolve(false));
            }),
        );
        sockets.forEach((ws, i) => ws.send(JSON.stringify({ ...hello, secret: `guess-${i}-4c2f9e` })));
        const guessed = (await Promise.all(refusals)).filter(Boolean).length;
        assert.equal(guessed, 3, `${guessed} guesses were checked (the lockout allows 3)`);
        assert.equal(server.stats.authFailures, 3);
        const locked = await openWs(server.agentUrl, '127.0.0.1');
        assert.equal(locked.status, 429);
        good.ws.close();
      });
    });

    it('without a secret the console works and a warning is logged at start; a short secret is refused', async () => {
      await withServer({}, async (server, logs) => {
        assert.equal(server.agentConsoleProtected, false);
        assert.ok(
          logs.some((l) => l['level'] === 'warn' && /agent console unprotected/.test(String(l['msg']))),
        );
        const agent = await peer(server.agentUrl);
        agent.ws.send(
          JSON.stringify({ type: 'agent-hello', v: PROTOCOL_VERSION, name: 'Ana', team: 'general' }),
        );
        await agent.next('agent-welcome');
        agent.ws.close();
      });
      await assert.rejects(startChatServer({ port: 0, agentSecret: 'short' }), /at least 16 characters/);
      await assert.rejects(
        startChatServer({ port: 0, agentSecret: 's'.repeat(257) }),
        /at most 256 characters/,
      );
    });

    it('counts X-Forwarded-For addresses only behind a trusted proxy', async () => {
      const as = (forwarded: string): Record<string, string> => ({ 'x-forwarded-for': forwarded });
      await withServer({ maxConnectionsPerIp: 2, trustProxy: 1 }, async (server) => {
        const a = await openWs(server.url, '127.0.0.1', as('6.6.6.6, 10.0.0.1'));
        const b = await openWs(server.url, '127.0.0.1', as('7.7.7.7, 10.0.0.1'));
        const c = await openWs(server.url, '127.0.0.1', as('10.0.0.1'));
        const d = await openWs(server.url, '127.0.0.1', as('10.0.0.2'));
        // The entry the proxy added counts; what the client claimed to its left does not.
        assert.ok(a.ws && b.ws && d.ws);
        assert.equal(c.status, 429);
        for (const o of [a, b, d]) o.ws?.close();
      });
      await withServer({ maxConnectionsPerIp: 2 }, async (server) => {
        const opened = await Promise.all(
          ['10.0.0.1', '10.0.0.2', '10.0.0.3'].map((ip) => openWs(server.url, '127.0.0.1', as(ip))),
        );
        assert.deepEqual(
          opened.map((o) => o.status ?? 101),
          [101, 101, 429],
        );
        for (const o of opened) o.ws?.close();
      });
      assert.equal(addressKey('::ffff:192.0.2.7'), '192.0.2.7');
      assert.equal(addressKey('2001:db8:1:2::1'), addressKey('2001:db8:1:2:ffff::9'));
      assert.notEqual(addressKey('2001:db8:1:2::1'), addressKey('2001:db8:1:3::1'));
    });

    it('refuses a second event stream over the limit with 429 and frees the slot when it ends', async () => {
      await withServer({ maxConnectionsPerIp: 1 }, async (server) => {
        const first = await openSse(server.port, 'limit-sse-1', '127.0.0.1');
        assert.equal(first.status, 200);
        const second = await openSse(server.port, 'limit-sse-2', '127.0.0.1');
        assert.equal(second.status, 429);
        assert.equal(second.res.headers['retry-after'], '10');
        second.res.destroy();
        first.res.destroy();
        await sleep(50);
        const third = await openSse(server.port, 'limit-sse-3', '127.0.0.1');
        assert.equal(third.status, 200);
        third.res.destroy();
      });
    });

    it('answers an unexpected exception with a generic internal error and logs no text', async () => {
      await withServer(
        {
          verifyToken: () => {
            throw new Error('boom 4111 1111 1111 1111 in the token check');
          },
        },
        async (server, logs) => {
          const client = await peer(server.url);
          client.ws.send(JSON.stringify({ type: 'hello', v: PROTOCOL_VERSION, lang: 'en', token: 't' }));
          const error = await client.next('error');
          assert.equal(error.code, 'internal');
          assert.equal(error.message, 'Something went wrong on our side. Please try again.');
          assert.equal(server.stats.internalErrors, 1);
          const entry = logs.find((l) => l['msg'] === 'internal error');
          assert.equal(entry?.['error'], 'Error');
          assert.doesNotMatch(JSON.stringify(logs), /boom|4111/);
          // Still usable.
          client.ws.send('{"type":"ping"}');
          await client.next('pong');
          client.ws.close();
        },
      );
    });
  });
}
