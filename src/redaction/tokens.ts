/**
 * One linear pass over the original text producing tokens: words, digit runs, single
 * punctuation marks and placeholders. No regular expression runs over the input; every
 * character is classified by `normalize.ts` and invisible characters (zero-width, bidi,
 * combining marks) are transparent, so "4\u200B1 1 1" is the digit runs "41", "1", "1".
 *
 * Tokens live in typed arrays (no object per token) and their keys are built lazily:
 * a word's key is only materialized when a rule looks at it, which is what keeps long
 * messages at tens of MB/s. Words carry a hash of their folded key so the phrase matcher can
 * skip words that start no phrase without building the string.
 */
import {
  C_DIGIT,
  C_IGNORE,
  C_LETTER,
  C_NEWLINE,
  C_OTHER,
  C_SPACE,
  canonicalPunct,
  classOfAstral,
  classOfUnit,
  digitValue,
  foldWord,
  lookAlikeValue,
} from './normalize.js';
import { ALL_PLACEHOLDERS, MASK_CHAR, codesToText, maskDigits, maskRange } from './placeholders.js';
import type { MaskCursor } from './placeholders.js';

export const WORD = 0;
export const NUM = 1;
export const PUNCT = 2;
/** A placeholder left by an earlier redaction ("[code removed]"): opaque, never re-detected. */
export const PH = 3;

const F_NL = 1; // the whitespace before the token holds a line break
const F_MASK = 2; // a digit run glued to a mask character ("•0005")
const F_CLEAN = 4; // only ASCII characters, no invisible ones: the key is a plain slice
const F_LONG = 8; // a word longer than any keyword: its key is ''
const F_DECODED = 16; // a NUM token read from words or look-alike letters (decode.ts)

/** Words longer than this are never keywords; their key is left empty. */
const MAX_KEY_LENGTH = 24;
const punctCache = new Map<string, string>();
const MASK_CODE = MASK_CHAR.charCodeAt(0);
/** Class of each ASCII character, copied here so the tokenizer's inner loops stay local. */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => classOfUnit(c));

/** Hash of a folded word key; the tokenizer computes the same value while scanning ASCII words. */
export function hashKey(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return h;
}

/** UTF-16 width of the code point classified by the last `classAtW` call. */
let width = 1;

/** Class of the code point at `i`; sets `width`. A lone surrogate is ignored like a zero-width character. */
function classAtW(src: string, i: number): number {
  const c = src.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) {
    width = 1;
    return classOfUnit(c);
  }
  if (c <= 0xdbff && i + 1 < src.length) {
    const d = src.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      width = 2;
      return classOfAstral(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
    }
  }
  width = 1;
  return C_IGNORE; // a lone surrogate: invalid text, invisible for our purposes
}

/** ASCII digits of the digit run src[s, e) (skipping invisible characters). */
export function digitsOf(src: string, s: number, e: number): string {
  // Char codes first, text once: a run of a million dingbat digits is one string, not a million.
  const codes = new Uint16Array(e - s);
  let n = 0;
  for (let i = s; i < e;) {
    const cls = classAtW(src, i);
    if (cls === C_DIGIT) codes[n++] = 48 + digitValue(src.codePointAt(i) ?? 48);
    i += width;
  }
  return n <= 64 ? String.fromCharCode(...codes.subarray(0, n)) : codesToText(codes, n);
}

/**
 * The hashes of every number word (decode.ts fills it when it loads), two bits per 16: bit 1 at
 * the low 16 bits of each hash, bit 2 at the high 16. The tokenizer counts the words that may be
 * one (both bits set: one word in millions that is not), so a message without any skips the
 * decoder.
 */
export const WORD_HINTS = new Uint8Array(65536);

/** Hash h may be a number word's (see WORD_HINTS). */
function mayBeNumberWord(h: number): boolean {
  return ((WORD_HINTS[h & 0xffff] ?? 0) & 1) !== 0 && ((WORD_HINTS[h >>> 16] ?? 0) & 2) !== 0;
}

/** '-', '.', '/', '_': marks that join look-alike words to digits. */
const SEPARATOR_MARKS = new Uint8Array(128);
for (const c of '-./_') SEPARATOR_MARKS[c.charCodeAt(0)] = 1;

/** The text at i starts with a letter that looks like a digit (O, o, l, I). */
function lookAlikeStart(src: string, i: number): boolean {
  return lookAlikeValue(src.charCodeAt(i)) >= 0;
}

/**
 * Could the word src[start, last) of `count` letters, starting with a look-alike, be read as
 * digits standing alone (decode.ts, spacedPieces)? A lone `l` (not `I` or `o`, which are
 * words), or two look-alikes or more ("llll"); a word with other characters than ASCII is
 * left to the decoder.
 */
