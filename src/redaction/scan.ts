/**
 * The working state of one message's analysis over its tokens (which tokens are already
 * removed, which numbers a benign cue claimed, where cues start) and the token-level helpers
 * the rules share: digit chains, formatted numbers, length descriptions, chunks.
 */
import { NUM, PH, PUNCT, WORD } from './tokens.js';
import type { TokenList } from './tokens.js';
import { formattedNumber, isLengthDescription, phoneShape } from './numbers.js';
import type { CueKind } from './phrases.js';
import type { SensitiveKind } from './types.js';

/** One removed secret, with what replaces it. */
export interface Hit {
  kind: SensitiveKind;
  s: number;
  e: number;
  /** Replacement text; null → a card mask (keep ≥ 0), or else the placeholder of `kind`. */
  text: string | null;
  /**
   * A card mask of tokens first…last showing its last `keep` digits (−1: no mask). Built only
   * when the text is wanted: a live check needs the findings alone.
   */
  keep: number;
  first: number;
  last: number;
}

/**
 * The card numbers of a message (findCards), in text order, kept flat: tokens first[i]…last[i],
 * masked but for their last keep[i] digits. A text may hold tens of thousands: no object each
 * until the findings are made (index.ts).
 */
export class CardMasks {
  n = 0;
  first: Int32Array = NO_CARDS;
  last: Int32Array = NO_CARDS;
  keep: Int32Array = NO_CARDS;

  /** Adds a card; `bound` is how many the message may hold at most (its digit runs). */
  add(first: number, last: number, keep: number, bound: number): void {
    if (this.n === this.first.length) {
      const size = Math.max(this.n * 2, bound, 4);
      const f = new Int32Array(size);
      const l = new Int32Array(size);
      const k = new Int32Array(size);
      f.set(this.first);
      l.set(this.last);
      k.set(this.keep);
      this.first = f;
      this.last = l;
      this.keep = k;
    }
    this.first[this.n] = first;
    this.last[this.n] = last;
    this.keep[this.n++] = keep;
  }
}

const NO_CARDS = new Int32Array(0);

export const SENTENCE_END = new Set(['.', '!', '?', ';']);

/** Code of each cue kind in Scan.cueStart (0 = no cue starts at that token). */
const KIND_CODES: Readonly<Record<CueKind, number>> = {
  benign: 1,
  cvv: 2,
  expiry: 3,
  otp: 4,
  pin: 5,
  passcode: 6,
  password: 7,
  ssn: 8,
};
export const BENIGN_CODE = KIND_CODES.benign;
export function kindCode(k: CueKind): number {
  return KIND_CODES[k];
}

/**
 * Per-token byte arrays are kept between calls (see TokenList's pool), so checking a draft on
 * every keystroke allocates almost nothing. Arrays for long texts are not kept.
 */
const POOL_MAX = 32 * 1024;
const bytePool: Uint8Array[] = [];

/** A zeroed array of at least n bytes (only its first n are this call's); give it back. */
export function borrow(n: number): Uint8Array {
  const a = bytePool.pop();
  if (a !== undefined && a.length >= n) {
    a.fill(0, 0, n);
    return a;
  }
  return new Uint8Array(Math.max(n, 256));
}

export function giveBack(a: Uint8Array): void {
  if (a.length <= POOL_MAX && bytePool.length < 3) bytePool.push(a);
}

export class Scan {
  readonly n: number;
  readonly src: string;
  readonly consumed: Uint8Array;
  readonly claimed: Uint8Array;
  /** Per token: the code of the cue kind starting there (see kindCode), 0 if none. */
  readonly cueStart: Uint8Array;
  /** Every hit but the card numbers (see `cards`). */
  readonly hits: Hit[] = [];
  readonly cards = new CardMasks();
  /** Last token of the whitespace-delimited chunk each token belongs to. */
  private chunkEndCache: Int32Array | null = null;

  constructor(readonly T: TokenList) {
    const n = T.n;
    this.n = n;
    this.src = T.src;
    this.consumed = borrow(n);
    this.claimed = borrow(n);
    this.cueStart = borrow(n);
  }

  hit(kind: SensitiveKind, first: number, last: number): void {
    for (let k = first; k <= last; k++) this.consumed[k] = 1;
    this.hits.push({ kind, s: this.T.s(first), e: this.T.e(last), text: null, keep: -1, first, last });
  }

  /** A card number over tokens first…last, masked but for its last `keep` digits. */
  maskHit(first: number, last: number, keep: number): void {
    for (let k = first; k <= last; k++) this.consumed[k] = 1;
    this.cards.add(first, last, keep, this.T.nums);
  }

  /** Usable as a value: a digit run nobody consumed, claimed or masked. */
  freeNum(k: number): boolean {
    const T = this.T;
    return T.isNum(k) && this.consumed[k] === 0 && this.claimed[k] === 0 && !T.mask(k);
  }

