/**
 * The digit groups of one message, for the split-number rule (ledger.ts), each marked plain or
 * explained (explain.ts).
 *
 * A GROUP is a run of digit runs joined by spaces, line breaks, dashes or connector words
 * ("3782 822463", "4111 and 1111"), after number words and look-alikes were read as digits
 * (decode.ts). Runs glued by other punctuation ("127.43", "08/15") stay apart, a run explained
 * on its own never joins a plain one, and lengths ("3 or 4 digits") are not groups at all.
 */
import { WordSet } from './word-set.js';
import type { TokenList } from './tokens.js';
import { isLengthDescription } from './numbers.js';
import type { Analysis, Expectation } from './context.js';
import { AMOUNT_EXPLAINS_DIGITS, explainedGroup, explainedRun } from './explain.js';
import { PAN_MAX } from './rules/card.js';
import { CONNECTOR_WORDS } from './rules/benign.js';

export interface Group {
  /** First, second, third (−1 if none) and last digit run (token indices), and how many runs. */
  first: number;
  second: number;
  third: number;
  last: number;
  runCount: number;
  /** Number of digits. */
  count: number;
  /** The first run explains itself (a cue claimed it, an amount, a phone number…). */
  own: boolean;
  /** Whether the group is explained: 0 not known yet (see `explained`), 1 no, 2 yes. */
  state: number;
  /** The group before it in the message when a range joins them ("from 5000 to 10000"). */
  prev: Group | undefined;
}

const CONNECTORS = new WordSet(CONNECTOR_WORDS);
/** Digits past which a plain group is a wall: longer than two cards, it is masked whole anyway. */
const WALL_DIGITS = 2 * PAN_MAX;
const DASH = 45;
const PIPE = 0x7c;
const NONE: readonly number[] = [];

/** A digit run the group finder may use: not removed by a rule, not the residue of a mask. */
function usable(T: TokenList, an: Analysis, k: number): boolean {
  return T.isNum(k) && an.consumed[k] === 0 && !T.mask(k);
}

/**
 * The run joined to run j by a dash, a connector word or whitespace, or -1. A run explained on
 * its own never joins a plain one (an amount cannot lend its explanation to the number after
 * it).
 */
function nextRun(T: TokenList, an: Analysis, j: number, own: boolean): number {
  let m = j + 1;
  for (let skipped = 0; m < T.n && skipped < 4; skipped++) {
    if (an.consumed[m] === 1) return -1;
    if ((T.isPunct(m) && T.hash(m) === DASH) || gluedPipe(T, m) || CONNECTORS.at(T, m)) m++;
    else break;
  }
  if (!usable(T, an, m)) return -1;
  return isLengthDescription(T, m) || explainedRun(T, an, m) !== own ? -1 : m;
}

/**
 * A '|' glued between two digit runs ("34|0000"): a separator to the card detector, but a
 * person may read it as a one, so the group counts it as a digit.
 */
function gluedPipe(T: TokenList, m: number): boolean {
  for (let j = m; j < T.n && j - m < 8; j++) {
    if (!isPipe(T, j) || T.gap(j) !== 0 || T.gap(j + 1) !== 0) return false;
    if (T.isNum(j + 1)) return true;
  }
  return false;
}

function isPipe(T: TokenList, k: number): boolean {
  return T.isPunct(k) && T.hash(k) === PIPE;
}

/** The '|' marks glued to run k on one side (dir −1: before it, 1: after it), up to eight. */
function pipesBeside(T: TokenList, k: number, dir: 1 | -1): number {
  let n = 0;
  for (let j = k + dir; n < 8 && isPipe(T, j) && T.gap(dir === 1 ? j : j + 1) === 0; j += dir) n++;
  return n;
}

/** Words between the two ends of a range or list: "from 5000 to 10000", "1000 and 500", "5 o 7". */
const RANGE_JOINERS = new WordSet(['to', 'and', 'or', 'a', 'y', 'o', 'hasta', 'through', 'thru']);

/**
 * Is the group explained (explain.ts)? Worked out on first asking: once the budget is spent the
 * ledger masks a group without asking, so a wall of numbers costs no reading of its words.
 */
export function explained(T: TokenList, g: Group, expect: Expectation | null): boolean {
  if (g.state === 0) {
    let yes = g.own;
    if (!yes && g.count <= WALL_DIGITS) {
      const runs = g.runCount === 3 ? [g.first, g.second, g.third] : g.runCount === 1 ? [g.first] : NONE;
      yes = explainedGroup(T, g.first, g.last, runs, g.count, expect) || continuesExplained(T, g, expect);
    }
    g.state = yes ? 2 : 1;
  }
  return g.state === 2;
}

