/**
 * `<agent-console endpoint="ws://…/chat">`: the reference server's agent console (demo).
 *
 * A person signs in as a contact-center agent, sees who is waiting (with the assistant's
 * summary), accepts conversations, chats with several customers at once, transfers a
 * conversation to another team or ends it with a summary (which issues a case number).
 * Speaks the protocol of `src/agent-protocol.ts` over a WebSocket at `/agent`, derived from the
 * customer endpoint in `endpoint` (without one, `/agent` on the page's own origin): the configured
 * server, which the page's address cannot change. Only in development mode
 * (`dev-endpoint-from-query`, which `DEMO_CONSOLE_DEV=on npm start` sets) may `?endpoint=` name
 * another server; the console then says so on screen and never sends that server the passcode.
 *
 * Renders into light DOM: the page's landmarks, headings, labels, the modal `<dialog>` and
 * every `aria-describedby` share one ID scope, and `demo/agent.css` styles it. IDs carry a
 * per-instance prefix. Every text from the wire is rendered through Lit bindings (plain text).
 *
 * Two languages at once: the console's own words are English; every text of a conversation (its
 * messages and notices, what the agent writes to it, the summary for the customer, the customer's
 * words in announcements) carries that conversation's `lang`. Times follow the console's locale
 * (its `lang`, the page's, or the browser's) as the widget writes them. Waits change once a minute,
 * never every second. See the agent-console section of docs/accessibility.md.
 */
import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { MAX_AGENT_TEXT, TEAMS, isTeam, parseAgentServerFrame } from '../src/agent-protocol.js';
import type {
  AgentClientFrame,
  AgentServerFrame,
  AssignedFrame,
  BoardFrame,
  ReleasedFrame,
  Team,
  WaitingConversation,
} from '../src/agent-protocol.js';
import { backoffDelay } from '../src/conversation/backoff.js';
import { PROTOCOL_VERSION } from '../src/protocol.js';
import type { ChatEvent, ErrorFrame } from '../src/protocol.js';
import { ConsoleAnnouncer } from './agent-console-announcer.js';
import {
  CONSOLE_LANGUAGE,
  consoleLocale,
  contentLang,
  formatTime,
  formatWait,
  isConsoleLanguage,
  languageLabel,
  nextWaitChange,
  teamLabel,
  teamPhrase,
  up,
} from './agent-console-format.js';

export { formatTime, formatWait, languageLabel, teamLabel } from './agent-console-format.js';

/** Longest agent name the server accepts. */
export const MAX_NAME_LENGTH = 40;
/** The agent stops "typing" this long after the last keystroke. */
const TYPING_IDLE_MS = 2500;
/** Reconnect delays: full jitter, capped. */
const RECONNECT_BASE_MS = 500;
const RECONNECT_CAP_MS = 15_000;
/** Give up on a sign-in that got no `agent-welcome` in this time. */
const SIGN_IN_TIMEOUT_MS = 10_000;
const PING_EVERY_MS = 25_000;

/**
 * The console's WebSocket URL from a customer endpoint: `ws://host:port/chat` → `ws://host:port/agent`
 * (an `…/agent` URL is kept; `http(s)` becomes `ws(s)`; an empty one is `/agent` on the page's origin).
 */
export function agentEndpoint(endpoint: string): string {
  const url = new URL(endpoint || '/agent', location.href);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  url.pathname = `${url.pathname.replace(/\/+$/, '').replace(/\/(chat|agent)$/, '')}/agent`;
  url.search = '';
  url.hash = '';
  return url.toString();
}

