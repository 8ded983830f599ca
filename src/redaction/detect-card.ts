/**
 * Context-free card-number detection over the token stream.
 *
 * 1. Group digit runs that are joined only by separators: up to 4 characters of whitespace
 *    (line breaks included) and `- . / _ | \ •`; a comma joins two runs of 3+ digits
 *    ("4111, 1111, …") but not amounts ("127.43, 45.00"). Invisible characters were already
 *    made transparent by the tokenizer.
 * 2. In each group of 13+ digits, every window that starts and ends on a run boundary and
 *    holds 13–19 digits is tested against the IIN/length table and Luhn. Windows never start
 *    or end inside a run, so a 20–22-digit tracking number written without separators is
 *    never searched for an embedded card, while "4111 1111 1111 1111 12/27 123" is.
 * 3. Overlapping valid windows form one finding. A finding with exactly one valid window
 *    keeps its last four digits; an ambiguous one (two readings overlap) is masked entirely,
 *    so a CVV glued after a card can never be shown as "the last four".
 *
 * Cost: O(digits × 19) with constant memory (a ring of the last 19 digits), no regex.
 */
import type { TokenList } from './tokens.js';
import { PAN_MAX, PAN_MIN, luhnDouble, panLengthMask } from './rules/card.js';

/**
 * Separators that may sit between the digit groups of one number: the usual ones, and the
 * marks that dress a group up as something else ("3782:822463", "#3782 #822463", "(3782)",
 * "3782% 822463%").
 */
const SEPARATORS = new Set(['-', '.', '/', '_', '|', '\\', '\u2022', ':', '#', '%', '(', ')', '+', '*', '=']);
/** 1 at the character code of each separator (all below 0x2100), for a quick test. */
const SEPARATOR_CODES = new Uint8Array(0x2100);
for (const c of SEPARATORS) SEPARATOR_CODES[c.charCodeAt(0)] = 1;
const COMMA = 44;
/** A word glued to a number on either side ("3x 7x", "a3782 b822463") that may separate groups. */
function gluedLetters(T: TokenList, j: number): boolean {
  return (T.gap(j) === 0 || T.gap(j + 1) === 0) && LETTER_SEPARATORS.at(T, j);
}

/** Words that may sit between the groups too: any one letter, and ordinal endings. */
const LETTER_SEPARATORS = {
  at(T: TokenList, k: number): boolean {
    const len = T.e(k) - T.s(k);
    if (len === 1) return true;
    if (len !== 2) return false;
    const w = T.src.slice(T.s(k), T.e(k)).toLowerCase();
    return w === 'st' || w === 'nd' || w === 'rd' || w === 'th';
  },
};
/** Whitespace + separator characters allowed between two runs of one number. */
const MAX_SEPARATION = 4;

/** Index of the digit run joined to run `i` by separators only, or -1. */
export function linkedRun(T: TokenList, i: number): number {
  let sep = 0;
  let comma = false;
  let j = i + 1;
  let letters = false;
  while (T.isPunct(j) || (!letters && T.isWord(j) && gluedLetters(T, j))) {
    if (T.isWord(j)) {
      // One letter or an ordinal ending between groups: "3782a822463", "3x 7x", "3782nd 822463rd".
      letters = true;
      sep += T.gap(j) + T.len(j);
    } else {
      // The hash of a one-character punctuation key is its character code.
      const code = T.hash(j);
      if (code === COMMA) comma = true;
      else if (code >= SEPARATOR_CODES.length || SEPARATOR_CODES[code] !== 1) return -1;
      sep += T.gap(j) + 1;
    }
    if (sep > MAX_SEPARATION) return -1;
    j++;
  }
  if (!T.isNum(j)) return -1;
  sep += T.gap(j);
  if (sep > MAX_SEPARATION || sep === 0) return -1;
  // A comma joins runs of 3+ digits ("4111, 1111"), not amounts ("127.43, 45.00"); and spoken
  // digits, which people group with commas ("three seven eight two, eight two two four…").
  if (comma && (T.len(i) < 3 || T.len(j) < 3) && !(T.isDecoded(i) && T.isDecoded(j))) return -1;
  return j;
}

