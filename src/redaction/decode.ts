/**
 * Digits written as something else, read back as digits before any rule looks at the tokens:
 *
 * - look-alike letters inside a run of digits: `O`/`o` for 0; `l`, `I` and `|` for 1
 *   ("37828224631OOO5", "3782822463lOOO5", "4lll-llll-llll-llll"). Only letters glued to digits
 *   (no space between) or, for words of two or more such letters, joined to them by a separator
 *   inside the same run of text: a word on its own ("I", "COOL", "Ollie", "lol") is a word;
 * - number words, English and Spanish: zero/oh … nine, cero … nueve, teens and tens ("thirty
 *   seven", "treinta y siete", "veintidós"), double/triple/doble. A sequence of number words and
 *   digit runs (joined by spaces, dashes or commas) is read as digits when its words say two
 *   digits or more and the whole sequence three or more, so "one charge", "two cards", "the one
 *   ending in 1005" stay words while "cvv is four eight two one" is a code.
 *
 * Each decoded word (or glued run) becomes one NUM token over the same span of the original
 * text, so every rule after this sees digits and every mask replaces the words.
 */
import { TokenList, WORD_HINTS, WordSet, hashKey } from './tokens.js';
import { C_IGNORE, classAt } from './normalize.js';
import { codesToText } from './placeholders.js';
import { FILLER_WORDS, LENGTH_WORDS } from './rules/benign.js';

/**
 * Number words by value, written as word lists (the value is the place in the list), which
 * keeps the widget's bundle small. `un`/`una` are left out: they are the Spanish article far
 * more often than one.
 */
function byPlace(words: string, first: number, out: Record<string, string>): Record<string, string> {
  words.split(' ').forEach((w, i) => (out[w] = String(first + i)));
  return out;
}
/** Single digits. */
const UNITS = byPlace(
  'cero uno dos tres cuatro cinco seis siete ocho nueve',
  0,
  byPlace('zero one two three four five six seven eight nine', 0, {}),
);
/** Two-digit words that take no unit after them (10–19, and the Spanish 20–29). */
const TEENS = byPlace(
  'veinte veintiuno veintidos veintitres veinticuatro veinticinco veintiseis veintisiete veintiocho veintinueve',
  20,
  byPlace(
    'diez once doce trece catorce quince dieciseis diecisiete dieciocho diecinueve',
    10,
    byPlace('ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen', 10, {}),
  ),
);
/** Tens that a unit may follow ("thirty seven", "treinta y siete"); alone they end in 0. */
const TENS = byPlace(
  'treinta cuarenta cincuenta sesenta setenta ochenta noventa',
  3,
  byPlace('twenty thirty forty fifty sixty seventy eighty ninety', 2, {}),
);
/** "double five" = 55. */
const REPEATS: Readonly<Record<string, number>> = { double: 2, triple: 3, doble: 2 };

const ALL_NUMBER_WORDS = [
  ...Object.keys(UNITS),
  ...Object.keys(TEENS),
  ...Object.keys(TENS),
  ...Object.keys(REPEATS),
  'oh',
];
const NUMBER_WORDS = new WordSet(ALL_NUMBER_WORDS);
for (const w of ALL_NUMBER_WORDS) WORD_HINTS[hashKey(w) & 0xffff] = 1;
const FILLERS = new WordSet(FILLER_WORDS);
/** "last four", "first two": a count of digits, not digits. */
const ORDINAL_BEFORE = new WordSet(['last', 'first', 'ultimos', 'primeros', 'ultimas', 'primeras']);
/** "four digits", "three times": a number word before these is a count. */
const COUNTED = new WordSet(LENGTH_WORDS);
/** Spanish "y" between tens and a unit. */
const TENS_JOIN = new WordSet(['y']);
/** Characters read as a digit inside a run of digits, and their value. */
const LOOK_ALIKE = new Int8Array(128).fill(-1);
LOOK_ALIKE[0x4f] = 0; // O
LOOK_ALIKE[0x6f] = 0; // o
LOOK_ALIKE[0x6c] = 1; // l
LOOK_ALIKE[0x49] = 1; // I
LOOK_ALIKE[0x7c] = 1; // |
/** Separators that may join a look-alike word to digits within one run of text. */
const RUN_SEPARATORS = new Uint8Array(128);
for (const c of '-./_') RUN_SEPARATORS[c.charCodeAt(0)] = 1;

/** Look-alike words longer than a card are words (a local constant: this runs for every word). */
const LONGEST_RUN = 19;

