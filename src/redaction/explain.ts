/**
 * Why a number says what it is: the split-number rule (ledger.ts) reads such a number as
 * EXPLAINED, not as a possible part of a card.
 *
 * - its shape: an amount, date, time or percentage ("$127.43", "08/15", "10:30", "5%"), a
 *   phone number ("212-555-1234", "(212) 555-1234", "+44 20 7946 0958"), a date with dashes
 *   ("2024-08-15"), digits glued to letters ("AMX-4KF7-Q2ZD", "1Z999AA1…", "15th");
 * - a benign cue that claimed it ("zip 10001", "order 112-…", "last four 1005", "call …");
 * - the agent's question: a reply of the length it asked for (last four → 4 digits, ZIP → 5
 *   or 9, phone → 7, 10 or 11, a case or order number → any);
 * - a word next to it, for numbers of the sizes the word is used with: an amount word before it
 *   or a unit after it ("paid 500", "257139 points": up to 7 digits), a street after a house
 *   number (up to 5), a state or a street before a ZIP ("NY 10285"), a quantity ("3 times"), a
 *   place in a list or an address ("apt 4", "option 2"), a month ("Aug 15"), a year's word
 *   ("since 2015") (up to 4).
 * One table gives every word its tags, so a number's neighbours are each looked up once.
 */
import { WordSet } from './word-set.js';
import { hashKey } from './tokenizer.js';
import type { TokenList } from './tokens.js';
import { formattedNumber, inPhoneNumber } from './numbers.js';
import { explainedByQuestion } from './context.js';
import type { Analysis, Expectation } from './context.js';
import {
  AMOUNT_UNIT_WORDS,
  AMOUNT_WORDS,
  MONTHS,
  NAMING_WORDS,
  QUANTITY_WORDS,
  STREET_WORDS,
  US_STATES,
  YEAR_CUES,
} from './rules/benign.js';

const AMOUNT = 1;
const UNIT = 2;
const QUANTITY = 4;
const STREET = 8;
const NAMING = 16;
const MONTH = 32;
const YEAR = 64;

/** Folded word → its tags, by hash (built on first use, like every table of the engine). */
let tagTable: Map<number, { word: string; tags: number }[]> | undefined;

function buildTags(): Map<number, { word: string; tags: number }[]> {
  const table = new Map<number, { word: string; tags: number }[]>();
  const add = (words: Iterable<string>, tag: number): void => {
    for (const word of words) {
      const h = hashKey(word);
      const list = table.get(h) ?? [];
      const entry = list.find((e) => e.word === word);
      if (entry !== undefined) entry.tags |= tag;
      else list.push({ word, tags: tag });
      table.set(h, list);
    }
  };
  add(AMOUNT_WORDS, AMOUNT);
  add(AMOUNT_UNIT_WORDS, UNIT);
  add(QUANTITY_WORDS, QUANTITY);
  add(STREET_WORDS, STREET);
  add(NAMING_WORDS, NAMING);
  add(MONTHS, MONTH);
  add(YEAR_CUES, YEAR);
  return table;
}

/** Tags of token k (0 when it is no word of the tables). */
function tagsOf(T: TokenList, k: number): number {
  if (!T.isWord(k)) return 0;
  const list = (tagTable ??= buildTags()).get(T.hash(k));
  if (list === undefined) return 0;
  for (const e of list) if (T.keyIs(k, e.word)) return e.tags;
  return 0;
}

/** Explanations by a word next to the number apply up to this many digits… */
const WORD_EXPLAINS_DIGITS = 4;
/** …a street word after a house number up to this many ("22289 Madison St")… */
const STREET_EXPLAINS_DIGITS = 5;
/** …and amounts ("paid 500", "limit 12000", "257139 points") up to this many. */
export const AMOUNT_EXPLAINS_DIGITS = 7;
/** Words looked at on each side of a number. */
const NEIGHBOURS = 4;

/**
 * A run explained on its own, by its shape or a cue: claimed by a benign cue, part of an
 * amount/date/time or of a phone number written with dashes or dots, glued to letters, after
 * '+' or '#', or in parentheses ("(212)").
 */
