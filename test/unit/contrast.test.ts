// WCAG contrast of every colour pair the widget draws, in each theme, from the tokens the
// stylesheet is built from (axe cannot check placeholders, non-text contrast or the highlight
// behind the message box's text).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { panelStyles, styles, tokens } from '../../src/components/amex-chat.styles.js';
import type { ThemeTokens } from '../../src/components/amex-chat.styles.js';

function channels(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const value = parseInt(match[1]!, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** WCAG 2.x relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

type Pair = [what: string, foreground: keyof ThemeTokens, background: keyof ThemeTokens];

/** Text (1.4.3): at least 4.5:1, whatever its size. */
const TEXT: Pair[] = [
  ['body text on the panel', 'text', 'surface'],
  ['times, statuses, hint, typing line and placeholder', 'muted', 'surface'],
  ["the customer's bubbles", 'text', 'customerBubble'],
  ['incoming bubbles', 'text', 'incomingBubble'],
  ['launcher, header, send button, "End chat" and "Yes, end"', 'accentText', 'accent'],
  [
    'quick replies, Retry, Leave the line, Continue chat, Download, Print, the unread badge',
    'accent',
    'surface',
  ],
  ['the connection notice and the inactivity warning', 'noticeText', 'notice'],
  ['the place-in-line strip', 'infoText', 'info'],
  ['errors, warnings and "Not sent"', 'danger', 'surface'],
  ['the urgent call link', 'dangerText', 'danger'],
  ['typed text over the sensitive-data highlight', 'text', 'mark'],
];

/** User-interface components and focus (1.4.11, 2.4.7): at least 3:1. */
const NON_TEXT: Pair[] = [
  ['message box, panel, fieldset and strip borders', 'border', 'surface'],
  ['the system bubble edge next to an incoming bubble', 'border', 'incomingBubble'],
  ['focus outline on the panel', 'focus', 'surface'],
  ['focus outline in the notice and inactivity strips', 'focus', 'notice'],
  ['focus outline in the place-in-line strip', 'focus', 'info'],
  ['focus outline of Close and End chat (inside the header)', 'accentText', 'accent'],
  ['"End chat" border on the header', 'accentText', 'accent'],
  ['secondary button borders and the send button on the panel', 'accent', 'surface'],
  ['Continue chat border on the inactivity strip', 'accent', 'notice'],
  ['Leave the line border on the place-in-line strip', 'accent', 'info'],
  ['invalid message box border', 'danger', 'surface'],
  ['wavy underline of sensitive data on its highlight', 'danger', 'mark'],
];

for (const theme of ['light', 'dark'] as const) {
  describe(`${theme} theme contrast`, () => {
    const set = tokens[theme];
    for (const [what, fg, bg] of TEXT) {
      it(`text ${fg} on ${bg} ≥ 4.5:1 (${what})`, () => {
        const ratio = contrast(set[fg], set[bg]);
        assert.ok(ratio >= 4.5, `${set[fg]} on ${set[bg]} is ${ratio.toFixed(2)}:1`);
      });
    }
    for (const [what, fg, bg] of NON_TEXT) {
      it(`non-text ${fg} against ${bg} ≥ 3:1 (${what})`, () => {
        const ratio = contrast(set[fg], set[bg]);
        assert.ok(ratio >= 3, `${set[fg]} against ${set[bg]} is ${ratio.toFixed(2)}:1`);
      });
    }
  });
}

describe('stylesheet', () => {
  const text = styles.cssText + panelStyles.cssText;

  it('builds both themes from the tokens, overridable by the public custom properties', () => {
    assert.match(text, /--_accent: var\(--amex-chat-accent, #006fcf\)/);
    assert.match(text, new RegExp(`--_accent: var\\(--amex-chat-accent, ${tokens.dark.accent}\\)`));
    assert.match(text, new RegExp(`--_mark: var\\(--amex-chat-mark, ${tokens.dark.mark}\\)`));
  });

  it("applies the dark set for theme='dark' and for theme='auto' in a dark colour scheme", () => {
    assert.match(text, /:host\(\[theme='dark'\]\)\s*\{\s*--_accent: var\(--amex-chat-accent, #7ab8ff\)/);
    assert.match(
      text,
      /@media \(prefers-color-scheme: dark\)\s*\{\s*:host\(\[theme='auto'\]\)\s*\{\s*--_accent: var\(--amex-chat-accent, #7ab8ff\)/,
    );
  });

  it('uses no colour literal outside the token sets (everything goes through --_ tokens)', () => {
    const rules = text.replace(/--_[\w-]+:[^;]+;/g, '');
    const literals = rules.match(/#[0-9a-f]{3,8}\b/gi) ?? [];
    assert.deepEqual(literals, []);
  });

  it('has no physical left/right property or value (logical properties only, for RTL)', () => {
    assert.deepEqual(text.match(/[\w-]*\b(left|right)\b[\w-]*/gi) ?? [], []);
  });

  it('keeps every font size relative (em), so the host font size scales the widget', () => {
    const sizes = [...text.matchAll(/font-size:\s*([^;]+);/g)].map((m) => m[1]!.trim());
    assert.ok(sizes.length > 5);
    for (const size of sizes) assert.match(size, /^(1rem|max\(1rem, 1em\)|inherit|[\d.]+em)$/, size);
  });
});
