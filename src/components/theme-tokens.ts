/**
 * The two colour themes: the values (checked for contrast by test/unit/contrast.test.ts) and the
 * public custom properties that override them. The element's stylesheet (launcher.styles.ts)
 * carries them as written-out declarations; this module is for the tests and the docs, and is not
 * part of the built widget.
 */
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
 * `--_accent: var(--amex-chat-accent, #006fcf); …`: one theme's tokens as the private custom
 * properties the stylesheets read, each overridable by its public one. launcher.styles.ts writes
 * this text out for each theme (test/unit/contrast.test.ts checks it against this function), so
 * that the element does not build it when it loads.
 */
export function declarations(theme: ThemeTokens): string {
  return (Object.keys(theme) as (keyof ThemeTokens)[])
    .map((key) => {
      const value = theme[key];
      const name = publicNames[key];
      return `--_${kebab(key)}: ${name ? `var(${name}, ${value})` : value};`;
    })
    .join('\n');
}
