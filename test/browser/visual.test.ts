// Visual accessibility of the widget, from computed styles and geometry in the real browser:
// themes and contrast, focus indicators, target sizes, focus not obscured, reflow at 320 px and
// 400 % zoom, 200 % text, WCAG text spacing, forced colors, reduced motion and right-to-left.
// Media features and the viewport are emulated through the Chrome DevTools Protocol
// (test/support/wtr-plugins.mjs, mediaPlugin); a scripted server in the page puts the
// conversation in each state (test/support/scripted-transport.ts).
import { FakeClock } from '../support/fake-clock.js';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement } from '../../src/index.js';
import '../../src/define.js';
import { parseClientFrame } from '../../src/protocol.js';
import { tokens } from '../../src/components/amex-chat.styles.js';
import {
  DEAD_ENDPOINT,
  axeCheck,
  contrastRatio as rgbContrastRatio,
  deepActiveElement,
  emulateMediaFeatures,
  parseColor,
  resetMediaFeatures,
  setViewportSize,
  waitFor,
} from '../support/helpers.js';
import { scriptedChat } from '../support/scripted-chat.js';
import type { ScriptedServer } from '../support/scripted-transport.js';

const CARD = '4111 1111 1111 1111';
const LONG_WORD = `https://example.com/${'x'.repeat(180)}`;

type Theme = 'light' | 'dark' | 'auto';
type Phase = 'assistant' | 'queued' | 'ended' | 'failed' | 'confirm';

/** The states whose every text and focusable part the contrast and focus tests check. */
const STATES: SceneOptions[] = [
  { idle: true, draft: `card ${CARD}` },
  { phase: 'queued' },
  { phase: 'ended' },
  { phase: 'failed' },
  { phase: 'confirm' },
];

interface SceneOptions {
  theme?: Theme;
  phase?: Phase;
  /** Show the inactivity warning (idle-timeout 21: it comes 1 s after the start, on a fake clock). */
  idle?: boolean;
  /** Type a card number so the sensitive-data warning and highlight show. */
  draft?: string;
  /** Extra incoming messages before the last one (to make the transcript scroll). */
  filler?: number;
}

