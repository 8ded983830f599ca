/**
 * `npm run bench:load`: a bounded load test on loopback. N concurrent conversations (default
 * 500) between customers and agents exchange messages through two reference-server instances
 * sharing one `redis-server` (each customer on one instance, its agent on the other, so every
 * message crosses instances through Redis); then the same through one instance with the
 * in-memory store, for comparison. Reports throughput and p50/p99 delivery latency (from the
 * sender's `send` to the other side's receipt of the event) in `bench/load-results.md`.
 *
 * Options: `--conversations N` (500), `--rounds R` (10 round trips per conversation),
 * `--agents A` (10), `--skip-memory`. Bounded: each phase has a deadline (60 s) and the run
 * stops everything it started. Needs `redis-server` on the PATH.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { WebSocket } from 'ws';
import { requireRedisServer } from '../scripts/prerequisites.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    conversations: { type: 'string', default: '500' },
    rounds: { type: 'string', default: '10' },
    agents: { type: 'string', default: '10' },
    'skip-memory': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/load-results.md' },
  },
});
const N = Number(values.conversations);
const ROUNDS = Number(values.rounds);
const AGENTS = Number(values.agents);
const PHASE_MS = 60_000;

type Frame = { type: string; [key: string]: unknown };
interface EventLike {
  seq: number;
  from: string;
  text: string;
}

/** Numbers as letters (a = 0 … j = 9), so that nothing in a message looks like card data. */
const letters = (n: number): string => String(n).replace(/\d/g, (d) => 'abcdefghij'.charAt(Number(d)));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function until(what: string, check: () => boolean, timeout = PHASE_MS): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(10);
  }
}

const children: ChildProcess[] = [];
function stopAll(): void {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
process.on('exit', stopAll);

async function startRedis(): Promise<{ url: string; stop: () => void }> {
  const redisServer = requireRedisServer('bench/load.ts');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'amex-chat-load-'));
  // The settings docs/deploy.md recommends: AOF, fsync every second.
  const child = spawn(
    redisServer,
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''],
      ...['--appendonly', 'yes', '--appendfsync', 'everysec', '--loglevel', 'warning'],
    ],
    { stdio: 'ignore' },
  );
  children.push(child);
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const ws = createServer();
      ws.once('error', () => resolve(true));
      ws.listen(port, '127.0.0.1', () => ws.close(() => resolve(false)));
    });
    if (ok) break;
    await sleep(20);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop() {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One `server/main.ts` process. */
async function startInstance(env: Record<string, string>): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...['--import', 'tsx', 'server/main.ts', '--port', String(port), '--quiet'],
      ...['--reply-delay', '0', '--simulated-agent', 'off', '--max-queue', '100000'],
      ...['--max-connections-per-ip', '100000', '--max-agent-connections-per-ip', '100000'],
      ...['--ip-rate-limit', '10000000,10000000', '--rate-limit', '1000000,1000000'],
    ],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (data: Buffer) => {
      out += data.toString();
      if (out.includes('listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`instance exited (${code})`)));
  });
  return { port, child };
}

class Client {
  readonly ws: WebSocket;
  readonly opened: Promise<void>;
  onFrame: (frame: Frame) => void = () => undefined;

  constructor(url: string) {
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.ws.on('message', (data: Buffer) => this.onFrame(JSON.parse(data.toString()) as Frame));
  }

  send(frame: unknown): void {
    this.ws.send(JSON.stringify(frame));
  }
}

