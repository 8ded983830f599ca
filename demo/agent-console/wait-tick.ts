/**
 * Redraws the board when the text of a wait next changes (once a minute per customer), not every
 * second: the page does not churn, and a screen reader reading the board is not fed a new number
 * each second (WCAG 2.2.2); and a request for documents when it lapses (upload-status.ts). One
 * timer, on the console's clock, checked after every update.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { nextWaitChange } from '../agent-console-format.js';
import type { ConsoleClock } from './connection.js';
import type { ConsoleState } from './model.js';
import { nextUploadChange } from './upload-status.js';

export class WaitTick implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #clock: () => ConsoleClock;
  readonly #model: () => ConsoleState;
  #timer: unknown;
  /** When the next redraw is due. */
  #at: number | undefined;

  constructor(host: ReactiveControllerHost, clock: () => ConsoleClock, model: () => ConsoleState) {
    this.#host = host;
    this.#clock = clock;
    this.#model = model;
    host.addController(this);
  }

  hostUpdated(): void {
    const clock = this.#clock();
    const now = clock.now();
    const { board, conversations } = this.#model();
    const due = (board?.waiting ?? []).map((w) => nextWaitChange(w.since, now));
    const lapse = nextUploadChange(conversations, now);
    if (lapse !== undefined) due.push(lapse);
    const next = due.length ? Math.min(...due) : undefined;
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
