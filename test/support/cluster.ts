/**
 * Test support for the Redis store (not a test file): a real `redis-server` on a free loopback
 * port, a WebSocket peer that keeps every frame, and a round-robin TCP proxy in front of
 * several server instances. `redis-server` must be installed (`npm test` installs it on Debian as
 * root, else stops and names the command): without it the tests that need it fail, they do not skip.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { requireRedisServer } from '../../scripts/prerequisites.mjs';
import { Peer } from './peer.js';

/** A free TCP port on 127.0.0.1 (bound once, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Stops it (SIGTERM: with AOF on, everything acknowledged is on disk). */
  stop(): Promise<void>;
  /** Kills it (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data directory. */
  restart(): Promise<void>;
}

/**
 * Starts `redis-server` on a free loopback port. `durable`: append-only file with fsync on every
 * write, in a temporary directory (kept across `restart()`); otherwise no persistence at all.
 */
export async function startRedis(options: { durable?: boolean } = {}): Promise<RedisServer> {
  // On PATH (scripts/prerequisites.mjs); else an Error naming this system's install command.
  const redisServer = requireRedisServer('the Redis store tests');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'amex-chat-redis-'));
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--daemonize',
    'no',
    '--loglevel',
    'warning',
    ...(options.durable ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']),
  ];
  let child: ChildProcess | undefined;
  async function launch(): Promise<void> {
    child = spawn(redisServer, args, { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (await ping(port)) return;
      if (Date.now() > deadline) throw new Error('redis-server did not start');
      await sleep(20);
    }
  }
  async function end(signal: NodeJS.Signals): Promise<void> {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((resolve) => c.once('exit', resolve));
    c.kill(signal);
    // A redis-server once stayed up after SIGTERM, and the CI run hung here until it was killed
    // by hand; what it acknowledged is on disk already (appendfsync always), so after a grace
    // period it is killed outright rather than waited for forever.
    const grace = signal === 'SIGKILL' ? undefined : setTimeout(() => c.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(grace);
  }
  await launch();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      await end('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
    kill: () => end('SIGKILL'),
    async restart() {
      await end('SIGTERM');
      await launch();
    },
  };
}

/**
 * The Redis that CI started for the run (`REDIS_URL`, .ci/run), or a new one of our own. Tests
 * that share it use their own key prefix; tests that kill or restart Redis start their own.
 */
export async function sharedRedis(): Promise<Pick<RedisServer, 'url' | 'stop'>> {
  const url = process.env['REDIS_URL'];
  if (url) {
    const { hostname, port } = new URL(url);
    assert.ok(
      hostname === '127.0.0.1' && (await ping(Number(port))),
      `REDIS_URL ${url} does not answer on loopback`,
    );
    return { url, stop: () => Promise.resolve() };
  }
  return startRedis();
}

/** Whether a Redis answers PING on the port. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(500);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

// The WebSocket peer lives with the other test helpers (test/support/peer.ts); re-exported for
// the cluster's tests.
export { Peer };

/**
 * A round-robin TCP proxy on a loopback port: each new connection goes to the next target
 * that accepts it (a target that refuses is skipped, as a load balancer's health check would).
 */
export class RoundRobinProxy {
  readonly #server: Server;
  readonly #links = new Set<{ client: Socket; upstream: Socket; target: number }>();
  #targets: number[];
  #next = 0;
  port = 0;

  constructor(targets: number[]) {
    this.#targets = [...targets];
    this.#server = createServer((client) => this.#connect(client, 0));
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.port = (this.#server.address() as AddressInfo).port;
  }

  setTargets(targets: number[]): void {
    this.#targets = [...targets];
  }

  #connect(client: Socket, tries: number): void {
    const target = this.#targets[this.#next++ % this.#targets.length];
    if (target === undefined || tries >= this.#targets.length) {
      client.destroy();
      return;
    }
    client.pause();
    const upstream = connect(target, '127.0.0.1');
    upstream.once('error', () => {
      if (!upstream.remoteAddress) this.#connect(client, tries + 1);
    });
    upstream.once('connect', () => {
      const link = { client, upstream, target };
      this.#links.add(link);
      const end = (): void => {
        this.#links.delete(link);
        client.destroy();
        upstream.destroy();
      };
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
      for (const socket of [client, upstream]) {
        socket.on('error', end);
        socket.on('close', end);
      }
    });
  }

  /** How many open connections go to each target port. */
  spread(): Map<number, number> {
    const out = new Map<number, number>();
    for (const { target } of this.#links) out.set(target, (out.get(target) ?? 0) + 1);
    return out;
  }

  async close(): Promise<void> {
    for (const { client, upstream } of this.#links) {
      client.destroy();
      upstream.destroy();
    }
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

export async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeout = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(20);
  }
}

// The event-stream helpers, for the tests that import them from here.
export { openStream, postFrame, streamKey } from './event-stream.js';