/** One decoded piece: tokens first…last become a NUM token with `digits`. */
interface Piece {
  first: number;
  last: number;
  digits: string;
}

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
    const v = c < 128 ? (LOOK_ALIKE[c] ?? -1) : -1;
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
        if (c < 128 && (LOOK_ALIKE[c] ?? -1) >= 0) values[n++] = LOOK_ALIKE[c] ?? 0;
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
    if (c < 128 ? (LOOK_ALIKE[c] ?? -1) < 0 : classAt(src, i) !== C_IGNORE) return false;
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
function lookAlikePieces(T: TokenList, out: Piece[]): void {
  const n = T.n;
  /** Tokens that are digits once decoded: digit runs and the pieces found here. */
  const digit = new Uint8Array(n);
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
      for (let i = out.length - 1; i >= 0 && (out[i]?.first ?? -1) >= first; i--) out.pop();
      out.push({ first, last, digits: clusterDigits(T, first, last) });
    }
    k = last;
  }
  for (let i = pending.length - 1; i >= 0; i--) joinWord(T, pending[i] ?? 0, 1, digit, out);
}

/** Look-alike word k, joined by a separator to digits on side `dir`, becomes digits. */
function joinWord(T: TokenList, k: number, dir: 1 | -1, digit: Uint8Array, out: Piece[]): void {
  if (digit[k] === 1 || !separatorJoined(T, k, dir) || digit[k + 2 * dir] !== 1) return;
  const d = lookAlikeDigits(T, k);
  if (d === null) return;
  digit[k] = 1;
  out.push({ first: k, last: k, digits: d });
}

/** Token k is a word that starts with a look-alike letter (a cheap first test). */
function alikeStart(T: TokenList, k: number): boolean {
  if (!T.isWord(k)) return false;
  const c = T.src.charCodeAt(T.s(k));
  return c < 128 && (LOOK_ALIKE[c] ?? -1) >= 0;
}

/** A number word at k (with the words it takes), as a piece; null when k is not one. */
function wordElement(T: TokenList, k: number, afterNumber: boolean): Piece | null {
  const key = NUMBER_WORDS.find(T, k);
  if (key === undefined) return null;
  if (key === 'oh') return afterNumber ? { first: k, last: k, digits: '0' } : null;
  const repeat = REPEATS[key];
  if (repeat !== undefined) {
    const next = k + 1;
    if (next >= T.n || T.gap(next) === 0) return null;
    let d: string | undefined;
    const word = NUMBER_WORDS.find(T, next);
    if (word !== undefined) d = word === 'oh' ? '0' : UNITS[word];
    else if (T.isNum(next) && T.len(next) === 1) d = T.digitsAt(next);
    return d === undefined ? null : { first: k, last: next, digits: d.repeat(repeat) };
  }
  const unit = UNITS[key];
  if (unit !== undefined) return { first: k, last: k, digits: unit };
  const teen = TEENS[key];
  if (teen !== undefined) return { first: k, last: k, digits: teen };
  const tens = TENS[key];
  if (tens === undefined) return null;
  // "thirty seven", "thirty-seven", "treinta y siete".
  let j = k + 1;
  if (T.isPunct(j, '-') || TENS_JOIN.at(T, j)) j++;
  const word = NUMBER_WORDS.find(T, j);
  const u = word === undefined ? undefined : UNITS[word];
  if (u !== undefined && u !== '0') return { first: k, last: j, digits: tens + u };
  return { first: k, last: k, digits: tens + '0' };
}

/** Token k is a digit run glued to letters ("2nd", "10am"): not part of a spoken number. */
function gluedToWord(T: TokenList, k: number): boolean {
  return (
    (k > 0 && T.gap(k) === 0 && T.isWord(k - 1)) || (k + 1 < T.n && T.gap(k + 1) === 0 && T.isWord(k + 1))
  );
}

/**
 * Number-word sequences: elements (number words or digit runs) joined by whitespace or by one
 * dash or comma. The words of a sequence whose words give two digits or more and whose elements
 * give three or more become pieces.
 */
