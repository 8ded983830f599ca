/**
 * The tokens of a text: words, digit runs, single punctuation marks and placeholders, as one
 * linear pass (tokenizer.ts) finds them. No regular expression runs over the input; every
 * character is classified by `normalize.ts` and invisible characters (zero-width, bidi,
 * combining marks) are transparent, so "4\u200B1 1 1" is the digit runs "41", "1", "1".
 *
 * Tokens live in typed arrays (no object per token) and their keys are built lazily:
 * a word's key is only materialized when a rule looks at it, which is what keeps long
 * messages at tens of MB/s. Words carry a hash of their folded key so the phrase matcher can
 * skip words that start no phrase without building the string.
 */
import { C_DIGIT, C_IGNORE, canonicalPunct, digitValue, foldWord } from './normalize.js';
import { MASK_CHAR, codesToText, maskDigits, maskRange } from './placeholders.js';
import type { MaskCursor } from './placeholders.js';
import { POOL_MAX_TOKENS, digitsText, giveBackInts } from './digit-ids.js';
import type * as layout from './token-layout.js';
import { classAtW, digitsOf, hashKey, mayBeNumberWord, scanText, tokenBound, width } from './tokenizer.js';

export { NUM, PH, PUNCT, WORD } from './token-layout.js';

// The layout's constants written here, each typed by token-layout.ts so that the compiler keeps
// them equal to it: Node's optimizer folds a module's own constants into the accessors below,
// which every rule calls per token, but not constants imported from another module
// (bench:redaction; the bundle inlines either).
const F_CLEAN: typeof layout.F_CLEAN = 4;
const F_DECODED: typeof layout.F_DECODED = 16;
const F_LONG: typeof layout.F_LONG = 8;
const F_MASK: typeof layout.F_MASK = 2;
const F_NL: typeof layout.F_NL = 1;
const F_START: typeof layout.F_START = 1;
const F_VAL: typeof layout.F_VAL = 2;
const LONG: typeof layout.LONG = 0xffff;
const MASK_CODE = MASK_CHAR.charCodeAt(0);
const NUM: typeof layout.NUM = 1;
const PH: typeof layout.PH = 3;
const PUNCT: typeof layout.PUNCT = 2;
const STRIDE: typeof layout.STRIDE = 3;
const WORD: typeof layout.WORD = 0;

const punctCache = new Map<string, string>();

/**
 * One token buffer is kept between calls so that checking a short draft on every keystroke
 * allocates (almost) nothing. Buffers for long texts are not kept.
 */
let pool: Int32Array | null = null;

const NO_TEXTS: readonly string[] = [];

/** Texts longer than this size their buffer by counting first (see tokenBound). */
const COUNT_FROM = 4096;

export class TokenList {
  /** Number of tokens. */
  n = 0;
  /** Ends of the tokens of LONG code units or more: only runs of tens of thousands of characters. */
  private longEnds: Map<number, number> | null = null;
  /** Letters of long words with other characters than ASCII, counted once (see len). */
  private wordLens: Map<number, number> | null = null;
  /** All tokens, STRIDE numbers each. */
  private data: Int32Array;
  private keys: Map<number, string> | null = null;
  /**
   * Digits of NUM tokens read from something other than digits (number words, look-alike
   * letters: see decode.ts), for a token k flagged F_DECODED: the id `decodedAt[k]` (see
   * digitsId) with the texts `decodedText`. Null for the usual text.
   */
  private decodedText: string[] | null = null;
  private decodedAt: Int32Array | null = null;
  /** Some digit run is glued to a mask character (the text was redacted before). */
  masked = false;
  /** Number of WORD and NUM tokens and of '|' marks (most messages have no digits at all). */
  words = 0;
  nums = 0;
  pipes = 0;
  /**
   * What the decoder needs (decode.ts), counted while scanning so that most messages skip it:
   * words that may be number words (WORD_HINTS), words starting with a look-alike glued to a
   * digit run ("1OOO5"; "1Z999AA1" has none), and
   * words of look-alike letters glued to a separator ("4lll-llll").
   */
  hinted = 0;
  glued = 0;
  joined = 0;
  /**
   * Words that may be read as digits on their own, wherever they are (see digitsAlone): a text
   * without any ("on 08/15", "I 1") gives the decoder none to read.
   */
  alone = 0;

