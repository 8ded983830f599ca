import mitt from 'mitt';
import type { Emitter } from '../transport/emitter.js';
import { MAX_MESSAGE_LENGTH } from '../protocol.js';
import type { ChatEvent, QueueFrame, ServerFrame } from '../protocol.js';
import { check, createRedactor, summarize } from '../redaction/index.js';
import { randomId } from '../random-id.js';
import type { Finding, RedactedText, Redactor } from '../redaction/index.js';
import { TransportSelector } from '../transport/index.js';
import type { Transport, TransportFactory, TransportMode, WireFrame } from '../transport/index.js';
import { backoffDelay } from './backoff.js';
import {
  endFrame,
  helloFrame,
  leaveQueueFrame,
  messageFrame,
  pingFrame,
  ratingFrame,
  tabKeyFrame,
  typingFrame,
} from './outbound.js';
import { noStore } from './persistence.js';
import { sealToken, tabKeyRequest } from './tab-key.js';
import type { TabKeyRequest } from './tab-key.js';
import { TabHub, tabsSupported } from './tabs.js';
import type { ConversationStore } from './persistence.js';
import type {
  CaseInfo,
  ConnectionState,
  ConversationEvents,
  ConversationPhase,
  QueueStatus,
  SendResult,
  TranscriptMessage,
} from './types.js';

export interface ConversationOptions {
  endpoint: string;
  lang: string;
  account?: string | undefined;
  /** `auto` (default): by the endpoint's scheme, falling back from WebSocket to SSE; or force one. */
  transport?: TransportMode;
  /** Gives a fresh auth token for each connection; it travels only in the hello frame. */
  tokenProvider?: (() => Promise<string>) | undefined;
  /** Swap the network part (tests, custom transports); overrides `transport`. */
  transportFactory?: TransportFactory;
  /**
   * Share the conversation with the other tabs of this session (one connection, held by the
   * tab with the Web Lock; the others mirror it over a BroadcastChannel). Default false.
   */
  tabs?: boolean;
  /** Where the conversation id, cursor and unsent messages survive a reload. Default: nowhere. */
  store?: ConversationStore;
  /** Send a ping after this long without traffic (ms). Default 10 s. */
  heartbeatInterval?: number;
  /** Declare the connection dead after this long without any frame (ms). Default 25 s. */
  deadAfter?: number;
}

interface Outgoing {
  id: string;
  text: RedactedText;
  at: number;
  frame: WireFrame;
  /** The connection it was last sent on: sent once per connection, again after a reconnect. */
  sentOn?: Transport | undefined;
}

/** At most this many messages wait unsent; beyond it, send() refuses and the draft stays. */
export const MAX_OUTBOX = 50;

/**
 * One customer conversation: owns the transport, the outbox and the transcript. No DOM.
 *
 * Every outgoing text goes through `send()`, which redacts it before anything else sees it;
 * the transcript, the outbox and the emitted events hold only the redacted text.
 */
