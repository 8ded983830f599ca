import { css } from 'lit';

/** Links and hostile-length content inside messages. */
export const contentStyles = css`
  .bubble {
    unicode-bidi: plaintext;
  }
  .bubble a {
    color: inherit;
    text-decoration: underline;
    text-decoration-thickness: 0.08em;
    text-underline-offset: 0.15em;
    overflow-wrap: anywhere;
  }
  .bubble a:focus-visible {
    outline-offset: 1px;
  }
  .meta span {
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
  }
`;
