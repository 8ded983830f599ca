import { css } from 'lit';

/** The identity check's strip (verify-panel.ts), laid out like the other strips above the message box. */
export const verifyPanelStyles = css`
  .verify {
    display: flex;
    flex-direction: column;
    gap: 0.375rem;
    padding-block: 0.5rem;
    padding-inline: 1rem;
    border-block-end: 1px solid var(--_border);
    font-size: 0.9375em;
  }
  .verify p {
    margin: 0;
  }
  .verify-title {
    margin: 0;
    font-size: 1em;
    font-weight: 700;
  }
  .verify form {
    display: flex;
    flex-direction: column;
    gap: 0.375rem;
  }
  .verify label {
    font-weight: 600;
  }
  .verify-hint {
    font-size: 0.875em;
  }
  .verify input {
    inline-size: 10ch;
    padding-block: 0.25rem;
    padding-inline: 0.5rem;
    border: 2px solid var(--_accent-ink);
    background: var(--_surface);
    color: inherit;
    font: inherit;
    letter-spacing: 0.2em;
  }
  .verify input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .verify-error {
    font-weight: 600;
  }
  .verify-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .verify #verify-push,
  .verify #verify-submit {
    background: var(--_accent);
    color: var(--_accent-text);
  }
`;
