import { css } from 'lit';

/**
 * "Your needs": its disclosure button on the message box's label row, with the panel from the
 * start of a chat. The form's rules come with the form's chunk (./needs-form.styles.ts).
 */
export const accommodationsStyles = css`
  /* The message box's label and, at its end, the button: a row that wraps (large text), with a
     row gap that takes the button's negative margin, so they never overlap. */
  .composer-top {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem 0.5rem;
  }
  /* Its 44 px target reaches into the composer's padding, so the row is no taller than the label.
     Bordered like the strips' buttons. */
  .needs-open {
    margin-block: -0.75rem;
    padding-block: 0;
    padding-inline: 0.5rem;
    border: 2px solid var(--_accent-ink);
    background: var(--_surface);
    color: var(--_accent-ink);
    font-size: 0.875em;
    font-weight: 600;
  }
  /* The disclosure's state, drawn (assistive technology reads aria-expanded instead). */
  #needs-toggle::after {
    content: ' ▸' / '';
  }
  #needs-toggle[aria-expanded='true']::after {
    content: ' ▾' / '';
  }
`;
