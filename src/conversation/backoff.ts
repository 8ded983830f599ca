/** Exponential backoff with full jitter: a random delay in [0, min(cap, base * 2^attempt)). */
export function backoffDelay(attempt: number, base = 250, cap = 30_000, random = Math.random): number {
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 20));
  return Math.floor(random() * ceiling);
}
