/**
 * Redraws the board when the text of a wait next changes (once a minute per customer), not every
 * second: the page does not churn, and a screen reader reading the board is not fed a new number
 * each second (WCAG 2.2.2). One timer, on the console's clock, checked after every update.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WaitingConversation } from '../../src/agent-protocol.js';
import { nextWaitChange } from '../agent-console-format.js';
import type { ConsoleClock } from './connection.js';

export class WaitTick implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #clock: () => ConsoleClock;
  readonly #waiting: () => readonly WaitingConversation[];
  #timer: unknown;
  /** When the next redraw is due. */
  #at: number | undefined;

  constructor(
    host: ReactiveControllerHost,
    clock: () => ConsoleClock,
    waiting: () => readonly WaitingConversation[],
  ) {
    this.#host = host;
    this.#clock = clock;
    this.#waiting = waiting;
    host.addController(this);
  }

  hostUpdated(): void {
    const clock = this.#clock();
    const now = clock.now();
    const waiting = this.#waiting();
    const next = waiting.length ? Math.min(...waiting.map((w) => nextWaitChange(w.since, now))) : undefined;
    if (next === this.#at) return;
    clock.clearTimeout(this.#timer);
    this.#at = next;
    this.#timer =
      next === undefined
        ? undefined
        : clock.setTimeout(() => {
            this.#at = undefined;
            this.#host.requestUpdate();
          }, next - now);
  }

  hostDisconnected(): void {
    this.#clock().clearTimeout(this.#timer);
    this.#timer = this.#at = undefined;
  }
}