function $(el: AmexChatElement, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

function $$(el: AmexChatElement, selector: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

function must(el: AmexChatElement, selector: string): HTMLElement {
  const node = $(el, selector);
  if (!node) throw new Error(`no ${selector} in the shadow root`);
  return node;
}

/**
 * The element's clock while a scene shows the inactivity warning: a fake one, moved on to the
 * warning at once rather than waiting for it, and put back after the test.
 */
let fake: FakeClock | undefined;
afterEach(() => {
  fake?.uninstall();
  fake = undefined;
});

/** A conversation in the given state, played by a scripted server. */
async function scene(options: SceneOptions = {}): Promise<{ el: AmexChatElement; server: ScriptedServer }> {
  const { theme = 'light', phase = 'assistant', idle = false, draft = '', filler = 0 } = options;
  if (idle) fake = new FakeClock(Date.now()).install();
  const { el, server } = await scriptedChat({
    theme,
    idleTimeout: idle ? 21 : 0,
    urgentPhone: '1-800-528-4800',
  });
  if (phase === 'failed') {
    // The server refuses every customer message: it shows as not sent, with Retry.
    const handle = server.handle.bind(server);
    server.handle = (raw: string): void => {
      const frame = parseClientFrame(raw);
      if (frame?.type === 'message') {
        server.raw.push(raw);
        server.push({ type: 'error', code: 'internal', message: 'refused', id: frame.id });
        return;
      }
      handle(raw);
    };
  }
  // The customer's message as the server numbers it (the scripted server's acks take a number
  // that no event carries, so later events would wait for it).
  server.event({ from: 'customer', name: '', text: 'My card was charged twice' });
  await waitFor(() => $(el, '.message.customer'), "the customer's message");
  for (let i = 0; i < filler; i += 1) {
    server.event({ from: 'assistant', name: 'Virtual assistant', text: `Line ${i + 1} of the answer.` });
  }
  if (phase === 'failed') {
    await el.send('Is anyone there?');
    await waitFor(() => $(el, '[part="retry-button"]'), 'the Retry button');
  } else {
    server.event({
      from: 'assistant',
      name: 'Virtual assistant',
      text: `If charges are happening right now, call us. Details: ${LONG_WORD}`,
      urgent: true,
      quickReplies: [
        { label: 'Dispute a charge', value: 'Dispute a charge' },
        { label: 'Talk to a person', value: 'Talk to a person' },
      ],
    });
    await waitFor(() => $(el, '[part="quick-reply"]'), 'the quick replies');
  }
  if (phase === 'queued') {
    server.event({
      kind: 'notice',
      from: 'system',
      name: '',
      text: 'You are in line for a person.',
      notice: { code: 'queued', team: 'general' },
    });
    server.push({ type: 'queue', waiting: true, position: 3, etaSeconds: 240, team: 'general' });
    await waitFor(() => $(el, '#leave-queue'), 'the queue strip');
  }
  if (phase === 'ended') {
    server.event({
      kind: 'notice',
      from: 'system',
      name: '',
      text: 'The chat has ended.',
      notice: {
        code: 'ended',
        caseNumber: 'AMX-4KF7-Q2ZD',
        summary: 'Duplicate charge disputed; a temporary credit posts within 2 business days.',
      },
    });
    await waitFor(() => $(el, '#download'), 'the ended section');
  }
  if (phase === 'confirm') {
    must(el, '#end').click();
    await waitFor(() => $(el, '#end-yes'), 'the end question');
  }
  if (draft) {
    const input = must(el, '#input') as HTMLTextAreaElement;
    input.value = draft;
    input.dispatchEvent(new Event('input'));
    await waitFor(() => $(el, '#warning'), 'the sensitive-data warning');
  }
  if (idle) {
    fake?.advance(1000);
    await waitFor(() => $(el, '#idle-continue'), 'the inactivity warning', 5000);
  }
  await el.updateComplete;
  return { el, server };
}

const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;

/**
 * A computed colour as `rgba(…)` of what the screen shows (8 bits a channel): colours derived
 * from the accent compute to `color(srgb-linear …)`.
 */
function toRgb(color: string): string {
  canvas.clearRect(0, 0, 1, 1);
  canvas.fillStyle = color;
  canvas.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
  return `rgba(${r}, ${g}, ${b}, ${a! / 255})`;
}

/** WCAG contrast of two opaque computed colours, whatever syntax they computed to. */
const contrastRatio = (a: string, b: string): number => rgbContrastRatio(toRgb(a), toRgb(b));

/** The colour painted behind `node`: its own background or the nearest ancestor's (page: white). */
function backgroundOf(node: Element | null): string {
  for (let at: Element | null = node; at;) {
    const color = getComputedStyle(at).backgroundColor;
    if (parseColor(toRgb(color))[3] > 0) return color;
    const parent: Node | null = at.parentNode;
    at = parent instanceof ShadowRoot ? parent.host : parent instanceof Element ? parent : null;
  }
  return 'rgb(255, 255, 255)';
}

function visible(node: HTMLElement): boolean {
  return node.getClientRects().length > 0 && getComputedStyle(node).visibility !== 'hidden';
}

/** Every part reachable with Tab (or arrows, for the rating radios), visible now. */
function focusables(el: AmexChatElement): HTMLElement[] {
  return $$(el, 'button, a[href], textarea, input, [tabindex]:not([tabindex="-1"])').filter(visible);
}

/** Focuses `node` as the keyboard would (so `:focus-visible` applies). */
async function keyboardFocus(node: HTMLElement): Promise<void> {
  node.focus();
  await waitFor(() => deepActiveElement() === node, `focus on ${node.outerHTML.slice(0, 60)}`);
  expect(node.matches(':focus-visible'), `${node.outerHTML.slice(0, 80)} matches :focus-visible`).to.be.true;
}

function describeNode(node: Element): string {
  const text = node.textContent?.trim().slice(0, 30) ?? '';
  return `<${node.localName}${node.id ? `#${node.id}` : ''}${node.getAttribute('part') ? `[part=${node.getAttribute('part')}]` : ''}> "${text}"`;
}

/**
 * Asserts the focused `node` shows an outline of at least 2 px (not a box-shadow) whose colour
 * has at least 3:1 against what it is drawn on: the element's own background when the outline
 * is inset, its surroundings otherwise.
 */
function assertFocusIndicator(node: HTMLElement, minContrast = 3): void {
  const style = getComputedStyle(node);
  const what = describeNode(node);
  expect(style.outlineStyle, `${what} outline style`).to.not.equal('none');
  expect(parseFloat(style.outlineWidth), `${what} outline width`).to.be.at.least(2);
  if (minContrast <= 1) return;
  const inset = parseFloat(style.outlineOffset) < 0;
  const parent = node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentElement;
  const behind = inset ? backgroundOf(node) : backgroundOf(parent);
  if (node.matches('.launcher')) {
    // The launcher floats over any host page: a ring in the panel colour sits between it and
    // the outline, so the outline is drawn against that ring.
    const ring = /rgba?\([^)]*\)/.exec(style.boxShadow)?.[0];
    expect(ring, `${what} has a ring`).to.be.a('string');
    expect(contrastRatio(style.outlineColor, ring!), `${what} outline against its ring`).to.be.at.least(
      minContrast,
    );
    return;
  }
  expect(
    contrastRatio(style.outlineColor, behind),
    `${what}: outline ${style.outlineColor} on ${behind}`,
  ).to.be.at.least(minContrast);
}

/** Elements that clip their content (overflow hidden/clip) and clip some of it. */
function clipped(el: AmexChatElement): string[] {
  const problems: string[] = [];
  for (const node of $$(el, '*')) {
    // The highlight layer under the message box scrolls with it, as a copy of its text. Text hidden
    // on purpose (the open panel's launcher says "Chat with us" only to assistive technology) is
    // clipped to nothing by design.
    if (!visible(node) || node.closest('.sr-only, .backdrop')) continue;
    if (getComputedStyle(node).clipPath === 'inset(50%)') continue;
    const style = getComputedStyle(node);
    const clips = (value: string): boolean => value === 'hidden' || value === 'clip';
    if (clips(style.overflowX) && node.scrollWidth > node.clientWidth + 1) {
      problems.push(`${describeNode(node)} clips horizontally (${node.scrollWidth} > ${node.clientWidth})`);
    }
    if (clips(style.overflowY) && node.scrollHeight > node.clientHeight + 1) {
      problems.push(`${describeNode(node)} clips vertically (${node.scrollHeight} > ${node.clientHeight})`);
    }
    // Text that runs out of its box sideways, even where it is not clipped.
    if (
      style.overflowX === 'visible' &&
      node.matches('p, h2, h3, label, legend, dt, dd, button, a, li') &&
      node.scrollWidth > node.clientWidth + 1
    ) {
      problems.push(`${describeNode(node)} overflows sideways (${node.scrollWidth} > ${node.clientWidth})`);
    }
  }
  const panel = must(el, '#panel');
  if (panel.scrollWidth > panel.clientWidth + 1) problems.push('the panel scrolls sideways');
  return problems;
}

/** Children of each layout group that overlap one another. */
function overlaps(el: AmexChatElement): string[] {
  const groups = $$(
    el,
    '#panel, .header, .notice, .queue, .idle, .end-confirm, .composer, .transcript .messages, .message, .quick-replies, .ended, .ended dl, .record, .rating fieldset',
  );
  const problems: string[] = [];
  for (const group of groups) {
    const children = [...group.children].filter(
      (c): c is HTMLElement => c instanceof HTMLElement && visible(c) && !c.matches('.sr-only'),
    );
    for (let i = 0; i < children.length; i += 1) {
      for (let j = i + 1; j < children.length; j += 1) {
        const a = children[i]!.getBoundingClientRect();
        const b = children[j]!.getBoundingClientRect();
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 1 && y > 1) {
          problems.push(`${describeNode(children[i]!)} overlaps ${describeNode(children[j]!)}`);
        }
      }
    }
  }
  return problems;
}

