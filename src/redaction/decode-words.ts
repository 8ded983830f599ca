/**
 * Number words read as digits (the second part of decode.ts's job), English and Spanish: zero/oh
 * … nine, cero … nueve, teens and tens, hundreds and thousands, double/triple/doble, in sequences
 * that say digits rather than a count ("two cards" stays words, "four eight two one" is a code).
 */
import { WORD_HINTS, hashKey } from './tokenizer.js';
import { WordSet } from './word-set.js';
import { borrowInts, digitsId, digitsText, giveBackInts } from './digit-ids.js';
import type { TokenList } from './tokens.js';
import { FILLER_WORDS, LENGTH_WORDS } from './rules/benign.js';
import type { Pieces } from './decode-pieces.js';

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
for (const w of ALL_NUMBER_WORDS) {
  const h = hashKey(w);
  WORD_HINTS[h & 0xffff] = (WORD_HINTS[h & 0xffff] ?? 0) | 1;
  WORD_HINTS[h >>> 16] = (WORD_HINTS[h >>> 16] ?? 0) | 2;
}
/** What each number word is, by its place in NUMBER_WORDS: one lookup a word, not one a table. */
const WORD_LIST = NUMBER_WORDS.members();
const UNIT_OF = WORD_LIST.map((w) => UNITS[w]);
const UNIT_VALUE = WORD_LIST.map((w) => Number(UNITS[w] ?? -1));
const TEEN_OF = WORD_LIST.map((w) => TEENS[w]);
const TEEN_VALUE = WORD_LIST.map((w) => Number(TEENS[w] ?? -1));
const TENS_OF = WORD_LIST.map((w) => TENS[w]);
const TENS_VALUE = WORD_LIST.map((w) => Number(TENS[w] ?? -1));
/** A hundreds word's value (0 for "hundred", a multiplier), -1 for the others. */
const HUNDREDS_OF = WORD_LIST.map((w) => HUNDREDS[w] ?? -1);
const THOUSAND_OF = WORD_LIST.map((w) => THOUSANDS.has(w));
/** How many times "double"/"triple" say the next digit, 0 for the others. */
const REPEAT_OF = WORD_LIST.map((w) => REPEATS[w] ?? 0);
const OH = WORD_LIST.indexOf('oh');
const FILLERS = new WordSet(FILLER_WORDS);
/** "last four", "first two": a count of digits, not digits. */
const ORDINAL_BEFORE = new WordSet(['last', 'first', 'ultimos', 'primeros', 'ultimas', 'primeras']);
/** "four digits", "three times": a number word before these is a count. */
const COUNTED = new WordSet(LENGTH_WORDS);
/** Spanish "y" between tens and a unit. */
const TENS_JOIN = new WordSet(['y']);

/** The word elements of a spoken sequence (wordPieces), in order: tokens first[i]…last[i]. */
class PieceList {
  n = 0;
  /** Taken for a text of `words` words (each element has one); given back by release. */
  readonly first: Int32Array;
  readonly last: Int32Array;
  /** Their digits, as ids (digitsId): mostly one digit or two, no text kept. */
  readonly ids: Int32Array;
  readonly texts: string[] = [];

  constructor(words: number) {
    this.first = borrowInts(words);
    this.last = borrowInts(words);
    this.ids = borrowInts(words);
  }

  release(): void {
    giveBackInts(this.first);
    giveBackInts(this.last);
    giveBackInts(this.ids);
  }

  push(first: number, last: number, digits: string): void {
    this.first[this.n] = first;
    this.last[this.n] = last;
    this.ids[this.n++] = digitsId(digits, this.texts);
  }

  digits(i: number): string {
    return digitsText(this.ids[i] ?? 0, this.texts);
  }

  clear(): void {
    this.n = 0;
    this.texts.length = 0;
  }
}

/**
 * The element read by the last wordElement or compoundElement call: its digits (its tokens are
 * the call's k to the last token it returns). Module state, not an object per element.
 */
let elementDigits = '';

/**
 * A compound number from k ("three hundred seventy-eight", "trescientos diez mil cinco"): its
 * last token, its value's digits in `elementDigits`; -1 unless it has a hundred or a thousand.
 */
