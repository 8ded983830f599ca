/**
 * Finding the value a cue talks about: the number (or code, or password) right after it or
 * right before it, within a bounded window. Each function looks at a bounded number of
 * tokens, so a message with many cues stays linear.
 */
import { NUM, PH, PUNCT, WORD } from './tokens.js';
import { WordSet } from './word-set.js';
import { BENIGN_CODE, kindCode } from './scan.js';
import type { Scan } from './scan.js';
import type { Cue } from './phrases.js';
import { CVV_DIGITS } from './rules/cvv.js';
import { OTP_DIGITS, PIN_DIGITS } from './rules/otp.js';
import { itinValid, ssaValid } from './rules/ssn.js';

/** Words that may stand between a value and the cue after it: "482917 is your code". */
const BEFORE_LINKS = new WordSet([
  'is',
  'es',
  'was',
  'as',
  'are',
  'my',
  'your',
  'the',
  'el',
  'la',
  'mi',
  'tu',
  'su',
  'this',
  'that',
  'it',
  's',
  'be',
  'being',
  'will',
  'would',
  'for',
  'para',
  'como',
  'de',
]);
/** ':' '-' ',' '=' may stand between a value and the cue after it. */
const BEFORE_PUNCT: ReadonlySet<number> = new Set([58, 45, 44, 61]);

/** Words allowed between a card number and its security code: "exp 08/27 cvv 123". */
const AFTER_PAN_WORDS = new WordSet([
  'exp',
  'expires',
  'expiry',
  'expiration',
  'date',
  'valid',
  'thru',
  'through',
  'good',
  'vence',
  'vencimiento',
  'fecha',
  'de',
  'cvv',
  'cvv2',
  'cvc',
  'cvc2',
  'cid',
  'csc',
  'security',
  'sec',
  'code',
  'codigo',
  'seguridad',
  'and',
  'y',
  'with',
  'con',
]);

/** Words allowed between an expiry cue and the date: "expiration date is 08/27". */
export const EXPIRY_LINKS = new WordSet(['date', 'is', 'es', 'el', 'la', 'of', 'de']);

const MAX_WINDOW_TOKENS = 16;
const MAX_WINDOW_WORDS = 6;
const BENIGN_WINDOW_WORDS = 5;

/** A numeric value found by a cue: its runs, digit count, and whether it is alphanumeric. */
export interface Value {
  first: number;
  last: number;
  digits: number;
  alnum: boolean;
}

/**
 * The numeric value at run k: the whole chain if `fits` accepts its digit count, else the
 * first run alone when a space follows it ("482917 10001"). Phone-shaped chains, amounts,
 * dates and times are never values.
 */
export function numericValue(sc: Scan, k: number, fits: (d: number) => boolean): Value | null {
  if (!sc.freeNum(k) || sc.formatted(k)) return null;
  const T = sc.T;
  const ch = sc.chain(k);
  const lastRun = ch[ch.length - 1] ?? k;
  if (sc.formatted(lastRun) || sc.phoneShaped(ch)) return null;
  let d = 0;
  for (const r of ch) d += T.len(r);
  if (fits(d)) return { first: k, last: lastRun, digits: d, alnum: false };
  const d0 = T.len(k);
  if (ch.length > 1 && T.gap(ch[1] ?? k) > 0 && fits(d0))
    return { first: k, last: k, digits: d0, alnum: false };
  return null;
}

/**
 * The first value after a cue ending at token `from - 1`: skips punctuation, link words and
 * length descriptions; stops at a sentence end, a benign cue, a consumed token or after
 * `maxWords` words. The first number met decides: if it does not fit, there is no value.
 */
export function valueAfter(
  sc: Scan,
  cue: Cue,
  fits: (d: number) => boolean,
  alnum: boolean,
  maxWords = MAX_WINDOW_WORDS,
): Value | null {
  const from = cue.last + 1;
  const own = kindCode(cue.kind);
  const T = sc.T;
  let words = 0;
  for (let k = from, steps = 0; k < sc.n && steps < MAX_WINDOW_TOKENS; k++, steps++) {
    const type = T.t(k);
    if (sc.consumed[k] === 1 || type === PH) return null;
    if (type === PUNCT) {
      if (sc.sentenceEnd(k)) return null;
      continue;
    }
    if (type === WORD) {
      // A benign cue owns what follows; a later cue of the same kind sees the same value.
      if (sc.cueStart[k] === BENIGN_CODE || sc.cueStart[k] === own) return null;
      if (alnum) {
        const last = sc.alnumCode(k);
        if (last >= 0) return { first: k, last, digits: 0, alnum: true };
      }
      if (++words > maxWords) return null;
      continue;
    }
    if (sc.claimed[k] !== 0 || T.mask(k)) return null;
    if (sc.lengthDescription(k)) continue;
    // Digits inside a word ("Luna2024$", "Sol#8899") are part of it, not a value of their own.
    if (k !== from && gluedToWordBefore(T, k, from)) return null;
    if (alnum) {
      const last = sc.alnumCode(k);
      if (last >= 0) return { first: k, last, digits: 0, alnum: true };
    }
    return numericValue(sc, k, fits) ?? shapedValue(sc, k, fits);
  }
  return null;
}