function within(inner: DOMRect, outer: DOMRect, slack = 0.5): boolean {
  return (
    inner.left >= outer.left - slack &&
    inner.right <= outer.right + slack &&
    inner.top >= outer.top - slack &&
    inner.bottom <= outer.bottom + slack
  );
}

const rgb = (hex: string): string => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

const VIEWPORT = { width: window.innerWidth, height: window.innerHeight };

afterEach(async () => {
  await resetMediaFeatures();
  if (window.innerWidth !== VIEWPORT.width || window.innerHeight !== VIEWPORT.height) {
    await setViewportSize(VIEWPORT);
  }
  document.documentElement.removeAttribute('dir');
});

describe('<amex-chat> visual', () => {
  it('has no axe violations in the dark theme, closed and open, in every state', async () => {
    const closed = await fixture<AmexChatElement>(
      html`<amex-chat theme="dark" endpoint=${DEAD_ENDPOINT} persist="none"></amex-chat>`,
    );
    await axeCheck(closed);
    await closed.show();
    await waitFor(() => $(closed, '.notice'), 'the connecting notice');
    await axeCheck(closed);

    for (const options of [
      { idle: true, draft: `card ${CARD}` },
      { phase: 'queued' },
      { phase: 'ended' },
      { phase: 'failed' },
      { phase: 'confirm' },
    ] as SceneOptions[]) {
      const { el } = await scene({ theme: 'dark', ...options });
      await axeCheck(el);
    }
  });

  describe('themes', () => {
    it("uses the dark tokens for theme='dark', and for theme='auto' only in a dark colour scheme", async () => {
      const { el } = await scene({ theme: 'dark', idle: true });
      const panel = must(el, '#panel');
      const surface = (): string => getComputedStyle(panel).backgroundColor;
      expect(surface()).to.equal(rgb(tokens.dark.surface));
      expect(getComputedStyle(must(el, '.header')).backgroundColor).to.equal(rgb(tokens.dark.accent));
      expect(getComputedStyle(must(el, '.idle')).backgroundColor).to.equal(rgb(tokens.dark.notice));
      expect(getComputedStyle(panel).colorScheme).to.equal('dark');

      el.theme = 'light';
      await el.updateComplete;
      expect(surface()).to.equal(rgb(tokens.light.surface));

      el.theme = 'auto';
      await el.updateComplete;
      await emulateMediaFeatures({ colorScheme: 'light' });
      expect(surface()).to.equal(rgb(tokens.light.surface));
      await emulateMediaFeatures({ colorScheme: 'dark' });
      expect(surface()).to.equal(rgb(tokens.dark.surface));
      expect(getComputedStyle(must(el, '.idle')).color).to.equal(rgb(tokens.dark.noticeText));
      await axeCheck(el);
    });

    it('lets the host page override a token in every theme', async () => {
      const { el } = await scene({ theme: 'dark' });
      el.style.setProperty('--amex-chat-accent', '#00175a');
      el.style.setProperty('--amex-chat-accent-text', '#fffff0');
      expect(getComputedStyle(must(el, '.send')).backgroundColor).to.equal('rgb(0, 23, 90)');
      // Text on the accent is computed for contrast unless the host sets it: then it is the host's.
      expect(getComputedStyle(must(el, '.send')).color).to.equal('rgb(255, 255, 240)');
    });

    for (const theme of ['light', 'dark'] as const) {
      it(`renders every text at >= 4.5:1 on what is behind it in the ${theme} theme (placeholder and highlight included)`, async () => {
        const problems: string[] = [];
        for (const options of STATES) {
          const { el } = await scene({ theme, ...options });
          for (const node of $$(el, '*')) {
            if (!visible(node) || node.closest('.sr-only, .backdrop, svg')) continue;
            const hasText = [...node.childNodes].some(
              (c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim() !== '',
            );
            if (!hasText) continue;
            const color = getComputedStyle(node).color;
            const behind = backgroundOf(node);
            const ratio = contrastRatio(color, behind);
            if (ratio < 4.5)
              problems.push(`${describeNode(node)}: ${color} on ${behind} = ${ratio.toFixed(2)}`);
          }
          const input = must(el, '#input');
          const placeholder = getComputedStyle(input, '::placeholder').color;
          const field = backgroundOf(input);
          if (contrastRatio(placeholder, field) < 4.5)
            problems.push(`placeholder ${placeholder} on ${field}`);
          const mark = $(el, '.backdrop mark');
          if (mark) {
            const ratio = contrastRatio(
              getComputedStyle(input).color,
              getComputedStyle(mark).backgroundColor,
            );
            if (ratio < 4.5) problems.push(`typed text on the highlight = ${ratio.toFixed(2)}`);
          }
        }
        expect(problems, problems.join('\n')).to.deep.equal([]);
      });
    }

    it('draws borders of the message box and secondary buttons at >= 3:1 in both themes', async () => {
      for (const theme of ['light', 'dark'] as const) {
        const { el } = await scene({ theme });
        const input = must(el, '#input');
        const reply = must(el, '[part="quick-reply"]');
        for (const node of [input, reply]) {
          const style = getComputedStyle(node);
          expect(parseFloat(style.borderTopWidth)).to.be.at.least(1);
          expect(
            contrastRatio(style.borderTopColor, backgroundOf(node.parentElement)),
            `${theme} ${describeNode(node)} border`,
          ).to.be.at.least(3);
        }
        const send = must(el, '.send');
        expect(
          contrastRatio(getComputedStyle(send).backgroundColor, backgroundOf(send.parentElement)),
          `${theme} send button against the panel`,
        ).to.be.at.least(3);
      }
    });
  });

  describe('focus', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`shows a >= 2 px outline with >= 3:1 contrast on every focusable part (${theme})`, async () => {
        await sendKeys({ press: 'Shift' });
        const seen = new Set<string>();
        for (const options of STATES) {
          const { el } = await scene({ theme, ...options });
          for (const node of focusables(el)) {
            await keyboardFocus(node);
            assertFocusIndicator(node);
            seen.add(node.getAttribute('part') || node.id || node.localName);
          }
          await el.hide();
          const launcher = must(el, '#launcher');
          await keyboardFocus(launcher);
          assertFocusIndicator(launcher);
        }
        for (const part of [
          'launcher',
          'close-button',
          'end-button',
          'transcript',
          'quick-reply',
          'urgent-phone',
          'retry-button',
          'input',
          'send-button',
          'leave-queue-button',
          'transcript-button',
          'idle-continue',
          'end-yes',
          'end-no',
        ]) {
          expect([...seen], `focused ${part}`).to.include(part);
        }
      });
    }

    it('keeps a focused quick reply, Retry or call link clear of the panel edges (not obscured)', async () => {
      for (const phase of ['assistant', 'failed'] as const) {
        const { el } = await scene({ phase, filler: 12 });
        const transcript = must(el, '#transcript');
        // The last messages are followed once per frame: let that happen before scrolling up.
        // (A frame can take long on a loaded machine: wait for it, not for a fixed time.)
        await waitFor(
          () => transcript.scrollTop + transcript.clientHeight >= transcript.scrollHeight - 1,
          'the transcript at its end',
          15_000,
        );
        expect(parseFloat(getComputedStyle(transcript).scrollPaddingBlockStart)).to.be.at.least(8);
        const targets =
          phase === 'failed'
            ? [must(el, '[part="retry-button"]')]
            : [must(el, '[part="urgent-phone"]'), must(el, '[part="quick-reply"]')];
        for (const target of targets) {
          transcript.scrollTop = 0;
          await waitFor(
            () => !within(target.getBoundingClientRect(), transcript.getBoundingClientRect()),
            `${describeNode(target)} scrolled out of view`,
          );
          await keyboardFocus(target);
          await waitFor(
            () => within(target.getBoundingClientRect(), transcript.getBoundingClientRect()),
            `${describeNode(target)} in view`,
          );
          const rect = target.getBoundingClientRect();
          const hit = el.shadowRoot!.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
          expect(hit && target.contains(hit), `${describeNode(target)} is on top`).to.be.true;
        }
      }
    });

    it('makes every target at least 44 x 44 CSS px (rating choices included)', async () => {
      const sizes: string[] = [];
      const check = (node: HTMLElement, min = 44): void => {
        const { width, height } = node.getBoundingClientRect();
        if (width < min - 0.5 || height < min - 0.5) sizes.push(`${describeNode(node)} ${width}x${height}`);
      };
      for (const options of [
        { idle: true },
        { phase: 'queued' },
        { phase: 'ended' },
        { phase: 'failed' },
        { phase: 'confirm' },
      ] as SceneOptions[]) {
        const { el } = await scene(options);
        for (const node of $$(el, 'button, a[href], textarea').filter(visible)) check(node);
        for (const label of $$(el, '.score').filter(visible)) check(label);
        for (const radio of $$(el, '.score input').filter(visible)) check(radio, 24);
        check(must(el, '#launcher'));
      }
      expect(sizes, sizes.join('\n')).to.deep.equal([]);
    });
  });

  describe('reflow, zoom and text spacing', () => {
    it('fills a 320 x 640 viewport with no sideways scrolling; long strings wrap', async () => {
      await setViewportSize({ width: 320, height: 640 });
      const { el } = await scene({ draft: `${LONG_WORD} ${CARD}` });
      const panel = must(el, '#panel').getBoundingClientRect();
      expect([panel.left, panel.top, panel.width, panel.height]).to.deep.equal([0, 0, 320, 640]);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      expect(clipped(el), clipped(el).join('\n')).to.deep.equal([]);
      for (const node of $$(el, '.message, .bubble, .composer, .header, #input')) {
        expect(node.getBoundingClientRect().right, describeNode(node)).to.be.at.most(320.5);
      }
      // The full-screen panel covers the launcher, so it leaves the tab order until closed.
      expect(visible(must(el, '#launcher'))).to.be.false;
      must(el, '.close').click();
      await waitFor(() => deepActiveElement() === must(el, '#launcher'), 'focus back on the launcher');
      const launcher = must(el, '#launcher').getBoundingClientRect();
      expect(within(launcher, new DOMRect(0, 0, 320, 640))).to.be.true;
    });

    it('keeps the composer and a line of the transcript visible at 320 x 256 (400 % zoom)', async () => {
      await setViewportSize({ width: 320, height: 256 });
      for (const phase of ['assistant', 'confirm'] as const) {
        const { el } = await scene({ phase });
        const panel = must(el, '#panel');
        if (phase === 'confirm') {
          // The question strip has no room to spare: the panel scrolls, and the question's
          // focused answer is in view.
          const focused = must(el, '#end-no');
          expect(deepActiveElement()).to.equal(focused);
          expect(
            within(focused.getBoundingClientRect(), new DOMRect(0, 0, 320, 256)),
            'Keep chatting in view',
          ).to.be.true;
          expect(clipped(el), clipped(el).join('\n')).to.deep.equal([]);
          continue;
        }
        expect(panel.scrollHeight, 'the panel does not need scrolling').to.be.at.most(panel.clientHeight + 1);
        const viewport = new DOMRect(0, 0, 320, 256);
        const composer = must(el, '.composer').getBoundingClientRect();
        expect(within(composer, viewport), 'composer in the viewport').to.be.true;
        const transcript = must(el, '#transcript');
        const view = transcript.getBoundingClientRect();
        const line = parseFloat(getComputedStyle(must(el, '.bubble')).lineHeight);
        const shown = $$(el, '.meta, .bubble, .urgent, .quick-replies li, .status').some((node) => {
          const r = node.getBoundingClientRect();
          return Math.min(r.bottom, view.bottom) - Math.max(r.top, view.top) >= line;
        });
        expect(shown, `a line (${line}px) of the transcript shows in ${view.height}px`).to.be.true;
        expect(clipped(el), clipped(el).join('\n')).to.deep.equal([]);
        expect(overlaps(el), overlaps(el).join('\n')).to.deep.equal([]);
      }
    });

    it('scales with font-size: 200% on the host and clips nothing', async () => {
      for (const crowded of [false, true]) {
        const { el } = await scene(crowded ? { idle: true, draft: `card ${CARD}` } : {});
        const base = parseFloat(getComputedStyle(must(el, '.bubble')).fontSize);
        el.style.fontSize = '200%';
        expect(parseFloat(getComputedStyle(must(el, '.bubble')).fontSize)).to.equal(base * 2);
        expect(parseFloat(getComputedStyle(must(el, '.meta')).fontSize)).to.be.closeTo(
          base * 2 * 0.8125,
          0.1,
        );
        expect(parseFloat(getComputedStyle(must(el, '.hint')).fontSize)).to.be.closeTo(
          base * 2 * 0.8125,
          0.1,
        );
        expect(parseFloat(getComputedStyle(must(el, '#launcher')).fontSize)).to.equal(base * 2);
        expect(clipped(el), clipped(el).join('\n')).to.deep.equal([]);
        expect(overlaps(el), overlaps(el).join('\n')).to.deep.equal([]);
        const panel = must(el, '#panel');
        if (!crowded) {
          expect(panel.scrollHeight, 'a conversation fits in the panel').to.be.at.most(
            panel.clientHeight + 1,
          );
        } else {
          // With the inactivity and sensitive-data warnings both showing, the panel scrolls as a
          // whole: every part stays reachable, none is cut off.
          expect(getComputedStyle(panel).overflowY).to.equal('auto');
          const send = must(el, '.send');
          send.scrollIntoView({ block: 'nearest' });
          expect(within(send.getBoundingClientRect(), panel.getBoundingClientRect()), 'send reachable').to.be
            .true;
        }
      }
    });

    it('clips and overlaps nothing with the WCAG text-spacing overrides injected into the shadow root', async () => {
      for (const options of [
        { idle: true, draft: `card ${CARD}` },
        { phase: 'queued' },
        { phase: 'ended' },
        { phase: 'confirm' },
      ] as SceneOptions[]) {
        const { el } = await scene(options);
        const spacing = new CSSStyleSheet();
        spacing.replaceSync(`
          * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
          p, dd { margin-block-end: 2em !important; }
        `);
        const root = el.shadowRoot!;
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, spacing];
        expect(getComputedStyle(must(el, '.bubble')).letterSpacing).to.not.equal('normal');
        expect(clipped(el), clipped(el).join('\n')).to.deep.equal([]);
        expect(overlaps(el), overlaps(el).join('\n')).to.deep.equal([]);
        // The highlight layer keeps following the typed text.
        const input = must(el, '#input');
        const backdrop = must(el, '.backdrop');
        expect(getComputedStyle(backdrop).letterSpacing).to.equal(getComputedStyle(input).letterSpacing);
      }
    });
  });

  describe('highlight under the message box', () => {
    /** Types `text` as the draft, as one input event. */
    async function draft(el: AmexChatElement, text: string): Promise<HTMLTextAreaElement> {
      const input = must(el, '#input') as HTMLTextAreaElement;
      input.focus();
      input.value = text;
      input.setSelectionRange(text.length, text.length);
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      return input;
    }

    /** Where `text[start, end)` is laid out in a full copy of the draft in the message box's cell. */
    function reference(el: AmexChatElement, text: string, start: number, end: number): DOMRect[] {
      const copy = must(el, '.backdrop').cloneNode(false) as HTMLElement;
      copy.classList.add('reference');
      copy.textContent = `${text}\n`;
      must(el, '.field').append(copy);
      const range = document.createRange();
      range.setStart(copy.firstChild!, start);
      range.setEnd(copy.firstChild!, end);
      const rects = [...range.getClientRects()];
      copy.remove();
      return rects;
    }

    it('lays each highlight exactly where a full copy of the draft puts it, whatever follows it', async () => {
      const { el } = await scene({});
      // The card number ends in a run without spaces ("…1111,xyz…"): that run decides where the
      // line wraps, so the highlight layer must keep it. Shifting the start by a few characters
      // at a time puts the number at every position along a line.
      const filler = 'I would like to dispute the second charge and get a refund please. ';
      const texts = [`${filler.repeat(2)}number ${CARD}`, `${CARD}${'-'.repeat(30)} tail ${filler}`];
      for (let k = 0; k < 30; k += 1) texts.push(`${'ab '.repeat(k)}${CARD},xyzxyzxyz, and ${filler}`);
      for (const text of texts) {
        await draft(el, text);
        const mark = must(el, '.backdrop mark');
        expect(mark.textContent).to.equal(CARD);
        const start = text.indexOf(CARD);
        const want = reference(el, text, start, start + CARD.length);
        // Where it starts and where it ends (a range gives the space at a line's end a box of
        // its own; the mark's boxes are one per line).
        const ends = (rects: DOMRect[]): number[] => {
          const first = rects[0]!;
          const last = rects[rects.length - 1]!;
          return [first.left, first.top, last.right, last.top];
        };
        const got = ends([...mark.getClientRects()]);
        ends(want).forEach((value, i) => expect(got[i], text).to.be.closeTo(value, 0.5));
      }
    });

    it('leaves the highlight layer untouched while the customer types after the last highlight', async () => {
      const { el } = await scene({});
      const input = await draft(el, `My card ${CARD} was charged twice.`);
      const backdrop = must(el, '.backdrop');
      const changes: MutationRecord[] = [];
      const watch = new MutationObserver((records) => changes.push(...records));
      watch.observe(backdrop, { subtree: true, childList: true, characterData: true });
      input.setSelectionRange(input.value.length, input.value.length);
      await sendKeys({ type: ' I want a refund' });
      await el.updateComplete;
      expect(input.value).to.match(/twice\. I want a refund$/);
      expect(changes.length, 'typing after the highlight').to.equal(0);
      // A change that moves the highlight redraws it.
      input.setSelectionRange(0, 0);
      await sendKeys({ type: 'Hi. ' });
      await el.updateComplete;
      watch.disconnect();
      expect(changes.length, 'typing before the highlight').to.be.greaterThan(0);
      expect(must(el, '.backdrop mark').textContent).to.equal(CARD);
      expect(backdrop.textContent.startsWith(`Hi. My card ${CARD}`)).to.be.true;
    });

    it('scrolls the highlight layer with a long draft, past the end of the text it holds', async () => {
      const { el } = await scene({});
      const text = `Card ${CARD}.\n${'Another line of the draft.\n'.repeat(40)}`;
      const input = await draft(el, text);
      expect(input.scrollHeight, 'the draft scrolls').to.be.greaterThan(input.clientHeight * 2);
      const backdrop = must(el, '.backdrop');
      expect(backdrop.textContent.length, 'the layer holds only the start').to.be.lessThan(text.length / 4);
      input.scrollTop = input.scrollHeight;
      input.dispatchEvent(new Event('scroll'));
      expect(input.scrollTop).to.be.greaterThan(0);
      expect(backdrop.scrollTop).to.equal(input.scrollTop);
      // The highlighted line scrolled out of view with the text above it.
      const mark = must(el, '.backdrop mark').getBoundingClientRect();
      expect(mark.bottom).to.be.at.most(input.getBoundingClientRect().top + 1);
    });

    it('holds the whole draft in forced colors, where it draws the text, and redraws when the mode changes', async () => {
      const { el } = await scene({});
      const text = `My card ${CARD} was charged twice.`;
      const input = await draft(el, text);
      const backdrop = must(el, '.backdrop');
      expect(backdrop.textContent).to.equal(`My card ${CARD}\n`);
      await emulateMediaFeatures({ forcedColors: 'active' });
      // A page in the background gets media changes when it is shown again (the test runner runs
      // two pages at once, one of them hidden); a keystroke redraws in any case.
      if (document.visibilityState === 'visible') {
        await waitFor(() => backdrop.textContent === `${text}\n`, 'the whole draft in the layer');
      }
      await sendKeys({ type: '!' });
      await el.updateComplete;
      expect(input.value).to.equal(`${text}!`);
      expect(backdrop.textContent).to.equal(`${text}!\n`);
      expect(getComputedStyle(input).color).to.equal('rgba(0, 0, 0, 0)');
      await resetMediaFeatures();
      if (document.visibilityState === 'visible') {
        await waitFor(() => backdrop.textContent === `My card ${CARD}\n`, 'the layer trimmed again');
      }
    });

    it('catches up with a forced-colors change made while it was out of the page, and listens again', async () => {
      const { el } = await scene({});
      const text = `My card ${CARD} was charged twice.`;
      await draft(el, text);
      const backdrop = must(el, '.backdrop');
      expect(backdrop.textContent).to.equal(`My card ${CARD}\n`);
      const parent = el.parentElement!;
      el.remove();
      await emulateMediaFeatures({ forcedColors: 'active' });
      parent.append(el);
      // No keystroke: being inserted again redraws for the mode now in force.
      await waitFor(() => backdrop.textContent === `${text}\n`, 'the whole draft after re-insertion');
      await resetMediaFeatures();
      if (document.visibilityState === 'visible') {
        await waitFor(() => backdrop.textContent === `My card ${CARD}\n`, 'trimmed again: it listens');
      }
    });
  });

  describe('forced colors and motion', () => {
    it('keeps borders, outlines, icons, senders and the highlight visible in forced colors, and passes axe', async () => {
      await emulateMediaFeatures({ forcedColors: 'active' });
      expect(matchMedia('(forced-colors: active)').matches).to.be.true;
      const { el } = await scene({ idle: true, draft: `card ${CARD}` });
      const probe = document.createElement('div');
      probe.style.cssText = 'forced-color-adjust: none; background-color: Highlight; color: HighlightText;';
      document.body.append(probe);
      const highlight = getComputedStyle(probe).backgroundColor;
      const highlightText = getComputedStyle(probe).color;
      probe.remove();

      for (const button of $$(el, 'button').filter(visible)) {
        const style = getComputedStyle(button);
        expect(style.borderTopStyle, describeNode(button)).to.equal('solid');
        expect(parseFloat(style.borderTopWidth), describeNode(button)).to.be.at.least(1);
        expect(style.borderTopColor, `${describeNode(button)} border`).to.not.equal(backgroundOf(button));
      }
      await sendKeys({ press: 'Shift' });
      for (const node of focusables(el)) {
        await keyboardFocus(node);
        assertFocusIndicator(node, 1);
        expect(getComputedStyle(node).outlineColor, describeNode(node)).to.not.equal(backgroundOf(node));
      }
      // The close button's cross (a shape on ::before) keeps the button's text colour.
      const close = must(el, '.close');
      const cross = getComputedStyle(close, '::before');
      expect(cross.forcedColorAdjust).to.equal('none');
      expect(cross.backgroundColor).to.equal(getComputedStyle(close).color);
      expect(cross.backgroundColor).to.not.equal(backgroundOf(close));
      const incoming = getComputedStyle(must(el, '.message.assistant .bubble'));
      const own = getComputedStyle(must(el, '.message.customer .bubble'));
      expect(incoming.borderTopColor).to.not.equal(backgroundOf(must(el, '.bubble')));
      expect(parseFloat(incoming.borderInlineStartWidth)).to.be.greaterThan(
        parseFloat(own.borderInlineStartWidth),
      );
      expect(parseFloat(own.borderInlineEndWidth)).to.be.greaterThan(
        parseFloat(incoming.borderInlineEndWidth),
      );

      const mark = getComputedStyle(must(el, '.backdrop mark'));
      expect(mark.backgroundColor).to.equal(highlight);
      expect(mark.color).to.equal(highlightText);
      // The typed text is drawn by the highlight layer meanwhile, in system colours.
      expect(getComputedStyle(must(el, '#input')).color).to.equal('rgba(0, 0, 0, 0)');
      expect(getComputedStyle(must(el, '.backdrop')).color).to.not.equal('rgba(0, 0, 0, 0)');
      await axeCheck(el);
    });

    it('keeps the launcher bordered and its focus outline visible in forced colors before the panel exists', async () => {
      await emulateMediaFeatures({ forcedColors: 'active' });
      const el = await fixture<AmexChatElement>(html`<amex-chat></amex-chat>`);
      // Only the launcher's rules are adopted yet (the panel's come with its first render).
      expect(el.shadowRoot!.adoptedStyleSheets).to.have.length(3);
      const launcher = must(el, '#launcher');
      const style = getComputedStyle(launcher);
      expect(style.borderTopStyle).to.equal('solid');
      expect(style.borderTopColor).to.not.equal(backgroundOf(launcher));
      await sendKeys({ press: 'Shift' });
      await keyboardFocus(launcher);
      assertFocusIndicator(launcher, 1);
      expect(getComputedStyle(launcher).outlineColor).to.not.equal(backgroundOf(launcher));
      // Its icon (a mask on ::before) keeps the button's text colour, which forced colours set.
      const icon = getComputedStyle(launcher, '::before');
      expect(icon.forcedColorAdjust).to.equal('none');
      expect(icon.backgroundColor).to.equal(getComputedStyle(launcher).color);
      expect(icon.backgroundColor).to.not.equal(backgroundOf(launcher));
      await axeCheck(el);
    });

    it("draws the launcher's icon and the close button's cross in their text colour, at 1.25 em, in both themes", async () => {
      for (const theme of ['light', 'dark']) {
        const el = await fixture<AmexChatElement>(html`<amex-chat theme=${theme}></amex-chat>`);
        /** A button's ::before icon: a shape (not an image) in its text colour, 1.25 em square. */
        const shape = (button: HTMLElement): CSSStyleDeclaration => {
          const icon = getComputedStyle(button, '::before');
          expect(icon.content, theme).to.equal('""');
          // A shape, not an image (a page's img-src policy could block a data: URL).
          expect(icon.clipPath, theme).to.match(/^polygon\(/);
          expect(icon.maskImage, theme).to.equal('none');
          expect(icon.backgroundImage, theme).to.equal('none');
          expect(icon.backgroundColor, theme).to.equal(getComputedStyle(button).color);
          expect(icon.backgroundColor, theme).to.not.equal(backgroundOf(button));
          const em = parseFloat(getComputedStyle(button).fontSize);
          expect(parseFloat(icon.width), theme).to.be.closeTo(1.25 * em, 0.5);
          expect(parseFloat(icon.height), theme).to.be.closeTo(1.25 * em, 0.5);
          return icon;
        };
        const launcher = must(el, '#launcher');
        const icon = shape(launcher);
        // Decoration only: nothing for a screen reader to read.
        expect(launcher.textContent.trim(), theme).to.equal('Chat with us');
        // The close button's cross: the same kind of shape, another polygon, named by its label.
        await el.show();
        const close = must(el, '.close');
        expect(shape(close).clipPath, theme).to.not.equal(icon.clipPath);
        expect(close.textContent.trim(), theme).to.equal('');
        expect(close.getAttribute('aria-label'), theme).to.equal('Close chat');
        expect(el.shadowRoot!.querySelector('svg'), 'no SVG in the widget').to.equal(null);
        el.remove();
      }
    });

    it('runs no animation or transition and scrolls instantly with prefers-reduced-motion', async () => {
      await emulateMediaFeatures({ reducedMotion: 'reduce' });
      const { el } = await scene({ idle: true });
      await el.hide();
      await el.show();
      expect(el.shadowRoot!.getAnimations()).to.deep.equal([]);
      for (const node of $$(el, '*')) {
        const style = getComputedStyle(node);
        expect(style.animationName, describeNode(node)).to.equal('none');
        expect(
          style.transitionDuration.split(',').every((d) => parseFloat(d) === 0),
          describeNode(node),
        ).to.be.true;
        expect(style.scrollBehavior, describeNode(node)).to.equal('auto');
      }
    });
  });

  describe('right to left', () => {
    it('puts the launcher and panel at the inline end (bottom-left) and customer bubbles at the inline end', async () => {
      document.documentElement.dir = 'rtl';
      const { el } = await scene({});
      const offset = parseFloat(getComputedStyle(must(el, '#panel')).insetInlineEnd);
      const panel = must(el, '#panel').getBoundingClientRect();
      expect(panel.left).to.be.closeTo(offset, 0.5);
      expect(window.innerWidth - panel.right, 'room at the inline start (right)').to.be.greaterThan(100);
      const list = must(el, '.transcript .messages').getBoundingClientRect();
      const own = must(el, '.message.customer').getBoundingClientRect();
      const incoming = must(el, '.message.assistant').getBoundingClientRect();
      expect(own.left).to.be.closeTo(list.left, 0.5);
      expect(incoming.right).to.be.closeTo(list.right, 0.5);
      const heading = must(el, '.header h2').getBoundingClientRect();
      const padding = parseFloat(getComputedStyle(must(el, '.header')).paddingInlineStart);
      expect(padding, 'the header has inline padding').to.be.greaterThan(8);
      expect(panel.right - heading.right, 'heading padded at its inline start').to.be.closeTo(
        padding + 1,
        1.5,
      );
      await el.hide();
      const launcher = must(el, '#launcher').getBoundingClientRect();
      expect(launcher.left).to.be.closeTo(offset, 0.5);
      expect(window.innerHeight - launcher.bottom).to.be.closeTo(offset, 0.5);
    });
  });
});
