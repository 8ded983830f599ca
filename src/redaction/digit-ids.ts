/**
 * Digits the decoder reads (decode.ts) kept as numbers rather than texts, and the Int32 buffers it
 * borrows: a text of a million pieces costs no string or list entry for each.
 */

/** Buffers longer than this many numbers are not kept between calls (see tokens.ts's pool). */
export const POOL_MAX_TOKENS = 32 * 1024;

/**
 * Decoded digits (decode.ts) by a number: a text of L ≤ 9 digits of value v is ID_FROM[L] + v;
 * a longer one is -1 - its place in `texts` (added here). Pieces are short: they make no text
 * and no entry in a list (which a text of a million pieces pays for in memory).
 */
const ID_FROM = [0, 0, 10, 110, 1110, 11110, 111110, 1111110, 11111110, 111111110, 1111111110];

export function digitsId(digits: string, texts: string[]): number {
  const n = digits.length;
  if (n > 9 || n === 0) return -texts.push(digits);
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 10 + digits.charCodeAt(i) - 48;
  return (ID_FROM[n] ?? 0) + v;
}

/** The digits of an id of digitsId (texts of three digits or more made once, kept a while). */
export function digitsText(id: number, texts: readonly string[]): string {
  if (id < 0) return texts[-1 - id] ?? '';
  if (id < 10) return DIGIT_TEXT[id] ?? '';
  if (id < 110) return PAIR_TEXT[id - 10] ?? '';
  const slot = id & 1023;
  if (textIds[slot] === id) return idTexts[slot] ?? '';
  let n = 3;
  while (id >= (ID_FROM[n + 1] ?? Infinity)) n++;
  const text = String(id - (ID_FROM[n] ?? 0)).padStart(n, '0');
  textIds[slot] = id;
  idTexts[slot] = text;
  return text;
}

/** '0' … '9', '00' … '99', and the texts of the last ids read (by the low bits of the id). */
const DIGIT_TEXT: readonly string[] = Array.from({ length: 10 }, (_, i) => String(i));
const PAIR_TEXT: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const textIds = new Int32Array(1024).fill(-1);
const idTexts: string[] = Array.from({ length: 1024 }, () => '');

/** Int32 buffers of the decoder (decode.ts), kept between calls like the token buffer. */
const intPool: Int32Array[] = [];

/** A zeroed array of at least n numbers (only its first n are this call's); give it back. */
export function borrowInts(n: number): Int32Array {
  const a = intPool.pop();
  if (a !== undefined && a.length >= n) {
    a.fill(0, 0, n);
    return a;
  }
  return new Int32Array(Math.max(n, 64));
}

export function giveBackInts(a: Int32Array): void {
  if (a.length <= POOL_MAX_TOKENS && intPool.length < 6) intPool.push(a);
}
