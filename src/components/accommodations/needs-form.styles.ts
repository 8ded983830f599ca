import { css } from 'lit';

/**
 * The needs form, "Tell us what you need", a strip above the message box: with the form's chunk
 * (./needs-form.ts), adopted after the panel's rules when the form first shows.
 */
export const needsFormStyles = css`
  .needs {
    display: grid;
    gap: 0.375rem;
    padding-block: 0.5rem;
    padding-inline: 1rem;
    border-block-start: 1px solid var(--_border);
    font-size: 0.9375em;
  }
  .needs h3 {
    margin: 0;
    font-size: inherit;
  }
  .needs form {
    display: grid;
    gap: 0.375rem;
  }
  .needs p {
    margin: 0;
  }
  .needs fieldset {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding-block: 0.25rem 0.5rem;
    padding-inline: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 0.25rem;
  }
  .needs legend {
    padding-inline: 0.25rem;
    font-weight: 600;
  }
  .needs label {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 2.75rem;
  }
  .needs label[for] {
    min-height: 0;
    font-weight: 600;
  }
  .needs input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    flex: none;
    accent-color: var(--_accent-ink);
  }
  .needs textarea {
    min-height: 2.75rem;
    padding-block: 0.375rem;
    padding-inline: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 0.5rem;
    background: var(--_surface);
    color: inherit;
    font: inherit;
    resize: vertical;
  }
  .needs-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .needs #needs-save {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  @media (forced-colors: active) {
    .needs fieldset,
    .needs textarea {
      border-color: CanvasText;
    }
  }
`;
