/**
 * Widget benchmark (issue 8, first slice): `npm run build && node --import tsx bench/widget.ts`
 * (npm run bench:widget). Compares `dist/amex-chat.js` with a bare-Lit floor (a tiny Lit element:
 * a launcher button and a plain `repeat()` list) and with `deep-chat` (its prebuilt browser bundle).
 *
 * 1. Bundle sizes: raw, gzip -9 and brotli quality 11 (Node zlib).
 * 2. Startup in headless Chromium: a performance mark before the module script, then polling
 *    until the launcher is in the shadow root (deep-chat has no launcher: its text input).
 * 3. History: after the script is loaded, open with 1,000 messages → last message rendered
 *    (amex-chat gets them from a `transportFactory` answering `hello` with `welcome` + 1,000 events).
 * Each repetition runs every system in turn (alternating order) in a fresh browser context.
 * Writes bench/results.md. Set CHROME_PATH for another Chromium; REPS for more repetitions.
 */
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, release, totalmem, type as osType } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPS = Number(process.env.REPS ?? 7);
const HISTORY = 1000;

type System = 'amex-chat' | 'bare Lit' | 'deep-chat';
const SYSTEMS: readonly System[] = ['amex-chat', 'bare Lit', 'deep-chat'];

function readVersion(pkg: string): string {
  const json = JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as {
    version: string;
  };
  return json.version;
}

// ---- bundles -------------------------------------------------------------------------------

let ours: string;
try {
  ours = readFileSync(join(root, 'dist/amex-chat.js'), 'utf8');
} catch {
  console.error('dist/amex-chat.js is missing: run `npm run build` first.');
  process.exit(1);
}

const FLOOR_SOURCE = `
import { LitElement, html, css } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
class BenchFloor extends LitElement {
  static properties = { open: { type: Boolean }, messages: { attribute: false } };
  static styles = css\`.launcher { position: fixed; inset: auto 1rem 1rem auto; } ol { max-height: 30rem; overflow: auto; }\`;
  constructor() { super(); this.open = false; this.messages = []; }
  render() {
    return html\`<button id="launcher" class="launcher" type="button" @click=\${() => { this.open = !this.open; }}>Chat with us</button>
      \${this.open ? html\`<ol>\${repeat(this.messages, (m) => m.id, (m) => html\`<li class="message"><p class="bubble">\${m.text}</p></li>\`)}</ol>\` : ''}\`;
  }
}
customElements.define('bench-floor', BenchFloor);
`;

const floorBuild = await build({
  stdin: { contents: FLOOR_SOURCE, resolveDir: root, loader: 'js' },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  write: false,
});
const floor = floorBuild.outputFiles[0]?.text ?? '';
const deep = readFileSync(join(root, 'node_modules/deep-chat/dist/deepChat.bundle.js'), 'utf8');

