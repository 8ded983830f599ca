/**
 * Support for test/server/pack-smoke.test.ts (not a test file): the packed package installed
 * into fresh host apps made from the templates in test/pack/.fixtures/, each app served over
 * loopback HTTP and driven in Chromium against the real reference server.
 *
 * The templates live in a dot-folder so that the repository's own `tsc` and ESLint leave them
 * alone: they are other projects, with their own package.json, tsconfig and toolchain
 * (React's JSX, vue-tsc), checked by their own `npm run build` in a temporary folder.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, renameSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Page } from 'playwright-core';

/** The endpoint written in the templates (as in the README); the test server swaps in the real one. */
export const TEMPLATE_ENDPOINT = 'wss://chat.example.com/chat';
/** What `/api/chat-token` of every app answers: the token the reference server accepts. */
export const TOKEN = 'tok-cardmember-ada';
/** A Visa test number, typed into the composer; it must reach the server masked. */
export const CARD = '4111 1111 1111 1111';
export const TYPED = `my card is ${CARD}`;
/** How the composer's text goes out: every digit masked but the last four. */
export const MASKED = /^my card is [•\s]+1111$/;

/**
 * The environment of npm and the tools it starts: without what `npm test` and `node --test`
 * set for their own children (npm_package_*, npm_lifecycle_*, the test runner's context), which
 * would otherwise leak into the apps' installs and builds. npm's cache and registry settings stay.
 */
function childEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'NODE_TEST_CONTEXT' || key === 'NODE_OPTIONS') continue;
    if (key.toLowerCase().startsWith('npm_') && !keep.has(key.toLowerCase())) continue;
    env[key] = value;
  }
  return env;
}

/** Runs a command; resolves with its output, or rejects with the command and its output's tail. */
export function run(command: string, args: string[], cwd: string, why = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) {
        resolve(output);
        return;
      }
      const tail = output.split('\n').slice(-60).join('\n');
      reject(new Error(`\`${command} ${args.join(' ')}\` in ${cwd} exited ${code}${why}\n${tail}`));
    });
  });
}

/**
 * Copies the template `name` to `work/name` and installs it: the packed tarball plus its pinned
 * deps. `mtsAsTs`: the template's `src/*.mts` become `.ts` (Angular's template type-check
 * resolves a component's module without an extension, which finds no `.mts`, and then checks
 * nothing; the templates are `.mts` so that the repository's ESLint leaves them alone).
 */
export async function installApp(
  name: string,
  templates: string,
  work: string,
  options: { mtsAsTs?: boolean } = {},
): Promise<string> {
  const dir = join(work, name);
  cpSync(join(templates, name), dir, { recursive: true });
  if (options.mtsAsTs) {
    for (const file of readdirSync(join(dir, 'src'))) {
      if (file.endsWith('.mts'))
        renameSync(join(dir, 'src', file), join(dir, 'src', file.replace(/\.mts$/, '.ts')));
    }
  }
  await run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    dir,
    ' (npm install: is the npm registry reachable? These tests need it and are not skipped without it)',
  );
  return dir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export interface StaticOptions {
  /** Folders served, the first holding a path wins. */
  roots: string[];
  /** The chat server's WebSocket URL, written where the templates have TEMPLATE_ENDPOINT. */
  endpoint: string;
  /** A Content-Security-Policy header for the pages. */
  csp?: string;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves an app's files over loopback HTTP, as a host's web server would: its pages, its
 * bundles, and `/api/chat-token` (the app's backend handing the signed-in cardmember a token).
 */
export async function serveApp(options: StaticOptions): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (path === '/api/chat-token') {
      res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
      res.end(TOKEN);
      return;
    }
    const relative = normalize(path.endsWith('/') ? `${path}index.html` : path).replace(/^([/\\])+/, '');
    for (const root of options.roots) {
      const file = join(root, relative);
      if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) continue;
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      let body: Buffer | string = readFileSync(file);
      if (type.startsWith('text/html') || type.startsWith('text/javascript')) {
        body = body.toString('utf8').replaceAll(TEMPLATE_ENDPOINT, options.endpoint);
      }
      const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store' };
      if (options.csp && type.startsWith('text/html')) headers['content-security-policy'] = options.csp;
      res.writeHead(200, headers);
      res.end(body);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What went wrong in a page: uncaught errors, console errors, CSP violations. */
export interface PageProblems {
  errors: string[];
}

/** Records a page's uncaught errors, console errors and Content-Security-Policy violations. */
export async function watchProblems(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { errors: [] };
  page.on('pageerror', (error) => problems.errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('__reportViolation', (text: string) => {
    problems.errors.push(`csp: ${text}`);
  });
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as { __reportViolation: (text: string) => void }).__reportViolation;
        report(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} ${event.sample}`);
      },
      true,
    );
  });
  return problems;
}

/** Runs `body`; a failure also lists what went wrong in the page meanwhile (CSP violations first of all). */
export async function explained(problems: PageProblems, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (problems.errors.length === 0) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\nin the page:\n  ${problems.errors.join('\n  ')}`, { cause: error });
  }
}

