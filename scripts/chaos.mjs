#!/usr/bin/env node
// `npm run test:chaos`: the chaos test alone (test/chaos/chaos.test.ts: 1,000 customer and 1,000
// agent messages through a fault-injecting proxy), then its result as the LAST line of output:
//   chaos: sent 2000, delivered 2000, lost 0, duplicated 0, reordered 0
// `CHAOS_SEED=<n> npm run test:chaos` replays a run (the seed is printed). Exits with the test
// runner's status. Node 20 has the global WebSocket the client code uses only behind a flag.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'amex-chat-chaos-'));
const resultFile = join(work, 'result.txt');

const result = spawnSync(
  process.execPath,
  [
    '--experimental-websocket',
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    'test/chaos/chaos.test.ts',
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, CHAOS_RESULT_FILE: resultFile } },
);

const line = existsSync(resultFile)
  ? readFileSync(resultFile, 'utf8').trim()
  : 'chaos: no result (the test stopped before counting; see the output above)';
rmSync(work, { recursive: true, force: true });
console.log(line);
process.exit(result.status ?? 1);
