import type { ReactiveControllerHost } from 'lit';

/**
 * Where the default stylesheet makes the floating panel fill the viewport (`.panel` in
 * amex-chat.styles.ts: small screens, 200 % and 400 % zoom). Keep the two in step.
 */
const FILLS_VIEWPORT = '(max-width: 30rem), (max-height: 30rem)';

interface Host extends ReactiveControllerHost, HTMLElement {
  open: boolean;
  position: string;
}

/** The first (or last) element of `root` that Tab reaches: in tree order, enabled, rendered. */
function edge(root: Element, last: boolean): HTMLElement | undefined {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  if (last) while (walker.lastChild());
  for (
    let node = last ? walker.currentNode : walker.nextNode();
    node && node !== root;
    node = last ? walker.previousNode() : walker.nextNode()
  ) {
    const el = node as HTMLButtonElement;
    if (el.tabIndex >= 0 && !el.disabled && el.checkVisibility()) return el;
  }
  return undefined;
}

/**
 * Keeps keyboard focus from being hidden behind the open panel (WCAG 2.4.11):
 *
 * - Where the panel fills the viewport, nothing of the page can be seen, so the panel is modal:
 *   `modal` is true (the element renders `aria-modal="true"`), and Tab from its last control
 *   goes to its first, Shift+Tab from its first to its last (`keydown`). The launcher is not
 *   shown then (the stylesheet), so nothing else of the widget takes focus.
 * - Where it floats over part of the page, Tab leaves it for the page (no trap); when focus lands
 *   on something of the page the panel covers, even in part, the panel yields: `close()` (the
 *   element closes it as Escape does, but leaves focus where it went). Only focus the browser
 *   shows (`:focus-visible`): a click on the visible part of an element keeps the panel open.
 */
export class PanelFocus {
  readonly #host: Host;
  readonly #close: () => void;
  #fills: MediaQueryList | undefined;

  constructor(host: Host, close: () => void) {
    this.#host = host;
    this.#close = close;
    host.addController({
      hostConnected: () => {
        document.addEventListener('focusin', this.#focusIn, true);
        if (this.#fills) this.#fills.onchange = this.#changed;
      },
      // (A listening media query list is held by the document: let go of the element.)
      hostDisconnected: () => {
        document.removeEventListener('focusin', this.#focusIn, true);
        if (this.#fills) this.#fills.onchange = null;
      },
    });
  }

  /** The open panel fills the viewport (read at each render; a change of viewport renders). */
  get modal(): boolean {
    if (!this.#host.open || this.#host.position === 'inline') return false;
    if (!this.#fills) (this.#fills = matchMedia(FILLS_VIEWPORT)).onchange = this.#changed;
    return this.#fills.matches;
  }

  /** Tab and Shift+Tab at the modal panel's edges go round to its other end. */
  keydown(event: KeyboardEvent): void {
    const panel = this.#host.shadowRoot?.getElementById('panel');
    if (event.key !== 'Tab' || !panel || !this.modal) return;
    const from = edge(panel, !event.shiftKey);
    if (from && from === this.#host.shadowRoot?.activeElement) {
      event.preventDefault();
      edge(panel, event.shiftKey)?.focus();
    }
  }

  readonly #changed = (): void => this.#host.requestUpdate();

  readonly #focusIn = (event: FocusEvent): void => {
    const path = event.composedPath();
    const target = path[0];
    const panel = this.#host.shadowRoot?.getElementById('panel');
    if (!panel || !this.#host.open || this.#host.position === 'inline' || this.modal) return;
    if (path.includes(this.#host) || !(target instanceof Element) || !target.matches(':focus-visible')) return;
    const a = target.getBoundingClientRect();
    const b = panel.getBoundingClientRect();
    if (a.right > b.left && a.left < b.right && a.bottom > b.top && a.top < b.bottom) this.#close();
  };
}
