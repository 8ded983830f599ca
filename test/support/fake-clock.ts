// A clock that moves only when a test says so. Put in place of the element's own
// (src/components/clock.ts, `install()`): announcements, the inactivity countdown and the wait
// estimate then run on it. Or handed to the agent console as its `clock` (a ConsoleClock): its
// waits and reconnects run on it. Either way a test checks minutes of them without waiting.
// Works in Node and in the page.
import { clock } from '../../src/components/clock.js';

export class FakeClock {
  #now: number;
  #timers = new Map<number, { at: number; callback: () => void }>();
  #next = 0;
  readonly #real = { ...clock };
  /** How many scheduled callbacks ran. */
  fired = 0;

  constructor(start = Date.UTC(2026, 10, 25, 15, 7)) {
    this.#now = start;
  }

  /** Puts this clock in place of the element's; `uninstall()` puts the real one back. */
  install(): this {
    Object.assign(clock, {
      now: () => this.now(),
      setTimeout: (callback: () => void, ms: number) => this.setTimeout(callback, ms),
      clearTimeout: (handle: unknown) => this.clearTimeout(handle),
    });
    return this;
  }

  uninstall(): void {
    Object.assign(clock, this.#real);
  }

  now(): number {
    return this.#now;
  }

  /**
   * Schedules `callback` for `ms` from now, run by `advance()`. Handles are negative: one that
   * reaches the real clock (a timer cleared after `uninstall()`, when its element leaves the page)
   * is no real timer's, and clears nothing.
   */
  setTimeout(callback: () => void, ms: number): number {
    const handle = -++this.#next;
    this.#timers.set(handle, { at: this.#now + Math.max(0, ms), callback });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  /** Timers waiting to run. */
  get pending(): number {
    return this.#timers.size;
  }

  /** Moves time on by `ms`, running every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      let due: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.#timers)
        if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
      if (!due) break;
      this.#timers.delete(due[0]);
      this.#now = Math.max(this.#now, due[1].at);
      this.fired += 1;
      due[1].callback();
    }
    this.#now = end;
  }
}
