// Test-runner plugins (plain ESM: web-test-runner loads its config with Node, no TypeScript).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `executeServerCommand('reference-server-start', { replyDelay, simulatedAgent, agentDelay, maxQueue,
 * handleSeconds, queueUpdate, … })` starts the real reference
 * server (`server/main.ts`) in a child process on a free loopback port and returns its URL;
 * `reference-server-stop` stops the page's servers (with `{ url }`, only that one). Every server
 * still running when the run ends is stopped.
 */
export function referenceServerPlugin() {
  /** @type {Map<string, { child: import('node:child_process').ChildProcess, url: string }[]>} */
  const bySession = new Map();
  const all = new Set();

  function start(payload) {
    const args = ['--import', 'tsx', 'server/main.ts', '--port', String(payload?.port ?? 0), '--quiet'];
    if (payload && payload.replyDelay !== undefined) args.push('--reply-delay', String(payload.replyDelay));
    if (payload && payload.debug) args.push('--debug');
    if (payload && payload.rateLimit) args.push('--rate-limit', payload.rateLimit);
    if (payload && payload.tokens) args.push('--tokens', payload.tokens);
    if (payload && payload.expiredTokens) args.push('--expired-tokens', payload.expiredTokens);
    // Contact center: { simulatedAgent: boolean, agentDelay, maxQueue, handleSeconds, queueUpdate }.
    if (payload && payload.simulatedAgent !== undefined) {
      args.push('--simulated-agent', payload.simulatedAgent ? 'on' : 'off');
    }
    if (payload && payload.agentDelay !== undefined) args.push('--agent-delay', String(payload.agentDelay));
    if (payload && payload.maxQueue !== undefined) args.push('--max-queue', String(payload.maxQueue));
    if (payload && payload.handleSeconds !== undefined) {
      args.push('--handle-seconds', String(payload.handleSeconds));
    }
    if (payload && payload.queueUpdate !== undefined)
      args.push('--queue-update', String(payload.queueUpdate));
    // An external bot (test/support/bot-plugin.mjs) that takes the assistant's turns.
    if (payload && payload.botUrl) args.push('--bot-url', payload.botUrl);
    if (payload && payload.botTimeout !== undefined) args.push('--bot-timeout', String(payload.botTimeout));
    // The demo's simulated phone (identity checks), and a check's lifetime (ms).
    if (payload && payload.demoDevice) args.push('--demo-device');
    if (payload && payload.verifyTtl !== undefined) args.push('--verify-ttl', String(payload.verifyTtl));
    // The agent console's shared secret travels by environment, as in production (never a flag).
    const env = payload?.agentSecret
      ? { ...process.env, CHAT_AGENT_SECRET: payload.agentSecret }
      : process.env;
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    all.add(child);
    child.on('exit', () => all.delete(child));
    return new Promise((resolve, reject) => {
      let out = '';
      let err = '';
      const timer = setTimeout(() => reject(new Error(`reference server did not start: ${err}`)), 20_000);
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /listening on (ws:\/\/\S+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve({ child, url: match[1] });
        }
      });
      child.stderr.on('data', (chunk) => (err += chunk));
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`reference server exited with ${code}: ${err}`));
      });
    });
  }

  return {
    name: 'amex-chat-reference-server',
    async executeCommand({ command, payload, session }) {
      if (command === 'reference-server-start') {
        const { child, url } = await start(payload);
        const list = bySession.get(session.id) ?? [];
        list.push({ child, url });
        bySession.set(session.id, list);
        return { url, pid: child.pid };
      }
      if (command === 'reference-server-stop') {
        const list = bySession.get(session.id) ?? [];
        const stopping = payload?.url ? list.filter((s) => s.url === payload.url) : list;
        for (const { child } of stopping) child.kill('SIGTERM');
        const left = list.filter((s) => !stopping.includes(s));
        if (left.length > 0) bySession.set(session.id, left);
        else bySession.delete(session.id);
        return true;
      }
      return undefined;
    },
    serverStop() {
      for (const child of all) child.kill('SIGKILL');
    },
  };
}

/**
 * A server a test proves nothing reaches (e.g. an attacker's, named in a page's address):
 * `ws-listener-start` starts a bare WebSocket server on a free loopback port that accepts any
 * path, never answers, and records every connection with the text frames it received; it
 * returns `{ url }` (`ws://127.0.0.1:PORT`). `ws-listener-received` with `{ url }` returns
 * `[{ path, frames }]`; `ws-listener-stop` closes this session's listeners.
 */