interface Result {
  label: string;
  instances: number;
  conversations: number;
  messages: number;
  seconds: number;
  throughput: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  setupSeconds: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** One run: N conversations over `ports` (customer on one, its agent on the next). */
async function run(label: string, ports: number[], n = N): Promise<Result> {
  const setupStart = performance.now();
  const url = (i: number, path: string): string => `ws://127.0.0.1:${ports[i % ports.length] ?? 0}/${path}`;

  // Agents: agent a on instance a % instances.
  const agents = Array.from({ length: AGENTS }, (_, a) => new Client(url(a, 'agent')));
  await Promise.all(agents.map((a) => a.opened));
  /** conversation id → its agent index, and back. */
  const agentOf = new Map<string, number>();
  const customerOf = new Map<string, Customer>();
  const latencies: number[] = [];
  let delivered = 0;

  interface Customer {
    client: Client;
    conversationId: string;
    welcomed: boolean;
    assigned: boolean;
    round: number;
    sentAt: number;
  }

  const held = new Set<string>();
  agents.forEach((agent, a) => {
    agent.onFrame = (f) => {
      if (f.type === 'board') {
        for (const w of f['waiting'] as { conversationId: string }[]) {
          if (agentOf.get(w.conversationId) === a)
            agent.send({ type: 'accept', conversationId: w.conversationId });
        }
      } else if (f.type === 'assigned') {
        held.add(f['conversationId'] as string);
      } else if (f.type === 'conversation-event') {
        const event = f['event'] as EventLike;
        if (event.from !== 'customer') return;
        const c = customerOf.get(f['conversationId'] as string);
        if (!c || !event.text.startsWith('load ')) return;
        // Customer → agent delivered; the agent answers at once.
        latencies.push(performance.now() - c.sentAt);
        delivered += 1;
        c.sentAt = performance.now();
        agent.send({
          type: 'say',
          conversationId: c.conversationId,
          id: `a-${c.conversationId}-${c.round}`,
          text: `reply ${letters(c.round)}`,
        });
      }
    };
    agent.send({ type: 'agent-hello', v: '1.1', name: `Agent ${letters(a)}`, team: 'general' });
  });

  // Customers: customer i on instance i % instances; its agent on another instance.
  const customers: Customer[] = [];
  let finished = 0;
  const BATCH = 50;
  for (let start = 0; start < n; start += BATCH) {
    const batch: Customer[] = [];
    for (let i = start; i < Math.min(n, start + BATCH); i++) {
      const client = new Client(url(i, 'chat'));
      const c: Customer = {
        client,
        conversationId: '',
        welcomed: false,
        assigned: false,
        round: 0,
        sentAt: 0,
      };
      client.onFrame = (f) => {
        if (f.type === 'welcome') {
          c.conversationId = f['conversationId'] as string;
          // An agent on the next instance: same parity as i + 1.
          const perInstance = Math.max(1, Math.floor(AGENTS / ports.length));
          const agent =
            ((i + 1) % ports.length) + ports.length * (Math.floor(i / ports.length) % perInstance);
          agentOf.set(c.conversationId, agent % AGENTS);
          customerOf.set(c.conversationId, c);
          c.welcomed = true;
          client.send({ type: 'message', id: `ask-${i}`, text: 'I want to talk to an agent' });
        } else if (f.type === 'event') {
          const event = f['event'] as EventLike;
          if (event.from === 'agent' && event.text.startsWith('reply ')) {
            latencies.push(performance.now() - c.sentAt);
            delivered += 1;
            c.round += 1;
            if (c.round >= ROUNDS) {
              finished += 1;
              return;
            }
            c.sentAt = performance.now();
            client.send({
              type: 'message',
              id: `m-${i}-${c.round}`,
              text: `load ${letters(i)} ${letters(c.round)}`,
            });
          }
        }
      };
      batch.push(c);
      customers.push(c);
    }
    await Promise.all(batch.map((c) => c.client.opened));
    for (const c of batch) c.client.send({ type: 'hello', v: '1.1', lang: 'en' });
    await until('the batch with its agents', () => batch.every((c) => held.has(c.conversationId)));
  }
  const setupSeconds = (performance.now() - setupStart) / 1000;

  // Measured: every conversation does ROUNDS round trips, all at once.
  latencies.length = 0;
  delivered = 0;
  const start = performance.now();
  customers.forEach((c, i) => {
    c.sentAt = performance.now();
    c.client.send({ type: 'message', id: `m-${i}-0`, text: `load ${letters(i)} ${letters(0)}` });
  });
  await until('every round trip', () => finished === customers.length);
  const seconds = (performance.now() - start) / 1000;
  for (const c of customers) c.client.ws.terminate();
  for (const a of agents) a.ws.terminate();
  const sorted = [...latencies].sort((x, y) => x - y);
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  return {
    label,
    instances: ports.length,
    conversations: customers.length,
    messages: delivered,
    seconds: Math.round(seconds * 100) / 100,
    throughput: Math.round(delivered / seconds),
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    setupSeconds: Math.round(setupSeconds * 10) / 10,
  };
}

const results: Result[] = [];
const started = Date.now();
try {
  const redis = await startRedis();
  const env = { CHAT_STORE: redis.url, CHAT_STORE_PREFIX: `load-${process.pid}:` };
  const two = await Promise.all([startInstance(env), startInstance(env)]);
  const ports = two.map((i) => i.port);
  results.push(await run('Redis store, 2 instances (customer and agent on different instances)', ports));
  // The same at a tenth of the load: the latency when nothing queues up.
  const light = Math.max(1, Math.round(N / 10));
  results.push(await run(`Redis store, 2 instances, light load`, ports, light));
  for (const i of two) i.child.kill('SIGTERM');
  redis.stop();
  if (!values['skip-memory']) {
    const one = await startInstance({ CHAT_STORE: 'memory' });
    results.push(await run('in-memory store, 1 instance (baseline)', [one.port]));
    results.push(
      await run('in-memory store, 1 instance, light load', [one.port], Math.max(1, Math.round(N / 10))),
    );
    one.child.kill('SIGTERM');
  }
} finally {
  stopAll();
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  '# Load test (bench/load.ts)',
  '',
  `\`npm run bench:load\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpus().length} × ${cpu}, loopback, ` +
    `everything on one machine (the servers, redis-server with AOF fsync every second, and the load generator). ` +
    `${N} conversations, each a customer and an agent doing ${ROUNDS} round trips (customer message → agent, agent reply → customer) ` +
    `all at once; ${AGENTS} agent consoles. Latency: from the sender's frame to the other side's receipt of the stored event ` +
    `(includes the ack-before-delivery transaction: lock, Lua commit, feed). Setup (joining, queueing, accepting) is not measured.`,
  '',
  '| run | instances | conversations | messages delivered | time (s) | throughput (msg/s) | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...results.map(
    (r) =>
      `| ${r.label} | ${r.instances} | ${r.conversations} | ${r.messages} | ${r.seconds} | ${r.throughput} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} |`,
  ),
  '',
  `Whole run ${Math.round((Date.now() - started) / 1000)} s including setup.`,
  '',
];
// Formatted as `npm run format:check` wants it (the table's columns aligned).
const markdown = await format(lines.join('\n'), {
  ...((await resolveConfig(values.out)) ?? {}),
  filepath: values.out,
});
writeFileSync(values.out, markdown);
console.log(markdown);
