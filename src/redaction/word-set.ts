import type { TokenList } from './tokens.js';
import { hashKey } from './tokenizer.js';

/**
 * A set of folded words tested against tokens by hash first, so that checking a word that is
 * not in the set never builds its key.
 */
export class WordSet {
  private readonly words: ReadonlySet<string>;

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
  }

  /**
   * Built on first use, not at module load (startup pays nothing for it): the members in order, their
   * hashes, and an open-addressed table of (index + 1) by hash.
   */
  #list: readonly string[] = [];
  #hashes: Int32Array | undefined;
  #table: Int32Array | undefined;
  #shift = 0;
  /** One bit per low 12 bits of a member's hash: most words fail this test before the table. */
  #filter: Uint8Array | undefined;

  #index(): Int32Array {
    const list = [...this.words];
    let bits = 3;
    while (1 << bits < list.length * 2) bits++;
    const table = new Int32Array(1 << bits);
    const hashes = new Int32Array(list.length);
    const filter = new Uint8Array(4096);
    this.#shift = 32 - bits;
    list.forEach((w, i) => {
      const h = hashKey(w);
      hashes[i] = h;
      filter[h & 4095] = 1;
      let slot = Math.imul(h, SPREAD) >>> this.#shift;
      while (table[slot] !== 0) slot = (slot + 1) & (table.length - 1);
      table[slot] = i + 1;
    });
    this.#list = list;
    this.#hashes = hashes;
    this.#filter = filter;
    return table;
  }

  /** Is token k a word of this set? */
  at(T: TokenList, k: number): boolean {
    return this.indexAt(T, k) >= 0;
  }

  /** The member token k is (its folded key, without building it), or undefined. */
  find(T: TokenList, k: number): string | undefined {
    const i = this.indexAt(T, k);
    return i < 0 ? undefined : this.#list[i];
  }

  /** The place of the member token k is among the members (in the order given), or -1. */
  indexAt(T: TokenList, k: number): number {
    if (!T.isWord(k)) return -1;
    const table = (this.#table ??= this.#index());
    const h = T.hash(k);
    if (this.#filter?.[h & 4095] !== 1) return -1;
    const hashes = this.#hashes;
    const list = this.#list;
    for (let slot = Math.imul(h, SPREAD) >>> this.#shift; ; slot = (slot + 1) & (table.length - 1)) {
      const i = (table[slot] ?? 0) - 1;
      if (i < 0) return -1;
      if (hashes?.[i] === h && T.keyIs(k, list[i] ?? '')) return i;
    }
  }

  /** The members, in the order given (indexAt's places). */
  members(): string[] {
    return [...this.words];
  }

  has(word: string): boolean {
    return this.words.has(word);
  }
}

/** Multiplier spreading a hash over a table's slots (Fibonacci hashing). */
const SPREAD = 0x9e3779b1;
