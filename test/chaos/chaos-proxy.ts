/**
 * A fault-injecting WebSocket proxy for the chaos test. It listens on 127.0.0.1, opens one
 * upstream WebSocket to the real server per client connection and forwards every message in
 * both directions, while (when `faults` is on):
 *
 * - **drops** connections at random: an abrupt `terminate()` of both sides, a close frame to the
 *   client (code 1012) and the server, or a **stall** (a half-open connection: nothing is
 *   forwarded any more and nothing is closed, so only the client's heartbeat can find it);
 * - **delays** messages by 0–`maxDelay` ms, keeping the order of each direction;
 * - **duplicates** a message (sends it twice);
 * - **replays** an older message of the same connection and direction (server → client mostly);
 * - **splits** a message into 2–4 WebSocket fragments (`fin: false` … `fin: true`).
 *
 * Every random choice comes from one seeded PRNG, so a run is replayable by its seed (as far as
 * the timing of the real network code allows). `counts` says what the proxy did.
 * Loopback only; `close()` ends every socket and timer it owns.
 */
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import type { RawData } from 'ws';

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ChaosOptions {
  /** The real server's WebSocket URL (`ws://127.0.0.1:PORT/chat`). */
  upstream: string;
  seed: number;
  /** Start with faults on (default false: turn them on with `proxy.faults = true`). */
  faults?: boolean;
  /** Probability, per forwarded message, that the connection is dropped. */
  dropRate?: number;
  /** A connection lives at most this long (ms, random in [min, max]) before it is dropped. */
  lifetime?: [number, number];
  /** Share of drops that are stalls (half-open) instead of closes. */
  stallShare?: number;
  /** Probability that a message is delayed, and the largest delay (ms). */
  delayRate?: number;
  maxDelay?: number;
  duplicateRate?: number;
  /** Probability, per server → client message, of replaying an older one; a tenth of that client → server. */
  replayRate?: number;
  splitRate?: number;
}

export interface FaultCounts {
  connections: number;
  /** Drops by kind. */
  terminated: number;
  closed: number;
  stalled: number;
  delayed: number;
  duplicated: number;
  replayed: number;
  split: number;
  /** Messages written to either side, fragments counted once, copies counted. */
  forwardedUp: number;
  forwardedDown: number;
}

interface Item {
  data: Buffer;
  binary: boolean;
  /** Not before this time (ms, `Date.now()` clock). */
  at: number;
}

const HISTORY = 24;

function toBuffer(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}

/** One direction of one connection: a FIFO whose items wait until their time, in order. */
class Lane {
  readonly #items: Item[] = [];
  readonly #history: Item[] = [];
  readonly #write: (item: Item) => void;
  readonly #ready: () => boolean;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #last = 0;

  constructor(ready: () => boolean, write: (item: Item) => void) {
    this.#ready = ready;
    this.#write = write;
  }

  /** Queues a message after everything already queued, at least `delay` ms from now. */
  push(data: Buffer, binary: boolean, delay: number): void {
    const at = Math.max(this.#last, Date.now() + delay);
    this.#last = at;
    const item = { data, binary, at };
    this.#items.push(item);
    this.#history.push(item);
    if (this.#history.length > HISTORY) this.#history.shift();
    this.pump();
  }

  /** An older message of this lane, for replays. */
  older(random: () => number): Item | undefined {
    if (this.#history.length < 2) return undefined;
    return this.#history[Math.floor(random() * (this.#history.length - 1))];
  }

  pump(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#ready()) return;
    const now = Date.now();
    let head = this.#items[0];
    while (head && head.at <= now) {
      this.#items.shift();
      this.#write(head);
      head = this.#items[0];
    }
    if (head) this.#timer = setTimeout(() => this.pump(), head.at - now);
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#items.length = 0;
    this.#history.length = 0;
  }
}

export class ChaosProxy {
  /** Whether faults are injected. Turning it off lets the conversation converge. */
  faults: boolean;
  readonly counts: FaultCounts = {
    connections: 0,
    terminated: 0,
    closed: 0,
    stalled: 0,
    delayed: 0,
    duplicated: 0,
    replayed: 0,
    split: 0,
    forwardedUp: 0,
    forwardedDown: 0,
  };
  readonly seed: number;
  readonly #options: Required<Omit<ChaosOptions, 'faults'>>;
  readonly #random: () => number;
  readonly #wss: WebSocketServer;
  readonly #links = new Set<() => void>();
  #port = 0;

  private constructor(options: ChaosOptions, wss: WebSocketServer) {
    this.seed = options.seed;
    this.faults = options.faults ?? false;
    this.#options = {
      upstream: options.upstream,
      seed: options.seed,
      dropRate: options.dropRate ?? 0.0015,
      lifetime: options.lifetime ?? [50, 600],
      stallShare: options.stallShare ?? 0.1,
      delayRate: options.delayRate ?? 0.3,
      maxDelay: options.maxDelay ?? 40,
      duplicateRate: options.duplicateRate ?? 0.03,
      replayRate: options.replayRate ?? 0.03,
      splitRate: options.splitRate ?? 0.1,
    };
    this.#random = prng(options.seed);
    this.#wss = wss;
    wss.on('connection', (client) => this.#link(client));
  }

  static async start(options: ChaosOptions): Promise<ChaosProxy> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      wss.once('listening', resolve);
      wss.once('error', reject);
    });
    const proxy = new ChaosProxy(options, wss);
    proxy.#port = (wss.address() as AddressInfo).port;
    return proxy;
  }

