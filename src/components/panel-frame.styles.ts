import { css } from 'lit';

/**
 * The panel's frame: the launcher as its close toggle, the dialog box, the header and the strips
 * (end question, place in line, inactivity warning) that share one layout, and the notice.
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
     row, still at the inline end. */
  .close,
  .end {
    flex: none;
    margin-inline-start: auto;
  }
  .close {
    background: transparent;
    color: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  .close:focus-visible,
  .end:focus-visible {
    outline-color: var(--_accent-text);
    outline-offset: -4px;
  }
  .end {
    padding-block: 0.25rem;
    padding-inline: 0.5rem;
    background: transparent;
    color: inherit;
    border: 2px solid currentColor;
    font-size: 0.875em;
    font-weight: 600;
  }
  .end-confirm,
  .queue,
  .idle {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
    padding-block: 0.5rem;
    padding-inline: 1rem;
    border-block-end: 1px solid var(--_border);
    font-size: 0.9375em;
  }
  .end-confirm p,
  .queue p,
  .idle p {
    flex: 1 1 12em;
    min-width: 0;
    margin: 0;
  }
  /* The end question on a row of its own, its two answers side by side under it. */
  .end-confirm p {
    flex-basis: 100%;
  }
  .end-confirm button,
  .queue button,
  .idle button,
  .ended button,
  #reload {
    padding-block: 0.25rem;
    padding-inline: 0.75rem;
    border: 2px solid var(--_accent-ink);
    background: var(--_surface);
    color: var(--_accent-ink);
    font-weight: 600;
  }
  .end-confirm #end-yes {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .notice {
    margin: 0;
    padding-block: 0.5rem;
    padding-inline: 1rem;
    background: var(--_notice);
    color: var(--_notice-text);
    border-block-end: 1px solid var(--_border);
    font-size: 0.9375em;
  }
`;

/**
 * The load error, then the media rules: last, so that they outrank the rules they change (small
 * screens and zoom, reduced motion, forced colours) whichever part those rules came from.
 */
export const panelEndStyles = css`
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
  /* Small screens and 400 % zoom: the panel takes the whole viewport. (After the rules it
     changes, which it outranks by coming later.) */
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
    /* Compact strips and composer: the transcript keeps over 60 % of a phone's height with the
       end question and the place in line showing. */
    .notice,
    .end-confirm,
    .queue,
    .idle {
      gap: 0.25rem 0.5rem;
      padding-block: 0.25rem;
      padding-inline: 0.75rem;
      font-size: 0.8125em;
      line-height: 1.3;
    }
    .queue p {
      flex-basis: 10em;
    }
    .typing:empty {
      min-height: 0;
      padding: 0;
    }
    .composer {
      padding-block: 0.25rem 0.375rem;
      gap: 0.125rem 0.5rem;
    }
    .composer label,
    .hint {
      line-height: 1.3;
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
    .notice,
    .end-confirm,
    .queue,
    .idle {
      padding-block: 0.25rem;
    }
    .transcript {
      padding-block: 0.25rem;
    }
    .typing:empty {
      min-height: 0;
      padding: 0;
    }
    .composer {
      padding-block: 0.25rem;
      gap: 0.125rem 0.5rem;
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
  @media (forced-colors: active) {
    /* Transparent borders become visible system colours; state never rides on colour alone. */
    button,
    .launcher,
    .send {
      border-color: ButtonText;
    }
    .urgent a {
      border-color: LinkText;
    }
    .header,
    .notice,
    .queue,
    .idle,
    .bubble {
      border-color: CanvasText;
    }
    :focus-visible,
    .close:focus-visible,
    .end:focus-visible,
    .launcher:focus-visible {
      outline-color: Highlight;
      box-shadow: none;
    }
    /* Senders stay distinct without colour: a heavy edge on the side each one sits. */
    .bubble {
      border-inline-start-width: 0.375rem;
    }
    .customer .bubble {
      border-inline-start-width: 1px;
      border-inline-end-width: 0.375rem;
    }
    .system .bubble {
      border-inline-start-width: 1px;
      border-style: dashed;
    }
    /* While something is highlighted, the backdrop draws the text (system colours) and the
       message box's own text steps aside, so highlighted spans read HighlightText on Highlight. */
    .field:has(mark) textarea {
      forced-color-adjust: none;
      color: transparent;
      caret-color: CanvasText;
      border-color: CanvasText;
    }
    .field:has(mark) .backdrop {
      forced-color-adjust: none;
      color: CanvasText;
    }
    .backdrop mark {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      text-decoration-color: HighlightText;
    }
  }
`;

/** The frame alone: what styles the panel when its module (and its parts' rules) could not load. */
export const panelFallbackStyles = css`
  ${panelFrameStyles}${panelEndStyles}
`;
