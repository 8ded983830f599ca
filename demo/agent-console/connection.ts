/**
 * The console's socket lifecycle as a reactive controller: opening `/agent` and saying hello,
 * giving up on a sign-in that gets no welcome, keeping the connection alive with pings, and
 * retrying on the widget's backoff curve. Each socket gets its own `AbortController`, aborted
 * when the socket is replaced or closed, so a stale socket's events never reach the console.
 * What a frame or a drop means is the console's business (`onFrame`, `onClose`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseAgentServerFrame } from '../../src/agent-protocol.js';
import type { AgentClientFrame, AgentHelloFrame, AgentServerFrame } from '../../src/agent-protocol.js';
import { Backoff } from '../../src/conversation/backoff.js';

/** Give up on a sign-in that got no `agent-welcome` in this time. */
const SIGN_IN_TIMEOUT_MS = 10_000;
const PING_EVERY_MS = 25_000;
/** Reconnect delays: full jitter from a 1 s ceiling, capped, and never sooner than the floor. */
const RECONNECT = { base: 1000, cap: 15_000, floor: 500 };

/**
 * The time and the timers the console's waits and reconnects run on; tests give a fake one
 * (`clock`), as they give a scripted server (`socketFactory`).
 */
export interface ConsoleClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The page's own time and timers. */
export const realClock: ConsoleClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout> | undefined),
};

export interface ConnectionOptions {
  /** The console's clock, read when a retry is scheduled (tests swap it before connecting). */
  clock(): ConsoleClock;
  /** Opens a socket (tests swap in a scripted server). */
  socket(url: string): WebSocket;
  /** A well-formed frame from the current socket. */
  onFrame(frame: AgentServerFrame): void;
  /** The current socket closed, or could not be opened. */
  onClose(): void;
}

export class ConsoleConnection implements ReactiveController {
  readonly #options: ConnectionOptions;
  readonly #backoff = new Backoff(RECONNECT);
  #socket: WebSocket | undefined;
  #abort: AbortController | undefined;
  #welcomed = false;
  #signInTimer: ReturnType<typeof setTimeout> | undefined;
  #pingTimer: ReturnType<typeof setInterval> | undefined;
  #retryTimer: unknown;

  constructor(host: ReactiveControllerHost, options: ConnectionOptions) {
    this.#options = options;
    host.addController(this);
  }

  /** Whether a socket is open (signed in or not). */
  get open(): boolean {
    return this.#socket?.readyState === WebSocket.OPEN;
  }

  /** Replaces any socket with a new one to `url`, which says `hello` once it opens. */
  connect(url: string, hello: AgentHelloFrame): void {
    this.close();
    let ws: WebSocket;
    try {
      ws = this.#options.socket(url);
    } catch {
      this.#options.onClose();
      return;
    }
    const abort = new AbortController();
    const { signal } = abort;
    this.#socket = ws;
    this.#abort = abort;
    this.#welcomed = false;
    ws.addEventListener(
      'open',
      () => {
        this.send(hello);
        this.#signInTimer = setTimeout(() => {
          if (ws === this.#socket && !this.#welcomed) ws.close();
        }, SIGN_IN_TIMEOUT_MS);
      },
      { signal },
    );
    ws.addEventListener(
      'message',
      (event: MessageEvent) => {
        if (typeof event.data !== 'string') return;
        const frame = parseAgentServerFrame(event.data);
        if (frame) this.#options.onFrame(frame);
      },
      { signal },
    );
    ws.addEventListener(
      'close',
      () => {
        this.#forget();
        this.#options.onClose();
      },
      { signal },
    );
  }

  /** The server welcomed the agent: the sign-in deadline is off, pings start, retries start over. */
  welcomed(): void {
    this.#welcomed = true;
    clearTimeout(this.#signInTimer);
    clearInterval(this.#pingTimer);
    this.#pingTimer = setInterval(() => this.send({ type: 'ping' }), PING_EVERY_MS);
    this.#backoff.reset();
  }

  /** Sends a frame if a socket is open; whether it was sent. */
  send(frame: AgentClientFrame): boolean {
    const ws = this.#socket;
    if (!ws || ws.readyState !== WebSocket.OPEN) return false;
    ws.send(JSON.stringify(frame));
    return true;
  }

  /** Closes the socket, if any; its events are no longer heard, so no `onClose` follows. */
  close(): void {
    const ws = this.#socket;
    this.#forget();
    if (ws && ws.readyState !== WebSocket.CLOSED) ws.close(1000);
  }

  /**
   * Calls `reconnect` after the next backoff delay, on the console's clock. `first`: the first
   * retry since the connection was lost, which starts the curve over.
   */
  retry(first: boolean, reconnect: () => void): void {
    if (first) this.#backoff.reset();
    const delay = this.#backoff.next();
    const clock = this.#options.clock();
    clock.clearTimeout(this.#retryTimer);
    this.#retryTimer = clock.setTimeout(reconnect, delay);
  }

  cancelRetry(): void {
    this.#options.clock().clearTimeout(this.#retryTimer);
  }

  hostDisconnected(): void {
    this.close();
    this.cancelRetry();
  }

  #forget(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#socket = undefined;
    clearTimeout(this.#signInTimer);
    clearInterval(this.#pingTimer);
  }
}
