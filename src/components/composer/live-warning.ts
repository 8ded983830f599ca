import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SensitiveKind } from '../../redaction/index.js';
import { clock } from '../clock.js';

/** How long the customer may pause, in ms, before the live sensitive-data warning is said. */
export const WARNING_ANNOUNCE_DELAY = 750;

/**
 * Says the live sensitive-data warning once per detection, after typing pauses: not at every
 * key press, and not again for the same kinds. Runs on the element's clock (../clock.ts).
 */
export class LiveWarning implements ReactiveController {
  #timer: unknown;
  /** The kinds last said (joined): the same detection is not said twice. */
  #said = '';
  readonly #say: (kinds: readonly SensitiveKind[]) => void;

  constructor(host: ReactiveControllerHost, say: (kinds: readonly SensitiveKind[]) => void) {
    this.#say = say;
    host.addController(this);
  }

  /** The draft changed: say `kinds` once typing pauses (nothing when none are left). */
  schedule(kinds: () => readonly SensitiveKind[]): void {
    clock.clearTimeout(this.#timer);
    this.#timer = clock.setTimeout(() => {
      const now = kinds();
      const key = now.join();
      if (key === this.#said) return;
      this.#said = key;
      if (key) this.#say(now);
    }, WARNING_ANNOUNCE_DELAY);
  }

  /** A sent draft or a new language: the next detection is said again. */
  forget(): void {
    this.#said = '';
  }

  hostDisconnected(): void {
    clock.clearTimeout(this.#timer);
  }
}
