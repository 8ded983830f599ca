/**
 * Where the reference server keeps conversations and the contact center's state, behind one
 * interface with two implementations:
 *
 * - `MemoryStore` (the default, no setup): one process; everything lives in its memory and is
 *   gone when it stops.
 * - `RedisStore` (server/redis-store.ts, `CHAT_STORE=redis://…`): several instances share
 *   conversations, queues, agent assignments and case numbers in Redis; each conversation's
 *   events are a Redis Stream whose entry ids are the protocol's `seq` (the resume cursor), and
 *   everything survives restarting every instance.
 *
 * The model (server/model.ts): a `World` (every conversation and the contact center's
 * `CenterState`) that each instance holds a copy of, and changes made only inside
 * `store.run(op)`, a transaction (server/transaction.ts). `op` is synchronous: it reads and
 * changes the world (`tx().touch(...)`, `append` in conversation.ts) and queues frames for
 * connections (`tx().emit(...)`) and local follow-ups (`tx().after(...)`). The store runs
 * transactions one at a time (all instances together, for Redis), stores what changed, then
 * delivers the frames: the instance that ran the transaction to its own connections, the
 * others when they apply the change. Acknowledgements are `after` follow-ups, so a client hears
 * `ack` only once its message is stored.
 */
import { randomUUID } from 'node:crypto';
import type { Effect, World } from './model.js';
import { emptyCenter } from './model.js';
import { Changes } from './transaction.js';

export { emptyCenter } from './model.js';
export type { AgentInfo, CenterState, Effect, ReadFrame, World } from './model.js';
export { Changes, tx } from './transaction.js';
export type { Step, Transaction } from './transaction.js';

/** Where each event stream is held, so that its POSTs can reach it from any instance. */
export interface StreamRegistry {
  /**
   * This instance holds the stream; `grant` is what a POST for it must match (its key's hash,
   * its Origin). False, and nothing changed, when some instance already holds a stream of that id.
   */
  claim(connectionId: string, grant: string): Promise<boolean>;
  release(connectionId: string): void;
  /** The grant of the stream if some instance holds it. */
  held(connectionId: string): Promise<string | undefined>;
}

/** What the server gives the store: how to reach its own connections, what to do when a timer is due. */
export interface StoreHooks {
  deliver(effect: Effect): void;
  timerDue(conversationId: string, timerId: string): void;
  /** The world was reloaded (after a lost change): connections may have missed events. */
  reloaded?(): void;
  /** Instances that stopped (no heartbeat): the people signed in there must be signed out. */
  deadInstances?(instances: ReadonlySet<string>): void;
}

export interface Store {
  readonly kind: 'memory' | 'redis';
  /** This instance's id (random per process). */
  readonly instance: string;
  readonly world: World;
  /** Whether it can take transactions now (for `/readyz`). */
  readonly ready: boolean;
  /** Loads the world and starts following other instances' changes. */
  start(hooks: StoreHooks): Promise<void>;
  /**
   * Runs `op` as one transaction. Resolves with its value once stored and delivered; rejects
   * when `op` threw (what it had changed is stored all the same) or the store failed. `load`:
   * a conversation `op` needs, which this instance may have let go of (an ended conversation
   * idle for a while): the Redis store fetches it first.
   */
  run<T>(op: () => T, load?: string): Promise<T>;
  /** Finishes the transactions queued, then lets go. */
  close(): Promise<void>;
  /** With several instances: where the event streams are (absent: each stream is local). */
  readonly streams?: StreamRegistry;
}

/** Keeps timeouts for pending timers, and forgets them all on close. */
export class TimerTable {
  readonly #handles = new Map<string, ReturnType<typeof setTimeout>>();

  arm(delay: number, timerId: string, fire: () => void): void {
    if (this.#handles.has(timerId)) return;
    const handle = setTimeout(
      () => {
        this.#handles.delete(timerId);
        fire();
      },
      Math.max(0, delay),
    );
    handle.unref();
    this.#handles.set(timerId, handle);
  }

  clear(): void {
    for (const handle of this.#handles.values()) clearTimeout(handle);
    this.#handles.clear();
  }
}

/** One process, everything in memory: `npm start`'s default. Transactions run at once. */
export class MemoryStore implements Store {
  readonly kind = 'memory';
  readonly instance: string;
  readonly world: World;
  readonly #timers = new TimerTable();
  #hooks: StoreHooks | undefined;
  #closed = false;

  constructor(simulate = true, instance: string = randomUUID()) {
    this.instance = instance;
    this.world = { conversations: new Map(), center: emptyCenter(simulate), cases: new Map() };
  }

  get ready(): boolean {
    return !this.#closed;
  }

  start(hooks: StoreHooks): Promise<void> {
    this.#hooks = hooks;
    return Promise.resolve();
  }

  /** Runs `op` now (synchronously) and delivers what it emitted before returning. */
  run<T>(op: () => T): Promise<T> {
    const changes = new Changes(this.instance, this.world);
    const result = changes.apply(op);
    if (!this.#closed) {
      for (const { conversationId, timer } of changes.timers) {
        this.#timers.arm(timer.due - Date.now(), timer.id, () =>
          this.#hooks?.timerDue(conversationId, timer.id),
        );
      }
    }
    changes.deliver(this.#hooks);
    if ('error' in result) {
      return Promise.reject(result.error instanceof Error ? result.error : new Error(String(result.error)));
    }
    return Promise.resolve(result.value);
  }

  close(): Promise<void> {
    this.#closed = true;
    this.#timers.clear();
    return Promise.resolve();
  }
}
