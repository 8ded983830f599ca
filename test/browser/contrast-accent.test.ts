// Contrast with a host-set accent (issue 24, item 3): the computed contrast of every text node
// of every state of the gallery (demo/states.html, plus the end question and the rating error),
// in the light, dark and auto themes (auto in both emulated colour schemes), with the default
// accent and with host accents set through `--amex-chat-accent`, as the README's Styling example
// and the demo pages do. Text on the accent uses a colour chosen for contrast
// (`--amex-chat-accent-text`, computed by default); the accent drawn as text or borders on the
// panel is a version of it derived for the theme's background. Then a sweep of 216 accents over
// the derived colours themselves.
import { expect } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import '../../src/define.js';
import { axeInFrame, emulateMediaFeatures, resetMediaFeatures, waitFor } from '../support/helpers.js';
import { GREETING, NOTICES, inLine, scriptedChat } from '../support/scripted-chat.js';
import { STATE_IDS } from '../../demo/fixtures/states.js';
import type { StateId } from '../../demo/fixtures/states.js';

/** Accents a host sets; `null` keeps the widget's own. */
const ACCENTS = [
  null,
  '#00175a', // the README's Styling example and the demo's dark brand colour
  '#006fcf', // the demo pages' accent (and the light theme's own)
  '#7ab8ff', // a light accent (the dark theme's own)
  '#ffb81c', // a bright yellow: dark text on it, and far too light as text on white
  '#c40000', // a saturated red
] as const;

type Theme = { theme: 'light' | 'dark' | 'auto'; scheme?: 'light' | 'dark' };
const THEMES: Theme[] = [
  { theme: 'light' },
  { theme: 'dark' },
  { theme: 'auto', scheme: 'dark' },
  { theme: 'auto', scheme: 'light' },
];

/** Every state of the gallery (demo/states.html), in page order. */
const STATES = STATE_IDS;
type State = StateId;

// ---- colours as the screen shows them -----------------------------------------------------

const canvas = document.createElement('canvas');
canvas.width = canvas.height = 1;
const context = canvas.getContext('2d', { willReadFrequently: true })!;

/** Any computed colour (`rgb()`, `color(srgb-linear …)`, system colours) as 8-bit sRGB + alpha 0–1. */
function rgba(color: string): [number, number, number, number] {
  context.clearRect(0, 0, 1, 1);
  context.fillStyle = '#000';
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a! / 255];
}

/** `top` over the opaque `bottom`. */
function over(top: [number, number, number, number], bottom: number[]): number[] {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a));
}

function luminance([r, g, b]: number[]): number {
  const [lr, lg, lb] = [r!, g!, b!].map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
}

