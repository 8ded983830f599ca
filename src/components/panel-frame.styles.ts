import { css } from '@lit/reactive-element';

/**
 * The panel's frame, which the element renders itself (panel-frame.ts): the launcher as its close
 * toggle, the dialog box, the header with its heading and Close, and the error with Retry that
 * stands in for the conversation when the panel's module could not load. The rules of what the
 * panel's module renders in it (End chat, the strips, the parts) come with that module
 * (panel-strips.styles.ts, panel.styles.ts).
 */
export const panelFrameStyles = css`
  /* While the floating panel is open, the launcher under it is the panel's round close toggle (a
     chevron): "Chat with us" is said, not shown. Still the launcher: its name, aria-expanded, the
     tab order, and where focus returns when the panel closes. */
  :host([open]:not([position='inline'])) .launcher {
    width: 2.75rem;
    padding: 0;
    justify-content: center;
  }
  :host([open]:not([position='inline'])) .launcher > span {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  :host([open]:not([position='inline'])) .launcher::before {
    clip-path: polygon(12.5% 37.5%, 20.8% 29.2%, 50% 58.3%, 79.2% 29.2%, 87.5% 37.5%, 50% 75%);
  }
  .panel {
    position: fixed;
    inset-block-end: calc(var(--_offset) + 2.75rem + 1.25em);
    inset-inline-end: var(--_offset);
    z-index: var(--amex-chat-z-index, 2147483000);
    width: min(24em, calc(100vw - 2 * var(--_offset)));
    height: min(36em, calc(100vh - 2 * var(--_offset) - 2.75rem - 1.25em));
    display: flex;
    flex-direction: column;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 0.25);
    /* Scrolls as a whole only when even an empty transcript cannot fit (very short viewports,
       large text): nothing is ever clipped. */
    overflow: auto;
  }
  /* One row (the buttons set its height): the heading in full beside End chat and Close. */
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0 0.25rem;
    padding-block: 0;
    padding-inline: 0.75rem 0.125rem;
    background: var(--_accent);
    color: var(--_accent-text);
    border-block-end: 1px solid transparent;
  }
  .header h2 {
    flex: 1 1 6em;
    min-width: 0;
    margin: 0;
    font-size: 1.0625em;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  /* Buttons keep their words whole; a long heading or very large text moves them to a second
     row, still at the inline end (End chat's rule is the same). */
  .close {
    flex: none;
    margin-inline-start: auto;
    background: transparent;
    color: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  .close:focus-visible {
    outline-color: var(--_accent-text);
    outline-offset: -4px;
  }
  /* As the strips' buttons (panel-strips.styles.ts). */
  #reload {
    padding-block: 0.25rem;
    padding-inline: 0.75rem;
    border: 2px solid var(--_accent-ink);
    background: var(--_surface);
    color: var(--_accent-ink);
    font-weight: 600;
  }
`;

/**
 * The frame's share of the panel's last rules: the load error, then the media rules. Last, so
 * that they outrank the rules they change (small screens and zoom, reduced motion, forced
 * colours) whichever part those rules came from.
 */
export const panelFrameEndStyles = css`
  /* The panel's module could not load: this message and its Retry button stand in for the
     conversation. */
  .panel > .error {
    padding-block: 0.75rem;
    padding-inline: 1rem;
  }
  #reload {
    margin-inline: 1rem;
    align-self: flex-start;
  }
  /* Small screens and 400 % zoom: the panel takes the whole viewport (where panel-focus.ts makes
     it modal: keep the two in step). */
  @media (max-width: 30rem), (max-height: 30rem) {
    .panel {
      inset: 0;
      width: auto;
      height: auto;
      border: 0;
      border-radius: 0;
    }
    /* The panel covers the launcher: take it out of the tab order (Close does the same). */
    :host([open]:not([position='inline'])) .launcher {
      display: none;
    }
  }
  /* 400 % zoom in landscape (320 × 256): less spacing so the composer and the transcript fit. */
  @media (max-height: 20rem) {
    .header {
      padding-block: 0;
    }
    .header h2 {
      font-size: 1em;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
  /* (The launcher's own forced-colours rules are in launcher.styles.ts.) */
  @media (forced-colors: active) {
    /* Transparent borders become visible system colours; state never rides on colour alone. */
    button {
      border-color: ButtonText;
    }
    .header {
      border-color: CanvasText;
    }
    :focus-visible,
    .close:focus-visible {
      outline-color: Highlight;
      box-shadow: none;
    }
  }
`;

/** The frame alone: what styles the panel when its module (and its parts' rules) could not load. */
export const panelFallbackStyles = css`
  ${panelFrameStyles}${panelFrameEndStyles}
`;
