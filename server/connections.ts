/**
 * The two ways a client reaches the reference server, behind one `Connection`: a WebSocket,
 * or Server-Sent Events down plus `fetch` POSTs up (for networks that block WebSockets).
 *
 * Neither buffers without bound: when more than `Backpressure.limit` bytes wait to go out to
 * one client (a slow or stalled reader), the client is dropped (WebSocket close 1013, the event
 * stream is cut) instead of queueing more.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebSocket } from 'ws';
import type { ServerFrame } from '../src/protocol.js';

export { RateLimiter } from './limits.js';

/** How long a closing WebSocket may take to finish the close handshake before it is cut. */
export const CLOSE_GRACE_MS = 1000;

export interface Connection {
  readonly kind: 'websocket' | 'sse';
  send(frame: ServerFrame): void;
  /** Sends a frame already serialized (exactly `JSON.stringify` of a `ServerFrame`). */
  sendText(json: string): void;
  /**
   * Ends the connection; `code` follows WebSocket close codes. `hard`: stop reading and cut it
   * soon even if the peer does not answer (floods).
   */
  close(code: number, reason: string, hard?: boolean): void;
  /** Whether it was closed (or dropped) by the server or the client. */
  readonly closed: boolean;
  /** Bytes sent but still waiting to go out to the client (a replay waits on this). */
  readonly buffered: number;
}

/** The outgoing-buffer bound shared by all connections, and what it has seen. */
export class Backpressure {
  readonly limit: number;
  /** Most bytes ever seen waiting for one client (after a write). */
  peak = 0;
  /** Clients dropped for reading too slowly. */
  dropped = 0;
  readonly #onDrop: (kind: string) => void;

  constructor(limit: number, onDrop: (kind: string) => void = () => undefined) {
    this.limit = limit;
    this.#onDrop = onDrop;
  }

  /** Whether a client with `queued` bytes waiting may get more; counts a drop when not. */
  admit(queued: number, kind: string): boolean {
    if (queued <= this.limit) return true;
    this.drop(kind);
    return false;
  }

  /** Counts a client dropped for not reading (over the limit, or a stalled replay). */
  drop(kind: string): void {
    this.dropped += 1;
    this.#onDrop(kind);
  }

  record(queued: number): void {
    if (queued > this.peak) this.peak = queued;
  }
}

/**
 * Closes a WebSocket with `code`. `hard` (a flood, a stalled reader) also stops reading from
 * it, and cuts the socket if the peer has not finished the close handshake within
 * CLOSE_GRACE_MS, so that nothing stays buffered for it.
 */
export function closeWebSocket(ws: WebSocket, code: number, reason: string, hard = false): void {
  if (ws.readyState === ws.CLOSED) return;
  if (ws.readyState === ws.OPEN) ws.close(code, reason);
  if (!hard) return;
  ws.pause();
  const cut = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
  cut.unref();
  ws.once('close', () => clearTimeout(cut));
}

/**
 * Sends `data` on `ws` unless too much is already waiting for it; then drops it (1013) and
 * returns false.
 */
export function sendBounded(ws: WebSocket, data: string, backpressure: Backpressure, kind: string): boolean {
  if (ws.readyState !== ws.OPEN) return false;
  if (!backpressure.admit(ws.bufferedAmount, kind)) {
    closeWebSocket(ws, 1013, 'too slow', true);
    return false;
  }
  ws.send(data);
  backpressure.record(ws.bufferedAmount);
  return true;
}

export class WebSocketConnection implements Connection {
  readonly kind = 'websocket';
  readonly #ws: WebSocket;
  readonly #backpressure: Backpressure;

  constructor(ws: WebSocket, backpressure: Backpressure) {
    this.#ws = ws;
    this.#backpressure = backpressure;
  }

  get closed(): boolean {
    return this.#ws.readyState !== this.#ws.OPEN;
  }

  get buffered(): number {
    return this.#ws.bufferedAmount;
  }

