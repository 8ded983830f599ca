#!/usr/bin/env node
// `npm test`: every suite, then one line `tests: N passed, N failed`.
//   0. What the suites need outside node_modules (scripts/prerequisites.mjs): redis-server for the
//      Node half, Chrome or Chromium for the browser half. On Debian as root, what is missing is
//      installed with apt-get (one line says what and why); elsewhere a missing one stops the run
//      here, before any test, with the command that installs it (and `tests: 0 passed, 1 failed`);
//   1. Node's test runner over test/unit, test/server and test/chaos (TypeScript through tsx);
//   2. web-test-runner in Chrome or Chromium over test/browser and test/e2e (the browser found
//      in step 0, as CHROME_PATH).
// Exits non-zero when any test fails or any runner fails. `npm test -- --node` or `-- --browser`
// runs one half.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePrerequisites } from './prerequisites.mjs';

const only = process.argv.slice(2);
const runNode = only.length === 0 || only.includes('--node');
const runBrowser = only.length === 0 || only.includes('--browser');

// The browser tests need no Redis (the reference server they start keeps conversations in memory).
const prerequisites = ensurePrerequisites({ browser: runBrowser, redis: runNode });
if (!prerequisites.ok) {
  console.error(prerequisites.message);
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), 'amex-chat-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let runnerFailed = false;

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => join(dir, f));
}

if (runNode) {
  const files = [...testFiles('test/unit'), ...testFiles('test/server'), ...testFiles('test/chaos')];
  const tap = join(work, 'node.tap');
  const result = spawnSync(
    process.execPath,
    [
      // Node 20 has a global WebSocket (used by the real client code in chaos tests) only behind this flag.
      '--experimental-websocket',
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { stdio: 'inherit' },
  );
  const out = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(out)?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  totals.skipped += count('skipped') + count('todo');
  if (result.status !== 0) {
    runnerFailed = true;
    if (count('fail') + count('cancelled') === 0) totals.failed += 1;
  }
}

if (runBrowser) {
  const countsFile = join(work, 'wtr.json');
  const result = spawnSync(
    process.execPath,
    ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs'],
    {
      stdio: 'inherit',
      env: { ...process.env, CHROME_PATH: prerequisites.browser, WTR_COUNTS_FILE: countsFile },
    },
  );
  const counts = existsSync(countsFile) ? JSON.parse(readFileSync(countsFile, 'utf8')) : undefined;
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
  }
  if (result.status !== 0) {
    runnerFailed = true;
    if (!counts || counts.failed === 0) totals.failed += 1;
  }
}

rmSync(work, { recursive: true, force: true });
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(runnerFailed || totals.failed > 0 ? 1 : 0);
