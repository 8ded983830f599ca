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
import { C_IGNORE, classAt, lookAlikeValue } from './normalize.js';
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
  byPlace('zero one two three four five six seven eight nine', 0, { nought: '0', naught: '0' }),
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
/** Hundreds: the English multiplier, and the Spanish words for 100–900. */
const HUNDREDS: Readonly<Record<string, number>> = {
  hundred: 0,
  cien: 100,
  ciento: 100,
  doscientos: 200,
  doscientas: 200,
  trescientos: 300,
  trescientas: 300,
  cuatrocientos: 400,
  cuatrocientas: 400,
  quinientos: 500,
  quinientas: 500,
  seiscientos: 600,
  seiscientas: 600,
  setecientos: 700,
  setecientas: 700,
  ochocientos: 800,
  ochocientas: 800,
  novecientos: 900,
  novecientas: 900,
};
const THOUSANDS = new Set(['thousand', 'mil']);
/** Words between the parts of one compound number: "three hundred and five", "treinta y dos". */
const COMPOUND_JOIN = new WordSet(['and', 'y']);
/** "double five" = 55. */
const REPEATS: Readonly<Record<string, number>> = { double: 2, triple: 3, doble: 2 };

const ALL_NUMBER_WORDS = [
  ...Object.keys(UNITS),
  ...Object.keys(TEENS),
  ...Object.keys(TENS),
  ...Object.keys(REPEATS),
  ...Object.keys(HUNDREDS),
  ...THOUSANDS,
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
  if (T.spaced > 0 || T.pipes > 0 || out.length > 0) spacedPieces(T, digit, out);
}

/** Look-alike words read as words even next to a number ("lol 20", "loo 2"). */
const SPACED_WORDS = new WordSet(['lol', 'loo', 'lool']);

/**
 * Look-alikes spaced from digits: a word of three look-alike letters or more ("4111 llll"), a
 * lone `l` ("4 l l l"; never `I`, `O` or `o`, which are words: "I", Spanish "o"), or three
 * glued '|' or more. Read in both directions from digits, so a chain of them is read too; a
 * chain of two or more with four digits or more is read even without digits ("llll llll",
 * "l l l l").
 */
function spacedPieces(T: TokenList, digit: Uint8Array, out: Piece[]): void {
  const n = T.n;
  // Units: token ranges [uf[u], ul[u]], in order; ud[u] their digits (0: a word, read later).
  const uf = new Int32Array(n);
  const ul = new Int32Array(n);
  let count = 0;
  for (let k = 0; k < n; k++) {
    if (digit[k] === 1) continue;
    if (T.isWord(k)) {
      if (lone(T, k) || (T.len(k) >= 3 && isLookAlike(T, k) && !SPACED_WORDS.at(T, k))) {
        uf[count] = k;
        ul[count++] = k;
      }
      continue;
    }
    let j = k;
    while (j < n && isPipe(T, j) && (j === k || T.gap(j) === 0)) j++;
    if (j - k >= 3 && (j === n || T.gap(j) > 0)) {
      uf[count] = k;
      ul[count++] = j - 1;
    }
    k = Math.max(k, j - 1);
  }
  if (count === 0) return;
  const read = new Uint8Array(count);
  for (let u = 0; u < count; u++) {
    const f = uf[u] ?? 0;
    if (T.gap(f) === 0) continue;
    if ((f > 0 && digit[f - 1] === 1) || (u > 0 && read[u - 1] === 1 && ul[u - 1] === f - 1)) read[u] = 1;
  }
  for (let u = count - 1; u >= 0; u--) {
    const next = (ul[u] ?? 0) + 1;
    if (next >= n || T.gap(next) === 0) continue;
    if (digit[next] === 1 || (u + 1 < count && read[u + 1] === 1 && uf[u + 1] === next)) read[u] = 1;
  }
  // Chains of units without digits.
  for (let u = 0; u < count;) {
    let v = u + 1;
    let digits = unitDigits(T, uf[u] ?? 0, ul[u] ?? 0);
    while (v < count && uf[v] === (ul[v - 1] ?? 0) + 1 && T.gap(uf[v] ?? 0) > 0) {
      digits += unitDigits(T, uf[v] ?? 0, ul[v] ?? 0);
      v++;
    }
    if (v - u >= 2 && digits >= 4) read.fill(1, u, v);
    u = v;
  }
  for (let u = 0; u < count; u++) {
    if (read[u] !== 1) continue;
    const f = uf[u] ?? 0;
    const l = ul[u] ?? 0;
    const d = !T.isWord(f) ? '1'.repeat(l - f + 1) : T.e(f) - T.s(f) === 1 ? '1' : lookAlikeDigits(T, f);
    if (d === null) continue;
    for (let k = f; k <= l; k++) digit[k] = 1;
    out.push({ first: f, last: l, digits: d });
  }
}

/** Digits a unit of spacedPieces reads as: a word's letters, or its '|' marks. */
function unitDigits(T: TokenList, f: number, l: number): number {
  return T.isWord(f) ? T.len(f) : l - f + 1;
}

/** A word of one letter `l` (or a twin of it that is not `I`). */
function lone(T: TokenList, k: number): boolean {
  if (!T.isWord(k) || T.e(k) - T.s(k) !== 1) return false;
  const c = T.src.charCodeAt(T.s(k));
  return c !== 0x49 && lookAlikeValue(c) === 1;
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
  return lookAlikeValue(T.src.charCodeAt(T.s(k))) >= 0;
}

