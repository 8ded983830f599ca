import type { Emitter } from './emitter.js';
import type { ServerFrame } from '../protocol.js';

declare const wireFrame: unique symbol;

/**
 * A serialized client frame that may go on the wire. It is a branded string: the only code that
 * produces one is `src/conversation/outbound.ts`, whose builders accept customer text only as
 * `RedactedText`. A transport sends nothing else.
 */
export type WireFrame = string & { readonly [wireFrame]: true };

export type TransportEvents = {
  /** The connection is open and frames can be sent. */
  open: undefined;
  /** A well-formed server frame arrived. */
  frame: ServerFrame;
  /** A malformed frame, or event of an `events` frame, was dropped (with the event's seq if valid). */
  invalid: number | undefined;
  /** The connection closed or could not be opened. `reason` is for logs, never for people. */
  close: { code: number; reason: string };
};

/** A bidirectional connection to a chat server. One instance is one connection attempt. */
export interface Transport {
  readonly events: Emitter<TransportEvents>;
  /** Starts connecting; the outcome arrives as `open` or `close`. */
  connect(): void;
  /** Sends a frame; returns false when the connection is not open (the caller keeps it queued). */
  send(frame: WireFrame): boolean;
  /** Closes the connection; emits `close` once if it was not closed yet. */
  close(): void;
  /**
   * Another tab carries this connection (over a channel any same-origin page can read): no
   * token and no resume key may be sent on it.
   */
  readonly relayed?: boolean;
  /** (Relayed) The server's key to seal this tab's token to, as the leader tab gave it. */
  readonly sealKey?: string | undefined;
}

export type TransportFactory = (endpoint: string) => Transport;
