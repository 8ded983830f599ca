/** Exponential backoff with full jitter: a random delay in [0, min(cap, base * 2^attempt)). */
export function backoffDelay(attempt: number, base = 250, cap = 30_000, random = Math.random): number {
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 20));
  return Math.floor(random() * ceiling);
}

export interface BackoffOptions {
  /** The ceiling of the first delay, in ms. */
  base?: number;
  /** The highest ceiling, in ms. */
  cap?: number;
  /** The shortest delay, in ms: no retry comes sooner than this, whatever the jitter drew. */
  floor?: number;
  random?: () => number;
}

/**
 * The retry schedule of one connection: each `next()` is the delay before the next attempt
 * (`backoffDelay` of the attempts so far), `reset()` starts over once a connection succeeds. The
 * widget's conversation and the agent console retry on the same curve.
 */
export class Backoff {
  #attempt = 0;
  readonly #base: number;
  readonly #cap: number;
  readonly #floor: number;
  readonly #random: () => number;

  constructor({ base = 250, cap = 30_000, floor = 0, random = Math.random }: BackoffOptions = {}) {
    this.#base = base;
    this.#cap = cap;
    this.#floor = floor;
    this.#random = random;
  }

  /** Attempts made since the last reset. */
  get attempt(): number {
    return this.#attempt;
  }

  /** The delay before the next attempt; counts that attempt. */
  next(): number {
    const delay = backoffDelay(this.#attempt, this.#base, this.#cap, this.#random);
    this.#attempt += 1;
    return Math.max(this.#floor, delay);
  }

  reset(): void {
    this.#attempt = 0;
  }
}
