import type { RedactedText } from '../redaction/index.js';
import type { Transport, WireFrame } from '../transport/index.js';
import { messageFrame } from './outbound.js';
import type { SavedConversation } from './persistence.js';

/** At most this many messages wait unsent; beyond it, send() refuses and the draft stays. */
export const MAX_OUTBOX = 50;

interface Outgoing {
  id: string;
  text: RedactedText;
  at: number;
  frame: WireFrame;
  /** The connection it was last sent on: sent once per connection, again after a reconnect. */
  sentOn?: Transport | undefined;
}

/**
 * The customer's messages until the server acknowledges them, and the control frames waiting for
 * a connection. Nothing is lost: each message is sent once per connection (again after a
 * reconnect, with the same id, which the server deduplicates), a refused one is parked until the
 * customer retries it, and both survive a reload through `saved()`.
 */
export class Outbox {
  /** Unacknowledged customer messages, in send order. */
  readonly #queue: Outgoing[] = [];
  /** Messages the server refused; kept (already redacted and framed) until the customer retries. */
  readonly #parked = new Map<string, Outgoing>();
  /** Leave-queue, end and rating frames waiting for a connection (each idempotent; last wins). */
  readonly #controls = new Map<string, WireFrame>();

  /** Whether another message would exceed `MAX_OUTBOX` (waiting and parked together). */
  get full(): boolean {
    return this.#queue.length + this.#parked.size >= MAX_OUTBOX;
  }

  /** Queues a redacted message under its id. */
  push(id: string, text: RedactedText, at: number): void {
    this.#queue.push({ id, text, at, frame: messageFrame(id, text) });
  }

  /** Whether the message is waiting for its acknowledgement. */
  has(id: string): boolean {
    return this.#queue.some((o) => o.id === id);
  }

  /** Drops an acknowledged message; false if it was not waiting. */
  acknowledge(id: string): boolean {
    const index = this.#queue.findIndex((o) => o.id === id);
    if (index < 0) return false;
    this.#queue.splice(index, 1);
    return true;
  }

  /** The server refused the message: it waits, unsent, for the customer to retry it. */
  park(id: string): void {
    const index = this.#queue.findIndex((o) => o.id === id);
    const [item] = index < 0 ? [] : this.#queue.splice(index, 1);
    if (item) this.#parked.set(id, item);
  }

  /** Whether the message was refused and waits for a retry. */
  parked(id: string): boolean {
    return this.#parked.has(id);
  }

  /** Puts a parked message back at the end of the queue, to be sent on the connection again. */
  unpark(id: string): void {
    const parked = this.#parked.get(id);
    if (!parked) return;
    this.#parked.delete(id);
    parked.sentOn = undefined;
    this.#queue.push(parked);
  }

  /** Sends every message not yet sent on this connection, in order; stops at the first refusal. */
  flush(transport: Transport): void {
    for (const item of this.#queue) {
      if (item.sentOn === transport) continue;
      if (!transport.send(item.frame)) return;
      item.sentOn = transport;
    }
  }

  /** What a reload must send again: the waiting messages, then the parked ones. */
  saved(): SavedConversation['outbox'] {
    return [...this.#queue, ...this.#parked.values()].map(({ id, text, at }) => ({ id, text, at }));
  }

  /** Keeps a control frame until a connection can take it (a newer one of the key replaces it). */
  hold(key: string, frame: WireFrame): void {
    this.#controls.set(key, frame);
  }

  /** The control frame of this key was sent: it no longer waits. */
  sent(key: string): void {
    this.#controls.delete(key);
  }

  /** The control frame of this key will never be sent (the server cannot take it). */
  drop(key: string): void {
    this.#controls.delete(key);
  }

  /** Sends the waiting control frames; those the transport refuses keep waiting. */
  flushControls(transport: Transport | undefined): void {
    for (const [key, control] of this.#controls) {
      if (transport?.send(control)) this.#controls.delete(key);
    }
  }
}
