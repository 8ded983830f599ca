/**
 * (1.5) The identity check's frames: an agent (or the assistant) asks the server to verify the
 * customer; the widget shows a panel outside the transcript; the customer approves a push prompt
 * on their signed-in device, or types a one-time code sent out of band. The code travels only in
 * `verify-code`, to the server's verifier: never in a message, an event, a log or a store.
 * `docs/protocol.md` describes the exchange.
 */

/** How the customer proves who they are: a prompt on their device, or a one-time code. */
export const VERIFY_METHODS = ['push', 'code'] as const;
export type VerifyMethod = (typeof VERIFY_METHODS)[number];

/** Why a check ended without a result. */
export const VERIFY_FAILURES = ['expired', 'denied', 'too-many-tries', 'cancelled'] as const;
export type VerifyFailure = (typeof VERIFY_FAILURES)[number];

/** Digits of a one-time code (the check accepts 4–10, the reference server sends 6). */
export const CODE_PATTERN = /^\d{4,10}$/;

// ---- client → server ---------------------------------------------------------------------

/** The customer picks a method for check `id`: the server sends the prompt or the code. */
export interface VerifyStartFrame {
  type: 'verify-start';
  id: string;
  method: VerifyMethod;
}

/** The one-time code the customer typed, for check `id`. Only ever in this frame. */
export interface VerifyCodeFrame {
  type: 'verify-code';
  id: string;
  code: string;
}

/** The customer declines check `id`. */
export interface VerifyCancelFrame {
  type: 'verify-cancel';
  id: string;
}

export type VerifyClientFrame = VerifyStartFrame | VerifyCodeFrame | VerifyCancelFrame;

// ---- server → client ---------------------------------------------------------------------

/**
 * Where check `id` stands; sent when it changes and after every `welcome` while it is open.
 * `expiresIn`: whole seconds left (the client's clock may differ from the server's).
 */
export type VerifyFrame =
  /** Asked for: the customer picks one of `methods`. */
  | { type: 'verify'; id: string; state: 'choose'; methods: VerifyMethod[]; expiresIn: number }
  /** A prompt is on the customer's signed-in device. */
  | { type: 'verify'; id: string; state: 'push-sent'; expiresIn: number }
  /** A code was sent out of band; `wrong`: the last one typed was not it. */
  | { type: 'verify'; id: string; state: 'code-sent'; expiresIn: number; triesLeft: number; wrong?: true }
  | { type: 'verify'; id: string; state: 'verified'; method: VerifyMethod }
  | { type: 'verify'; id: string; state: 'failed'; reason: VerifyFailure };

export type VerifyState = VerifyFrame['state'];

const isIn = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

export const isVerifyMethod = (value: unknown): value is VerifyMethod => isIn(VERIFY_METHODS, value);

const isSeconds = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** A `verify` frame read off the wire, every field checked; `undefined` when malformed. */
export function parseVerifyFrame(data: Record<string, unknown>): VerifyFrame | undefined {
  const id = data['id'];
  if (typeof id !== 'string' || id === '' || id.length > 64) return undefined;
  const expiresIn = data['expiresIn'];
  switch (data['state']) {
    case 'choose': {
      const methods = data['methods'];
      if (!Array.isArray(methods) || methods.length === 0 || !methods.every(isVerifyMethod)) return undefined;
      return isSeconds(expiresIn)
        ? { type: 'verify', id, state: 'choose', methods: [...new Set(methods)], expiresIn }
        : undefined;
    }
    case 'push-sent':
      return isSeconds(expiresIn) ? { type: 'verify', id, state: 'push-sent', expiresIn } : undefined;
    case 'code-sent': {
      const triesLeft = data['triesLeft'];
      if (!isSeconds(expiresIn) || !isSeconds(triesLeft)) return undefined;
      const frame: VerifyFrame = { type: 'verify', id, state: 'code-sent', expiresIn, triesLeft };
      if (data['wrong'] === true) frame.wrong = true;
      return frame;
    }
    case 'verified':
      return isVerifyMethod(data['method'])
        ? { type: 'verify', id, state: 'verified', method: data['method'] }
        : undefined;
    case 'failed':
      return isIn(VERIFY_FAILURES, data['reason'])
        ? { type: 'verify', id, state: 'failed', reason: data['reason'] }
        : undefined;
    default:
      return undefined;
  }
}
