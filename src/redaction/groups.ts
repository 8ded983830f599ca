/**
 * The digit groups of one message, for the split-number rule (ledger.ts), each marked plain or
 * explained.
 *
 * A GROUP is a run of digit runs joined by spaces, line breaks, dashes or connector words
 * ("3782 822463", "4111 and 1111"), after number words and look-alikes were read as digits
 * (decode.ts). A group is EXPLAINED when it says what it is:
 * - its shape: an amount, date, time or percentage ("$127.43", "08/15", "10:30", "5%"), a phone
 *   number ("212-555-1234", "(212) 555-1234", "+44 20 7946 0958"), digits glued to letters
 *   ("AMX-4KF7-Q2ZD", "1Z999AA1…", "15th");
 * - a word: a benign cue claimed it ("zip 10001", "order 112-…", "last four 1005", "call …");
 *   or, for numbers of at most four digits, a quantity ("3 times", "45 minutes"), a place in
 *   an address or a list ("200 Vesey Street", "apt 4", "option 2"), a year ("since 2015"), a
 *   day next to a month ("Aug 15", "15 de agosto");
 * - the agent's question: a reply of the length it asked for (last four → 4 digits, ZIP → 5 or
 *   9, phone → 7, 10 or 11, a case or order number → any).
 * Every other group is PLAIN. Lengths ("3 or 4 digits") are not groups at all.
 */
import { NUM, PUNCT, WORD, WordSet } from './tokens.js';
import type { TokenList } from './tokens.js';
import { formattedNumber, inPhoneNumber, isLengthDescription, phoneShape } from './numbers.js';
import { explainedByQuestion } from './context.js';
import type { Analysis, Expectation } from './context.js';
import {
  AMOUNT_UNIT_WORDS,
  AMOUNT_WORDS,
  CONNECTOR_WORDS,
  MONTHS,
  NAMING_WORDS,
  QUANTITY_WORDS,
  STREET_WORDS,
  US_STATES,
  YEAR_CUES,
} from './rules/benign.js';

export interface Group {
  /** Digit runs of the group (token indices), in order. */
  runs: number[];
  /** Number of digits. */
  count: number;
  explained: boolean;
}

/** Explanations by a word next to the number apply up to this many digits… */
const WORD_EXPLAINS_DIGITS = 4;
/** …a street word after a house number up to this many ("22289 Madison St")… */
const STREET_EXPLAINS_DIGITS = 5;
/** …and amounts ("paid 500", "limit 12000", "257139 points") up to this many. */
const AMOUNT_EXPLAINS_DIGITS = 7;
/** Words an amount word may stand before the number: "my limit went down to 10000". */
const AMOUNT_LOOKBACK = 4;
const AMOUNTS = new WordSet(AMOUNT_WORDS);
const CONNECTORS = new WordSet(CONNECTOR_WORDS);
const QUANTITIES = new WordSet(QUANTITY_WORDS);
const AMOUNT_UNITS = new WordSet(AMOUNT_UNIT_WORDS);
const YEARS = new WordSet(YEAR_CUES);
const STREETS = new WordSet(STREET_WORDS);
const NAMING = new WordSet(NAMING_WORDS);
const MONTH_NAMES = new WordSet(MONTHS);
const STATES: ReadonlySet<string> = US_STATES;
/** Punctuation that joins the digit runs of one group: only the dash (and whitespace). */
const DASH = 45;

/** A digit run the group finder may use: not removed by a rule, not the residue of a mask. */
function usable(T: TokenList, an: Analysis, k: number): boolean {
  return T.isNum(k) && an.consumed[k] === 0 && !T.mask(k);
}

/**
 * A run explained on its own, by its shape or a cue: claimed by a benign cue, part of an
 * amount/date/time or of a phone number written with dashes or dots, glued to letters, after
 * '+' or '#', or in parentheses ("(212)").
 */
function explainedRun(T: TokenList, an: Analysis, r: number): boolean {
  if (an.claimed[r] !== 0 || formattedNumber(T, r) || inPhoneNumber(T, r)) return true;
  if ((T.gap(r) === 0 && T.isWord(r - 1)) || (r + 1 < T.n && T.gap(r + 1) === 0 && T.isWord(r + 1)))
    return true;
  if (T.gap(r) === 0 && (T.isPunct(r - 1, '+') || T.isPunct(r - 1, '#'))) return true;
  if (T.gap(r) === 0 && T.isPunct(r - 1, '(') && T.isPunct(r + 1, ')') && T.gap(r + 1) === 0) return true;
  return afterAreaCode(T, r);
}

