import { css } from 'lit';

/** The message box with its highlight backdrop, the send button, hint, errors and warning. */
export const composerStyles = css`
  .composer {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.25rem 0.5rem;
    padding-block: 0.5rem 0.75rem;
    padding-inline: 0.75rem;
    border-block-start: 1px solid var(--_border);
  }
  .composer label {
    grid-column: 1 / -1;
    font-size: 0.875em;
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
    max-height: 8em;
    padding-block: 0.5rem;
    padding-inline: 0.625rem;
    border: 1px solid var(--_border);
    border-radius: 0.5rem;
    font: inherit;
    letter-spacing: inherit;
    word-spacing: inherit;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  /* The backdrop may hold only the start of the draft; this keeps it scrollable as far as the
     message box, whose scroll position it follows. */
  .backdrop::after {
    content: '';
    position: absolute;
    inset: 0 0 auto;
    height: 1e6px;
  }
  .backdrop {
    position: relative;
    overflow: hidden;
    color: transparent;
    border-color: transparent;
    pointer-events: none;
  }
  .backdrop mark {
    color: transparent;
    background: var(--_mark);
    border-radius: 0.125rem;
    text-decoration: underline wavy var(--_danger);
    text-decoration-thickness: 2px;
    text-underline-offset: 0.2em;
  }
  /* Positioned like the backdrop and after it: painted over it, so the highlight is under the text. */
  .composer textarea {
    position: relative;
    color: inherit;
    background: transparent;
    resize: none;
    overflow-y: auto;
    field-sizing: content;
  }
  .composer textarea::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  .composer textarea[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: inset 0 0 0 1px var(--_danger);
  }
  /* Its edge in the ink: visible on the panel whatever the accent (the same colour by default). */
  .send {
    align-self: end;
    padding-block: 0.5rem;
    padding-inline: 1rem;
    border-color: var(--_accent-ink);
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
  .hint,
  .error,
  .warning {
    grid-column: 1 / -1;
    margin: 0;
    font-size: 0.8125em;
  }
  .hint {
    color: var(--_muted);
  }
  .error,
  .warning {
    color: var(--_danger);
    font-weight: 600;
  }
`;
