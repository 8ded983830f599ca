/**
 * Failover with the Redis store: three reference-server processes (`server/main.ts`,
 * `CHAT_STORE=redis://…`) on loopback ports behind a small round-robin TCP proxy, one real
 * `redis-server` (append-only file). Customers are the widget's real `Conversation` (outbox,
 * resume cursor, backoff; Node's global WebSocket: run with `node --experimental-websocket`),
 * agents are console clients that sign in again and take their conversations back after a
 * disconnect, resending what was not acknowledged. Customers and agents spread over the
 * instances. Mid-conversation one instance is killed (SIGKILL) and started again; later all
 * three are restarted (SIGTERM: graceful shutdown, then new processes). Every message must be
 * delivered exactly once and in order, in the other side's view and in the server's record.
 * Prints `failover: sent N, delivered N, lost N, duplicated N, reordered N`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { PROTOCOL_VERSION } from '../../src/protocol.js';
import type { ChatEvent } from '../../src/protocol.js';
import { Conversation } from '../../src/conversation/index.js';
import type { ConversationStore, SavedConversation } from '../../src/conversation/persistence.js';
import { RoundRobinProxy, freePort, startRedis, until } from '../support/cluster.js';
import type { RedisServer } from '../support/cluster.js';
import { storedConversations } from '../support/server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CUSTOMERS = 6;
const AGENTS = 3;
/** Messages each customer sends, and each agent sends into each of its conversations. */
const PER_SENDER = 24;
const INTERVAL_MS = 150;

/** Numbers as letters (a = 0 … j = 9): digits would be fair game for the redaction engine. */
const letters = (n: number): string =>
  String(n)
    .padStart(3, '0')
    .replace(/\d/g, (d) => 'abcdefghij'.charAt(Number(d)));

/** One `server/main.ts` process on a fixed port. */
class Instance {
  readonly port: number;
  readonly #env: NodeJS.ProcessEnv;
  #child: ChildProcess | undefined;
  readonly logs: string[] = [];

  constructor(port: number, env: NodeJS.ProcessEnv) {
    this.port = port;
    this.#env = env;
  }

  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'server/main.ts',
        '--port',
        String(this.port),
        '--reply-delay',
        '0',
        '--simulated-agent',
        'off',
        '--debug',
        '--max-connections-per-ip',
        '500',
        '--ip-rate-limit',
        '5000,5000',
        '--rate-limit',
        '500,500',
      ],
      { cwd: ROOT, env: { ...process.env, ...this.#env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.#child = child;
    child.stderr?.on('data', (data: Buffer) =>
      this.logs.push(...data.toString().split('\n').filter(Boolean)),
    );
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (data: Buffer) => {
        out += data.toString();
        if (out.includes('listening on')) resolve();
      });
      child.once('exit', (code) =>
        reject(new Error(`instance on ${this.port} exited (${code}) before listening`)),
      );
    });
  }

  /** SIGKILL: a crash. */
  kill(): Promise<void> {
    return this.#end('SIGKILL');
  }

  /** SIGTERM: graceful shutdown (clients told to reconnect elsewhere). */
  stop(): Promise<void> {
    return this.#end('SIGTERM');
  }

  async #end(signal: NodeJS.Signals): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}

/** Keeps what the widget would keep in sessionStorage, in memory (and shows the conversation id). */
function memoryStore(): ConversationStore & { saved: SavedConversation | undefined } {
  return {
    saved: undefined,
    load() {
      return this.saved;
    },
    save(state) {
      this.saved = state;
    },
    clear() {
      this.saved = undefined;
    },
  };
}

/**
 * An agent console that does what a person would after a disconnect: reconnect (through the
 * proxy, so to any instance), sign in, take its conversations back when they are in line
 * again, and resend every message not acknowledged (same id: the server stores it once).
 */
class Agent {
  readonly name: string;
  readonly url: string;
  /** Its conversations. */
  readonly mine = new Set<string>();
  /** Events seen per conversation, by seq (a console dedupes by seq like the widget). */
  readonly events = new Map<string, Map<number, ChatEvent>>();
  /** Every copy of every customer message id received (to count duplicates by seq). */
  readonly pending = new Map<string, { conversationId: string; text: string }>();
  readonly held = new Set<string>();
  readonly sent: { conversationId: string; id: string; text: string }[] = [];
  #ws: WebSocket | undefined;
  #stopped = false;
  reconnects = 0;

  constructor(name: string, url: string) {
    this.name = name;
    this.url = url;
  }