function wordPieces(T: TokenList, out: Piece[]): void {
  const n = T.n;
  let seq: Piece[] = [];
  let wordDigits = 0;
  let allDigits = 0;
  let lastEnd = -1; // last token of the sequence's last element, -1 when there is none
  let seqFirst = -1; // first token of the sequence
  const flush = (): void => {
    const first = seq.length > 0 ? Math.min(seqFirst, seq[0]?.first ?? seqFirst) : seqFirst;
    const spoken =
      (wordDigits >= 2 && allDigits >= 3) ||
      seq.length >= 2 ||
      // A number word against a run of digits: "4111 one 1111", "zero 009".
      (wordDigits >= 1 && allDigits > wordDigits && allDigits >= 3) ||
      (wordDigits >= 1 && endOfShortReply(T, first, lastEnd) && !pronoun(T, first, seq.length));
    if (spoken) for (const p of seq) out.push(p);
    seq = [];
    seqFirst = -1;
    wordDigits = 0;
    allDigits = 0;
    lastEnd = -1;
  };
  for (let k = 0; k < n; k++) {
    if (lastEnd >= 0 && k === lastEnd + 1 && T.isPunct(k) && (T.hash(k) === 0x2d || T.hash(k) === 0x2c))
      continue;
    const joined =
      lastEnd >= 0 && ((k === lastEnd + 1 && T.gap(k) > 0) || (k === lastEnd + 2 && T.isPunct(lastEnd + 1)));
    if (!joined) flush();
    if (T.isNum(k) && !gluedToWord(T, k)) {
      if (lastEnd < 0) seqFirst = k;
      allDigits += T.len(k);
      lastEnd = k;
      continue;
    }
    if (T.isWord(k) && !(lastEnd < 0 && k > 0 && ORDINAL_BEFORE.at(T, k - 1))) {
      const p = wordElement(T, k, lastEnd >= 0);
      if (p !== null && !COUNTED.at(T, p.last + 1)) {
        if (lastEnd < 0) seqFirst = k;
        seq.push(p);
        wordDigits += p.digits.length;
        allDigits += p.digits.length;
        lastEnd = p.last;
        k = p.last;
        continue;
      }
    }
    flush();
  }
  flush();
}

/** Words before "one" that make it a pronoun: "which one?", "is the one", "la de capital one". */
const DETERMINERS = new WordSet([
  'the',
  'which',
  'that',
  'this',
  'each',
  'any',
  'no',
  'every',
  'another',
  'capital',
  'el',
  'la',
  'cual',
  'ese',
  'esa',
  'este',
  'esta',
  'otra',
  'otro',
]);

/** A lone "one" / "uno" / "una" after a determiner is a pronoun, not a digit. */
function pronoun(T: TokenList, first: number, elements: number): boolean {
  return elements === 1 && (T.keyIs(first, 'one') || T.keyIs(first, 'uno')) && DETERMINERS.at(T, first - 1);
}

/** Non-filler words a short reply may hold around a number ("it starts with three"). */
const SHORT_REPLY = 6;

/**
 * Tokens first…last end a short reply: only punctuation and fillers after them, at most
 * SHORT_REPLY other words before ("twenty two", "the next is three", "ok, five"). A number word
 * there is a digit typed as a word; "two cards", "the one ending in 1005" are not.
 */
function endOfShortReply(T: TokenList, first: number, last: number): boolean {
  if (first < 0 || last < 0) return false;
  for (let j = last + 1; j < T.n; j++) if (!T.isPunct(j) && !(T.isWord(j) && FILLERS.at(T, j))) return false;
  let words = 0;
  for (let j = 0; j < first; j++)
    if (!T.isPunct(j) && !(T.isWord(j) && FILLERS.at(T, j)) && ++words > SHORT_REPLY) return false;
  return true;
}

/** Quick test: could any token of T be decoded? Most messages have neither kind. */
function mayDecode(T: TokenList): { words: boolean; alike: boolean } {
  // The tokenizer counted the words that may be number words and the words glued to digits.
  return { words: T.hinted > 0, alike: T.glued > 0 || T.joined > 0 || T.pipes > 0 };
}

/** Records piece i at its first token (`this`: the index by token), unless one starts there. */
function placePiece(this: Int32Array, p: Piece, i: number): void {
  if ((this[p.first] ?? -1) < 0) this[p.first] = i;
}

/**
 * T with number words and look-alike runs read as digits: T itself when there is nothing to
 * decode (the usual case), else a new list over the same text (T is released).
 */
export function decodeNumbers(T: TokenList): TokenList {
  const may = mayDecode(T);
  if (!may.words && !may.alike) return T;
  const pieces: Piece[] = [];
  if (may.alike) lookAlikePieces(T, pieces);
  if (may.words) wordPieces(T, pieces);
  if (pieces.length === 0) return T;
  // The piece starting at each token (the first found wins), so the list is rebuilt in one pass.
  const at = new Int32Array(T.n).fill(-1);
  pieces.forEach(placePiece, at);
  const D = new TokenList(T.src);
  for (let k = 0; k < T.n;) {
    const i = at[k] ?? -1;
    const p = i < 0 ? undefined : pieces[i];
    if (p === undefined) D.copyToken(T, k++);
    else {
      D.pushDecoded(T.s(p.first), T.e(p.last), T.gap(p.first), T.nl(p.first), p.digits, T.n);
      k = p.last + 1;
    }
  }
  T.release();
  return D;
}
