/**
 * One conversation across the tabs of a session. The tab that holds a Web Lock named after the
 * endpoint (the leader) keeps the only connection to the server; the other tabs (followers)
 * talk to it over a BroadcastChannel through `ChannelTransport` (src/transport/channel.ts), so
 * their conversation code is exactly the same as over a socket. When the leader's tab closes, its
 * lock is released and a waiting follower takes over with a real connection, resuming from its
 * cursor.
 *
 * Channel messages:
 *   {t:'up', from, frame}          follower → leader: one client frame (serialized)
 *   {t:'down', to?, frame}         leader → followers: one server frame (to one tab, or all)
 *   {t:'leader', id}               a tab has just become the leader, or its connection is up
 *                                  again: followers reconnect to it (at once, also those
 *                                  waiting to retry)
 *   {t:'lost'}                     the leader lost its connection, or its attempts fail (said
 *                                  when a follower's hello finds it so): followers show it too
 *   {t:'ask', from}                follower → leader, before its hello: the server's seal key?
 *   {t:'seal', to, key?}           leader → follower: the key (none: no session to prove)
 *
 * Any same-origin page can read and post on the channel. So nothing secret crosses it (no
 * token, no resume key), and when the conversation was started with a token, the leader serves
 * a tab only once the server has checked that tab's token, sealed to the server (`hello.join`,
 * `tab-join`), is of the same customer: a page without the widget's token gets nothing.
 */
import { knowsAccommodations, parseClientFrame, PROTOCOL_VERSION } from '../protocol.js';
import type { ChatEvent, HelloFrame, QueueFrame, ServerFrame } from '../protocol.js';
import { redact } from '../redaction/index.js';
import { randomId } from '../random-id.js';
import { ChannelTransport } from '../transport/channel.js';
import type { ChannelMessage } from '../transport/channel.js';
import type { Transport, WireFrame } from '../transport/index.js';
import {
  accommodationsFrame,
  endFrame,
  leaveQueueFrame,
  messageFrame,
  pingFrame,
  ratingFrame,
  tabJoinFrame,
  tabKeyFrame,
  typingFrame,
} from './outbound.js';
import type { ConnectionState } from './types.js';

/** Whether this browser can share a conversation between tabs. */
export function tabsSupported(): boolean {
  return (
    typeof BroadcastChannel !== 'undefined' &&
    typeof navigator !== 'undefined' &&
    typeof (navigator as Navigator & { locks?: unknown }).locks !== 'undefined'
  );
}

/** What the leader's hub needs from its conversation. */
export interface LeaderView {
  /** The server connection, when connected. */
  send(frame: WireFrame): boolean;
  /** The state of the server connection (`connecting`: its first attempt is under way). */
  state(): ConnectionState;
  conversationId(): string | undefined;
  /** Every event applied so far, in seq order. */
  log(): readonly ChatEvent[];
  /** The last queue frame, so a follower that connects later knows the customer's place. */
  queue(): QueueFrame | undefined;
  /** Whether the conversation is a signed-in customer's (a token): other tabs must prove it. */
  bound(): boolean;
  /** The server's key for tokens other tabs seal (welcome.sealKey), once connected. */
  sealKey(): string | undefined;
  /** The protocol version the server's welcome named, once connected. */
  version(): string | undefined;
}

/**
 * Leader election and the relay. `onLeader` runs when this tab becomes the leader (at once if
 * no other tab holds the lock); the conversation then reconnects with a real transport.
 */
export class TabHub {
  readonly id = randomId();
  readonly #channel: BroadcastChannel;
  readonly #view: LeaderView;
  #leader = false;
  #closed = false;
  #release: (() => void) | undefined;
  readonly #followers = new Set<ChannelTransport>();
  /**
   * Whether any other tab has spoken on the channel (a follower's hello comes first): until one
   * has, the leader relays nothing, rather than copying every frame (a history's 500 events at a
   * time) to a channel no one listens to. A follower's hello is answered with the whole log.
   */
  #followed?: true;
  /** Leader: follower tabs whose token the server checked (a bound conversation only). */
  readonly #verified = new Set<string>();
  /** Leader: follower hellos waiting for the server's check, by request ref. */
  readonly #joining = new Map<string, { from: string; frame: HelloFrame }>();