/** Polls `check` until it returns a value (not undefined/false); fails with `what` after `timeout`. */
export async function until<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeout = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The message frames the reference server (started with `debug`) received, as raw text. */
export async function messageFramesReceived(endpoint: string): Promise<string[]> {
  const response = await fetch(endpoint.replace(/^ws/, 'http').replace(/\/chat$/, '/debug/frames'));
  const body = (await response.json()) as { frames: string[] };
  return body.frames.filter((frame) => (JSON.parse(frame) as { type?: string }).type === 'message');
}

/**
 * One conversation as a cardmember has it: the launcher opens the panel, the assistant greets,
 * a card number typed into the composer and sent with Enter shows masked in the transcript, the
 * server receives only the masked text, and the assistant replies. Then the app's own handler
 * of `amex-chat-message` (each app lists `from: text` in `#messages`) has seen both.
 */
export async function chatThroughTheWidget(page: Page, endpoint: string): Promise<void> {
  await page.locator('amex-chat #launcher').click();
  await page.locator('amex-chat .message.assistant .bubble').first().waitFor();
  const greetings = await page.locator('amex-chat .message.assistant').count();

  const input = page.locator('amex-chat #input');
  await input.fill(TYPED);
  await input.press('Enter');
  const sent = page.locator('amex-chat .message.customer .bubble').first();
  await sent.waitFor();
  const shown = await sent.textContent();
  if (!MASKED.test(shown ?? '')) throw new Error(`the transcript shows "${shown}", not the masked card`);

  const frames = await until(async () => {
    const received = await messageFramesReceived(endpoint);
    return received.length > 0 ? received : undefined;
  }, 'the message frame at the server');
  const texts = frames.map((frame) => (JSON.parse(frame) as { text: string }).text);
  if (texts.length !== 1 || !MASKED.test(texts[0] ?? '')) {
    throw new Error(`the server received ${JSON.stringify(texts)}, not one masked message`);
  }
  for (const frame of frames) {
    if (frame.replace(/\D/g, '').includes(CARD.replace(/\D/g, ''))) {
      throw new Error('the card number reached the server');
    }
  }

  await until(
    async () => (await page.locator('amex-chat .message.assistant').count()) > greetings,
    "the assistant's reply",
  );
  // The app's handler: the masked message, and the reply after it.
  await page
    .locator('#messages li')
    .filter({ hasText: /^customer: my card is [•\s]+1111$/ })
    .waitFor();
  await until(async () => {
    const items = await page.locator('#messages li').allTextContents();
    const mine = items.findIndex((item) => item.startsWith('customer: '));
    return mine >= 0 && items.slice(mine + 1).some((item) => item.startsWith('assistant: '));
  }, "the app's handler seeing the reply");
}
