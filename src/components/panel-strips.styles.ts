import { css } from 'lit';

/**
 * What the panel's module renders in the frame (panel-frame.styles.ts): "End chat" in the header,
 * the strips that share one layout (end question, place in line, inactivity warning, the offer
 * of notifications, a part that could not load) and the connection notice.
 */
export const panelStripStyles = css`
  .end {
    flex: none;
    margin-inline-start: auto;
    padding-block: 0.25rem;
    padding-inline: 0.5rem;
    background: transparent;
    color: inherit;
    border: 2px solid currentColor;
    font-size: 0.875em;
    font-weight: 600;
  }
  .end:focus-visible {
    outline-color: var(--_accent-text);
    outline-offset: -4px;
  }
  .end-confirm,
  .queue,
  .idle,
  .notify-offer,
  .part-failed {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
    padding-block: 0.5rem;
    padding-inline: 1rem;
    border-block-end: 1px solid var(--_border);
    font-size: 0.9375em;
  }
  .end-confirm p,
  .queue p,
  .idle p,
  .notify-offer p,
  .part-failed p {
    flex: 1 1 12em;
    min-width: 0;
    margin: 0;
  }
  /* The end question on a row of its own, its two answers side by side under it. */
  .end-confirm p {
    flex-basis: 100%;
  }
  /* As the load error's Retry (panel-frame.styles.ts); the identity check's, the needs form's
     and the upload's strips (beside their parts) take these too. */
  .end-confirm button,
  .queue button,
  .idle button,
  .notify-offer button,
  .part-failed button,
  .ended button,
  .verify button,
  .needs button,
  .upload button {
    padding-block: 0.25rem;
    padding-inline: 0.75rem;
    border: 2px solid var(--_accent-ink);
    background: var(--_surface);
    color: var(--_accent-ink);
    font-weight: 600;
  }
  .end-confirm #end-yes {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .notice {
    margin: 0;
    padding-block: 0.5rem;
    padding-inline: 1rem;
    background: var(--_notice);
    color: var(--_notice-text);
    border-block-end: 1px solid var(--_border);
    font-size: 0.9375em;
  }
`;

/**
 * The parts' share of the panel's last rules, the media rules (after the frame's,
 * `panelFrameEndStyles`): last, so that they outrank the rules they change whichever part those
 * rules came from.
 */
export const panelStripEndStyles = css`
  @media (max-width: 30rem), (max-height: 30rem) {
    /* Compact strips and composer: the transcript keeps over 60 % of a phone's height with the
       end question and the place in line showing. */
    .notice,
    .end-confirm,
    .queue,
    .idle,
    .notify-offer {
      gap: 0.25rem 0.5rem;
      padding-block: 0.25rem;
      padding-inline: 0.75rem;
      font-size: 0.8125em;
      line-height: 1.3;
    }
    .queue p {
      flex-basis: 10em;
    }
    .typing:empty {
      min-height: 0;
      padding: 0;
    }
    .composer {
      padding-block: 0.25rem 0.375rem;
      gap: 0.125rem 0.5rem;
    }
    .composer label,
    .hint {
      line-height: 1.3;
    }
  }
  /* 400 % zoom in landscape (320 × 256): less spacing so the composer and the transcript fit. */
  @media (max-height: 20rem) {
    .notice,
    .end-confirm,
    .queue,
    .idle,
    .notify-offer {
      padding-block: 0.25rem;
    }
    .transcript {
      padding-block: 0.25rem;
    }
    .typing:empty {
      min-height: 0;
      padding: 0;
    }
    .composer {
      padding-block: 0.25rem;
      gap: 0.125rem 0.5rem;
    }
  }
  @media (forced-colors: active) {
    .send {
      border-color: ButtonText;
    }
    .urgent a {
      border-color: LinkText;
    }
    .notice,
    .queue,
    .idle,
    .bubble {
      border-color: CanvasText;
    }
    .end:focus-visible {
      outline-color: Highlight;
      box-shadow: none;
    }
    /* Senders stay distinct without colour: a heavy edge on the side each one sits. */
    .bubble {
      border-inline-start-width: 0.375rem;
    }
    .customer .bubble {
      border-inline-start-width: 1px;
      border-inline-end-width: 0.375rem;
    }
    .system .bubble {
      border-inline-start-width: 1px;
      border-style: dashed;
    }
    /* While something is highlighted, the backdrop draws the text (system colours) and the
       message box's own text steps aside, so highlighted spans read HighlightText on Highlight. */
    .field:has(mark) textarea {
      forced-color-adjust: none;
      color: transparent;
      caret-color: CanvasText;
      border-color: CanvasText;
    }
    .field:has(mark) .backdrop {
      forced-color-adjust: none;
      color: CanvasText;
    }
    .backdrop mark {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      text-decoration-color: HighlightText;
    }
  }
`;
