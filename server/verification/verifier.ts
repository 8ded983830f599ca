/**
 * The identity check's verifier: plain data (`Verification`, kept with the conversation in
 * either store) and the rules over it, with the clock passed in so tests can move it.
 *
 * What is kept of a secret is a salted hash only: the one-time code's scrypt hash (a code has
 * few digits, so its hash is made slow to guess from), the push prompt's SHA-256 (its secret is
 * random and long). The code itself exists only in the call that makes it (handed to the
 * out-of-band sender) and in the `verify-code` frame that brings it back, compared here.
 */
import { createHash, randomBytes, randomInt, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import type { VerifyFailure, VerifyFrame, VerifyMethod } from '../../src/protocol.js';

/** Digits of the codes this server sends. */
export const CODE_DIGITS = 6;
/** How long a check stays open, and how many codes may be typed, unless configured. */
export const DEFAULT_VERIFY_TTL_MS = 5 * 60_000;
export const DEFAULT_VERIFY_TRIES = 3;

/** scrypt's cost: slow enough that a stolen hash does not give its 6 digits away at once. */
const SCRYPT = { N: 1 << 14, r: 8, p: 1 } as const;

export interface Verification {
  /** The check's public id (in frames). */
  id: string;
  /** Who asked for it. */
  by: 'agent' | 'assistant';
  status: 'choose' | 'push-sent' | 'code-sent' | 'verified' | 'failed';
  /** When it lapses (ms since the epoch, the verifier's clock). */
  expiresAt: number;
  /** Codes that may still be typed. */
  triesLeft: number;
  /** The method in use (and, once verified, the one that verified). */
  method?: VerifyMethod;
  /** The secret's salt (code) and hash (code or push prompt), hex. */
  salt?: string;
  hash?: string;
  /** The last code typed was wrong. */
  wrong?: true;
  reason?: VerifyFailure;
  /** The pending timer that says it expired. */
  timer?: string;
}

export interface VerifierOptions {
  readonly ttlMs: number;
  readonly maxTries: number;
  readonly now: () => number;
}

/** A new check, waiting for the customer to pick a method. */
export function openCheck(by: Verification['by'], options: VerifierOptions): Verification {
  return {
    id: randomUUID(),
    by,
    status: 'choose',
    expiresAt: options.now() + options.ttlMs,
    triesLeft: options.maxTries,
  };
}

/** Whether the check still waits for the customer. */
export function isOpen(v: Verification | undefined): v is Verification {
  return v !== undefined && (v.status === 'choose' || v.status === 'push-sent' || v.status === 'code-sent');
}

function scrypt(code: string, salt: string): Buffer {
  return scryptSync(code, Buffer.from(salt, 'hex'), 32, SCRYPT);
}

function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function same(a: Buffer, hex: string | undefined): boolean {
  const b = Buffer.from(hex ?? '', 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Ends an open check that has lapsed; true if it did now. */
export function expireIfDue(v: Verification, options: VerifierOptions): boolean {
  if (!isOpen(v) || options.now() < v.expiresAt) return false;
  fail(v, 'expired');
  return true;
}

function fail(v: Verification, reason: VerifyFailure): void {
  v.status = 'failed';
  v.reason = reason;
  delete v.salt;
  delete v.hash;
  delete v.wrong;
}

/**
 * The customer picked `method`: the secret to send (a code, or the push prompt's secret the
 * device sends back), of which only the hash is kept. A new pick replaces the last secret.
 */
export function startMethod(
  v: Verification,
  method: VerifyMethod,
  options: VerifierOptions,
): { secret: string } | { refused: 'expired' | 'closed' } {
  if (expireIfDue(v, options)) return { refused: 'expired' };
  if (!isOpen(v)) return { refused: 'closed' };
  v.method = method;
  delete v.wrong;
  if (method === 'code') {
    const code = String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
    v.salt = randomBytes(16).toString('hex');
    v.hash = scrypt(code, v.salt).toString('hex');
    v.status = 'code-sent';
    return { secret: code };
  }
  const secret = randomBytes(32).toString('base64url');
  delete v.salt;
  v.hash = sha256(secret);
  v.status = 'push-sent';
  return { secret };
}

export type CodeVerdict = 'verified' | 'wrong' | 'too-many-tries' | 'expired' | 'closed';

/** A code the customer typed. Wrong ones count; the last allowed wrong one ends the check. */
export function checkCode(v: Verification, code: string, options: VerifierOptions): CodeVerdict {
  if (expireIfDue(v, options)) return 'expired';
  if (v.status !== 'code-sent' || v.salt === undefined) return 'closed';
  if (same(scrypt(code, v.salt), v.hash)) {
    verified(v, 'code');
    return 'verified';
  }
  v.triesLeft = Math.max(0, v.triesLeft - 1);
  if (v.triesLeft === 0) {
    fail(v, 'too-many-tries');
    return 'too-many-tries';
  }
  v.wrong = true;
  return 'wrong';
}

export type PushVerdict = 'verified' | 'denied' | 'expired' | 'closed' | 'unknown';

/** The device answered the push prompt with its secret (`unknown`: not this prompt's). */
export function answerPush(
  v: Verification,
  secret: string,
  approve: boolean,
  options: VerifierOptions,
): PushVerdict {
  if (v.status !== 'push-sent') return isOpen(v) ? 'unknown' : 'closed';
  if (!same(Buffer.from(sha256(secret), 'hex'), v.hash)) return 'unknown';
  if (expireIfDue(v, options)) return 'expired';
  if (!approve) {
    fail(v, 'denied');
    return 'denied';
  }
  verified(v, 'push');
  return 'verified';
}

/** The customer (or the conversation's end) closed an open check. */
export function cancelCheck(v: Verification): boolean {
  if (!isOpen(v)) return false;
  fail(v, 'cancelled');
  return true;
}

function verified(v: Verification, method: VerifyMethod): void {
  v.status = 'verified';
  v.method = method;
  delete v.salt;
  delete v.hash;
  delete v.wrong;
}

/** The frame that tells the customer where the check stands. */
export function frameOf(v: Verification, methods: VerifyMethod[], options: VerifierOptions): VerifyFrame {
  const expiresIn = Math.max(0, Math.ceil((v.expiresAt - options.now()) / 1000));
  switch (v.status) {
    case 'choose':
      return { type: 'verify', id: v.id, state: 'choose', methods, expiresIn };
    case 'push-sent':
      return { type: 'verify', id: v.id, state: 'push-sent', expiresIn };
    case 'code-sent': {
      const frame: VerifyFrame = {
        type: 'verify',
        id: v.id,
        state: 'code-sent',
        expiresIn,
        triesLeft: v.triesLeft,
      };
      if (v.wrong) frame.wrong = true;
      return frame;
    }
    case 'verified':
      return { type: 'verify', id: v.id, state: 'verified', method: v.method ?? 'code' };
    case 'failed':
      return { type: 'verify', id: v.id, state: 'failed', reason: v.reason ?? 'cancelled' };
  }
}

/** What the agent may know: the result only. */
export function statusOf(v: Verification): 'requested' | 'push' | 'code' | 'not-verified' {
  if (v.status === 'verified') return v.method ?? 'code';
  return v.status === 'failed' ? 'not-verified' : 'requested';
}
