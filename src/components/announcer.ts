import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Politeness = 'polite' | 'assertive';

/**
 * The only writer of the element's live regions. The host renders `polite` and `assertive`
 * into two visually hidden regions that exist from the first render, outside the panel.
 * Each announcement is written as text, cleared after `clearAfter` ms, and an identical
 * string within that time is dropped.
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
    // Append to what is still showing so two quick announcements are both read.
    const current = this[politeness];
    this[politeness] = current ? `${current} ${message}` : message;
    clearTimeout(this.#timers[politeness]);
    this.#timers[politeness] = setTimeout(() => {
      this[politeness] = '';
      this.#recent = new Map([...this.#recent].filter(([, at]) => Date.now() - at < this.#clearAfter));
      this.#host.requestUpdate();
    }, this.#clearAfter);
    this.#host.requestUpdate();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.#timers.polite);
    clearTimeout(this.#timers.assertive);
    this.polite = '';
    this.assertive = '';
    this.#recent.clear();
  }
}
