/**
 * The split-number rule: a card number typed over several messages ("3782", "822463",
 * "10005") must never become reconstructable.
 *
 * Budget: of any digit sequence that could still become a card number, at most TEN digits
 * may leave: as much as a PCI "first six + last four" display shows. Ten known digits plus
 * the Luhn check leave 10^4 candidates for a 15-digit Amex; every further digit divides that
 * by ten.
 *
 * How it is tracked, without keeping any withheld digit:
 * - A message's digit SEGMENT is a run of digit groups joined by spaces, line breaks, dashes
 *   or connector words ("3782 822463", "4111 and 1111"). Runs that belong to something else
 *   are not part of any segment: amounts, dates, times ("$127.43", "08/15"), phone numbers
 *   written with '-' or '.', runs glued to letters ("1Z999AA1…"), numbers a benign cue
 *   claimed ("zip 10001"). The HEAD is a segment at the very start of the message (only
 *   filler words or punctuation before it); the TAIL is one at the very end.
 * - A CANDIDATE is a possible card being typed: it starts at a digit group of a message's
 *   tail and is continued by the head of the next outgoing message. It remembers its first
 *   six digits (to test them against the IIN table), how many digits it has, and how many of
 *   them left. It is dropped beyond 19 digits or when a message does not start with digits.
 * - A segment may leave only if, for every candidate it extends or starts whose digits could
 *   still begin a card (IIN table, length ≤ 19), the leaked count stays ≤ 10. Otherwise its
 *   digits are masked (kind 'card') and do not count as leaked. This also applies within one
 *   message: a bare 11–18-digit number at its end that could begin a card is masked.
 * - Explained segments pass and end the run: shaped like a phone number ("555 123 4567",
 *   "+44 …") or answering the agent's question ("last four" → 4 digits, "ZIP" → 5 or 9, a
 *   case or order number → any). The exemption is refused once a candidate has already
 *   leaked more than six digits, so "first ten" + "last four" cannot add up to a card.
 *
 * Segments in the middle of a sentence (words on both sides) are not fragments.
 */
import { PH, PUNCT, WordSet } from './tokens.js';
import type { TokenList } from './tokens.js';
import { couldBePanPrefix, PAN_MAX } from './rules/card.js';
import { CONNECTOR_WORDS, FILLER_WORDS } from './rules/benign.js';
import { maskDigits } from './placeholders.js';
import { formattedNumber, inPhoneNumber, phoneShape } from './numbers.js';
import { explainedByQuestion } from './context.js';
import type { Analysis, Expectation } from './context.js';
import type { Hit } from './scan.js';

/** Digits of one possible card that may leave, in total (first six + last four). */
export const SPLIT_BUDGET = 10;
/** An explained reply is exempt only while no candidate has leaked more than this. */
const EXEMPT_LIMIT = 6;

export interface Candidate {
  /** First (up to) six digits: the IIN, which PCI allows to be shown. */
  lead: string;
  /** Digits seen, sent or masked. */
  total: number;
  /** Digits that left unmasked. */
  leaked: number;
}

interface Segment {
  runs: number[];
  head: boolean;
  tail: boolean;
  explained: boolean;
  /** Number of digits. */
  count: number;
}

/** The first `max` digits of a segment from run `from` (never builds more than needed). */
function digitsFrom(T: TokenList, seg: Segment, from: number, max: number): string {
  let out = '';
  for (let i = from; i < seg.runs.length && out.length < max; i++) out += T.key(seg.runs[i] ?? 0);
  return out.slice(0, max);
}

/** Digits of a segment worth looking at (a card has at most 19). */
const SEGMENT_DIGITS = 2 * PAN_MAX;
/**
 * Character codes of the punctuation that may join the digit groups of one fragment: only
 * dashes (and whitespace), as in "3782-822463". Dots, commas and slashes are left out on
 * purpose: they join amounts and dates ("127.43, 45.00"), never a card typed in pieces.
 */
const SEGMENT_SEPARATORS: ReadonlySet<number> = new Set([45 /* - */]);
const EDGE_PUNCT = new Set(['.', ',', '!', '?', '-', '(', ')', '"', "'", '*', '>', '#', ';', '…']);
const FILLERS = new WordSet(FILLER_WORDS);
const CONNECTORS = new WordSet(CONNECTOR_WORDS);

