import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Politeness = 'polite' | 'assertive';

/**
 * The only writer of the element's live regions. The host renders `polite` and `assertive`
 * into two visually hidden regions that exist from the first render, outside the panel.
 * Each announcement is written as text, cleared after `clearAfter` ms, and an identical
 * string within that time is dropped. A new announcement replaces one already rendered (it
 * was read when it appeared; keeping it would make the atomic region read it again) and joins
 * one made in the same update, so neither is lost.
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
    const current = this.#rendered[politeness] ? '' : this[politeness];
    this[politeness] = current ? `${current} ${message}` : message;
    this.#rendered[politeness] = false;
    clearTimeout(this.#timers[politeness]);
    this.#timers[politeness] = setTimeout(() => {
      this[politeness] = '';
      this.#recent = new Map([...this.#recent].filter(([, at]) => Date.now() - at < this.#clearAfter));
      this.#host.requestUpdate();
    }, this.#clearAfter);
    this.#host.requestUpdate();
  }

  hostConnected(): void {}

  hostUpdated(): void {
    this.#rendered.polite = true;
    this.#rendered.assertive = true;
  }

  hostDisconnected(): void {
    clearTimeout(this.#timers.polite);
    clearTimeout(this.#timers.assertive);
    this.polite = '';
    this.assertive = '';
    this.#recent.clear();
  }
}
