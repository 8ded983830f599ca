import { css } from 'lit';

/** Links and hostile-length content inside messages; long transcripts. */
export const contentStyles = css`
  /* Older (settled) messages skip layout and paint while off screen, but stay in the DOM, the
     accessibility tree and find-in-page; the browser remembers each one's size once rendered.
     The recent tail is always fully rendered. */
  .message.settled {
    content-visibility: auto;
    contain-intrinsic-size: auto 16rem auto 4.5rem;
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