function ratio(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The parent element, or a shadow root's host (by node type: the gallery's nodes are of its window). */
function parentOf(node: Element): Element | null {
  const parent = node.parentNode;
  if (parent?.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return (parent as ShadowRoot).host ?? null;
  return parent?.nodeType === Node.ELEMENT_NODE ? (parent as Element) : null;
}

/** What is painted behind `node`: its own and its ancestors' backgrounds, composited (page: white). */
function behind(node: Element | null): number[] {
  const layers: [number, number, number, number][] = [];
  for (let at = node; at; at = parentOf(at)) {
    const view = at.ownerDocument.defaultView!;
    const color = rgba(view.getComputedStyle(at).backgroundColor);
    if (color[3] > 0) layers.push(color);
    if (color[3] === 1) break;
  }
  return layers.reduceRight<number[]>((under, layer) => over(layer, under), [255, 255, 255]);
}

/** The text colour of `node` over `background` (a translucent colour composited). */
function ink(node: Element, background: number[], color?: string): number[] {
  const view = node.ownerDocument.defaultView!;
  return over(rgba(color ?? view.getComputedStyle(node).color), background);
}

function describe_(node: Element): string {
  const id = node.id ? `#${node.id}` : '';
  const part = node.getAttribute('part') ? `[part=${node.getAttribute('part')}]` : '';
  const cls = node.classList.length ? `.${[...node.classList].join('.')}` : '';
  return `<${node.localName}${id}${part}${cls}>`;
}

// ---- the gallery --------------------------------------------------------------------------

let frame: HTMLIFrameElement;
let accentSheet: HTMLStyleElement;

function section(state: State): HTMLElement {
  return frame.contentDocument!.querySelector<HTMLElement>(`#state-${state}`)!;
}

function chat(state: State): AmexChatElement {
  return section(state).querySelector<AmexChatElement>('amex-chat')!;
}

function $(state: State, selector: string): HTMLElement | null {
  return chat(state).shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

/** Each state's sign that it is showing. */
const READY: Record<State, string> = {
  unread: '[part="badge"]',
  connecting: '.notice',
  assistant: '[part="quick-reply"]',
  queued: '#leave-queue',
  'agent-joined': '#end-yes',
  'agent-typing': '[part="typing"]',
  transferred: '#queue-status',
  reconnecting: '.notice',
  failed: '[part="retry-button"]',
  sensitive: '.backdrop mark',
  'too-long': '#too-long',
  'idle-warning': '#idle-continue',
  'notify-offer': '#notify-on',
  accommodations: '#needs-form',
  'accommodations-warning': '#needs-warning',
  'accommodations-refused': '#needs-refused',
  'verify-choose': '#verify-push',
  'verify-push': '#verify-use-code',
  'verify-code': '#verify-input',
  'verify-error': '#verify-error',
  verified: '#verify-close',
  'verify-expired': '#verify-close',
  'verify-denied': '#verify-close',
  'verify-too-many': '#verify-close',
  'upload-request': '#upload-choose',
  'upload-progress': 'progress',
  'upload-error': '#upload-error p',
  'upload-done': '#upload-close',
  ended: '#rating-error',
  urgent: '[part="urgent-phone"]',
};

async function loadGallery(): Promise<void> {
  frame = document.createElement('iframe');
  frame.style.width = '1280px';
  frame.style.height = '900px';
  document.body.append(frame);
  await new Promise((resolve) => {
    frame.addEventListener('load', resolve, { once: true });
    frame.src = '/demo/states.html';
  });
  const doc = (): Document => frame.contentDocument!;
  await waitFor(() => doc().querySelectorAll('amex-chat').length === STATES.length, 'every example');
  // The timed examples start over only when this test says so.
  const keep = await waitFor(() => doc().querySelector<HTMLInputElement>('#keep-timed'), 'the option');
  keep.click();
  expect(keep.checked).to.equal(false);
  accentSheet = doc().createElement('style');
  doc().head.append(accentSheet);
  // Two more states: the end question (in the agent-joined example) and the rating error.
  await waitFor(() => $('agent-joined', '#end'), 'End chat');
  $('agent-joined', '#end')!.click();
  await waitFor(() => $('ended', '.rating button[type="submit"]'), 'the rating form');
  $('ended', '.rating button[type="submit"]')!.click();
}

/** Starts the timed examples again (they change by themselves) and waits for every state. */
async function ready(): Promise<void> {
  for (const state of ['connecting', 'idle-warning'] as const) {
    section(state).querySelector<HTMLButtonElement>('.state__restart')!.click();
  }
  for (const state of STATES)
    await waitFor(() => $(state, READY[state]), `${state}: ${READY[state]}`, 10_000);
}

/**
 * Every text a person sees in every example, against what is behind it: text nodes (not the
 * visually hidden ones), the drafts in the message boxes (also over the highlight) and the
 * placeholders. Returns "what: ratio" lines under 4.5:1, and non-text under 3:1.
 */
function problems(): string[] {
  const found: string[] = [];
  let texts = 0;
  for (const state of STATES) {
    const el = chat(state);
    const root = el.shadowRoot!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement!;
      if (!node.textContent!.trim() || parent.closest('.sr-only, .backdrop')) continue;
      if (!parent.checkVisibility({ visibilityProperty: true })) continue;
      texts += 1;
      const bg = behind(parent);
      const fg = ink(parent, bg);
      const r = ratio(fg, bg);
      if (r < 4.5)
        found.push(
          `${state} ${describe_(parent)} "${node.textContent!.trim().slice(0, 24)}": ${r.toFixed(2)} (${fg.map(Math.round).join()} on ${bg.map(Math.round).join()})`,
        );
    }
    for (const input of root.querySelectorAll('textarea')) {
      const bg = behind(input);
      const view = el.ownerDocument.defaultView!;
      if (input.value) {
        const r = ratio(ink(input, bg), bg);
        if (r < 4.5) found.push(`${state} typed text: ${r.toFixed(2)}`);
        for (const mark of root.querySelectorAll('.backdrop mark')) {
          const on = behind(mark);
          const m = ratio(ink(input, on), on);
          if (m < 4.5) found.push(`${state} typed text on the highlight: ${m.toFixed(2)}`);
        }
      } else {
        const placeholder = view.getComputedStyle(input, '::placeholder').color;
        const r = ratio(ink(input, bg, placeholder), bg);
        if (r < 4.5) found.push(`${state} placeholder: ${r.toFixed(2)}`);
      }
    }
    // Non-text: every button (and the call link) on the panel is marked out by its border or
    // its fill at >= 3:1 against what is around it. Not the header's (they sit on the accent,
    // their text is checked above), nor the launcher, which floats over whatever the host page
    // is: its words, on the accent, say what it is.
    for (const button of root.querySelectorAll<HTMLElement>('button, .urgent a')) {
      if (!button.checkVisibility({ visibilityProperty: true }) || button.closest('.header, .launcher'))
        continue;
      const style = el.ownerDocument.defaultView!.getComputedStyle(button);
      const around = behind(parentOf(button));
      const border =
        parseFloat(style.borderTopWidth) >= 1 ? over(rgba(style.borderTopColor), around) : around;
      const edge = Math.max(ratio(border, around), ratio(behind(button), around));
      if (edge < 3) found.push(`${state} ${describe_(button)} edge: ${edge.toFixed(2)}`);
    }
  }
  expect(texts, 'text nodes checked').to.be.greaterThan(300);
  return found;
}

function apply(theme: Theme, accent: string | null): void {
  accentSheet.textContent = `amex-chat { --amex-chat-accent: ${accent ?? 'initial'}; }`;
  for (const el of frame.contentDocument!.querySelectorAll('amex-chat'))
    el.setAttribute('theme', theme.theme);
}

describe('<amex-chat> contrast with a host accent', () => {
  before(async () => {
    await loadGallery();
  });

  after(async () => {
    frame.remove();
    await resetMediaFeatures();
  });

  it('has no axe violations in every state of the gallery with a bright host accent, dark theme', async function () {
    this.timeout(60_000);
    await ready();
    apply({ theme: 'dark' }, '#ffb81c');
    await Promise.all(
      [...frame.contentDocument!.querySelectorAll('amex-chat')].map((el) => el.updateComplete),
    );
    expect(await axeInFrame(frame)).to.deep.equal([]);
  });

  for (const theme of THEMES) {
    for (const accent of ACCENTS) {
      const name = `${theme.theme}${theme.scheme ? ` (${theme.scheme} scheme)` : ''} theme, ${accent ?? 'default'} accent`;
      it(`renders every text of every state at >= 4.5:1 and accent edges at >= 3:1: ${name}`, async () => {
        await emulateMediaFeatures({ colorScheme: theme.scheme ?? '' });
        await ready();
        apply(theme, accent);
        const view = frame.contentWindow!;
        const dark = theme.theme === 'dark' || (theme.theme === 'auto' && theme.scheme === 'dark');
        expect(view.matchMedia('(prefers-color-scheme: dark)').matches).to.equal(theme.scheme === 'dark');
        // The theme is in force: the panel's background is the theme's.
        const surface = luminance(behind($('assistant', '#panel')));
        expect(surface < 0.2, 'dark surface').to.equal(dark);
        const list = problems();
        expect(list, list.join('\n')).to.deep.equal([]);
      });
    }
  }
});

describe('<amex-chat> colours derived from any accent', () => {
  afterEach(async () => {
    await resetMediaFeatures();
  });

  it('keeps text on the accent at >= 4.5:1, and the accent as text at >= 4.5:1 and as a border at >= 3:1 on the panel, for 216 accents in both themes', async () => {
    // In line for an agent (the queue strip), with the assistant's quick replies on the panel.
    const { el, server } = await scriptedChat({ greeting: { ...GREETING, text: 'Hi' }, idleTimeout: 0 });
    server.event(NOTICES.queued);
    inLine(server, 3, 240);
    server.event({
      from: 'assistant',
      name: 'Virtual assistant',
      text: 'Meanwhile, can I help?',
      quickReplies: [{ label: 'Dispute a charge', value: 'Dispute a charge' }],
    });
    await waitFor(
      () =>
        el.shadowRoot!.querySelector('#leave-queue') && el.shadowRoot!.querySelector('[part="quick-reply"]'),
      'the queue strip and a quick reply',
    );
    const part = (selector: string): Element => el.shadowRoot!.querySelector(selector)!;
    const levels = [0x00, 0x33, 0x66, 0x99, 0xcc, 0xff];
    const failures: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      el.theme = theme;
      await el.updateComplete;
      for (const r of levels) {
        for (const g of levels) {
          for (const b of levels) {
            const accent = `rgb(${r}, ${g}, ${b})`;
            el.style.setProperty('--amex-chat-accent', accent);
            const header = getComputedStyle(part('.header'));
            const fill = rgba(header.backgroundColor);
            const onAccent = ratio(over(rgba(header.color), fill), fill);
            if (onAccent < 4.5) failures.push(`${theme} ${accent}: text on it ${onAccent.toFixed(2)}`);
            const send = getComputedStyle(part('.send'));
            const sendFill = rgba(send.backgroundColor);
            if (ratio(over(rgba(send.color), sendFill), sendFill) < 4.5)
              failures.push(`${theme} ${accent}: send`);
            const reply = part('[part="quick-reply"]');
            const surface = behind(reply);
            const style = getComputedStyle(reply);
            const asText = ratio(over(rgba(style.color), surface), surface);
            if (asText < 4.5) failures.push(`${theme} ${accent}: as text ${asText.toFixed(2)}`);
            const asBorder = ratio(
              over(rgba(style.borderTopColor), behind(parentOf(reply))),
              behind(parentOf(reply)),
            );
            if (asBorder < 3) failures.push(`${theme} ${accent}: as a border ${asBorder.toFixed(2)}`);
            const leave = getComputedStyle(part('#leave-queue'));
            const strip = behind(part('.queue'));
            const onStrip = ratio(over(rgba(leave.borderTopColor), strip), strip);
            if (onStrip < 3)
              failures.push(`${theme} ${accent}: border on the queue strip ${onStrip.toFixed(2)}`);
            const sendEdge = Math.max(
              ratio(
                over(rgba(send.borderTopColor), behind(parentOf(part('.send')))),
                behind(parentOf(part('.send'))),
              ),
              ratio(sendFill, behind(parentOf(part('.send')))),
            );
            if (sendEdge < 3) failures.push(`${theme} ${accent}: send button edge ${sendEdge.toFixed(2)}`);
          }
        }
      }
    }
    expect(failures.length, failures.slice(0, 20).join('\n')).to.equal(0);
  });
});
