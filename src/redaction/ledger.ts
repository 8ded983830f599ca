/**
 * The split-number rule: a card typed in parts ("3782", "822463", "10005") must never become
 * reconstructable, whatever the customer writes between the parts or around them.
 *
 * Budget: of the digits the customer's recent messages let out, at most TEN may belong to one
 * card: as much as a PCI "first six + last four" display shows (ten known digits and the Luhn
 * check leave 10^4 candidates for a 15-digit Amex; every further digit divides that by ten).
 * Parts can be picked out of anything (an agent who coaches the customer knows which numbers
 * are parts, and every Amex starts with 34 or 37), so the rule does not try to tell which
 * numbers belong together: it counts them all.
 *
 * - The WINDOW is the customer's messages, sent here or elsewhere (a replay, another tab),
 *   until a message is both older than WINDOW_MS and followed by WINDOW_MESSAGES newer ones:
 *   a coach must make the customer wait half an hour AND write twenty messages between parts.
 * - Each message's digit groups are plain or explained (groups.ts). C counts the digits that
 *   left in the window as plain ones, and explained ones sent while more than PLAIN_FREE (2)
 *   plain digits were out:
 *   - a plain group of n digits leaves only if C + n ≤ 10;
 *   - an explained group leaves uncounted while at most two plain digits are out (every chat
 *     starts with the last four and a ZIP); after that it counts, and leaves only if
 *     C + n ≤ 10;
 *   - a card mask's last four count (but do not make explained numbers count).
 *   A group that may not leave has every digit masked (`•••••`, kind 'card'). So a card whose
 *   parts are written as numbers (in any script, as words, with look-alikes) never has more
 *   than ten digits out, whatever is written between the parts, and a number that says what
 *   it is (a ZIP, a phone number, an amount) cannot complete it.
 * - SSN in parts ("536-22", then "-8194"): five digits may leave, the part that would complete
 *   nine is removed (kind 'ssn').
 *
 * Only counts and times are kept, never a digit.
 */
import { WordSet } from './word-set.js';
import type { TokenList } from './tokens.js';
import { Groups, explained, lastFreeRun } from './groups.js';
import type { Group } from './groups.js';
import type { Analysis, Expectation } from './context.js';
import { kindCode } from './scan.js';
import type { CardMasks, Hit } from './scan.js';
import { FILLER_WORDS } from './rules/benign.js';

/** Digits of one possible card that may leave, in total (first six + last four). */
export const SPLIT_BUDGET = 10;
/**
 * Plain digits that may be out before explained numbers count: single figures ("option 2", "it
 * was 40") are everywhere in chat, and a card cannot be written with two plain digits and
 * nothing else.
 */
export const PLAIN_FREE = 2;
/** Digits of one possible SSN that may leave in parts (its first five, or its last four). */
export const SSN_BUDGET = 5;
/** A message leaves the window once it is older than this… */
export const WINDOW_MS = 30 * 60 * 1000;
/** …and this many newer customer messages follow it. */
export const WINDOW_MESSAGES = 20;
/** Messages kept at most (a customer typing very fast for half an hour); the oldest go first. */
const MAX_ENTRIES = 500;

interface Entry {
  /** When the message was sent (ms), and its place among the customer's messages. */
  at: number;
  order: number;
  /** Digits that left and count toward the budget: plain ones, and explained ones after them… */
  counted: number;
  /** …and the plain ones among them. */
  plain: number;
}

/** Part of a possible SSN that left: its digit count so far (3 or 5) and how many left. */
interface SsnPart {
  at: number;
  order: number;
  digits: number;
  leaked: number;
  /** Started as "536-22" (or named as an SSN): any later part may complete it. */
  strong: boolean;
}

/** What one message does to the ledger: its hits, and what to record once it is sent. */
export interface LedgerResult {
  hits: Hit[];
  counted: number;
  plain: number;
  ssn: SsnPart[];
}

const FILLERS = new WordSet(FILLER_WORDS);
const SSN_CUE = kindCode('ssn');
/** A reply of at most this many words may be a part of an SSN. */
const SHORT_REPLY_WORDS = 8;

/** Words of a message that are not fillers. */
function wordCount(T: TokenList): number {
  let words = 0;
  for (let k = 0; k < T.n; k++) if (T.isWord(k) && !FILLERS.at(T, k)) words++;
  return words;
}

/** The message names an SSN ("social 536"), or the agent asked for one. */
function namesSsn(T: TokenList, an: Analysis, expect: Expectation | null): boolean {
  if (expect?.secrets.has('ssn') === true) return true;
  for (let k = 0; k < T.n; k++) if (an.cueStart[k] === SSN_CUE) return true;
  return false;
}