  send(frame: ServerFrame): void {
    this.sendText(JSON.stringify(frame));
  }

  sendText(json: string): void {
    if (this.#ws.readyState !== this.#ws.OPEN) return;
    sendBounded(this.#ws, json, this.#backpressure, 'websocket');
  }

  close(code: number, reason: string, hard = false): void {
    closeWebSocket(this.#ws, code, reason, hard);
  }
}

/** One EventSource stream. Frames go out as `data:` lines; a comment every 15 s keeps proxies from timing out. */
export class SseConnection implements Connection {
  readonly kind = 'sse';
  readonly #res: ServerResponse;
  readonly #keepAlive: ReturnType<typeof setInterval>;
  readonly #backpressure: Backpressure;
  #closed = false;

  constructor(res: ServerResponse, headers: Record<string, string>, backpressure: Backpressure) {
    this.#res = res;
    this.#backpressure = backpressure;
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    // A peer that vanished without a FIN is found by TCP keep-alive probes.
    res.socket?.setKeepAlive(true, 30_000);
    res.write(': amex-chat\n\n');
    this.#keepAlive = setInterval(() => this.#write(': keep-alive\n\n'), 15_000);
    res.on('close', () => this.#cleanup());
  }

  get closed(): boolean {
    return this.#closed;
  }

  get buffered(): number {
    return this.#res.writableLength;
  }

  #write(chunk: string): void {
    if (this.#closed) return;
    if (!this.#backpressure.admit(this.#res.writableLength, 'sse')) {
      // The reader is not keeping up: cut the stream, which frees what was queued for it.
      this.#cleanup();
      this.#res.destroy();
      return;
    }
    this.#res.write(chunk);
    this.#backpressure.record(this.#res.writableLength);
  }

  send(frame: ServerFrame): void {
    this.sendText(JSON.stringify(frame));
  }

  sendText(json: string): void {
    this.#write(`data: ${json}\n\n`);
  }

  /**
   * The stream's post key (protocol 1.4), first thing on the stream: only the reader of the
   * stream learns it, and every POST for the stream must carry it (header `x-chat-key`).
   */
  sendKey(key: string): void {
    this.#write(`event: key\ndata: ${key}\n\n`);
  }

  close(code: number, reason: string): void {
    if (this.#closed) return;
    // EventSource has no close frame: tell the client in-band, then end the stream.
    this.#write(`event: close\ndata: ${JSON.stringify({ code, reason })}\n\n`);
    this.#cleanup();
    this.#res.end();
  }

  #cleanup(): void {
    this.#closed = true;
    clearInterval(this.#keepAlive);
  }
}

export type Body =
  | { kind: 'ok'; text: string }
  /** Larger than the limit: the rest was not read. */
  | { kind: 'too-large' }
  /** Not all there within the time allowed (a slow-body attack or a dead client). */
  | { kind: 'timeout' }
  | { kind: 'aborted' };

/**
 * Reads a request body up to `limit` bytes within `timeoutMs`. Never rejects; on `too-large`
 * and `timeout` the caller answers and closes the connection.
 */
export function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<Body> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (body: Body): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.removeListener('data', onData);
      if (body.kind !== 'ok') req.pause();
      resolve(body);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        finish({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      finish({ kind: 'too-large' });
      return;
    }
    req.on('data', onData);
    req.on('end', () => finish({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => finish({ kind: 'aborted' }));
    req.on('close', () => finish({ kind: 'aborted' }));
  });
}

/**
 * Whether a browser `Origin` may connect. No Origin (a non-browser client) is allowed;
 * `allowed` lists exact origins, `*` allows all, and by default any loopback origin passes.
 */
export function originAllowed(origin: string | undefined, allowed: readonly string[] | undefined): boolean {
  if (!origin) return true;
  if (allowed?.includes('*') || allowed?.includes(origin)) return true;
  if (allowed && allowed.length > 0) return false;
  try {
    const { hostname } = new URL(origin);
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  } catch {
    return false;
  }
}
