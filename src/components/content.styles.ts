import { css } from 'lit';

/** Links and hostile-length content inside messages; long transcripts. */
export const contentStyles = css`
  /* Older (settled) messages come in blocks of 25 that skip layout and paint while off screen,
     but stay in the DOM, the accessibility tree and find-in-page; the browser remembers each
     block's size once it has been rendered. The recent tail is always fully rendered. */
  .block {
    content-visibility: auto;
    contain-intrinsic-size: auto 20rem auto 250rem;
  }
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