/**
 * Does group g start a possible SSN: "536-22" (strong; also 3 or 5 digits when the message or
 * the agent names an SSN), or three bare digits alone in a message, with an area the SSA
 * issues? A bare five ("10001") is a ZIP far more often.
 */
function ssnStart(
  T: TokenList,
  g: Group,
  words: number,
  an: Analysis,
  expect: Expectation | null,
): 'strong' | 'weak' | null {
  const first = g.first;
  const strong =
    (g.runCount === 2 && T.len(first) === 3 && T.len(g.second) === 2) ||
    ((g.count === 3 || g.count === 5) && namesSsn(T, an, expect));
  if (!strong && !(g.runCount === 1 && T.len(first) === 3 && words === 0)) return null;
  const area = T.key(first);
  return area === '000' || area === '666' ? null : strong ? 'strong' : 'weak';
}

/**
 * Masked groups of one message kept as findings of their own; past this many, each joins the
 * one before (its mask keeps the words between): a message of thousands of numbers (`I 1 I 1 …`)
 * then makes one finding, not thousands.
 */
const SEPARATE_MASKS = 32;

/** Token k is a '|' glued to token k + 1 (dir −1) or k − 1 (dir 1). */
function gluedPipe(T: TokenList, k: number, dir: 1 | -1): boolean {
  return k >= 0 && k < T.n && T.isPunct(k) && T.hash(k) === 0x7c && T.gap(dir === 1 ? k : k + 1) === 0;
}

/**
 * Masks group first…last (kind 'card', every digit), or extends the previous mask over it. The
 * '|' marks glued to its ends are masked too: the group counted them as ones ("22||2|").
 */
function maskGroup(hits: Hit[], T: TokenList, g0: number, g1: number, an: Analysis): void {
  let first = g0;
  let last = g1;
  while (gluedPipe(T, first - 1, -1)) first--;
  while (gluedPipe(T, last + 1, 1)) last++;
  const prev = hits[hits.length - 1];
  if (
    hits.length >= SEPARATE_MASKS &&
    prev !== undefined &&
    prev.keep === 0 &&
    !consumedBetween(an, prev.last + 1, first)
  ) {
    prev.e = T.e(last);
    prev.last = last;
    return;
  }
  hits.push({ kind: 'card', s: T.s(first), e: T.e(last), text: null, keep: 0, first, last });
}

/** Some token from `from` to before `to` was removed by another rule (a finding lies there). */
function consumedBetween(an: Analysis, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (an.consumed[k] === 1) return true;
  return false;
}

/** What a message without digits records. */
const NOTHING: LedgerResult = { hits: [], counted: 0, plain: 0, ssn: [] };

/**
 * The digits masks show in a message (card numbers of the analysis, mask residue in a text
 * redacted already), read in text order: `before(offset)` gives those before an offset not given
 * yet. Both come in text order: two cursors, no list (a message may hold thousands of masks).
 */
class Shown {
  /** Some mask shows digits. */
  readonly any: boolean;
  private card = 0;
  private token: number;

  constructor(
    private readonly T: TokenList,
    private readonly cards: CardMasks,
  ) {
    this.token = T.masked ? 0 : T.n;
    let any = T.masked;
    for (let i = 0; i < cards.n && !any; i++) any = (cards.keep[i] ?? 0) > 0;
    this.any = any;
  }

  /** The digits shown before offset `s` (all the rest when Infinity), each counted once. */
  before(s: number): number {
    const { T, cards } = this;
    let n = 0;
    for (; this.card < cards.n; this.card++) {
      const keep = cards.keep[this.card] ?? 0;
      if (keep <= 0) continue;
      if (T.s(cards.first[this.card] ?? 0) >= s) break;
      n += keep;
    }
    for (; this.token < T.n; this.token++) {
      const k = this.token;
      if (!T.isNum(k) || !T.mask(k)) continue;
      if (T.s(k) >= s) break;
      n += T.len(k);
    }
    return n;
  }
}

/**
 * What the customer's messages in the window let out. One per conversation (a redactor);
 * `evaluate` changes nothing but the window's start, `commit` records a message as sent.
 * (No closures in the per-message path: a build that keeps function names pays for each.)
 */
export class Ledger {
  private entries: Entry[] = [];
  private head = 0;
  private counted = 0;
  private plain = 0;
  private ssn: SsnPart[] = [];
  /** Customer messages recorded so far. */
  private messages = 0;

  private out(it: { at: number; order: number }, now: number): boolean {
    return now - it.at > WINDOW_MS && this.messages - 1 - it.order >= WINDOW_MESSAGES;
  }

