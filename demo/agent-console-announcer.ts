/**
 * The agent console's live regions: what `<agent-console>` says, each piece in its language.
 *
 * The console speaks two languages at once: its own (English) and each conversation's ("Customer
 * 1: " then the customer's Spanish words). An announcement is a list of parts; a part in another
 * language than the console's carries its `lang`, and is rendered as its own `<span lang>` in the
 * region, so a screen reader reads it with the right voice (WCAG 3.1.2).
 *
 * Otherwise it works as the widget's `Announcer` (src/components/announcer.ts), in the manner of
 * BotFramework-WebChat's live region twin: each announcement is its own node, added when the host
 * updates and never rewritten, so none replaces another however close together; a region is
 * emptied KEEP ms after its newest (at most CAP kept beyond those younger); identical texts of
 * one update are said once, at different moments each time; of a burst the newest five. Its
 * timers run on the console's clock, so tests with a fake clock control them too.
 */
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
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

/** At most this many announcements are made of one update (a burst caught up at once). */
const BURST = 5;
/** How long, in ms, a region keeps its announcements after the newest one. */
const KEEP = 3000;
/** Entries a region holds at most, beyond those younger than KEEP. */
const CAP = 10;

/** One announcement in a region: its own node, keyed by `id`, never changed. */
interface Entry {
  id: number;
  parts: Announcement;
  at: number;
}

let ids = 0;

/** The plain text of an announcement: what identical announcements are recognised by. */
export function plainText(announcement: Announcement): string {
  return announcement
    .map((part) => (typeof part === 'string' ? part : part.text))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

export class ConsoleAnnouncer implements ReactiveController {
  polite: readonly Entry[] = [];
  assertive: readonly Entry[] = [];
  readonly #host: ReactiveControllerHost;
  readonly #clock: () => AnnouncerClock;
  readonly #timers: Record<Politeness, unknown> = { polite: undefined, assertive: undefined };
  readonly #clearAt: Record<Politeness, number> = { polite: 0, assertive: 0 };
  #queue: [Announcement, Politeness][] = [];

  constructor(host: ReactiveControllerHost, clock: () => AnnouncerClock) {
    this.#host = host;
    this.#clock = clock;
    host.addController(this);
  }

  announce(what: string | Announcement, politeness: Politeness = 'polite'): void {
    if (this.#queue.push([typeof what === 'string' ? [what] : what, politeness]) === 1) {
      this.#host.requestUpdate();
    }
  }

  /** Adds what was announced since the last update: the newest BURST of each politeness. */
  hostUpdate(): void {
    const clock = this.#clock();
    const now = clock.now();
    const made: Record<Politeness, Announcement[]> = { polite: [], assertive: [] };
    const keys: Record<Politeness, string[]> = { polite: [], assertive: [] };
    for (const [announcement, politeness] of this.#queue.splice(0).reverse()) {
      if (made[politeness].length >= BURST) continue;
      const key = plainText(announcement);
      if (!key || keys[politeness].includes(key)) continue;
      keys[politeness].push(key);
      made[politeness].unshift(announcement);
    }
    for (const politeness of ['polite', 'assertive'] as const) {
      if (!made[politeness].length) continue;
      let list = [...this[politeness], ...made[politeness].map((parts) => ({ id: ++ids, parts, at: now }))];
      // Over the cap, the oldest go, but never one younger than KEEP.
      while (list.length > CAP && now - (list[0]?.at ?? now) >= KEEP) list = list.slice(1);
      this[politeness] = list;
      this.#clearAt[politeness] = now + KEEP;
      if (this.#timers[politeness] === undefined) this.#clearLater(politeness, KEEP);
    }
  }

  #clearLater(politeness: Politeness, ms: number): void {
    const clock = this.#clock();
    this.#timers[politeness] = clock.setTimeout(() => {
      const left = this.#clearAt[politeness] - clock.now();
      if (left > 0) return this.#clearLater(politeness, left);
      this.#timers[politeness] = undefined;
      this[politeness] = [];
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
  }

  /**
   * A region's content: one `<p>` per announcement, keyed so that an entry is never rewritten,
   * a part in another language in a `<span lang>`.
   */
  render(politeness: Politeness): TemplateResult {
    return html`${repeat(
      this[politeness],
      (entry) => entry.id,
      (entry) =>
        html`<p aria-atomic="true">
          ${entry.parts.map((part) =>
            typeof part === 'string' ? part : html`<span lang=${part.lang ?? nothing}>${part.text}</span>`,
          )}
        </p>`,
    )}`;
  }
}