  constructor(readonly src: string) {
    // A short text: a token per 4+ characters is usual, so half covers nearly every draft and
    // the pooled buffer fits. A long one: counted, as growing megabytes by copying costs more.
    const cap = (src.length <= COUNT_FROM ? src.length >> 1 : tokenBound(src)) + 16;
    if (pool !== null && pool.length >= cap * STRIDE) {
      this.data = pool;
      pool = null;
    } else this.data = new Int32Array(cap * STRIDE);
  }

  /** Gives the buffer back for the next call; the list must not be used afterwards. */
  release(): void {
    if (this.data.length <= POOL_MAX_TOKENS * STRIDE && (pool === null || pool.length < this.data.length))
      pool = this.data;
    if (this.decodedAt !== null) giveBackInts(this.decodedAt);
    this.decodedAt = null;
    this.n = 0;
  }

  /** WORD | NUM | PUNCT | PH */
  t(k: number): number {
    return (this.data[k * STRIDE] ?? 0) & 3;
  }
  /** Offset of the first character (UTF-16, original text). */
  s(k: number): number {
    return this.data[k * STRIDE + F_START] ?? 0;
  }
  /** Offset after the last character. */
  e(k: number): number {
    const width = (this.data[k * STRIDE] ?? 0) >>> 16;
    return width !== LONG ? (this.data[k * STRIDE + F_START] ?? 0) + width : this.longEnd(k);
  }
  // (The accessors are small, so that they are inlined where they are used; the rare cases
  // are methods of their own.)
  private longEnd(k: number): number {
    return this.longEnds?.get(k) ?? 0;
  }
  /** Whitespace characters between the previous token and this one (capped at 255). */
  gap(k: number): number {
    return ((this.data[k * STRIDE] ?? 0) >>> 8) & 255;
  }
  private flagsOf(k: number): number {
    return ((this.data[k * STRIDE] ?? 0) >> 2) & 63;
  }
  /** That whitespace holds a line break. */
  nl(k: number): boolean {
    return (this.flagsOf(k) & F_NL) !== 0;
  }
  /** A digit run glued to a mask character ("•0005"): residue of an earlier mask, never a secret. */
  mask(k: number): boolean {
    return (this.flagsOf(k) & F_MASK) !== 0;
  }
  /** NUM: number of digits; WORD: number of letters. */
  len(k: number): number {
    const head = this.data[k * STRIDE] ?? 0;
    return (head & 3) === NUM ? (this.data[k * STRIDE + F_VAL] ?? 0) : this.otherLen(k, head);
  }
  private otherLen(k: number, head: number): number {
    if ((head & 3) !== WORD) return 0;
    if ((head & (F_CLEAN << 2)) !== 0 && head >>> 16 !== LONG) return head >>> 16;
    return this.wordLen(k, head);
  }
  /** Hash of the key (see hashKey); 0 for placeholders. */
  hash(k: number): number {
    const head = this.data[k * STRIDE] ?? 0;
    if ((head & 3) !== NUM) return this.data[k * STRIDE + F_VAL] ?? 0;
    // One ASCII digit (most of a wall of digits): its hash is its code.
    if (head >>> 16 === 1 && (head & (F_CLEAN << 2)) !== 0)
      return this.src.charCodeAt(this.data[k * STRIDE + F_START] ?? 0);
    return this.numHash(k, head);
  }
  private numHash(k: number, head: number): number {
    if ((head & (F_DECODED << 2)) !== 0) return hashKey(this.decodedDigits(k));
    if ((head & (F_CLEAN << 2)) === 0) return hashKey(this.key(k));
    // ASCII digits: hashed in place, as the tokenizer would have.
    const src = this.src;
    let h = 0;
    for (let i = this.s(k), e = this.e(k); i < e; i++) h = (Math.imul(h, 31) + src.charCodeAt(i)) | 0;
    return h;
  }
  /** The letters of a word that is not plain ASCII (or a long one): its visible code points. */
  private wordLen(k: number, head: number): number {
    const s = this.s(k);
    const e = this.e(k);
    if ((head & (F_CLEAN << 2)) !== 0) return e - s;
    const kept = e - s > 32 ? this.wordLens?.get(k) : undefined;
    if (kept !== undefined) return kept;
    let count = 0;
    for (let i = s; i < e; i += width) if (classAtW(this.src, i) !== C_IGNORE) count++;
    if (e - s > 32) (this.wordLens ??= new Map()).set(k, count);
    return count;
  }
  isNum(k: number): boolean {
    return k >= 0 && k < this.n && this.t(k) === NUM;
  }
  isWord(k: number, key?: string): boolean {
    return k >= 0 && k < this.n && this.t(k) === WORD && (key === undefined || this.keyIs(k, key));
  }
  isPunct(k: number, key?: string): boolean {
    if (!(k >= 0 && k < this.n && this.t(k) === PUNCT)) return false;
    if (key === undefined) return true;
    // A mark's hash is its key's (hashKey); every key of two characters or more hashes above
    // 127 (tested over all of Unicode), so for an ASCII key the hash alone decides.
    if (key.length === 1 && key.charCodeAt(0) < 128) return this.hash(k) === key.charCodeAt(0);
    return this.key(k) === key;
  }