/** Run r belongs to the "555-1234" of "(212) 555-1234". */
function afterAreaCode(T: TokenList, r: number): boolean {
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

/**
 * The run joined to run j by a dash, a connector word or whitespace, or -1. Runs glued by other
 * punctuation ("127.43", "08/15") stay apart, and a run explained on its own never joins a
 * plain one (an amount cannot lend its explanation to the number after it).
 */
function nextRun(T: TokenList, an: Analysis, j: number, own: boolean): number {
  let m = j + 1;
  for (let skipped = 0; m < T.n && skipped < 4; skipped++) {
    if (an.consumed[m] === 1) return -1;
    if ((T.t(m) === PUNCT && T.hash(m) === DASH) || CONNECTORS.at(T, m)) m++;
    else break;
  }
  if (!usable(T, an, m) || isLengthDescription(T, m) || explainedRun(T, an, m) !== own) return -1;
  return m;
}

/** The word just before token k (across one punctuation mark), or -1. */
function wordBefore(T: TokenList, k: number): number {
  if (T.isWord(k - 1)) return k - 1;
  if (T.isPunct(k - 1) && T.isWord(k - 2)) return k - 2;
  return -1;
}

/** An amount word among the few words before the number, in its sentence ("my limit went down to 10000"). */
function amountWordBefore(T: TokenList, first: number): boolean {
  for (let j = first - 1, words = 0; j >= 0 && words < AMOUNT_LOOKBACK; j--) {
    if (T.t(j) === PUNCT) {
      if (T.hash(j) === 0x2e || T.hash(j) === 0x3f || T.hash(j) === 0x21) return false; // . ? !
      continue;
    }
    if (T.t(j) !== WORD) return false;
    if (AMOUNTS.at(T, j)) return true;
    words++;
  }
  return false;
}

/** Runs [a, b, c] read as a date with dashes: 2024-08-15, 08-15-2024 (valid month and day). */
function dashDate(T: TokenList, runs: readonly number[]): boolean {
  if (runs.length !== 3) return false;
  const [a, b, c] = runs.map((r) => T.key(r));
  const day = (d: string | undefined) =>
    d !== undefined && d.length <= 2 && Number(d) >= 1 && Number(d) <= 31;
  const month = (m: string | undefined) =>
    m !== undefined && m.length <= 2 && Number(m) >= 1 && Number(m) <= 12;
  const year = (y: string | undefined) =>
    y !== undefined && (y.length === 2 || (y.length === 4 && /^(19|20)/.test(y)));
  return (
    (a?.length === 4 && year(a) && month(b) && day(c)) ||
    (month(a) && day(b) && year(c)) ||
    (day(a) && month(b) && year(c))
  );
}

/** A group explained by its runs' shape (phone, date), the agent's question or a word next to it. */
function explainedGroup(
  T: TokenList,
  runs: readonly number[],
  count: number,
  expect: Expectation | null,
): boolean {
  const first = runs[0] ?? 0;
  const last = runs[runs.length - 1] ?? 0;
  if (runs.length >= 2 && runs.length <= 4) {
    const lengths: number[] = [];
    for (const r of runs) lengths.push(T.len(r));
    if (phoneShape(lengths)) return true; // "212 555 1234"
  }
  if (dashDate(T, runs)) return true;
  // "+44 20 7946 0958": an international number, whatever its grouping.
  if (T.gap(first) === 0 && T.isPunct(first - 1, '+')) return true;
  // "(212) 555-1234": the rest of a phone number after an area code in parentheses.
  if (count === 7 && T.isPunct(first - 1, ')') && T.isNum(first - 2) && T.len(first - 2) === 3) return true;
  if (expect !== null && explainedByQuestion(expect.benign, count, false)) return true;
  const before = wordBefore(T, first);
  if (count <= AMOUNT_EXPLAINS_DIGITS && (amountWordBefore(T, first) || wordWithin(T, last, 1, AMOUNT_UNITS)))
    return true; // "paid 500", "257139 points", "695 dólares"
  if (afterState(T, first, count) || zipOfAddress(T, first, count)) return true;
  if (count <= STREET_EXPLAINS_DIGITS && wordWithin(T, last, 4, STREETS)) return true; // "881 Ponce de Leon Road"
  if (count > WORD_EXPLAINS_DIGITS) return false;
  if (wordWithin(T, last, 2, QUANTITIES)) return true; // "7 business days"
  if (wordWithin(T, last, 2, MONTH_NAMES)) return true; // "15 Aug", "15 de agosto"
  if (before >= 0 && (NAMING.at(T, before) || MONTH_NAMES.at(T, before) || MONTH_NAMES.at(T, before - 1)))
    return true;
  if (count === 4 && yearCue(T, first, before)) {
    const y = Number(T.key(first));
    if (y >= 1900 && y <= 2099) return true;
  }
  return false;
}

/** One of `words` among the `max` words right after token k (same sentence). */
function wordWithin(T: TokenList, k: number, max: number, words: WordSet): boolean {
  for (let j = k + 1, seen = 0; j < T.n && seen < max; j++) {
    if (T.t(j) === PUNCT) {
      if (T.hash(j) === 0x2c || T.hash(j) === 0x2e) return false; // , .
      continue;
    }
    if (T.t(j) === NUM) continue;
    if (words.at(T, j)) return true;
    seen++;
  }
  return false;
}

/** A year's cue: "since 2015", "en 2019", or a date before it ("April 19, 2026", "15 de agosto de 2026"). */
function yearCue(T: TokenList, first: number, before: number): boolean {
  if (before >= 0 && YEARS.at(T, before)) return true;
  for (let j = first - 1, steps = 0; j >= 0 && steps < 4; j--, steps++) if (MONTH_NAMES.at(T, j)) return true;
  return false;
}

/** "4022 S Main Ave, Salt Lake City 84121": five (or 5+4) digits after a street word in the same line. */
function zipOfAddress(T: TokenList, first: number, count: number): boolean {
  if (count !== 5 && count !== 9) return false;
  for (let j = first - 1, steps = 0; j >= 0 && steps < 12; j--, steps++) {
    // The address's line: a question or exclamation mark ends it, an abbreviation's dot does not.
    if (T.nl(j + 1) || (T.t(j) === PUNCT && (T.hash(j) === 0x3f || T.hash(j) === 0x21))) return false;
    if (STREETS.at(T, j)) return true;
  }
  return false;
}

/** "NY 10285", "PA 19192-1234": a ZIP code after a state abbreviation in capitals. */
function afterState(T: TokenList, first: number, count: number): boolean {
  if (count !== 5 && count !== 9) return false;
  let w = first - 1;
  if (T.isPunct(w, ',')) w--;
  if (!T.isWord(w) || T.len(w) !== 2) return false;
  // In capitals ("NY 10285"), or in lower case after the city's comma (", ma 02111").
  const raw = T.src.slice(T.s(w), T.e(w));
  return STATES.has(raw) || (T.isPunct(w - 1, ',') && STATES.has(raw.toUpperCase()));
}

/** Words between the two ends of a range or list: "from 5000 to 10000", "1000 and 500", "5 o 7". */
const RANGE_JOINERS = new WordSet(['to', 'and', 'or', 'a', 'y', 'o', 'hasta', 'through', 'thru']);

/**
 * The second number of a range or a list whose first number is explained: "de 5000 a 10000",
 * "I paid 1000 and 500", "5 or 7 business days". Up to six digits, like an amount.
 */
function continuesExplained(T: TokenList, g: Group, prev: Group | undefined): boolean {
  if (prev === undefined || !prev.explained || g.count > AMOUNT_EXPLAINS_DIGITS) return false;
  const first = g.runs[0] ?? 0;
  const joiner =
    T.isWord(first - 1) && RANGE_JOINERS.at(T, first - 1)
      ? first - 1
      : T.isPunct(first - 1, '-')
        ? first - 1
        : -1;
  if (joiner < 0) return false;
  const end = prev.runs[prev.runs.length - 1] ?? -1;
  // The previous group ends right before the joiner (or one word/mark before it: "$1,000 and 500").
  return end === joiner - 1 || end === joiner - 2;
}

/** The digit groups of a message, in order. */
export function digitGroups(T: TokenList, an: Analysis, expect: Expectation | null): Group[] {
  const groups: Group[] = [];
  for (let k = 0; k < T.n; k++) {
    if (!usable(T, an, k) || isLengthDescription(T, k)) continue;
    // After '+' the rest of an international number joins the group whatever it looks like.
    const own = explainedRun(T, an, k) && !(T.gap(k) === 0 && T.isPunct(k - 1, '+'));
    const runs = [k];
    let count = T.len(k);
    for (let j = nextRun(T, an, k, own); j >= 0; j = nextRun(T, an, j, own)) {
      runs.push(j);
      count += T.len(j);
    }
    const g: Group = {
      runs,
      count,
      explained: explainedRun(T, an, k) || explainedGroup(T, runs, count, expect),
    };
    if (!g.explained && continuesExplained(T, g, groups[groups.length - 1])) g.explained = true;
    groups.push(g);
    k = runs[runs.length - 1] ?? k;
  }
  return groups;
}
