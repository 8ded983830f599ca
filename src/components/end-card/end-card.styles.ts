import { css } from 'lit';

/** The card of an ended chat: reference number, summary, transcript buttons and the rating form. */
export const endCardStyles = css`
  /* The end card, compact so that its reference number and its rating fit in view together. */
  .ended {
    margin-block-start: 0.75rem;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .ended h3 {
    margin-block: 0 0.25rem;
    margin-inline: 0;
    font-size: 1em;
    line-height: 1.25;
  }
  /* The reference number beside its term where they fit; the summary on rows of its own. */
  .ended dl {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: 0.5rem;
    margin-block: 0 0.375rem;
    margin-inline: 0;
  }
  .ended dt {
    font-weight: 600;
  }
  .ended dt:nth-of-type(2),
  #case-summary {
    flex-basis: 100%;
  }
  .ended dd {
    margin-block: 0 0.125rem;
    margin-inline: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  #case-summary {
    font-size: 0.875em;
  }
  .ended #case-number {
    font-family: ui-monospace, monospace;
    font-size: 1.0625em;
    user-select: all;
  }
  .record {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin-block-end: 0.375rem;
  }
  .record button {
    padding-inline: 0.5rem;
    font-size: 0.8125em;
  }
  /* The five choices in a wrapping row (two rows in the default width), not a column of five. */
  .rating fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
    min-width: 0;
    margin-block: 0 0.375rem;
    margin-inline: 0;
    padding-block: 0 0.25rem;
    padding-inline: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 0.5rem;
  }
  .rating legend {
    line-height: 1.25;
    font-weight: 600;
    padding-block: 0;
    padding-inline: 0.25rem;
  }
  .score {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
    cursor: pointer;
  }
  .score input {
    width: 1.5em;
    height: 1.5em;
    margin: 0;
    font-size: inherit;
    flex: none;
    accent-color: var(--_accent-ink);
  }
  .rated:focus {
    outline: none;
  }
`;
