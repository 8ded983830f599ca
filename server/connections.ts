/**
 * The two ways a client reaches the reference server, behind one `Connection`: a WebSocket,
 * or Server-Sent Events down plus `fetch` POSTs up (for networks that block WebSockets).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebSocket } from 'ws';
import type { ServerFrame } from '../src/protocol.js';

export interface Connection {
  readonly kind: 'websocket' | 'sse';
  send(frame: ServerFrame): void;
  /** Ends the connection; `code` follows WebSocket close codes. */
  close(code: number, reason: string): void;
}

export class WebSocketConnection implements Connection {
  readonly kind = 'websocket';
  readonly #ws: WebSocket;

  constructor(ws: WebSocket) {
    this.#ws = ws;
  }

  send(frame: ServerFrame): void {
    if (this.#ws.readyState === this.#ws.OPEN) this.#ws.send(JSON.stringify(frame));
  }

  close(code: number, reason: string): void {
    this.#ws.close(code, reason);
  }
}

/** One EventSource stream. Frames go out as `data:` lines; a comment every 15 s keeps proxies from timing out. */
export class SseConnection implements Connection {
  readonly kind = 'sse';
  readonly #res: ServerResponse;
  readonly #keepAlive: ReturnType<typeof setInterval>;
  #closed = false;

  constructor(res: ServerResponse, headers: Record<string, string>) {
    this.#res = res;
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    res.write(': amex-chat\n\n');
    this.#keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    res.on('close', () => this.#cleanup());
  }

  send(frame: ServerFrame): void {
    if (!this.#closed) this.#res.write(`data: ${JSON.stringify(frame)}\n\n`);
  }

  close(code: number, reason: string): void {
    if (this.#closed) return;
    // EventSource has no close frame: tell the client in-band, then end the stream.
    this.#res.write(`event: close\ndata: ${JSON.stringify({ code, reason })}\n\n`);
    this.#res.end();
    this.#cleanup();
  }

  #cleanup(): void {
    this.#closed = true;
    clearInterval(this.#keepAlive);
  }
}

/** Reads a request body up to `limit` bytes; resolves `undefined` when it is larger. */
export function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
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

/** A token bucket: `burst` frames at once, refilled at `perSecond`. */
export class RateLimiter {
  #tokens: number;
  #last = Date.now();
  readonly #burst: number;
  readonly #perSecond: number;

  constructor(burst: number, perSecond: number) {
    this.#burst = burst;
    this.#perSecond = perSecond;
    this.#tokens = burst;
  }

  take(): boolean {
    const now = Date.now();
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#last) / 1000) * this.#perSecond);
    this.#last = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
