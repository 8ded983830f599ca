/**
 * The one place where client frames are built. Every builder that carries customer-controlled
 * text takes it only as `RedactedText`, which `src/redaction` alone can produce; typing
 * indicators carry no text at all. A reviewer can check here that nothing unredacted can reach
 * the wire: `WireFrame` values are created nowhere else.
 */
import { PROTOCOL_VERSION } from '../protocol.js';
import type { Accommodation, ClientFrame, HelloFrame } from '../protocol.js';
import type { RedactedText } from '../redaction/index.js';
import type { WireFrame } from '../transport/types.js';
import type { VerifyClientFrame } from '../protocol/verify.js';

function serialize(frame: ClientFrame): WireFrame {
  return JSON.stringify(frame) as WireFrame;
}

export function helloFrame(options: {
  lang: string;
  account?: RedactedText | undefined;
  resume?: HelloFrame['resume'] | undefined;
  /**
   * The host's auth token, and `resume.key`: credentials, not customer text, so not redacted
   * (they must arrive intact). Never on a connection another tab relays (`Transport.relayed`).
   */
  token?: string | undefined;
  /** A follower tab's token sealed to the server (only on a relayed connection). */
  join?: string | undefined;
}): WireFrame {
  const frame: HelloFrame = { type: 'hello', v: PROTOCOL_VERSION, lang: options.lang };
  if (options.token) frame.token = options.token;
  if (options.join) frame.join = options.join;
  if (options.account) frame.account = options.account;
  if (options.resume) frame.resume = options.resume;
  return serialize(frame);
}

export function messageFrame(id: string, text: RedactedText): WireFrame {
  return serialize({ type: 'message', id, text });
}

export function typingFrame(active: boolean): WireFrame {
  return serialize({ type: 'typing', active });
}

export function pingFrame(): WireFrame {
  return serialize({ type: 'ping' });
}

export function leaveQueueFrame(): WireFrame {
  return serialize({ type: 'leave-queue' });
}

export function endFrame(): WireFrame {
  return serialize({ type: 'end' });
}

/** (1.5) The customer's accommodations; their own words only as `RedactedText`. */
export function accommodationsFrame(
  needs: readonly Accommodation[],
  note: RedactedText | undefined,
): WireFrame {
  const list = [...needs];
  return serialize(
    note ? { type: 'accommodations', needs: list, note } : { type: 'accommodations', needs: list },
  );
}

/** The leader tab asks the server whether a follower's sealed token is of this customer. */
export function tabJoinFrame(ref: string, sealed: string): WireFrame {
  return serialize({ type: 'tab-join', ref, sealed });
}

/** A follower tab's request for a resume key of its own: a public key, nothing secret. */
export function tabKeyFrame(ref: string, publicKey: string): WireFrame {
  return serialize({ type: 'tab-key', ref, publicKey });
}

/**
 * (1.5) An answer to the identity check. A one-time code is a secret for the server's verifier,
 * not chat text: never redacted (it must arrive intact), and only ever in this frame.
 */
export function verifyFrame(answer: VerifyClientFrame): WireFrame {
  return serialize(answer);
}

/** A rating is a number 1–5: no customer text. */
export function ratingFrame(score: number): WireFrame {
  return serialize({ type: 'rating', score });
}