  /**
   * WORD: folded lower-case key ("Código" → "codigo"; '' when longer than any keyword);
   * NUM: ASCII digits; PUNCT: canonical character ('–' → '-'); PH: the placeholder.
   */
  key(k: number): string {
    const type = this.t(k);
    const s = this.s(k);
    const src = this.src;
    if (type === PUNCT) {
      const c = src.charCodeAt(s);
      if (c < 128) return String.fromCharCode(c);
      if (c === MASK_CODE) return MASK_CHAR;
      const ch = src.slice(s, this.e(k));
      let key = punctCache.get(ch);
      if (key === undefined) {
        key = canonicalPunct(ch);
        punctCache.set(ch, key);
      }
      return key;
    }
    const f = this.flagsOf(k);
    if ((f & F_DECODED) !== 0) return this.decodedDigits(k);
    const e = this.e(k);
    // A plain slice costs less than keeping it: only keys that take work are kept.
    if ((f & F_CLEAN) !== 0) {
      if (type === NUM) return src.slice(s, e);
      if (type === WORD) return (f & F_LONG) !== 0 ? '' : src.slice(s, e).toLowerCase();
    }
    this.keys ??= new Map();
    let key = this.keys.get(k);
    if (key !== undefined) return key;
    if (type === NUM) key = (f & F_CLEAN) !== 0 ? src.slice(s, e) : digitsOf(src, s, e);
    else if (type === WORD) key = (f & F_LONG) !== 0 ? '' : foldWord(src.slice(s, e), (f & F_CLEAN) !== 0);
    else key = src.slice(s, e);
    this.keys.set(k, key);
    return key;
  }

  /** The digits of a token flagged F_DECODED. */
  private decodedDigits(k: number): string {
    return digitsText(this.decodedAt?.[k] ?? 0, this.decodedText ?? NO_TEXTS);
  }

