import { borrowInts, digitsId } from './digit-ids.js';

const NO_INTS = new Int32Array(0);

/**
 * The pieces found, by the token each starts at (a text may hold hundreds of thousands: an
 * object each, or a list of them, is what its memory and garbage collection cost). Of two
 * pieces starting at one token the first found wins.
 */
export class Pieces {
  /**
   * Per token: 1 + the last token of the piece starting there, 0 when none does. Both arrays
   * are taken on the first piece (most texts the decoder reads have none).
   */
  end: Int32Array = NO_INTS;
  /** Per token: the digits of that piece (an id of digitsId, with `texts`). */
  digits: Int32Array = NO_INTS;
  readonly texts: string[] = [];
  /** Pieces found. */
  n = 0;

  constructor(private readonly tokens: number) {}

  push(first: number, last: number, digits: string): void {
    if (this.end.length === 0) {
      this.end = borrowInts(this.tokens);
      this.digits = borrowInts(this.tokens);
    }
    if (this.end[first] !== 0) return;
    this.end[first] = last + 1;
    this.digits[first] = digitsId(digits, this.texts);
    this.n++;
  }

  /** Forgets the pieces starting at tokens from…to. */
  drop(from: number, to: number): void {
    for (let k = from; k <= to && this.n > 0; k++) {
      if (this.end[k] === 0) continue;
      this.end[k] = 0;
      this.n--;
    }
  }
}
