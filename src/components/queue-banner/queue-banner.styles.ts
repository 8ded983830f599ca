import { css } from 'lit';

/** The place-in-line strip's colours (its layout is the panel's strip rule, panel.styles.ts). */
export const queueBannerStyles = css`
  .queue {
    background: var(--_info);
    color: var(--_info-text);
  }
`;
