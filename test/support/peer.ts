/**
 * Test support for Node tests (not a test file): a WebSocket peer of the reference server that
 * keeps every frame. `next(test)` resolves with the next frame that matches and that no earlier
 * `next` took (already received or still to come), so repeated frames (queue updates, boards) are
 * read in order. A replay in `events` frames counts as that many `event` frames
 * (test/support/wire.ts), as the widget applies it.
 */
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { asEventFrames } from './wire.js';

type AnyFrame = { type: string; [key: string]: unknown };

export class Peer<F extends { type: string } = AnyFrame> {
  /** Every frame, an `events` frame as the `event` frames it stands for. */
  readonly frames: F[] = [];
  /** Every frame as it came (the text of each WebSocket message or event-stream `data:`). */
  readonly raw: string[] = [];
  readonly #taken = new Set<number>();
  readonly #waiters: { test: (f: F) => boolean; resolve: (f: F) => void }[] = [];
  readonly ws: WebSocket;
  /** Resolves with the close code when the socket closes. */
  readonly closed: Promise<number>;

  /**
   * `parse` reads each message (a protocol's own parser; a message it refuses fails the test);
   * by default `JSON.parse`.
   */
  constructor(ws: WebSocket, parse: (raw: string) => F | undefined = (raw) => JSON.parse(raw) as F) {
    this.ws = ws;
    this.closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      const parsed = parse(text);
      assert.ok(parsed, `malformed frame: ${text}`);
      this.raw.push(text);
      for (const frame of asEventFrames(parsed)) {
        this.frames.push(frame);
        const index = this.frames.length - 1;
        const waiter = this.#waiters.find((w) => w.test(frame));
        if (waiter) {
          this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
          this.#taken.add(index);
          waiter.resolve(frame);
        }
      }
    });
  }

  static async open<F extends { type: string } = AnyFrame>(
    url: string,
    parse?: (raw: string) => F | undefined,
  ): Promise<Peer<F>> {
    const ws = new WebSocket(url);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    return new Peer<F>(ws, parse);
  }

  /** Sends a frame as JSON, or a string as it is (for malformed frames). */
  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  next<G extends F>(test: (f: F) => f is G, what?: string, timeout?: number): Promise<G>;
  next(test: (f: F) => boolean, what?: string, timeout?: number): Promise<F>;
  next(test: (f: F) => boolean, what = 'a frame', timeout = 5000): Promise<F> {
    const index = this.frames.findIndex((f, i) => !this.#taken.has(i) && test(f));
    const found = this.frames[index];
    if (found) {
      this.#taken.add(index);
      return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeout);
      const waiter = {
        test,
        resolve: (f: F) => {
          clearTimeout(timer);
          resolve(f);
        },
      };
      this.#waiters.push(waiter);
    });
  }

  /** Every frame received so far that matches. */
  all(test: (f: F) => boolean): F[] {
    return this.frames.filter(test);
  }

  close(): Promise<void> {
    if (this.ws.readyState === this.ws.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}
