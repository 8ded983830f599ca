import mitt from 'mitt';
import type { Emitter } from '../transport/emitter.js';
import { MAX_MESSAGE_LENGTH, knowsAccommodations } from '../protocol.js';
import type { Accommodation, ChatEvent, ServerFrame } from '../protocol.js';
import { check, createRedactor, summarize } from '../redaction/index.js';
import { randomId } from '../random-id.js';
import type { Finding, RedactedText, Redactor } from '../redaction/index.js';
import type { WireFrame } from '../transport/index.js';
import { Connection } from './connection.js';
import { accommodationsFrame, endFrame, leaveQueueFrame, ratingFrame, typingFrame } from './outbound.js';
import { Outbox } from './outbox.js';
import { noStore } from './persistence.js';
import { Phase } from './phase.js';
import { RestartNotice } from './restart-notice.js';
import { Session } from './session.js';
import { messageOf, Transcript } from './transcript.js';
import type {
  CaseInfo,
  ConnectionState,
  ConversationEvents,
  ConversationOptions,
  ConversationPhase,
  QueueStatus,
  SendResult,
  TranscriptMessage,
} from './types.js';

export { MAX_OUTBOX } from './outbox.js';
export type { ConversationOptions } from './types.js';

/**
 * One customer conversation, a facade over its parts: the connection (transport lifecycle,
 * reconnects, tabs), the session (conversation id, resume key, what survives a reload), the
 * outbox (unacknowledged messages), the transcript (server order) and the phase (assistant,
 * queue, agent, ended). No DOM. This class turns server frames into the parts' changes and the
 * emitted events.
 *
 * Every outgoing text goes through `send()`, which redacts it before anything else sees it;
 * the transcript, the outbox and the emitted events hold only the redacted text.
 */
export class Conversation {
  readonly events: Emitter<ConversationEvents> = mitt<ConversationEvents>();
  readonly #options: ConversationOptions;
  readonly #redactor: Redactor;
  readonly #connection: Connection;
  readonly #transcript: Transcript;
  readonly #outbox = new Outbox();
  readonly #phase: Phase;
  readonly #session: Session;
  /** Whether the view must say that a new conversation replaced this one (restart-notice.ts). */
  readonly #restart = new RestartNotice(() => this.events.emit('restarted', undefined));
  #typingSent = false;
  /** Applying an `events` frame: it says 'change' once, at its end. */
  #inBatch = false;
  /** Frames and events dropped as malformed; the first is reported. */
  #dropped = 0;