export class Conversation {
  readonly events: Emitter<ConversationEvents> = mitt<ConversationEvents>();
  readonly #options: ConversationOptions;
  readonly #redactor: Redactor;
  readonly #factory: TransportFactory;
  readonly #selector: TransportSelector;
  #messages: TranscriptMessage[] = [];
  /** The same messages by id (a lookup per frame must not scan a 10,000-message transcript). */
  readonly #byId = new Map<string, TranscriptMessage>();
  #state: ConnectionState = 'idle';
  #transport: Transport | undefined;
  #conversationId: string | undefined;
  /** The secret that resumes the conversation (protocol 1.4); kept in memory and session storage. */
  #resumeKey: string | undefined;
  /** The server refused to resume: the next hello starts a new conversation. */
  #startOver = false;
  /** The server's key for other tabs' sealed tokens (welcome.sealKey), given to followers. */
  #sealKey: string | undefined;
  /** A follower tab's pending request for a key of its own (tab-key.ts). */
  #tabKey: TabKeyRequest | undefined;
  #lastSeq = 0;
  /** Out-of-order events waiting for the gap before them to fill. */
  readonly #pending = new Map<number, ChatEvent>();
  /** Unacknowledged customer messages, in send order. */
  readonly #outbox: Outgoing[] = [];
  /** Messages the server refused; kept (already redacted and framed) until the customer retries. */
  readonly #parked = new Map<string, Outgoing>();
  #attempt = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #started = false;
  #typingSent = false;
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  #lastHeard = 0;
  #everConnected = false;
  readonly #store: ConversationStore;
  /** Every event applied, in seq order (a leader tab replays it to follower tabs). */
  #hub: TabHub | undefined;
  /** Reconnect without backoff: to fetch a fresh token, or to take over as the leader tab. */
  #reconnectAtOnce = false;
  /** Whether the one refresh after an expiry was used; reset by a successful welcome. */
  #refreshedToken = false;
  /** Events up to this seq were seen before a reload; their replay is history. */
  #historyUntil = 0;
  /**
   * The server's last seq when it welcomed this connection (1.3): its replay ends there. NaN when
   * the server does not say: every comparison with it is false, so neither `replaying` nor `live`.
   */
  #replayUntil = NaN;
  /** Applying an `events` frame: it says 'change' once, at its end. */
  #inBatch = false;
  /** Frames and events dropped as malformed (issue 22); the first is reported. */
  #dropped = 0;
  #phase: ConversationPhase = 'assistant';
  #queue: QueueStatus | undefined;
  /** The last queue frame, for follower tabs that connect later. */
  #queueFrame: QueueFrame | undefined;
  #agent: { name: string; team: string } | undefined;
  #case: CaseInfo | undefined;
  /** Leave-queue, end and rating frames waiting for a connection (each idempotent; last wins). */
  readonly #controls = new Map<string, WireFrame>();

  constructor(options: ConversationOptions) {
    this.#options = options;
    this.#redactor = createRedactor({ lang: options.lang === 'es' ? 'es' : 'en' });
    this.#selector = new TransportSelector(options.endpoint, options.transport);
    this.#factory =
      options.transportFactory ??
      (() => (this.#hub && !this.#hub.leader ? this.#hub.follower() : this.#selector.next()));
    this.#store = options.store ?? noStore;
    this.#restore();
  }

  /**
   * Picks up a conversation saved before a reload: resumes it from the start (the server's
   * replay rebuilds the transcript) and shows the unsent messages at the bottom, to be sent
   * again with their ids. Stored text is redacted again (storage is writable by page scripts),
   * by the conversation's redactor and in order, as if sent now: a card typed in parts before the
   * reload is held back from what the customer types after it (the split-number rule).
   */
  #restore(): void {
    const saved = this.#store.load();
    if (!saved) return;
    this.#conversationId = saved.conversationId;
    this.#resumeKey = saved.resumeKey;
    this.#historyUntil = saved.lastSeq;
    for (const item of saved.outbox) {
      const text = this.#redactor.redact(item.text).text;
      this.#add({ id: item.id, from: 'customer', name: '', text, at: item.at, status: 'sending' });
      this.#outbox.push({ id: item.id, text, at: item.at, frame: messageFrame(item.id, text) });
    }
  }

  #save(): void {
    if (!this.#conversationId) return;
    // Frames of one page share session storage: a tab still waiting for its own key keeps the
    // one another frame saved for the same conversation.
    const stored = this.#resumeKey ? undefined : this.#store.load();
    const resumeKey =
      this.#resumeKey ?? (stored?.conversationId === this.#conversationId ? stored.resumeKey : undefined);
    this.#store.save({
      conversationId: this.#conversationId,
      ...(resumeKey ? { resumeKey } : {}),
      lastSeq: this.#lastSeq,
      outbox: [...this.#outbox, ...this.#parked.values()].map(({ id, text, at }) => ({ id, text, at })),
    });
  }

  get state(): ConnectionState {
    return this.#state;
  }

  /** Whether a connection was ever established (a first failure reads differently from a drop). */
  get everConnected(): boolean {
    return this.#everConnected;
  }

  get messages(): readonly TranscriptMessage[] {
    return this.#messages;
  }

  /** How many server frames, and events of `events` frames, were dropped as malformed. */
  get dropped(): number {
    return this.#dropped;
  }

  /**
   * Whether the replay the welcome announced is still arriving: connected, and short of the
   * seq the server had when it welcomed us. A view can wait for it rather than show it
   * frame by frame. Always false with a server that does not say (before protocol 1.3).
   */
  get replaying(): boolean {
    return this.#state === 'connected' && this.#lastSeq < this.#replayUntil;
  }

