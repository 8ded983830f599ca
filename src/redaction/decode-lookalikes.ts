/**
 * Look-alike letters read as digits (the first part of decode.ts's job): `O`/`o` for 0; `l`, `I`
 * and `|` for 1, glued to digits, joined to them by a separator, spaced where no word could be
 * meant, or everywhere in a message of look-alikes alone.
 */
import { WordSet } from './word-set.js';
import type { TokenList } from './tokens.js';
import { borrow, giveBack } from './scan.js';
import { C_IGNORE, classAt, lookAlikeValue } from './normalize.js';
import { codesToText } from './placeholders.js';
import { FILLER_WORDS } from './rules/benign.js';
import type { Pieces } from './decode-pieces.js';

const FILLERS = new WordSet(FILLER_WORDS);
/** Separators that may join a look-alike word to digits within one run of text. */
const RUN_SEPARATORS = new Uint8Array(128);
for (const c of '-./_') RUN_SEPARATORS[c.charCodeAt(0)] = 1;

/** Look-alike words longer than a card are words (a local constant: this runs for every word). */
const LONGEST_RUN = 19;

/**
 * Digits of a word made only of look-alike letters (invisible characters skipped), or null.
 * Any other letter makes it a word: the test stops at the first one.
 */
function lookAlikeDigits(T: TokenList, k: number): string | null {
  if (!T.isWord(k) || T.len(k) > LONGEST_RUN) return null;
  const src = T.src;
  // Look-alikes read as 0 or 1 only: the digits are the bits of a number, the length its top bit.
  let bits = 1;
  for (let i = T.s(k); i < T.e(k); i++) {
    const c = src.charCodeAt(i);
    const v = lookAlikeValue(c);
    if (v >= 0) bits = bits * 2 + v;
    else if (c < 128 || classAt(src, i) !== C_IGNORE) return null;
  }
  return bits > 1 ? keptText(BITS_TEXT, bits, 2) : null;
}

/**
 * Texts of look-alike words (by their bits) and short clusters (by their digits), after a
 * leading 1: a text repeats the same few, and each is made once.
 */
const BITS_TEXT = new Map<number, string>();
const CLUSTER_TEXT = new Map<number, string>();

function keptText(kept: Map<number, string>, key: number, radix: number): string {
  let text = kept.get(key);
  if (text === undefined) {
    text = key.toString(radix).slice(1);
    if (kept.size >= 1024) kept.clear();
    kept.set(key, text);
  }
  return text;
}

/** The digits of a run of digit runs, look-alike words and '|' (values first, text once). */
function clusterDigits(T: TokenList, first: number, last: number): string {
  let size = 0;
  for (let j = first; j <= last; j++) size += T.isNum(j) ? T.len(j) : T.e(j) - T.s(j);
  if (values.length < size) {
    values = new Uint8Array(size * 2);
    codes = new Uint16Array(size * 2);
  }
  let n = 0;
  const src = T.src;
  for (let j = first; j <= last; j++) {
    if (T.isNum(j)) n = T.writeDigits(j, values, n);
    else if (isPipe(T, j)) values[n++] = 1;
    else
      for (let i = T.s(j); i < T.e(j); i++) {
        const c = src.charCodeAt(i);
        const v = lookAlikeValue(c);
        if (v >= 0) values[n++] = v;
      }
  }
  if (n <= 15) {
    // A short cluster is the decimal digits of a number with a leading 1, its text kept.
    let key = 1;
    for (let i = 0; i < n; i++) key = key * 10 + (values[i] ?? 0);
    return keptText(CLUSTER_TEXT, key, 10);
  }
  for (let i = 0; i < n; i++) codes[i] = 48 + (values[i] ?? 0);
  return codesToText(codes, n);
}

/** Buffers of clusterDigits, reused (a text of many short clusters makes one text each). */
let values = new Uint8Array(64);
let codes = new Uint16Array(64);

/** Token k is a word made only of look-alike letters (no text built: see lookAlikeDigits). */
function isLookAlike(T: TokenList, k: number): boolean {
  if (!T.isWord(k) || T.len(k) > LONGEST_RUN) return false;
  const src = T.src;
  for (let i = T.s(k); i < T.e(k); i++) {
    const c = src.charCodeAt(i);
    if (lookAlikeValue(c) < 0 && (c < 128 || classAt(src, i) !== C_IGNORE)) return false;
  }
  return true;
}

function isPipe(T: TokenList, k: number): boolean {
  return T.isPunct(k) && T.hash(k) === 0x7c;
}

