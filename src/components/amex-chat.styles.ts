import { css } from 'lit';

export const styles = css`
  :host {
    --_accent: var(--amex-chat-accent, #006fcf);
    --_accent-text: var(--amex-chat-accent-text, #ffffff);
    --_surface: var(--amex-chat-surface, #ffffff);
    --_text: var(--amex-chat-text, #1a1a1a);
    --_muted: var(--amex-chat-muted-text, #53565a);
    --_border: var(--amex-chat-border, #767676);
    --_customer-bubble: var(--amex-chat-customer-bubble, #e8f1fb);
    --_incoming-bubble: var(--amex-chat-incoming-bubble, #f4f4f4);
    --_danger: var(--amex-chat-danger, #b42318);
    --_offset: var(--amex-chat-offset, 1.25rem);
    --_radius: var(--amex-chat-radius, 0.75rem);
    --_focus: var(--amex-chat-focus-ring, #1a1a1a);
    font-family: var(--amex-chat-font, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    font-size: 1rem;
    line-height: 1.4;
    color: var(--_text);
    display: contents;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    cursor: pointer;
    min-width: 2.75rem;
    min-height: 2.75rem;
    border-radius: 0.5rem;
    border: 2px solid transparent;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .launcher {
    position: fixed;
    inset-block-end: var(--_offset);
    inset-inline-end: var(--_offset);
    z-index: var(--amex-chat-z-index, 2147483000);
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem 1.125rem;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
    box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.2);
  }
  .launcher:focus-visible {
    outline-color: var(--_focus);
    box-shadow: 0 0 0 2px var(--_surface);
  }
  .launcher svg,
  .icon {
    width: 1.25rem;
    height: 1.25rem;
    fill: currentColor;
    flex: none;
  }
  .badge {
    min-width: 1.5rem;
    padding: 0 0.375rem;
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_accent);
    font-size: 0.875rem;
    text-align: center;
  }
  .panel {
    position: fixed;
    inset-block-end: calc(var(--_offset) + 4rem);
    inset-inline-end: var(--_offset);
    z-index: var(--amex-chat-z-index, 2147483000);
    width: min(24rem, calc(100vw - 2 * var(--_offset)));
    height: min(36rem, calc(100vh - var(--_offset) - 5.5rem));
    display: flex;
    flex-direction: column;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 0.25);
    overflow: hidden;
  }
  @media (max-width: 30rem), (max-height: 30rem) {
    .panel {
      inset: 0;
      width: auto;
      height: auto;
      border-radius: 0;
    }
  }
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.25rem 0.25rem 0.25rem 1rem;
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .header h2 {
    margin: 0;
    font-size: 1.125rem;
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
  .header h2 {
    flex: 1 1 auto;
  }
  .end {
    min-height: 2.75rem;
    padding: 0.25rem 0.75rem;
    background: transparent;
    color: inherit;
    border: 2px solid currentColor;
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
    padding: 0.5rem 1rem;
    border-block-end: 1px solid var(--_border);
    font-size: 0.9375rem;
  }
  .end-confirm p,
  .queue p,
  .idle p {
    flex: 1 1 12rem;
    margin: 0;
  }
  .end-confirm button,
  .queue button,
  .idle button,
  .ended button {
    min-height: 2.75rem;
    padding: 0.25rem 0.75rem;
    border: 2px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    font-weight: 600;
  }
  .end-confirm #end-yes {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .idle {
    border-block-start: 1px solid var(--_border);
    background: #fff4ce;
    color: #1a1a1a;
  }
  .urgent {
    margin: 0.375rem 0 0;
  }
  .urgent a {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
    padding: 0.25rem 0.75rem;
    border-radius: 0.5rem;
    background: var(--_danger);
    color: #ffffff;
    font-weight: 700;
  }
  .ended {
    margin-block-start: 1rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .ended h3 {
    margin: 0 0 0.5rem;
    font-size: 1rem;
  }
  .ended dl {
    margin: 0 0 0.75rem;
  }
  .ended dt {
    font-weight: 600;
  }
  .ended dd {
    margin: 0 0 0.5rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .ended #case-number {
    font-family: ui-monospace, monospace;
    font-size: 1.0625rem;
    user-select: all;
  }
  .record {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-end: 0.75rem;
  }
  .rating fieldset {
    margin: 0 0 0.5rem;
    padding: 0.25rem 0.5rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 0.5rem;
  }
  .rating legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .score {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2rem;
  }
  .score input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
  }
  .rated:focus {
    outline: none;
  }
  .notice {
    margin: 0;
    padding: 0.5rem 1rem;
    background: #fff4ce;
    color: #1a1a1a;
    border-block-end: 1px solid var(--_border);
    font-size: 0.9375rem;
  }
  .transcript {
    flex: 1 1 auto;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: 0.75rem 1rem;
    scroll-padding-block: 1rem;
  }
  .transcript:focus-visible {
    outline-offset: -3px;
  }
  .transcript ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
  }
  .message {
    max-width: 85%;
    align-self: flex-start;
  }
  .message.customer {
    align-self: flex-end;
  }
  .meta {
    margin: 0 0 0.125rem;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .bubble {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    border: 1px solid transparent;
    background: var(--_incoming-bubble);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .customer .bubble {
    background: var(--_customer-bubble);
  }
  .system .bubble {
    background: transparent;
    border-color: var(--_border);
    font-style: italic;
  }
  .status {
    margin: 0.125rem 0 0;
    font-size: 0.8125rem;
    color: var(--_muted);
    text-align: end;
  }
  .status.failed {
    color: var(--_danger);
  }
  .status button,
  .quick-replies button {
    min-height: 2rem;
    padding: 0.25rem 0.75rem;
    border: 2px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
  }
  .quick-replies {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0.5rem 0 0;
    padding: 0;
    list-style: none;
  }
  .typing {
    margin: 0;
    padding: 0 1rem 0.25rem;
    min-height: 1.5rem;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .composer {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.25rem 0.5rem;
    padding: 0.5rem 0.75rem 0.75rem;
    border-block-start: 1px solid var(--_border);
  }
  .composer label {
    grid-column: 1 / -1;
    font-size: 0.875rem;
    font-weight: 600;
  }
  /* The textarea and the backdrop that highlights sensitive spans share one grid cell and the
     same box metrics, so the highlight sits exactly under the typed characters. */
  .field {
    display: grid;
    min-width: 0;
    background: var(--_surface);
    border-radius: 0.5rem;
  }
  .field > * {
    grid-area: 1 / 1;
    margin: 0;
    min-height: 2.75rem;
    max-height: 8rem;
    padding: 0.5rem 0.625rem;
    border: 1px solid var(--_border);
    border-radius: 0.5rem;
    font: inherit;
    letter-spacing: inherit;
    word-spacing: inherit;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .backdrop {
    overflow: hidden;
    color: transparent;
    border-color: transparent;
    pointer-events: none;
  }
  .backdrop mark {
    color: transparent;
    background: var(--amex-chat-mark, #ffe08a);
    border-radius: 0.125rem;
    text-decoration: underline wavy var(--_danger);
    text-decoration-thickness: 2px;
    text-underline-offset: 0.2em;
  }
  .composer textarea {
    color: inherit;
    background: transparent;
    resize: none;
    overflow-y: auto;
    field-sizing: content;
  }
  .composer textarea[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: inset 0 0 0 1px var(--_danger);
  }
  .send {
    align-self: end;
    padding: 0.5rem 1rem;
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
  .hint,
  .error,
  .warning {
    grid-column: 1 / -1;
    margin: 0;
    font-size: 0.8125rem;
  }
  .hint {
    color: var(--_muted);
  }
  .error,
  .warning {
    color: var(--_danger);
    font-weight: 600;
  }
  @media (prefers-reduced-motion: reduce) {
    .transcript {
      scroll-behavior: auto;
    }
  }
  @media (forced-colors: active) {
    .launcher,
    .send,
    .bubble {
      border-color: ButtonText;
    }
    .backdrop mark {
      background: Highlight;
      forced-color-adjust: none;
    }
  }
`;
