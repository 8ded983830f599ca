import { css } from '@lit/reactive-element';

export { tokens } from './theme-tokens.js';
export type { ThemeTokens } from './theme-tokens.js';

/*
 * Each theme's tokens (theme-tokens.ts) as the custom properties the stylesheets read, written
 * out rather than built when the element loads (test/unit/contrast.test.ts checks them against
 * the tokens), then where the accent drawn on the panel moves to contrast with the theme's
 * surface (the `@supports` rule in `styles`): towards black (`--_p: 0`) until its luminance is at
 * most `--_lt` 0.178 (4.6:1 on white), or towards white (`--_p: 1`) until it is at least 0.24
 * (4.6:1 on the dark surface).
 */
const light = css`
  --_accent: var(--amex-chat-accent, #006fcf);
  --_accent-text: var(--amex-chat-accent-text, #ffffff);
  --_surface: var(--amex-chat-surface, #ffffff);
  --_text: var(--amex-chat-text, #1a1a1a);
  --_muted: var(--amex-chat-muted-text, #53565a);
  --_border: var(--amex-chat-border, #767676);
  --_customer-bubble: var(--amex-chat-customer-bubble, #e8f1fb);
  --_incoming-bubble: var(--amex-chat-incoming-bubble, #f4f4f4);
  --_danger: var(--amex-chat-danger, #b42318);
  --_danger-text: #ffffff;
  --_focus: var(--amex-chat-focus-ring, #1a1a1a);
  --_mark: var(--amex-chat-mark, #ffe08a);
  --_notice: #fff4ce;
  --_notice-text: #1a1a1a;
  --_info: #e8f1fb;
  --_info-text: #1a1a1a;
  --_p: 0;
  --_lt: 0.178;
`;

const dark = css`
  --_accent: var(--amex-chat-accent, #7ab8ff);
  --_accent-text: var(--amex-chat-accent-text, #0b1b2e);
  --_surface: var(--amex-chat-surface, #1c1d21);
  --_text: var(--amex-chat-text, #f2f2f2);
  --_muted: var(--amex-chat-muted-text, #b8bcc4);
  --_border: var(--amex-chat-border, #8d939c);
  --_customer-bubble: var(--amex-chat-customer-bubble, #183a5e);
  --_incoming-bubble: var(--amex-chat-incoming-bubble, #2b2d33);
  --_danger: var(--amex-chat-danger, #ff9b8f);
  --_danger-text: #1a1a1a;
  --_focus: var(--amex-chat-focus-ring, #ffffff);
  --_mark: var(--amex-chat-mark, #6b4e00);
  --_notice: #3d3100;
  --_notice-text: #ffe9a8;
  --_info: #172a40;
  --_info-text: #f2f2f2;
  --_p: 1;
  --_lt: 0.24;
`;

/**
 * What the launcher needs, adopted with the element. The panel's rules are in `panelStyles`,
 * which the element adopts right after this sheet when the panel first renders, so a closed
 * launcher does not parse them (most of the CSS is the panel's).
 */
