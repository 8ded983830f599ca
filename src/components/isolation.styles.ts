import { css } from '@lit/reactive-element';

/**
 * A host page's CSS cannot select inside our shadow root, but inherited properties still flow
 * in through the host element (a page rule such as `* { all: unset }` or
 * `* { visibility: hidden !important; letter-spacing: 1em !important }` matches
 * `<amex-chat>` itself). The widget's top-level boxes therefore set every inherited property
 * they rely on, so the rest of the stylesheet starts from known values. Listed first: the main
 * stylesheet refines these.
 */
export const isolationStyles = css`
  .launcher,
  .panel,
  .sr-only {
    visibility: visible;
    color: var(--_text);
    font-family: var(--amex-chat-font, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    font-size: 1rem;
    font-style: normal;
    font-weight: 400;
    font-variant: normal;
    line-height: 1.4;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
    cursor: auto;
    pointer-events: auto;
    direction: inherit;
  }
`;