function compoundElement(T: TokenList, k: number): number {
  let total = 0;
  let current = 0;
  let multiplied = false;
  let end = -1;
  for (let j = k; j < T.n;) {
    const i = NUMBER_WORDS.indexAt(T, j);
    if (i < 0) break;
    const unit = UNIT_VALUE[i] ?? -1;
    const teen = TEEN_VALUE[i] ?? -1;
    const tens = TENS_VALUE[i] ?? -1;
    const hundreds = HUNDREDS_OF[i] ?? -1;
    const thousand = THOUSAND_OF[i] === true;
    const rest = current % 100;
    if (unit >= 1 && rest % 10 === 0 && (rest === 0 || rest >= 20)) current += unit;
    else if (teen >= 0 && rest === 0) current += teen;
    else if (tens >= 0 && rest === 0) current += tens * 10;
    else if (hundreds === 0 && current >= 0 && current < 10) current = Math.max(current, 1) * 100;
    else if (hundreds > 0 && current === 0) current = hundreds;
    else if (thousand && total === 0 && current < 1000) {
      total = Math.max(current, 1) * 1000;
      current = 0;
    } else break;
    if (hundreds >= 0 || thousand) multiplied = true;
    end = j;
    j++;
    if (T.isPunct(j, '-') && T.gap(j) === 0) j++;
    else if (COMPOUND_JOIN.at(T, j)) j++;
  }
  if (!multiplied) return -1;
  elementDigits = String(total + current);
  return end;
}

const MULTIPLIERS = new WordSet([...Object.keys(HUNDREDS), ...THOUSANDS]);

/** A hundred or a thousand among the next few tokens: the cheap test before compoundElement. */
function multiplierNear(T: TokenList, k: number): boolean {
  for (let j = k; j < T.n && j <= k + 4; j++) if (MULTIPLIERS.at(T, j)) return true;
  return false;
}

/**
 * A number word at k (with the words it takes): the element's last token, its digits in
 * `elementDigits`; -1 when k is not one.
 */
function wordElement(T: TokenList, k: number, afterNumber: boolean): number {
  const i = NUMBER_WORDS.indexAt(T, k);
  if (i < 0) return -1;
  const repeat = REPEAT_OF[i] ?? 0;
  if (i !== OH && repeat === 0 && multiplierNear(T, k)) {
    const end = compoundElement(T, k);
    if (end >= 0) return end;
  }
  if ((HUNDREDS_OF[i] ?? -1) >= 0 || THOUSAND_OF[i] === true) return -1;
  if (i === OH) return afterNumber ? element('0', k) : -1;
  if (repeat !== 0) {
    const next = k + 1;
    if (next >= T.n || T.gap(next) === 0) return -1;
    let d: string | undefined;
    const word = NUMBER_WORDS.indexAt(T, next);
    if (word >= 0) d = word === OH ? '0' : UNIT_OF[word];
    else if (T.isNum(next) && T.len(next) === 1) d = T.digitsAt(next);
    return d === undefined ? -1 : element(repeated(d, repeat), next);
  }
  const unit = UNIT_OF[i];
  if (unit !== undefined) return element(unit, k);
  const teen = TEEN_OF[i];
  if (teen !== undefined) return element(teen, k);
  const tens = TENS_OF[i];
  if (tens === undefined) return -1;
  // "thirty seven", "thirty-seven", "treinta y siete".
  let j = k + 1;
  if (T.isPunct(j, '-') || TENS_JOIN.at(T, j)) j++;
  const word = NUMBER_WORDS.indexAt(T, j);
  const u = word < 0 ? undefined : UNIT_OF[word];
  if (u !== undefined && u !== '0') return element(twoDigits(tens, u), j);
  return element(twoDigits(tens, '0'), k);
}

/** Sets the element's digits; returns its last token. */
function element(digits: string, last: number): number {
  elementDigits = digits;
  return last;
}

/** Texts of two digits ("37", and "55" for "double five"), each made once. */
const PAIRS: string[] = [];
function twoDigits(a: string, b: string): string {
  const i = (a.charCodeAt(0) - 48) * 10 + b.charCodeAt(0) - 48;
  return (PAIRS[i] ??= a + b);
}