function digitsAlone(src: string, start: number, last: number, count: number, clean: boolean): boolean {
  if (last - start === 1) {
    const c = src.charCodeAt(start);
    return c !== 0x49 && lookAlikeValue(c) === 1;
  }
  if (count < 2) return false;
  if (clean) for (let i = start + 1; i < last; i++) if (lookAlikeValue(src.charCodeAt(i)) < 0) return false;
  return true;
}

/**
 * Fields of a token in TokenList.data: three numbers, 12 bytes a token (a megabyte of text may
 * hold a million, and memory first written costs more than the work on it).
 * Field 0: type (bits 0–1) | flags (bits 2–7) | gap (bits 8–15) | width in UTF-16 units (bits
 * 16–31; LONG when it does not fit, the end then kept apart).
 * Field 1: start. Field 2: NUM, its number of digits; WORD, PUNCT, PH: the hash of its key (a
 * NUM's hash is worked out when asked: only the phrase matcher asks).
 * A WORD's number of letters is its width when it is plain ASCII, else counted when asked.
 */
const STRIDE = 3;
const F_START = 1;
const F_VAL = 2;
/** The width field of a token of LONG code units or more. */
const LONG = 0xffff;

/**
 * One token buffer is kept between calls so that checking a short draft on every keystroke
 * allocates (almost) nothing. Buffers for long texts are not kept.
 */
const POOL_MAX_TOKENS = 32 * 1024;
let pool: Int32Array | null = null;

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

const NO_TEXTS: readonly string[] = [];

/** Texts longer than this size their buffer by counting first (see tokenBound). */
const COUNT_FROM = 4096;

/**
 * At least the number of tokens of `src`: every token starts at a digit, a letter or a mark
 * whose code unit does not continue a run of its own class (surrogates count as marks, each a
 * possible start). One pass over the text costs less than growing a buffer of megabytes, or
 * than one sized for the worst case (a token a character: 12 bytes a character).
 */
function tokenBound(src: string): number {
  let count = 0;
  let prev = C_SPACE;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    const cls = c < 128 ? (ASCII_CLASS[c] ?? C_OTHER) : c >= 0xd800 && c <= 0xdfff ? C_OTHER : classOfUnit(c);
    if (cls === C_OTHER || (cls !== prev && (cls === C_DIGIT || cls === C_LETTER))) count++;
    prev = cls;
  }
  return count;
}

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

  private push(
    type: number,
    s: number,
    e: number,
    gap: number,
    flags: number,
    len: number,
    hash: number,
  ): void {
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

  /** Sets the hash of WORD or PUNCT token k. */
  private setHash(k: number, hash: number): void {
    this.data[k * STRIDE + F_VAL] = hash;
    if (this.t(k) === WORD && mayBeNumberWord(hash)) this.hinted++;
  }

  /** Counts a punctuation mark for the decoder: '|', or a separator after a look-alike word. */
  private countMark(c: number, gap: number): void {
    if (c === 0x7c) this.pipes++;
    else if (gap === 0 && c < 128 && SEPARATOR_MARKS[c] === 1 && this.n > 0 && this.t(this.n - 1) === WORD)
      if (lookAlikeStart(this.src, this.s(this.n - 1))) this.joined++;
  }

  /** Tokenize `src` (called once by `tokenize`). */
  scan(): this {
    const src = this.src;
    const n = src.length;
    let gap = 0;
    let nl = 0;
    let i = 0;
    while (i < n) {
      const c0 = src.charCodeAt(i);
      let w = 1;
      let cls: number;
      if (c0 < 128) cls = ASCII_CLASS[c0] ?? C_OTHER;
      else {
        cls = classAtW(src, i);
        w = width;
      }
      if (cls === C_SPACE || cls === C_NEWLINE) {
        if (gap < 255) gap++;
        if (cls === C_NEWLINE) nl = F_NL;
        i += w;
        continue;
      }
      if (cls === C_IGNORE) {
        i += w;
        continue;
      }
      const start = i;
      if (cls === C_DIGIT || cls === C_LETTER) {
        // A run of one class; invisible characters inside it are skipped.
        let clean = c0 < 128;
        let count = 1;
        let h = clean ? c0 | 0x20 : 0;
        let last = i + w;
        let j = last;
        while (j < n) {
          const c = src.charCodeAt(j);
          if (c < 128) {
            if (ASCII_CLASS[c] === cls) {
              h = (Math.imul(h, 31) + (c | 0x20)) | 0;
              count++;
              last = ++j;
            } else if (ASCII_CLASS[c] === C_IGNORE) {
              clean = false;
              j++;
            } else break;
            continue;
          }
          const k = classAtW(src, j);
          if (k === cls) {
            clean = false;
            count++;
            j += width;
            last = j;
          } else if (k === C_IGNORE) {
            clean = false;
            j += width;
          } else break;
        }
        let flags = nl | (clean ? F_CLEAN : 0);
        if (cls === C_DIGIT) {
          const prev = this.n - 1;
          if (
            gap === 0 &&
            prev >= 0 &&
            this.t(prev) === PUNCT &&
            src.charCodeAt(this.s(prev)) === MASK_CODE
          ) {
            flags |= F_MASK;
            this.masked = true;
          }
          this.nums++;
          if (
            gap === 0 &&
            this.n > 0 &&
            this.t(this.n - 1) === WORD &&
            lookAlikeStart(src, this.s(this.n - 1))
          )
            this.glued++;
          this.push(NUM, start, last, gap, flags, count, h);
        } else {
          if (last - start > MAX_KEY_LENGTH) flags |= F_LONG;
          this.words++;
          if (mayBeNumberWord(h)) this.hinted++;
          const alike = lookAlikeStart(src, start);
          if (gap === 0 && this.n > 0) {
            const before = this.t(this.n - 1);
            if (before === NUM) {
              if (alike) this.glued++;
            } else if (before === PUNCT && alike) this.joined++;
          }
          if (alike && digitsAlone(src, start, last, count, clean)) this.alone++;
          this.push(WORD, start, last, gap, flags, count, h);
        }
        // Keys with non-ASCII or invisible characters are folded now, to hash the folded form
        // (a NUM's hash is worked out when asked).
        if (!clean && (flags & F_LONG) === 0 && cls === C_LETTER)
          this.setHash(this.n - 1, hashKey(this.key(this.n - 1)));
        i = last;
      } else {
        let ph: string | undefined;
        if (c0 === 0x5b /* [ */) {
          for (const p of ALL_PLACEHOLDERS) {
            if (src.startsWith(p, i)) {
              ph = p;
              break;
            }
          }
        }
        if (ph !== undefined) {
          this.push(PH, i, i + ph.length, gap, nl, 0, 0);
          i += ph.length;
        } else {
          // A mark counts as the one it folds to ('│' is a '|').
          const key = c0 < 128 ? '' : canonicalPunct(src.slice(i, i + w));
          this.countMark(key.length === 1 ? key.charCodeAt(0) : c0, gap);
          this.push(PUNCT, i, i + w, gap, nl, 0, c0);
          if (c0 >= 128) this.setHash(this.n - 1, hashKey(this.key(this.n - 1)));
          i += w;
        }
      }
      gap = 0;
      nl = 0;
    }
    return this;
  }
}

