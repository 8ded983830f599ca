import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Politeness = 'polite' | 'assertive';

/** At most this many announcements are joined in one update. */
const BURST = 5;

/**
 * The only writer of the element's live regions. The host renders `polite` and `assertive`
 * into two visually hidden regions that exist from the first render, outside the panel.
 * Each announcement is written as text, cleared after `clearAfter` ms, and an identical
 * string within that time is dropped. A new announcement replaces one already rendered (it
 * was read when it appeared; keeping it would make the atomic region read it again) and joins
 * one made in the same update, so neither is lost; of a burst in one update (many messages
 * caught up at once after a reconnect) the newest {@link BURST} are read, the log has them all.
 */
export class Announcer implements ReactiveController {
  polite = '';
  assertive = '';
  readonly #host: ReactiveControllerHost;
  readonly #clearAfter: number;
  readonly #timers: Record<Politeness, ReturnType<typeof setTimeout> | undefined> = {
    polite: undefined,
    assertive: undefined,
  };
  #recent = new Map<string, number>();
  readonly #rendered: Record<Politeness, boolean> = { polite: true, assertive: true };
  readonly #joined: Record<Politeness, string[]> = { polite: [], assertive: [] };
  /** When each region is to be cleared; one timer each, moved on when it fires early. */
  readonly #clearAt: Record<Politeness, number> = { polite: 0, assertive: 0 };

  constructor(host: ReactiveControllerHost, clearAfter = 1000) {
    this.#host = host;
    this.#clearAfter = clearAfter;
    host.addController(this);
  }

  announce(text: string, politeness: Politeness = 'polite'): void {
    const message = text.trim();
    if (!message) return;
    const now = Date.now();
    const last = this.#recent.get(message);
    if (last !== undefined && now - last < this.#clearAfter) return;
    this.#recent.set(message, now);
    const joined = this.#rendered[politeness] ? [] : this.#joined[politeness];
    joined.push(message);
    if (joined.length > BURST) joined.shift();
    this.#joined[politeness] = joined;
    this[politeness] = joined.join(' ');
    this.#rendered[politeness] = false;
    this.#clearAt[politeness] = now + this.#clearAfter;
    if (this.#timers[politeness] === undefined) this.#clearLater(politeness, this.#clearAfter);
    this.#host.requestUpdate();
  }

  #clearLater(politeness: Politeness, ms: number): void {
    this.#timers[politeness] = setTimeout(() => {
      const left = this.#clearAt[politeness] - Date.now();
      if (left > 0) return this.#clearLater(politeness, left);
      this.#timers[politeness] = undefined;
      this[politeness] = '';
      this.#recent = new Map([...this.#recent].filter(([, at]) => Date.now() - at < this.#clearAfter));
      this.#host.requestUpdate();
    }, ms);
  }

  hostConnected(): void {}

  hostUpdated(): void {
    this.#rendered.polite = true;
    this.#rendered.assertive = true;
  }

  hostDisconnected(): void {
    clearTimeout(this.#timers.polite);
    clearTimeout(this.#timers.assertive);
    this.#timers.polite = this.#timers.assertive = undefined;
    this.polite = '';
    this.assertive = '';
    this.#recent.clear();
  }
}
