/**
 * The Redis store (`CHAT_STORE=redis://host:6379`): several reference-server instances behind a
 * load balancer share every conversation, the queues, the people signed in and the case
 * counter, and all of it survives restarting every instance. Client: node-redis (`redis`).
 *
 * Keys (prefix `amex-chat:` by default):
 *
 * | key                  | type   | what                                                                 |
 * | -------------------- | ------ | -------------------------------------------------------------------- |
 * | `events:{id}`        | stream | a conversation's events; entry id `{seq}-0` (the resume cursor)       |
 * | `conv:{id}`          | string | the conversation without its events (JSON: phase, owner, assistant…)  |
 * | `active`             | set    | ids of the conversations not ended (loaded when an instance starts)   |
 * | `case:{ref}`         | string | a complaint, or the case a chat ended with (JSON, model.ts CaseRecord) |
 * | `cases`              | set    | the references of the cases kept (loaded when an instance starts)     |
 * | `center`             | string | queues, people signed in, simulated agent switch, case counter (JSON) |
 * | `version`            | int    | number of transactions stored                                         |
 * | `feed`               | stream | one entry per transaction (id `{version}-0`): what changed, for peers |
 * | `lock`               | string | the transaction lock (token, expires after `lockTtlMs`)               |
 * | `instance:{id}`      | string | an instance's heartbeat (expires 5 s after its last beat)             |
 * | `stream:{id}`        | string | the instance holding an event stream (its POSTs are forwarded there)  |
 *
 * How a transaction runs: the instance takes the lock (which also tells it the current
 * version), waits until it has applied every earlier transaction from the feed, runs the
 * queued operations against its copy of the world (synchronous code, unchanged from one
 * process), then one Lua script checks the lock is still its own and the version unchanged
 * (a fence against a paused instance whose lock expired), appends the new events to their
 * streams with explicit ids (gapless seq), writes the changed conversations and the center,
 * adds the feed entry and lets go of the lock. Operations that arrive meanwhile wait for the
 * next turn and go in together (group commit). The other instances follow the feed with a
 * blocking XREAD, apply each entry in order and deliver its frames to their own connections.
 *
 * Transactions of all instances are serialized by the one lock; what scales out is everything
 * around them (sockets, TLS, JSON, redaction, replay). docs/deploy.md has the numbers.
 *
 * Timers (the assistant's typing pause, the simulated agent) are stored with their
 * conversation: the instance that set one runs it when due, any other when it is overdue by
 * `TIMER_GRACE_MS` (the first one wins; a timer runs once). People signed in on an instance
 * that stops beating are signed out by the others, and their conversations go back in line.
 *
 * Its parts: the scripts and the commit's arguments (redis-store/scripts.ts), the reads
 * (redis-store/reads.ts), and the heartbeats and event-stream registry (redis-store/instances.ts).
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';
import { emptyCenter, restore } from './model.js';
import type { PendingTimer, World } from './model.js';
import { HEARTBEAT_MS, Instances } from './redis-store/instances.js';
import { readConversation, readEvents, readWorld } from './redis-store/reads.js';
import { ACQUIRE, RELEASE, commitCommand } from './redis-store/scripts.js';
import type { FeedEntry, RedisClient } from './redis-store/scripts.js';
import { TimerTable } from './store.js';
import type { Store, StoreHooks, StreamRegistry } from './store.js';
import { Changes } from './transaction.js';

/** How long each step of closing waits for Redis before it goes on without it. */
const CLOSE_STEP_MS = 2000;

/** Waits until `work` settles or {@link CLOSE_STEP_MS} pass, whichever is first; never throws. */
async function settled(work: Promise<unknown> | undefined): Promise<void> {
  if (!work) return;
  const done = new AbortController();
  const late = sleep(CLOSE_STEP_MS, undefined, { signal: done.signal }).catch(() => undefined);
  await Promise.race([work.catch(() => undefined), late]);
  done.abort();
}