export function tokenize(src: string): TokenList {
  return new TokenList(src).scan();
}

/**
 * A set of folded words tested against tokens by hash first, so that checking a word that is
 * not in the set never builds its key.
 */
export class WordSet {
  private readonly words: ReadonlySet<string>;

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
  }

  /**
   * Built on first use, not at module load (startup, issue 8): the members in order, their
   * hashes, and an open-addressed table of (index + 1) by hash.
   */
  #list: readonly string[] = [];
  #hashes: Int32Array | undefined;
  #table: Int32Array | undefined;
  #shift = 0;
  /** One bit per low 12 bits of a member's hash: most words fail this test before the table. */
  #filter: Uint8Array | undefined;

  #index(): Int32Array {
    const list = [...this.words];
    let bits = 3;
    while (1 << bits < list.length * 2) bits++;
    const table = new Int32Array(1 << bits);
    const hashes = new Int32Array(list.length);
    const filter = new Uint8Array(4096);
    this.#shift = 32 - bits;
    list.forEach((w, i) => {
      const h = hashKey(w);
      hashes[i] = h;
      filter[h & 4095] = 1;
      let slot = Math.imul(h, SPREAD) >>> this.#shift;
      while (table[slot] !== 0) slot = (slot + 1) & (table.length - 1);
      table[slot] = i + 1;
    });
    this.#list = list;
    this.#hashes = hashes;
    this.#filter = filter;
    return table;
  }

  /** Is token k a word of this set? */
  at(T: TokenList, k: number): boolean {
    return this.indexAt(T, k) >= 0;
  }

  /** The member token k is (its folded key, without building it), or undefined. */
  find(T: TokenList, k: number): string | undefined {
    const i = this.indexAt(T, k);
    return i < 0 ? undefined : this.#list[i];
  }

  /** The place of the member token k is among the members (in the order given), or -1. */
  indexAt(T: TokenList, k: number): number {
    if (!T.isWord(k)) return -1;
    const table = (this.#table ??= this.#index());
    const h = T.hash(k);
    if (this.#filter?.[h & 4095] !== 1) return -1;
    const hashes = this.#hashes;
    const list = this.#list;
    for (let slot = Math.imul(h, SPREAD) >>> this.#shift; ; slot = (slot + 1) & (table.length - 1)) {
      const i = (table[slot] ?? 0) - 1;
      if (i < 0) return -1;
      if (hashes?.[i] === h && T.keyIs(k, list[i] ?? '')) return i;
    }
  }

  /** The members, in the order given (indexAt's places). */
  members(): string[] {
    return [...this.words];
  }

  has(word: string): boolean {
    return this.words.has(word);
  }
}

/** Multiplier spreading a hash over a table's slots (Fibonacci hashing). */
const SPREAD = 0x9e3779b1;