const bundles: Record<System, string> = { 'amex-chat': ours, 'bare Lit': floor, 'deep-chat': deep };
const sizes = SYSTEMS.map((system) => {
  const buf = Buffer.from(bundles[system]);
  return {
    system,
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
});

// ---- pages ---------------------------------------------------------------------------------

const scriptPath: Record<System, string> = {
  'amex-chat': '/amex-chat.js',
  'bare Lit': '/floor.js',
  'deep-chat': '/deep-chat.js',
};
const tag: Record<System, string> = {
  'amex-chat': 'amex-chat',
  'bare Lit': 'bench-floor',
  'deep-chat': 'deep-chat',
};

/** Calls `window.__benchDone({ ms })` once `probe()` is truthy (polled with setTimeout 0). */
const POLL = `
function waitFor(probe, startMark) {
  const deadline = performance.now() + 30000;
  const tick = () => {
    if (probe()) {
      const end = performance.now();
      const start = performance.getEntriesByName(startMark, 'mark')[0];
      window.__benchDone(start ? { ms: end - start.startTime } : { error: 'no start mark' });
    } else if (performance.now() > deadline) {
      window.__benchDone({ error: 'timeout' });
    } else setTimeout(tick, 0);
  };
  tick();
}`;

const launcherProbe: Record<System, string> = {
  'amex-chat': `() => document.querySelector('amex-chat')?.shadowRoot?.querySelector('#launcher')`,
  'bare Lit': `() => document.querySelector('bench-floor')?.shadowRoot?.querySelector('#launcher')`,
  'deep-chat': `() => document.querySelector('deep-chat')?.shadowRoot?.querySelector('#text-input')`,
};

function startupPage(system: System): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${system}</title></head><body>
<${tag[system]}></${tag[system]}>
<script>${POLL}
performance.mark('bench-start');
waitFor(${launcherProbe[system]}, 'bench-start');</script>
<script type="module" src="${scriptPath[system]}"></script>
</body></html>`;
}

const lastText = `message ${HISTORY}`;
const historySetup: Record<System, string> = {
  'amex-chat': `
const el = document.createElement('amex-chat');
el.persist = 'none';
el.endpoint = 'wss://bench.invalid/chat';
el.transportFactory = () => {
  const handlers = new Map();
  const events = {
    all: handlers,
    on(type, fn) { (handlers.get(type) ?? handlers.set(type, []).get(type)).push(fn); },
    off(type, fn) { const list = handlers.get(type); if (list) { if (fn) list.splice(list.indexOf(fn) >>> 0, 1); else handlers.set(type, []); } },
    emit(type, payload) { for (const fn of (handlers.get(type) ?? []).slice()) fn(payload); for (const fn of (handlers.get('*') ?? []).slice()) fn(type, payload); },
  };
  let open = false;
  const deliver = (frame) => setTimeout(() => events.emit('frame', frame), 0);
  return {
    events,
    connect() { setTimeout(() => { open = true; events.emit('open', undefined); }, 0); },
    send(raw) {
      if (!open) return false;
      const frame = JSON.parse(raw);
      if (frame.type === 'hello') {
        deliver({ type: 'welcome', v: frame.v, conversationId: 'bench' });
        const at = Date.now() - ${HISTORY} * 1000;
        for (let i = 1; i <= ${HISTORY}; i++) {
          deliver({ type: 'event', event: { seq: i, id: 's' + i, kind: 'message', from: i % 2 ? 'customer' : 'assistant', name: i % 2 ? '' : 'Virtual assistant', text: MSG(i), at: at + i * 1000 } });
        }
      }
      return true;
    },
    close() { if (open) { open = false; events.emit('close', { code: 1000, reason: 'closed' }); } },
  };
};
document.body.append(el);
el.open = true;
waitFor(() => { const b = el.shadowRoot?.querySelectorAll('.bubble'); return b && b.length >= ${HISTORY} && b[b.length - 1].textContent.includes(LAST); }, 'bench-start');`,
  'bare Lit': `
const el = document.createElement('bench-floor');
el.messages = Array.from({ length: ${HISTORY} }, (_, k) => ({ id: 's' + (k + 1), text: MSG(k + 1) }));
el.open = true;
document.body.append(el);
waitFor(() => { const b = el.shadowRoot?.querySelectorAll('.bubble'); return b && b.length >= ${HISTORY} && b[b.length - 1].textContent.includes(LAST); }, 'bench-start');`,
  'deep-chat': `
const el = document.createElement('deep-chat');
el.history = Array.from({ length: ${HISTORY} }, (_, k) => ({ role: (k + 1) % 2 ? 'user' : 'ai', text: MSG(k + 1) }));
document.body.append(el);
waitFor(() => { const b = el.shadowRoot?.querySelectorAll('.message-bubble'); return b && b.length >= ${HISTORY} && b[b.length - 1].textContent.includes(LAST); }, 'bench-start');`,
};

function historyPage(system: System): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${system}</title></head><body>
<script>${POLL}
const LAST = ${JSON.stringify(lastText)};
const MSG = (i) => 'Hi, this is message ' + i + ' about a charge of $' + (i % 97) + '.42 I do not recognise.';</script>
<script type="module">
import ${JSON.stringify(scriptPath[system])};
await customElements.whenDefined(${JSON.stringify(tag[system])});
performance.mark('bench-start');
${historySetup[system]}
</script>
</body></html>`;
}

// ---- server --------------------------------------------------------------------------------

const routes = new Map<string, { type: string; body: string }>();
const slug = (system: System): string => system.replace(/\W+/g, '-');
for (const system of SYSTEMS) {
  routes.set(scriptPath[system], { type: 'text/javascript', body: bundles[system] });
  routes.set(`/startup-${slug(system)}.html`, { type: 'text/html', body: startupPage(system) });
  routes.set(`/history-${slug(system)}.html`, { type: 'text/html', body: historyPage(system) });
}
const server = createServer((req, res) => {
  const route = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': `${route.type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(route.body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// ---- browser runs --------------------------------------------------------------------------

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu'],
});
const chromiumVersion = browser.version();

async function measure(url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  if (process.env.BENCH_DEBUG) page.on('console', (m) => console.log('page:', m.text()));
  try {
    let resolveResult: (result: { ms?: number; error?: string }) => void = () => undefined;
    const done = new Promise<{ ms?: number; error?: string }>((resolve) => (resolveResult = resolve));
    await page.exposeFunction('__benchDone', (result: { ms?: number; error?: string }) =>
      resolveResult(result),
    );
    await page.goto(url);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<{ ms?: number; error?: string }>((resolve) => {
      timer = setTimeout(() => resolve({ error: 'no result in 15 s' }), 15_000);
    });
    const result = await Promise.race([done, timeout]);
    clearTimeout(timer);
    if (result.ms === undefined) {
      const seen = await page.evaluate(() => {
        const el = document.body.querySelector(':not(script)');
        const last = [...(el?.shadowRoot?.querySelectorAll('.bubble, .message-bubble') ?? [])].pop();
        return `${el?.localName ?? 'no element'}; last bubble: ${String(last?.textContent)}`;
      });
      throw new Error(`${url}: ${result.error ?? '?'}\n${pageErrors.join('; ')}\n${seen}`);
    }
    return result.ms;
  } finally {
    await context.close();
  }
}

