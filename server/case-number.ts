/**
 * Case (reference) numbers: `AMX-XXXX-XXXX`, digits and upper-case letters from an alphabet
 * without look-alikes (no I, O, 0 or 1), in a fixed digit/letter pattern so that every number
 * mixes both (a run of digits alone could read as something secret to a redactor).
 *
 * Unique and unpredictable: a counter goes through a keyed permutation of every possible
 * value (a Feistel network over 32 bits, HMAC-SHA-256 rounds, walking the cycle until the
 * value fits), so the cases a customer has seen say nothing of the next one without the key.
 * The key is random per contact center and kept with its counter (in Redis for several
 * instances), so instances sharing a counter share the sequence.
 */
import { createHmac, randomBytes } from 'node:crypto';

const DIGITS = '23456789';
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
/** d = digit, l = letter, e.g. 4KF7-Q2ZD (the dash after the fourth). */
const SLOTS = ['d', 'l', 'l', 'd', 'l', 'd', 'l', 'l'] as const;
/** How many different numbers the pattern can spell: 8^3 · 24^5 = 2^24 · 3^5. */
const SPACE = SLOTS.reduce((n, c) => n * (c === 'd' ? DIGITS.length : LETTERS.length), 1);
/** Feistel rounds: four make a pseudorandom permutation; six leave a margin. */
const ROUNDS = 6;
const HALF = 0xffff;

/** The round function: 16 bits of HMAC-SHA-256(key, round · half). */
function round(key: Buffer, r: number, half: number): number {
  const data = Buffer.of(r, half >>> 8, half & 0xff);
  const mac = createHmac('sha256', key).update(data).digest();
  return ((mac[0] ?? 0) << 8) | (mac[1] ?? 0);
}

/** A keyed permutation of 0…2^32−1. */
function feistel(key: Buffer, value: number): number {
  let left = value >>> 16;
  let right = value & HALF;
  for (let r = 0; r < ROUNDS; r++) [left, right] = [right, (left ^ round(key, r, right)) & HALF];
  return ((left << 16) | right) >>> 0;
}

/** Spells value (0 ≤ value < SPACE) in the pattern. */
export function spell(value: number): string {
  let rest = value;
  const chars: string[] = [];
  for (const c of SLOTS) {
    const alphabet = c === 'd' ? DIGITS : LETTERS;
    chars.push(alphabet[rest % alphabet.length] ?? '');
    rest = Math.floor(rest / alphabet.length);
  }
  const body = chars.join('');
  return `AMX-${body.slice(0, 4)}-${body.slice(4)}`;
}

export const CASE_NUMBER = /^AMX-[2-9][A-HJ-NP-Z]{2}[2-9]-[A-HJ-NP-Z][2-9][A-HJ-NP-Z]{2}$/;

/**
 * A source of case numbers, unique for its lifetime. `key` picks the sequence (a random one by
 * default, so a restarted server does not repeat the numbers of the last run).
 */
export function caseNumbers(key = randomCaseKey()): () => string {
  let counter = 0;
  return () => {
    const n = counter;
    counter += 1;
    return caseNumberAt(n, key);
  };
}

/** A random key for a new sequence of case numbers (64 hex digits). */
export function randomCaseKey(): string {
  return randomBytes(32).toString('hex');
}

/**
 * The case number at position `counter` of the sequence of `key` (what `caseNumbers` hands
 * out, for a store that keeps the counter itself, e.g. in Redis). SPACE is 95 % of 2^32, so
 * the walk takes about one step more in twenty.
 */
export function caseNumberAt(counter: number, key: string): string {
  const k = Buffer.from(key, 'hex');
  let v = counter % SPACE;
  do v = feistel(k, v);
  while (v >= SPACE);
  return spell(v);
}
