/**
 * The agent console's live regions: what `<agent-console>` says, each piece in its language.
 *
 * The console speaks two languages at once: its own (English) and each conversation's ("Customer
 * 1: " then the customer's Spanish words). An announcement is a list of parts; a part in another
 * language than the console's carries its `lang`, and is rendered as its own `<span lang>` in the
 * region, so a screen reader reads it with the right voice (WCAG 3.1.2).
 *
 * Otherwise it keeps the timing of the widget's `Announcer` (src/components/announcer.ts): written
 * when the host updates, cleared after a second, the same text within that second dropped, what
 * was written since the page's last frame joined rather than replaced (Chromium passes the
 * accessibility tree on once per frame), and of a burst the newest five. Its timers run on the
 * console's clock, so tests with a fake clock control them too.
 */
import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';

export type Politeness = 'polite' | 'assertive';

/** Text in the console's language, or text in another one (`lang`: a BCP 47 tag). */
export type Part = string | { text: string; lang: string | undefined };

/** One announcement: its parts, read in order. */
export type Announcement = readonly Part[];

/** The timers the announcer needs (the console's clock). */
export interface AnnouncerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** At most this many announcements are read of one burst. */
const BURST = 5;

/** The plain text of an announcement: what identical announcements are recognised by. */
export function plainText(announcement: Announcement): string {
  return announcement
    .map((part) => (typeof part === 'string' ? part : part.text))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

export class ConsoleAnnouncer implements ReactiveController {
  polite: Announcement[] = [];
  assertive: Announcement[] = [];
  readonly #host: ReactiveControllerHost;
  readonly #clock: () => AnnouncerClock;
  readonly #clearAfter: number;
  readonly #timers: Record<Politeness, unknown> = { polite: undefined, assertive: undefined };
  readonly #clearAt: Record<Politeness, number> = { polite: 0, assertive: 0 };
  #recent = new Map<string, number>();
  #queue: [Announcement, Politeness][] = [];
  /** What each region was given since the page's last frame (not yet passed on: joined, not replaced). */
  #unread: Partial<Record<Politeness, Announcement[]>> = {};

  constructor(host: ReactiveControllerHost, clock: () => AnnouncerClock, clearAfter = 1000) {
    this.#host = host;
    this.#clock = clock;
    this.#clearAfter = clearAfter;
    host.addController(this);
  }

  announce(what: string | Announcement, politeness: Politeness = 'polite'): void {
    if (this.#queue.push([typeof what === 'string' ? [what] : what, politeness]) === 1) {
      this.#host.requestUpdate();
    }
  }

  hostUpdate(): void {
    const clock = this.#clock();
    const now = clock.now();
    const read: Record<Politeness, Announcement[]> = { polite: [], assertive: [] };
    for (const [announcement, politeness] of this.#queue.splice(0).reverse()) {
      const list = read[politeness];
      if (list.length >= BURST) continue;
      const key = plainText(announcement);
      const last = this.#recent.get(key);
      if (!key || (last !== undefined && now - last < this.#clearAfter)) continue;
      this.#recent.set(key, now);
      list.unshift(announcement);
    }
    for (const politeness of ['polite', 'assertive'] as const) {
      if (!read[politeness].length) continue;
      const unread = this.#unread[politeness];
      const list = [...(unread ?? []), ...read[politeness]].slice(-BURST);
      if (!unread) requestAnimationFrame(() => (this.#unread[politeness] = undefined));
      this.#unread[politeness] = list;
      this[politeness] = list;
      this.#clearAt[politeness] = now + this.#clearAfter;
      if (this.#timers[politeness] === undefined) this.#clearLater(politeness, this.#clearAfter);
    }
  }

  #clearLater(politeness: Politeness, ms: number): void {
    const clock = this.#clock();
    this.#timers[politeness] = clock.setTimeout(() => {
      const left = this.#clearAt[politeness] - clock.now();
      if (left > 0) return this.#clearLater(politeness, left);
      this.#timers[politeness] = undefined;
      this[politeness] = [];
      this.#unread[politeness] = undefined;
      const now = clock.now();
      this.#recent = new Map([...this.#recent].filter(([, at]) => now - at < this.#clearAfter));
      this.#host.requestUpdate();
    }, ms);
  }

  hostDisconnected(): void {
    const clock = this.#clock();
    clock.clearTimeout(this.#timers.polite);
    clock.clearTimeout(this.#timers.assertive);
    this.#timers.polite = this.#timers.assertive = undefined;
    this.#queue = [];
    this.polite = [];
    this.assertive = [];
    this.#unread = {};
    this.#recent.clear();
  }

  /** A region's content: one `<span>` per announcement, a part in another language in its `lang`. */
  render(politeness: Politeness): TemplateResult[] {
    return this[politeness].map(
      (announcement) =>
        html`<span
          >${announcement.map((part) =>
            typeof part === 'string' ? part : html`<span lang=${part.lang ?? nothing}>${part.text}</span>`,
          )}</span
        > `,
    );
  }
}
