/**
 * Case (reference) numbers: `AMX-XXXX-XXXX`, digits and upper-case letters from an alphabet
 * without look-alikes (no I, O, 0 or 1), in a fixed digit/letter pattern so that every number
 * mixes both (a run of digits alone could read as something secret to a redactor).
 *
 * Unique per server: a counter goes through a bijective scramble (an affine map modulo the
 * number of possible values), so consecutive cases do not look consecutive.
 */

const DIGITS = '23456789';
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
/** d = digit, l = letter, e.g. 4KF7-Q2ZD (the dash after the fourth). */
const SLOTS = ['d', 'l', 'l', 'd', 'l', 'd', 'l', 'l'] as const;
/** How many different numbers the pattern can spell: 8^3 · 24^5 = 2^24 · 3^5. */
const SPACE = SLOTS.reduce((n, c) => n * (c === 'd' ? DIGITS.length : LETTERS.length), 1);
/** Coprime with SPACE (neither 2 nor 3 divides it), so n ↦ (A·n + offset) mod SPACE is a bijection. */
const A = 2_654_435_761;

function mulMod(a: number, b: number, m: number): number {
  return Number((BigInt(a) * BigInt(b)) % BigInt(m));
}

/** Spells value (0 ≤ value < SPACE) in the pattern. */
export function spell(value: number): string {
  let rest = value;
  const chars: string[] = [];
  for (const c of SLOTS) {
    const alphabet = c === 'd' ? DIGITS : LETTERS;
    chars.push(alphabet[rest % alphabet.length] ?? '');
    rest = Math.floor(rest / alphabet.length);
  }
  const body = chars.join('');
  return `AMX-${body.slice(0, 4)}-${body.slice(4)}`;
}

export const CASE_NUMBER = /^AMX-[2-9][A-HJ-NP-Z]{2}[2-9]-[A-HJ-NP-Z][2-9][A-HJ-NP-Z]{2}$/;

/**
 * A source of case numbers, unique for its lifetime. `offset` shifts the sequence (a random
 * one by default, so a restarted server does not repeat the numbers of the last run).
 */
export function caseNumbers(offset = randomCaseOffset()): () => string {
  let counter = 0;
  return () => {
    const n = counter;
    counter += 1;
    return caseNumberAt(n, offset);
  };
}

/** A random starting point for a new sequence of case numbers. */
export function randomCaseOffset(): number {
  return Math.floor(Math.random() * SPACE);
}

/**
 * The case number at position `counter` of the sequence that starts at `offset` (what
 * `caseNumbers` hands out, for a store that keeps the counter itself, e.g. in Redis).
 */
export function caseNumberAt(counter: number, offset: number): string {
  return spell((mulMod(A, counter % SPACE, SPACE) + offset) % SPACE);
}