export const styles = css`
  :host {
    ${light}
    /* The accent as text and borders on the panel; derived from it below where possible. */
    --_accent-ink: var(--_accent);
    --_offset: var(--amex-chat-offset, 1.25rem);
    --_radius: var(--amex-chat-radius, 0.75rem);
    color-scheme: light;
    /* The size that .launcher and .panel's 1em reads (a host page's own rule overrides it); each
       box of the shadow root sets its font, line height and colour itself (isolation.styles.ts). */
    font-size: 1rem;
    display: contents;
  }
  :host([theme='dark']) {
    ${dark}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
      color-scheme: dark;
    }
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  /* Text scales with a larger font size set on the host element (never below the page's root
     size, so a host rule cannot shrink it). */
  .launcher,
  .panel {
    font-size: max(1rem, 1em);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  /* Every target is at least 44 × 44 CSS px. */
  button {
    font: inherit;
    cursor: pointer;
    min-width: 2.75rem;
    min-height: 2.75rem;
    border-radius: 0.5rem;
    border: 2px solid transparent;
    overflow-wrap: anywhere;
  }
  /* An outline, never a box-shadow alone: outlines survive forced colors. */
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .launcher {
    position: fixed;
    inset-block-end: var(--_offset);
    inset-inline-end: var(--_offset);
    z-index: var(--amex-chat-z-index, 2147483000);
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    padding-block: 0.5rem;
    padding-inline: 1.125rem;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
    box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.2);
  }
  /* The ring in the panel colour keeps the outline visible on any host page. */
  .launcher:focus-visible {
    outline-color: var(--_focus);
    box-shadow: 0 0 0 2px var(--_surface);
  }
  /* The launcher's speech-bubble icon and the close button's cross, in the text colour (see
     render()): shapes, not images, so that a page's img-src policy has nothing to block. */
  .launcher::before,
  .close::before {
    content: '';
    width: 1.25em;
    height: 1.25em;
    flex: none;
    background: currentColor;
    clip-path: polygon(10% 12.5%, 90% 12.5%, 90% 75%, 37.5% 75%, 17% 92%, 17% 75%, 10% 75%);
  }
  .close::before {
    clip-path: polygon(
      26.7% 20.8%,
      20.8% 26.7%,
      44.2% 50%,
      20.8% 73.3%,
      26.7% 79.2%,
      50% 55.8%,
      73.3% 79.2%,
      79.2% 73.3%,
      55.8% 50%,
      79.2% 26.7%,
      73.3% 20.8%,
      50% 44.2%
    );
  }
  .badge {
    min-width: 1.5em;
    padding-block: 0;
    padding-inline: 0.375em;
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_accent-ink);
    font-size: 0.875em;
    text-align: center;
  }
  /*
   * Colours derived from the accent in force (a host's --amex-chat-accent too), from its linear
   * sRGB channels r, g, b and their luminance --_y (the WCAG formula):
   * - --_accent-text, on the accent: white below luminance 0.1791, black above (either way at
   *   least 4.58:1), unless the host sets --amex-chat-accent-text;
   * - --_accent-ink, the accent as text and borders on the panel: mixed in linear light towards
   *   --_p (black or white) by the share --_t that brings its luminance to --_lt, so that it reads
   *   at 4.6:1 or more on the theme's surface; each channel c becomes c - c·t + t·p (--_q = t·p).
   *   An accent that already reads so is kept as it is.
   * Browsers without relative colours keep the tokens. (:host([theme]) outranks the theme rules.)
   */
  @supports (color: color(from red srgb-linear calc(r) g b)) {
    :host,
    :host([theme]) {
      --_y: (0.2126 * r + 0.7152 * g + 0.0722 * b);
      --_w: clamp(0, (0.1791 - var(--_y)) * 1e9, 1);
      --_t: clamp(0, calc(var(--_lt) - var(--_y)) / calc(var(--_p) - var(--_y)), 1);
      --_q: var(--_t) * var(--_p);
      --_accent-text: var(
        --amex-chat-accent-text,
        color(from var(--_accent) srgb-linear var(--_w) var(--_w) var(--_w))
      );
      --_accent-ink: color(
        from var(--_accent) srgb-linear calc(r - r * var(--_t) + var(--_q))
          calc(g - g * var(--_t) + var(--_q)) calc(b - b * var(--_t) + var(--_q))
      );
    }
  }
  @media (forced-colors: active) {
    /* The launcher's share of the forced-colours rules in panelStyles, before the panel exists. */
    .launcher {
      border-color: ButtonText;
    }
    .launcher:focus-visible {
      outline-color: Highlight;
      box-shadow: none;
    }
    /* A background is forced to the canvas colour: the icon keeps the button's text colour. */
    .launcher::before,
    .close::before {
      forced-color-adjust: none;
      background: ButtonText;
    }
  }
`;
