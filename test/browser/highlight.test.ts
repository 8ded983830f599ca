// The sensitive-data highlight in the message box (issue 24, item 9): the highlight layer sits
// under the textarea, so every character the customer typed stays visible over its mark, in the
// light and dark themes and in forced colours. Paint order is read by hit testing (the layer is
// made hit-testable for the check): `elementsFromPoint` lists what is at a point topmost first,
// in the order the browser paints it.
import { expect } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import { axeCheck, emulateMediaFeatures, resetMediaFeatures, waitFor } from '../support/helpers.js';
import { GREETING, scriptedChat } from '../support/scripted-chat.js';

const CARD = '4111 1111 1111 1111';
const DRAFT = `My card ${CARD} was charged twice`;

function must(el: AmexChatElement, selector: string): HTMLElement {
  const node = el.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!node) throw new Error(`no ${selector} in the shadow root`);
  return node;
}

/** The widget, open, with `DRAFT` typed in the message box and its card number highlighted. */
async function typed(theme: 'light' | 'dark'): Promise<AmexChatElement> {
  const { el } = await scriptedChat({ greeting: { ...GREETING, text: 'Hi' }, theme, idleTimeout: 0 });
  const input = must(el, '#input') as HTMLTextAreaElement;
  input.value = DRAFT;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
  await waitFor(() => el.shadowRoot!.querySelector('.backdrop mark'), 'the highlight');
  return el;
}

/** A colour as the screen shows it: 8-bit sRGB and alpha, whatever syntax the style computed to. */
function pixel(color: string): [number, number, number, number] {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a!];
}

/** `top` composited over the opaque `bottom`, as `rgb()`. */
function over(top: string, bottom: string): string {
  const [r, g, b, a] = pixel(top);
  const under = pixel(bottom);
  const mix = [r, g, b].map((c, i) => Math.round((c * a + under[i]! * (255 - a)) / 255));
  return `rgb(${mix.join(', ')})`;
}

function luminance(color: string): number {
  const [r, g, b] = pixel(color).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * For a point in each character of each highlighted span: what is painted there, topmost first,
 * as `textarea`, `mark` or `backdrop` (only these three; the layer is made hit-testable here).
 */
function stacks(el: AmexChatElement): string[][] {
  const root = el.shadowRoot!;
  const probe = new CSSStyleSheet();
  probe.replaceSync('.backdrop, .backdrop * { pointer-events: auto !important; }');
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, probe];
  try {
    const input = must(el, '#input');
    const backdrop = must(el, '.backdrop');
    const found: string[][] = [];
    for (const mark of root.querySelectorAll('.backdrop mark')) {
      const text = [...mark.childNodes].find((node) => node.nodeType === Node.TEXT_NODE)!;
      for (let i = 0; i < text.textContent!.length; i += 1) {
        if (text.textContent![i] === ' ') continue;
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const box = range.getBoundingClientRect();
        const at = root.elementsFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        found.push(
          at
            .map((node) =>
              node === input ? 'textarea' : node === mark ? 'mark' : node === backdrop ? 'backdrop' : '',
            )
            .filter(Boolean),
        );
      }
    }
    return found;
  } finally {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== probe);
  }
}

/** What is painted on top at a highlighted character (the mark must be there, under it). */
function topOverMark(stack: string[]): string {
  expect(stack).to.include('mark');
  return stack[0]!;
}

afterEach(async () => {
  await resetMediaFeatures();
});

describe('<amex-chat>', () => {
  describe('accessibility', () => {
    it('has no axe violations with a highlighted draft, in both themes', async () => {
      for (const theme of ['light', 'dark'] as const) await axeCheck(await typed(theme));
    });
  });

  describe('redaction', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`paints the highlight under the typed characters, which stay readable on it (${theme})`, async () => {
        const el = await typed(theme);
        const input = must(el, '#input');
        const mark = must(el, '.backdrop mark');
        expect(mark.textContent).to.equal(CARD);
        const found = stacks(el);
        expect(found).to.have.length(CARD.replace(/ /g, '').length);
        // Over every highlighted character the message box, with its text, is on top.
        for (const stack of found) expect(topOverMark(stack)).to.equal('textarea');
        const style = getComputedStyle(input);
        expect(pixel(style.backgroundColor)[3], 'the message box lets the highlight through').to.equal(0);
        expect(pixel(style.color)[3], 'typed text is opaque').to.equal(255);
        const marked = getComputedStyle(mark);
        expect(pixel(marked.backgroundColor)[3], 'the highlight is painted').to.equal(255);
        expect(contrast(style.color, marked.backgroundColor), 'typed text on the highlight').to.be.at.least(
          4.5,
        );
        expect(marked.textDecorationLine, 'the warning mark').to.equal('underline');
        expect(marked.textDecorationStyle).to.equal('wavy');
        expect(contrast(marked.textDecorationColor, marked.backgroundColor)).to.be.at.least(3);
      });
    }

    it('shows every typed character over the highlight in forced colours', async () => {
      await emulateMediaFeatures({ forcedColors: 'active' });
      expect(matchMedia('(forced-colors: active)').matches).to.be.true;
      const el = await typed('light');
      const input = must(el, '#input');
      const backdrop = must(el, '.backdrop');
      // The layer holds the whole draft and draws it (the box's own text steps aside).
      await waitFor(() => backdrop.textContent === `${DRAFT}\n`, 'the whole draft in the layer');
      for (const stack of stacks(el)) expect(topOverMark(stack)).to.equal('textarea');
      expect(pixel(getComputedStyle(input).backgroundColor)[3]).to.equal(0);
      const marked = getComputedStyle(must(el, '.backdrop mark'));
      const canvas = getComputedStyle(must(el, '.field')).backgroundColor;
      // Chromium draws the system Highlight colour a little translucent, over the field.
      expect(pixel(marked.backgroundColor)[3], 'the highlight is painted').to.be.at.least(128);
      const behind = over(marked.backgroundColor, canvas);
      expect(contrast(marked.color, behind), 'HighlightText on Highlight').to.be.at.least(4.5);
      expect(contrast(getComputedStyle(backdrop).color, canvas), 'the rest of the text').to.be.at.least(4.5);
      expect(marked.textDecorationLine).to.equal('underline');
      await axeCheck(el);
    });
  });
});
