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
 * One byte per low 16 bits of the hash of every number word (decode.ts fills it when it loads):
 * the tokenizer counts the words that may be one, so a message without any skips the decoder.
 */
export const WORD_HINTS = new Uint8Array(65536);

/** '-', '.', '/', '_': marks that join look-alike words to digits. */
const SEPARATOR_MARKS = new Uint8Array(128);
for (const c of '-./_') SEPARATOR_MARKS[c.charCodeAt(0)] = 1;

/** The text at i starts with a letter that looks like a digit (O, o, l, I). */
function lookAlikeStart(src: string, i: number): boolean {
  return lookAlikeValue(src.charCodeAt(i)) >= 0;
}

/** Fields of a token in TokenList.data (stride 5). */
const STRIDE = 5;
// Field 0: type (bits 0–1) | flags (bits 2–7) | gap (bits 8–15).
const F_START = 1;
const F_END = 2;
const F_LEN = 3;
const F_HASH = 4;

/**
 * One token buffer is kept between calls so that checking a short draft on every keystroke
 * allocates (almost) nothing. Buffers for long texts are not kept.
 */
const POOL_MAX_TOKENS = 32 * 1024;
let pool: Int32Array | null = null;

export class TokenList {
  /** Number of tokens. */
  n = 0;
  /** All tokens, STRIDE numbers each. */
  private data: Int32Array;
  private keys: Map<number, string> | null = null;
  /**
   * Digits of NUM tokens read from something other than digits (number words, look-alike
   * letters: see decode.ts), by token. Null for the usual text, which has none.
   */
  private decoded: (string | undefined)[] | null = null;
  /** Some digit run is glued to a mask character (the text was redacted before). */
  masked = false;
  /** Number of WORD and NUM tokens and of '|' marks (most messages have no digits at all). */
  words = 0;
  nums = 0;
  pipes = 0;
  /**
   * What the decoder needs (decode.ts), counted while scanning so that most messages skip it:
   * words that may be number words (WORD_HINTS), words glued to a digit run ("1OOO5"), and
   * words of look-alike letters glued to a separator ("4lll-llll").
   */
  hinted = 0;
  glued = 0;
  joined = 0;
  /** Words of look-alike letters spaced from digits, or lone `l`s (decode.ts reads them). */
  spaced = 0;

  constructor(readonly src: string) {
    // Most text has a token per 4+ characters; growing by copying costs, so start at half.
    const cap = (src.length >> 1) + 16;
    if (pool !== null && pool.length >= cap * STRIDE) {
      this.data = pool;
      pool = null;
    } else this.data = new Int32Array(cap * STRIDE);
  }

  /** Gives the buffer back for the next call; the list must not be used afterwards. */
  release(): void {
    if (this.data.length <= POOL_MAX_TOKENS * STRIDE && (pool === null || pool.length < this.data.length))
      pool = this.data;
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
    return this.data[k * STRIDE + F_END] ?? 0;
  }
  /** Whitespace characters between the previous token and this one (capped at 255). */
  gap(k: number): number {
    return (this.data[k * STRIDE] ?? 0) >>> 8;
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
    return this.data[k * STRIDE + F_LEN] ?? 0;
  }
  /** Hash of the key (see hashKey); 0 for placeholders. */
  hash(k: number): number {
    return this.data[k * STRIDE + F_HASH] ?? 0;
  }
  isNum(k: number): boolean {
    return k >= 0 && k < this.n && this.t(k) === NUM;
  }
  isWord(k: number, key?: string): boolean {
    return k >= 0 && k < this.n && this.t(k) === WORD && (key === undefined || this.keyIs(k, key));
  }
  isPunct(k: number, key?: string): boolean {
    return k >= 0 && k < this.n && this.t(k) === PUNCT && (key === undefined || this.key(k) === key);
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
    if (type === NUM && this.decoded !== null) {
      const digits = this.decoded[k];
      if (digits !== undefined) return digits;
    }
    this.keys ??= new Map();
    let key = this.keys.get(k);
    if (key !== undefined) return key;
    const e = this.e(k);
    const f = this.flagsOf(k);
    if (type === NUM) key = (f & F_CLEAN) !== 0 ? src.slice(s, e) : digitsOf(src, s, e);
    else if (type === WORD) key = (f & F_LONG) !== 0 ? '' : foldWord(src.slice(s, e), (f & F_CLEAN) !== 0);
    else key = src.slice(s, e);
    this.keys.set(k, key);
    return key;
  }