/**
 * A compound number from k ("three hundred seventy-eight", "trescientos diez mil cinco"), as a
 * piece of its value's digits; null unless it has a hundred or a thousand in it.
 */
function compoundElement(T: TokenList, k: number): Piece | null {
  let total = 0;
  let current = 0;
  let multiplied = false;
  let end = -1;
  for (let j = k; j < T.n;) {
    const key = NUMBER_WORDS.find(T, j);
    if (key === undefined) break;
    const unit = Number(UNITS[key] ?? -1);
    const teen = Number(TEENS[key] ?? -1);
    const tens = Number(TENS[key] ?? -1);
    const hundreds = HUNDREDS[key];
    const rest = current % 100;
    if (unit >= 1 && rest % 10 === 0 && (rest === 0 || rest >= 20)) current += unit;
    else if (teen >= 0 && rest === 0) current += teen;
    else if (tens >= 0 && rest === 0) current += tens * 10;
    else if (hundreds === 0 && current >= 0 && current < 10) current = Math.max(current, 1) * 100;
    else if (hundreds !== undefined && hundreds > 0 && current === 0) current = hundreds;
    else if (THOUSANDS.has(key) && total === 0 && current < 1000) {
      total = Math.max(current, 1) * 1000;
      current = 0;
    } else break;
    if (hundreds !== undefined || THOUSANDS.has(key)) multiplied = true;
    end = j;
    j++;
    if (T.isPunct(j, '-') && T.gap(j) === 0) j++;
    else if (COMPOUND_JOIN.at(T, j)) j++;
  }
  return multiplied ? { first: k, last: end, digits: String(total + current) } : null;
}

const MULTIPLIERS = new WordSet([...Object.keys(HUNDREDS), ...THOUSANDS]);

/** A hundred or a thousand among the next few tokens: the cheap test before compoundElement. */
function multiplierNear(T: TokenList, k: number): boolean {
  for (let j = k; j < T.n && j <= k + 4; j++) if (MULTIPLIERS.at(T, j)) return true;
  return false;
}

/** A number word at k (with the words it takes), as a piece; null when k is not one. */
function wordElement(T: TokenList, k: number, afterNumber: boolean): Piece | null {
  const key = NUMBER_WORDS.find(T, k);
  if (key === undefined) return null;
  if (key !== 'oh' && REPEATS[key] === undefined && multiplierNear(T, k)) {
    const compound = compoundElement(T, k);
    if (compound !== null) return compound;
  }
  if (HUNDREDS[key] !== undefined || THOUSANDS.has(key)) return null;
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
 * The pieces of one spoken sequence, elements joined by a mark or a word ("four.one",
 * "four and one", "4/one") made one piece with the digit runs among them, so that a detector
 * reads them as one number; elements joined by spaces stay apart (the detectors join those).
 */
function pushJoined(T: TokenList, seq: Piece[], first: number, end: number, out: Piece[]): void {
  let joined: Piece | null = null;
  let words = false; // the joined piece holds a number word (digit runs alone keep their shape)
  let prevEnd = -1;
  let i = 0;
  const close = (): void => {
    if (joined !== null && words) out.push(joined);
    joined = null;
    words = false;
  };
  for (let k = first; k <= end; k++) {
    const p = seq[i];
    const isPiece = p !== undefined && p.first === k;
    if (!isPiece && !T.isNum(k)) continue; // a mark or a joining word
    const last = isPiece ? p.last : k;
    const digits = isPiece ? p.digits : T.digitsAt(k);
    if (isPiece) i++;
    if (joined !== null && k > prevEnd + 1) {
      joined.last = last;
      joined.digits += digits;
    } else {
      close();
      // A word piece alone stays a piece; a digit run starts one only before a mark.
      if (isPiece || (k + 1 <= end && !T.isNum(k + 1))) joined = { first: k, last, digits };
    }
    if (isPiece) words = true;
    // A word piece with nothing joined to it is pushed as it is.
    if (
      isPiece &&
      joined !== null &&
      joined.first === k &&
      (last + 1 > end || T.isNum(last + 1) || seq[i]?.first === last + 1)
    )
      close();
    prevEnd = last;
    k = last;
  }
  close();
}

/** Marks between the elements of a spoken number: "four-one", "four, one", "four.one", "4/1". */
const ELEMENT_MARKS = new Uint8Array(128);
for (const c of '-,./_+:;*') ELEMENT_MARKS[c.charCodeAt(0)] = 1;
/** Words between them: "four and one", "four then one", "cuatro y uno", "cuatro luego uno". */
const ELEMENT_WORDS = new WordSet(['and', 'then', 'y', 'luego', 'despues']);

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
    if (spoken) pushJoined(T, seq, first, lastEnd, out);
    seq = [];
    seqFirst = -1;
    wordDigits = 0;
    allDigits = 0;
    lastEnd = -1;
  };
  for (let k = 0; k < n; k++) {
    if (
      lastEnd >= 0 &&
      k === lastEnd + 1 &&
      (ELEMENT_MARKS[T.isPunct(k) ? T.hash(k) & 127 : 0] === 1 || ELEMENT_WORDS.at(T, k))
    )
      continue;
    const joined =
      lastEnd >= 0 &&
      ((k === lastEnd + 1 && T.gap(k) > 0) ||
        (k === lastEnd + 2 && (T.isPunct(lastEnd + 1) || ELEMENT_WORDS.at(T, lastEnd + 1))));
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
  return { words: T.hinted > 0, alike: T.glued > 0 || T.joined > 0 || T.pipes > 0 || T.spaced > 0 };
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