/**
 * The second number of a range or a list whose first number is explained: "de 5000 a 10000",
 * "I paid 1000 and 500", "5 or 7 business days". Up to an amount's size.
 */
function continuesExplained(T: TokenList, g: Group, expect: Expectation | null): boolean {
  const prev = g.prev;
  return prev !== undefined && g.count <= AMOUNT_EXPLAINS_DIGITS && explained(T, prev, expect);
}

/**
 * Group `prev` ends right before a range joiner that precedes run k (or one word or mark before
 * it: "$1,000 and 500"). Only then does a group keep its previous one: a message of many
 * numbers holds no chain of them all.
 */
function rangeJoined(T: TokenList, k: number, prev: Group | undefined): boolean {
  if (prev === undefined) return false;
  const j = k - 1;
  const joiner = (T.isWord(j) && RANGE_JOINERS.at(T, j)) || (T.isPunct(j) && T.hash(j) === DASH) ? j : -1;
  return joiner >= 0 && (prev.last === joiner - 1 || prev.last === joiner - 2);
}

/**
 * The digit groups of a message, in order, read one at a time (whether each is explained is
 * asked later): a ledger whose budget is spent skips the rest of a message (`skipTo`).
 */
export class Groups {
  private k = 0;
  private last: Group | undefined;
  private ahead: Group | undefined;

  constructor(
    private readonly T: TokenList,
    private readonly an: Analysis,
  ) {}

  /** The next group, or undefined at the end. */
  next(): Group | undefined {
    const g = this.peek();
    this.ahead = undefined;
    return g;
  }

  /** The next group, without moving past it. */
  peek(): Group | undefined {
    this.ahead ??= this.read();
    return this.ahead;
  }

  /** Goes on from token k (the next group starts there or after it). */
  skipTo(k: number): void {
    this.ahead = undefined;
    this.k = k;
  }

  private read(): Group | undefined {
    const { T, an } = this;
    for (let k = this.k; k < T.n; k++) {
      if (!usable(T, an, k) || isLengthDescription(T, k)) continue;
      const g = readGroup(T, an, k, this.last);
      this.last = g;
      this.k = g.last + 1;
      return g;
    }
    this.k = T.n;
    return undefined;
  }
}

/** The group that starts at usable run k. */
function readGroup(T: TokenList, an: Analysis, k: number, prev: Group | undefined): Group {
  const ownRun = explainedRun(T, an, k);
  // After '+' the rest of an international number joins the group whatever it looks like.
  const own = ownRun && !(T.gap(k) === 0 && T.isPunct(k - 1, '+'));
  let second = -1;
  let third = -1;
  let last = k;
  let runCount = 1;
  let count = T.len(k);
  for (let j = nextRun(T, an, k, own); j >= 0 && count <= WALL_DIGITS; j = nextRun(T, an, j, own)) {
    if (runCount === 1) second = j;
    else if (runCount === 2) third = j;
    runCount++;
    if (isPipe(T, j - 1)) count += pipesBeside(T, j, -1);
    last = j;
    count += T.len(j);
  }
  if (count > WALL_DIGITS) {
    // Past any card's length the group is masked whole: the rest of the wall joins it unread.
    for (let m = last + 1; m < T.n; m++) {
      if (T.isNum(m)) {
        if (an.consumed[m] === 1 || T.mask(m)) break;
        last = m;
        runCount++;
        count += T.len(m);
      } else if (isPipe(T, m) && T.gap(m) === 0) count++;
      else if (!((T.isPunct(m) && T.hash(m) === DASH) || CONNECTORS.at(T, m))) break;
    }
  }
  // '|' glued to either end ("|9", "34|") may be read as ones too.
  if (T.gap(k) === 0) count += pipesBeside(T, k, -1);
  count += pipesBeside(T, last, 1);
  const joined = rangeJoined(T, k, prev) ? prev : undefined;
  return { first: k, second, third, last, runCount, count, own: ownRun, state: 0, prev: joined };
}

/**
 * The last usable digit run from token k on, before any run another rule removed or a mask
 * residue (−1 if none): the end of what a spent budget masks in one piece.
 */
export function lastFreeRun(T: TokenList, an: Analysis, k: number): number {
  let last = -1;
  for (let m = k; m < T.n; m++) {
    if (an.consumed[m] === 1 || (T.isNum(m) && T.mask(m))) break;
    if (T.isNum(m)) last = m;
  }
  return last;
}