export interface RedisStoreOptions {
  url: string;
  /** This instance's id. Default: a random one. */
  instance?: string;
  /** Prefix of every key. Default `amex-chat:`. */
  prefix?: string | undefined;
  /** The simulated agent's switch when the center is new. */
  simulate: boolean;
  /** How long an ended conversation is kept after its last change, in s. Default 30 days. */
  retentionSeconds?: number | undefined;
  log?: (entry: Record<string, unknown>) => void;
  /** The lock's lifetime: how long a stopped instance can hold up the others. Default 2000 ms. */
  lockTtlMs?: number;
  /** Longest wait for the lock before a transaction fails. Default 5000 ms. */
  lockWaitMs?: number;
  /** How long an ended conversation stays in an instance's memory once idle. Default 10 min. */
  idleMs?: number | undefined;
}

interface Queued {
  op: () => unknown;
  load: string | undefined;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** A peer runs a timer when it is this late (the instance that set it may be gone). */
const TIMER_GRACE_MS = 1500;
/** Most operations in one transaction. */
const BATCH = 500;

export class RedisStore implements Store {
  readonly kind = 'redis';
  readonly instance: string;
  readonly world: World;
  readonly #options: RedisStoreOptions;
  readonly #prefix: string;
  readonly #retentionMs: number;
  readonly #lockTtl: number;
  readonly #lockWait: number;
  readonly #idleMs: number;
  readonly #log: (entry: Record<string, unknown>) => void;
  readonly #cmd: RedisClient;
  readonly #feed: RedisClient;
  readonly #timers = new TimerTable();
  readonly #instances: Instances;
  #hooks: StoreHooks | undefined;
  /** The last version applied to `world` (own transactions and the feed's). */
  #applied = 0;
  #cursor = '0-0';
  #queue: Queued[] = [];
  #pumping: Promise<void> | undefined;
  /** The own commit in flight, if any (a feed entry after it waits for it). */
  #committing: Promise<unknown> | undefined;
  #reload = false;
  #started = false;
  #closing = false;
  #closed = false;
  #intervals: ReturnType<typeof setInterval>[] = [];
  #feedLoop: Promise<void> | undefined;