/** A digit said `times` times ("double five" = 55, "triple oh" = 000). */
function repeated(d: string, times: number): string {
  if (times === 2) return twoDigits(d, d);
  return times === 3 ? (TRIPLES[d.charCodeAt(0) - 48] ??= d.repeat(3)) : d.repeat(times);
}
const TRIPLES: string[] = [];

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
function pushJoined(T: TokenList, seq: PieceList, first: number, end: number, out: Pieces): void {
  // The piece being joined (none while jFirst < 0): its tokens and digits.
  let jFirst = -1;
  let jLast = -1;
  let jDigits = '';
  let words = false; // the joined piece holds a number word (digit runs alone keep their shape)
  let prevEnd = -1;
  let i = 0;
  for (let k = first; k <= end; k++) {
    const isPiece = i < seq.n && seq.first[i] === k;
    if (!isPiece && !T.isNum(k)) continue; // a mark or a joining word
    const last = isPiece ? (seq.last[i] ?? k) : k;
    const digits = isPiece ? seq.digits(i) : T.digitsAt(k);
    if (isPiece) i++;
    if (jFirst >= 0 && k > prevEnd + 1) {
      jLast = last;
      jDigits += digits;
    } else {
      if (jFirst >= 0 && words) out.push(jFirst, jLast, jDigits);
      jFirst = -1;
      words = false;
      // A word piece alone stays a piece; a digit run starts one only before a mark.
      if (isPiece || (k + 1 <= end && !T.isNum(k + 1))) {
        jFirst = k;
        jLast = last;
        jDigits = digits;
      }
    }
    if (isPiece) words = true;
    // A word piece with nothing joined to it is pushed as it is.
    if (
      isPiece &&
      jFirst === k &&
      (last + 1 > end || T.isNum(last + 1) || (i < seq.n && seq.first[i] === last + 1))
    ) {
      if (words) out.push(jFirst, jLast, jDigits);
      jFirst = -1;
      words = false;
    }
    prevEnd = last;
    k = last;
  }
  if (jFirst >= 0 && words) out.push(jFirst, jLast, jDigits);
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
export function wordPieces(T: TokenList, out: Pieces): void {
  const n = T.n;
  const sq = new Sequence(T, out);
  for (let k = 0; k < n; k++) {
    const lastEnd = sq.lastEnd;
    if (lastEnd >= 0) {
      if (
        k === lastEnd + 1 &&
        (ELEMENT_MARKS[T.isPunct(k) ? T.hash(k) & 127 : 0] === 1 || ELEMENT_WORDS.at(T, k))
      )
        continue;
      const joined =
        (k === lastEnd + 1 && T.gap(k) > 0) ||
        (k === lastEnd + 2 && (T.isPunct(lastEnd + 1) || ELEMENT_WORDS.at(T, lastEnd + 1)));
      if (joined) {
        // The next element, or the end of the sequence (k starts none: it was no element).
        if (sq.element(k)) k = sq.lastEnd;
        else sq.flush();
        continue;
      }
      sq.flush();
    }
    if (sq.element(k)) k = sq.lastEnd;
  }
  sq.flush();
  sq.seq.release();
}

/** The number-word sequence wordPieces is reading (one object per text, not per element). */
class Sequence {
  /** The word elements of the sequence. */
  readonly seq: PieceList;
  wordDigits = 0;
  allDigits = 0;
  /** Last token of the sequence's last element, -1 when there is none. */
  lastEnd = -1;
  /** First token of the sequence. */
  seqFirst = -1;

  constructor(
    private readonly T: TokenList,
    private readonly out: Pieces,
  ) {
    this.seq = new PieceList(T.words);
  }

  /** Reads token k as the next element (the first when there is none): true when it is one. */
  element(k: number): boolean {
    const T = this.T;
    const fresh = this.lastEnd < 0;
    if (T.isNum(k) && !gluedToWord(T, k)) {
      if (fresh) this.seqFirst = k;
      this.allDigits += T.len(k);
      this.lastEnd = k;
      return true;
    }
    if (T.isWord(k) && !(fresh && k > 0 && ORDINAL_BEFORE.at(T, k - 1))) {
      const last = wordElement(T, k, !fresh);
      if (last >= 0 && !COUNTED.at(T, last + 1)) {
        const digits = elementDigits;
        if (fresh) this.seqFirst = k;
        this.seq.push(k, last, digits);
        this.wordDigits += digits.length;
        this.allDigits += digits.length;
        this.lastEnd = last;
        return true;
      }
    }
    return false;
  }

  /** Ends the sequence: its pieces when it is spoken digits. */
  flush(): void {
    if (this.lastEnd < 0) return; // nothing read
    const { T, seq, wordDigits, allDigits, seqFirst, lastEnd } = this;
    const first = seq.n > 0 ? Math.min(seqFirst, seq.first[0] ?? seqFirst) : seqFirst;
    const spoken =
      (wordDigits >= 2 && allDigits >= 3) ||
      seq.n >= 2 ||
      // A number word against a run of digits: "4111 one 1111", "zero 009".
      (wordDigits >= 1 && allDigits > wordDigits && allDigits >= 3) ||
      (wordDigits >= 1 && endOfShortReply(T, first, lastEnd) && !pronoun(T, first, seq.n));
    if (spoken) pushJoined(T, seq, first, lastEnd, this.out);
    seq.clear();
    this.seqFirst = -1;
    this.wordDigits = 0;
    this.allDigits = 0;
    this.lastEnd = -1;
  }
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