  /** Resolves once this tab knows whether it leads (it may become the leader later). */
  readonly ready: Promise<void>;

  readonly #onAnnounced: () => void;

  /**
   * `onLeader` runs when this tab becomes the leader; `onAnnounced` when another tab says it leads
   * or is connected again (a follower waiting to retry can retry now).
   */
  constructor(name: string, view: LeaderView, onLeader: () => void, onAnnounced: () => void) {
    this.#onAnnounced = onAnnounced;
    this.#channel = new BroadcastChannel(name);
    this.#view = view;
    this.#channel.addEventListener('message', (event: MessageEvent<ChannelMessage>) =>
      this.#receive(event.data),
    );
    const hold = (): Promise<void> => {
      this.#leader = true;
      this.announce();
      return new Promise<void>((resolve) => {
        this.#release = resolve;
      });
    };
    this.ready = new Promise<void>((ready) => {
      void navigator.locks.request(name, { ifAvailable: true }, (lock) => {
        // Closed before the lock manager answered: take nothing, hold nothing.
        if (this.#closed) {
          ready();
          return undefined;
        }
        if (lock) {
          const held = hold();
          ready();
          return held;
        }
        ready();
        // Wait in line: when the leader's tab goes away, this one takes over.
        void navigator.locks.request(name, () => {
          if (this.#closed) return undefined;
          const held = hold();
          onLeader();
          return held;
        });
        return undefined;
      });
    });
  }

  get leader(): boolean {
    return this.#leader;
  }

