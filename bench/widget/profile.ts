/**
 * Profiling aids of the widget benchmark: PROFILE=… prints where the time went by source
 * function (through the build's source maps), TRACE=… the renderer's main thread task by task.
 */
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { readFile } from 'node:fs/promises';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { dist } from './bundles.js';

/** Source maps of the entry and its chunks, by file name, to name profiled functions by their source. */
async function ourSourceMaps(): Promise<Map<string, TraceMap>> {
  const maps = new Map<string, TraceMap>();
  const served = readdirSync(dist).filter((name) => name.endsWith('.js') && name !== 'amex-chat.iife.js');
  for (const name of served) {
    try {
      maps.set(name, new TraceMap(await readFile(join(dist, `${name}.map`), 'utf8')));
    } catch {
      // No map for this one: its frames keep their bundled names.
    }
  }
  return maps;
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * PROFILE=1: prints the functions with the most self time during a history load. PROFILE=dom:
 * only from the data's arrival to the last message in the DOM (the page's `console.profile`).
 */
export async function startProfile(page: Page): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const fromPage = new Promise<CpuProfile>((resolve) =>
    cdp.on('Profiler.consoleProfileFinished', (event) => resolve(event.profile as CpuProfile)),
  );
  if (process.env.PROFILE !== 'dom') await cdp.send('Profiler.start');
  return async () => {
    const profile =
      process.env.PROFILE === 'dom'
        ? await fromPage
        : ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile;
    if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    const maps = await ourSourceMaps();
    const nameOf = (id: number): string => {
      const frame = byId.get(id)?.callFrame;
      const map = frame ? maps.get(frame.url.split('/').pop() ?? '') : undefined;
      const original =
        frame && map
          ? originalPositionFor(map, {
              // The served entry starts with the bench's one-line mark (see the routes below).
              line: Math.max(1, frame.lineNumber + (frame.url.endsWith('/amex-chat.js') ? 0 : 1)),
              column: frame.columnNumber,
            })
          : undefined;
      return original?.source
        ? `${original.name ?? frame?.functionName ?? '?'} ${original.source.split('/').pop() ?? ''}:${original.line}`
        : frame
          ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber}`
          : '?';
    };
    profile.samples.forEach((id, i) => {
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      const name = nameOf(id);
      self.set(name, (self.get(name) ?? 0) + ms);
      // Inclusive time: once per sample for each function on the stack.
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(nameOf(at));
      for (const on of seen) total.set(on, (total.get(on) ?? 0) + ms);
    });
    console.log('self ms');
    for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
      console.log(ms.toFixed(1).padStart(8), name);
    console.log('total ms (with callees)');
    for (const [name, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 40))
      console.log(ms.toFixed(1).padStart(8), name);
  };
}

export const TRACE_CATEGORIES = ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'toplevel'];

/**
 * TRACE=1 BENCH_DEBUG=1: the renderer's main thread from the first chat frame to the last message
 * in the DOM, task by task (what each spent its time on), in ms from the first frame.
 */
export function printTrace(buffer: Buffer): void {
  interface TraceEvent {
    name: string;
    cat: string;
    ph: string;
    ts: number;
    dur?: number;
    tid: number;
    args?: { data?: { url?: string; functionName?: string } };
  }
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const marks = events.filter((e) => e.cat.includes('user_timing') && e.name.startsWith('bench-'));
  const start = marks.find((e) => e.name === 'bench-frame');
  const end = marks.find((e) => e.name === 'bench-dom');
  if (!start || !end) {
    console.log('trace: no bench marks (run with BENCH_DEBUG=1)');
    return;
  }
  const at = (ts: number): string => ((ts - start.ts) / 1000).toFixed(1).padStart(7);
  for (const mark of marks) if (mark.ts >= start.ts && mark.ts <= end.ts) console.log(at(mark.ts), mark.name);
  if (process.env.TRACE === 'names') {
    const names = new Map<string, number>();
    for (const e of events)
      if (e.tid === start.tid && e.ts >= start.ts && e.ts <= end.ts)
        names.set(`${e.ph} ${e.name}`, (names.get(`${e.ph} ${e.name}`) ?? 0) + (e.dur ?? 0) / 1000);
    console.log(
      [...names]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 30)
        .map(([k, v]) => `${v.toFixed(1)} ${k}`)
        .join('\n'),
    );
  }
  const main = events.filter((e) => e.tid === start.tid && e.ph === 'X' && e.dur !== undefined);
  for (const task of main.filter(
    (e) =>
      e.name === 'ThreadControllerImpl::RunTask' &&
      e.ts + (e.dur ?? 0) >= start.ts - 20_000 &&
      e.ts <= end.ts,
  )) {
    const inside = main.filter(
      (e) =>
        e !== task &&
        e.ts >= task.ts &&
        e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0) &&
        !e.name.includes('RunTask'),
    );
    const sums = new Map<string, number>();
    for (const e of inside) sums.set(e.name, (sums.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    const what = [...sums]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
      .join(', ');
    if ((task.dur ?? 0) >= 300)
      console.log(at(task.ts), `${((task.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms`, what);
  }
}