/** Marks that may disguise a secret's digits as a time, amount or date after its cue. */
const SHAPE_MARKS = new Set([':', '.', '/', ',', '_']);

/**
 * Runs glued by one of SHAPE_MARKS from run k ("8:39", "$8.39", "48/29/17") as one value when
 * their digits fit: after a cue for a secret, a time or an amount is how a code is disguised.
 */
export function shapedValue(sc: Scan, k: number, fits: (d: number) => boolean): Value | null {
  const T = sc.T;
  if (!sc.freeNum(k)) return null;
  let last = k;
  let d = T.len(k);
  while (
    T.isPunct(last + 1) &&
    SHAPE_MARKS.has(T.key(last + 1)) &&
    T.gap(last + 1) === 0 &&
    T.gap(last + 2) === 0 &&
    sc.freeNum(last + 2)
  ) {
    last += 2;
    d += T.len(last);
  }
  return last > k && fits(d) ? { first: k, last, digits: d, alnum: false } : null;
}

/** Token k continues a run of text (no space) that holds a word before it, after token `from`. */
function gluedToWordBefore(T: Scan['T'], k: number, from: number): boolean {
  for (let j = k - 1; j >= from && T.gap(j + 1) === 0; j--) if (T.isWord(j)) return true;
  return false;
}

/**
 * A value right before a cue starting at `cueFirst`, across link words and at most one other
 * word (a brand: "482917 is your Google verification code"). With `alnum`, a letters+digits
 * code counts too ("G-482917 is your code").
 */
export function valueBefore(
  sc: Scan,
  cueFirst: number,
  fits: (d: number) => boolean,
  alnum = false,
): Value | null {
  const T = sc.T;
  let k = cueFirst - 1;
  let links = 0;
  let others = 0;
  while (k >= 0 && links + others <= 4) {
    const type = T.t(k);
    if (BEFORE_LINKS.at(T, k)) links++;
    else if (type === PUNCT && BEFORE_PUNCT.has(T.hash(k))) links++;
    else if (type === WORD && others === 0 && sc.cueStart[k] === 0) others++;
    else break;
    k--;
  }
  if (k < 0) return null;
  if (alnum && (T.t(k) === WORD || T.t(k) === NUM)) {
    let c = k;
    while (c > 0 && T.gap(c) === 0 && k - c < 12) c--;
    const last = sc.alnumCode(c);
    if (last === k) return { first: c, last, digits: 0, alnum: true };
  }
  if (!sc.freeNum(k)) return null;
  let start = k;
  for (let steps = 0; steps < 8; steps++) {
    const p = sc.prevInChain(start, false);
    if (p < 0 || !sc.freeNum(p)) break;
    start = p;
  }
  const v = numericValue(sc, start, fits);
  return v !== null && v.last === k ? v : null;
}

const between = (min: number, max: number) => (d: number) => d >= min && d <= max;
export const fitsCvvCue = between(CVV_DIGITS.min, OTP_DIGITS.max);
export const fitsOtp = between(OTP_DIGITS.min, OTP_DIGITS.max);
export const fitsPin = between(PIN_DIGITS.min, PIN_DIGITS.max);
export const fitsSsn = (d: number) => d === 9;
export const fitsAny = () => true;

/** MMYY with a real month: "1227". */
export function mmyy(key: string): boolean {
  if (key.length !== 4) return false;
  const m = Number(key.slice(0, 2));
  return m >= 1 && m <= 12;
}

/** An expiry date starting at run k ("08/27", "08-2027", "0827"); returns its last token or -1. */
export function expiryDate(sc: Scan, k: number): number {
  if (!sc.freeNum(k)) return -1;
  const T = sc.T;
  const a = T.key(k);
  if (a.length === 4 && mmyy(a)) return k;
  if (a.length === 6 && mmyy(a.slice(0, 4))) return k;
  if (a.length > 2 || !T.isPunct(k + 1) || !T.isNum(k + 2)) return -1;
  const sep = T.key(k + 1);
  if ((sep !== '/' && sep !== '-') || T.gap(k + 1) > 1 || T.gap(k + 2) > 1) return -1;
  if (T.len(k + 2) !== 2 && T.len(k + 2) !== 4) return -1;
  const m = Number(a);
  return m >= 1 && m <= 12 ? k + 2 : -1;
}