  /** Forgets, from the oldest, the messages that left the window by `now`. */
  private prune(now: number): void {
    for (;;) {
      const e = this.entries[this.head];
      if (e === undefined || (!this.out(e, now) && this.entries.length - this.head <= MAX_ENTRIES)) break;
      this.counted -= e.counted;
      this.plain -= e.plain;
      this.head++;
    }
    if (this.head > 64 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    if (this.ssn.length === 0) return;
    const kept: SsnPart[] = [];
    for (const p of this.ssn) if (!this.out(p, now)) kept.push(p);
    if (kept.length < this.ssn.length) this.ssn = kept;
  }

  /**
   * The budget applied to one message at `now`. A message sent elsewhere (`observed`: a replay,
   * another tab) left as it is: all its digits count, none is masked.
   */
  evaluate(
    T: TokenList,
    an: Analysis,
    expect: Expectation | null,
    now: number,
    observed: boolean,
  ): LedgerResult {
    this.prune(now);
    if (T.nums === 0) return NOTHING; // no digit, no card: most messages
    let counted = this.counted;
    let plain = this.plain;
    const groups = new Groups(T, an);
    // Digits shown by masks: card hits of this message, and mask residue in a text redacted already.
    const shown = new Shown(T, an.cards);

    const hits: Hit[] = [];
    const before = counted;
    const beforePlain = plain;
    // A short reply: one group of a few digits, a few words around it (a possible SSN part).
    const one = groups.next();
    let short = false;
    let words = SHORT_REPLY_WORDS + 1;
    if (one !== undefined && one.count <= 6 && !shown.any && groups.peek() === undefined) {
      words = wordCount(T);
      short = words <= SHORT_REPLY_WORDS;
    }
    const ssn: SsnPart[] = [];
    const order = this.messages;
    for (let g = one; g !== undefined; g = groups.next()) {
      const { first, last } = g;
      // The digits masks show before the group count first. They are card digits, but no number
      // the customer chose to type: they do not make what explains itself count (a customer who
      // pasted a whole card can still give the ZIP and the last four the agent asks for).
      counted += shown.before(T.s(first));
      // SSN in parts: a part that would complete nine digits after more than five left.
      if (short && g.count <= 6 && this.ssn.length > 0) {
        let completes = false;
        for (const p of this.ssn) {
          if (!p.strong && explained(T, g, expect)) continue;
          if (p.digits + g.count === 9 && p.leaked + g.count > SSN_BUDGET) completes = true;
          else if (p.digits === 3 && g.count === 2)
            ssn.push({ at: now, order, digits: 5, leaked: p.leaked + 2, strong: p.strong });
        }
        if (completes && !observed) {
          hits.push({ kind: 'ssn', s: T.s(first), e: T.e(last), text: null, keep: -1, first, last });
          continue;
        }
      }
      // Once more than PLAIN_FREE plain digits are out every group counts: what it is matters
      // only before (and is then worked out).
      const isExplained = plain <= PLAIN_FREE || short ? explained(T, g, expect) : false;
      if (isExplained && plain <= PLAIN_FREE) continue; // read as what it says, not counted
      if (counted + g.count > SPLIT_BUDGET && !observed) {
        const prev = hits[hits.length - 1];
        if (hits.length >= SEPARATE_MASKS && prev !== undefined && prev.keep === 0 && plain > PLAIN_FREE) {
          // The budget is spent and masks join: every free run up to the next other finding
          // joins the last mask in one piece.
          const end = Math.max(last, lastFreeRun(T, an, last + 1));
          if (!consumedBetween(an, prev.last + 1, first)) {
            prev.e = T.e(end);
            prev.last = end;
            groups.skipTo(end + 1);
            continue;
          }
        }
        maskGroup(hits, T, first, last, an);
        continue;
      }
      counted += g.count;
      if (!explained(T, g, expect)) plain += g.count;
      const begins = short && !isExplained && g.count <= 5 ? ssnStart(T, g, words, an, expect) : null;
      if (begins !== null)
        ssn.push({ at: now, order, digits: g.count, leaked: g.count, strong: begins === 'strong' });
    }
    counted += shown.before(Infinity);
    return { hits, counted: counted - before, plain: plain - beforePlain, ssn };
  }

  /** Records a message evaluated at `at` as sent. */
  commit(r: LedgerResult, at: number): void {
    this.entries.push({ at, order: this.messages, counted: r.counted, plain: r.plain });
    this.counted += r.counted;
    this.plain += r.plain;
    if (r.ssn.length > 0) this.ssn = this.ssn.concat(r.ssn);
    this.messages++;
  }
}
