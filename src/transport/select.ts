import { SseTransport } from './sse.js';
import type { Transport } from './types.js';
import { WebSocketTransport } from './websocket.js';

export type TransportMode = 'auto' | 'websocket' | 'sse';

/** After this many WebSocket attempts in a row that never opened, `auto` switches to SSE. */
export const WEBSOCKET_FAILURES_BEFORE_SSE = 3;

function toHttp(endpoint: string): string {
  return endpoint.replace(/^ws(s?):/i, 'http$1:');
}

function toWs(endpoint: string): string {
  return endpoint.replace(/^http(s?):/i, 'ws$1:');
}

/**
 * Picks the transport for each connection attempt. The endpoint's scheme decides (`ws(s):`
 * → WebSocket, `http(s):` → SSE + POST) unless `mode` forces one; with `auto` and a WebSocket
 * endpoint, WebSocket attempts that keep failing to open switch the conversation to SSE.
 */
export class TransportSelector {
  readonly #endpoint: string;
  readonly #mode: TransportMode;
  #failures = 0;
  #useSse: boolean;

  constructor(endpoint: string, mode: TransportMode = 'auto') {
    this.#endpoint = endpoint;
    this.#mode = mode;
    const http = /^https?:/i.test(endpoint);
    this.#useSse = mode === 'sse' || (mode === 'auto' && http);
  }

  /** The kind the next attempt will use. */
  get kind(): 'websocket' | 'sse' {
    return this.#useSse ? 'sse' : 'websocket';
  }

  next(): Transport {
    return this.#useSse
      ? new SseTransport(toHttp(this.#endpoint))
      : new WebSocketTransport(toWs(this.#endpoint));
  }

  /** Reports how an attempt ended: `opened` is whether it ever connected. */
  report(opened: boolean): void {
    if (opened) {
      this.#failures = 0;
      return;
    }
    this.#failures += 1;
    if (this.#mode === 'auto' && !this.#useSse && this.#failures >= WEBSOCKET_FAILURES_BEFORE_SSE) {
      this.#useSse = true;
    }
  }
}
