import type { HelloFrame, ServerFrame } from '../protocol.js';
import { createRedactor } from '../redaction/index.js';
import type { RedactedText } from '../redaction/index.js';
import { TransportSelector } from '../transport/index.js';
import type { Emitter } from '../transport/emitter.js';
import type { Transport, TransportFactory, WireFrame } from '../transport/index.js';
import { Backoff } from './backoff.js';
import { helloFrame, pingFrame } from './outbound.js';
import { sealToken } from './tab-key.js';
import { TabHub, tabsSupported } from './tabs.js';
import type { LeaderView } from './tabs.js';
import type { ConnectionState, ConversationEvents, ConversationOptions } from './types.js';

/** What the connection asks of its conversation. */
export interface ConnectionHost extends Pick<
  LeaderView,
  'conversationId' | 'log' | 'queue' | 'sealKey' | 'version'
> {
  /** What the hello asks to resume (`relayed`: the connection is another tab's). */
  resume(relayed: boolean): HelloFrame['resume'];
  frame(frame: ServerFrame): void;
  /** A frame, or an event of an `events` frame, was dropped as malformed. */
  invalid(seq: number | undefined): void;
  /** The transport closed: what was said on it (typing) is gone. */
  closed(): void;
}

/**
 * The transport's lifecycle: one connection at a time (to the server, or to the leader tab when
 * tabs share the conversation), reconnecting with backoff after a drop, a heartbeat that drops a
 * silent one, and the connection state the customer sees (emitted as `state`, then `change`).
 */
export class Connection {
  readonly #options: ConversationOptions;
  readonly #events: Emitter<ConversationEvents>;
  readonly #host: ConnectionHost;
  readonly #factory: TransportFactory;
  readonly #selector: TransportSelector;
  #state: ConnectionState = 'idle';
  #transport: Transport | undefined;
  /** The delays between attempts; starts over once the server welcomes a connection. */
  readonly #backoff = new Backoff();
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #started = false;
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  #lastHeard = 0;
  #everConnected = false;
  #hub: TabHub | undefined;
  /** Reconnect without backoff: to fetch a fresh token, or to take over as the leader tab. */
  #reconnectAtOnce = false;

  constructor(options: ConversationOptions, events: Emitter<ConversationEvents>, host: ConnectionHost) {
    this.#options = options;
    this.#events = events;
    this.#host = host;
    this.#selector = new TransportSelector(options.endpoint, options.transport);
    this.#factory =
      options.transportFactory ??
      (() => (this.#hub && !this.#hub.leader ? this.#hub.follower() : this.#selector.next()));
  }

  get state(): ConnectionState {
    return this.#state;
  }

  /** The current connection attempt, open or not. */
  get transport(): Transport | undefined {
    return this.#transport;
  }

  /** Whether a connection was ever established (a first failure reads differently from a drop). */
  get everConnected(): boolean {
    return this.#everConnected;
  }

  /** Sends on the current connection; false when there is none or it refuses. */
  send(frame: WireFrame): boolean {
    return this.#transport?.send(frame) ?? false;
  }

  /** The next reconnect skips the backoff (a fresh token, a refused resume, a takeover). */
  reconnectAtOnce(): void {
    this.#reconnectAtOnce = true;
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

  /** Closes the connection and stops retrying. */
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

  /** The server welcomed this connection: the backoff starts over and the state is `connected`. */
  welcomed(): void {
    this.#backoff.reset();
    this.#everConnected = true;
    this.#startHeartbeat();
    this.#setState('connected');
  }

  /** Leader: tells the follower tabs to (re)connect to this tab, now that it is connected. */
  announce(): void {
    this.#hub?.announce();
  }

  /** Leader: the server's answer about a follower tab's sealed token. */
  joined(ref: string, ok: boolean): void {
    this.#hub?.joined(ref, ok);
  }

  #leaderView(): LeaderView {
    return {
      send: (frame) => this.send(frame),
      state: () => this.#state,
      conversationId: () => this.#host.conversationId(),
      log: () => this.#host.log(),
      queue: () => this.#host.queue(),
      bound: () => this.#options.tokenProvider !== undefined,
      sealKey: () => this.#host.sealKey(),
      version: () => this.#host.version(),
    };
  }

  /** This tab became the leader: drop the link to the old leader and connect for real. */
  #takeOver(): void {
    const transport = this.#transport;
    if (!transport) return; // the next attempt will pick the real transport by itself
    this.#reconnectAtOnce = true;
    transport.close();
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
      this.#host.frame(frame);
      if (this.#hub?.leader) this.#hub.relay(frame);
    });
    transport.events.on('invalid', (seq) => this.#host.invalid(seq));
    transport.events.on('close', () => {
      if (this.#transport !== transport) return;
      clearInterval(this.#heartbeat);
      this.#selector.report(opened);
      // Followers are told when the link drops, and when the first attempt fails (any waiting
      // for its welcome); later failures reach them as they ask (see TabHub).
      if (this.#hub?.leader && (this.#state === 'connected' || this.#state === 'connecting'))
        this.#hub.announceLost();
      this.#transport = undefined;
      this.#host.closed();
      if (!this.#started) return;
      const offline = typeof navigator !== 'undefined' && !navigator.onLine;
      this.#setState(offline ? 'offline' : 'reconnecting');
      const delay = this.#reconnectAtOnce ? 0 : this.#backoff.next();
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
    const resume = this.#host.resume(transport.relayed === true);
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

  #setState(state: ConnectionState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#events.emit('state', state);
    this.#events.emit('change', undefined);
  }
}

/** The host's `account` reference goes through the same redaction as customer text. */
function redactAccount(account: string): RedactedText {
  return createRedactor().redact(account).text;
}
