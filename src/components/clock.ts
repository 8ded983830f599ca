/**
 * The time and the timers of the element's own clocks: how long announcements stay, the
 * inactivity countdown, the wait estimate and the wait for an announced replay. One object per
 * page, not a public property: a test swaps its members for a fake clock's
 * (test/support/fake-clock.ts) and puts them back after.
 */
export const clock = {
  now: (): number => Date.now(),
  setTimeout: (callback: () => void, ms: number): unknown => setTimeout(callback, ms),
  clearTimeout: (handle: unknown): void => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
