/**
 * The Redis store's fence: an instance that stalls while it holds the transaction lock (a long
 * GC pause, a stopped VM) past the lock's lifetime must not store what it did once it wakes
 * up, because another instance has taken the lock and stored its own transactions meanwhile.
 * Instance A runs here; instance B in another process (so that A's stall does not stall it).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createClient } from 'redis';
import { createConversation } from '../../server/conversation.js';
import { RedisStore } from '../../server/redis-store.js';
import { tx } from '../../server/store.js';
import { sharedRedis } from '../support/cluster.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Instance B: a conversation every 5 ms for `ms`, then prints how many it stored. */
function peerScript(url: string, prefix: string, ms: number): string {
  const store = pathToFileURL(join(ROOT, 'server/redis-store.ts')).href;
  const base = pathToFileURL(join(ROOT, 'server/store.ts')).href;
  const conv = pathToFileURL(join(ROOT, 'server/conversation.ts')).href;
  return `
import { RedisStore } from ${JSON.stringify(store)};
import { tx } from ${JSON.stringify(base)};
import { createConversation } from ${JSON.stringify(conv)};
const b = new RedisStore({ url: ${JSON.stringify(url)}, prefix: ${JSON.stringify(prefix)}, simulate: false, lockTtlMs: 100 });
await b.start({ deliver() {}, timerDue() {} });
console.log('started');
let stored = 0;
const until = Date.now() + ${ms};
while (Date.now() < until) {
  await b.run(() => {
    const c = createConversation('en', undefined);
    b.world.conversations.set(c.id, c);
    tx().touch(c);
  }).then(() => (stored += 1), () => undefined);
  await new Promise((r) => setTimeout(r, 5));
}
console.log('stored ' + stored);
await b.close();
`;
}

describe('Redis store fence', () => {
  it('a stalled instance whose lock expired stores nothing, then carries on from what others stored', async () => {
    const redis = await sharedRedis();
    const prefix = `fence-${process.pid}:`;
    const dir = mkdtempSync(join(tmpdir(), 'amex-chat-fence-'));
    const script = join(dir, 'peer.mts');
    writeFileSync(script, peerScript(redis.url, prefix, 1500));
    const a = new RedisStore({ url: redis.url, prefix, simulate: false, lockTtlMs: 100 });
    await a.start({ deliver: () => undefined, timerDue: () => undefined });
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (data: Buffer) => (out += data.toString()));
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      await new Promise<void>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`instance B exited (${code}) before starting`)));
        const check = (): void => (out.includes('started') ? resolve() : void setTimeout(check, 10));
        check();
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      // A takes the lock, then stalls for 400 ms (four times the lock's lifetime).
      let phantom = '';
      await assert.rejects(
        a.run(() => {
          const c = createConversation('en', undefined);
          phantom = c.id;
          a.world.conversations.set(c.id, c);
          tx().touch(c);
          const until = Date.now() + 400;
          while (Date.now() < until) {
            // stalled
          }
        }),
        /LOCKLOST|VERSION/,
      );
      assert.equal(
        await client.get(`${prefix}conv:${phantom}`),
        null,
        'nothing of the stalled transaction stored',
      );
      await new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const stored = Number(/stored (\d+)/.exec(out)?.[1] ?? 0);
      assert.ok(stored > 0, 'the other instance went on storing');
      // A's next transaction starts from what Redis holds: B's conversations, not the phantom.
      const seen = await a.run(() => [...a.world.conversations.keys()]);
      assert.equal(seen.includes(phantom), false);
      assert.equal(seen.length, await client.sCard(`${prefix}active`));
      assert.equal(seen.length, stored);
    } finally {
      child.kill('SIGKILL');
      await client.close();
      await a.close();
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