  /**
   * Connected, and the replay the welcome announced is all in (protocol 1.3): what arrives now
   * is new, an event at a time, and a view can show it at once. Always false with a server that
   * does not say where its replay ends (a burst of single events may still be arriving).
   */
  get live(): boolean {
    return this.#state === 'connected' && this.#lastSeq >= this.#replayUntil;
  }

  /** With the assistant, queued for a person, with an agent, or ended. */
  get phase(): ConversationPhase {
    return this.#phase;
  }

  /** The customer's place in the queue while `phase` is `queued` (and the server said where). */
  get queue(): QueueStatus | undefined {
    return this.#queue;
  }

  /** The person the customer is chatting with, while `phase` is `agent`. */
  get agent(): { name: string; team: string } | undefined {
    return this.#agent;
  }

  /** The reference number and summary of the last ending, if the conversation ended. */
  get case(): CaseInfo | undefined {
    return this.#case;
  }

  /** Leaves the queue for a person; the assistant carries on. */
  leaveQueue(): void {
    this.#sendControl('leave', leaveQueueFrame());
  }

  /** Ends the conversation; the server answers with the reference number and a summary. */
  end(): void {
    this.#sendControl('end', endFrame());
  }

  /** Rates the ended conversation, 1 (poor) to 5 (excellent). */
  rate(score: number): void {
    if (!Number.isInteger(score) || score < 1 || score > 5) throw new RangeError('score must be 1–5');
    this.#sendControl('rating', ratingFrame(score));
  }

