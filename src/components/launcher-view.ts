import { showSaid } from './announcer.js';
import type { Announcement } from './announcer.js';
import { attr, make, text } from './dom.js';
import type { ElementStrings } from './i18n-element.js';

/** What the launcher shows: its name, whether the panel is open, and the unread count. */
export interface LauncherState {
  t: ElementStrings;
  open: boolean;
  unread: number;
  /** The panel exists (rendered once, on the first opening): the button controls it. */
  controls: boolean;
  /** What the live regions say (the element's Announcer). */
  said: { polite: readonly Announcement[]; assertive: readonly Announcement[] };
}

/**
 * The element's own nodes before the panel: the two live regions (outside the panel, so that they
 * exist from the first render and never move) and the launcher button with its badge. The icon
 * is drawn by the stylesheet (a clip-path shape on ::before), not an <svg>: a page's first SVG
 * element is slow to create.
 */
export class LauncherView {
  readonly #polite = make('div', { class: 'sr-only', 'aria-live': 'polite' });
  readonly #assertive = make('div', { class: 'sr-only', 'aria-live': 'assertive' });
  readonly button = make('button', { id: 'launcher', class: 'launcher', part: 'launcher', type: 'button' });
  readonly #label = make('span', {});
  readonly #badge = make('span', { class: 'badge', part: 'badge', 'aria-hidden': 'true' });

  constructor(root: Node, on: { click: () => void; keydown: (event: KeyboardEvent) => void }) {
    // The space keeps the count a word of its own in the button's text (the name must contain
    // what is shown, WCAG 2.5.3); in the flex box it takes no room.
    this.button.append(this.#label, ' ');
    this.button.addEventListener('click', on.click);
    this.button.addEventListener('keydown', on.keydown);
    root.appendChild(this.#polite);
    root.appendChild(this.#assertive);
    root.appendChild(this.button);
  }

  update({ t, open, unread, controls, said }: LauncherState): void {
    showSaid(this.#polite, said.polite);
    showSaid(this.#assertive, said.assertive);
    const button = this.button;
    attr(button, 'aria-expanded', open ? 'true' : 'false');
    attr(button, 'aria-controls', controls ? 'panel' : undefined);
    attr(button, 'aria-label', unread > 0 ? t.launcherUnread(unread) : undefined);
    text(this.#label, t.launcher);
    if (unread > 0) {
      text(this.#badge, t.num(unread));
      if (!this.#badge.isConnected) button.append(this.#badge);
    } else this.#badge.remove();
  }
}
