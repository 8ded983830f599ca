import { expect } from '@open-wc/testing';
import { render } from 'lit';
import type { TemplateResult } from 'lit';
import { executeServerCommand } from '@web/test-runner-commands';
import type { AxeResults, RunOptions } from 'axe-core';
import { debugUrl } from './debug-hooks.js';

// Every test starts without a conversation saved by an earlier test in the same page.
beforeEach(() => {
  sessionStorage.clear();
});

/** What every axe run here checks: WCAG 2.0–2.2 at levels A and AA, and best practice. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Runs axe over `root` with the WCAG 2.0–2.2 A/AA and best-practice rules (target-size
 * included, which chai-a11y-axe leaves off) and fails on any violation, and on `incomplete`
 * results of `aria-valid-attr-value` (how a broken cross-root ID reference shows up).
 */
export async function axeCheck(root: Element | Document = document): Promise<void> {
  const axe = await loadAxe();
  const results = await axe.run(root, {
    runOnly: { type: 'tag', values: AXE_TAGS },
    resultTypes: ['violations', 'incomplete'],
  });
  const problems = [
    ...results.violations,
    ...results.incomplete.filter((r) => r.id === 'aria-valid-attr-value'),
  ].map((r) => `${r.id}: ${r.help}\n  ${r.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(problems, problems.join('\n')).to.deep.equal([]);
}

interface AxeGlobal {
  run(context: Element | Document, options: RunOptions): Promise<AxeResults>;
}

/** axe-core is a UMD script: importing it registers `window.axe`. */
async function loadAxe(): Promise<AxeGlobal> {
  const w = window as unknown as { axe?: AxeGlobal };
  if (!w.axe) await import('axe-core/axe.min.js');
  if (!w.axe) throw new Error('axe-core did not load');
  return w.axe;
}

/** The focused element, looking through open shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Polls `check` every 10 ms until it returns (or resolves to) a truthy value. (Timers, not animation frames:
 * test files run in parallel tabs, and a background tab gets no frames.) The timeout counts the
 * time the page ran: a gap between two polls counts as at most 100 ms, because Chromium now and
 * then suspends a test page's timers (once seen for 19 s): the awaited task then runs only after
 * the gap, and a wall-clock deadline would have failed before looking again.
 */
export async function waitFor<T>(
  check: () => T,
  message = 'condition',
  timeout = 8000,
): Promise<NonNullable<Awaited<T>>> {
  let waited = 0;
  for (;;) {
    // An async check is awaited: its promise itself would pass at once, whatever it held.
    const result = check();
    const value = (result instanceof Promise ? await result : result) as Awaited<T>;
    if (value) return value;
    if (waited > timeout) throw new Error(`timed out waiting for ${message}`);
    const before = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 10));
    waited += Math.min(performance.now() - before, 100);
  }
}

interface ServerOptions {
  replyDelay?: number;
  /** Test hooks: /debug/frames, /debug/say, /debug/conversations. */
  debug?: boolean;
  /** `BURST,PER_SECOND`. */
  rateLimit?: string;
  /** A fixed port (to restart a server where the client expects it); default a free one. */
  port?: number;
  /** Comma-separated tokens the server accepts, and ones it answers as expired. */
  tokens?: string;
  expiredTokens?: string;
  /** Whether the simulated agent takes waiting conversations (default on). */
  simulatedAgent?: boolean;
  /** How long a conversation waits before the simulated agent takes it (ms). */
  agentDelay?: number;
  maxQueue?: number;
  handleSeconds?: number;
  /** How often queue frames are re-sent while waiting (ms). */
  queueUpdate?: number;
  /** CHAT_AGENT_SECRET for the server: consoles must send it (16–256 characters). */
  agentSecret?: string;
  /** An external bot's URL (`external-bot-start`, test/support/bot-plugin.mjs) and its timeout (ms). */
  botUrl?: string;
  botTimeout?: number;
  /** The demo's simulated phone (`/demo/device`), and how long an identity check lives (ms). */
  demoDevice?: boolean;
  verifyTtl?: number;
}

/** Starts the real reference server (a child process on a loopback port, free by default). */
export async function startReferenceServer(options: ServerOptions = {}): Promise<string> {
  const result = await executeServerCommand<{ url: string }, ServerOptions>(
    'reference-server-start',
    options,
  );
  if (!result?.url) throw new Error('reference server did not start');
  return result.url;
}

/** Stops every reference server this page started. */
export async function stopReferenceServers(): Promise<void> {
  await executeServerCommand('reference-server-stop');
}

/** Stops the reference server at `endpoint` (one this page started), leaving the others running. */
export async function stopReferenceServer(endpoint: string): Promise<void> {
  await executeServerCommand('reference-server-stop', { url: endpoint });
}

/** A loopback WebSocket URL on which nothing listens. */
export const DEAD_ENDPOINT = 'ws://127.0.0.1:9/chat';

/** Starts recording the WebSocket frames this page sends (Chrome DevTools Protocol). */
export async function recordWireFrames(): Promise<void> {
  await executeServerCommand('wire-record-start');
}

/** Every WebSocket frame payload this page sent to `endpoint` since `recordWireFrames()`. */
export async function wireFramesSent(endpoint: string): Promise<string[]> {
  const frames = await executeServerCommand<{ url: string; payload: string }[] | null, undefined>(
    'wire-frames-sent',
  );
  if (!frames) throw new Error('wire recording was not started');
  return frames.filter((f) => f.url === endpoint).map((f) => f.payload);
}

/** Every request body this page POSTed to a URL starting with `prefix` (the SSE transport's frames). */
export async function bodiesPosted(prefix: string): Promise<string[]> {
  const frames = await executeServerCommand<{ url: string; payload: string }[] | null, undefined>(
    'wire-frames-sent',
  );
  if (!frames) throw new Error('wire recording was not started');
  return frames.filter((f) => f.url.startsWith(prefix)).map((f) => f.payload);
}

/** Every raw frame the reference server (started with `debug`) received. */
export async function framesReceivedByServer(endpoint: string): Promise<string[]> {
  const response = await fetch(debugUrl(endpoint, 'frames'));
  const body = (await response.json()) as { frames: string[] };
  return body.frames;
}

interface FrameAxe {
  run(context: Document, options: RunOptions): Promise<AxeResults>;
}

/**
 * Runs axe over the whole page in a same-origin iframe (e.g. a demo page) or window (e.g. one
 * the widget opened) with the same tags as `axeCheck`; resolves with the violations as
 * "rule: targets" lines (empty when clean).
 */
export async function axeInFrame(frame: HTMLIFrameElement | Window): Promise<string[]> {
  const view = frame instanceof HTMLIFrameElement ? frame.contentWindow! : frame;
  const win = view as unknown as { axe?: FrameAxe };
  const doc = view.document;
  if (!win.axe) {
    await new Promise((resolve, reject) => {
      const script = doc.createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js';
      script.onload = resolve;
      script.onerror = reject;
      doc.head.append(script);
    });
  }
  const results = await win.axe!.run(doc, {
    runOnly: { type: 'tag', values: AXE_TAGS },
  });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** One node of the browser's accessibility tree (see test/support/ax-plugin.mjs). */
export interface AxNode {
  role: string;
  name: string;
  description: string;
  ignored: boolean;
  properties: Record<string, unknown>;
}

/** The page's accessibility tree as assistive technology gets it, shadow roots included. */
export async function axTree(): Promise<AxNode[]> {
  const nodes = await executeServerCommand<AxNode[], undefined>('ax-tree');
  if (!nodes) throw new Error('no accessibility tree');
  return nodes.filter((n) => !n.ignored);
}

/** Media features to emulate (`''` resets one); see `mediaPlugin` in test/support/wtr-plugins.mjs. */
export interface EmulatedMedia {
  colorScheme?: 'light' | 'dark' | '';
  reducedMotion?: 'reduce' | 'no-preference' | '';
  /** What the built-in `emulateMedia` ignores with the Chrome launcher. */
  forcedColors?: 'active' | 'none' | '';
}

/** Emulates `prefers-color-scheme`, `prefers-reduced-motion` and `forced-colors` for this page (CDP). */
export async function emulateMediaFeatures(media: EmulatedMedia): Promise<void> {
  await executeServerCommand('amex-chat-emulate-media', media);
}

/** Resets every media feature `emulateMediaFeatures` set. */
export async function resetMediaFeatures(): Promise<void> {
  await emulateMediaFeatures({ colorScheme: '', reducedMotion: '', forcedColors: '' });
}

/** Sets this page's viewport in CSS px (CDP device metrics). */
export async function setViewportSize(size: { width: number; height: number }): Promise<void> {
  await executeServerCommand('amex-chat-viewport', size);
  await waitFor(() => window.innerWidth === size.width && window.innerHeight === size.height, 'the viewport');
}

/** Parses a computed `rgb()`/`rgba()` colour into `[r, g, b, alpha]`. */
export function parseColor(value: string): [number, number, number, number] {
  const match = /^rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\)$/.exec(value.trim());
  if (!match) throw new Error(`not an rgb() colour: ${value}`);
  return [
    Number(match[1]),
    Number(match[2]),
    Number(match[3]),
    match[4] === undefined ? 1 : Number(match[4]),
  ];
}

/** WCAG 2.x contrast ratio of two opaque computed colours (`rgb(…)`). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (color: string): number => {
    const [r, g, b] = parseColor(color)
      .slice(0, 3)
      .map((c) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const mounted: HTMLElement[] = [];

/**
 * Renders a template into a new container in the body, without waiting for an animation frame
 * (open-wc's `fixture` does for plain elements, and a background tab never gets one when test
 * files run in parallel). Removed after each test, like fixtures.
 */
export function mount(template: TemplateResult): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(template, container);
  mounted.push(container);
  return container.firstElementChild as HTMLElement;
}

afterEach(() => {
  for (const container of mounted.splice(0)) container.remove();
});