  /** Sends a control frame now, or after the next welcome if not connected. */
  #sendControl(key: string, frame: WireFrame): void {
    if (this.#state === 'connected' && this.#transport?.send(frame)) {
      this.#controls.delete(key);
      return;
    }
    this.#controls.set(key, frame);
    this.start();
  }

  /** Opens the connection (idempotent). */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#setState('connecting');
    if (this.#options.tabs && !this.#options.transportFactory && tabsSupported()) {
      const hub = new TabHub(
        `amex-chat:${this.#options.endpoint}`,
        this.#leaderView(),
        () => this.#takeOver(),
        () => this.retryNow(),
      );
      this.#hub = hub;
      void hub.ready.then(() => {
        if (this.#started && this.#hub === hub && !this.#transport) this.#connect();
      });
      return;
    }
    this.#connect();
  }

  #leaderView(): ConstructorParameters<typeof TabHub>[1] {
    return {
      send: (frame) => this.#transport?.send(frame) ?? false,
      state: () => this.#state,
      conversationId: () => this.#conversationId,
      log: () => this.#eventLog(),
      queue: () => this.#queueFrame,
      bound: () => this.#options.tokenProvider !== undefined,
      sealKey: () => this.#sealKey,
    };
  }

  /** This tab became the leader: drop the link to the old leader and connect for real. */
  #takeOver(): void {
    const transport = this.#transport;
    if (!transport) return; // the next attempt will pick the real transport by itself
    this.#reconnectAtOnce = true;
    transport.close();
  }

  /** Closes the connection and stops retrying. The transcript stays. */
  stop(): void {
    this.#started = false;
    clearTimeout(this.#retryTimer);
    clearInterval(this.#heartbeat);
    const transport = this.#transport;
    this.#transport = undefined;
    transport?.close();
    this.#hub?.close();
    this.#hub = undefined;
    this.#setState('closed');
  }

  /** Retries now instead of waiting for the backoff (the browser came back online). */
  retryNow(): void {
    if (!this.#started || this.#transport) return;
    clearTimeout(this.#retryTimer);
    this.#connect();
  }

  /** Checks a draft as the customer types, with the conversation's context; changes nothing. */
  check(draft: string): Finding[] {
    return check(draft, this.#redactor);
  }

  /**
   * Redacts and sends a customer message. The returned message, the transcript and the
   * `message` event all carry the redacted text only. With `redaction: 'block'`, a draft with
   * sensitive data is refused instead of masked.
   */
  send(draft: string, options: { redaction?: 'mask' | 'block' } = {}): SendResult {
    if (draft.trim() === '') return { ok: false, reason: 'empty' };
    if (draft.length > MAX_MESSAGE_LENGTH) return { ok: false, reason: 'too-long' };
    if (this.#state === 'closed') return { ok: false, reason: 'closed' };
    if (this.#outbox.length + this.#parked.size >= MAX_OUTBOX) return { ok: false, reason: 'outbox-full' };
    if (options.redaction === 'block') {
      const findings = check(draft, this.#redactor);
      if (findings.length > 0) return { ok: false, reason: 'blocked', kinds: summarize(findings).kinds };
    }
    const result = this.#redactor.redact(draft);
    const message = this.#enqueue(result.text);
    return { ok: true, message, redacted: summarize(result.findings) };
  }

  /** Sends a failed message again, with the same id (the server deduplicates by id). */
  retry(id: string): void {
    const message = this.#byId.get(id);
    const parked = this.#parked.get(id);
    if (!message || message.status !== 'failed' || !parked) return;
    this.#parked.delete(id);
    message.status = 'sending';
    parked.sentOn = undefined;
    this.#outbox.push(parked);
    this.#flush();
    this.events.emit('change', undefined);
  }

  /**
   * Adds a notice of this client's own to the transcript (not sent anywhere), below the server's
   * events and above this tab's unsent messages.
   */
  addNotice(text: string): void {
    const notice: TranscriptMessage = {
      id: `local-${randomId()}`,
      from: 'system',
      name: '',
      text,
      at: Date.now(),
    };
    this.#insert(notice);
    this.events.emit('change', undefined);
  }

  /** Tells the other side whether the customer is typing. Never carries text. */
  setTyping(active: boolean): void {
    if (active === this.#typingSent) return;
    if (this.#transport?.send(typingFrame(active))) this.#typingSent = active;
  }

  /**
   * Tells the redactor what the agent or assistant asked, for context-dependent rules, and that
   * the customer wrote a message it did not see (replayed after a reload, or another tab's).
   */
  #observe(event: ChatEvent): void {
    if (event.from !== 'customer') this.#redactor.observe(event.text);
    else this.#redactor.observeSent(event.text, event.at);
  }

  #enqueue(text: RedactedText): TranscriptMessage {
    const id = randomId();
    const message: TranscriptMessage = {
      id,
      from: 'customer',
      name: '',
      text,
      at: Date.now(),
      status: 'sending',
    };
    this.#add(message);
    this.#outbox.push({ id, text, at: message.at, frame: messageFrame(id, text) });
    this.#save();
    this.#typingSent = false;
    this.#flush();
    this.events.emit('message', message);
    this.events.emit('change', undefined);
    return message;
  }

  /** Sends every outbox item not yet sent on the current connection, in order. */
  #flush(): void {
    const transport = this.#transport;
    if (this.#state !== 'connected' || !transport) return;
    for (const item of this.#outbox) {
      if (item.sentOn === transport) continue;
      if (!transport.send(item.frame)) return;
      item.sentOn = transport;
    }
  }

  #connect(): void {
    const transport = this.#factory(this.#options.endpoint);
    this.#transport = transport;
    let opened = false;
    transport.events.on('open', () => {
      opened = true;
      void this.#hello(transport);
    });
    transport.events.on('frame', (frame) => {
      this.#lastHeard = Date.now();
      this.#handleFrame(frame);
      if (this.#hub?.leader) this.#hub.relay(frame);
    });
    transport.events.on('invalid', (seq) => this.#invalid(seq));
    transport.events.on('close', () => {
      if (this.#transport !== transport) return;
      clearInterval(this.#heartbeat);
      this.#selector.report(opened);
      // Followers are told when the link drops, and when the first attempt fails (any waiting
      // for its welcome); later failures reach them as they ask (see TabHub).
      if (this.#hub?.leader && (this.#state === 'connected' || this.#state === 'connecting'))
        this.#hub.announceLost();
      this.#transport = undefined;
      this.#typingSent = false;
      if (!this.#started) return;
      const offline = typeof navigator !== 'undefined' && !navigator.onLine;
      this.#setState(offline ? 'offline' : 'reconnecting');
      const delay = this.#reconnectAtOnce ? 0 : backoffDelay(this.#attempt++);
      this.#reconnectAtOnce = false;
      this.#retryTimer = setTimeout(() => this.#connect(), delay);
    });
    transport.connect();
    // Watch the attempt from the start, not from the welcome: one that never opens (Node 20's
    // WebSocket reports a refused connection with `error` but no `close`) or opens and goes
    // silent before the welcome (half-open, a server that never answers hello) is dropped too.
    if (this.#transport === transport) this.#startHeartbeat();
  }

  /**
   * The first frame on every connection. The token comes fresh from the host's provider for
   * each connection and goes only into this frame: never stored, logged or put in a URL.
   */
  async #hello(transport: Transport): Promise<void> {
    let token: string | undefined;
    let join: string | undefined;
    // Another tab carries a relayed connection: it gets neither the token nor the key, only
    // the token sealed to the server, so that the leader tab can have it checked.
    if (this.#options.tokenProvider && transport.relayed && transport.sealKey) {
      try {
        join = await sealToken(await this.#options.tokenProvider(), transport.sealKey);
      } catch {
        transport.close();
        return;
      }
      if (this.#transport !== transport) return;
    }
    if (this.#options.tokenProvider && !transport.relayed) {
      try {
        token = await this.#options.tokenProvider();
      } catch {
        // The host could not give a token now: treat it like a failed connection and retry.
        transport.close();
        return;
      }
      if (this.#transport !== transport) return;
    }
    const account = this.#options.account ? redactAccount(this.#options.account) : undefined;
    const key = transport.relayed ? undefined : this.#resumeKey;
    const resume =
      this.#conversationId && !this.#startOver
        ? { conversationId: this.#conversationId, lastSeq: this.#lastSeq, ...(key ? { key } : {}) }
        : undefined;
    transport.send(helloFrame({ lang: this.#options.lang, account, resume, token, join }));
  }

  /**
   * Pings after `heartbeatInterval` of silence and drops a connection that stays silent for
   * `deadAfter` (a half-open TCP connection never closes by itself), which reconnects.
   */
  #startHeartbeat(): void {
    clearInterval(this.#heartbeat);
    const interval = this.#options.heartbeatInterval ?? 10_000;
    const deadAfter = this.#options.deadAfter ?? 25_000;
    this.#lastHeard = Date.now();
    this.#heartbeat = setInterval(
      () => {
        const silent = Date.now() - this.#lastHeard;
        if (silent >= deadAfter) this.#transport?.close();
        else if (silent >= interval) this.#transport?.send(pingFrame());
      },
      Math.min(interval, deadAfter) / 2,
    );
  }

  #handleFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'welcome':
        this.#replayUntil = NaN;
        this.#startOver = false;
        if (this.#conversationId !== frame.conversationId) {
          const forgotten = this.#conversationId !== undefined;
          this.#conversationId = frame.conversationId;
          this.#resumeKey = undefined;
          if (forgotten) queueMicrotask(() => this.events.emit('restarted', undefined));
          this.#lastSeq = 0;
          this.#historyUntil = 0;
          this.#pending.clear();
          this.#phase = 'assistant';
          this.#agent = undefined;
          this.#case = undefined;
          this.#queueFrame = undefined;
          this.#setQueue(undefined);
          this.#save();
        }
        if (frame.resumeKey) {
          this.#resumeKey = frame.resumeKey;
          this.#save();
        }
        if (frame.sealKey) this.#sealKey = frame.sealKey;
        // A follower tab has no key of its own yet: ask for one, to take over one day.
        if (!this.#resumeKey && this.#transport?.relayed) void this.#askTabKey(this.#transport);
        this.#attempt = 0;
        this.#refreshedToken = false;
        this.#everConnected = true;
        this.#startHeartbeat();
        this.#setState('connected');
        // After the state's change: a view renders the new state at once, the replay when it is in.
        this.#replayUntil = frame.lastSeq ?? NaN;
        this.#hub?.announce();
        this.#flush();
        for (const [key, control] of this.#controls) {
          if (this.#transport?.send(control)) this.#controls.delete(key);
        }
        break;
      case 'queue':
        this.#queueFrame = frame;
        this.#setQueue(frame.waiting ? frame : undefined);
        break;
      case 'ack':
        this.#acknowledge(frame.id, frame.seq);
        break;
      case 'event':
        this.#receive(frame.event);
        break;
      case 'events':
        // One change for the frame (up to 500 events, each its own 'message').
        this.#inBatch = true;
        try {
          for (const event of frame.events) this.#receive(event);
        } finally {
          this.#inBatch = false;
        }
        this.events.emit('change', undefined);
        break;
      case 'typing':
        this.events.emit('typing', { name: frame.name, active: frame.active });
        break;
      case 'error':
        if (frame.code === 'auth-expired' || frame.code === 'auth-failed' || frame.code === 'auth-required') {
          this.#authError(frame.code);
          break;
        }
        if (frame.code === 'forbidden' && this.#state !== 'connected' && this.#conversationId) {
          this.#resumeRefused(frame.message);
          break;
        }
        if (frame.id) {
          const index = this.#outbox.findIndex((o) => o.id === frame.id);
          const message = this.#byId.get(frame.id);
          // About another tab's message (relayed by the leader tab): not ours to report.
          if (index < 0 || !message) break;
          const [item] = this.#outbox.splice(index, 1);
          if (item) this.#parked.set(frame.id, item);
          message.status = 'failed';
          this.#save();
        }
        this.events.emit('error', {
          code: frame.code,
          message: frame.message,
          ...(frame.id ? { id: frame.id } : {}),
        });
        this.events.emit('change', undefined);
        break;
      case 'tab-key':
        void this.#openTabKey(frame.ref, frame.sealed);
        break;
      case 'tab-join':
        this.#hub?.joined(frame.ref, frame.ok);
        break;
      case 'pong':
        break;
    }
  }

  /** Follower: asks the server, through the leader tab, for a resume key sealed to this tab. */
  async #askTabKey(transport: Transport): Promise<void> {
    if (this.#tabKey) return;
    const request = await tabKeyRequest();
    if (!request || this.#transport !== transport || this.#resumeKey) return;
    this.#tabKey = request;
    transport.send(tabKeyFrame(request.ref, request.publicKey));
  }

  /** A sealed key for some tab: this one's if it opens with this tab's private key. */
  async #openTabKey(ref: string, sealed: string): Promise<void> {
    const request = this.#tabKey;
    if (request?.ref !== ref) return;
    const conversationId = this.#conversationId;
    const key = await request.open(sealed);
    if (!key || this.#tabKey !== request || this.#conversationId !== conversationId) return;
    this.#tabKey = undefined;
    this.#resumeKey = key;
    this.#save();
  }

  /**
   * The server refused to resume (another customer's token, or no valid key): the saved
   * conversation is forgotten and a new one starts at once; what the customer had not sent yet
   * goes into it (the welcome of the new one says `restarted`). Reported as `resume-refused`.
   */
  #resumeRefused(message: string): void {
    this.#startOver = true;
    this.#resumeKey = undefined;
    this.#tabKey = undefined;
    this.#store.clear();
    this.#reconnectAtOnce = true;
    this.events.emit('error', { code: 'resume-refused', message });
  }

  /**
   * An expired token is refreshed once (an immediate reconnect asks the provider again); a
   * second expiry in a row, or a refused or missing token, ends the conversation with an error
   * the customer is told about.
   */
  #authError(code: 'auth-expired' | 'auth-failed' | 'auth-required'): void {
    if (code === 'auth-expired' && !this.#refreshedToken) {
      this.#refreshedToken = true;
      this.#reconnectAtOnce = true;
      return;
    }
    this.stop();
    this.events.emit('error', { code: 'auth-failed', message: 'The chat could not verify your session.' });
  }

  #acknowledge(id: string, seq: number): void {
    const index = this.#outbox.findIndex((o) => o.id === id);
    if (index >= 0) {
      this.#outbox.splice(index, 1);
      this.#save();
    }
    const message = this.#byId.get(id);
    if (message && message.status !== 'sent') {
      message.status = 'sent';
      message.seq = seq;
      this.events.emit('change', undefined);
    }
  }

  #receive(event: ChatEvent): void {
    if (event.seq <= this.#lastSeq) return;
    this.#pending.set(event.seq, event);
    this.#drain();
    // After the welcome, events come in order, each once: a gap before this one holds events
    // dropped as malformed (here, or by the tab that relayed them), which will never come. They
    // are skipped. (Before it, a follower tab may get a live event ahead of the history: it waits.)
    while (this.#state === 'connected' && this.#lastSeq < event.seq) {
      this.#lastSeq = Math.min(...this.#pending.keys()) - 1;
      this.#drain();
    }
  }

  /**
   * A frame, or an event of an `events` frame, was dropped as malformed: counted, the first
   * reported; a dropped event that was next counts as applied (a replay can end on it).
   */
  #invalid(seq: number | undefined): void {
    if (!this.#dropped++)
      this.events.emit('error', { code: 'invalid-frame', message: 'Dropped a malformed frame.' });
    if (seq !== this.#lastSeq + 1 || this.#state !== 'connected') return;
    this.#lastSeq = seq;
    this.#drain();
    this.events.emit('change', undefined);
  }

  /** Applies the held events that follow the last one applied. */
  #drain(): void {
    let next = this.#pending.get(this.#lastSeq + 1);
    while (next) {
      this.#pending.delete(next.seq);
      this.#lastSeq = next.seq;
      this.#apply(next);
      next = this.#pending.get(this.#lastSeq + 1);
    }
  }

  #apply(event: ChatEvent): void {
    const own = this.#byId.get(event.id);
    if (own) {
      this.#acknowledge(event.id, event.seq);
      return;
    }
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
    if (event.kind === 'notice' && event.notice) {
      message.notice = event.notice;
      this.#applyNotice(event);
    }
    if (event.seq <= this.#historyUntil) message.history = true;
    // A customer message we did not send from here: replayed after a reload, or another tab's.
    if (event.from === 'customer') message.status = 'sent';
    this.#observe(event);
    this.#insert(message);
    this.events.emit('message', message);
    if (!this.#inBatch) this.events.emit('change', undefined);
  }

  /**
   * The events applied so far, rebuilt from the transcript for a follower tab (keeping the
   * parsed events as well would hold every message twice in memory).
   */
  #eventLog(): ChatEvent[] {
    const events: ChatEvent[] = [];
    for (const m of this.#messages) {
      if (m.seq === undefined) continue;
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

  #add(message: TranscriptMessage): void {
    this.#messages.push(message);
    this.#byId.set(message.id, message);
  }

  /** Server order, with this tab's unacknowledged messages kept below everything sequenced. */
  #insert(message: TranscriptMessage): void {
    let at = this.#messages.length;
    while (at > 0 && this.#messages[at - 1]?.seq === undefined && this.#messages[at - 1]?.from === 'customer')
      at--;
    this.#messages.splice(at, 0, message);
    this.#byId.set(message.id, message);
  }

  /** Notices move the conversation from phase to phase. */
  #applyNotice(event: ChatEvent): void {
    const notice = event.notice;
    if (!notice) return;
    switch (notice.code) {
      case 'queued':
      case 'transferred':
      case 'agent-left':
        this.#phase = 'queued';
        this.#agent = undefined;
        break;
      case 'left-queue':
        this.#phase = this.#case ? 'ended' : 'assistant';
        this.#setQueue(undefined);
        break;
      case 'agent-joined':
        this.#phase = 'agent';
        this.#agent = { name: notice.agent, team: notice.team };
        this.#setQueue(undefined);
        break;
      case 'ended':
        this.#phase = 'ended';
        this.#agent = undefined;
        this.#case = { caseNumber: notice.caseNumber, summary: notice.summary };
        this.#setQueue(undefined);
        break;
    }
  }

  #setQueue(queue: QueueStatus | undefined): void {
    const next = queue
      ? { position: queue.position, etaSeconds: queue.etaSeconds, team: queue.team }
      : undefined;
    const same =
      next?.position === this.#queue?.position &&
      next?.etaSeconds === this.#queue?.etaSeconds &&
      next?.team === this.#queue?.team;
    if (same) return;
    this.#queue = next;
    this.events.emit('queue', next);
    this.events.emit('change', undefined);
  }

  #setState(state: ConnectionState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.events.emit('state', state);
    this.events.emit('change', undefined);
  }
}

/** The host's `account` reference goes through the same redaction as customer text. */
function redactAccount(account: string): RedactedText {
  return createRedactor().redact(account).text;
}