export function explainedRun(T: TokenList, an: Analysis, r: number): boolean {
  if (an.claimed[r] !== 0 || formattedNumber(T, r) || inPhoneNumber(T, r)) return true;
  const before = T.gap(r) === 0 && T.isWord(r - 1) ? r - 1 : -1;
  const after = r + 1 < T.n && T.gap(r + 1) === 0 && T.isWord(r + 1) ? r + 1 : -1;
  if ((before >= 0 || after >= 0) && gluedExplains(T, r, before, after)) return true;
  if (T.gap(r) === 0 && T.isPunct(r - 1, '+')) return true;
  // "#721", "NETFLIX #75831": longer numbers after '#' need a word that names them ("order #").
  if (T.gap(r) === 0 && T.isPunct(r - 1, '#') && T.len(r) <= 5) return true;
  // "(212)": an area code.
  if (
    T.gap(r) === 0 &&
    T.isPunct(r - 1, '(') &&
    T.isPunct(r + 1, ')') &&
    T.gap(r + 1) === 0 &&
    T.len(r) === 3
  )
    return true;
  return afterAreaCode(T, r);
}

/**
 * Run r glued to letters explains itself as part of a code ("AMX-4KF7-Q2ZD", "1Z999AA1…",
 * "DL1234"), except in the shapes that dress card digits up: one letter glued to more than two
 * digits ("a3782", "x4111"; "14C", "B12" stay codes) and an ordinal ending on more than four
 * ("3782nd" yes, "822463rd" no).
 */
function gluedExplains(T: TokenList, r: number, before: number, after: number): boolean {
  if (before < 0 && after >= 0 && T.e(after) - T.s(after) === 2 && ORDINAL_ENDINGS.at(T, after))
    return T.len(r) <= 4;
  // Letters in the whole glued chunk: a code has two or more ("1Z4A7W3903…", "AMX-4KF7").
  let letters = 0;
  for (let k = r; k >= 0 && (k === r || T.gap(k + 1) === 0) && letters < 2; k--)
    if (T.isWord(k)) letters += T.e(k) - T.s(k);
  for (let k = r + 1; k < T.n && T.gap(k) === 0 && letters < 2; k++)
    if (T.isWord(k)) letters += T.e(k) - T.s(k);
  return letters >= 2 || T.len(r) <= 2;
}
const ORDINAL_ENDINGS = new WordSet(['st', 'nd', 'rd', 'th']);

/** Run r belongs to the "555-1234" of "(212) 555-1234". */
function afterAreaCode(T: TokenList, r: number): boolean {
  if (T.len(r) !== 3 && T.len(r) !== 4) return false;
  let f = r;
  if (T.isPunct(r - 1, '-') && T.isNum(r - 2) && T.gap(r) === 0 && T.gap(r - 1) === 0) f = r - 2;
  const g =
    f === r && T.isPunct(r + 1, '-') && T.isNum(r + 2) && T.gap(r + 1) === 0 && T.gap(r + 2) === 0
      ? r + 2
      : r;
  const rest = f === r ? g : r;
  if (T.len(f) !== 3 || T.len(rest) !== 4 || f === rest) return false;
  return T.isPunct(f - 1, ')') && T.isNum(f - 2) && T.len(f - 2) === 3 && T.isPunct(f - 3, '(');
}

/** Runs [a, b, c] read as a date with dashes: 2024-08-15, 08-15-2024 (valid month and day). */
function dashDate(T: TokenList, runs: readonly number[]): boolean {
  if (runs.length !== 3 || !dashAfter(T, runs[0] ?? 0) || !dashAfter(T, runs[1] ?? 0)) return false;
  const a = T.key(runs[0] ?? 0);
  const b = T.key(runs[1] ?? 0);
  const c = T.key(runs[2] ?? 0);
  return (
    (a.length === 4 && isYear(a) && isMonth(b) && isDay(c)) ||
    (isMonth(a) && isDay(b) && isYear(c)) ||
    (isDay(a) && isMonth(b) && isYear(c))
  );
}

/** Run r is followed by a dash glued to it and to the next run. */
function dashAfter(T: TokenList, r: number): boolean {
  return T.isPunct(r + 1, '-') && T.gap(r + 1) === 0 && T.gap(r + 2) === 0;
}

function isDay(d: string): boolean {
  return d.length <= 2 && Number(d) >= 1 && Number(d) <= 31;
}

function isMonth(m: string): boolean {
  return m.length <= 2 && Number(m) >= 1 && Number(m) <= 12;
}

function isYear(y: string): boolean {
  return y.length === 2 || (y.length === 4 && (y.startsWith('19') || y.startsWith('20')));
}

/**
 * The tags of the words after token `last`, in the same clause (a comma or a full stop ends
 * it), packed one byte per word: the i-th word's tags at bits 8·i (no array per number).
 */
function wordsAfter(T: TokenList, last: number): number {
  let packed = 0;
  for (let j = last + 1, i = 0; j < T.n && i < NEIGHBOURS; j++) {
    if (T.isPunct(j)) {
      if (T.hash(j) === 0x2c || T.hash(j) === 0x2e) break; // , .
      continue;
    }
    if (T.isNum(j)) continue;
    packed |= tagsOf(T, j) << (8 * i++);
  }
  return packed;
}

