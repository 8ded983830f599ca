/**
 * Delivery to this instance's customer connections: what a transaction emitted for a
 * conversation goes to every connection following it, each event once and in seq order (a gap
 * is filled from the conversation); a resumed connection gets its replay first (paced by how
 * fast the client reads) and follows the conversation only once it has everything.
 */
import type { ChatEvent, ServerFrame } from '../../src/protocol.js';
import type { Backpressure, Connection } from '../connections.js';
import type { Conversation } from '../conversation.js';
import { replayBatches, replayFrames } from '../replay.js';

/** A replay waits for the client once this many bytes wait for it (or half the drop limit). */
const REPLAY_HIGH_WATER = 256 * 1024;

/** What delivery knows of a customer connection. */
export interface Follower {
  readonly connection: Connection;
  /** The id of its conversation, once welcomed. */
  conversation: string | undefined;
  /** The last event sent to it (events go out once each, in order). */
  sentSeq: number;
  /** Its hello said 1.2 or later: replayed events go out in `events` frames (server/replay.ts). */
  batches: boolean;
}

export interface DeliveryDeps {
  readonly conversations: ReadonlyMap<string, Conversation>;
  readonly backpressure: Backpressure;
  /** A replay the client reads nothing of for this long drops it (1013). */
  readonly replayStallMs: number;
}

export interface Delivery {
  /** A conversation's frame to every connection following it here. */
  toFollowers(conversationId: string, frame: ServerFrame): void;
  /**
   * Sends a connection what its conversation holds after its `sentSeq`, then has it follow the
   * conversation.
   */
  catchUp(follower: Follower, conversationId: string): Promise<void>;
  /** The connection is gone: it follows nothing any more. */
  unfollow(follower: Follower): void;
  /** Every conversation followed here, with its followers. */
  followed(): Iterable<[string, ReadonlySet<Follower>]>;
  /** The world was reloaded from the store: events the followers missed go out now. */
  reloaded(): void;
}

export function createDelivery(deps: DeliveryDeps): Delivery {
  const { conversations, backpressure } = deps;
  /** Customer connections on this instance, by conversation id. */
  const following = new Map<string, Set<Follower>>();

  /** Sends a conversation's frame to one connection; events once each, in seq order. */
  function sendTo(follower: Follower, frame: ServerFrame): void {
    if (frame.type !== 'event') {
      follower.connection.send(frame);
      return;
    }
    const { seq } = frame.event;
    if (seq <= follower.sentSeq) return;
    if (seq > follower.sentSeq + 1) {
      // A gap (this instance applied a change late): fill it from the conversation.
      const events = conversations.get(follower.conversation ?? '')?.events ?? [];
      if (!replay(follower.connection, follower.batches, events.slice(follower.sentSeq, seq - 1))) return;
    }
    follower.sentSeq = seq;
    follower.connection.send(frame);
  }

  /**
   * Sends consecutive events a connection has not had (a replay, or a gap): in `events` frames
   * when `batches` (its hello said 1.2 or later), else one `event` frame each. Stops, returning
   * false, once the connection is closed (or dropped for not reading).
   */
  function replay(connection: Connection, batches: boolean, events: readonly ChatEvent[]): boolean {
    for (const text of replayFrames(events, { batches })) {
      if (connection.closed) return false;
      connection.sendText(text);
    }
    return !connection.closed;
  }

  function follow(follower: Follower, conversationId: string): void {
    let set = following.get(conversationId);
    if (!set) {
      set = new Set();
      following.set(conversationId, set);
    }
    set.add(follower);
  }

  /**
   * A long replay goes out in steps: whenever more than
   * REPLAY_HIGH_WATER bytes wait for the client, it waits until they are down to half, so that
   * a client on a slow network is not dropped (1013) for a replay it is reading; one that reads
   * nothing for `replayStallMs` is. Events stored meanwhile join the replay, and the connection
   * follows only once it has everything (nothing is sent twice or out of order).
   */
  async function catchUp(follower: Follower, conversationId: string): Promise<void> {
    const { connection } = follower;
    const high = Math.min(REPLAY_HIGH_WATER, backpressure.limit / 2);
    // (A function: sending can close the connection, which a plain read would narrow away.)
    const gone = (): boolean => connection.closed;
    for (;;) {
      if (gone()) return;
      const events = conversations.get(conversationId)?.events ?? [];
      if (follower.sentSeq >= events.length) {
        follow(follower, conversationId);
        return;
      }
      for (const frame of replayBatches(events.slice(follower.sentSeq), { batches: follower.batches })) {
        connection.sendText(frame.text);
        if (gone()) return;
        follower.sentSeq += frame.count;
        if (connection.buffered > high) break;
      }
      const waitingSince = Date.now();
      while (!gone() && connection.buffered > high / 2) {
        if (Date.now() - waitingSince > deps.replayStallMs) {
          backpressure.drop(connection.kind);
          connection.close(1013, 'too slow', true);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  }

  return {
    toFollowers(conversationId, frame) {
      const followers = following.get(conversationId);
      if (followers) for (const follower of followers) sendTo(follower, frame);
    },
    catchUp,
    unfollow(follower) {
      if (follower.conversation === undefined) return;
      const set = following.get(follower.conversation);
      set?.delete(follower);
      if (set?.size === 0) following.delete(follower.conversation);
    },
    followed: () => following.entries(),
    reloaded() {
      for (const [id, followers] of following) {
        const events = conversations.get(id)?.events ?? [];
        for (const follower of followers) {
          if (follower.sentSeq >= events.length) continue;
          if (replay(follower.connection, follower.batches, events.slice(follower.sentSeq))) {
            follower.sentSeq = events.length;
          }
        }
      }
    },
  };
}
