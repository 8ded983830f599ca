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
 * The model: a `World` (every conversation and the contact center's `CenterState`) that each
 * instance holds a copy of, and changes made only inside `store.run(op)`. `op` is synchronous:
 * it reads and changes the world (`tx().touch(...)`, `append` in conversation.ts) and queues
 * frames for connections (`tx().emit(...)`) and local follow-ups (`tx().after(...)`). The store
 * runs transactions one at a time (all instances together, for Redis), stores what changed,
 * then delivers the frames: the instance that ran the transaction to its own connections, the
 * others when they apply the change. Acknowledgements are `after` follow-ups, so a client hears
 * `ack` only once its message is stored.
 */
import { randomUUID } from 'node:crypto';
import type { AgentServerFrame } from '../src/agent-protocol.js';
import { TEAMS } from '../src/protocol.js';
import type { ChatEvent, ClientFrame, ServerFrame, Team } from '../src/protocol.js';
import { randomCaseKey } from './case-number.js';
import type { Conversation, PendingTimer } from './conversation.js';

/** A person signed in at a console, on some instance. */
export interface AgentInfo {
  id: string;
  name: string;
  team: Team;
  /** The instance whose `/agent` socket it is. */
  instance: string;
  /** Ids of the conversations it holds, in the order it took them. */
  conversations: string[];
}

/** The contact center's shared state (small: it is stored whole with every change). */
export interface CenterState {
  /** Conversation ids waiting, per team, first in line first. */
  queues: Record<Team, string[]>;
  /** People signed in, by agent id. */
  agents: Record<string, AgentInfo>;
  /** Whether the simulated agent takes conversations no person can. */
  simulate: boolean;
  /** Case numbers issued so far, and the key of their sequence (case-number.ts; never sent). */
  cases: number;
  caseKey: string;
}

export interface World {
  readonly conversations: Map<string, Conversation>;
  center: CenterState;
}

/**
 * A client frame as read and checked by the instance that received it (never the raw text: a
 * message's text is already redacted again by the server).
 */
export interface ReadFrame {
  frame?: ClientFrame;
  /** Why it was refused (names the field, never echoes the content). */
  error?: string;
  /** The message id the refusal is about, if any. */
  errorId?: string;
  /** The id of a message frame, well-formed or not (for a `rate-limited` answer). */
  messageId?: string;
  /**
   * An event-stream POST's frame, forwarded by the instance it reached: that instance charged
   * its address's work budget (`charged`) or found it in debt (`refused`: answer rate-limited).
   */
  charged?: true;
  refused?: true;
}

/** Frames for connections, delivered by every instance to its own. */
export type Effect =
  | { to: 'customers'; conversationId: string; frame: ServerFrame }
  | { to: 'agent'; agentId: string; frame: AgentServerFrame }
  /** Every signed-in console (the board). */
  | { to: 'agents'; frame: AgentServerFrame }
  /** A frame POSTed for an event stream, to the instance holding the stream (`?connection=`). */
  /** `grant`: the stream's, as the POST was checked against it (only that stream takes it). */
  | { to: 'stream'; connectionId: string; grant: string; read: ReadFrame };

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

export interface Transaction {
  /** This instance's id. */
  readonly instance: string;
  readonly world: World;
  /** The conversation changed (it is stored with the transaction). */
  touch(conversation: Conversation): void;
  /** A new event of the conversation (already in `conversation.events`). */
  appended(conversation: Conversation, event: ChatEvent): void;
  /** A new pending timer (already in `conversation.timers`). */
  scheduled(conversation: Conversation, timer: PendingTimer): void;
  emit(effect: Effect): void;
  /** Runs on this instance, in order with the frames, once the transaction is stored. */
  after(fn: () => void): void;
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

let current: Transaction | undefined;

/** The transaction running now; throws outside `store.run`. */
export function tx(): Transaction {
  if (!current) throw new Error('no transaction: changes happen inside store.run()');
  return current;
}

export function emptyCenter(simulate: boolean): CenterState {
  const queues = Object.fromEntries(TEAMS.map((t) => [t, [] as string[]])) as Record<Team, string[]>;
  return { queues, agents: {}, simulate, cases: 0, caseKey: randomCaseKey() };
}

export type Step = { effect: Effect } | { after: () => void };

/** What one or more transactions changed, for the store to write and deliver. */
export class Changes implements Transaction {
  readonly instance: string;
  readonly world: World;
  readonly touched = new Set<Conversation>();
  readonly events: { conversationId: string; event: ChatEvent }[] = [];
  readonly timers: { conversationId: string; timer: PendingTimer }[] = [];
  readonly steps: Step[] = [];

  constructor(instance: string, world: World) {
    this.instance = instance;
    this.world = world;
  }

  touch(conversation: Conversation): void {
    conversation.updatedAt = Date.now();
    this.touched.add(conversation);
  }

  appended(conversation: Conversation, event: ChatEvent): void {
    this.touch(conversation);
    this.events.push({ conversationId: conversation.id, event });
  }

  scheduled(conversation: Conversation, timer: PendingTimer): void {
    this.touch(conversation);
    this.timers.push({ conversationId: conversation.id, timer });
  }

  emit(effect: Effect): void {
    if (effect.to === 'agents') {
      // The board is state, not history: only the last one of a transaction goes out.
      const at = this.steps.findIndex((s) => 'effect' in s && s.effect.to === 'agents');
      if (at >= 0) this.steps.splice(at, 1);
    }
    this.steps.push({ effect });
  }

  after(fn: () => void): void {
    this.steps.push({ after: fn });
  }

  /** Runs `op` with this as the current transaction; returns its value or what it threw. */
  apply<T>(op: () => T): { value: T } | { error: unknown } {
    const outer = current;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the transaction `tx()` returns
    current = this;
    try {
      return { value: op() };
    } catch (error) {
      return { error };
    } finally {
      current = outer;
    }
  }

  /** Delivers the frames and runs the follow-ups, in order. */
  deliver(hooks: StoreHooks | undefined): void {
    for (const step of this.steps) {
      if ('effect' in step) hooks?.deliver(step.effect);
      else step.after();
    }
  }
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
    this.world = { conversations: new Map(), center: emptyCenter(simulate) };
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
