import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clock } from '../clock.js';

/** "Maria is typing" is said once a typing spell has lasted this long, in ms. */
export const TYPING_ANNOUNCE_AFTER = 2000;

/**
 * Who is typing: shown at once ("Maria is typing…"), said once per typing spell and only after
 * it has lasted {@link TYPING_ANNOUNCE_AFTER} ms (short bursts stay silent); stopping is not
 * said. Runs on the element's clock (../clock.ts).
 */
export class TypingAnnouncer implements ReactiveController {
  /** The name shown typing ('' when nobody is). */
  name = '';
  /** The name whose current typing spell was (or will be) said. */
  #spell = '';
  #timer: unknown;
  readonly #host: ReactiveControllerHost;
  readonly #say: (name: string) => void;

  constructor(host: ReactiveControllerHost, say: (name: string) => void) {
    this.#host = host;
    this.#say = say;
    host.addController(this);
  }

  /** The conversation says `name` started (`active`) or stopped typing. */
  typing(name: string, active: boolean): void {
    this.name = active ? name : '';
    this.#host.requestUpdate();
    if (!active) return this.#endSpell();
    if (this.#spell === name) return;
    this.#endSpell();
    this.#spell = name;
    this.#timer = clock.setTimeout(() => {
      if (this.name === name) this.#say(name);
    }, TYPING_ANNOUNCE_AFTER);
  }

  /** A message from `name` arrived: its typing is over. */
  stopped(name: string): void {
    if (name !== this.name) return;
    this.name = '';
    this.#host.requestUpdate();
    this.#endSpell();
  }

  #endSpell(): void {
    clock.clearTimeout(this.#timer);
    this.#spell = '';
  }

  hostDisconnected(): void {
    clock.clearTimeout(this.#timer);
  }
}