  /** ASCII digits of NUM token k, not kept (the decoder reads each run once). */
  digitsAt(k: number): string {
    const dec = this.decoded?.[k];
    if (dec !== undefined) return dec;
    const s = this.s(k);
    const e = this.e(k);
    return (this.flagsOf(k) & F_CLEAN) !== 0 ? this.src.slice(s, e) : digitsOf(this.src, s, e);
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
    const dec = this.decoded?.[k];
    if (dec !== undefined) {
      for (let i = 0; i < dec.length; i++) out[at++] = dec.charCodeAt(i) - 48;
      return at;
    }
    const src = this.src;
    const s = this.s(k);
    const e = this.e(k);
    if ((this.flagsOf(k) & F_CLEAN) !== 0) {
      for (let i = s; i < e; i++) out[at++] = src.charCodeAt(i) - 48;
      return at;
    }
    for (let i = s; i < e;) {
      if (classAtW(src, i) === C_DIGIT) out[at++] = digitValue(src.codePointAt(i) ?? 48);
      i += width;
    }
    return at;
  }

  /** NUM token k was read from words or look-alike letters, not from digits. */
  isDecoded(k: number): boolean {
    return this.decoded?.[k] !== undefined;
  }

  /** Appends token k of `from` (same text) unchanged; used when decoding rebuilds a list. */
  copyToken(from: TokenList, k: number): void {
    const o = k * STRIDE;
    const d = from.data;
    this.push(
      (d[o] ?? 0) & 3,
      d[o + F_START] ?? 0,
      d[o + F_END] ?? 0,
      (d[o] ?? 0) >>> 8,
      ((d[o] ?? 0) >> 2) & 63,
      d[o + F_LEN] ?? 0,
      d[o + F_HASH] ?? 0,
    );
    const digits = from.decoded?.[k];
    if (digits !== undefined) (this.decoded ??= new Array<string | undefined>(from.n))[this.n - 1] = digits;
    if (from.mask(k)) this.masked = true;
    const type = (d[o] ?? 0) & 3;
    if (type === NUM) this.nums++;
    else if (type === WORD) this.words++;
  }

  /** Appends a NUM token for src[s, e) whose digits are `digits` (number words, look-alikes). */
  pushDecoded(s: number, e: number, gap: number, nl: boolean, digits: string, tokens: number): void {
    this.nums++;
    this.push(NUM, s, e, gap, nl ? F_NL : 0, digits.length, hashKey(digits));
    // One slot per token of the list being rebuilt (`tokens`, never fewer): a dense array.
    (this.decoded ??= new Array<string | undefined>(tokens))[this.n - 1] = digits;
  }