/** Tokens j-1, j glued by a separator to token j-2 (dir -1) or j+2 (dir 1) with no space. */
function separatorJoined(T: TokenList, k: number, dir: 1 | -1): boolean {
  const sep = k + dir;
  const other = k + 2 * dir;
  if (other < 0 || other >= T.n || !T.isPunct(sep) || RUN_SEPARATORS[T.hash(sep) & 127] !== 1) return false;
  return dir === 1 ? T.gap(sep) === 0 && T.gap(other) === 0 : T.gap(k) === 0 && T.gap(sep) === 0;
}

/**
 * Look-alike letters glued to digits: each maximal run of tokens with no space between them
 * made of digit runs, look-alike words and '|' becomes one NUM token when it holds a digit and
 * a look-alike. Then look-alike words of two letters or more joined by a separator to digits
 * ("4lll-llll-llll") are read too, in both directions.
 */
export function lookAlikePieces(T: TokenList, out: Pieces): void {
  const n = T.n;
  /** Tokens that are digits once decoded: digit runs and the pieces found here. */
  const digit = borrow(n);
  /** Look-alike words joined by a separator to something on their right, for the pass back. */
  const pending: number[] = [];
  for (let k = 0; k < n; k++) {
    if (!T.isNum(k)) {
      // A word of two look-alikes or more joined by a separator to digits on its left becomes
      // digits now ("4lll-llll"); one joined on its right waits for the pass back.
      if (T.len(k) < 2 || digit[k] === 1 || !alikeStart(T, k)) continue;
      if (separatorJoined(T, k, -1) && digit[k - 2] === 1) joinWord(T, k, -1, digit, out);
      else if (separatorJoined(T, k, 1)) pending.push(k);
      continue;
    }
    digit[k] = 1;
    // Most digit runs touch no look-alike: test the neighbours' first character only.
    const before = k > 0 && T.gap(k) === 0 && (alikeStart(T, k - 1) || isPipe(T, k - 1));
    const after = k + 1 < n && T.gap(k + 1) === 0 && (alikeStart(T, k + 1) || isPipe(T, k + 1));
    if (!before && !after) continue;
    let first = k;
    while (first > 0 && T.gap(first) === 0 && (isLookAlike(T, first - 1) || isPipe(T, first - 1))) first--;
    let last = k;
    for (let j = k + 1; j < n && T.gap(j) === 0; j++) {
      if (T.isNum(j) || isLookAlike(T, j) || isPipe(T, j)) last = j;
      else break;
    }
    let letters = false;
    for (let j = first; j <= last; j++) {
      digit[j] = 1;
      if (T.isWord(j)) letters = true;
    }
    // With a look-alike letter every '|' of the run is a one ("|OOO2", "34OOO|"). Without one a
    // '|' is a separator to the card detector ("4111|1111|1111|1111"), and the split-number rule
    // counts it as a digit (groups.ts).
    if (letters) {
      // A word before the run that was read as a word is read again with it.
      out.drop(first, k);
      out.push(first, last, clusterDigits(T, first, last));
    }
    k = last;
  }
  for (let i = pending.length - 1; i >= 0; i--) joinWord(T, pending[i] ?? 0, 1, digit, out);
  // (Units are words counted `alone` or '|' marks: without either there is nothing to read.)
  if (T.alone > 0 || T.pipes > 0) spacedPieces(T, digit, out);
  giveBack(digit);
}

/**
 * Look-alike words that are words of English or Spanish ("lol", "loo", "Ill", Spanish "lo"):
 * read as digits only in a message of look-alikes alone (onlyLookAlikes), or glued to digits.
 */
const SPACED_WORDS = new WordSet(['lol', 'loo', 'lool', 'ill', 'lo', 'io', 'ol', 'oi']);

/**
 * Look-alikes that are no word, wherever they stand: a word of two look-alike letters or more
 * that no language has ("llllll", "OO"; not "lol" or Spanish "lo"), a lone `l` (never `I`, `O`
 * or `o`, which are words: "I", Spanish "o"), or three glued '|' or more. A card's part may be
 * written so with no digit near ("4111 111111", then "llllll"), and the split-number rule must
 * count it. Units joined by spaces are read as one chain ("llll llll", "4 l l l").
 */
