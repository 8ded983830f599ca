/**
 * Where focus goes after the console renders, as a reactive controller. A step may name a place
 * (`request`); otherwise, when what had focus went away (a row someone else took, a control of
 * an ended chat), focus stays nearby, in the section it was in, instead of dropping to the page.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import type { FocusTarget } from './model.js';

export class FocusController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #ids: string;
  #pending: FocusTarget | undefined;
  #before: Element | undefined;
  #home: string | undefined;

  constructor(host: ReactiveElement, ids: string) {
    this.#host = host;
    this.#ids = ids;
    host.addController(this);
  }

  /** Focus goes here after the next render. */
  request(target: FocusTarget): void {
    this.#pending = target;
  }

  /** Focus goes here after the next render, unless somewhere was asked for already. */
  requestUnlessSet(target: FocusTarget): void {
    this.#pending ??= target;
  }

  /** Before rendering: what has focus, and the section (`data-focus-home`) it is in. */
  hostUpdate(): void {
    const active = document.activeElement;
    if (active && active !== this.#host && this.#host.contains(active)) {
      this.#before = active;
      this.#home = active.closest<HTMLElement>('[data-focus-home]')?.dataset['focusHome'];
    } else {
      this.#before = undefined;
      this.#home = undefined;
    }
  }

  hostUpdated(): void {
    const target = this.#pending;
    this.#pending = undefined;
    if (target) {
      this.#focus(target);
    } else if (this.#before && lostFocus(this.#before)) {
      if (this.#home === 'board') this.#focus('board-heading');
      else if (this.#home === 'pane') this.#focus('pane-status');
    }
    this.#before = undefined;
  }

  #find(target: FocusTarget): HTMLElement | null {
    // Each place's id is the console's prefix and the place's name.
    return this.#host.querySelector<HTMLElement>(`#${this.#ids}-${target}`);
  }

  #focus(target: FocusTarget): void {
    const element = this.#find(target);
    if (!element) return;
    // A disabled "End chat" (the chat closed meanwhile) cannot take focus: its status can.
    if (target === 'end-button' && (element as HTMLButtonElement).disabled) {
      this.#find('pane-status')?.focus();
      return;
    }
    element.focus();
  }
}

/** Whether an element that had focus can no longer have it: gone, or disabled. */
function lostFocus(element: Element): boolean {
  if (!element.isConnected) return true;
  return (
    (element instanceof HTMLButtonElement ||
      element instanceof HTMLTextAreaElement ||
      element instanceof HTMLSelectElement ||
      element instanceof HTMLInputElement) &&
    element.disabled
  );
}
