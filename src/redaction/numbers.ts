/**
 * Shapes of benign numbers, shared by the context rules and the split-number rule.
 */
import { NUM, PUNCT, WORD } from './tokens.js';
import { WordSet } from './word-set.js';
import { LENGTH_WORDS } from './rules/benign.js';
import type { TokenList } from './tokens.js';

const CURRENCY = new Set(['$', '€', '£', '¥', '₹', '₱', '¢']);
/** A currency sign at token j ("$" by its hash alone: see TokenList.isPunct). */
function currencyAt(T: TokenList, j: number): boolean {
  if (!T.isPunct(j)) return false;
  const h = T.hash(j);
  return h === 0x24 || (h > 127 && CURRENCY.has(T.key(j)));
}

/**
 * The punctuation that glues the parts of an amount, date, time or decimal at token j ("127.43",
 * "08/15", "10:30", "1,234"): its character code ('/', ':', '.' or ','), else 0.
 */
function joinerAt(T: TokenList, j: number): number {
  if (!T.isPunct(j)) return 0;
  const h = T.hash(j);
  return h === 0x2f || h === 0x3a || h === 0x2e || h === 0x2c ? h : 0;
}

/** Run k is part of an amount, date, time, decimal or percentage ("$127", "08/15", "10:30", "5%"). */
export function formattedNumber(T: TokenList, k: number): boolean {
  // "$127", "$ 504", "$1,234.56": an amount of at most seven digits before its cents.
  if (T.gap(k) <= 1 && currencyAt(T, k - 1)) return T.len(k) <= AMOUNT_DIGITS;
  if (T.gap(k) === 0) {
    const p = joinerAt(T, k - 1);
    if (p !== 0 && T.gap(k - 1) === 0 && T.isNum(k - 2)) return joinedShape(T, p, k - 2, k);
  }
  if (T.isPunct(k + 1) && T.gap(k + 1) === 0) {
    if (T.hash(k + 1) === 0x25) return T.len(k) <= 3; // %
    const nx = joinerAt(T, k + 1);
    if (nx !== 0 && T.isNum(k + 2) && T.gap(k + 2) === 0) return joinedShape(T, nx, k, k + 2);
  }
  return false;
}

/** Digits an amount may have before its cents ("$1,234,567.89"). */
const AMOUNT_DIGITS = 7;

/**
 * Runs a and b joined by mark p have the shape of a time ("10:30", "1:05:22"), a decimal or
 * thousands ("127.43", "1,234", "72,23"), or a date or fraction ("08/15", "2024/08/15"): what
 * is joined by such a mark but has none of these shapes ("3782:822463") is a plain number.
 */
function joinedShape(T: TokenList, p: number, a: number, b: number): boolean {
  const la = T.len(a);
  const lb = T.len(b);
  if (p === 0x3a) return la <= 2 && lb === 2 && Number(T.key(b)) <= 59; // :
  if (p === 0x2f) return la <= 4 && lb <= 4; // /
  if (lb <= 2) return la <= AMOUNT_DIGITS; // cents, decimals
  return lb === 3 && la <= 3; // thousands
}

/**
 * Digit counts of a US phone number's groups: 3-3-4 or 1-3-3-4. (3-7 is no format people use
 * for a phone number, and "340-0000000" is how a card's first ten are typed.)
 */
export function phoneShape(lengths: readonly number[]): boolean {
  const [a, b, c, d] = lengths;
  if (lengths.length === 3) return a === 3 && b === 3 && c === 4;
  return lengths.length === 4 && a === 1 && b === 3 && c === 3 && d === 4;
}

/**
 * Run k belongs to a phone number written with '-' or '.' between its groups
 * ("555-123-4567", "1.800.528.4800"): the chain of runs glued by one such mark is phone-shaped.
 */
export function inPhoneNumber(T: TokenList, k: number): boolean {
  if (T.t(k) !== NUM) return false;
  let first = k;
  for (let i = 0; i < 4 && joinedToNext(T, first - 2); i++) first -= 2;
  // The chain's runs (up to five): their digit counts, without an array per run.
  let runs = 0;
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let j = first; ; j += 2) {
    const len = T.len(j);
    if (runs === 0) a = len;
    else if (runs === 1) b = len;
    else if (runs === 2) c = len;
    else if (runs === 3) d = len;
    runs++;
    if (runs > 4 || !joinedToNext(T, j)) break;
  }
  // phoneShape of those counts.
  if (runs === 3) return a === 3 && b === 3 && c === 4;
  return runs === 4 && a === 1 && b === 3 && c === 3 && d === 4;
}

/** Runs a and a + 2 are joined by one glued '-' or '.'. */
function joinedToNext(T: TokenList, a: number): boolean {
  if (!T.isNum(a) || !T.isPunct(a + 1) || !T.isNum(a + 2) || T.gap(a + 1) !== 0 || T.gap(a + 2) !== 0)
    return false;
  const c = T.hash(a + 1);
  return c === 45 || c === 46;
}

const LENGTHS = new WordSet(LENGTH_WORDS);
/** "3 or 4 digits", "6 to 8 characters". */
const LENGTH_JOINERS = new WordSet(['or', 'o', 'to', 'a']);

/** "the 3-digit code", "3 or 4 digits", "a 6 digit pin": run k is a length, not a value. */
export function isLengthDescription(T: TokenList, k: number): boolean {
  if (T.len(k) > 2) return false;
  for (let j = k + 1, steps = 0; j < T.n && steps < 4; j++, steps++) {
    const type = T.t(j);
    if (type === WORD) {
      if (LENGTHS.at(T, j)) return true;
      if (!LENGTH_JOINERS.at(T, j)) return false;
    } else if (type === NUM) {
      if (T.len(j) > 2) return false;
    } else if (type !== PUNCT || T.key(j) !== '-') return false;
  }
  return false;
}