  /** ASCII digits of NUM token k, not kept (the decoder reads each run once). */
  digitsAt(k: number): string {
    const f = this.flagsOf(k);
    if ((f & F_DECODED) !== 0) return this.decodedDigits(k);
    const s = this.s(k);
    const e = this.e(k);
    return (f & F_CLEAN) !== 0 ? this.src.slice(s, e) : digitsOf(this.src, s, e);
  }

  /** Is the key of token k equal to `key`? Compares the text in place when it can. */
  keyIs(k: number, key: string): boolean {
    const f = this.flagsOf(k);
    const type = this.t(k);
    if ((f & F_CLEAN) === 0 || type === PUNCT || type === PH) return this.key(k) === key;
    const s = this.s(k);
    if (this.e(k) - s !== key.length) return false;
    const src = this.src;
    const fold = type === WORD ? 0x20 : 0;
    for (let i = 0; i < key.length; i++)
      if ((src.charCodeAt(s + i) | fold) !== key.charCodeAt(i)) return false;
    return true;
  }

  /** Writes the digit values of NUM token k into `out` from `at`; returns the next index. */
  writeDigits(k: number, out: Uint8Array, at: number): number {
    const f = this.flagsOf(k);
    if ((f & F_DECODED) !== 0) {
      const dec = this.decodedDigits(k);
      for (let i = 0; i < dec.length; i++) out[at++] = dec.charCodeAt(i) - 48;
      return at;
    }
    const src = this.src;
    const s = this.s(k);
    const e = this.e(k);
    if ((f & F_CLEAN) !== 0) {
      for (let i = s; i < e; i++) out[at++] = src.charCodeAt(i) - 48;
      return at;
    }
    for (let i = s; i < e;) {
      if (classAtW(src, i) === C_DIGIT) out[at++] = digitValue(src.codePointAt(i) ?? 48);
      i += width;
    }
    return at;
  }

  /** The value of the first digit of NUM token k. */
  firstDigit(k: number): number {
    const f = this.flagsOf(k);
    if ((f & F_DECODED) !== 0) return this.decodedDigits(k).charCodeAt(0) - 48;
    const src = this.src;
    const s = this.s(k);
    if ((f & F_CLEAN) !== 0) return src.charCodeAt(s) - 48;
    for (let i = s, e = this.e(k); i < e; i += width)
      if (classAtW(src, i) === C_DIGIT) return digitValue(src.codePointAt(i) ?? 48);
    return 0;
  }

  /** NUM token k was read from words or look-alike letters, not from digits. */
  isDecoded(k: number): boolean {
    return k >= 0 && k < this.n && (this.flagsOf(k) & F_DECODED) !== 0;
  }

  /**
   * Rewrites the list in place with the decoder's pieces (decode.ts): a piece starts at each
   * token k where `pieceEnd[k] > 0` and ends at token `pieceEnd[k] - 1`; its tokens become one
   * NUM token over the same text, whose digits have the id `pieceDigits[k]` (digitsId, with
   * `texts`). Every other token stays as it is. Token indices change (a
   * token is never written after where it was read), so the keys made so far are dropped; the
   * list keeps `pieceDigits` (rewritten as it goes) and `texts`. A fresh list only (tokenize).
   */
  decodeInPlace(pieceEnd: Int32Array, pieceDigits: Int32Array, texts: string[]): void {
    const d = this.data;
    const n = this.n;
    let moved: Map<number, number> | null = null;
    let w = 0;
    let nums = 0;
    let words = 0;
    let masked = false;
    for (let k = 0; k < n; w++) {
      const end = pieceEnd[k] ?? 0;
      const o = k * STRIDE;
      const head = d[o] ?? 0;
      const to = w * STRIDE;
      if (end === 0) {
        const type = head & 3;
        if (type === NUM) {
          nums++;
          if ((head & (F_MASK << 2)) !== 0) masked = true;
        } else if (type === WORD) words++;
        if (head >>> 16 === LONG) (moved ??= new Map()).set(w, this.e(k));
        if (to !== o) {
          d[to] = head;
          d[to + F_START] = d[o + F_START] ?? 0;
          d[to + F_VAL] = d[o + F_VAL] ?? 0;
        }
        k++;
        continue;
      }
      const id = pieceDigits[k] ?? 0;
      const s = d[o + F_START] ?? 0;
      const e = this.e(end - 1);
      d[to] = NUM | (head & (F_NL << 2)) | (F_DECODED << 2) | (head & 0xff00) | (Math.min(e - s, LONG) << 16);
      d[to + F_START] = s;
      d[to + F_VAL] = digitsText(id, texts).length;
      if (e - s >= LONG) (moved ??= new Map()).set(w, e);
      pieceDigits[w] = id;
      nums++;
      k = end;
    }
    // What lies past the end reads as nothing, as in a list built anew.
    d.fill(0, w * STRIDE, n * STRIDE);
    this.n = w;
    this.keys = null;
    this.wordLens = null;
    this.longEnds = moved;
    this.decodedText = texts;
    this.decodedAt = pieceDigits;
    this.nums = nums;
    this.words = words;
    this.masked = masked;
    this.pipes = 0;
    this.hinted = 0;
    this.glued = 0;
    this.joined = 0;
    this.alone = 0;
  }

