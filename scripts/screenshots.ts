/**
 * `npm run screenshots`: every state of the states gallery (demo/states.html) in the light and
 * dark themes, at 1280 × 800 and 375 × 740, as four contact sheets in docs/screenshots/
 * (docs/screenshots.md shows them):
 *
 *   states-light-1280x800.webp  states-dark-1280x800.webp
 *   states-light-375x740.webp   states-dark-375x740.webp
 *
 * Builds nothing: Vite's dev server (vite.config.ts, on a free loopback port) serves the gallery
 * from the sources, and the browser `npm test` uses (scripts/prerequisites.mjs; CHROME_PATH to
 * choose one) loads `states.html?state=<id>&theme=<theme>&position=bottom-end`: one example,
 * floating over the page as on a host page. Each state is captured once it shows what it is
 * about (READY below) and its transcript has stopped moving; at 1280 × 800 the panel's corner of
 * the viewport, at 375 × 740 the whole screen (the panel fills it). One more frame shows the end
 * question (End chat pressed in "Agent joined"). The frames are laid out with their titles in a
 * page of their own, captured as one WebP image (lossy, quality QUALITY, default 72; each sheet
 * stays under ~400 KB at device scale factor 1).
 *
 *   node --import tsx scripts/screenshots.ts [--lang es] [--out <dir>]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { createServer } from 'vite';
import { STATE_IDS } from '../demo/fixtures/states.js';
import type { StateId } from '../demo/fixtures/states.js';
import { requireBrowser } from './prerequisites.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const lang = option('--lang') === 'es' ? 'es' : 'en';
const out = resolve(root, option('--out') ?? 'docs/screenshots');
const QUALITY = Number(process.env['QUALITY'] ?? 72);

type Theme = 'light' | 'dark';
const THEMES: readonly Theme[] = ['light', 'dark'];

interface Size {
  width: number;
  height: number;
  /** The part of the viewport each frame shows: the panel's corner, or all of it. */
  clip: { x: number; y: number; width: number; height: number };
  /** Frames a row on the sheet. */
  columns: number;
}

const SIZES: readonly Size[] = [
  // The panel (24em × 36em, 1.25rem from the edges) and the launcher under it, with some page.
  { width: 1280, height: 800, clip: { x: 864, y: 116, width: 416, height: 684 }, columns: 5 },
  { width: 375, height: 740, clip: { x: 0, y: 0, width: 375, height: 740 }, columns: 5 },
];

/** A frame of a sheet: a gallery state, or the end question (reached from "Agent joined"). */
type Frame = StateId | 'end-question';
const FRAMES: readonly Frame[] = [
  ...STATE_IDS.slice(0, STATE_IDS.indexOf('ended')),
  'end-question',
  'ended',
  'urgent',
];

/**
 * What shows that an example reached its state: selectors in the widget's shadow root, each with
 * the least number of matches. (The fixtures play their steps 150 ms apart: a few seconds at most.)
 */
const READY: Record<Frame, [selector: string, count: number][]> = {
  unread: [['[part="badge"]', 1]],
  connecting: [['.notice', 1]],
  assistant: [['[part="quick-reply"]', 6]],
  queued: [['#leave-queue', 1]],
  'agent-joined': [['.message.agent', 1]],
  'agent-typing': [['.typing:not(:empty)', 1]],
  // Alex, then the hand-off notice and the place in the disputes team's line.
  transferred: [
    ['.messages > .message', 8],
    ['#queue-status', 1],
  ],
  // The answer arrived, then the connection dropped.
  reconnecting: [
    ['.messages > .message', 3],
    ['.notice', 1],
  ],
  failed: [['[part="retry-button"]', 1]],
  sensitive: [['#warning', 1]],
  'too-long': [['#too-long', 1]],
  'idle-warning': [['#idle-continue', 1]],
  'notify-offer': [['#notify-on', 1]],
  accommodations: [['#needs-form', 1]],
  'accommodations-warning': [['#needs-warning', 1]],
  'accommodations-refused': [['#needs-refused', 1]],
  'verify-choose': [['#verify-push', 1]],
  'verify-push': [['#verify-use-code', 1]],
  'verify-code': [['#verify-input', 1]],
  'verify-error': [['#verify-error', 1]],
  verified: [['#verify-close', 1]],
  'verify-expired': [['#verify-close', 1]],
  'verify-denied': [['#verify-close', 1]],
  'verify-too-many': [['#verify-close', 1]],
  'upload-request': [['#upload-choose', 1]],
  'upload-progress': [['progress', 1]],
  'upload-error': [['#upload-error p', 2]],
  'upload-done': [['#upload-close', 1]],
  'end-question': [['#end-yes', 1]],
  ended: [['.rating', 1]],
  urgent: [['[part="urgent-phone"]', 1]],
};

/** Waits until `frame` shows its state, then until the transcript stops scrolling. */
async function ready(page: Page, frame: Frame): Promise<void> {
  await page.waitForFunction(
    (conditions) => {
      const shadow = document.querySelector('amex-chat')?.shadowRoot;
      return !!shadow && conditions.every(([s, n]) => shadow.querySelectorAll(s).length >= n);
    },
    READY[frame],
    { timeout: 20_000 },
  );
  await page.locator('amex-chat').evaluate(async (el: HTMLElement & { updateComplete: Promise<unknown> }) => {
    await el.updateComplete;
    const transcript = el.shadowRoot?.querySelector('#transcript');
    // The widget follows new messages on the next frame (or 100 ms later): until it holds still.
    let last = -1;
    for (let i = 0; i < 30; i += 1) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await new Promise((resolve) => setTimeout(resolve, 20));
      const top = transcript?.scrollTop ?? 0;
      if (top === last) break;
      last = top;
    }
  });
}

