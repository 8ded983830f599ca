import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { clock } from './clock.js';

export type Politeness = 'polite' | 'assertive';

/** One announcement: its own node in the live region, keyed by `id`, never changed. */
export interface Announcement {
  id: number;
  text: string;
}

/** At most this many announcements are made of one update (a burst caught up at once). */
const BURST = 5;
/** How long, in ms, a region keeps its announcements after the newest one. */
export const KEEP = 3000;
/** Entries a region holds at most, beyond those younger than {@link KEEP}. */
export const CAP = 10;

let ids = 0;

/**
 * The only writer of the element's live regions, in the manner of BotFramework-WebChat's live
 * region twin. The host renders `polite` and `assertive` as one node each, keyed by `id`, into
 * two visually hidden regions that exist from the first render, outside the panel (the regions
 * are not atomic; each node is). An announcement is added and never rewritten or replaced: a
 * screen reader gets every one, however close together (a hand-off writes three within ~10 ms).
 * Nodes are removed together, {@link KEEP} ms after a region's newest (removed one by one,
 * Narrator read some again, WebChat found), or, when a region holds more than {@link CAP}, the
 * oldest of those older than that. Removals are not read (`aria-relevant` is "additions text").
 *
 * Announcements are made when the host updates, and one may be a function that makes its text:
 * of a burst only the newest {@link BURST} of each politeness are made (a history of 1,000
 * messages used to format 1,000 announcements to read 5). Identical texts made for one update are
 * said once; at different moments, each time.
 */
export class Announcer implements ReactiveController {
  polite: readonly Announcement[] = [];
  assertive: readonly Announcement[] = [];
  readonly #host: ReactiveControllerHost;
  /** When each entry was added, and when each region is to be emptied (one timer each). */
  readonly #added = new WeakMap<Announcement, number>();
  readonly #timers: Partial<Record<Politeness, unknown>> = {};
  readonly #clearAt = { polite: 0, assertive: 0 };
  /** Made since the last update, oldest first. */
  #queue: [string | (() => string), Politeness][] = [];

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  announce(text: string | (() => string), politeness: Politeness = 'polite'): void {
    // Queued already: an update is on its way (a burst of 1,000 asks once, not 1,000 times).
    if (this.#queue.push([text, politeness]) === 1) this.#host.requestUpdate();
  }

  /** Adds what was announced since the last update: the newest {@link BURST} of each politeness. */
  hostUpdate(): void {
    const now = clock.now();
    const made: Record<Politeness, string[]> = { polite: [], assertive: [] };
    for (const [text, politeness] of this.#queue.splice(0).reverse()) {
      const list = made[politeness];
      if (list.length >= BURST) continue;
      const message = (typeof text === 'string' ? text : text()).trim();
      if (message && !list.includes(message)) list.unshift(message);
    }
    for (const politeness of ['polite', 'assertive'] as const) {
      if (!made[politeness].length) continue;
      const added = made[politeness].map((text) => ({ id: ++ids, text }));
      for (const entry of added) this.#added.set(entry, now);
      let list = [...this[politeness], ...added];
      // Over the cap, the oldest go, but never one younger than KEEP.
      while (list.length > CAP && now - (this.#added.get(list[0] as Announcement) ?? now) >= KEEP)
        list = list.slice(1);
      this[politeness] = list;
      this.#clearAt[politeness] = now + KEEP;
      if (this.#timers[politeness] === undefined) this.#clearLater(politeness, KEEP);
    }
  }

  #clearLater(politeness: Politeness, ms: number): void {
    this.#timers[politeness] = clock.setTimeout(() => {
      const left = this.#clearAt[politeness] - clock.now();
      if (left > 0) return this.#clearLater(politeness, left);
      this.#timers[politeness] = undefined;
      this[politeness] = [];
      this.#host.requestUpdate();
    }, ms);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clock.clearTimeout(this.#timers.polite);
    clock.clearTimeout(this.#timers.assertive);
    this.#timers.polite = this.#timers.assertive = undefined;
    this.#queue = [];
    this.polite = this.assertive = [];
  }
}

/** Which announcement each node of a live region shows. */
const shown = new WeakMap<Element, number>();

/**
 * Shows `list` in `region`, each announcement in a node of its own, read whole (see Announcer):
 * a node whose announcement left the list is removed, one for each new announcement is added at
 * the end, and a node is never rewritten.
 */
export function showSaid(region: Element, list: readonly Announcement[]): void {
  const ids = new Set(list.map((a) => a.id));
  let last = 0;
  for (const node of [...region.children]) {
    const id = shown.get(node) ?? 0;
    if (ids.has(id)) last = Math.max(last, id);
    else node.remove();
  }
  for (const a of list) {
    if (a.id <= last) continue;
    const node = document.createElement('p');
    node.setAttribute('aria-atomic', 'true');
    node.textContent = a.text;
    shown.set(node, a.id);
    region.append(node);
  }
}