/** A filler word or edge punctuation: may stand before a head or after a tail. */
function isFiller(T: TokenList, k: number): boolean {
  const type = T.t(k);
  return FILLERS.at(T, k) || (type === PUNCT && EDGE_PUNCT.has(T.key(k)));
}

/**
 * Digit runs of the segment starting at free run k, following separators and filler words.
 * Stops once it holds more than SEGMENT_DIGITS digits: no card is longer, so the rest of a
 * wall of digits does not matter to the rule.
 */
function segmentFrom(T: TokenList, an: Analysis, k: number, dir: 1 | -1): number[] {
  const runs = [k];
  let digits = T.len(k);
  for (let j = k; digits <= SEGMENT_DIGITS;) {
    const m = linkedSegmentRun(T, an, j, dir);
    if (m < 0) break;
    runs.push(m);
    digits += T.len(m);
    j = m;
  }
  if (dir === -1) runs.reverse();
  return runs;
}

/**
 * A run that can be part of a fragment: not removed, not a mask residue, not claimed by a
 * benign cue, not glued to letters (an identifier such as "1Z999AA1012…"), not part of an
 * amount/date/time, not part of a phone number.
 */
function freeRun(T: TokenList, an: Analysis, k: number): boolean {
  if (!T.isNum(k) || an.consumed[k] !== 0 || an.claimed[k] !== 0 || T.mask(k)) return false;
  if ((T.gap(k) === 0 && T.isWord(k - 1)) || (k + 1 < T.n && T.gap(k + 1) === 0 && T.isWord(k + 1)))
    return false;
  return !formattedNumber(T, k) && !inPhoneNumber(T, k);
}

/** The free run joined to run j (forward when dir = 1, backward when -1), or -1. */
function linkedSegmentRun(T: TokenList, an: Analysis, j: number, dir: 1 | -1): number {
  let m = j + dir;
  for (let skipped = 0; m >= 0 && m < T.n && skipped < 4; skipped++) {
    const type = T.t(m);
    if (an.consumed[m] === 1 || type === PH) return -1;
    if ((type === PUNCT && SEGMENT_SEPARATORS.has(T.hash(m))) || CONNECTORS.at(T, m)) m += dir;
    else break;
  }
  return freeRun(T, an, m) ? m : -1;
}

function makeSegment(T: TokenList, runs: number[], expect: Expectation | null): Segment {
  let count = 0;
  for (const r of runs) count += T.len(r);
  return { runs, head: false, tail: false, count, explained: explained(T, runs, count, expect) };
}

/**
 * The head (a segment with only filler before it) and the tail (only filler after it) of a
 * message; they are the same segment when the message is only digits. Middle segments play no
 * part, so they are never built.
 */
function headAndTail(
  T: TokenList,
  an: Analysis,
  expect: Expectation | null,
): { head?: Segment; tail?: Segment } {
  const n = T.n;
  let h = 0;
  while (h < n && an.consumed[h] === 0 && isFiller(T, h)) h++;
  let t = n - 1;
  while (t >= 0 && an.consumed[t] === 0 && isFiller(T, t)) t--;
  let head: Segment | undefined;
  if (h < n && freeRun(T, an, h)) {
    head = makeSegment(T, segmentFrom(T, an, h, 1), expect);
    head.head = true;
  }
  let tail: Segment | undefined;
  if (t >= 0 && freeRun(T, an, t)) {
    if (head !== undefined && head.runs[head.runs.length - 1] === t) tail = head;
    else tail = makeSegment(T, segmentFrom(T, an, t, -1), expect);
    tail.tail = true;
  }
  return { head, tail };
}

/**
 * A segment that explains itself: an international phone number, a phone number written with
 * spaces, or the answer to the agent's question.
 */
