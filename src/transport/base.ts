import mitt from 'mitt';
import type { Emitter } from './emitter.js';
import type { Transport, TransportEvents, WireFrame } from './types.js';

/**
 * The lifecycle every transport shares: one connection attempt that ends once. `finish` frees
 * what the attempt holds (`release`), emits `close` a single time whatever ended it (the peer, an
 * error, the caller) and drops every listener, so that a late event from the old connection never
 * reaches the conversation.
 */
export abstract class TransportBase implements Transport {
  readonly #emitter = mitt<TransportEvents>();
  readonly events: Emitter<TransportEvents> = this.#emitter;
  #closed = false;

  abstract connect(): void;
  abstract send(frame: WireFrame): boolean;

  /** Whether the attempt has ended (closed, failed or refused). */
  protected get closed(): boolean {
    return this.#closed;
  }

  close(): void {
    this.finish(1000, 'client closed');
  }

  /** Ends the attempt: the first call wins, later ones do nothing. */
  protected finish(code: number, reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    this.release();
    this.events.emit('close', { code, reason });
    this.#emitter.all.clear();
  }

  /** Frees what the attempt holds, before `close` is emitted. */
  protected release(): void {}
}
