/**
 * The tokenizer's one pass over the text, writing tokens into a TokenList (tokens.ts): each
 * character classified (normalize.ts), runs of digits or letters made one token, invisible
 * characters skipped, placeholders of an earlier redaction kept whole, and the counts the decoder
 * needs taken on the way (so that most messages skip it).
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
  lookAlikeValue,
} from './normalize.js';
import { ALL_PLACEHOLDERS, codesToText } from './placeholders.js';
import {
  F_CLEAN,
  F_LONG,
  F_MASK,
  F_NL,
  MASK_CODE,
  MAX_KEY_LENGTH,
  NUM,
  PH,
  PUNCT,
  WORD,
} from './token-layout.js';

/**
 * What the pass writes to: the TokenList being filled (tokens.ts). Written here, not imported,
 * so that the list can depend on this module and not the other way round.
 */
export interface TokenWriter {
  readonly src: string;
  readonly n: number;
  masked: boolean;
  words: number;
  nums: number;
  pipes: number;
  hinted: number;
  glued: number;
  joined: number;
  alone: number;
  t(k: number): number;
  s(k: number): number;
  key(k: number): string;
  push(type: number, s: number, e: number, gap: number, flags: number, len: number, hash: number): void;
  setHash(k: number, hash: number): void;
}

/** Class of each ASCII character, copied here so the tokenizer's inner loops stay local. */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => classOfUnit(c));

/** Hash of a folded word key; the tokenizer computes the same value while scanning ASCII words. */
export function hashKey(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return h;
}

/** UTF-16 width of the code point classified by the last `classAtW` call. */
export let width = 1;

/** Class of the code point at `i`; sets `width`. A lone surrogate is ignored like a zero-width character. */
export function classAtW(src: string, i: number): number {
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
export function mayBeNumberWord(h: number): boolean {
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
 * At least the number of tokens of `src`: every token starts at a digit, a letter or a mark
 * whose code unit does not continue a run of its own class (surrogates count as marks, each a
 * possible start). One pass over the text costs less than growing a buffer of megabytes, or
 * than one sized for the worst case (a token a character: 12 bytes a character).
 */
export function tokenBound(src: string): number {
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

/** Counts a punctuation mark for the decoder: '|', or a separator after a look-alike word. */
function countMark(T: TokenWriter, c: number, gap: number): void {
  if (c === 0x7c) T.pipes++;
  else if (gap === 0 && c < 128 && SEPARATOR_MARKS[c] === 1 && T.n > 0 && T.t(T.n - 1) === WORD)
    if (lookAlikeStart(T.src, T.s(T.n - 1))) T.joined++;
}

/** Tokenizes `T.src` into T (called once, by TokenList.scan). */
export function scanText(T: TokenWriter): void {
  const src = T.src;
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
        const prev = T.n - 1;
        if (gap === 0 && prev >= 0 && T.t(prev) === PUNCT && src.charCodeAt(T.s(prev)) === MASK_CODE) {
          flags |= F_MASK;
          T.masked = true;
        }
        T.nums++;
        if (gap === 0 && T.n > 0 && T.t(T.n - 1) === WORD && lookAlikeStart(src, T.s(T.n - 1))) T.glued++;
        T.push(NUM, start, last, gap, flags, count, h);
      } else {
        if (last - start > MAX_KEY_LENGTH) flags |= F_LONG;
        T.words++;
        if (mayBeNumberWord(h)) T.hinted++;
        const alike = lookAlikeStart(src, start);
        if (gap === 0 && T.n > 0) {
          const before = T.t(T.n - 1);
          if (before === NUM) {
            if (alike) T.glued++;
          } else if (before === PUNCT && alike) T.joined++;
        }
        if (alike && digitsAlone(src, start, last, count, clean)) T.alone++;
        T.push(WORD, start, last, gap, flags, count, h);
      }
      // Keys with non-ASCII or invisible characters are folded now, to hash the folded form
      // (a NUM's hash is worked out when asked).
      if (!clean && (flags & F_LONG) === 0 && cls === C_LETTER) T.setHash(T.n - 1, hashKey(T.key(T.n - 1)));
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
        T.push(PH, i, i + ph.length, gap, nl, 0, 0);
        i += ph.length;
      } else {
        // A mark counts as the one it folds to ('│' is a '|').
        const key = c0 < 128 ? '' : canonicalPunct(src.slice(i, i + w));
        countMark(T, key.length === 1 ? key.charCodeAt(0) : c0, gap);
        T.push(PUNCT, i, i + w, gap, nl, 0, c0);
        if (c0 >= 128) T.setHash(T.n - 1, hashKey(T.key(T.n - 1)));
        i += w;
      }
    }
    gap = 0;
    nl = 0;
  }
}
