import { css } from 'lit';

/** One message: sender line, bubble, status, urgent call link and quick replies. */
export const messageStyles = css`
  .urgent {
    margin-block: 0.375rem 0;
    margin-inline: 0;
  }
  .urgent a {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
    padding-block: 0.25rem;
    padding-inline: 0.75rem;
    border: 2px solid transparent;
    border-radius: 0.5rem;
    background: var(--_danger);
    color: var(--_danger-text);
    font-weight: 700;
  }
  .message {
    max-width: 85%;
    min-width: 0;
    align-self: flex-start;
  }
  .message.customer {
    align-self: flex-end;
  }
  .meta {
    margin-block: 0 0.125rem;
    margin-inline: 0;
    font-size: 0.8125em;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .bubble {
    margin: 0;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
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
    margin-block: 0.125rem 0;
    margin-inline: 0;
    font-size: 0.8125em;
    color: var(--_muted);
    text-align: end;
  }
  .status.failed {
    color: var(--_danger);
  }
  .status button,
  .quick-replies button {
    padding-block: 0.25rem;
    padding-inline: 0.75rem;
    border: 2px solid var(--_accent-ink);
    background: var(--_surface);
    color: var(--_accent-ink);
  }
  /* Quick replies: a wrapping row of chips as wide as the transcript, under a bubble that keeps
     its width, so six of them take a few rows and the message's sender line stays in view. */
  .message:has(> .quick-replies) {
    max-width: none;
  }
  .message:has(> .quick-replies) > .bubble {
    width: fit-content;
    max-width: 85%;
  }
  .quick-replies {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin-block: 0.5rem 0;
    margin-inline: 0;
    padding: 0;
    list-style: none;
  }
  .quick-replies li {
    min-width: 0;
  }
  .quick-replies button {
    padding-inline: 0.625rem;
    border-radius: 999px;
    font-size: 0.875em;
  }
`;
