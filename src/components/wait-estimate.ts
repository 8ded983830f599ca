import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { QueueStatus } from '../conversation/index.js';
import { clock } from './clock.js';

/** How often, in ms, the estimate shown is counted down. */
const EVERY = 30_000;

/** The estimate's whole minutes as its words round them: 0 under a minute, 1 up to 89 s. */
const minutes = (seconds: number): number => (seconds < 60 ? 0 : Math.round(seconds / 60));

/**
 * The place in line and the estimated wait as shown: the server's estimate, counted down as time
 * passes (shown anew every 30 s, and at once when the server says something new). Said (`say`)
 * when the place changes, and otherwise only when the estimate moved by two minutes or more from
 * what was said last, or fell under a minute: a screen reader is not told every minute. Runs on
 * the element's clock (./clock.ts).
 */
export class WaitEstimate implements ReactiveController {
  /** What the queue banner shows (undefined: not in line). */
  shown: QueueStatus | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #say: (queue: QueueStatus) => void;
  /** The server's latest, and when it came. */
  #base: QueueStatus | undefined;
  #at = 0;
  /** The place and the minutes said last. */
  #said: [number, number] | undefined;
  #timer: unknown;

  constructor(host: ReactiveControllerHost, say: (queue: QueueStatus) => void) {
    this.#host = host;
    this.#say = say;
    host.addController(this);
  }

  /** The server's place in line (undefined: out of the line). */
  update(queue: QueueStatus | undefined): void {
    clock.clearTimeout(this.#timer);
    this.#base = queue;
    this.#at = clock.now();
    if (queue) this.#tick();
    else this.shown = this.#said = undefined;
  }

  readonly #tick = (): void => {
    const base = this.#base;
    if (!base) return;
    const eta = Math.max(0, Math.round(base.etaSeconds - (clock.now() - this.#at) / 1000));
    const shown = { ...base, etaSeconds: eta };
    const said = this.#said;
    const m = minutes(eta);
    if (!said || said[0] !== base.position || Math.abs(m - said[1]) >= 2 || (!m && said[1])) {
      this.#said = [base.position, m];
      this.#say(shown);
    }
    this.shown = shown;
    this.#host.requestUpdate();
    if (eta) this.#timer = clock.setTimeout(this.#tick, EVERY);
  };

  hostConnected(): void {
    this.#tick();
  }

  hostDisconnected(): void {
    clock.clearTimeout(this.#timer);
  }
}