  connect(): void {
    if (this.#stopped) return;
    const ws = new WebSocket(this.url);
    this.#ws = ws;
    ws.on('open', () =>
      ws.send(JSON.stringify({ type: 'agent-hello', v: PROTOCOL_VERSION, name: this.name, team: 'general' })),
    );
    ws.on('message', (data: Buffer) => this.#frame(JSON.parse(data.toString()) as Record<string, unknown>));
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (this.#ws !== ws) return;
      this.held.clear();
      this.#ws = undefined;
      if (this.#stopped) return;
      this.reconnects += 1;
      setTimeout(() => this.connect(), 100 + Math.random() * 200);
    });
  }

  #send(frame: unknown): void {
    if (this.#ws?.readyState === WebSocket.OPEN) this.#ws.send(JSON.stringify(frame));
  }

  #record(conversationId: string, event: ChatEvent): void {
    let map = this.events.get(conversationId);
    if (!map) {
      map = new Map();
      this.events.set(conversationId, map);
    }
    const known = map.get(event.seq);
    if (known) assert.equal(known.id, event.id, `seq ${event.seq} is one event`);
    map.set(event.seq, event);
  }

  #frame(frame: Record<string, unknown>): void {
    switch (frame['type']) {
      case 'board':
        for (const w of frame['waiting'] as { conversationId: string }[]) {
          if (this.mine.has(w.conversationId))
            this.#send({ type: 'accept', conversationId: w.conversationId });
        }
        return;
      case 'assigned': {
        const conversationId = frame['conversationId'] as string;
        this.held.add(conversationId);
        for (const event of frame['events'] as ChatEvent[]) this.#record(conversationId, event);
        // What was not acknowledged goes again, with the same ids.
        for (const [id, p] of this.pending) {
          if (p.conversationId === conversationId)
            this.#send({ type: 'say', conversationId, id, text: p.text });
        }
        return;
      }
      case 'conversation-event':
        this.#record(frame['conversationId'] as string, frame['event'] as ChatEvent);
        return;
      case 'ack':
        this.pending.delete(frame['id'] as string);
        return;
      default:
        return;
    }
  }

  say(conversationId: string, text: string): void {
    const id = randomUUID();
    this.pending.set(id, { conversationId, text });
    this.sent.push({ conversationId, id, text });
    if (this.held.has(conversationId)) this.#send({ type: 'say', conversationId, id, text });
  }

  stop(): void {
    this.#stopped = true;
    this.#ws?.close();
  }
}

