import { css } from 'lit';

/** The inactivity warning's strip: a border above and the notice colours (layout: panel.styles.ts). */
export const idleWarningStyles = css`
  .idle {
    border-block-start: 1px solid var(--_border);
    background: var(--_notice);
    color: var(--_notice-text);
  }
`;