/** The tags of the words before token `first`, nearest first, within its sentence, packed. */
function wordsBefore(T: TokenList, first: number): number {
  let packed = 0;
  for (let j = first - 1, i = 0; j >= 0 && i < NEIGHBOURS; j--) {
    if (T.isPunct(j)) {
      if (T.hash(j) === 0x2e || T.hash(j) === 0x3f || T.hash(j) === 0x21) break; // . ? !
      continue;
    }
    if (!T.isWord(j)) break;
    packed |= tagsOf(T, j) << (8 * i++);
  }
  return packed;
}

/** One of the first `n` packed words has `tag`. */
function some(packed: number, n: number, tag: number): boolean {
  for (let i = 0; i < n; i++) if (((packed >>> (8 * i)) & tag) !== 0) return true;
  return false;
}

/**
 * A group explained by its runs' shape (phone, date), the agent's question or a word next to it.
 * `runs` holds its runs when it has at most four (a phone number or a date has no more).
 */
export function explainedGroup(
  T: TokenList,
  first: number,
  last: number,
  runs: readonly number[],
  count: number,
  expect: Expectation | null,
): boolean {
  // A phone number or a date with spaces between its groups ("340 0000000", "3 4 00") is also
  // how a card is typed in parts: only one joined by dashes or dots says what it is.
  if (dashDate(T, runs)) return true;
  // "+44 20 7946 0958": an international number, whatever its grouping.
  if (T.gap(first) === 0 && T.isPunct(first - 1, '+')) return true;
  // "(212) 555-1234": the rest of a phone number after an area code in parentheses.
  if (count === 7 && T.isPunct(first - 1, ')') && T.isNum(first - 2) && T.len(first - 2) === 3) return true;
  if (expect !== null && explainedByQuestion(expect.benign, count, false)) return true;
  if (count > AMOUNT_EXPLAINS_DIGITS) return false;
  if ((count === 5 || count === 9) && (afterState(T, first) || zipOfAddress(T, first))) return true;
  const after = wordsAfter(T, last);
  const before = wordsBefore(T, first);
  if (some(before, NEIGHBOURS, AMOUNT) || some(after, 1, UNIT)) return true; // "paid 500", "695 dólares"
  if (count <= STREET_EXPLAINS_DIGITS && some(after, NEIGHBOURS, STREET)) return true; // "881 Ponce de Leon Road"
  if (count > WORD_EXPLAINS_DIGITS) return false;
  if (some(after, 2, QUANTITY | MONTH)) return true; // "7 business days", "15 de agosto"
  if (some(before, 1, NAMING | MONTH) || some(before, 2, MONTH)) return true; // "apt 4", "Aug 15"
  if (count === 4 && (some(before, 1, YEAR) || monthBefore(T, first))) {
    const y = Number(T.key(first));
    if (y >= 1900 && y <= 2099) return true; // "since 2015", "April 19, 2026"
  }
  return false;
}

/** A month among the four tokens before `first` ("April 19, 2026"). */
function monthBefore(T: TokenList, first: number): boolean {
  for (let j = first - 1, steps = 0; j >= 0 && steps < 4; j--, steps++)
    if ((tagsOf(T, j) & MONTH) !== 0) return true;
  return false;
}

/** "4022 S Main Ave, Salt Lake City 84121": a ZIP after a street word in the same line. */
function zipOfAddress(T: TokenList, first: number): boolean {
  for (let j = first - 1, steps = 0; j >= 0 && steps < 12; j--, steps++) {
    // The address's line: a question or exclamation mark ends it, an abbreviation's dot does not.
    if (T.nl(j + 1) || (T.isPunct(j) && (T.hash(j) === 0x3f || T.hash(j) === 0x21))) return false;
    if ((tagsOf(T, j) & STREET) !== 0) return true;
  }
  return false;
}

/** "NY 10285", "PA 19192-1234": a ZIP code after a state abbreviation in capitals. */
function afterState(T: TokenList, first: number): boolean {
  let w = first - 1;
  if (T.isPunct(w, ',')) w--;
  if (!T.isWord(w) || T.len(w) !== 2) return false;
  // In capitals ("NY 10285"), or in lower case after the city's comma (", ma 02111").
  const raw = T.src.slice(T.s(w), T.e(w));
  return US_STATES.has(raw) || (T.isPunct(w - 1, ',') && US_STATES.has(raw.toUpperCase()));
}