describe('failover with the Redis store', () => {
  let redis: RedisServer;
  let instances: Instance[] = [];
  let proxy: RoundRobinProxy | undefined;
  const customers: { conversation: Conversation; store: ReturnType<typeof memoryStore>; sent: string[] }[] =
    [];
  const agents: Agent[] = [];

  before(async () => {
    redis = await startRedis({ durable: true });
  });

  after(async () => {
    for (const c of customers) c.conversation.stop();
    for (const a of agents) a.stop();
    await proxy?.close();
    await Promise.all(instances.map((i) => i.kill()));
    await redis.stop();
  });

  it('three instances, one killed and all restarted: every message exactly once, in order', async () => {
    const env = {
      CHAT_STORE: redis.url,
      CHAT_STORE_PREFIX: `failover-${process.pid}:`,
      CHAT_DRAIN_MS: '2000',
    };
    instances = await Promise.all(Array.from({ length: 3 }, async () => new Instance(await freePort(), env)));
    await Promise.all(instances.map((i) => i.start()));
    proxy = new RoundRobinProxy(instances.map((i) => i.port));
    await proxy.listen();
    const chatUrl = `ws://127.0.0.1:${proxy.port}/chat`;
    const agentUrl = `ws://127.0.0.1:${proxy.port}/agent`;

    // Customers and agents, spread over the instances by the proxy.
    for (let i = 0; i < CUSTOMERS; i++) {
      const store = memoryStore();
      const conversation = new Conversation({
        endpoint: chatUrl,
        lang: 'en',
        transport: 'websocket',
        store,
        heartbeatInterval: 300,
        deadAfter: 1500,
      });
      conversation.start();
      customers.push({ conversation, store, sent: [] });
    }
    for (let i = 0; i < AGENTS; i++) agents.push(new Agent(`Agent ${'ABC'.charAt(i)}`, agentUrl));
    await until('every customer welcomed', () => customers.every((c) => c.store.saved !== undefined));
    customers.forEach((c, i) => {
      const id = c.store.saved?.conversationId ?? '';
      agents[i % AGENTS]?.mine.add(id);
    });
    for (const a of agents) a.connect();
    for (const c of customers) {
      const ask = 'I want to talk to an agent';
      assert.ok(c.conversation.send(ask).ok);
      c.sent.push(ask);
    }
    await until(
      'every conversation with its agent',
      () => agents.every((a) => a.held.size === a.mine.size),
      20_000,
    );
    const spread = proxy.spread();
    assert.ok(spread.size === 3, `connections on every instance: ${JSON.stringify([...spread])}`);

    // The conversation: everyone writes, while one instance is killed and started again, and
    // later all three are restarted.
    const sending = (async () => {
      for (let n = 0; n < PER_SENDER; n++) {
        for (const c of customers) {
          const text = `customer line ${letters(n)}`;
          const result = c.conversation.send(text);
          assert.ok(result.ok, `send ${text}`);
          c.sent.push(text);
        }
        for (const a of agents) for (const id of a.mine) a.say(id, `agent line ${letters(n)}`);
        await sleep(INTERVAL_MS);
      }
    })();
    await sleep(INTERVAL_MS * 5);
    const victim = instances[1];
    assert.ok(victim);
    await victim.kill();
    await sleep(INTERVAL_MS * 5);
    await victim.start();
    await sleep(INTERVAL_MS * 5);
    await Promise.all(instances.map((i) => i.stop()));
    await Promise.all(instances.map((i) => i.start()));
    await sending;

    // Everything acknowledged, then everything delivered.
    await until(
      'every customer message acknowledged',
      () =>
        customers.every((c) =>
          c.conversation.messages.every((m) => m.from !== 'customer' || m.status === 'sent'),
        ),
      40_000,
    );
    await until('every agent message acknowledged', () => agents.every((a) => a.pending.size === 0), 40_000);
    const agentTexts = (conversationId: string): string[] =>
      agents.flatMap((a) => a.sent.filter((s) => s.conversationId === conversationId).map((s) => s.text));
    await until(
      'every message at the other side',
      () =>
        customers.every((c) => {
          const id = c.store.saved?.conversationId ?? '';
          const agent = agents.find((a) => a.mine.has(id));
          const atAgent = [...(agent?.events.get(id)?.values() ?? [])].filter((e) => e.from === 'customer');
          const atCustomer = c.conversation.messages.filter((m) => m.from === 'agent');
          return atAgent.length >= c.sent.length && atCustomer.length >= agentTexts(id).length;
        }),
      40_000,
    );

    // Count, from each receiver's view and from the server's record.
    let sent = 0;
    let delivered = 0;
    let lost = 0;
    let duplicated = 0;
    let reordered = 0;
    const record = new Map((await storedConversations(instances[0]?.port ?? 0)).map((c) => [c.id, c.events]));
    function tally(expected: string[], got: string[]): void {
      sent += expected.length;
      const counts = new Map<string, number>();
      for (const text of got) counts.set(text, (counts.get(text) ?? 0) + 1);
      for (const text of expected) {
        const n = counts.get(text) ?? 0;
        if (n === 0) lost += 1;
        else delivered += 1;
        if (n > 1) duplicated += n - 1;
      }
      // In order: the first copies, in the order received, are the messages sent, in the order sent.
      const firstCopies = [...new Set(got)].filter((t) => expected.includes(t));
      const want = expected.filter((t) => counts.has(t));
      firstCopies.forEach((t, i) => {
        if (t !== want[i]) reordered += 1;
      });
    }
    for (const c of customers) {
      const id = c.store.saved?.conversationId ?? '';
      const agent = agents.find((a) => a.mine.has(id));
      const atAgent = [...(agent?.events.get(id)?.values() ?? [])].sort((x, y) => x.seq - y.seq);
      // Customer → agent, as the agent saw it (deduped by seq only: a message stored twice shows).
      tally(
        c.sent,
        atAgent.filter((e) => e.from === 'customer').map((e) => e.text),
      );
      // Agent → customer, in the widget's transcript.
      tally(
        agentTexts(id),
        c.conversation.messages.filter((m) => m.from === 'agent').map((m) => m.text),
      );
      // The server's record: gapless, each message once.
      const events = record.get(id) ?? [];
      assert.deepEqual(
        events.map((e) => e.seq),
        events.map((_, i) => i + 1),
      );
      assert.equal(events.filter((e) => e.from === 'customer').length, c.sent.length, 'stored once each');
      assert.equal(
        events.filter((e) => e.from === 'agent').length,
        agentTexts(id).length,
        'stored once each',
      );
      // The transcript: every event once.
      const seen = c.conversation.messages.map((m) => m.id);
      assert.equal(new Set(seen).size, seen.length, 'nothing twice in the transcript');
    }
    const line = `failover: sent ${sent}, delivered ${delivered}, lost ${lost}, duplicated ${duplicated}, reordered ${reordered}`;
    console.log(line);
    console.log(`failover: agent reconnects ${agents.map((a) => a.reconnects).join(', ')}`);
    if (process.env['FAILOVER_LOGS']) {
      const counts = new Map<string, number>();
      for (const entry of instances.flatMap((i) => i.logs)) {
        const msg = entry.startsWith('{')
          ? String((JSON.parse(entry) as { msg?: string }).msg)
          : entry.slice(0, 40);
        counts.set(msg, (counts.get(msg) ?? 0) + 1);
      }
      console.log(counts);
    }
    assert.equal(lost, 0, line);
    assert.equal(duplicated, 0, line);
    assert.equal(reordered, 0, line);
    assert.equal(delivered, sent, line);
    // Logs: JSON lines, never the text of a message.
    for (const instance of instances) {
      for (const entry of instance.logs) {
        if (!entry.startsWith('{')) continue;
        assert.doesNotMatch(entry, /customer line|agent line|talk to an agent/);
      }
    }
  });
});