  /**
   * The mask of tokens first…last: each digit becomes MASK_CHAR except the last `keepLast`,
   * written as ASCII digits; what lies between digits (separators, spaces, words) stays, and
   * invisible characters are dropped. A decoded token (words, look-alikes) becomes its digits.
   */
  maskText(first: number, last: number, keepLast: number): string {
    const s = this.s(first);
    const e = this.e(last);
    const decoded = this.decoded;
    if (decoded === null) return maskDigits(this.src, s, e, keepLast);
    let total = 0;
    if (keepLast > 0) for (let k = first; k <= last; k++) if (this.t(k) === NUM) total += this.len(k);
    const keepFrom = keepLast > 0 ? total - keepLast : Number.POSITIVE_INFINITY; // first digit shown
    // One pass: text between decoded tokens masked as typed, decoded tokens as their digits.
    // A decoded token never has more digits than characters, so the span bounds the mask.
    const out = new Uint16Array(e - s);
    const at: MaskCursor = { n: 0, seen: 0 };
    let from = s;
    for (let k = first; k <= last; k++) {
      const digits = this.t(k) === NUM ? decoded[k] : undefined;
      if (digits === undefined) continue;
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
    let o = this.n * STRIDE;
    if (o + STRIDE > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.n++;
    const d = this.data;
    d[o++] = type | (flags << 2) | (gap << 8);
    d[o++] = s;
    d[o++] = e;
    d[o++] = len;
    d[o] = hash;
  }

  private setHash(k: number, hash: number): void {
    this.data[k * STRIDE + F_HASH] = hash;
    if (this.t(k) === WORD && WORD_HINTS[hash & 0xffff] === 1) this.hinted++;
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
          if (gap === 0 && this.n > 0 && this.t(this.n - 1) === WORD) this.glued++;
          else if (
            gap > 0 &&
            this.n > 0 &&
            this.t(this.n - 1) === WORD &&
            lookAlikeStart(src, this.s(this.n - 1))
          )
            this.spaced++;
          this.push(NUM, start, last, gap, flags, count, h);
        } else {
          if (last - start > MAX_KEY_LENGTH) flags |= F_LONG;
          this.words++;
          if (WORD_HINTS[h & 0xffff] === 1) this.hinted++;
          if (gap === 0 && this.n > 0) {
            const before = this.t(this.n - 1);
            if (before === NUM) this.glued++;
            else if (before === PUNCT && lookAlikeStart(src, start)) this.joined++;
          } else if (lookAlikeStart(src, start)) {
            // After digits, or a lone `l` (not `I` or `o`, which are words).
            const c = src.charCodeAt(start);
            const lone = last - start === 1 && c !== 0x49 && lookAlikeValue(c) === 1;
            const before = this.n > 0 ? this.t(this.n - 1) : -1;
            // Two words of three look-alikes or more in a row may be digits alone ("llll llll").
            const chain =
              before === WORD &&
              last - start >= 3 &&
              this.e(this.n - 1) - this.s(this.n - 1) >= 3 &&
              lookAlikeStart(src, this.s(this.n - 1));
            if (lone || chain || before === NUM) this.spaced++;
          }
          this.push(WORD, start, last, gap, flags, count, h);
        }
        // Keys with non-ASCII or invisible characters are folded now, to hash the folded form.
        if (!clean && (flags & F_LONG) === 0) this.setHash(this.n - 1, hashKey(this.key(this.n - 1)));
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
  /** Built on first use, not at module load (startup, issue 8). */
  #byHash: Map<number, string[]> | undefined;

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
  }

  /** One bit per low 12 bits of a member's hash: most words fail this test before the map. */
  #filter: Uint8Array | undefined;

  #index(): Map<number, string[]> {
    const byHash = new Map<number, string[]>();
    const filter = new Uint8Array(4096);
    for (const w of this.words) {
      const h = hashKey(w);
      filter[h & 4095] = 1;
      const list = byHash.get(h);
      if (list === undefined) byHash.set(h, [w]);
      else list.push(w);
    }
    this.#filter = filter;
    return byHash;
  }

  /** Is token k a word of this set? */
  at(T: TokenList, k: number): boolean {
    return this.find(T, k) !== undefined;
  }

  /** The member token k is (its folded key, without building it), or undefined. */
  find(T: TokenList, k: number): string | undefined {
    if (!T.isWord(k)) return undefined;
    const byHash = (this.#byHash ??= this.#index());
    const h = T.hash(k);
    if (this.#filter?.[h & 4095] !== 1) return undefined;
    const list = byHash.get(h);
    if (list === undefined) return undefined;
    for (const w of list) if (T.keyIs(k, w)) return w;
    return undefined;
  }

  has(word: string): boolean {
    return this.words.has(word);
  }
}
