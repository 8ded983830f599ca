// The package as an app gets it (issue 23): `npm pack` of the built repository, installed with
// npm into fresh apps made from test/pack/.fixtures/ (a plain Vite + TypeScript app with two
// plain HTML pages, React 19 with a server render and hydration, React 19 with the bare element,
// Vue 3, Angular, and a Lit + Shoelace page under Trusted Types). Each app type-checks and builds
// with its own toolchain (tsc --strict, vue-tsc --strictTemplates, ngc with strictTemplates,
// Vite), then runs in Chromium against
// the real reference server on loopback: the launcher, a card number that reaches the server
// masked, the reply, and the app's typed event handler.
//
// Needs `npm run build` first (`npm test` builds) and the npm registry (the apps' dependencies
// come from it, through npm's cache): without it the tests fail, saying so; nothing is skipped.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { requireBrowser } from '../../scripts/prerequisites.mjs';
import { startChatServer } from '../../server/chat-server.js';
import type { ChatServer } from '../../server/chat-server.js';
import {
  TOKEN,
  chatThroughTheWidget,
  explained,
  installApp,
  run,
  serveApp,
  until,
  watchProblems,
} from '../pack/harness.js';
import type { PageProblems, StaticServer } from '../pack/harness.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const templates = join(root, 'test/pack/.fixtures');
const APPS = ['vanilla', 'react', 'vue', 'angular', 'shoelace'] as const;
type App = (typeof APPS)[number];