function spacedPieces(T: TokenList, digit: Uint8Array, out: Pieces): void {
  const n = T.n;
  // Units (a look-alike word, or '|' marks) read in chains: units joined by spaces, tokens
  // first…last.
  let first = -1;
  let last = -2;
  let units = 0;
  for (let k = 0; k <= n; k++) {
    let f = -1;
    let l = -1;
    if (k < n && digit[k] !== 1) {
      if (T.isWord(k)) {
        if (lone(T, k) || (T.len(k) >= 2 && isLookAlike(T, k) && !SPACED_WORDS.at(T, k))) {
          f = k;
          l = k;
        }
      } else {
        let j = k;
        while (j < n && isPipe(T, j) && (j === k || T.gap(j) === 0)) j++;
        if (j - k >= 3 && (j === n || T.gap(j) > 0)) {
          f = k;
          l = j - 1;
        }
        k = Math.max(k, j - 1);
      }
    }
    if (f >= 0 && units > 0 && f === last + 1 && T.gap(f) > 0) {
      units++;
      last = l;
      continue;
    }
    if (k < n && f < 0) continue;
    // The chain ends (at a unit that starts another, or at the end of the text).
    if (units > 0) readChain(T, first, last, out);
    first = f;
    last = l;
    units = f >= 0 ? 1 : 0;
  }
}

/** The units of the chain of tokens first…last (spacedPieces), as pieces. */
function readChain(T: TokenList, first: number, last: number, out: Pieces): void {
  for (let f = first; f <= last; f++) {
    let l = f;
    if (!T.isWord(f)) while (l < last && T.gap(l + 1) === 0) l++;
    const d = !T.isWord(f) ? ones(l - f + 1) : T.e(f) - T.s(f) === 1 ? '1' : lookAlikeDigits(T, f);
    if (d !== null) out.push(f, l, d);
    f = l;
  }
}

/** n ones ("|||" reads as 111), each length made once. */
function ones(n: number): string {
  let text = ONES_TEXT.get(n);
  if (text === undefined) {
    text = '1'.repeat(n);
    if (ONES_TEXT.size >= 64) ONES_TEXT.clear();
    ONES_TEXT.set(n, text);
  }
  return text;
}
const ONES_TEXT = new Map<number, string>();

/** A word of one letter `l` (or a twin of it that is not `I`). */
function lone(T: TokenList, k: number): boolean {
  if (!T.isWord(k) || T.e(k) - T.s(k) !== 1) return false;
  const c = T.src.charCodeAt(T.s(k));
  return c !== 0x49 && lookAlikeValue(c) === 1;
}

/** Look-alike word k, joined by a separator to digits on side `dir`, becomes digits. */
function joinWord(T: TokenList, k: number, dir: 1 | -1, digit: Uint8Array, out: Pieces): void {
  if (digit[k] === 1 || !separatorJoined(T, k, dir) || digit[k + 2 * dir] !== 1) return;
  const d = lookAlikeDigits(T, k);
  if (d === null) return;
  digit[k] = 1;
  out.push(k, k, d);
}

/**
 * A message of look-alikes alone, with fillers, marks and spaces around them and no digit ("I",
 * "ok O", "lol", "||"): it says nothing but digits, so all of them are read, words too (a
 * card's last part may be sent one `I` or `O` a message).
 */
export function onlyLookAlikes(T: TokenList): boolean {
  let some = T.pipes > 0;
  for (let k = 0; k < T.n; k++) {
    if (!T.isWord(k)) continue;
    if (isLookAlike(T, k)) some = true;
    else if (!FILLERS.at(T, k)) return false;
  }
  return some;
}

/** Every look-alike word and '|' run that no piece holds yet becomes digits (onlyLookAlikes). */
export function everyLookAlike(T: TokenList, out: Pieces): void {
  for (let k = 0; k < T.n; k++) {
    const held = out.end.length > 0 ? (out.end[k] ?? 0) : 0;
    if (held > 0) {
      k = held - 1;
      continue;
    }
    if (T.isWord(k)) {
      const d = isLookAlike(T, k) ? lookAlikeDigits(T, k) : null;
      if (d !== null) out.push(k, k, d);
    } else if (isPipe(T, k)) {
      let l = k;
      while (l + 1 < T.n && isPipe(T, l + 1) && T.gap(l + 1) === 0) l++;
      out.push(k, l, ones(l - k + 1));
      k = l;
    }
  }
}

/** Token k is a word that starts with a look-alike letter (a cheap first test). */
function alikeStart(T: TokenList, k: number): boolean {
  if (!T.isWord(k)) return false;
  return lookAlikeValue(T.src.charCodeAt(T.s(k))) >= 0;
}