/** One frame: the page at `size`, the example of `frame` in `theme`, captured as a PNG. */
async function capture(
  browser: Browser,
  base: string,
  frame: Frame,
  theme: Theme,
  size: Size,
): Promise<Buffer> {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
  });
  try {
    const page = await context.newPage();
    const state: StateId = frame === 'end-question' ? 'agent-joined' : frame;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(
      `${base}/demo/states.html?lang=${lang}&state=${state}&theme=${theme}&position=bottom-end`,
    );
    if (frame === 'end-question') {
      await ready(page, 'agent-joined');
      await page
        .locator('amex-chat')
        .evaluate((el) => el.shadowRoot?.querySelector<HTMLElement>('#end')?.click());
    }
    await ready(page, frame);
    // No caret blinking in the message box, no focus ring left by the script.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    if (errors.length) throw new Error(`${frame}: ${errors.join('; ')}`);
    return await page.screenshot({ clip: size.clip, type: 'png', animations: 'disabled', caret: 'hide' });
  } finally {
    await context.close();
  }
}

const escape = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** The sheet: a title, then the frames in rows, each under its number and title. */
function sheet(title: string, frames: { label: string; png: Buffer }[], size: Size): string {
  const cells = frames
    .map(
      ({ label, png }) => `<figure><figcaption>${escape(label)}</figcaption>
        <img alt="" width="${size.clip.width}" height="${size.clip.height}" src="data:image/png;base64,${png.toString('base64')}"></figure>`,
    )
    .join('');
  return `<!doctype html><html lang="${lang}"><meta charset="utf-8"><style>
    body { margin: 0; padding: 16px; background: #e9ebef; color: #1a1a1a;
      font: 15px/1.3 system-ui, sans-serif; width: max-content; }
    h1 { margin: 0 0 12px; font-size: 20px; }
    main { display: grid; grid-template-columns: repeat(${size.columns}, ${size.clip.width}px); gap: 16px; }
    figure { margin: 0; }
    figcaption { height: 22px; margin-bottom: 4px; font-weight: 600; white-space: nowrap; overflow: hidden;
      text-overflow: ellipsis; }
    img { display: block; border: 1px solid #8d939c; }
  </style><h1>${escape(title)}</h1><main>${cells}</main></html>`;
}

/** The sheet's page captured as WebP (Chromium encodes it: CDP `Page.captureScreenshot`). */
async function render(browser: Browser, html: string): Promise<Buffer> {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const { width, height } = await page.evaluate(() => ({
      width: Math.ceil(document.body.getBoundingClientRect().width),
      height: Math.ceil(document.body.getBoundingClientRect().height),
    }));
    await page.setViewportSize({ width, height });
    const cdp = await context.newCDPSession(page);
    const { data } = await cdp.send('Page.captureScreenshot', {
      format: 'webp',
      quality: QUALITY,
      clip: { x: 0, y: 0, width, height, scale: 1 },
    });
    return Buffer.from(data, 'base64');
  } finally {
    await context.close();
  }
}

const vite = await createServer({
  root,
  logLevel: 'warn',
  server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
});
await vite.listen();
const address = vite.httpServer?.address();
const base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
const browser = await chromium.launch({
  executablePath: requireBrowser('scripts/screenshots.ts'),
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--hide-scrollbars'],
});

try {
  mkdirSync(out, { recursive: true });
  // The states' titles, as the gallery shows them (in the language asked for).
  const titles = await (async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/demo/states.html?lang=${lang}`);
    await page.waitForSelector('.state h2');
    const found = await page.$$eval('.state', (sections) =>
      sections.map((s): [string, string] => [
        (s as HTMLElement).dataset['state'] ?? '',
        s.querySelector('h2')?.textContent ?? '',
      ]),
    );
    await context.close();
    return new Map(found.map(([id, text]) => [id, text.replace(/\s+/g, ' ').trim()]));
  })();
  const endQuestion =
    lang === 'es' ? '¿Terminar el chat? (Terminar chat pulsado)' : 'End question (End chat pressed)';
  for (const size of SIZES) {
    for (const theme of THEMES) {
      const frames: { label: string; png: Buffer }[] = [];
      for (const frame of FRAMES) {
        const started = performance.now();
        const png = await capture(browser, base, frame, theme, size);
        const label = frame === 'end-question' ? `+ ${endQuestion}` : (titles.get(frame) ?? frame);
        frames.push({ label, png });
        console.log(
          `  ${theme} ${size.width}×${size.height} ${frame} (${Math.round(performance.now() - started)} ms)`,
        );
      }
      const name = `states-${theme}-${size.width}x${size.height}${lang === 'en' ? '' : `-${lang}`}.webp`;
      const title = `amex-chat: every state, ${theme} theme, ${size.width} × ${size.height} (npm run screenshots)`;
      const image = await render(browser, sheet(title, frames, size));
      writeFileSync(join(out, name), image);
      console.log(
        `${join(option('--out') ?? 'docs/screenshots', name)}: ${image.length.toLocaleString('en')} bytes`,
      );
    }
  }
} finally {
  await browser.close();
  await vite.close();
}