/**
 * After a card number (or an expiry date): skip punctuation, expiry words and one expiry
 * date, then a 3–4-digit number is the security code. "4111… 1227 123": 1227 reads as
 * MMYY when another 3–4-digit number follows, else it is taken as the (Amex) CID.
 */
export function cvvAfter(sc: Scan, from: number, allowExpiry: boolean): void {
  const T = sc.T;
  let sawExpiry = !allowExpiry;
  for (let k = from, steps = 0; k < sc.n && steps < 10; k++, steps++) {
    const type = T.t(k);
    if (sc.consumed[k] === 1 || type === PH) return;
    if (type === PUNCT) {
      if (sc.sentenceEnd(k) && T.key(k) !== '.') return;
      continue;
    }
    if (type === WORD) {
      if (AFTER_PAN_WORDS.at(T, k)) continue;
      return;
    }
    if (!sc.freeNum(k)) return;
    if (!sawExpiry) {
      const end = expiryDate(sc, k);
      if (end > k) {
        sawExpiry = true;
        k = end;
        continue;
      }
    }
    const len = T.len(k);
    if (len < 3 || len > 4) return;
    if (!sawExpiry && mmyy(T.key(k))) {
      for (let j = k + 1; j < sc.n && j <= k + 3; j++) {
        if (T.t(j) === PUNCT) continue;
        if (sc.freeNum(j) && (T.len(j) === 3 || T.len(j) === 4)) {
          sc.hit('cvv', j, j);
          return;
        }
        break;
      }
    }
    sc.hit('cvv', k, k);
    return;
  }
}

/** AAA-GG-SSSS with '-', '.' or ' ' (mixed allowed), valid SSA or ITIN parts, not inside a longer number. */
/** The run after k in an SSN: joined as a chain ("536-22", "536 22"), or by ':', '_' or '/'. */
function ssnNext(sc: Scan, k: number): number {
  const next = sc.nextInChain(k, true);
  if (next >= 0) return next;
  const T = sc.T;
  const mark = T.isPunct(k + 1) ? T.key(k + 1) : '';
  return (mark === ':' || mark === '_' || mark === '/') &&
    T.gap(k + 1) === 0 &&
    T.gap(k + 2) === 0 &&
    T.isNum(k + 2)
    ? k + 2
    : -1;
}

export function formattedSsns(sc: Scan): void {
  const T = sc.T;
  for (let k = 0; k < sc.n; k++) {
    if (T.t(k) !== NUM || T.len(k) !== 3 || !sc.freeNum(k)) continue;
    const g = ssnNext(sc, k);
    if (g < 0 || T.len(g) !== 2 || !sc.freeNum(g)) continue;
    const s = ssnNext(sc, g);
    if (s < 0 || T.len(s) !== 4 || !sc.freeNum(s)) continue;
    if (sc.prevInChain(k, true) >= 0 || sc.nextInChain(s, true) >= 0) continue;
    const area = Number(T.key(k));
    const group = Number(T.key(g));
    const serial = Number(T.key(s));
    if (ssaValid(area, group, serial) || itinValid(area, group, serial)) sc.hit('ssn', k, s);
  }
}

export function claimValue(sc: Scan, v: Value | null, code: number): void {
  if (v === null) return;
  for (let k = v.first; k <= v.last; k++) if (sc.T.t(k) === NUM) sc.claimed[k] = code;
  // The rest of a phone number or ZIP+4 joined by separators belongs to it too.
  let j = v.last;
  for (let steps = 0; steps < 6; steps++) {
    const nx = sc.nextInChain(j, true);
    if (nx < 0 || !sc.freeNum(nx)) break;
    sc.claimed[nx] = code;
    j = nx;
  }
}

/** A benign cue claims any number right after or right before it. */
export function benignValue(sc: Scan, cue: Cue): Value | null {
  const T = sc.T;
  for (let k = cue.last + 1, words = 0, steps = 0; k < sc.n && steps < MAX_WINDOW_TOKENS; k++, steps++) {
    const type = T.t(k);
    if (sc.consumed[k] === 1 || type === PH || (sc.cueStart[k] !== 0 && sc.cueStart[k] !== BENIGN_CODE))
      return null;
    if (type === PUNCT) {
      if (sc.sentenceEnd(k)) return null;
      continue;
    }
    if (type === WORD) {
      if (sc.cueStart[k] === BENIGN_CODE) return null;
      if (++words > BENIGN_WINDOW_WORDS) return null;
      continue;
    }
    if (sc.claimed[k] !== 0 || T.mask(k)) return null;
    if (sc.lengthDescription(k)) continue;
    const ch = sc.chain(k, true);
    return { first: k, last: ch[ch.length - 1] ?? k, digits: 0, alnum: false };
  }
  return valueBefore(sc, cue.first, fitsAny);
}
