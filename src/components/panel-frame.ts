import { adoptStyles } from '@lit/reactive-element';
import type { CSSResult } from '@lit/reactive-element';
import { attr, make, text } from './dom.js';
import type { ElementStrings } from './i18n-element.js';
import { isolationStyles } from './isolation.styles.js';
import { styles } from './launcher.styles.js';
import { panelFallbackStyles } from './panel-frame.styles.js';
import { positionStyles } from './position.styles.js';

/** What the panel's frame shows around its body. */
export interface PanelFrameState {
  t: ElementStrings;
  heading: string;
  open: boolean;
  /** The panel fills the viewport (see panel-focus.ts). */
  modal: boolean;
  /** The panel's module could not load: the frame shows that error with a Retry button. */
  failed: boolean;
}

/** What the frame does when its controls are used. */
export interface PanelFrameHandlers {
  keydown: (event: KeyboardEvent) => void;
  close: () => void;
  /** The Retry button of a panel whose module could not load. */
  reload: () => void;
}

/**
 * The panel (a dialog): its header with the heading and Close, and, when the panel's module could
 * not load, that error with a Retry button. Built once, on the first opening, and hidden while
 * closed. The panel's module renders "End chat" before Close (`close`) and its body after the
 * header (at the end of `section`).
 */
export class PanelFrame {
  readonly section = make('section', {
    id: 'panel',
    class: 'panel',
    part: 'panel',
    role: 'dialog',
    'aria-labelledby': 'heading',
  });
  readonly #heading = make('h2', { id: 'heading', part: 'heading' });
  readonly close = make('button', { class: 'close', part: 'close-button', type: 'button' });
  readonly #error = make('p', { id: 'load-error', class: 'error', part: 'error' });
  readonly #retry = make('button', { id: 'reload', part: 'retry-button', 'aria-describedby': 'load-error' });

  constructor(root: Node, on: PanelFrameHandlers) {
    const header = make('div', { class: 'header', part: 'header' });
    header.append(this.#heading, this.close);
    this.section.append(header);
    this.section.addEventListener('keydown', on.keydown);
    this.close.addEventListener('click', on.close);
    this.#retry.addEventListener('click', on.reload);
    root.appendChild(this.section);
  }

  update({ t, heading, open, modal, failed }: PanelFrameState): void {
    const section = this.section;
    attr(section, 'aria-modal', modal ? 'true' : undefined);
    attr(section, 'lang', t.locale);
    section.hidden = !open;
    text(this.#heading, heading || t.heading);
    attr(this.close, 'aria-label', t.close);
    if (failed) {
      text(this.#error, t.errorLoad);
      text(this.#retry, t.retry);
      if (!this.#error.isConnected) section.append(this.#error, this.#retry);
    } else {
      this.#error.remove();
      this.#retry.remove();
    }
  }
}

/**
 * Adopts the panel's stylesheet right after the launcher's, before the position rules (position
 * rules and the panel's select different elements, so their order does not matter): `panel`, from
 * the panel's module, or the frame's rules alone when that module could not load. Parsed once per
 * page, on first use. Through Lit's `adoptStyles`, so browsers without constructable stylesheets
 * get `<style>` elements (with `litNonce`), as at first.
 */
export function adoptPanelStyles(root: ShadowRoot, panel: CSSResult | undefined): void {
  adoptStyles(root, [isolationStyles, styles, panel ?? panelFallbackStyles, positionStyles]);
}
