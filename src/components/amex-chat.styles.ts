import { css, unsafeCSS } from 'lit';

/** The colours of one theme. Every text/background pair meets WCAG AA (test/unit/contrast.test.ts). */
export interface ThemeTokens {
  /** Launcher, header, send button; text and borders of secondary buttons (see `accentInk`). */
  accent: string;
  /**
   * Text on `accent`. Where relative colours work, black or white, whichever contrasts more with
   * the accent in force (a host's `--amex-chat-accent` included); this value elsewhere.
   */
  accentText: string;
  /** Panel background. */
  surface: string;
  text: string;
  /** Times, statuses, hints, the placeholder. */
  muted: string;
  /** Panel, message box, fieldset and strip borders. */
  border: string;
  customerBubble: string;
  incomingBubble: string;
  /** Errors and warnings (text on `surface`), the urgent call link (background). */
  danger: string;
  /** Text on `danger`. */
  dangerText: string;
  /** Focus outline. */
  focus: string;
  /** Highlight behind sensitive data in the message box (the message box's text is on it). */
  mark: string;
  /** The connection notice and the inactivity warning. */
  notice: string;
  noticeText: string;
  /** The place-in-line strip. */
  info: string;
  infoText: string;
}

export const tokens: { readonly light: ThemeTokens; readonly dark: ThemeTokens } = {
  light: {
    accent: '#006fcf',
    accentText: '#ffffff',
    surface: '#ffffff',
    text: '#1a1a1a',
    muted: '#53565a',
    border: '#767676',
    customerBubble: '#e8f1fb',
    incomingBubble: '#f4f4f4',
    danger: '#b42318',
    dangerText: '#ffffff',
    focus: '#1a1a1a',
    mark: '#ffe08a',
    notice: '#fff4ce',
    noticeText: '#1a1a1a',
    info: '#e8f1fb',
    infoText: '#1a1a1a',
  },
  dark: {
    accent: '#7ab8ff',
    accentText: '#0b1b2e',
    surface: '#1c1d21',
    text: '#f2f2f2',
    muted: '#b8bcc4',
    border: '#8d939c',
    customerBubble: '#183a5e',
    incomingBubble: '#2b2d33',
    danger: '#ff9b8f',
    dangerText: '#1a1a1a',
    focus: '#ffffff',
    mark: '#6b4e00',
    notice: '#3d3100',
    noticeText: '#ffe9a8',
    info: '#172a40',
    infoText: '#f2f2f2',
  },
};

/**
 * Private token (`--_name`) → the public custom property a host page can set on the element to
 * override it in every theme. Tokens without one are private.
 */
const publicNames: Partial<Record<keyof ThemeTokens, string>> = {
  accent: '--amex-chat-accent',
  accentText: '--amex-chat-accent-text',
  surface: '--amex-chat-surface',
  text: '--amex-chat-text',
  muted: '--amex-chat-muted-text',
  border: '--amex-chat-border',
  customerBubble: '--amex-chat-customer-bubble',
  incomingBubble: '--amex-chat-incoming-bubble',
  danger: '--amex-chat-danger',
  focus: '--amex-chat-focus-ring',
  mark: '--amex-chat-mark',
};

/** `accentText` → `accent-text` (a loop: a regular expression's first use costs more at startup). */
function kebab(name: string): string {
  let out = '';
  for (const c of name) out += c >= 'A' && c <= 'Z' ? `-${c.toLowerCase()}` : c;
  return out;
}

/**
 * `--_accent: var(--amex-chat-accent, #006fcf); …` for one theme, then `toward`: where the accent
 * drawn on the panel moves to contrast with the theme's surface (the `@supports` rule in
 * `styles`): towards black (`--_p: 0`) until its luminance is at most `--_lt` 0.178 (4.6:1 on
 * white), or towards white (`--_p: 1`) until it is at least 0.24 (4.6:1 on the dark surface).
 */
function declarations(theme: ThemeTokens, toward: string): ReturnType<typeof unsafeCSS> {
  const lines = (Object.keys(theme) as (keyof ThemeTokens)[]).map((key) => {
    const value = theme[key];
    const name = publicNames[key];
    return `--_${kebab(key)}: ${name ? `var(${name}, ${value})` : value};`;
  });
  return unsafeCSS(`${lines.join('\n')}\n${toward}`);
}

const dark = declarations(tokens.dark, '--_p:1;--_lt:.24;');

/**
 * What the launcher needs, adopted with the element. The panel's rules are in `panelStyles`,
 * which the element adopts right after this sheet when the panel first renders, so a closed
 * launcher does not parse them (four fifths of the CSS: ~1 ms less at startup here).
 */