  constructor(options: RedisStoreOptions) {
    this.#options = options;
    this.instance = options.instance ?? randomUUID();
    this.#prefix = options.prefix ?? 'amex-chat:';
    this.#retentionMs = (options.retentionSeconds ?? 30 * 24 * 3600) * 1000;
    this.#lockTtl = options.lockTtlMs ?? 2000;
    this.#lockWait = options.lockWaitMs ?? 5000;
    this.#idleMs = options.idleMs ?? 10 * 60_000;
    this.#log = options.log ?? (() => undefined);
    this.world = { conversations: new Map(), center: emptyCenter(options.simulate), cases: new Map() };
    const reconnectStrategy = (retries: number): number => Math.min(50 * 2 ** retries, 1000);
    // Commands fail at once while Redis is unreachable (no offline queue): a transaction that
    // cannot be stored is refused, its client reconnects and resends, /readyz says 503.
    this.#cmd = createClient({ url: options.url, socket: { reconnectStrategy }, disableOfflineQueue: true });
    this.#feed = this.#cmd.duplicate();
    this.#instances = new Instances(this.#cmd, this.#prefix, this.instance, () => this.#closed);
    for (const [name, client] of [
      ['command', this.#cmd],
      ['feed', this.#feed],
    ] as const) {
      let down = false;
      // Without a listener an error would crash the process; the client reconnects by itself.
      client.on('error', (error: unknown) => {
        if (down || this.#closed) return;
        down = true;
        this.#log({
          msg: 'redis connection lost',
          level: 'warn',
          connection: name,
          error: error instanceof Error ? error.constructor.name : 'unknown',
        });
      });
      client.on('ready', () => {
        if (down) this.#log({ msg: 'redis connection back', connection: name });
        down = false;
      });
    }
  }

  /** Where the event streams are: held by instances that beat (redis-store/instances.ts). */
  get streams(): StreamRegistry {
    return this.#instances.streams;
  }

  get ready(): boolean {
    return this.#started && !this.#closing && this.#cmd.isReady && this.#feed.isReady;
  }

  async start(hooks: StoreHooks): Promise<void> {
    this.#hooks = hooks;
    await Promise.all([this.#cmd.connect(), this.#feed.connect()]);
    const { token, version } = await this.#acquire();
    try {
      await this.#load(version);
    } finally {
      await this.#eval(RELEASE, token);
    }
    this.#started = true;
    await this.#instances.beat();
    this.#intervals.push(
      setInterval(() => void this.#instances.beat(), HEARTBEAT_MS),
      setInterval(() => void this.#reap(), HEARTBEAT_MS),
      setInterval(() => this.#evict(), Math.max(100, Math.min(60_000, this.#idleMs))),
    );
    for (const interval of this.#intervals) interval.unref();
    this.#feedLoop = this.#follow();
  }

  run<T>(op: () => T, load?: string): Promise<T> {
    if (this.#closed) return Promise.reject(new Error('the store is closed'));
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ op, load, resolve: resolve as (value: unknown) => void, reject });
      this.#pumping ??= this.#pump().finally(() => {
        this.#pumping = undefined;
      });
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closing = true;
    // Transactions already queued are stored first.
    const deadline = Date.now() + 5000;
    while ((this.#pumping || this.#queue.length > 0) && Date.now() < deadline) {
      await settled(this.#pumping ?? sleep(10));
    }
    this.#closed = true;
    for (const interval of this.#intervals) clearInterval(interval);
    this.#timers.clear();
    // Each step waits at most CLOSE_STEP_MS: a client whose connection died mid-command may
    // never settle its promise, and a shutdown must end (a test run once hung here).
    await settled(this.#instances.stop());
    this.#feed.destroy();
    await settled(this.#feedLoop);
    await settled(this.#cmd.close());
    try {
      if (this.#cmd.isOpen) this.#cmd.destroy();
    } catch {
      // Already gone.
    }
  }

  // ---- transactions ---------------------------------------------------------------------

  async #pump(): Promise<void> {
    while ((this.#queue.length > 0 || this.#reload) && !this.#isClosed()) {
      const batch = this.#queue.splice(0, BATCH);
      let lock: { token: string; version: number };
      try {
        lock = await this.#acquire();
      } catch (error) {
        // Redis unreachable (commands fail at once) or the lock never came: refuse, pause.
        for (const item of batch) item.reject(error);
        await sleep(100);
        continue;
      }
      try {
        await this.#catchUp(lock.version);
        // Conversations the operations need that this instance had let go of (under the lock,
        // Redis holds exactly the version the world is at).
        for (const id of new Set(batch.map((item) => item.load))) {
          if (id !== undefined && !this.world.conversations.has(id)) await this.#fetch(id);
        }
        const changes = new Changes(this.instance, this.world);
        const results = batch.map((item) => changes.apply(item.op));
        if (changes.touched.size > 0 || changes.steps.length > 0 || changes.cases.length > 0) {
          const committing = this.#commit(lock.token, lock.version, changes);
          this.#committing = committing;
          const version = await committing;
          this.#applied = version;
        } else {
          await this.#eval(RELEASE, lock.token);
        }
        this.#committing = undefined;
        for (const { conversationId, timer } of changes.timers) this.#arm(conversationId, timer, 0);
        changes.deliver(this.#hooks);
        batch.forEach((item, i) => {
          const result = results[i];
          if (result && 'value' in result) item.resolve(result.value);
          else item.reject(result?.error);
        });
      } catch (error) {
        this.#committing = undefined;
        // Not stored (Redis went away, or the lock expired under a paused process): the world
        // may hold changes nobody else has. Reload it before the next transaction.
        this.#reload = true;
        this.#log({ msg: 'transaction not stored', level: 'warn', error: errorName(error) });
        await this.#eval(RELEASE, lock.token).catch(() => undefined);
        for (const item of batch) item.reject(error);
        if (this.#closed) return;
        await sleep(50);
      }
    }
  }

  /** Waits until the world is at `version` (the feed catches up), or reloads it. */
  async #catchUp(version: number): Promise<void> {
    const deadline = Date.now() + 1000;
    while (!this.#reload && this.#applied < version && Date.now() < deadline) await sleep(1);
    if (this.#reload || this.#applied !== version) await this.#load(version);
  }

  async #acquire(): Promise<{ token: string; version: number }> {
    const token = randomUUID();
    const deadline = Date.now() + this.#lockWait;
    let wait = 1;
    for (;;) {
      const version = await this.#cmd.sendCommand<number | null>([
        'EVAL',
        ACQUIRE,
        '0',
        this.#prefix,
        token,
        String(this.#lockTtl),
      ]);
      if (version !== null) return { token, version };
      if (Date.now() > deadline) throw new Error('timed out waiting for the store lock');
      await sleep(wait);
      wait = Math.min(wait * 2, 8);
    }
  }

  #eval(script: string, token: string): Promise<unknown> {
    return this.#cmd.sendCommand(['EVAL', script, '0', this.#prefix, token]);
  }

  async #commit(token: string, version: number, changes: Changes): Promise<number> {
    const command = commitCommand(
      this.#prefix,
      token,
      version,
      this.#retentionMs,
      this.instance,
      this.world.center,
      changes,
    );
    return Number(await this.#cmd.sendCommand(command));
  }

  // ---- loading and following --------------------------------------------------------------

  /** Brings a stored conversation into the world (nothing if Redis does not have it). */
  async #fetch(id: string): Promise<void> {
    const conversation = await readConversation(this.#cmd, this.#prefix, id);
    if (conversation) this.world.conversations.set(id, conversation);
  }

  /**
   * Replaces the world with what Redis holds at `version` (the caller holds the lock): every
   * conversation not ended; ended ones come back when something needs them (`#fetch`).
   */
  async #load(version: number): Promise<void> {
    const stored = await readWorld(this.#cmd, this.#prefix);
    const conversations = this.world.conversations;
    conversations.clear();
    for (const c of stored.conversations) conversations.set(c.id, c);
    if (stored.gone.length > 0)
      await this.#cmd.sendCommand(['SREM', `${this.#prefix}active`, ...stored.gone]);
    if (stored.goneCases.length > 0)
      await this.#cmd.sendCommand(['SREM', `${this.#prefix}cases`, ...stored.goneCases]);
    this.world.cases.clear();
    for (const c of stored.cases) this.world.cases.set(c.ref, c);
    this.world.center = stored.center ?? emptyCenter(this.#options.simulate);
    const wasReload = this.#started;
    this.#applied = version;
    this.#cursor = `${version}-0`;
    this.#reload = false;
    this.#timers.clear();
    for (const c of conversations.values()) for (const t of c.timers) this.#arm(c.id, t, TIMER_GRACE_MS);
    this.#log({ msg: 'store loaded', conversations: conversations.size, version, reload: wasReload });
    if (wasReload) this.#hooks?.reloaded?.();
  }

  /** Follows the feed: other instances' transactions, applied in order. */
  async #follow(): Promise<void> {
    const key = `${this.#prefix}feed`;
    while (!this.#closed) {
      let reply: [string, [string, string[]][]][] | null;
      try {
        reply = await this.#feed.sendCommand([
          'XREAD',
          'COUNT',
          '500',
          'BLOCK',
          '1000',
          'STREAMS',
          key,
          this.#cursor,
        ]);
      } catch {
        if (this.#isClosed()) return;
        await sleep(100);
        continue;
      }
      for (const [, entries] of reply ?? []) {
        for (const [id, fields] of entries) {
          this.#cursor = id;
          await this.#apply(JSON.parse(fields[1] ?? '{}') as FeedEntry);
        }
      }
    }
  }

  async #apply(entry: FeedEntry): Promise<void> {
    // Own transactions are in the world already (the pump applied them in place).
    if (entry.from === this.instance || entry.v <= this.#applied || this.#reload) return;
    if (entry.v > this.#applied + 1 && this.#committing) await this.#committing.catch(() => undefined);
    if (entry.v <= this.#applied) return;
    if (entry.v > this.#applied + 1) {
      // Missed entries (trimmed, or a failed commit): reload before the next transaction.
      this.#reloadSoon();
      return;
    }
    const conversations = this.world.conversations;
    for (const snap of entry.conversations) {
      let events = conversations.get(snap.id)?.events;
      if (events === undefined) {
        // Not here (new, or let go of): its history up to this entry's new events, from Redis.
        const added = entry.events.filter(([id]) => id === snap.id).length;
        events = snap.seq > added ? await readEvents(this.#cmd, this.#prefix, snap.id, snap.seq - added) : [];
      }
      conversations.set(snap.id, restore(snap, events));
    }
    for (const [id, event] of entry.events) {
      const c = conversations.get(id);
      if (!c || event.seq !== c.events.length + 1) {
        this.#reloadSoon();
        return;
      }
      c.events.push(event);
    }
    for (const c of entry.cases ?? []) this.world.cases.set(c.ref, c);
    this.world.center = entry.center;
    this.#applied = entry.v;
    for (const snap of entry.conversations) {
      for (const timer of snap.timers) {
        this.#arm(snap.id, timer, timer.instance === this.instance ? 0 : TIMER_GRACE_MS);
      }
    }
    for (const effect of entry.effects) this.#hooks?.deliver(effect);
  }

  /** (A method, so that the compiler does not take it for constant inside a loop.) */
  #isClosed(): boolean {
    return this.#closed;
  }

  #reloadSoon(): void {
    this.#reload = true;
    this.#pumping ??= this.#pump().finally(() => {
      this.#pumping = undefined;
    });
  }

  #arm(conversationId: string, timer: PendingTimer, grace: number): void {
    if (this.#closed) return;
    this.#timers.arm(timer.due - Date.now() + grace, timer.id, () =>
      this.#hooks?.timerDue(conversationId, timer.id),
    );
  }

  // ---- instances ------------------------------------------------------------------------

  /** Signs out the people of instances whose heartbeat expired. */
  async #reap(): Promise<void> {
    if (!this.ready) return;
    const others = new Set<string>();
    for (const agent of Object.values(this.world.center.agents)) {
      if (agent.instance !== this.instance) others.add(agent.instance);
    }
    if (others.size === 0) return;
    try {
      const dead = await this.#instances.dead([...others]);
      if (dead.size > 0) {
        this.#log({ msg: 'instances gone', instances: [...dead] });
        this.#hooks?.deadInstances?.(dead);
      }
    } catch {
      // Next beat.
    }
  }

  /**
   * Lets go of (in memory) ended conversations idle for `idleMs`: each instance holds the
   * conversations in progress; ended ones stay in Redis for the retention and come back when a
   * customer resumes one (`run(op, load)`) or a peer's transaction touches it.
   */
  #evict(): void {
    const before = Date.now() - this.#idleMs;
    for (const [id, c] of this.world.conversations) {
      if (c.phase === 'ended' && c.updatedAt < before && c.timers.length === 0)
        this.world.conversations.delete(id);
    }
  }
}

function errorName(error: unknown): string {
  if (error instanceof Error) return error.message.split(' ')[0] ?? error.name;
  return 'unknown';
}