  /**
   * The mask of tokens first…last: each digit becomes MASK_CHAR except the last `keepLast`,
   * written as ASCII digits; what lies between digits (separators, spaces, words) stays, and
   * invisible characters are dropped. A decoded token (words, look-alikes) becomes its digits.
   */
  maskText(first: number, last: number, keepLast: number): string {
    const s = this.s(first);
    const e = this.e(last);
    if (this.decodedText === null) return maskDigits(this.src, s, e, keepLast);
    let total = 0;
    if (keepLast > 0) for (let k = first; k <= last; k++) if (this.t(k) === NUM) total += this.len(k);
    const keepFrom = keepLast > 0 ? total - keepLast : Number.POSITIVE_INFINITY; // first digit shown
    // One pass: text between decoded tokens masked as typed, decoded tokens as their digits.
    // A decoded token never has more digits than characters, so the span bounds the mask.
    const out = new Uint16Array(e - s);
    const at: MaskCursor = { n: 0, seen: 0 };
    let from = s;
    for (let k = first; k <= last; k++) {
      if (this.t(k) !== NUM || (this.flagsOf(k) & F_DECODED) === 0) continue;
      const digits = this.decodedDigits(k);
      maskRange(this.src, from, this.s(k), keepFrom, out, at);
      for (let i = 0; i < digits.length; i++)
        out[at.n++] = at.seen++ >= keepFrom ? digits.charCodeAt(i) : MASK_CODE;
      from = this.e(k);
    }
    maskRange(this.src, from, e, keepFrom, out, at);
    return codesToText(out, at.n);
  }

  /** Appends a token (the tokenizer's writes, tokenizer.ts). */
  push(type: number, s: number, e: number, gap: number, flags: number, len: number, hash: number): void {
    const o = this.n * STRIDE;
    if (o + STRIDE > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    if (e - s >= LONG) (this.longEnds ??= new Map()).set(this.n, e);
    this.n++;
    const d = this.data;
    d[o] = type | (flags << 2) | (gap << 8) | (Math.min(e - s, LONG) << 16);
    d[o + F_START] = s;
    d[o + F_VAL] = type === NUM ? len : hash;
  }

  /** Sets the hash of WORD or PUNCT token k (the tokenizer's writes). */
  setHash(k: number, hash: number): void {
    this.data[k * STRIDE + F_VAL] = hash;
    if (this.t(k) === WORD && mayBeNumberWord(hash)) this.hinted++;
  }

  /** Tokenize `src` (called once by `tokenize`). */
  scan(): this {
    scanText(this);
    return this;
  }
}

export function tokenize(src: string): TokenList {
  return new TokenList(src).scan();
}
