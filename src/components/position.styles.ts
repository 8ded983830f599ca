import { css } from '@lit/reactive-element';

/**
 * Where the widget sits (`position` attribute). The default, `bottom-end`, is in the main
 * stylesheet: a floating launcher and panel at the inline end of the viewport's bottom edge.
 */
export const positionStyles = css`
  :host([position='bottom-start']) .launcher,
  :host([position='bottom-start']) .panel {
    inset-inline-end: auto;
    inset-inline-start: var(--_offset);
  }
  /* Inline: in the page's flow, as wide as its container (a help page, a gallery). */
  :host([position='inline']) {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: 0.75rem;
  }
  :host([position='inline']) .launcher,
  :host([position='inline']) .panel {
    position: relative;
    inset: auto;
    z-index: auto;
  }
  :host([position='inline']) .panel {
    align-self: stretch;
    width: auto;
    height: var(--amex-chat-inline-height, 36rem);
    box-shadow: none;
  }
`;
