import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Politeness = 'polite' | 'assertive';

/** At most this many announcements are joined in one update. */
const BURST = 5;

/**
 * The only writer of the element's live regions. The host renders `polite` and `assertive`
 * into two visually hidden regions that exist from the first render, outside the panel.
 * Each announcement is written as text, cleared after `clearAfter` ms, and an identical
 * string within that time is dropped. A new announcement replaces one rendered before the
 * page's last frame (it was read when it appeared; keeping it would make the atomic region read
 * it again), and joins one rendered since (not yet passed to assistive technology) or made in
 * the same update, so none is lost; of a burst (many messages caught up at once after a
 * reconnect) the newest {@link BURST} are read, the log has them all.
 *
 * Announcements are written when the host updates, and one may be a function that makes its
 * text: of a burst only the newest are ever made (a history of 1,000 messages used to format
 * 1,000 announcements to read 5).
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
  /** When each region is to be cleared; one timer each, moved on when it fires early. */
  readonly #clearAt: Record<Politeness, number> = { polite: 0, assertive: 0 };
  /** Made since the last update, oldest first. */
  #queue: [string | (() => string), Politeness][] = [];
  /**
   * What each region was given since the page's last frame. Chromium passes the accessibility
   * tree on to assistive technology once per frame, so text replaced before then is never read:
   * a hand-off writes the assistant's message, the queue notice and the place in line within
   * ~10 ms, three updates apart. A new announcement joins those instead.
   */
  #unread: Partial<Record<Politeness, string[]>> = {};

  constructor(host: ReactiveControllerHost, clearAfter = 1000) {
    this.#host = host;
    this.#clearAfter = clearAfter;
    host.addController(this);
  }

  announce(text: string | (() => string), politeness: Politeness = 'polite'): void {
    // Queued already: an update is on its way (a burst of 1,000 asks once, not 1,000 times).
    if (this.#queue.push([text, politeness]) === 1) this.#host.requestUpdate();
  }

  /** Writes what was announced since the last update: the newest {@link BURST} of each politeness. */
  hostUpdate(): void {
    const now = Date.now();
    const read: Record<Politeness, string[]> = { polite: [], assertive: [] };
    for (const [text, politeness] of this.#queue.splice(0).reverse()) {
      const list = read[politeness];
      if (list.length >= BURST) continue;
      const message = (typeof text === 'string' ? text : text()).trim();
      const last = this.#recent.get(message);
      if (!message || (last !== undefined && now - last < this.#clearAfter)) continue;
      this.#recent.set(message, now);
      list.unshift(message);
    }
    for (const politeness of ['polite', 'assertive'] as const) {
      if (!read[politeness].length) continue;
      const unread = this.#unread[politeness];
      const list = [...(unread ?? []), ...read[politeness]].slice(-BURST);
      // (A frame's callbacks run before it passes the tree on; what comes after it, after that.)
      if (!unread) requestAnimationFrame(() => (this.#unread[politeness] = undefined));
      this.#unread[politeness] = list;
      this[politeness] = list.join(' ');
      this.#clearAt[politeness] = now + this.#clearAfter;
      if (this.#timers[politeness] === undefined) this.#clearLater(politeness, this.#clearAfter);
    }
  }

  #clearLater(politeness: Politeness, ms: number): void {
    this.#timers[politeness] = setTimeout(() => {
      const left = this.#clearAt[politeness] - Date.now();
      if (left > 0) return this.#clearLater(politeness, left);
      this.#timers[politeness] = undefined;
      this[politeness] = '';
      this.#unread[politeness] = undefined;
      this.#recent = new Map([...this.#recent].filter(([, at]) => Date.now() - at < this.#clearAfter));
      this.#host.requestUpdate();
    }, ms);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.#timers.polite);
    clearTimeout(this.#timers.assertive);
    this.#timers.polite = this.#timers.assertive = undefined;
    this.#queue = [];
    this.polite = '';
    this.assertive = '';
    this.#unread = {};
    this.#recent.clear();
  }
}
