import type { ChatEvent } from '../protocol.js';
import type { TranscriptMessage } from './types.js';

/**
 * The transcript in server order: events applied once each, by seq, with out-of-order ones held
 * until the gap before them fills, and this tab's unacknowledged messages kept below everything
 * sequenced. `apply` turns one event into the conversation's effects, in seq order.
 */
export class Transcript {
  readonly messages: TranscriptMessage[] = [];
  /** The same messages by id (a lookup per frame must not scan a 10,000-message transcript). */
  readonly #byId = new Map<string, TranscriptMessage>();
  /**
   * Sequenced messages of the conversations a new one replaced (`restart`): they stay on screen
   * but are not the current conversation's events (their seqs start again from 1).
   */
  readonly #replaced = new WeakSet<TranscriptMessage>();
  /** Out-of-order events waiting for the gap before them to fill. */
  readonly #pending = new Map<number, ChatEvent>();
  readonly #apply: (event: ChatEvent) => void;
  readonly #connected: () => boolean;
  /** The seq of the last event applied (or skipped as malformed). */
  lastSeq = 0;
  /** Events up to this seq were seen before a reload; their replay is history. */
  historyUntil = 0;
  /**
   * The server's last seq when it welcomed this connection (1.3): its replay ends there. NaN when
   * the server does not say: every comparison with it is false, so neither `replaying` nor `live`.
   */
  replayUntil = NaN;

  /** Whether the replay the welcome announced is all in (true when its end is unknown: NaN). */
  get replayed(): boolean {
    return !(this.lastSeq < this.replayUntil);
  }

  /** `connected` says whether a welcome has come on the current connection (asked per event). */
  constructor(apply: (event: ChatEvent) => void, connected: () => boolean) {
    this.#apply = apply;
    this.#connected = connected;
  }

  get(id: string): TranscriptMessage | undefined {
    return this.#byId.get(id);
  }

  /** A new conversation: its events start again from seq 1. */
  restart(): void {
    for (const m of this.messages) if (m.seq !== undefined) this.#replaced.add(m);
    this.lastSeq = 0;
    this.historyUntil = 0;
    this.#pending.clear();
  }

  /** Appends a message (this tab's own, not sequenced yet). */
  add(message: TranscriptMessage): void {
    this.messages.push(message);
    this.#byId.set(message.id, message);
  }

  /** Server order, with this tab's unacknowledged messages kept below everything sequenced. */
  insert(message: TranscriptMessage): void {
    let at = this.messages.length;
    while (at > 0 && this.messages[at - 1]?.seq === undefined && this.messages[at - 1]?.from === 'customer')
      at--;
    this.messages.splice(at, 0, message);
    this.#byId.set(message.id, message);
  }

  /** Takes one event: applied now if it is next, held if an earlier one is missing. */
  receive(event: ChatEvent): void {
    if (event.seq <= this.lastSeq) return;
    this.#pending.set(event.seq, event);
    this.#drain();
    // After the welcome, events come in order, each once: a gap before this one holds events
    // dropped as malformed (here, or by the tab that relayed them), which will never come. They
    // are skipped. (Before it, a follower tab may get a live event ahead of the history: it waits.)
    while (this.#connected() && this.lastSeq < event.seq) {
      this.lastSeq = Math.min(...this.#pending.keys()) - 1;
      this.#drain();
    }
  }

  /**
   * A dropped event that was next counts as applied (a replay can end on it). Returns whether it
   * was next, on a welcomed connection.
   */
  skip(seq: number | undefined): boolean {
    if (seq !== this.lastSeq + 1 || !this.#connected()) return false;
    this.lastSeq = seq;
    this.#drain();
    return true;
  }

  /** Applies the held events that follow the last one applied. */
  #drain(): void {
    let next = this.#pending.get(this.lastSeq + 1);
    while (next) {
      this.#pending.delete(next.seq);
      this.lastSeq = next.seq;
      this.#apply(next);
      next = this.#pending.get(this.lastSeq + 1);
    }
  }

  /**
   * The current conversation's events applied so far, rebuilt from the transcript for a follower
   * tab (keeping the parsed events as well would hold every message twice in memory). The events
   * of a conversation it replaced are left out: mixed in by seq, they would hide its own.
   */
  eventLog(): ChatEvent[] {
    const events: ChatEvent[] = [];
    for (const m of this.messages) {
      if (m.seq === undefined || this.#replaced.has(m)) continue;
      const event: ChatEvent & TranscriptMessage = {
        ...m,
        seq: m.seq,
        kind: m.notice ? 'notice' : 'message',
      };
      delete event.status;
      delete event.history;
      events.push(event);
    }
    // An own message acknowledged late can sit below a later event in the transcript.
    return events.sort((a, b) => a.seq - b.seq);
  }
}

/**
 * The transcript entry for a server event. `history`: the event was seen before a reload. A
 * customer message this tab did not send (replayed after a reload, or another tab's) is sent.
 */
export function messageOf(event: ChatEvent, history: boolean): TranscriptMessage {
  const message: TranscriptMessage = {
    id: event.id,
    seq: event.seq,
    from: event.from,
    name: event.name,
    text: event.text,
    at: event.at,
  };
  if (event.quickReplies?.length) message.quickReplies = event.quickReplies;
  if (event.urgent === true) message.urgent = true;
  if (event.kind === 'notice' && event.notice) message.notice = event.notice;
  if (history) message.history = true;
  if (event.from === 'customer') message.status = 'sent';
  return message;
}