export function wsListenerPlugin() {
  /** @type {Map<string, { server: WebSocketServer, received: { path: string, frames: string[] }[] }>} */
  const byUrl = new Map();
  /** @type {Map<string, string[]>} */
  const bySession = new Map();

  async function stop(url) {
    const listener = byUrl.get(url);
    if (!listener) return;
    byUrl.delete(url);
    for (const client of listener.server.clients) client.terminate();
    await new Promise((resolve) => listener.server.close(resolve));
  }

  return {
    name: 'amex-chat-ws-listener',
    async executeCommand({ command, payload, session }) {
      if (command === 'ws-listener-start') {
        const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
        await new Promise((resolve, reject) => {
          server.once('listening', resolve);
          server.once('error', reject);
        });
        const received = [];
        server.on('connection', (socket, request) => {
          const record = { path: request.url ?? '', frames: [] };
          received.push(record);
          socket.on('message', (data) => record.frames.push(String(data)));
        });
        const url = `ws://127.0.0.1:${server.address().port}`;
        byUrl.set(url, { server, received });
        bySession.set(session.id, [...(bySession.get(session.id) ?? []), url]);
        return { url };
      }
      if (command === 'ws-listener-received') {
        return byUrl.get(payload?.url)?.received ?? null;
      }
      if (command === 'ws-listener-stop') {
        await Promise.all((bySession.get(session.id) ?? []).map(stop));
        bySession.delete(session.id);
        return true;
      }
      return undefined;
    },
    async serverStop() {
      await Promise.all([...byUrl.keys()].map(stop));
    },
  };
}

function countResults(suite, counts) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites ?? []) countResults(child, counts);
}

/**
 * A reporter that writes `{ passed, failed, skipped, files }` to `$WTR_COUNTS_FILE` at the end of
 * the run (the aggregate `tests: N passed, N failed` line of `npm test` is built from it).
 * A test file that failed to load counts as one failure.
 */
export function countsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0, files: sessions.length };
      for (const session of sessions) {
        countResults(session.testResults, counts);
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed += 1;
      }
      const file = process.env.WTR_COUNTS_FILE;
      if (file) writeFileSync(file, JSON.stringify(counts));
    },
  };
}

/**
 * Watches the real bytes on the wire from the browser side, through the Chrome DevTools
 * Protocol: `wire-record-start` enables the Network domain for the test page and records every
 * `Network.webSocketFrameSent` payload with its socket's URL, and every POST body
 * (`Network.requestWillBeSent`) with its URL; `wire-frames-sent` returns `[{ url, payload }]`
 * (the test runner's own command socket and requests are in there too: filter by URL).
 */
export function wirePlugin() {
  /** @type {Map<string, { cdp: any, frames: string[] }>} */
  const bySession = new Map();
  return {
    name: 'amex-chat-wire',
    async executeCommand({ command, session }) {
      if (command === 'wire-record-start') {
        const page = session.browser.getPage(session.id);
        const cdp = await page.createCDPSession();
        const record = { cdp, frames: [] };
        const urls = new Map();
        cdp.on('Network.webSocketCreated', (event) => urls.set(event.requestId, event.url));
        cdp.on('Network.webSocketFrameSent', (event) =>
          record.frames.push({ url: urls.get(event.requestId) ?? '', payload: event.response.payloadData }),
        );
        // Request bodies (the SSE transport's POSTs), with their URLs.
        cdp.on('Network.requestWillBeSent', (event) => {
          if (event.request.method === 'POST') {
            record.frames.push({ url: event.request.url, payload: event.request.postData ?? '' });
          }
        });
        await cdp.send('Network.enable');
        bySession.set(session.id, record);
        return true;
      }
      if (command === 'wire-frames-sent') {
        return bySession.get(session.id)?.frames ?? null;
      }
      return undefined;
    },
  };
}

/**
 * Media and viewport emulation through the Chrome DevTools Protocol, for the visual tests:
 * `amex-chat-emulate-media` with `{ colorScheme, reducedMotion, forcedColors }` (`'dark'`, `'reduce'`,
 * `'active'`; `''` or absent resets that feature; forced colors is what the built-in
 * `emulateMedia` cannot do with the Chrome launcher) and `amex-chat-viewport` with `{ width, height }`
 * (`null` restores the launcher's viewport), and `amex-chat-focus-emulation` (the page acts as
 * focused). The CDP session stays attached for the page's
 * lifetime: emulation ends when its session detaches. (Prefixed names: the built-in
 * `emulate-media` and `set-viewport` commands of @web/test-runner-commands run first.)
 */
