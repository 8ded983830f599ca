/**
 * The transaction every change to the world happens in. `store.run(op)` makes a `Changes` the
 * current transaction while the synchronous `op` runs: `op` reads and changes the world
 * (`tx().touch(...)`, `append` in conversation.ts) and queues frames for connections
 * (`tx().emit(...)`) and local follow-ups (`tx().after(...)`). The store then writes what
 * changed and delivers the frames and follow-ups in order.
 */
import type { ChatEvent } from '../src/protocol.js';
import { provideCaseLedger } from './assistant/case-ledger.js';
import { caseNumberAt } from './case-number.js';
import type { CaseRecord, Conversation, Effect, PendingTimer, World } from './model.js';

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
  /** A complaint filed or a chat's case closed (already in `world.cases`). */
  filed(record: CaseRecord): void;
  emit(effect: Effect): void;
  /** Runs on this instance, in order with the frames, once the transaction is stored. */
  after(fn: () => void): void;
}

let current: Transaction | undefined;

/** The transaction running now; throws outside `store.run`. */
export function tx(): Transaction {
  if (!current) throw new Error('no transaction: changes happen inside store.run()');
  return current;
}

// The assistant's desk files and finds cases in the running transaction's world.
provideCaseLedger(() => {
  const t = tx();
  return {
    nextRef: () => {
      const center = t.world.center;
      const ref = caseNumberAt(center.cases, center.caseKey);
      center.cases += 1;
      return ref;
    },
    get: (ref) => t.world.cases.get(ref),
    file: (record) => {
      t.world.cases.set(record.ref, record);
      t.filed(record);
    },
  };
});

export type Step = { effect: Effect } | { after: () => void };

/** What one or more transactions changed, for the store to write and deliver. */
export class Changes implements Transaction {
  readonly instance: string;
  readonly world: World;
  readonly touched = new Set<Conversation>();
  readonly events: { conversationId: string; event: ChatEvent }[] = [];
  readonly timers: { conversationId: string; timer: PendingTimer }[] = [];
  readonly cases: CaseRecord[] = [];
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

  filed(record: CaseRecord): void {
    this.cases.push(record);
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
  deliver(hooks: { deliver(effect: Effect): void } | undefined): void {
    for (const step of this.steps) {
      if ('effect' in step) hooks?.deliver(step.effect);
      else step.after();
    }
  }
}