  /** Leader: tells followers to (re)connect to this tab (on takeover and once connected). */
  announce(): void {
    if (this.#leader && !this.#closed)
      this.#channel.postMessage({ t: 'leader', id: this.id } satisfies ChannelMessage);
  }

  /** Leader: the server connection dropped; followers drop theirs so their customers see it. */
  announceLost(): void {
    if (this.#leader && !this.#closed) this.#channel.postMessage({ t: 'lost' } satisfies ChannelMessage);
  }

  /** Leader: the server's answer about a follower's sealed token. */
  joined(ref: string, ok: boolean): void {
    const pending = this.#joining.get(ref);
    if (!pending || !this.#leader) return;
    this.#joining.delete(ref);
    if (!ok) return; // not this customer's tab: it is not served
    this.#verified.add(pending.from);
    this.#serveHello(pending.from, pending.frame);
  }

  /** A transport to the leader tab, for a follower's next connection attempt. */
  follower(): Transport {
    const transport = new ChannelTransport(this.#channel, this.id, () => this.#followers.delete(transport));
    this.#followers.add(transport);
    return transport;
  }

  /** Leader: passes a server frame on to every follower (welcomes are per tab, so not those). */
  relay(frame: ServerFrame): void {
    if (this.#leader && this.#followed && frame.type !== 'welcome' && frame.type !== 'pong') {
      this.#channel.postMessage({ t: 'down', frame } satisfies ChannelMessage);
    }
  }

  /** Gives up leadership and the channel (the conversation stopped or the element left the page). */
  close(): void {
    this.#closed = true;
    this.#leader = false;
    this.#release?.();
    for (const follower of [...this.#followers]) follower.close();
    this.#channel.close();
  }

  #receive(message: ChannelMessage): void {
    if (message.t === 'lost') {
      for (const follower of [...this.#followers]) follower.lost();
      return;
    }
    if (message.t === 'leader') {
      // A new leader, or connected again: every follower connection reconnects to it, and a
      // follower between two attempts makes its next one now.
      if (message.id !== this.id) {
        for (const follower of [...this.#followers]) follower.lost();
        this.#onAnnounced();
      }
      return;
    }
    if (message.t === 'down') {
      if (message.to && message.to !== this.id) return;
      for (const follower of this.#followers) follower.deliver(message.frame);
      return;
    }
    if (message.t === 'seal') {
      if (message.to === this.id) for (const follower of this.#followers) follower.sealed(message.key);
      return;
    }
    this.#followed = true;
    if (!this.#leader) return;
    if (message.t === 'ask') {
      // Not connected yet while bound: no answer; the 'leader' message makes the tab ask again.
      const key = this.#view.bound() ? this.#view.sealKey() : undefined;
      if (this.#view.bound() && key === undefined) return;
      this.#channel.postMessage({ t: 'seal', to: message.from, key } satisfies ChannelMessage);
      return;
    }
    this.#fromFollower(message.from, message.frame);
  }

  /** Leader: answers a follower's hello with a welcome and what the conversation holds. */
  #serveHello(from: string, frame: HelloFrame): void {
    const reply = (down: ServerFrame): void =>
      this.#channel.postMessage({ t: 'down', to: from, frame: down } satisfies ChannelMessage);
    const conversationId = this.#view.conversationId();
    // Not connected yet: no welcome; the 'leader' message or the next hello gets its answer.
    // While this tab's own attempts fail, the follower is told at once, so that its customer
    // sees the same notice as here rather than "Connecting…" until its own silence limit.
    const state = this.#view.state();
    if (state !== 'connected' || !conversationId) {
      if (state !== 'connecting') this.announceLost();
      return;
    }
    const log = this.#view.log();
    // (1.3) Where the replay ends, so the follower renders it once, not per event.
    // The server's version, not this tab's: what the follower may send depends on it.
    const v = this.#view.version() ?? PROTOCOL_VERSION;
    reply({ type: 'welcome', v, conversationId, lastSeq: log.at(-1)?.seq ?? 0 });
    const after = frame.resume?.conversationId === conversationId ? frame.resume.lastSeq : 0;
    for (const event of log) if (event.seq > after) reply({ type: 'event', event });
    const queue = this.#view.queue();
    if (queue) reply(queue);
  }

  /** Leader: one frame from a follower tab. Customer text is redacted again before it leaves. */
  #fromFollower(from: string, raw: string): void {
    const frame = parseClientFrame(raw);
    const reply = (down: ServerFrame): void =>
      this.#channel.postMessage({ t: 'down', to: from, frame: down } satisfies ChannelMessage);
    if (!frame) return;
    // A signed-in customer's conversation: only tabs whose token the server checked are served.
    if (this.#view.bound() && !this.#verified.has(from)) {
      const join = frame.type === 'hello' ? frame.join : undefined;
      if (typeof join !== 'string' || join.length > 16_384 || frame.type !== 'hello') return;
      if (this.#view.state() !== 'connected') return; // asked again once connected
      const ref = `${from}:${this.#joining.size}:${Date.now()}`;
      this.#joining.set(ref, { from, frame });
      this.#view.send(tabJoinFrame(ref, join));
      return;
    }
    switch (frame.type) {
      case 'hello':
        this.#serveHello(from, frame);
        return;
      case 'message':
        this.#view.send(messageFrame(frame.id, redact(frame.text).text));
        return;
      case 'typing':
        this.#view.send(typingFrame(frame.active));
        return;
      case 'leave-queue':
        this.#view.send(leaveQueueFrame());
        return;
      case 'end':
        this.#view.send(endFrame());
        return;
      case 'rating':
        this.#view.send(ratingFrame(frame.score));
        return;
      case 'accommodations': {
        // (1.5) Only to a server that takes them; the note is customer text, redacted again.
        if (!knowsAccommodations(this.#view.version() ?? '')) return;
        const note = frame.note === undefined ? undefined : redact(frame.note).text;
        this.#view.send(accommodationsFrame(frame.needs, note));
        return;
      }
      case 'tab-key':
        // Only a public key goes up; the server's sealed answer comes back to every tab
        // (relayed like any frame) and only the one holding the private key can open it.
        this.#view.send(tabKeyFrame(frame.ref, frame.publicKey));
        return;
      case 'ping':
        if (this.#view.state() === 'connected') reply({ type: 'pong' });
        else this.#view.send(pingFrame());
        return;
    }
  }
}