const scenarios = ['startup', 'history'] as const;
type Scenario = (typeof scenarios)[number];
const samples = new Map<string, number[]>();
const failures = new Map<string, string>();
const key = (scenario: Scenario, system: System): string => `${scenario}/${system}`;

try {
  // One warm-up round (not recorded), then REPS rounds, rotating the order of systems.
  for (let rep = -1; rep < REPS; rep += 1) {
    const shift = ((rep % SYSTEMS.length) + SYSTEMS.length) % SYSTEMS.length;
    const order = [...SYSTEMS.slice(shift), ...SYSTEMS.slice(0, shift)];
    for (const scenario of scenarios) {
      for (const system of order) {
        if (failures.has(key(scenario, system))) continue;
        let ms: number;
        try {
          ms = await measure(`${origin}/${scenario}-${slug(system)}.html`);
        } catch (error) {
          // Recorded in the results as not measured; the other systems still run.
          failures.set(key(scenario, system), String(error).split('\n')[0] ?? '');
          console.error(String(error));
          continue;
        }
        if (rep < 0) continue;
        const list = samples.get(key(scenario, system)) ?? [];
        list.push(ms);
        samples.set(key(scenario, system), list);
      }
    }
    if (rep >= 0) console.log(`repetition ${rep + 1}/${REPS} done`);
  }
} finally {
  await browser.close();
  server.close();
}

// ---- report --------------------------------------------------------------------------------

function stats(xs: readonly number[]): { median: number; min: number; max: number } {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN };
}
const kb = (n: number): string => (n / 1024).toFixed(1);
const ms = (n: number): string => n.toFixed(1);
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;

const lines: string[] = [];
lines.push('# Widget benchmark results', '');
lines.push(
  `Generated by \`npm run bench:widget\` (\`bench/widget.ts\`) on ${new Date().toISOString()}.`,
  `Times are median (min–max) over ${REPS} repetitions (after one warm-up), systems alternating within each repetition, each run in a fresh browser context.`,
  '',
);
lines.push('## Bundle size', '');
lines.push('| System | Raw KiB | gzip -9 KiB | brotli q11 KiB | brotli vs bare Lit | brotli vs deep-chat |');
lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
const sizeOf = (system: System): number => sizes.find((s) => s.system === system)?.brotli ?? NaN;
for (const s of sizes) {
  lines.push(
    `| ${s.system} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} | ${ratio(s.brotli, sizeOf('bare Lit'))} | ${ratio(s.brotli, sizeOf('deep-chat'))} |`,
  );
}
lines.push('');
const titles: Record<Scenario, string> = {
  startup:
    'Startup: mark before the module script → launcher in the shadow root (deep-chat has no launcher: its text input), ms',
  history: `Open with ${HISTORY.toLocaleString('en-US')}-message history → last message rendered (script already loaded), ms`,
};
for (const scenario of scenarios) {
  lines.push(`## ${titles[scenario]}`, '');
  lines.push('| System | Median (min–max) | vs bare Lit | vs deep-chat |');
  lines.push('| --- | ---: | ---: | ---: |');
  const median = (system: System): number => stats(samples.get(key(scenario, system)) ?? []).median;
  for (const system of SYSTEMS) {
    const failure = failures.get(key(scenario, system));
    if (failure !== undefined) {
      lines.push(`| ${system} | not measured: ${failure.replace(/http:\/\/[^ ]*: /, '')} | – | – |`);
      continue;
    }
    const s = stats(samples.get(key(scenario, system)) ?? []);
    lines.push(
      `| ${system} | ${ms(s.median)} (${ms(s.min)}–${ms(s.max)}) | ${ratio(s.median, median('bare Lit'))} | ${ratio(s.median, median('deep-chat'))} |`,
    );
  }
  lines.push('');
}
const cpuList = cpus();
lines.push('## Environment', '');
lines.push(
  `- Chromium ${chromiumVersion} (headless=new, --disable-gpu), Lit ${readVersion('lit')}, deep-chat ${readVersion('deep-chat')}, amex-chat ${readVersion('..')}, Node ${process.version}`,
  `- ${osType()} ${release()}, ${cpuList.length} × ${cpuList[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM`,
  '- Served from a loopback HTTP server (no network latency, no cache); amex-chat is `dist/amex-chat.js`, bare Lit is a tiny Lit element bundled and minified with esbuild, deep-chat is `deep-chat/dist/deepChat.bundle.js`.',
  '- amex-chat history: the page never reported (the widget rendered all 1,000 bubbles, but the in-page poll did not complete); under investigation, so no figure yet.',
  '- Not measured yet: memory, long-task/INP while typing, streaming updates, the IIFE bundle, first open of an empty panel.',
  '',
);
writeFileSync(join(root, 'bench/results.md'), lines.join('\n'));
console.log(lines.join('\n'));