  sentenceEnd(k: number): boolean {
    const T = this.T;
    if (T.t(k) !== PUNCT || !SENTENCE_END.has(T.key(k))) return false;
    if (k + 1 >= this.n) return true;
    return T.gap(k + 1) > 0 || T.t(k + 1) !== NUM;
  }

  /** The digit run joined to run k by one space, or by one '-' (or '.' when `dots`). */
  nextInChain(k: number, dots: boolean): number {
    const T = this.T;
    const a = k + 1;
    if (a >= this.n) return -1;
    if (T.t(a) === NUM) return T.gap(a) === 1 && !T.nl(a) ? a : -1;
    if (T.t(a) === PUNCT && T.gap(a) === 0) {
      const key = T.key(a);
      if ((key === '-' || (dots && key === '.')) && T.isNum(a + 1) && T.gap(a + 1) === 0) return a + 1;
      // Spoken digits grouped with commas: "four eight two, nine one seven".
      if (key === ',' && T.isDecoded(k) && T.isDecoded(a + 1) && T.gap(a + 1) === 1) return a + 1;
    }
    return -1;
  }

  prevInChain(k: number, dots: boolean): number {
    const T = this.T;
    if (T.isNum(k - 1)) return T.gap(k) === 1 && !T.nl(k) ? k - 1 : -1;
    if (T.gap(k) === 0 && T.isPunct(k - 1) && T.gap(k - 1) === 0 && T.isNum(k - 2)) {
      const key = T.key(k - 1);
      if (key === '-' || (dots && key === '.')) return k - 2;
    }
    if (
      T.gap(k) === 1 &&
      T.isPunct(k - 1, ',') &&
      T.gap(k - 1) === 0 &&
      T.isDecoded(k) &&
      T.isNum(k - 2) &&
      T.isDecoded(k - 2)
    )
      return k - 2;
    return -1;
  }

  /** Runs chained from k (at most 9 runs / 12 digits). */
  chain(k: number, dots = false): number[] {
    const out = [k];
    let digits = this.T.len(k);
    let j = k;
    while (out.length < 9 && digits <= 12) {
      j = this.nextInChain(j, dots);
      if (j < 0 || !this.freeNum(j)) break;
      out.push(j);
      digits += this.T.len(j);
    }
    return out;
  }

  /** The run is part of an amount, date, time, decimal or percentage ("$127", "08/15", "10:30"). */
  formatted(k: number): boolean {
    return formattedNumber(this.T, k);
  }

  /** "the 3-digit code", "3 or 4 digits", "a 6 digit pin": a length, not a value. */
  lengthDescription(k: number): boolean {
    return isLengthDescription(this.T, k);
  }

  /** Chain of runs shaped like a US phone number. */
  phoneShaped(ch: readonly number[]): boolean {
    if (ch.length < 2 || ch.length > 4) return false;
    const lengths: number[] = [];
    for (const r of ch) lengths.push(this.T.len(r));
    return phoneShape(lengths);
  }

  chunkEnd(k: number): number {
    if (this.chunkEndCache === null) {
      const c = new Int32Array(this.n);
      for (let i = this.n - 1; i >= 0; i--) {
        c[i] = i + 1 < this.n && this.T.gap(i + 1) === 0 ? (c[i + 1] ?? i) : i;
      }
      this.chunkEndCache = c;
    }
    return this.chunkEndCache[k] ?? k;
  }

  /** Drop trailing sentence punctuation from chunk [k, last]; '!' stays when `keepBang` (a password may end with it). */
  trimChunk(k: number, last: number, keepBang = false): number {
    const T = this.T;
    let e = last;
    while (e > k && T.t(e) === PUNCT) {
      const key = T.key(e);
      if (keepBang && key === '!') break;
      if (SENTENCE_END.has(key) || key === ',' || key === ')' || key === ':') e--;
      else break;
    }
    return e;
  }

  /** A short letters+digits code starting a chunk at k: "X7K9P2", "G-482917". Returns its last token or -1. */
  alnumCode(k: number): number {
    const T = this.T;
    const type = T.t(k);
    if (type !== WORD && type !== NUM) return -1;
    if (k > 0 && T.gap(k) === 0 && (T.t(k - 1) === WORD || T.t(k - 1) === NUM)) return -1;
    const end = this.chunkEnd(k);
    if (end - k > 12) return -1;
    const last = this.trimChunk(k, end);
    let digits = 0;
    let letters = 0;
    for (let j = k; j <= last; j++) {
      const u = T.t(j);
      if (this.consumed[j] === 1 || u === PH) return -1;
      if (u === NUM) digits += T.len(j);
      else if (u === WORD) letters += T.len(j);
      else if (T.key(j) !== '-') return -1;
    }
    const len = T.e(last) - T.s(k);
    if (len < 4 || len > 12 || digits < 2 || letters < 1) return -1;
    return last;
  }
}
