import { knowsAccommodations } from '../protocol.js';
import type { HelloFrame, ServerFrame } from '../protocol.js';
import type { Redactor } from '../redaction/index.js';
import type { Emitter } from '../transport/emitter.js';
import type { Connection } from './connection.js';
import type { Outbox } from './outbox.js';
import type { ConversationStore } from './persistence.js';
import type { RestartNotice } from './restart-notice.js';
import { TabKeys } from './tab-key.js';
import type { Transcript } from './transcript.js';
import type { ConversationEvents } from './types.js';

/**
 * Who this client is to the server: the conversation id, the secret that resumes it (protocol
 * 1.4), what the last welcome said (the seal key for other tabs, the protocol version), and what
 * of it survives a reload (with the transcript's place and the unsent messages; persistence.ts
 * holds the storage). The hello asks to resume from here; a welcome or a tab's sealed key
 * changes it; a refused resume or token ends it.
 */
export class Session {
  #conversationId: string | undefined;
  /** The secret that resumes the conversation (protocol 1.4); kept in memory and session storage. */
  #resumeKey: string | undefined;
  /** The server refused to resume: the next hello starts a new conversation. */
  #startOver = false;
  /** The server's key for other tabs' sealed tokens (welcome.sealKey), given to followers. */
  sealKey: string | undefined;
  /** The protocol version of the server's last welcome (none before the first). */
  serverVersion: string | undefined;
  /** A follower tab's pending request for a key of its own (tab-key.ts). */
  readonly #tabKeys = new TabKeys();
  readonly #store: ConversationStore;
  readonly #transcript: Transcript;
  readonly #outbox: Outbox;
  readonly #restart: RestartNotice;
  readonly #connection: Connection;
  readonly #events: Emitter<ConversationEvents>;
  /** Whether the one refresh after an expiry was used; reset by a successful welcome. */
  #refreshedToken = false;

  constructor(
    store: ConversationStore,
    transcript: Transcript,
    outbox: Outbox,
    restart: RestartNotice,
    connection: Connection,
    events: Emitter<ConversationEvents>,
  ) {
    this.#store = store;
    this.#transcript = transcript;
    this.#outbox = outbox;
    this.#restart = restart;
    this.#connection = connection;
    this.#events = events;
  }

  get conversationId(): string | undefined {
    return this.#conversationId;
  }

  /**
   * Picks up a conversation saved before a reload: resumes it from the start (the server's
   * replay rebuilds the transcript) and shows the unsent messages at the bottom, to be sent
   * again with their ids. Stored text is redacted again (storage is writable by page scripts),
   * by the conversation's redactor and in order, as if sent now: a card typed in parts before the
   * reload is held back from what the customer types after it (the split-number rule).
   */
  restore(redactor: Redactor): void {
    const saved = this.#store.load();
    if (!saved) return;
    this.#conversationId = saved.conversationId;
    this.#resumeKey = saved.resumeKey;
    this.#transcript.historyUntil = saved.lastSeq;
    for (const item of saved.outbox) {
      const text = redactor.redact(item.text).text;
      this.#transcript.add({ id: item.id, from: 'customer', name: '', text, at: item.at, status: 'sending' });
      this.#outbox.push(item.id, text, item.at);
    }
  }

  /** Saves the conversation, its place and unsent messages (nothing before it has an id). */
  save(): void {
    const conversationId = this.#conversationId;
    if (!conversationId) return;
    // Frames of one page share session storage: a tab still waiting for its own key keeps the
    // one another frame saved for the same conversation.
    const stored = this.#resumeKey ? undefined : this.#store.load();
    const key = this.#resumeKey ?? (stored?.conversationId === conversationId ? stored.resumeKey : undefined);
    this.#store.save({
      conversationId,
      ...(key ? { resumeKey: key } : {}),
      lastSeq: this.#transcript.lastSeq,
      outbox: this.#outbox.saved(),
    });
  }

  /** What a hello asks to resume; the key never on a connection another tab relays. */
  resume(relayed: boolean): HelloFrame['resume'] {
    const key = relayed ? undefined : this.#resumeKey;
    return this.#conversationId && !this.#startOver
      ? { conversationId: this.#conversationId, lastSeq: this.#transcript.lastSeq, ...(key ? { key } : {}) }
      : undefined;
  }

  /**
   * A welcome: its conversation becomes this client's (a new one restarts the parts through
   * `restartParts`, then is saved), and its resume key, seal key and version are kept.
   */
  welcome(frame: Extract<ServerFrame, { type: 'welcome' }>, restartParts: () => void): void {
    const replaced = this.#conversationId !== undefined && this.#conversationId !== frame.conversationId;
    this.#restart.welcome(replaced, this.#startOver);
    this.#startOver = false;
    if (this.#conversationId !== frame.conversationId) {
      this.#conversationId = frame.conversationId;
      this.#resumeKey = undefined;
      restartParts();
      this.save();
    }
    if (frame.resumeKey) {
      this.#resumeKey = frame.resumeKey;
      this.save();
    }
    if (frame.sealKey) this.sealKey = frame.sealKey;
    this.serverVersion = frame.v;
    // Needs stated while offline, for a server older than 1.5: not sent (it would refuse them).
    if (!knowsAccommodations(frame.v)) this.#outbox.drop('needs');
    // A follower tab has no key of its own yet: ask for one, to take over one day.
    const transport = this.#connection.transport;
    if (!this.#resumeKey && transport?.relayed) {
      void this.#tabKeys.ask(transport, () => this.#connection.transport === transport && !this.#resumeKey);
    }
    this.#refreshedToken = false;
  }

  /** A sealed key for some tab: this one's if it opens with this tab's private key. */
  async openTabKey(ref: string, sealed: string): Promise<void> {
    const conversationId = this.#conversationId;
    const key = await this.#tabKeys.open(ref, sealed, () => this.#conversationId === conversationId);
    if (!key) return;
    this.#resumeKey = key;
    this.save();
  }

  /**
   * The server refused to resume (another customer's token, or no valid key): the saved
   * conversation is forgotten and a new one starts at once; what the customer had not sent yet
   * goes into it (the welcome of the new one says `restarted`). Reported as `resume-refused`.
   */
  resumeRefused(message: string): void {
    this.#startOver = true;
    this.#resumeKey = undefined;
    this.#tabKeys.forget();
    this.#store.clear();
    this.#connection.reconnectAtOnce();
    this.#events.emit('error', { code: 'resume-refused', message });
  }

  /**
   * An expired token is refreshed once (an immediate reconnect asks the provider again); a
   * second expiry in a row, or a refused or missing token, ends the conversation with an error
   * the customer is told about.
   */
  authError(code: 'auth-expired' | 'auth-failed' | 'auth-required'): void {
    if (code === 'auth-expired' && !this.#refreshedToken) {
      this.#refreshedToken = true;
      this.#connection.reconnectAtOnce();
      return;
    }
    this.#connection.stop();
    this.#events.emit('error', { code: 'auth-failed', message: 'The chat could not verify your session.' });
  }
}
