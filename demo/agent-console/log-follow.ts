/**
 * The transcript follows new messages unless the agent scrolled up to read: a controller that
 * remembers, on each scroll of the log, whether it was at its end, and after each update scrolls
 * a log that was there to the end again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class LogFollow implements ReactiveController {
  readonly #log: () => HTMLElement | null;
  #atEnd = true;

  constructor(host: ReactiveControllerHost, log: () => HTMLElement | null) {
    this.#log = log;
    host.addController(this);
  }

  /** Another conversation is on screen: its log starts at its end. */
  follow(): void {
    this.#atEnd = true;
  }

  /** The log scrolled (the agent's doing, or ours). */
  scrolled(event: Event): void {
    const log = event.currentTarget as HTMLElement;
    this.#atEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 24;
  }

  hostUpdated(): void {
    const log = this.#log();
    if (log && this.#atEnd) log.scrollTop = log.scrollHeight;
  }
}