/** The policy of a strict bank page: scripts and styles from itself, Lit's policy the only one. */
function strictPolicy(endpoint: string): string {
  const http = endpoint.replace(/^ws/, 'http');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${new URL(endpoint).origin} ${new URL(http).origin}`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

interface Packed {
  files: string[];
}

describe('the packed amex-chat in host apps', { timeout: 15 * 60_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'amex-chat-pack-'));
  let packed: Packed;
  let browser: Browser;
  const installs = new Map<App, Promise<{ dir?: string; error?: Error }>>();
  const cleanups: (() => Promise<void>)[] = [];

  before(async () => {
    for (const file of [
      'dist/amex-chat.js',
      'dist/react.js',
      'dist/cdn/amex-chat.js',
      'dist/types/define.d.ts',
    ]) {
      assert.ok(existsSync(join(root, file)), `${file} is missing: run \`npm run build\` first`);
    }
    const out = await run('npm', ['pack', '--json', '--pack-destination', work], root);
    const [result] = JSON.parse(out.slice(out.indexOf('['))) as [
      { filename: string; files: { path: string }[] },
    ];
    renameSync(join(work, result.filename), join(work, 'amex-chat.tgz'));
    packed = { files: result.files.map((f) => f.path) };
    // Installs run side by side (mostly waiting on the network and the disk); each test awaits its own.
    for (const app of APPS) {
      installs.set(
        app,
        installApp(app, templates, work, { mtsAsTs: app === 'angular' }).then(
          (dir) => ({ dir }),
          (error: unknown) => ({ error: error instanceof Error ? error : new Error(String(error)) }),
        ),
      );
    }
    browser = await chromium.launch({ executablePath: requireBrowser('test/server/pack-smoke.test.ts') });
  });

  after(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await browser?.close();
    await Promise.all(installs.values());
    if (!process.env['PACK_SMOKE_KEEP']) rmSync(work, { recursive: true, force: true });
    else console.log(`pack smoke: apps kept in ${work}`);
  });

  /** The app installed, then built with its own `npm run build` (type-check included). */
  async function built(app: App): Promise<string> {
    const installed = await installs.get(app)!;
    if (installed.error) throw installed.error;
    const dir = installed.dir!;
    await run('npm', ['run', 'build'], dir, ` (the ${app} app's type-check or build)`);
    return dir;
  }

  /** A reference server on loopback (debug: it shows the frames it received); stopped after the test. */
  async function chatServer(options: { tokens?: string[] } = {}): Promise<ChatServer> {
    const { tokens } = options;
    const server = await startChatServer({
      port: 0,
      replyDelay: 0,
      simulatedAgent: false,
      debug: true,
      ...(tokens
        ? {
            verifyToken: (token: string | undefined) => {
              tokens.push(token ?? '(none)');
              return token === TOKEN ? { subject: 'ada' } : 'invalid';
            },
          }
        : {}),
    });
    cleanups.push(() => server.close());
    return server;
  }

  async function serve(
    roots: string[],
    endpoint: string,
    csp?: (endpoint: string) => string,
  ): Promise<StaticServer> {
    const server = await serveApp({ roots, endpoint, ...(csp ? { csp: csp(endpoint) } : {}) });
    cleanups.push(() => server.close());
    return server;
  }

  async function openPage(): Promise<{ page: Page; problems: PageProblems }> {
    const context = await browser.newContext();
    cleanups.push(() => context.close());
    const page = await context.newPage();
    return { page, problems: await watchProblems(page) };
  }

  async function stopAll(): Promise<void> {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  }

  it('packs the widget alone: its builds, types and manifest; no server, sources or tests', () => {
    const has = (path: string): boolean => packed.files.includes(path);
    for (const file of [
      'package.json',
      'custom-elements.json',
      'dist/amex-chat.js',
      'dist/element.js',
      'dist/react.js',
      'dist/cdn/amex-chat.js',
      'dist/cdn/amex-chat.iife.js',
      'dist/types/define.d.ts',
      'dist/types/react.d.ts',
      'types/jsx-react.d.mts',
      'types/vue.d.mts',
    ]) {
      assert.ok(has(file), `${file} is in the package`);
    }
    const stray = packed.files.filter((f) => /^(server|src|test|demo|bench|scripts)\//.test(f));
    assert.deepEqual(stray, [], 'no server code, sources, tests, demo, benchmarks or scripts');
    // Only the type-only entries and the React wrapper's types name react or vue: a host without
    // them gets no augmentation and no import it cannot resolve.
    const framework = /from ['"](react|vue)['"]|declare module ['"](react|vue)['"]/;
    const naming = packed.files.filter(
      (f) => /\.d\.m?ts$/.test(f) && framework.test(readFileSync(join(root, f), 'utf8')),
    );
    assert.deepEqual(naming.sort(), ['dist/types/react.d.ts', 'types/jsx-react.d.mts', 'types/vue.d.mts']);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    assert.deepEqual(
      Object.keys(manifest.dependencies ?? {}),
      ['@lit/reactive-element', 'lit'],
      'Lit is the only dependency (the element imports its reactive element directly)',
    );
  });

  it('a Vite + TypeScript app type-checks, builds and chats; the card goes out masked', async () => {
    const dir = await built('vanilla');
    const server = await chatServer();
    const site = await serve([join(dir, 'dist')], server.url);
    const { page, problems } = await openPage();
    await explained(problems, async () => {
      await page.goto(`${site.url}/`);
      await chatThroughTheWidget(page, server.url);
    });
    assert.deepEqual(problems.errors, []);
    await stopAll();
  });

  it('plain HTML pages chat with the script-tag files: the ES module and the classic script', async () => {
    const { dir } = await installs.get('vanilla')!;
    assert.ok(dir, 'the vanilla app was installed');
    for (const pageName of ['plain.html', 'classic.html']) {
      const server = await chatServer();
      const site = await serve([dir], server.url);
      const { page, problems } = await openPage();
      await explained(problems, async () => {
        await page.goto(`${site.url}/${pageName}`);
        await chatThroughTheWidget(page, server.url);
      });
      const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      assert.ok(
        loaded.every((url) => !/\/node_modules\/lit/.test(url)),
        `${pageName} needs no Lit of its own (the script-tag files carry it)`,
      );
      assert.deepEqual(problems.errors, [], pageName);
      await stopAll();
    }
  });

  it('a React 19 app renders on the server and hydrates with its tokenProvider and handlers', async () => {
    const dir = await built('react');
    const html = readFileSync(join(dir, 'dist/index.html'), 'utf8');
    assert.match(
      html,
      /<div id="root"><main><h1>React 19<\/h1>.*<amex-chat\b/s,
      'the server rendered the element',
    );
    const tokens: string[] = [];
    const server = await chatServer({ tokens });
    const site = await serve([join(dir, 'dist')], server.url);
    const { page, problems } = await openPage();
    await explained(problems, async () => {
      await page.goto(`${site.url}/`);
      // Hydrated: <AmexChat> has set the function property on the server-rendered element.
      await page.waitForFunction(
        () =>
          typeof (document.querySelector('amex-chat') as { tokenProvider?: unknown } | null)
            ?.tokenProvider === 'function',
      );
      await chatThroughTheWidget(page, server.url);
    });
    assert.deepEqual(tokens, [TOKEN], "the server saw the cardmember's token, from tokenProvider");
    assert.deepEqual(problems.errors, [], 'no hydration or other errors');
    await stopAll();
  });

  it('a React 19 app gets typed events from the bare element (amex-chat/jsx-react)', async () => {
    const { dir } = await installs.get('react')!;
    assert.ok(dir && existsSync(join(dir, 'dist/bare.html')), 'the react app was built');
    const server = await chatServer();
    const site = await serve([join(dir, 'dist')], server.url);
    const { page, problems } = await openPage();
    await explained(problems, async () => {
      await page.goto(`${site.url}/bare.html`);
      await chatThroughTheWidget(page, server.url);
    });
    assert.deepEqual(problems.errors, []);
    await stopAll();
  });

  it('a Vue 3 app passes vue-tsc --strictTemplates, binds tokenProvider and gets typed events', async () => {
    const dir = await built('vue');
    const tokens: string[] = [];
    const server = await chatServer({ tokens });
    const site = await serve([join(dir, 'dist')], server.url);
    const { page, problems } = await openPage();
    await explained(problems, async () => {
      await page.goto(`${site.url}/`);
      await chatThroughTheWidget(page, server.url);
    });
    assert.deepEqual(tokens, [TOKEN], "the server saw the cardmember's token, from tokenProvider");
    assert.notEqual(await page.locator('#phase').textContent(), '', 'the inline amex-chat-state handler ran');
    assert.deepEqual(problems.errors, []);
    await stopAll();
  });

  it('an Angular app passes strictTemplates with a typed $event, binds tokenProvider and chats', async () => {
    const dir = await built('angular');
    const tokens: string[] = [];
    const server = await chatServer({ tokens });
    const site = await serve([join(dir, 'dist')], server.url);
    const { page, problems } = await openPage();
    await explained(problems, async () => {
      await page.goto(`${site.url}/`);
      await chatThroughTheWidget(page, server.url);
    });
    assert.deepEqual(tokens, [TOKEN], "the server saw the cardmember's token, from tokenProvider");
    assert.deepEqual(problems.errors, []);
    await stopAll();
  });

  it('a Lit + Shoelace page under Trusted Types shares one Lit with the widget: no CSP violation', async () => {
    const dir = await built('shoelace');
    const server = await chatServer();
    const site = await serve([join(dir, 'dist')], server.url, strictPolicy);
    const { page, problems } = await openPage();
    await explained(problems, async () => {
      const response = await page.goto(`${site.url}/`);
      assert.match(response?.headers()['content-security-policy'] ?? '', /trusted-types lit-html$/);

      // Shoelace's components and the host's own Lit element work.
      await page.locator('#count').click();
      await page.locator('#count').click();
      await page.locator('#alerts').click();
      await page.locator('host-status #status').filter({ hasText: 'Clicks: 2; alerts on' }).waitFor();
      await page.locator('#name input').fill('Ada');
      await until(
        async () => (await page.locator('#name').evaluate((el) => (el as HTMLInputElement).value)) === 'Ada',
        "sl-input's value",
      );

      await chatThroughTheWidget(page, server.url);
      const versions = await page.evaluate(() => {
        const g = globalThis as unknown as Record<string, unknown[] | undefined>;
        return [
          g['litHtmlVersions']?.length,
          g['reactiveElementVersions']?.length,
          g['litElementVersions']?.length,
        ];
      });
      assert.deepEqual(versions, [1, 1, 1], 'one copy of lit-html, reactive-element and lit-element');
    });
    assert.deepEqual(problems.errors, [], 'no CSP violation, no error');
    await stopAll();
  });
});
