import { css } from 'lit';

/** The scrolling log, its settled blocks and the typing line under it. */
export const transcriptStyles = css`
  .transcript {
    flex: 1 1 auto;
    min-height: 3rem;
    overflow-y: auto;
    overflow-x: hidden;
    overscroll-behavior: contain;
    padding-block: 0.75rem;
    padding-inline: 1rem;
    /* A focused quick reply, retry button or link scrolls fully into view, clear of the edges. */
    scroll-padding-block: 1rem;
  }
  .transcript:focus-visible {
    outline-offset: -3px;
  }
  .messages,
  .settled,
  .block {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
  }
  .settled:empty {
    display: none;
  }
  .typing {
    margin: 0;
    padding-block: 0 0.25rem;
    padding-inline: 1rem;
    min-height: 1.5rem;
    font-size: 0.875em;
    color: var(--_muted);
  }
  /* Nobody types in an ended chat: its line goes to the end card. */
  .transcript:has(.ended) + .typing:empty {
    min-height: 0;
    padding: 0;
  }
`;