export const styles = css`
  :host {
    ${declarations(tokens.light, '--_p:0;--_lt:.178;')}
    /* The accent as text and borders on the panel; derived from it below where possible. */
    --_accent-ink: var(--_accent);
    --_offset: var(--amex-chat-offset, 1.25rem);
    --_radius: var(--amex-chat-radius, 0.75rem);
    color-scheme: light;
    font-family: var(--amex-chat-font, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    font-size: 1rem;
    line-height: 1.4;
    color: var(--_text);
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

/** The panel: its frame, header, conversation, composer and their media rules. Cascades after `styles`. */
export const panelStyles = css`
  /* While the floating panel is open, the launcher under it is the panel's round close toggle (a
     chevron): "Chat with us" is said, not shown. Still the launcher: its name, aria-expanded, the
     tab order, and where focus returns when the panel closes. */
  :host([open]:not([position='inline'])) .launcher {
    width: 2.75rem;
    padding: 0;
    justify-content: center;
  }
  :host([open]:not([position='inline'])) .launcher > span {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  :host([open]:not([position='inline'])) .launcher::before {
    clip-path: polygon(12.5% 37.5%, 20.8% 29.2%, 50% 58.3%, 79.2% 29.2%, 87.5% 37.5%, 50% 75%);
  }
  .panel {
    position: fixed;
    inset-block-end: calc(var(--_offset) + 2.75rem + 1.25em);
    inset-inline-end: var(--_offset);
    z-index: var(--amex-chat-z-index, 2147483000);
    width: min(24em, calc(100vw - 2 * var(--_offset)));
    height: min(36em, calc(100vh - 2 * var(--_offset) - 2.75rem - 1.25em));
    display: flex;
    flex-direction: column;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 0.25);
    /* Scrolls as a whole only when even an empty transcript cannot fit (very short viewports,
       large text): nothing is ever clipped. */
    overflow: auto;
  }
  /* One row (the buttons set its height): the heading in full beside End chat and Close. */
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0 0.25rem;
    padding-block: 0;
    padding-inline: 0.75rem 0.125rem;
    background: var(--_accent);
    color: var(--_accent-text);
    border-block-end: 1px solid transparent;
  }
  .header h2 {
    flex: 1 1 6em;
    min-width: 0;
    margin: 0;
    font-size: 1.0625em;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  /* Buttons keep their words whole; a long heading or very large text moves them to a second
     row, still at the inline end. */
  .close,
  .end {
    flex: none;
    margin-inline-start: auto;
  }
  .close {
    background: transparent;
    color: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  .close:focus-visible,
  .end:focus-visible {
    outline-color: var(--_accent-text);
    outline-offset: -4px;
  }
  .end {
    padding-block: 0.25rem;
    padding-inline: 0.5rem;
    background: transparent;
    color: inherit;
    border: 2px solid currentColor;
    font-size: 0.875em;
    font-weight: 600;
  }
  .end-confirm,
  .queue,
  .idle {
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
  .idle p {
    flex: 1 1 12em;
    min-width: 0;
    margin: 0;
  }
  /* The end question on a row of its own, its two answers side by side under it. */
  .end-confirm p {
    flex-basis: 100%;
  }
  .end-confirm button,
  .queue button,
  .idle button,
  .ended button,
  #reload {
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
  .queue {
    background: var(--_info);
    color: var(--_info-text);
  }
  .idle {
    border-block-start: 1px solid var(--_border);
    background: var(--_notice);
    color: var(--_notice-text);
  }
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
  /* The end card, compact so that its reference number and its rating fit in view together. */
  .ended {
    margin-block-start: 0.75rem;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .ended h3 {
    margin-block: 0 0.25rem;
    margin-inline: 0;
    font-size: 1em;
    line-height: 1.25;
  }
  /* The reference number beside its term where they fit; the summary on rows of its own. */
  .ended dl {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: 0.5rem;
    margin-block: 0 0.375rem;
    margin-inline: 0;
  }
  .ended dt {
    font-weight: 600;
  }
  .ended dt:nth-of-type(2),
  #case-summary {
    flex-basis: 100%;
  }
  .ended dd {
    margin-block: 0 0.125rem;
    margin-inline: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  #case-summary {
    font-size: 0.875em;
  }
  .ended #case-number {
    font-family: ui-monospace, monospace;
    font-size: 1.0625em;
    user-select: all;
  }
  .record {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin-block-end: 0.375rem;
  }
  .record button {
    padding-inline: 0.5rem;
    font-size: 0.8125em;
  }
  /* The five choices in a wrapping row (two rows in the default width), not a column of five. */
  .rating fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
    min-width: 0;
    margin-block: 0 0.375rem;
    margin-inline: 0;
    padding-block: 0 0.25rem;
    padding-inline: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 0.5rem;
  }
  .rating legend {
    line-height: 1.25;
    font-weight: 600;
    padding-block: 0;
    padding-inline: 0.25rem;
  }
  .score {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
    cursor: pointer;
  }
  .score input {
    width: 1.5em;
    height: 1.5em;
    margin: 0;
    font-size: inherit;
    flex: none;
    accent-color: var(--_accent-ink);
  }
  .rated:focus {
    outline: none;
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
  /* The panel's module could not load: this message and its Retry button stand in for the
     conversation. */
  .panel > .error {
    padding-block: 0.75rem;
    padding-inline: 1rem;
  }
  #reload {
    margin-inline: 1rem;
    align-self: flex-start;
  }
  /* Small screens and 400 % zoom: the panel takes the whole viewport. (After the rules it
     changes, which it outranks by coming later.) */
  @media (max-width: 30rem), (max-height: 30rem) {
    .panel {
      inset: 0;
      width: auto;
      height: auto;
      border: 0;
      border-radius: 0;
    }
    /* The panel covers the launcher: take it out of the tab order (Close does the same). */
    :host([open]:not([position='inline'])) .launcher {
      display: none;
    }
    /* Compact strips and composer: the transcript keeps over 60 % of a phone's height with the
       end question and the place in line showing. */
    .notice,
    .end-confirm,
    .queue,
    .idle {
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
    .header {
      padding-block: 0;
    }
    .header h2 {
      font-size: 1em;
    }
    .notice,
    .end-confirm,
    .queue,
    .idle {
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
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    /* Transparent borders become visible system colours; state never rides on colour alone. */
    button,
    .launcher,
    .send {
      border-color: ButtonText;
    }
    .urgent a {
      border-color: LinkText;
    }
    .header,
    .notice,
    .queue,
    .idle,
    .bubble {
      border-color: CanvasText;
    }
    :focus-visible,
    .close:focus-visible,
    .end:focus-visible,
    .launcher:focus-visible {
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
