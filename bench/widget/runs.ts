/**
 * One measurement in a fresh browser context each: a startup page, a history load (with what
 * follows it on the same page: heap, appends) and key presses in the composer.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { System } from './bundles.js';
import { printTrace, startProfile, TRACE_CATEGORIES } from './profile.js';
import { slug } from './server.js';

export const KEYSTROKES = 40;
/** How long the first-key-press row waits after the panel is ready before its one key press. */
export const FIRST_KEY_PAUSE = 1500;

export interface StartupResult {
  ms: number;
  fromEval: number;
  seen: number;
  top: number;
  define: number;
  render: number;
}

export interface HistoryResult {
  rendered: number;
  fromData: number;
  domFromData: number;
  domFromWelcome: number;
  complete: number;
  painted: number;
  longest: number;
  longTasks: number;
}

export function pageRuns(browser: Browser, origin: string) {
  async function withPage<T>(path: string, run: (page: Page) => Promise<T>): Promise<T> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    if (process.env.BENCH_DEBUG) page.on('console', (m) => console.log('page:', m.text()));
    try {
      return await run(page);
    } catch (error) {
      throw new Error(`${path}: ${String(error).split('\n')[0]} ${pageErrors.join('; ')}`);
    } finally {
      await context.close();
    }
  }

  async function startup(system: System): Promise<StartupResult> {
    return withPage(`startup-${slug(system)}`, async (page) => {
      type Reported = Partial<StartupResult> & { error?: string };
      let resolveResult: (result: Reported) => void = () => undefined;
      const done = new Promise<Reported>((resolve) => (resolveResult = resolve));
      await page.exposeFunction('__benchDone', (result: Reported) => resolveResult(result));
      const profiler = process.env.PROFILE === '1' ? await startProfile(page) : undefined;
      await page.goto(`${origin}/startup-${slug(system)}.html`);
      const result = await Promise.race([
        done,
        new Promise<Reported>((resolve) => setTimeout(() => resolve({ error: 'no result in 15 s' }), 15_000)),
      ]);
      if (profiler) await profiler();
      const { ms, fromEval, seen, top, define, render } = result;
      if (
        ms === undefined ||
        fromEval === undefined ||
        seen === undefined ||
        top === undefined ||
        define === undefined ||
        render === undefined
      ) {
        throw new Error(result.error ?? '?');
      }
      return { ms, fromEval, seen, top, define, render };
    });
  }

  async function openHarness(page: Page, system: System): Promise<void> {
    await page.goto(`${origin}/harness-${slug(system)}.html`);
    await page.waitForFunction(() => (window as unknown as { harnessReady?: boolean }).harnessReady === true);
  }

  async function heapAfterGc(page: Page): Promise<{ used: number; embedder: number }> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as {
      usedSize: number;
      embedderHeapUsedSize?: number;
    };
    return { used: usage.usedSize, embedder: usage.embedderHeapUsedSize ?? NaN };
  }

  async function history(
    system: System,
    n: number,
    extra?: (page: Page) => Promise<void>,
  ): Promise<HistoryResult> {
    return withPage(`history ${n} ${system}`, async (page) => {
      await openHarness(page, system);
      const profiler =
        process.env.PROFILE === '1' || process.env.PROFILE === 'dom' ? await startProfile(page) : undefined;
      if (process.env.TRACE) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      const result = await page.evaluate(
        (count) =>
          (window as unknown as { harness: { history(n: number): Promise<HistoryResult> } }).harness.history(
            count,
          ),
        n,
      );
      if (process.env.TRACE) printTrace(await browser.stopTracing());
      if (profiler) await profiler();
      // PROFILE=after profiles what follows the load (heap, appends) instead.
      const after = process.env.PROFILE === 'after' && extra ? await startProfile(page) : undefined;
      await extra?.(page);
      if (after) await after();
      return result;
    });
  }

  const appends = (page: Page, k: number): Promise<number[]> =>
    page.evaluate(
      (count) =>
        (window as unknown as { harness: { appends(k: number): Promise<number[]> } }).harness.appends(count),
      k,
    );

  /**
   * Per keystroke: from `keydown`, and from the `input` event (after the browser's own editing).
   * `length` is the draft's length before the first key press: at 2,000 (the draft, and the
   * widget's limit) every key press makes the message too long, so the widget's error changes with
   * each; at UNDER (1,950) the 45 key presses stay within the limit (typing as usual).
   */
  async function keystrokes(
    system: System,
    length = 2000,
    first = false,
  ): Promise<{ key: number[]; input: number[] }> {
    return withPage(`keystroke ${length} ${system}`, async (page) => {
      await openHarness(page, system);
      await page.evaluate(
        (n) =>
          (window as unknown as { harness: { composer(length: number): Promise<number> } }).harness.composer(
            n,
          ),
        length,
      );
      if (first) {
        // The first key press of the page, a customer's pause after the panel opened.
        await page.waitForTimeout(FIRST_KEY_PAUSE);
        await page.keyboard.press('KeyM');
        await page.waitForFunction(() => (window as unknown as { keyTimes: number[] }).keyTimes.length >= 1);
        return page.evaluate(() => {
          const w = window as unknown as { keyTimes: number[]; inputTimes: number[] };
          return { key: w.keyTimes, input: w.inputTimes };
        });
      }
      const profiler = process.env.PROFILE === 'keys' ? await startProfile(page) : undefined;
      // TRACE=keys TRACE_OUT=<file>: a Chromium trace of the key presses, for the DevTools panel.
      const tracing = process.env.TRACE === 'keys';
      if (tracing)
        await browser.startTracing(page, {
          categories: [
            ...TRACE_CATEGORIES,
            'blink',
            'disabled-by-default-devtools.timeline',
            ...(process.env.TRACE_INVALIDATIONS
              ? ['disabled-by-default-devtools.timeline.invalidationTracking']
              : []),
          ],
        });
      for (let i = 0; i < KEYSTROKES + 5; i += 1) await page.keyboard.press(i % 7 === 6 ? 'Space' : 'KeyA');
      if (tracing)
        writeFileSync(process.env.TRACE_OUT ?? `trace-keys-${length}.json`, await browser.stopTracing());
      await page.waitForFunction(
        (k) => (window as unknown as { keyTimes: number[] }).keyTimes.length >= k,
        KEYSTROKES + 5,
      );
      const times = await page.evaluate(() => {
        const w = window as unknown as { keyTimes: number[]; inputTimes: number[] };
        return { key: w.keyTimes, input: w.inputTimes };
      });
      if (profiler) await profiler();
      // The first five warm the handlers up.
      return { key: times.key.slice(5), input: times.input.slice(5) };
    });
  }

  return { startup, history, heapAfterGc, appends, keystrokes };
}