/**
 * Streaming scan: runs of a group enter a queue; a run is evaluated as a window START once the
 * runs after it span more than 19 digits (or the group ends), then leaves the queue. Digits
 * and Luhn prefix sums live in small rings indexed by the digit's position in the group, so
 * memory is constant and each window costs O(1): a 1 MB wall of digits is O(digits × 19).
 */
const QUEUE = 32; // ring capacity in runs, a power of two (a window spans at most 19 runs)
const DIGITS = 64; // ring capacity in digits, a power of two ≥ 2 × 19
const qTok = new Int32Array(QUEUE);
/** Run ordinal within its group, to tell whether two windows share a run. */
const qOrd = new Int32Array(QUEUE);
/** Position in the group of the run's first digit, and one past its last. */
const qFrom = new Int32Array(QUEUE);
const qTo = new Int32Array(QUEUE);
/** For each digit position p (mod DIGITS): p itself when a queued run ends there, and that run's slot. */
const endAt = new Int32Array(DIGITS).fill(-1);
const endSlot = new Int32Array(DIGITS);
const digitRing = new Uint8Array(DIGITS);
/**
 * Luhn prefix sums (mod 10) at each digit position p: Σ over t < p of the digit, doubled when
 * t is even (evenDbl) or odd (oddDbl). A window [S, E) doubles position t iff E-1-t is odd.
 */
const evenDbl = new Uint8Array(DIGITS);
const oddDbl = new Uint8Array(DIGITS);
const scratch = new Uint8Array(PAN_MAX);

/** Element i of a ring (0 past its end; the rings are always read in bounds). */
function at(a: Int32Array, i: number): number {
  return a[i] ?? 0;
}

function at8(a: Uint8Array, i: number): number {
  return a[i] ?? 0;
}

class GroupScan {
  private head = 0;
  private size = 0;
  private ord = 0;
  /** Digits of the group seen so far (the position of the next digit). */
  private pos = 0;
  private sumEven = 0;
  private sumOdd = 0;
  // The component being built: runs [compA, compB] (ordinals) and its tokens.
  private compA = -1;
  private compB = -1;
  private compFirstTok = -1;
  private compLastTok = -1;
  private count = 0;

  constructor(
    private readonly T: TokenList,
    private readonly hits: CardSink,
  ) {
    endAt.fill(-1); // positions restart at 0 in every group
  }

  /** Adds the next run of the group. */
  push(tok: number): void {
    const len = this.T.len(tok);
    if (len > PAN_MAX) {
      // No window can contain this run: finish everything queued, then go on after it.
      this.drain();
      this.ord++;
      return;
    }
    while (this.size > 0 && this.pos + len - at(qFrom, this.head) > PAN_MAX) this.evaluateHead();
    const slot = (this.head + this.size) & (QUEUE - 1);
    qTok[slot] = tok;
    qOrd[slot] = this.ord++;
    qFrom[slot] = this.pos;
    this.T.writeDigits(tok, scratch, 0);
    for (let d = 0; d < len; d++) {
      const v = at8(scratch, d);
      const p = this.pos++;
      const r = p & (DIGITS - 1);
      digitRing[r] = v;
      evenDbl[r] = this.sumEven;
      oddDbl[r] = this.sumOdd;
      const dv = luhnDouble(v);
      let e = this.sumEven + ((p & 1) === 0 ? dv : v);
      let o = this.sumOdd + ((p & 1) === 1 ? dv : v);
      if (e >= 10) e -= 10;
      if (o >= 10) o -= 10;
      this.sumEven = e;
      this.sumOdd = o;
    }
    qTo[slot] = this.pos;
    endAt[this.pos & (DIGITS - 1)] = this.pos;
    endSlot[this.pos & (DIGITS - 1)] = slot;
    this.size++;
  }

  /** Ends the group. */
  end(): void {
    this.drain();
    this.flush();
  }

  private drain(): void {
    while (this.size > 0) this.evaluateHead();
  }

  /** Prefix sum (with even or odd positions doubled) at digit position p. */
  private prefix(p: number, even: boolean): number {
    if (p === this.pos) return even ? this.sumEven : this.sumOdd;
    const r = p & (DIGITS - 1);
    return even ? at8(evenDbl, r) : at8(oddDbl, r);
  }

