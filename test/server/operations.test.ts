/**
 * Operations with the default (in-memory) store: `/healthz` and `/readyz`, and the graceful
 * shutdown of `server/main.ts` on SIGTERM: clients are told to reconnect (1012), the process
 * exits 0 soon after, and its structured log lines say what happened without any message text.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { PROTOCOL_VERSION } from '../../src/protocol.js';
import { startChatServer } from '../../server/chat-server.js';
import { Peer } from '../support/cluster.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('operations (in-memory store)', () => {
  it('answers /healthz and /readyz; after shutdown() nothing listens', async () => {
    const server = await startChatServer({ port: 0 });
    const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    assert.equal(health.status, 200);
    const ready = await fetch(`http://127.0.0.1:${server.port}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { ok: true, version: PROTOCOL_VERSION, store: 'memory' });
    assert.equal(server.storeKind, 'memory');
    await server.shutdown();
    await assert.rejects(fetch(`http://127.0.0.1:${server.port}/healthz`));
  });

  it('SIGTERM: clients told to reconnect (1012), exit 0, JSON logs without message text', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/main.ts', '--port', '0', '--reply-delay', '0'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (data: Buffer) => {
        out += data.toString();
        const match = /listening on (ws:\/\/\S+)/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const customer = await Peer.open(url);
    customer.send({ type: 'hello', v: PROTOCOL_VERSION, lang: 'en' });
    await customer.next((f) => f.type === 'welcome', 'welcome');
    customer.send({ type: 'message', id: 'op-1', text: 'my pangolin question' });
    await customer.next((f) => f.type === 'ack', 'ack');
    const agentConsole = await Peer.open(url.replace(/\/chat$/, '/agent'));
    agentConsole.send({ type: 'agent-hello', v: PROTOCOL_VERSION, name: 'Maria', team: 'general' });
    await agentConsole.next((f) => f.type === 'agent-welcome', 'agent-welcome');

    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await customer.closed, 1012);
    assert.equal(await agentConsole.closed, 1012);
    assert.equal(await exited, 0);
    assert.ok(Date.now() - started < 3000, `exited after ${Date.now() - started} ms`);

    const lines = stderr.split('\n').filter((l) => l.startsWith('{'));
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const msg of ['listening', 'conversation started', 'shutting down', 'stopped']) {
      assert.ok(
        entries.some((e) => e['msg'] === msg),
        `a "${msg}" line`,
      );
    }
    assert.ok(entries.every((e) => typeof e['time'] === 'string'));
    assert.doesNotMatch(stderr, /pangolin/);
  });
});