function explained(
  T: TokenList,
  runs: readonly number[],
  count: number,
  expect: Expectation | null,
): boolean {
  const first = runs[0] ?? 0;
  if (T.gap(first) === 0 && T.isPunct(first - 1, '+')) return true; // "+44 20 7946 0958"
  if (runs.length >= 2 && runs.length <= 4 && phoneShape(runLengths(T, runs))) return true; // "555 123 4567"
  return expect !== null && explainedByQuestion(expect.benign, count, false);
}

function runLengths(T: TokenList, runs: readonly number[]): number[] {
  const out: number[] = [];
  for (const r of runs) out.push(T.len(r));
  return out;
}

/** Could this candidate still become a card (IIN table, at most 19 digits)? */
function risky(c: Candidate): boolean {
  return c.total <= PAN_MAX && couldBePanPrefix(c.lead, c.total);
}

/** Some risky candidate has leaked more than `limit` digits (or would, adding `more`). */
function anyOver(cands: readonly Candidate[], more: number, limit: number): boolean {
  for (const c of cands) if (risky(c) && c.leaked + more > limit) return true;
  return false;
}

/** A hit masking every digit of `seg` from run `fromRun` to its end. */
function maskHit(T: TokenList, seg: Segment, fromRun: number): Hit {
  const s = T.s(seg.runs[fromRun] ?? 0);
  const e = T.e(seg.runs[seg.runs.length - 1] ?? 0);
  return { kind: 'card', s, e, text: maskDigits(T.src, s, e, 0) };
}

export interface SplitResult {
  hits: Hit[];
  next: Candidate[];
}

export function applySplitRule(
  T: TokenList,
  an: Analysis,
  cands: readonly Candidate[],
  expect: Expectation | null,
): SplitResult {
  const { head, tail } = headAndTail(T, an, expect);
  const hits: Hit[] = [];
  let next: Candidate[] = [];
  let maskedFrom = -1; // run index of the head/tail segment masked from, when it is one segment

  let headExempt = false;
  if (head !== undefined) {
    headExempt = head.explained && !anyOver(cands, 0, EXEMPT_LIMIT);
    if (!headExempt) {
      const n = head.count;
      const lead = digitsFrom(T, head, 0, 6);
      const ext: Candidate[] = [];
      for (const c of cands)
        ext.push({ lead: (c.lead + lead).slice(0, 6), total: c.total + n, leaked: c.leaked });
      if (anyOver(ext, n, SPLIT_BUDGET)) {
        hits.push(maskHit(T, head, 0));
        if (head === tail) maskedFrom = 0;
      } else for (const c of ext) c.leaked += n;
      if (head === tail) for (const c of ext) if (c.total <= PAN_MAX) next.push(c);
    }
  }

  const tailExempt = tail === head ? headExempt : tail !== undefined && tail.explained;
  if (tail !== undefined && !tailExempt) {
    // New candidates start at each digit group of the tail that leaves at most 19 digits.
    const runs = tail.runs;
    let first = runs.length;
    let suffix = 0;
    while (first > 0 && suffix + T.len(runs[first - 1] ?? 0) <= PAN_MAX) suffix += T.len(runs[--first] ?? 0);
    const fresh: Candidate[] = [];
    let total = suffix; // digits from run i to the end
    for (let i = first; i < runs.length; i++) {
      const sent = maskedFrom < 0 || i < maskedFrom;
      const c: Candidate = { lead: digitsFrom(T, tail, i, 6), total, leaked: sent ? total : 0 };
      if (sent && risky(c) && c.leaked > SPLIT_BUDGET) {
        if (!(head === tail && maskedFrom === 0)) hits.push(maskHit(T, tail, i));
        maskedFrom = i;
        c.leaked = 0;
      }
      fresh.push(c);
      total -= T.len(runs[i] ?? 0);
    }
    // Candidates that started before the masked part did not leak the masked digits.
    if (maskedFrom > 0) {
      let masked = 0;
      for (let i = maskedFrom; i < runs.length; i++) masked += T.len(runs[i] ?? 0);
      for (const c of next) if (c.leaked > 0 && c.total > masked) c.leaked -= masked;
      for (const c of fresh) if (c.leaked > 0 && c.total > masked) c.leaked -= masked;
    }
    next = next.concat(fresh);
  }
  return { hits, next };
}