  /** Tests every window that starts at the queue's head run, then drops that run. */
  private evaluateHead(): void {
    const h = this.head;
    const start = at(qFrom, h);
    if (this.pos - start >= PAN_MIN) {
      const d0 = at8(digitRing, start & (DIGITS - 1));
      // No network starts with 0, 1, 7 or 8.
      if (d0 !== 0 && d0 !== 1 && d0 !== 7 && d0 !== 8) this.windowsFrom(h, start);
    }
    this.head = (h + 1) & (QUEUE - 1);
    this.size--;
  }

  private windowsFrom(h: number, start: number): void {
    let first6 = 0;
    for (let t = 0; t < 6; t++) first6 = first6 * 10 + at8(digitRing, (start + t) & (DIGITS - 1));
    const mask = panLengthMask(first6);
    if (mask === 0) return;
    // Windows end on a run boundary 13–19 digits after `start`: look only at the lengths the
    // IIN allows, and only where a queued run ends exactly there.
    const fromEven = this.prefix(start, true);
    const fromOdd = this.prefix(start, false);
    for (let len = PAN_MIN; len <= PAN_MAX; len++) {
      if ((mask & (1 << len)) === 0) continue;
      const end = start + len;
      if (end > this.pos) break;
      if (at(endAt, end & (DIGITS - 1)) !== end) continue;
      // Luhn: the window's sum is 0 mod 10 iff both prefix sums (mod 10) are equal.
      const even = ((end - 1) & 1) === 1;
      if (this.prefix(end, even) === (even ? fromEven : fromOdd))
        this.window(h, at(endSlot, end & (DIGITS - 1)));
    }
  }

  /** A valid window from queue slot a to slot b: merge it into the current component or start one. */
  private window(a: number, b: number): void {
    const oa = at(qOrd, a);
    const ob = at(qOrd, b);
    if (this.compA >= 0 && oa <= this.compB) {
      if (ob > this.compB) {
        this.compB = ob;
        this.compLastTok = at(qTok, b);
      }
      this.count++;
      return;
    }
    this.flush();
    this.compA = oa;
    this.compB = ob;
    this.compFirstTok = at(qTok, a);
    this.compLastTok = at(qTok, b);
    this.count = 1;
  }

  private flush(): void {
    if (this.compA < 0) return;
    this.hits.maskHit(this.compFirstTok, this.compLastTok, this.count === 1 ? 4 : 0);
    this.compA = -1;
    this.count = 0;
  }
}

/** Where the card numbers found go (the analysis' Scan). */
export interface CardSink {
  /**
   * A card number over tokens first…last (the masked span), whose mask shows its last `keep`
   * digits: the last four, or none when two readings overlap.
   */
  maskHit(first: number, last: number, keep: number): void;
}

/** The card numbers of T, in order, into `hits` (no list of them: a text may hold tens of thousands). */
export function findCards(T: TokenList, hits: CardSink): void {
  const n = T.n;
  let i = 0;
  while (i < n) {
    if (!T.isNum(i)) {
      i++;
      continue;
    }
    // Short groups (most numbers in chat) never reach 13 digits: count before scanning. A card
    // number starts where a run starts, with none of 0, 1, 7, 8 (see evaluateHead): the group
    // is scanned from the first run that may start one, and not at all without one ("1 1 1 …").
    let total = 0;
    let first = -1;
    let last = i;
    for (let j = i; j !== -1; j = linkedRun(T, j)) {
      total += T.len(j);
      last = j;
      if (first < 0) {
        const d = T.firstDigit(j);
        if (d !== 0 && d !== 1 && d !== 7 && d !== 8) first = j;
      }
      if (total >= PAN_MIN && first >= 0) break;
    }
    if (total < PAN_MIN) first = -1;
    if (first >= 0) {
      const scan = new GroupScan(T, hits);
      for (let k = first; k !== -1; k = linkedRun(T, k)) {
        scan.push(k);
        last = k;
      }
      scan.end();
    }
    i = last + 1;
  }
}
