import type { ReactiveControllerHost } from 'lit';

/**
 * Keeps keyboard focus in the widget when a render takes away the control that had it (a quick
 * reply once answered, "Leave the line" when an agent joins, "End chat" when the chat ends, Retry,
 * "Continue chat", anything in a panel that closes). Browsers then leave focus on `<body>`: a
 * keyboard or screen-reader user is thrown to the top of the page, and Escape no longer reaches
 * the panel (WCAG 2.4.3). One rule for every control, so none can be forgotten: before each render
 * the keeper notes what has focus in the shadow root; after it, if that element is gone (removed
 * or no longer rendered) and focus is nowhere else in the page, `home(lost)` says where it goes.
 *
 * It looks once the update is complete, after the element's own focus moves made for that update
 * (`updateComplete.then(…)` registered before it, e.g. to "Yes, end chat"), so a move that was
 * meant wins and focus moves once. Focus the customer put outside the widget is never taken.
 */
export function keepFocus(
  host: ReactiveControllerHost & HTMLElement,
  home: (lost: Element) => HTMLElement | null,
): void {
  let had: Element | null | undefined;
  host.addController({
    hostUpdate(): void {
      had = host.shadowRoot?.activeElement;
    },
    hostUpdated(): void {
      const lost = had;
      had = undefined;
      if (!lost) return;
      void host.updateComplete.then(() => {
        const active = host.shadowRoot?.activeElement;
        // Still there, or moved on purpose to another of ours.
        if (active && (active !== lost || (lost.isConnected && lost.checkVisibility()))) return;
        // Moved by the customer (or the page) to something outside the widget.
        const outer = document.activeElement;
        if (!active && outer && outer !== document.body) return;
        home(lost)?.focus();
      });
    },
  });
}