  constructor(options: ConversationOptions) {
    this.#options = options;
    this.#redactor = createRedactor({ lang: options.lang === 'es' ? 'es' : 'en' });
    this.#phase = new Phase(this.events);
    this.#transcript = new Transcript(
      (event) => this.#apply(event),
      () => this.#connection.state === 'connected',
    );
    this.#connection = new Connection(options, this.events, {
      resume: (relayed) => this.#session.resume(relayed),
      frame: (frame) => this.#handleFrame(frame),
      invalid: (seq) => this.#invalid(seq),
      closed: () => {
        this.#typingSent = false;
      },
      conversationId: () => this.#session.conversationId,
      log: () => this.#transcript.eventLog(),
      queue: () => this.#phase.queueFrame,
      sealKey: () => this.#session.sealKey,
      version: () => this.#session.serverVersion,
    });
    const store = options.store ?? noStore;
    this.#session = new Session(
      store,
      this.#transcript,
      this.#outbox,
      this.#restart,
      this.#connection,
      this.events,
    );
    this.#session.restore(this.#redactor);
  }

  get state(): ConnectionState {
    return this.#connection.state;
  }

  /** Whether a connection was ever established (a first failure reads differently from a drop). */
  get everConnected(): boolean {
    return this.#connection.everConnected;
  }

  get messages(): readonly TranscriptMessage[] {
    return this.#transcript.messages;
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
    return this.state === 'connected' && this.#transcript.lastSeq < this.#transcript.replayUntil;
  }

  /**
   * Connected, and the replay the welcome announced is all in (protocol 1.3): what arrives now
   * is new, an event at a time, and a view can show it at once. Always false with a server that
   * does not say where its replay ends (a burst of single events may still be arriving).
   */
  get live(): boolean {
    return this.state === 'connected' && this.#transcript.lastSeq >= this.#transcript.replayUntil;
  }

  /** With the assistant, queued for a person, with an agent, or ended. */
  get phase(): ConversationPhase {
    return this.#phase.phase;
  }

  /** The customer's place in the queue while `phase` is `queued` (and the server said where). */
  get queue(): QueueStatus | undefined {
    return this.#phase.queue;
  }

  /** The person the customer is chatting with, while `phase` is `agent`. */
  get agent(): { name: string; team: string } | undefined {
    return this.#phase.agent;
  }

  /** The reference number and summary of the last ending, if the conversation ended. */
  get case(): CaseInfo | undefined {
    return this.#phase.case;
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

  /** Whether the server takes `accommodations` (1.5); undefined until a welcome names its version. */
  get takesNeeds(): boolean | undefined {
    const version = this.#session.serverVersion;
    return version === undefined ? undefined : knowsAccommodations(version);
  }

  /**
   * States the customer's accommodations (1.5), the note redacted like a message: what it removed.
   * Nothing is sent to a server older than 1.5 (undefined), which would refuse the frame.
   */
  stateNeeds(needs: readonly Accommodation[], note: string): ReturnType<typeof summarize> | undefined {
    if (this.takesNeeds === false) return undefined;
    const result = note.trim() ? this.#redactor.redact(note.trim()) : undefined;
    this.#sendControl('needs', accommodationsFrame(needs, result?.text));
    return summarize(result?.findings ?? []);
  }

  /** Sends a frame now or not at all: never held, never through another tab (the identity check). */
  sendNow(frame: WireFrame): 'sent' | 'offline' | 'other-tab' {
    if (this.#connection.transport?.relayed) return 'other-tab';
    return this.state === 'connected' && this.#connection.send(frame) ? 'sent' : 'offline';
  }

  /** Sends a control frame now, or after the next welcome if not connected. */
  #sendControl(key: string, frame: WireFrame): void {
    if (this.state === 'connected' && this.#connection.send(frame)) {
      this.#outbox.sent(key);
      return;
    }
    this.#outbox.hold(key, frame);
    this.start();
  }

  /** Opens the connection (idempotent). */
  start(): void {
    this.#connection.start();
  }

  /** Closes the connection and stops retrying. The transcript stays. */
  stop(): void {
    this.#connection.stop();
  }

  /** Retries now instead of waiting for the backoff (the browser came back online). */
  retryNow(): void {
    this.#connection.retryNow();
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
    if (this.state === 'closed') return { ok: false, reason: 'closed' };
    if (this.#outbox.full) return { ok: false, reason: 'outbox-full' };
    const block = options.redaction === 'block';
    const result = this.#redactor.redact(draft, { block });
    if (block && result.findings.length > 0)
      return { ok: false, reason: 'blocked', kinds: summarize(result.findings).kinds };
    const message = this.#enqueue(result.text);
    return { ok: true, message, redacted: summarize(result.findings) };
  }

  /** Sends a failed message again, with the same id (the server deduplicates by id). */
  retry(id: string): void {
    const message = this.#transcript.get(id);
    if (!message || message.status !== 'failed' || !this.#outbox.parked(id)) return;
    this.#outbox.unpark(id);
    message.status = 'sending';
    this.#flush();
    this.events.emit('change', undefined);
  }

  /**
   * Adds a notice of this client's own to the transcript (not sent anywhere), below the server's
   * events and above this tab's unsent messages.
   */
  addNotice(text: string): void {
    this.#transcript.insert({ id: `local-${randomId()}`, from: 'system', name: '', text, at: Date.now() });
    this.events.emit('change', undefined);
  }

  /** Tells the other side whether the customer is typing. Never carries text. */
  setTyping(active: boolean): void {
    if (active === this.#typingSent) return;
    if (this.#connection.send(typingFrame(active))) this.#typingSent = active;
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
    this.#transcript.add(message);
    this.#outbox.push(id, text, message.at);
    this.#session.save();
    this.#typingSent = false;
    this.#flush();
    this.events.emit('message', message);
    this.events.emit('change', undefined);
    return message;
  }

  /** Sends every outbox item not yet sent on the current connection, in order. */
  #flush(): void {
    const transport = this.#connection.transport;
    if (this.state !== 'connected' || !transport) return;
    this.#outbox.flush(transport);
  }

  #handleFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'welcome':
        this.#welcome(frame);
        break;
      case 'queue':
        this.#phase.queued(frame);
        break;
      case 'ack':
        this.#acknowledge(frame.id, frame.seq);
        break;
      case 'event':
        this.#transcript.receive(frame.event);
        break;
      case 'events':
        // One change for the frame (up to 500 events, each its own 'message').
        this.#inBatch = true;
        try {
          for (const event of frame.events) this.#transcript.receive(event);
        } finally {
          this.#inBatch = false;
        }
        this.events.emit('change', undefined);
        break;
      case 'typing':
        this.events.emit('typing', { name: frame.name, active: frame.active });
        break;
      case 'error':
        this.#error(frame);
        break;
      case 'tab-key':
        void this.#session.openTabKey(frame.ref, frame.sealed);
        break;
      case 'tab-join':
        this.#connection.joined(frame.ref, frame.ok);
        break;
      case 'verify':
        this.events.emit('verify', frame);
        break;
      case 'upload-request':
        this.events.emit('upload-request', frame);
        break;
      case 'pong':
        break;
    }
  }

  #welcome(frame: Extract<ServerFrame, { type: 'welcome' }>): void {
    this.#transcript.replayUntil = NaN;
    this.#session.welcome(frame, () => {
      this.#transcript.restart();
      this.#phase.restart();
    });
    this.#connection.welcomed();
    // After the state's change: a view renders the new state at once, the replay when it is in.
    this.#transcript.replayUntil = frame.lastSeq ?? NaN;
    this.#restart.applied(undefined, this.#transcript.replayed);
    this.#connection.announce();
    this.#flush();
    this.#outbox.flushControls(this.#connection.transport);
  }

  #error(frame: Extract<ServerFrame, { type: 'error' }>): void {
    if (frame.code === 'auth-expired' || frame.code === 'auth-failed' || frame.code === 'auth-required') {
      this.#session.authError(frame.code);
      return;
    }
    if (frame.code === 'forbidden' && this.state !== 'connected' && this.#session.conversationId) {
      this.#session.resumeRefused(frame.message);
      return;
    }
    if (frame.id) {
      const message = this.#transcript.get(frame.id);
      // About another tab's message (relayed by the leader tab): not ours to report.
      if (!this.#outbox.has(frame.id) || !message) return;
      this.#outbox.park(frame.id);
      message.status = 'failed';
      this.#session.save();
    }
    this.events.emit('error', {
      code: frame.code,
      message: frame.message,
      ...(frame.id ? { id: frame.id } : {}),
    });
    this.events.emit('change', undefined);
  }

  #acknowledge(id: string, seq: number): void {
    if (this.#outbox.acknowledge(id)) this.#session.save();
    const message = this.#transcript.get(id);
    if (message && message.status !== 'sent') {
      message.status = 'sent';
      message.seq = seq;
      this.events.emit('change', undefined);
    }
  }

  /**
   * A frame, or an event of an `events` frame, was dropped as malformed: counted, the first
   * reported; a dropped event that was next counts as applied (a replay can end on it).
   */
  #invalid(seq: number | undefined): void {
    if (!this.#dropped++)
      this.events.emit('error', { code: 'invalid-frame', message: 'Dropped a malformed frame.' });
    if (this.#transcript.skip(seq)) this.events.emit('change', undefined);
  }

  /** One event in seq order: an acknowledgement of this tab's own message, or a new entry. */
  #apply(event: ChatEvent): void {
    if (this.#transcript.get(event.id)) {
      this.#acknowledge(event.id, event.seq);
      return;
    }
    const message = messageOf(event, event.seq <= this.#transcript.historyUntil);
    if (message.notice) this.#phase.notice(message.notice);
    this.#observe(event);
    this.#transcript.insert(message);
    this.events.emit('message', message);
    if (!this.#inBatch) this.events.emit('change', undefined);
    this.#restart.applied(message.notice?.code, this.#transcript.replayed);
  }
}