export function mediaPlugin() {
  /** @type {Map<string, { cdp: any, media: Record<string, string> }>} */
  const bySession = new Map();

  async function forSession(session) {
    let entry = bySession.get(session.id);
    if (!entry) {
      const page = session.browser.getPage(session.id);
      entry = { cdp: await page.createCDPSession(), media: {} };
      bySession.set(session.id, entry);
    }
    return entry;
  }

  return {
    name: 'amex-chat-media',
    async executeCommand({ command, payload, session }) {
      if (command === 'amex-chat-emulate-media') {
        const entry = await forSession(session);
        const names = {
          colorScheme: 'prefers-color-scheme',
          reducedMotion: 'prefers-reduced-motion',
          forcedColors: 'forced-colors',
        };
        for (const [key, name] of Object.entries(names)) {
          if (payload && key in payload) entry.media[name] = payload[key] ?? '';
        }
        await entry.cdp.send('Emulation.setEmulatedMedia', {
          features: Object.entries(entry.media).map(([name, value]) => ({ name, value })),
        });
        return true;
      }
      if (command === 'amex-chat-focus-emulation') {
        // The page behaves as focused even when another test page has the browser's focus
        // (concurrency 2): `:focus` and `:focus-visible` then match as they would for a person.
        const entry = await forSession(session);
        await entry.cdp.send('Emulation.setFocusEmulationEnabled', { enabled: payload !== false });
        return true;
      }
      if (command === 'amex-chat-viewport') {
        const entry = await forSession(session);
        if (!payload) await entry.cdp.send('Emulation.clearDeviceMetricsOverride');
        else {
          await entry.cdp.send('Emulation.setDeviceMetricsOverride', {
            width: payload.width,
            height: payload.height,
            deviceScaleFactor: 1,
            mobile: false,
          });
        }
        return true;
      }
      if (command === 'amex-chat-notification-permission') {
        // `{ origin, setting }`: 'granted', 'denied' or 'prompt' (the browser asks, as it does
        // for a site the visitor never answered).
        const entry = await forSession(session);
        await entry.cdp.send('Browser.setPermission', {
          permission: { name: 'notifications' },
          setting: payload.setting,
          origin: payload.origin,
        });
        return true;
      }
      return undefined;
    },
  };
}

/**
 * `/dist-no-panel/…` serves `dist/` as it is, except the panel's chunk (`panel-*.js`), which
 * answers 404: the built widget hosted without the file next to it. `/dist-fresh/…` serves
 * `dist/` as it is: another URL, so another copy of its modules, with nothing loaded yet.
 * `/dist-flaky-<name>/…` is another copy whose chunk fails (the connection is closed) while "down":
 * `/dist-flaky-<name>/down` puts it down, `/dist-flaky-<name>/up` back up; every copy starts down
 * (`panel-module.test.ts`). The chunk that fails is the panel's unless
 * `/dist-flaky-<name>/fail/<prefix>` names another (`document-upload`: `document-upload-*.js`), so
 * a part in a chunk of its own can fail after the panel loaded (on-demand.ts).
 */
export function missingPanelMiddleware() {
  const up = new Set();
  /** The copy's failing chunk's name, when it is not the panel's. */
  const failing = new Map();
  return async (ctx, next) => {
    const [, alias, name] = /^\/(dist-no-panel|dist-fresh|dist-flaky-([\w-]+))\//.exec(ctx.path) ?? [];
    if (!alias) return next();
    const fail = /\/fail\/([\w-]+)$/.exec(ctx.path);
    if (name && fail) {
      failing.set(name, fail[1]);
      ctx.body = 'ok';
      return undefined;
    }
    if (name && /\/(up|down)$/.test(ctx.path)) {
      if (ctx.path.endsWith('/up')) up.add(name);
      else up.delete(name);
      ctx.body = 'ok';
      return undefined;
    }
    const prefix = (name && failing.get(name)) ?? 'panel';
    const chunk = new RegExp(`/${prefix}-[^/]*\\.js$`).test(ctx.path);
    if (chunk && alias === 'dist-no-panel') {
      ctx.status = 404;
      return undefined;
    }
    if (chunk && name && !up.has(name)) {
      // A network failure, not an error status: the test server marks every response to a path
      // with an extension cacheable for a year, which would keep an error in the HTTP cache.
      ctx.respond = false;
      ctx.req.socket.destroy();
      return undefined;
    }
    ctx.url = ctx.url.replace(`/${alias}/`, '/dist/');
    return next();
  };
}
