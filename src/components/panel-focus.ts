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

export interface PanelFocus {
  /** The open panel fills the viewport: it is modal (read at each render; a change renders). */
  readonly modal: boolean;
  /** Tab and Shift+Tab at the modal panel's edges go round to its other end. */
  keydown(event: KeyboardEvent): void;
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
export function panelFocus(host: Host, close: () => void): PanelFocus {
  let fills: MediaQueryList | undefined;
  const changed = (): void => host.requestUpdate();
  const panel = (): HTMLElement | null | undefined => host.shadowRoot?.getElementById('panel');
  const floating = (): boolean => host.open && host.position !== 'inline';
  const modal = (): boolean => {
    if (!fills) (fills = matchMedia(FILLS_VIEWPORT)).onchange = changed;
    return floating() && fills.matches;
  };
  const focusIn = (event: FocusEvent): void => {
    const path = event.composedPath();
    const target = path[0] as Element;
    const box = panel();
    if (!box || !floating() || modal() || path.includes(host) || !target.matches(':focus-visible')) return;
    const a = target.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    if (a.right > b.left && a.left < b.right && a.bottom > b.top && a.top < b.bottom) close();
  };
  host.addController({
    hostConnected() {
      document.addEventListener('focusin', focusIn, true);
      if (fills) fills.onchange = changed;
    },
    // (A listening media query list is held by the document: let go of the element.)
    hostDisconnected() {
      document.removeEventListener('focusin', focusIn, true);
      if (fills) fills.onchange = null;
    },
  });
  return {
    get modal() {
      return modal();
    },
    keydown(event) {
      const box = panel();
      if (event.key !== 'Tab' || !box || !modal()) return;
      // The panel's first control is a button of its header (End chat or Close); its last, Send
      // (or Retry, when its module could not load).
      const ends = [box.querySelector('button'), box.querySelector<HTMLElement>('.send, #reload')];
      if (event.shiftKey) ends.reverse();
      if (ends[1] === host.shadowRoot?.activeElement) {
        event.preventDefault();
        ends[0]?.focus();
      }
    },
  };
}