  /** The URL clients connect to (any path: every connection goes to `upstream`). */
  get url(): string {
    return `ws://127.0.0.1:${this.#port}/chat`;
  }

  /** Open connections right now. */
  get open(): number {
    return this.#links.size;
  }

  async close(): Promise<void> {
    this.faults = false;
    for (const end of [...this.#links]) end();
    for (const client of this.#wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #chance(rate: number): boolean {
    return this.faults && this.#random() < rate;
  }

  #between(min: number, max: number): number {
    return min + Math.floor(this.#random() * (max - min + 1));
  }

  /** Writes one message, whole or as 2–4 fragments. */
  #write(ws: WebSocket, item: Item): void {
    if (ws.readyState !== WebSocket.OPEN) return;
    const { data, binary } = item;
    if (data.length >= 4 && this.#chance(this.#options.splitRate)) {
      this.counts.split += 1;
      const parts = this.#between(2, Math.min(4, data.length));
      const cuts = new Set<number>();
      while (cuts.size < parts - 1) cuts.add(1 + Math.floor(this.#random() * (data.length - 1)));
      const bounds = [0, ...[...cuts].sort((a, b) => a - b), data.length];
      for (let i = 0; i + 1 < bounds.length; i++) {
        ws.send(data.subarray(bounds[i], bounds[i + 1]), { binary, fin: i + 2 === bounds.length });
      }
      return;
    }
    ws.send(data, { binary });
  }

  #link(client: WebSocket): void {
    this.counts.connections += 1;
    const o = this.#options;
    const upstream = new WebSocket(o.upstream, { perMessageDeflate: false });
    let ended = false;
    let stalled = false;
    let lifetime: ReturnType<typeof setTimeout> | undefined;

    const up = new Lane(
      () => upstream.readyState === WebSocket.OPEN,
      (item) => {
        this.counts.forwardedUp += 1;
        this.#write(upstream, item);
      },
    );
    const down = new Lane(
      () => client.readyState === WebSocket.OPEN,
      (item) => {
        this.counts.forwardedDown += 1;
        this.#write(client, item);
      },
    );

    const end = (how: 'terminate' | 'close'): void => {
      if (ended) return;
      ended = true;
      this.#links.delete(endNow);
      clearTimeout(lifetime);
      up.clear();
      down.clear();
      if (how === 'terminate') {
        client.terminate();
        upstream.terminate();
      } else {
        if (client.readyState === WebSocket.OPEN) client.close(1012, 'chaos');
        else client.terminate();
        if (upstream.readyState === WebSocket.OPEN) upstream.close(1001, 'chaos');
        else upstream.terminate();
      }
    };
    const endNow = (): void => end('terminate');
    this.#links.add(endNow);

    const drop = (): void => {
      if (ended || stalled) return;
      if (this.#random() < o.stallShare) {
        // Half-open: forward nothing more and close nothing, ever (until `close()`); only the
        // client's heartbeat can find it.
        this.counts.stalled += 1;
        stalled = true;
        up.clear();
        down.clear();
        clearTimeout(lifetime);
        return;
      }
      if (this.#random() < 0.5) {
        this.counts.terminated += 1;
        end('terminate');
      } else {
        this.counts.closed += 1;
        end('close');
      }
    };

    const forward = (lane: Lane, data: RawData, binary: boolean, replayRate: number): void => {
      if (ended || stalled) return;
      if (this.#chance(o.dropRate)) {
        drop();
        return;
      }
      const buffer = toBuffer(data);
      const delay = (): number => {
        if (!this.#chance(o.delayRate)) return 0;
        this.counts.delayed += 1;
        return Math.floor(this.#random() * (o.maxDelay + 1));
      };
      lane.push(buffer, binary, delay());
      if (this.#chance(o.duplicateRate)) {
        this.counts.duplicated += 1;
        lane.push(buffer, binary, delay());
      }
      if (this.#chance(replayRate)) {
        const old = lane.older(this.#random);
        if (old) {
          this.counts.replayed += 1;
          lane.push(old.data, old.binary, delay());
        }
      }
    };

    if (this.faults) {
      lifetime = setTimeout(
        () => {
          if (this.faults) drop();
        },
        this.#between(o.lifetime[0], o.lifetime[1]),
      );
    }

    client.on('message', (data, binary) => forward(up, data, binary, o.replayRate / 10));
    upstream.on('message', (data, binary) => forward(down, data, binary, o.replayRate));
    upstream.on('open', () => up.pump());
    client.on('close', () => end('terminate'));
    upstream.on('close', () => end('close'));
    client.on('error', () => end('terminate'));
    upstream.on('error', () => end('terminate'));
  }
}
