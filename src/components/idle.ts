import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clock } from './clock.js';

/** The warning comes this long before the end, in seconds, and never less than 20 s (WCAG 2.2.1). */
const LEAD = 120;
const MIN_LEAD = 20;
/** Seconds left at which the warning is said again, besides its start. */
const STEPS = [60, 10];

export interface IdleCallbacks {
  /** Whether the timeout applies now (a live conversation with the assistant or an agent). */
  applies(): boolean;
  /** The warning starts (`first`) or reaches a step, with `left` seconds to go: say it. */
  say(left: number, first: boolean): void;
  /** Time is up: end the chat. */
  end(): void;
}

/**
 * The inactivity timeout: the chat ends `total` seconds after the customer's last activity, with
 * a warning 2 minutes before (half the time when that is shorter, never less than 20 s). The
 * warning counts down on screen every second (`left`), and is said only at its start, at 60 s and
 * at 10 s (`said`: what assistive technology reads), so a screen reader is not given a new number
 * every second (WCAG 2.2.2). Runs on the element's clock (./clock.ts).
 */
export class IdleCountdown implements ReactiveController {
  /** Seconds left, as shown (0: no warning). */
  left = 0;
  /** Seconds left when the warning was last said. */
  said = 0;
  readonly #host: ReactiveControllerHost;
  readonly #on: IdleCallbacks;
  #timer: unknown;
  #end = 0;

  constructor(host: ReactiveControllerHost, on: IdleCallbacks) {
    this.#host = host;
    this.#on = on;
    host.addController(this);
  }

  /** The customer did something: the clock starts again (`total` seconds; 0 is off), any warning goes. */
  restart(total: number): void {
    this.stop();
    if (total <= 0 || !this.#on.applies()) return;
    this.#end = clock.now() + total * 1000;
    this.#timer = clock.setTimeout(
      this.#tick,
      (total - Math.min(LEAD, Math.max(MIN_LEAD, total / 2))) * 1000,
    );
  }

  stop(): void {
    clock.clearTimeout(this.#timer);
    if (!this.left) return;
    this.left = this.said = 0;
    this.#host.requestUpdate();
  }

  readonly #tick = (): void => {
    if (!this.#on.applies()) return this.stop();
    const ms = this.#end - clock.now();
    const left = Math.ceil(ms / 1000);
    if (left <= 0) {
      this.stop();
      return this.#on.end();
    }
    const first = !this.left;
    this.left = left;
    if (first || STEPS.includes(left)) {
      this.said = left;
      this.#on.say(left, first);
    }
    this.#host.requestUpdate();
    // At the next whole second left.
    this.#timer = clock.setTimeout(this.#tick, ms - (left - 1) * 1000);
  };

  hostDisconnected(): void {
    clock.clearTimeout(this.#timer);
  }
}
