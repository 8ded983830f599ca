// WCAG contrast of every colour pair the widget draws, in each theme, from the tokens the
// stylesheet is built from (axe cannot check placeholders, non-text contrast or the highlight
// behind the message box's text); and the rule for a host's accent: the colours derived from any
// accent, as the stylesheet computes them (its constants read from it), against each theme's
// tokens. test/browser/contrast-accent.test.ts measures the same in the browser, in every state.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { panelStyles, styles, tokens } from '../../src/components/amex-chat.styles.js';
import type { ThemeTokens } from '../../src/components/amex-chat.styles.js';
import { declarations } from '../../src/components/theme-tokens.js';

function channels(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const value = parseInt(match[1]!, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** WCAG 2.x relative luminance. */
/** sRGB channels (0–255) → linear light (0–1). */
function linear(rgb: number[]): [number, number, number] {
  return rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
}

/** WCAG 2.x relative luminance of linear channels. */
const lum = ([r, g, b]: readonly number[]): number => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;

function luminance(hex: string): number {
  return lum(linear(channels(hex)));
}

const ratio = (a: number, b: number): number => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

function contrast(a: string, b: string): number {
  return ratio(luminance(a), luminance(b));
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
    // The stylesheet writes each theme's declarations out: every token, with its public name.
    const flat = (css: string): string => css.replace(/\s+/g, ' ');
    const sheet = flat(styles.cssText);
    assert.ok(sheet.includes(`:host { ${flat(declarations(tokens.light))} --_p: 0;`), 'light');
    assert.equal(sheet.split(flat(declarations(tokens.dark))).length - 1, 2, "dark, for 'dark' and 'auto'");
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

describe("a host's accent", () => {
  const text = styles.cssText + panelStyles.cssText;
  /** A number the stylesheet sets (`--_lt:.178;`): its first value after `after` matches. */
  function param(after: RegExp, name: string): number {
    const rule = text.slice(text.search(after));
    const match = new RegExp(`${name}:\\s*([\\d.]+)`).exec(rule);
    if (!match) throw new Error(`no ${name} after ${String(after)}`);
    return Number(match[1]);
  }
  const goal = {
    light: { p: param(/:host \{/, '--_p'), lt: param(/:host \{/, '--_lt') },
    dark: { p: param(/:host\(\[theme='dark'\]\)/, '--_p'), lt: param(/:host\(\[theme='dark'\]\)/, '--_lt') },
  };
  const white = Number(/--_w: clamp\(0, \(([\d.]+) - var\(--_y\)\)/.exec(text)?.[1]);

  /** What the stylesheet computes (see its @supports rule), in linear light. */
  function derived(accent: number[], theme: 'light' | 'dark'): { on: number; ink: number } {
    const c = linear(accent);
    const y = lum(c);
    const { p, lt } = goal[theme];
    const t = Math.min(1, Math.max(0, (lt - y) / (p - y)));
    const ink = c.map((v) => v - v * t + t * p);
    return { on: y < white ? 1 : 0, ink: lum(ink) };
  }

  it('reads its constants from the stylesheet', () => {
    assert.deepEqual(goal, { light: { p: 0, lt: 0.178 }, dark: { p: 1, lt: 0.24 } });
    const auto = /@media \(prefers-color-scheme: dark\)\s*\{\s*:host\(\[theme='auto'\]\)/;
    assert.deepEqual({ p: param(auto, '--_p'), lt: param(auto, '--_lt') }, goal.dark);
    assert.equal(white, 0.1791);
    assert.match(text, /@supports \(color: ?color\(from red srgb-linear calc\(r\) g b\)\)/);
    assert.match(
      text,
      /--_accent-text: var\(\s*--amex-chat-accent-text,\s*color\(from var\(--_accent\) srgb-linear/,
    );
    assert.match(text, /--_accent-ink: color\(\s*from var\(--_accent\) srgb-linear/);
  });

  it('draws the accent as text, borders and radio fills only through --_accent-ink', () => {
    const uses = [...text.matchAll(/([\w-]+):[^;{}]*var\(--_accent\)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(uses)].sort(), ['--_accent-ink', '--_accent-text', 'background']);
  });

  // Every accent on a 17-level grid (4,913 colours), in both themes.
  const levels = Array.from({ length: 17 }, (_, i) => Math.min(255, i * 16));
  for (const theme of ['light', 'dark'] as const) {
    it(`keeps text on any accent at >= 4.5:1, and any accent as text at >= 4.5:1 and as a border at >= 3:1 (${theme})`, () => {
      const set = tokens[theme];
      const failures: string[] = [];
      for (const r of levels) {
        for (const g of levels) {
          for (const b of levels) {
            const accent = [r, g, b];
            const { on, ink } = derived(accent, theme);
            const fill = lum(linear(accent));
            const name = `rgb(${accent.join()})`;
            if (ratio(on, fill) < 4.5) failures.push(`${name}: text on it ${ratio(on, fill).toFixed(2)}`);
            if (ratio(ink, luminance(set.surface)) < 4.5) failures.push(`${name}: as text on the panel`);
            for (const strip of ['notice', 'info'] as const) {
              if (ratio(ink, luminance(set[strip])) < 3) failures.push(`${name}: as a border on ${strip}`);
            }
          }
        }
      }
      assert.deepEqual(failures.slice(0, 10), []);
    });
  }

  it('keeps the built-in accents as they are', () => {
    for (const theme of ['light', 'dark'] as const) {
      const accent = channels(tokens[theme].accent);
      assert.ok(Math.abs(derived(accent, theme).ink - luminance(tokens[theme].accent)) < 1e-12, theme);
    }
  });
});