function newId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `m-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

type Connection = 'signed-out' | 'connecting' | 'signed-in' | 'reconnecting';

type ConversationStatus =
  'active' | 'transferring' | 'transferred' | 'ending' | 'ended' | 'customer-ended' | 'lost';

interface PendingMessage {
  id: string;
  text: string;
  at: number;
  seq?: number;
  error?: string;
}

interface Conversation {
  id: string;
  /** Local number, for names ("Customer 2"). */
  number: number;
  lang: string;
  team: Team;
  summary: string;
  recap: string;
  account?: string;
  events: ChatEvent[];
  pending: PendingMessage[];
  status: ConversationStatus;
  transferredTo?: Team;
  caseNumber?: string;
  customerTyping: boolean;
  unread: number;
  draft: string;
  composerError: string;
  endSummary: string;
  transferTeam: Team;
}

type Outstanding =
  | { kind: 'accept'; conversationId: string }
  | { kind: 'transfer'; conversationId: string; team: Team }
  | { kind: 'end'; conversationId: string };

type FocusTarget =
  'board-heading' | 'composer' | 'name' | 'passcode' | 'pane-status' | 'end-button' | 'signin-submit';

let instances = 0;

/**
 * The time and the timers the console's waits and reconnects run on; tests give a fake one
 * (`clock`), as they give a scripted server (`socketFactory`).
 */
export interface ConsoleClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: ConsoleClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout> | undefined),
};

export class AgentConsoleElement extends LitElement {
  /**
   * The customer chat endpoint (`ws://…/chat`); the console connects to `/agent` on the same server
   * (without one, to `/agent` on the page's own origin). Only this server gets the passcode.
   */
  @property() endpoint = '';

  /**
   * Development mode, never for a deployment: a `?endpoint=` query parameter of the page may then
   * name another server (`DEMO_CONSOLE_DEV=on npm start` sets it on demo/agent.html). While one
   * does, the console says so on screen and sends no passcode.
   */
  @property({ type: Boolean, attribute: 'dev-endpoint-from-query' }) devEndpointFromQuery = false;

  /** The clock of waits and reconnects (JS only; tests set a fake one before connecting the element). */
  clock: ConsoleClock = realClock;

  /** Opens the console's WebSocket (JS only; tests swap in a scripted server). */
  socketFactory: (url: string) => WebSocket = (url) => new WebSocket(url);

  @state() private connection: Connection = 'signed-out';
  @state() private agentName = '';
  @state() private agentTeam: Team = 'general';
  @state() private nameError = '';
  @state() private passcodeError = '';
  @state() private signInError = '';
  @state() private board: BoardFrame | undefined;
  @state() private conversations: Conversation[] = [];
  @state() private selectedId = '';
  @state() private boardMessage = '';
  @state() private copyMessage = '';
  /**
   * A field whose error was announced while it had focus: its description gains the error only
   * once focus leaves, so the error is not said a second time as a changed description.
   */
  @state() private quietError: 'name' | 'passcode' | undefined;

  private readonly announcer = new ConsoleAnnouncer(this, () => this.clock);
  private readonly ids = `ac${++instances}`;
  /** The console passcode, in memory only (for reconnects); never rendered back or stored. */
  #passcode = '';
  private socket: WebSocket | undefined;
  private attempt = 0;
  private reconnectTimer: unknown;
  private signInTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  /** The board's next redraw (a wait's text changes once a minute), and when it is due. */
  private tickTimer: unknown;
  private tickAt: number | undefined;
  /** Follows `lang` on the element and up the tree (the locale of times; the console's own words). */
  #langWatch = new MutationObserver(() => this.requestUpdate());
  private welcomed = false;
  private firstBoard = true;
  private outstanding: Outstanding[] = [];
  private typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private conversationCount = 0;
  private composing = false;
  private pendingFocus: FocusTarget | undefined;
  private focusHome: string | undefined;
  private focusBefore: Element | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.closeSocket();
    this.clock.clearTimeout(this.reconnectTimer);
    this.clock.clearTimeout(this.tickTimer);
    this.tickTimer = this.tickAt = undefined;
    this.#langWatch.disconnect();
    for (const timer of this.typingTimers.values()) clearTimeout(timer);
    this.typingTimers.clear();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#langWatch.observe(this, { attributeFilter: ['lang'] });
    for (let node = up(this); node; node = up(node)) {
      if (node instanceof Element) this.#langWatch.observe(node, { attributeFilter: ['lang'] });
    }
  }

  /** The `/agent` URL this console connects to. */
  get agentUrl(): string {
    return this.overrideAgentUrl ?? this.configuredAgentUrl;
  }

  /** The `/agent` URL of the configured server: from `endpoint`, else on the page's own origin. */
  get configuredAgentUrl(): string {
    return agentEndpoint(this.endpoint);
  }

  /**
   * In development mode only, the `/agent` URL named by the page's `?endpoint=`, when it is another
   * server than the configured one; otherwise `undefined`.
   */
  get overrideAgentUrl(): string | undefined {
    if (!this.devEndpointFromQuery) return undefined;
    const query = new URLSearchParams(location.search).get('endpoint');
    if (!query) return undefined;
    let url: string;
    try {
      url = agentEndpoint(query);
    } catch {
      return undefined;
    }
    return url === this.configuredAgentUrl ? undefined : url;
  }

  // ---- connection ----------------------------------------------------------------------------

  private connect(): void {
    this.closeSocket();
    const url = this.agentUrl;
    // The passcode goes to the configured server only, never to one the page's address named.
    const secret = url === this.configuredAgentUrl ? this.#passcode : '';
    let ws: WebSocket;
    try {
      ws = this.socketFactory(url);
    } catch {
      this.connectionFailed();
      return;
    }
    this.socket = ws;
    this.welcomed = false;
    ws.addEventListener('open', () => {
      if (ws !== this.socket) return;
      this.sendFrame({
        type: 'agent-hello',
        v: PROTOCOL_VERSION,
        name: this.agentName,
        team: this.agentTeam,
        // The passcode travels only in this frame; it is kept in memory for reconnects only.
        ...(secret ? { secret } : {}),
      });
      this.signInTimer = setTimeout(() => {
        if (ws === this.socket && !this.welcomed) ws.close();
      }, SIGN_IN_TIMEOUT_MS);
    });
    ws.addEventListener('message', (event: MessageEvent) => {
      if (ws !== this.socket || typeof event.data !== 'string') return;
      const frame = parseAgentServerFrame(event.data);
      if (frame) this.onFrame(frame);
    });
    ws.addEventListener('close', () => {
      if (ws !== this.socket) return;
      this.socket = undefined;
      clearTimeout(this.signInTimer);
      clearInterval(this.pingTimer);
      this.connectionFailed();
    });
  }

  private closeSocket(): void {
    const ws = this.socket;
    this.socket = undefined;
    clearTimeout(this.signInTimer);
    clearInterval(this.pingTimer);
    if (ws && ws.readyState !== WebSocket.CLOSED) ws.close(1000);
  }

  /** The socket closed (or never opened). */
  private connectionFailed(): void {
    if (this.connection === 'connecting') {
      this.connection = 'signed-out';
      this.signInError = `Cannot connect to the chat server (${this.agentUrl}). Check that it is running, then sign in again.`;
      this.announcer.announce(this.signInError, 'assertive');
      return;
    }
    if (this.connection === 'signed-in') {
      this.connection = 'reconnecting';
      this.attempt = 0;
      this.markConversationsLost();
      this.announcer.announce('Connection lost. Reconnecting…', 'assertive');
    } else if (this.connection === 'reconnecting') {
      this.attempt += 1;
    } else {
      return;
    }
    const delay = Math.max(RECONNECT_BASE_MS, backoffDelay(this.attempt, 1000, RECONNECT_CAP_MS));
    this.clock.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = this.clock.setTimeout(() => this.connect(), delay);
  }

  private markConversationsLost(): void {
    this.outstanding = [];
    this.conversations = this.conversations.map((c) =>
      c.status === 'active' || c.status === 'transferring' || c.status === 'ending'
        ? { ...c, status: 'lost', customerTyping: false }
        : c,
    );
  }

  private sendFrame(frame: AgentClientFrame): boolean {
    const ws = this.socket;
    if (!ws || ws.readyState !== WebSocket.OPEN) return false;
    ws.send(JSON.stringify(frame));
    return true;
  }

  private get online(): boolean {
    return this.connection === 'signed-in' && this.socket?.readyState === WebSocket.OPEN;
  }

  // ---- frames --------------------------------------------------------------------------------

  private onFrame(frame: AgentServerFrame): void {
    switch (frame.type) {
      case 'agent-welcome':
        this.onWelcome();
        break;
      case 'board':
        this.onBoard(frame);
        break;
      case 'assigned':
        this.onAssigned(frame);
        break;
      case 'conversation-event':
        this.onEvent(frame.conversationId, frame.event);
        break;
      case 'customer-typing':
        this.onCustomerTyping(frame.conversationId, frame.active);
        break;
      case 'released':
        this.onReleased(frame);
        break;
      case 'ack':
        this.onAck(frame.id, frame.seq);
        break;
      case 'error':
        this.onError(frame);
        break;
      case 'pong':
        break;
    }
  }

  private onWelcome(): void {
    this.welcomed = true;
    clearTimeout(this.signInTimer);
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => this.sendFrame({ type: 'ping' }), PING_EVERY_MS);
    const reconnected = this.connection === 'reconnecting';
    this.connection = 'signed-in';
    this.attempt = 0;
    this.firstBoard = true;
    this.signInError = '';
    this.nameError = '';
    this.passcodeError = '';
    if (reconnected) {
      this.announcer.announce('Reconnected.');
    } else {
      this.pendingFocus = 'board-heading';
      this.announcer.announce(`Signed in as ${this.agentName}, ${teamLabel(this.agentTeam)} team.`);
    }
  }

  private onBoard(frame: BoardFrame): void {
    const previous = this.board;
    this.board = frame;
    const count = frame.waiting.length;
    if (this.firstBoard) {
      this.firstBoard = false;
      this.announcer.announce(
        count === 0 ? 'Nobody is waiting.' : `${count} ${count === 1 ? 'customer' : 'customers'} waiting.`,
      );
      return;
    }
    const known = new Set(previous?.waiting.map((w) => w.conversationId));
    const arrivals = frame.waiting.filter((w) => !known.has(w.conversationId));
    const [first] = arrivals;
    if (arrivals.length === 1 && first) {
      this.announcer.announce(`New customer waiting, ${teamLabel(first.team)} queue.`);
    } else if (arrivals.length > 1) {
      this.announcer.announce(`${arrivals.length} new customers waiting.`);
    }
    if (previous && previous.simulate !== frame.simulate) {
      this.announcer.announce(`Simulated agent turned ${frame.simulate ? 'on' : 'off'}.`);
    }
  }

  private onAssigned(frame: AssignedFrame): void {
    const requested = this.takeOutstanding('accept', frame.conversationId);
    const existing = this.conversations.find((c) => c.id === frame.conversationId);
    const events = [...frame.events].sort((a, b) => a.seq - b.seq);
    const conversation: Conversation = {
      id: frame.conversationId,
      number: existing?.number ?? ++this.conversationCount,
      lang: frame.lang,
      team: frame.team,
      summary: frame.summary,
      recap: frame.recap,
      ...(frame.account === undefined ? {} : { account: frame.account }),
      events,
      pending: [],
      status: 'active',
      customerTyping: false,
      unread: 0,
      draft: existing?.draft ?? '',
      composerError: '',
      endSummary: frame.recap,
      transferTeam: TEAMS.find((t) => t !== frame.team) ?? 'general',
    };
    this.conversations = existing
      ? this.conversations.map((c) => (c.id === frame.conversationId ? conversation : c))
      : [...this.conversations, conversation];
    this.boardMessage = '';
    if (requested || !this.selectedId) this.selectedId = conversation.id;
    if (requested) this.pendingFocus = 'composer';
    this.announcer.announce(
      `You are now chatting with Customer ${conversation.number}, ${teamLabel(frame.team)} queue, ${languageLabel(frame.lang)}.`,
    );
  }

  private onEvent(conversationId: string, event: ChatEvent): void {
    const conversation = this.conversations.find((c) => c.id === conversationId);
    if (!conversation) return;
    if (conversation.events.some((e) => e.seq === event.seq)) return;
    const events = [...conversation.events, event].sort((a, b) => a.seq - b.seq);
    const pending = conversation.pending.filter((p) => p.id !== event.id && p.seq !== event.seq);
    const fromCustomer = event.from === 'customer' && event.kind === 'message';
    const selected = conversation.id === this.selectedId;
    this.patch(conversationId, {
      events,
      pending,
      ...(fromCustomer ? { customerTyping: false } : {}),
      ...(fromCustomer && !selected ? { unread: conversation.unread + 1 } : {}),
    });
    if (fromCustomer) {
      // The customer's words in their language; the console's around them in its own.
      this.announcer.announce(
        selected
          ? [`Customer ${conversation.number}: `, { text: event.text, lang: contentLang(conversation.lang) }]
          : `New message from Customer ${conversation.number}.`,
      );
    }
  }

  private onCustomerTyping(conversationId: string, active: boolean): void {
    const conversation = this.conversations.find((c) => c.id === conversationId);
    if (!conversation || conversation.customerTyping === active) return;
    this.patch(conversationId, { customerTyping: active });
    // Once per spell (the start), and only for the conversation on screen.
    if (active && conversationId === this.selectedId) {
      this.announcer.announce(`Customer ${conversation.number} is typing…`);
    }
  }

  private onReleased(frame: ReleasedFrame): void {
    const conversation = this.conversations.find((c) => c.id === frame.conversationId);
    const transfer = this.takeOutstanding('transfer', frame.conversationId);
    this.takeOutstanding('end', frame.conversationId);
    if (!conversation) return;
    this.stopTyping(conversation.id);
    const who = `Customer ${conversation.number}`;
    const caseNumber = frame.caseNumber ?? conversation.caseNumber;
    if (frame.reason === 'transferred') {
      const team = transfer?.kind === 'transfer' ? transfer.team : conversation.transferredTo;
      this.patch(conversation.id, {
        status: 'transferred',
        customerTyping: false,
        ...(team ? { transferredTo: team } : {}),
      });
      this.announcer.announce(team ? `${who} transferred to ${teamPhrase(team)}.` : `${who} transferred.`);
    } else {
      this.patch(conversation.id, {
        status: frame.reason,
        customerTyping: false,
        ...(caseNumber ? { caseNumber } : {}),
      });
      const what = frame.reason === 'customer-ended' ? `${who} ended the chat.` : `Chat with ${who} ended.`;
      this.announcer.announce(caseNumber ? `${what} Case number ${caseNumber}.` : what);
      if (this.selectedId === conversation.id && this.endDialog?.open) {
        this.endDialog.close();
        this.pendingFocus = 'pane-status';
      }
    }
  }

  private onAck(id: string, seq: number): void {
    for (const conversation of this.conversations) {
      const message = conversation.pending.find((p) => p.id === id);
      if (!message) continue;
      const stored = conversation.events.some((e) => e.seq === seq);
      this.patch(conversation.id, {
        pending: stored
          ? conversation.pending.filter((p) => p.id !== id)
          : conversation.pending.map((p) => (p.id === id ? { ...p, seq } : p)),
      });
      return;
    }
  }

  private onError(frame: ErrorFrame): void {
    if (!this.welcomed) {
      // The server refused the sign-in.
      const connection = this.connection;
      this.connection = 'signed-out';
      this.clock.clearTimeout(this.reconnectTimer);
      this.closeSocket();
      this.conversations = [];
      this.selectedId = '';
      this.board = undefined;
      if (frame.code === 'auth-failed') {
        // A wrong or missing passcode: final (no reconnect loop), said on the passcode field.
        this.fieldError(
          'passcode',
          'The passcode is missing or wrong. Ask your supervisor for the console passcode.',
        );
      } else {
        this.fieldError('name', `The server refused the sign-in: ${frame.message}`);
      }
      if (connection === 'reconnecting') this.signInError = 'You were signed out.';
      return;
    }
    if (frame.id) {
      for (const conversation of this.conversations) {
        if (!conversation.pending.some((p) => p.id === frame.id)) continue;
        this.patch(conversation.id, {
          pending: conversation.pending.map((p) => (p.id === frame.id ? { ...p, error: frame.message } : p)),
        });
        this.announcer.announce(`Message not sent: ${frame.message}`, 'assertive');
        return;
      }
    }
    // The server names the conversation a refused request was about; requests are answered in
    // order, so the oldest outstanding one is the fallback.
    const refused = ['taken', 'forbidden', 'not-found', 'too-long'].includes(frame.code);
    const index = refused
      ? Math.max(
          0,
          this.outstanding.findIndex((o) => o.conversationId === frame.conversationId),
        )
      : -1;
    const request = index >= 0 ? this.outstanding.splice(index, 1)[0] : undefined;
    if (request?.kind === 'accept') {
      const reasons: Record<string, string> = {
        taken: 'Another agent took that conversation.',
        forbidden: 'Your team may not take that conversation.',
        'not-found': 'That conversation is no longer waiting.',
      };
      this.boardMessage = reasons[frame.code] ?? frame.message;
      this.announcer.announce(this.boardMessage, 'assertive');
      return;
    }
    if (request) {
      const conversation = this.conversations.find((c) => c.id === request.conversationId);
      if (conversation) {
        const what = request.kind === 'transfer' ? 'Transfer' : 'Ending the chat';
        this.patch(conversation.id, {
          status:
            conversation.status === 'ending' || conversation.status === 'transferring'
              ? 'active'
              : conversation.status,
          composerError: `${what} failed: ${frame.message}`,
        });
        this.announcer.announce(`${what} failed: ${frame.message}`, 'assertive');
        return;
      }
    }
    this.boardMessage = `The server said: ${frame.message}`;
    this.announcer.announce(this.boardMessage, 'assertive');
  }

  private takeOutstanding(kind: Outstanding['kind'], conversationId: string): Outstanding | undefined {
    const index = this.outstanding.findIndex((o) => o.kind === kind && o.conversationId === conversationId);
    if (index < 0) return undefined;
    return this.outstanding.splice(index, 1)[0];
  }

  private patch(conversationId: string, changes: Partial<Conversation>): void {
    this.conversations = this.conversations.map((c) => (c.id === conversationId ? { ...c, ...changes } : c));
  }

  private find(conversationId: string): Conversation | undefined {
    return this.conversations.find((c) => c.id === conversationId);
  }

  private get selected(): Conversation | undefined {
    return this.conversations.find((c) => c.id === this.selectedId);
  }

  private canAccept(team: Team): boolean {
    return this.agentTeam === 'supervisor' || team === 'general' || team === this.agentTeam;
  }

  /**
   * An error about a sign-in field, said once (issue 24, item 7): focus moves to the field, whose
   * description says it (no announcement as well). When focus is on the field already, moving it
   * there says nothing: the error is announced, and joins the field's description only once focus
   * leaves (screen readers that report a changed description would otherwise read it twice).
   */
  private fieldError(field: 'name' | 'passcode', message: string): void {
    if (field === 'name') this.nameError = message;
    else this.passcodeError = message;
    const input = this.querySelector(`#${this.ids}-${field}`);
    if (input && input === document.activeElement) {
      this.quietError = field;
      this.announcer.announce(message, 'assertive');
    } else {
      if (this.quietError === field) this.quietError = undefined;
      this.pendingFocus = field;
      // (The same error again changes no state: the focus still has to move.)
      this.requestUpdate();
    }
  }

  #onFieldBlur(event: FocusEvent): void {
    const field = (event.currentTarget as HTMLInputElement).name;
    if (field === this.quietError) this.quietError = undefined;
  }

  // ---- user actions --------------------------------------------------------------------------

  #onSignIn(event: SubmitEvent): void {
    event.preventDefault();
    if (this.connection !== 'signed-out') return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const name = ((data.get('name') as string | null) ?? '').trim();
    const team = data.get('team');
    this.signInError = '';
    if (!name) {
      this.fieldError('name', 'Enter your name.');
      return;
    }
    if (name.length > MAX_NAME_LENGTH) {
      this.fieldError('name', `Use at most ${MAX_NAME_LENGTH} characters.`);
      return;
    }
    this.nameError = '';
    const passcode = ((data.get('passcode') as string | null) ?? '').slice(0, 256);
    const override = this.overrideAgentUrl;
    if (passcode && override) {
      // Development mode: refused rather than silently dropped, so nobody wonders why it failed.
      this.fieldError(
        'passcode',
        `Development mode: the passcode goes only to this console's configured server, not to ${override}. Empty this field to sign in there without one.`,
      );
      return;
    }
    this.passcodeError = '';
    this.agentName = name;
    this.agentTeam = isTeam(team) ? team : 'general';
    this.#passcode = passcode;
    this.connection = 'connecting';
    this.announcer.announce('Signing in…');
    this.connect();
  }

  #signOut(): void {
    this.clock.clearTimeout(this.reconnectTimer);
    for (const id of this.typingTimers.keys()) this.stopTyping(id);
    this.closeSocket();
    this.connection = 'signed-out';
    this.board = undefined;
    this.conversations = [];
    this.selectedId = '';
    this.outstanding = [];
    this.boardMessage = '';
    this.pendingFocus = 'name';
    this.announcer.announce('Signed out.');
  }

  private accept(conversationId: string): void {
    this.boardMessage = '';
    if (!this.sendFrame({ type: 'accept', conversationId })) {
      this.boardMessage = 'Not connected. Wait for the console to reconnect, then try again.';
      this.announcer.announce(this.boardMessage, 'assertive');
      return;
    }
    this.outstanding.push({ kind: 'accept', conversationId });
  }

  private select(conversationId: string): void {
    if (this.selectedId && this.selectedId !== conversationId) this.stopTyping(this.selectedId);
    this.selectedId = conversationId;
    this.logWasAtEnd = true;
    this.patch(conversationId, { unread: 0 });
  }

  #setSimulate(event: Event): void {
    const box = event.currentTarget as HTMLInputElement;
    if (!this.sendFrame({ type: 'simulate', enabled: box.checked })) {
      box.checked = this.board?.simulate ?? false;
      this.boardMessage = 'Not connected: the setting was not changed.';
      this.announcer.announce(this.boardMessage, 'assertive');
    }
  }

  private onComposerInput(conversationId: string, event: Event): void {
    const conversation = this.find(conversationId);
    if (!conversation) return;
    const draft = (event.currentTarget as HTMLTextAreaElement).value;
    this.patch(conversation.id, { draft, composerError: '' });
    if (conversation.status !== 'active' || !this.online) return;
    if (!draft) {
      this.stopTyping(conversation.id);
      return;
    }
    const timer = this.typingTimers.get(conversation.id);
    if (timer === undefined)
      this.sendFrame({ type: 'typing', conversationId: conversation.id, active: true });
    clearTimeout(timer);
    this.typingTimers.set(
      conversation.id,
      setTimeout(() => this.stopTyping(conversation.id), TYPING_IDLE_MS),
    );
  }

  private stopTyping(conversationId: string): void {
    const timer = this.typingTimers.get(conversationId);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.typingTimers.delete(conversationId);
    this.sendFrame({ type: 'typing', conversationId, active: false });
  }

  #onComposerKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || this.composing) return;
    event.preventDefault();
    const conversation = this.selected;
    if (conversation) this.sendDraft(conversation);
  }

  #onCompositionStart(): void {
    this.composing = true;
  }

  #onCompositionEnd(): void {
    // Some browsers send the Enter that commits a composition after `compositionend`.
    setTimeout(() => (this.composing = false), 0);
  }

  private onComposerSubmit(conversationId: string, event: SubmitEvent): void {
    event.preventDefault();
    const conversation = this.find(conversationId);
    if (!conversation) return;
    this.sendDraft(conversation);
  }

  private sendDraft(conversation: Conversation): void {
    const text = conversation.draft;
    if (conversation.status !== 'active') return;
    if (!text.trim()) {
      this.patch(conversation.id, { composerError: 'Write a message first.' });
      return;
    }
    if (text.length > MAX_AGENT_TEXT) {
      this.patch(conversation.id, { composerError: `Messages can be at most ${MAX_AGENT_TEXT} characters.` });
      return;
    }
    const id = newId();
    if (!this.online || !this.sendFrame({ type: 'say', conversationId: conversation.id, id, text })) {
      this.patch(conversation.id, { composerError: 'Not sent: the console is reconnecting.' });
      this.announcer.announce('Not sent: the console is reconnecting.', 'assertive');
      return;
    }
    this.stopTyping(conversation.id);
    this.patch(conversation.id, {
      draft: '',
      composerError: '',
      pending: [...conversation.pending, { id, text, at: Date.now() }],
    });
  }

  private onTransferTeam(conversationId: string, event: Event): void {
    const conversation = this.find(conversationId);
    if (!conversation) return;
    const value = (event.currentTarget as HTMLSelectElement).value;
    if (isTeam(value)) this.patch(conversation.id, { transferTeam: value });
  }

  private transfer(conversationId: string): void {
    const conversation = this.find(conversationId);
    if (!conversation) return;
    const team = conversation.transferTeam;
    if (conversation.status !== 'active') return;
    if (!this.sendFrame({ type: 'transfer', conversationId: conversation.id, team })) {
      this.patch(conversation.id, { composerError: 'Not transferred: the console is reconnecting.' });
      return;
    }
    this.stopTyping(conversation.id);
    this.outstanding.push({ kind: 'transfer', conversationId: conversation.id, team });
    this.patch(conversation.id, { status: 'transferring', transferredTo: team, composerError: '' });
    this.pendingFocus = 'pane-status';
  }

  private get endDialog(): HTMLDialogElement | null {
    return this.querySelector<HTMLDialogElement>(`#${this.ids}-end-dialog`);
  }

  #openEndDialog(): void {
    const dialog = this.endDialog;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    this.querySelector<HTMLTextAreaElement>(`#${this.ids}-summary`)?.focus();
  }

  #closeEndDialog(): void {
    this.endDialog?.close();
  }

  #onEndDialogClose(): void {
    // Escape, Cancel or Confirm: unless Confirm chose another place, back to "End chat".
    this.pendingFocus ??= 'end-button';
    this.requestUpdate();
  }

  private onEndSummaryInput(conversationId: string, event: Event): void {
    const conversation = this.find(conversationId);
    if (!conversation) return;
    this.patch(conversation.id, { endSummary: (event.currentTarget as HTMLTextAreaElement).value });
  }

  private confirmEnd(conversationId: string, event: SubmitEvent): void {
    event.preventDefault();
    const conversation = this.find(conversationId);
    if (!conversation) return;
    if (conversation.status !== 'active') {
      this.#closeEndDialog();
      return;
    }
    const summary = conversation.endSummary.slice(0, MAX_AGENT_TEXT);
    if (!this.sendFrame({ type: 'end', conversationId: conversation.id, summary })) {
      this.patch(conversation.id, { composerError: 'Not ended: the console is reconnecting.' });
      this.#closeEndDialog();
      return;
    }
    this.stopTyping(conversation.id);
    this.outstanding.push({ kind: 'end', conversationId: conversation.id });
    this.patch(conversation.id, { status: 'ending', composerError: '' });
    this.pendingFocus = 'pane-status';
    this.#closeEndDialog();
  }

  private async copyCaseNumber(caseNumber: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(caseNumber);
      this.copyMessage = 'Copied.';
    } catch {
      const number = this.querySelector(`#${this.ids}-case-number`);
      const selection = getSelection();
      if (number && selection) selection.selectAllChildren(number);
      this.copyMessage = 'Could not copy: the number is selected, press Control+C (or Command+C) to copy it.';
    }
    this.announcer.announce(this.copyMessage);
  }

  // ---- focus ---------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const active = document.activeElement;
    if (active && active !== this && this.contains(active)) {
      this.focusBefore = active;
      this.focusHome = active.closest<HTMLElement>('[data-focus-home]')?.dataset['focusHome'];
    } else {
      this.focusBefore = undefined;
      this.focusHome = undefined;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const target = this.pendingFocus;
    this.pendingFocus = undefined;
    if (target) {
      this.focusTarget(target);
    } else if (this.focusBefore && this.lostFocus(this.focusBefore)) {
      // What had focus went away (a row someone else took, a control of an ended chat): keep the
      // agent's place nearby instead of dropping focus to the page.
      if (this.focusHome === 'board') this.focusTarget('board-heading');
      else if (this.focusHome === 'pane') this.focusTarget('pane-status');
    }
    this.focusBefore = undefined;
    this.scrollLogToEnd();
    this.scheduleTick();
  }

  /**
   * Redraws the board when the text of a wait next changes (once a minute per customer), not
   * every second: the page does not churn, and a screen reader reading the board is not fed a
   * new number each second (WCAG 2.2.2). One timer, on the console's clock.
   */
  private scheduleTick(): void {
    const now = this.clock.now();
    const waiting = this.board?.waiting ?? [];
    const next = waiting.length ? Math.min(...waiting.map((w) => nextWaitChange(w.since, now))) : undefined;
    if (next === this.tickAt) return;
    this.clock.clearTimeout(this.tickTimer);
    this.tickAt = next;
    this.tickTimer =
      next === undefined
        ? undefined
        : this.clock.setTimeout(() => {
            this.tickAt = undefined;
            this.requestUpdate();
          }, next - now);
  }

  private lostFocus(element: Element): boolean {
    if (!element.isConnected) return true;
    return (
      (element instanceof HTMLButtonElement ||
        element instanceof HTMLTextAreaElement ||
        element instanceof HTMLSelectElement ||
        element instanceof HTMLInputElement) &&
      element.disabled
    );
  }

  private focusTarget(target: FocusTarget): void {
    const selectors: Record<FocusTarget, string> = {
      'board-heading': `#${this.ids}-board-heading`,
      composer: `#${this.ids}-composer`,
      name: `#${this.ids}-name`,
      passcode: `#${this.ids}-passcode`,
      'pane-status': `#${this.ids}-pane-status`,
      'end-button': `#${this.ids}-end-button`,
      'signin-submit': `#${this.ids}-signin-submit`,
    };
    const element = this.querySelector<HTMLElement>(selectors[target]);
    if (!element) return;
    if (target === 'end-button' && (element as HTMLButtonElement).disabled) {
      this.querySelector<HTMLElement>(selectors['pane-status'])?.focus();
      return;
    }
    element.focus();
  }

  private logWasAtEnd = true;

  private scrollLogToEnd(): void {
    const log = this.querySelector<HTMLElement>(`#${this.ids}-log`);
    if (log && this.logWasAtEnd) log.scrollTop = log.scrollHeight;
  }

  #onLogScroll(event: Event): void {
    const log = event.currentTarget as HTMLElement;
    this.logWasAtEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 24;
  }

  // ---- rendering -----------------------------------------------------------------------------

  /** The locale of the console's times: its `lang`, else the page's, else the browser's. */
  private get locale(): string {
    return consoleLocale(this);
  }

  /**
   * `lang` for the console's own words: nothing where they inherit English already, "en" where
   * the page (or the element) is in another language. (Times still follow that locale.)
   */
  private get ownLang(): string | typeof nothing {
    return isConsoleLanguage(this.locale) ? nothing : CONSOLE_LANGUAGE;
  }

  protected override render(): TemplateResult {
    const signedIn = this.connection === 'signed-in' || this.connection === 'reconnecting';
    const lang = this.ownLang;
    return html`
      <div
        class="ac-visually-hidden"
        aria-live="polite"
        aria-relevant="additions text"
        data-announcer="polite"
        lang=${lang}
      >
        ${this.announcer.render('polite')}
      </div>
      <div
        class="ac-visually-hidden"
        aria-live="assertive"
        aria-relevant="additions text"
        data-announcer="assertive"
        lang=${lang}
      >
        ${this.announcer.render('assertive')}
      </div>
      ${signedIn ? this.renderConsole(lang) : this.renderSignIn(lang)}
    `;
  }

  /**
   * Development mode with a server from the page's address: said as text where the agent reads
   * (under the sign-in heading, then in the bar), not announced: it does not change while shown.
   */
  private renderDevNotice(
    override: string | undefined,
    where: 'signin' | 'bar',
  ): TemplateResult | typeof nothing {
    if (!override) return nothing;
    return where === 'signin'
      ? html`<p class="ac-devmode" id="${this.ids}-devmode">
          <strong>Development mode:</strong> this console talks to <code>${override}</code>, the server named
          in the page's address, not its configured server <code>${this.configuredAgentUrl}</code>. It sends
          that server no passcode.
        </p>`
      : html`<p class="ac-devmode" id="${this.ids}-devmode">
          <strong>Development mode:</strong> server <code>${override}</code>, from the page's address (no
          passcode sent)
        </p>`;
  }

  private renderSignIn(lang: string | typeof nothing): TemplateResult {
    const id = this.ids;
    const connecting = this.connection === 'connecting';
    const override = this.overrideAgentUrl;
    return html`
      <section
        class="ac-panel ac-signin"
        aria-labelledby="${id}-signin-heading"
        data-focus-home="signin"
        lang=${lang}
      >
        <h2 id="${id}-signin-heading">Sign in</h2>
        ${this.renderDevNotice(override, 'signin')}
        <p class="ac-hint">Choose the name customers will see and your team.</p>
        <form class="ac-form" novalidate @submit=${this.#onSignIn}>
          <div class="ac-field">
            <label for="${id}-name">Your name</label>
            <p class="ac-hint" id="${id}-name-hint">
              Shown to customers. Up to ${MAX_NAME_LENGTH} characters.
            </p>
            <input
              id="${id}-name"
              name="name"
              type="text"
              autocomplete="name"
              required
              maxlength=${MAX_NAME_LENGTH}
              .value=${live(this.agentName)}
              aria-invalid=${this.nameError ? 'true' : 'false'}
              aria-describedby=${this.quietError === 'name' ? `${id}-name-hint` : `${id}-name-hint ${id}-name-error`}
              @blur=${this.#onFieldBlur}
            />
            <p class="ac-error" id="${id}-name-error">${this.nameError ? `Error: ${this.nameError}` : ''}</p>
          </div>
          <div class="ac-field">
            <label for="${id}-team">Team</label>
            <select id="${id}-team" name="team">
              ${TEAMS.map(
                (team) =>
                  html`<option value=${team} ?selected=${team === this.agentTeam}>
                    ${teamLabel(team)}
                  </option>`,
              )}
            </select>
          </div>
          <div class="ac-field">
            <label for="${id}-passcode">Console passcode</label>
            <p class="ac-hint" id="${id}-passcode-hint">
              ${
                override
                  ? "Leave it empty: in development mode, the passcode is not sent to a server named in the page's address."
                  : 'Only if the server asks for one (CHAT_AGENT_SECRET). Paste and password managers work.'
              }
            </p>
            <input
              id="${id}-passcode"
              name="passcode"
              type="password"
              autocomplete="current-password"
              maxlength="256"
              aria-invalid=${this.passcodeError ? 'true' : 'false'}
              aria-describedby=${
                this.quietError === 'passcode'
                  ? `${id}-passcode-hint`
                  : `${id}-passcode-hint ${id}-passcode-error`
              }
              @blur=${this.#onFieldBlur}
            />
            <p class="ac-error" id="${id}-passcode-error">
              ${this.passcodeError ? `Error: ${this.passcodeError}` : ''}
            </p>
          </div>
          <div class="ac-form__actions">
            <button id="${id}-signin-submit" class="ac-button ac-button--primary" type="submit">
              Sign in
            </button>
            <!-- Announced when it changes; not the button's description, which would say it again. -->
            <p class=${this.signInError ? 'ac-error' : 'ac-hint'} id="${id}-signin-status">
              ${connecting ? 'Signing in…' : this.signInError ? `Error: ${this.signInError}` : ''}
            </p>
          </div>
        </form>
      </section>
    `;
  }

  private renderConsole(lang: string | typeof nothing): TemplateResult {
    const id = this.ids;
    const reconnecting = this.connection === 'reconnecting';
    return html`
      <div class="ac-bar" lang=${lang}>
        <p class="ac-bar__who">
          Signed in as <strong>${this.agentName}</strong>, ${teamLabel(this.agentTeam)} team
        </p>
        ${this.renderDevNotice(this.overrideAgentUrl, 'bar')}
        <p class="ac-conn ${reconnecting ? 'ac-conn--lost' : 'ac-conn--ok'}">
          ${reconnecting ? 'Connection lost. Reconnecting…' : 'Connected'}
        </p>
        <button class="ac-button" type="button" @click=${this.#signOut}>Sign out</button>
      </div>
      <div class="ac-layout" lang=${lang}>
        <div class="ac-column">
          <section class="ac-panel" aria-labelledby="${id}-board-heading" data-focus-home="board">
            <h2 id="${id}-board-heading" tabindex="-1">Waiting customers</h2>
            ${this.renderBoard()}
          </section>
          <section class="ac-panel" aria-labelledby="${id}-agents-heading">
            <h2 id="${id}-agents-heading">Agents</h2>
            ${this.renderAgents()}
          </section>
        </div>
        <section class="ac-panel ac-mine" aria-labelledby="${id}-mine-heading" data-focus-home="pane">
          <h2 id="${id}-mine-heading">My conversations</h2>
          ${this.renderConversations()}
        </section>
      </div>
    `;
  }

  private renderBoard(): TemplateResult {
    const waiting = this.board?.waiting ?? [];
    const now = this.clock.now();
    const locale = this.locale;
    return html`
      <p class="ac-hint">
        ${
          this.board
            ? waiting.length === 0
              ? 'Nobody is waiting.'
              : `${waiting.length} ${waiting.length === 1 ? 'customer' : 'customers'} waiting.`
            : 'Loading…'
        }
      </p>
      ${this.boardMessage ? html`<p class="ac-error">${this.boardMessage}</p>` : nothing}
      ${
        waiting.length
          ? html`<ol class="ac-queue">
              ${repeat(
                waiting,
                (w) => w.conversationId,
                (w) => this.renderWaiting(w, now, locale),
              )}
            </ol>`
          : nothing
      }
    `;
  }

  private renderWaiting(w: WaitingConversation, now: number, locale: string): TemplateResult {
    const name = `${teamLabel(w.team)} queue, number ${w.position}`;
    return html`
      <li class="ac-card">
        <h3 class="ac-card__title">${name}</h3>
        <dl class="ac-facts">
          <div>
            <dt>Team</dt>
            <dd>${teamLabel(w.team)}</dd>
          </div>
          <div>
            <dt>Language</dt>
            <dd>${languageLabel(w.lang)}</dd>
          </div>
          <div>
            <dt>Waiting</dt>
            <dd>
              ${formatWait(now - w.since)}
              <span class="ac-facts__since"
                >(since
                <time datetime=${new Date(w.since).toISOString()}>${formatTime(w.since, locale)}</time>)</span
              >
            </dd>
          </div>
          <div>
            <dt>Position</dt>
            <dd>${w.position}</dd>
          </div>
          ${
            w.transferredFrom
              ? html`<div>
                  <dt>Transferred from</dt>
                  <dd>${teamLabel(w.transferredFrom)}</dd>
                </div>`
              : nothing
          }
          ${
            w.account
              ? html`<div>
                  <dt>Account</dt>
                  <dd>${w.account}</dd>
                </div>`
              : nothing
          }
        </dl>
        <p class="ac-card__summary"><span class="ac-label">Summary:</span> ${w.summary}</p>
        ${
          this.canAccept(w.team)
            ? html`<button
                class="ac-button ac-button--primary"
                type="button"
                @click=${() => this.accept(w.conversationId)}
              >
                Accept<span class="ac-visually-hidden"> ${name}</span>
              </button>`
            : html`<p class="ac-note">
                You cannot accept this: only
                ${teamPhrase(w.team)}${w.team === 'supervisor' ? '' : ' or a supervisor'} can.
              </p>`
        }
      </li>
    `;
  }

  private renderAgents(): TemplateResult {
    const id = this.ids;
    const agents = this.board?.agents ?? [];
    return html`
      ${
        agents.length
          ? html`<ul class="ac-agents">
              ${agents.map(
                (a) =>
                  html`<li>
                    <strong>${a.name}</strong>, ${teamLabel(a.team)}:
                    ${a.conversations === 1 ? '1 conversation' : `${a.conversations} conversations`}
                  </li>`,
              )}
            </ul>`
          : html`<p class="ac-hint">Nobody else is signed in.</p>`
      }
      <div class="ac-check">
        <input
          id="${id}-simulate"
          type="checkbox"
          .checked=${live(this.board?.simulate ?? false)}
          ?disabled=${!this.board}
          @change=${this.#setSimulate}
        />
        <label for="${id}-simulate">Simulated agent answers when nobody of a team is signed in</label>
      </div>
    `;
  }

  private renderConversations(): TemplateResult {
    if (this.conversations.length === 0) {
      return html`<p class="ac-hint">No conversations yet. Accept a waiting customer to start.</p>`;
    }
    const selected = this.selected;
    return html`
      <ul class="ac-convs">
        ${repeat(
          this.conversations,
          (c) => c.id,
          (c) =>
            html`<li>
              <button
                class="ac-conv"
                type="button"
                aria-current=${c.id === this.selectedId ? 'true' : nothing}
                @click=${() => this.select(c.id)}
              >
                <span class="ac-conv__name">Customer ${c.number}</span>
                <span class="ac-conv__meta"
                  >${teamLabel(c.team)}, ${languageLabel(c.lang)}, ${this.statusLabel(c)}</span
                >
                ${
                  c.unread
                    ? html`<span class="ac-badge"
                        >${c.unread === 1 ? '1 new message' : `${c.unread} new messages`}</span
                      >`
                    : nothing
                }
              </button>
            </li>`,
        )}
      </ul>
      ${selected ? this.renderPane(selected) : nothing}
    `;
  }

  private statusLabel(c: Conversation): string {
    switch (c.status) {
      case 'active':
        return 'active';
      case 'transferring':
        return 'transferring';
      case 'transferred':
        return 'transferred';
      case 'ending':
        return 'ending';
      case 'ended':
      case 'customer-ended':
        return 'ended';
      case 'lost':
        return 'connection lost';
    }
  }

  private statusText(c: Conversation): string {
    const team = c.transferredTo ? teamPhrase(c.transferredTo) : 'another team';
    switch (c.status) {
      case 'active':
        return 'You are chatting with this customer.';
      case 'transferring':
        return `Transferring to ${team}…`;
      case 'transferred':
        return `Transferred to ${team}. The customer waits in that queue.`;
      case 'ending':
        return 'Ending the chat…';
      case 'ended':
        return 'You ended this chat.';
      case 'customer-ended':
        return 'The customer ended this chat.';
      case 'lost':
        return 'The connection was lost, so the customer went back to the front of the line. Accept them again from the board.';
    }
  }

  private renderPane(c: Conversation): TemplateResult {
    const id = this.ids;
    const active = c.status === 'active';
    const who = `Customer ${c.number}`;
    // The conversation's language: every text of theirs, and what the agent writes to them.
    const lang = contentLang(c.lang) ?? nothing;
    const locale = this.locale;
    return html`
      <section class="ac-pane" aria-labelledby="${id}-pane-heading">
        <h3 id="${id}-pane-heading" class="ac-pane__heading">${who}</h3>
        <dl class="ac-facts">
          <div>
            <dt>Team</dt>
            <dd>${teamLabel(c.team)}</dd>
          </div>
          <div>
            <dt>Language</dt>
            <dd>${languageLabel(c.lang)}</dd>
          </div>
          ${
            c.account
              ? html`<div>
                  <dt>Account</dt>
                  <dd>${c.account}</dd>
                </div>`
              : nothing
          }
        </dl>
        <p class="ac-pane__summary"><span class="ac-label">Summary:</span> ${c.summary}</p>
        <p id="${id}-pane-status" class="ac-status ac-status--${c.status}" tabindex="-1">
          ${this.statusText(c)}
        </p>
        ${
          c.caseNumber
            ? html`<div class="ac-case">
                <p>
                  Case number:
                  <strong class="ac-case__number" id="${id}-case-number">${c.caseNumber}</strong>
                </p>
                <button
                  class="ac-button"
                  type="button"
                  @click=${() => void this.copyCaseNumber(c.caseNumber ?? '')}
                >
                  Copy case number
                </button>
                <p class="ac-hint">${this.copyMessage}</p>
              </div>`
            : nothing
        }
        <div
          id="${id}-log"
          class="ac-log"
          role="log"
          aria-live="off"
          aria-label="Transcript, ${who}"
          tabindex="0"
          @scroll=${this.#onLogScroll}
        >
          <ol class="ac-messages">
            ${repeat(
              c.events,
              (e) => e.seq,
              (e) => this.renderEvent(e, lang, locale),
            )}
            ${repeat(
              c.pending,
              (p) => p.id,
              (p) => this.renderPending(p, lang),
            )}
          </ol>
        </div>
        <p class="ac-typing">${c.customerTyping ? `${who} is typing…` : ''}</p>
        <form class="ac-composer" @submit=${(e: SubmitEvent) => this.onComposerSubmit(c.id, e)}>
          <label for="${id}-composer">Message to ${who}</label>
          <textarea
            id="${id}-composer"
            rows="3"
            maxlength=${MAX_AGENT_TEXT}
            lang=${lang}
            .value=${live(c.draft)}
            ?disabled=${!active}
            aria-describedby="${id}-composer-hint ${id}-composer-error"
            @input=${(e: Event) => this.onComposerInput(c.id, e)}
            @keydown=${this.#onComposerKeydown}
            @compositionstart=${this.#onCompositionStart}
            @compositionend=${this.#onCompositionEnd}
          ></textarea>
          <p class="ac-hint" id="${id}-composer-hint">
            ${active ? 'Enter sends; Shift+Enter starts a new line.' : 'This chat is closed: you cannot write to it.'}
          </p>
          <p class="ac-error" id="${id}-composer-error">${c.composerError}</p>
          <button class="ac-button ac-button--primary" type="submit" ?disabled=${!active}>Send</button>
        </form>
        <div class="ac-actions">
          <div class="ac-transfer">
            <label for="${id}-transfer">Transfer to</label>
            <select
              id="${id}-transfer"
              ?disabled=${!active}
              @change=${(e: Event) => this.onTransferTeam(c.id, e)}
            >
              ${TEAMS.filter((t) => t !== c.team).map(
                (t) => html`<option value=${t} ?selected=${t === c.transferTeam}>${teamLabel(t)}</option>`,
              )}
            </select>
            <button class="ac-button" type="button" ?disabled=${!active} @click=${() => this.transfer(c.id)}>
              Transfer
            </button>
          </div>
          <button
            id="${id}-end-button"
            class="ac-button ac-button--danger"
            type="button"
            ?disabled=${!active}
            @click=${this.#openEndDialog}
          >
            End chat
          </button>
        </div>
        <dialog
          id="${id}-end-dialog"
          class="ac-dialog"
          aria-labelledby="${id}-end-heading"
          @close=${this.#onEndDialogClose}
        >
          <form class="ac-form" @submit=${(e: SubmitEvent) => this.confirmEnd(c.id, e)}>
            <h2 id="${id}-end-heading">End chat with ${who}</h2>
            <div class="ac-field">
              <label for="${id}-summary">Summary for the customer</label>
              <p class="ac-hint" id="${id}-summary-hint">
                Sent to the customer with the case number, as written (${languageLabel(c.lang)}). Up to
                ${MAX_AGENT_TEXT} characters.
              </p>
              <textarea
                id="${id}-summary"
                rows="8"
                maxlength=${MAX_AGENT_TEXT}
                lang=${lang}
                aria-describedby="${id}-summary-hint"
                .value=${live(c.endSummary)}
                @input=${(e: Event) => this.onEndSummaryInput(c.id, e)}
              ></textarea>
            </div>
            <div class="ac-form__actions">
              <button class="ac-button ac-button--danger" type="submit">Confirm</button>
              <button class="ac-button" type="button" @click=${this.#closeEndDialog}>Cancel</button>
            </div>
          </form>
        </dialog>
      </section>
    `;
  }

  private renderEvent(e: ChatEvent, lang: string | typeof nothing, locale: string): TemplateResult {
    const sender =
      e.kind === 'notice' || e.from === 'system'
        ? 'Notice'
        : e.from === 'customer'
          ? 'Customer'
          : e.from === 'agent'
            ? `${e.name || 'Agent'} (agent)`
            : e.name || 'Virtual assistant';
    const kind = e.kind === 'notice' ? 'notice' : e.from;
    return html`<li class="ac-msg ac-msg--${kind}">
      <p class="ac-msg__meta">
        <span class="ac-msg__sender">${sender}</span><span class="ac-visually-hidden">,</span>
        <time datetime=${new Date(e.at).toISOString()}>${formatTime(e.at, locale)}</time>
      </p>
      <p class="ac-msg__text" lang=${lang}>${e.text}</p>
    </li>`;
  }

  private renderPending(p: PendingMessage, lang: string | typeof nothing): TemplateResult {
    return html`<li class="ac-msg ac-msg--agent ac-msg--pending">
      <p class="ac-msg__meta">
        <span class="ac-msg__sender">${this.agentName} (agent)</span><span class="ac-visually-hidden">,</span>
        <span class=${p.error ? 'ac-error' : ''}>${p.error ? `Not sent: ${p.error}` : 'Sending…'}</span>
      </p>
      <p class="ac-msg__text" lang=${lang}>${p.text}</p>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'agent-console': AgentConsoleElement;
  }
}

if (!customElements.get('agent-console')) customElements.define('agent-console', AgentConsoleElement);
