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
 * every `aria-describedby` share one ID scope, and the page's stylesheets style it (as
 * demo/agent.html links them: agent-console/base.css, each view's sheet, agent.css). IDs carry a
 * per-instance prefix. Every text from the wire is rendered through Lit bindings (plain text).
 *
 * The parts live in `demo/agent-console/`: the state and its reducer over the server's frames
 * (`state.ts`), the socket's lifecycle (`connection.ts`), typing, focus and the waits' redraws as
 * controllers, and the views (`views/`). This module holds the element and registers nothing:
 * `demo/agent-console/define.ts` registers the tag.
 *
 * Two languages at once: the console's own words are English; every text of a conversation (its
 * messages and notices, what the agent writes to it, the summary for the customer, the customer's
 * words in announcements) carries that conversation's `lang`. Times follow the console's locale
 * (its `lang`, the page's, or the browser's) as the widget writes them. Waits change once a minute,
 * never every second. See the agent-console section of docs/accessibility.md.
 */
import { LitElement, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { MAX_AGENT_TEXT } from '../src/agent-protocol.js';
import type { AgentClientFrame, AgentServerFrame } from '../src/agent-protocol.js';
import { randomId } from '../src/random-id.js';
import { ConsoleAnnouncer } from './agent-console-announcer.js';
import { CONSOLE_LANGUAGE, consoleLocale, isConsoleLanguage, up } from './agent-console-format.js';
import { ConsoleConnection, realClock } from './agent-console/connection.js';
import type { ConsoleClock } from './agent-console/connection.js';
import { agentEndpoint, queryAgentUrl } from './agent-console/endpoint.js';
import { copyCaseNumber } from './agent-console/copy-case.js';
import { documentsAction } from './agent-console/documents.js';
import { requestVerification } from './agent-console/verification.js';
import { FocusController } from './agent-console/focus.js';
import { LogFollow } from './agent-console/log-follow.js';
import { helloFrame, readSignIn } from './agent-console/sign-in-form.js';
import { transferFieldChange, transferRequest } from './agent-console/transfer-note.js';
import {
  connectFailed,
  connectionLost,
  edited,
  fieldError,
  findConversation,
  initialState,
  isSignedIn,
  patch,
  reduce,
  requested,
  selectedConversation,
  signedOut,
  signingIn,
} from './agent-console/state.js';
import type { ConsoleState, Conversation, SignInField } from './agent-console/state.js';
import { TypingController } from './agent-console/typing.js';
import { WaitTick } from './agent-console/wait-tick.js';
import { renderConsole, renderRegions } from './agent-console/views/layout.js';
import { renderSignIn } from './agent-console/views/sign-in.js';
import type { ConsoleHandlers, ConsoleView } from './agent-console/views/view.js';

export { formatTime, formatWait, languageLabel, teamLabel } from './agent-console-format.js';
export { MAX_NAME_LENGTH } from './agent-console/state.js';
export type { ConsoleClock } from './agent-console/connection.js';
export { agentEndpoint } from './agent-console/endpoint.js';

let instances = 0;

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

  /** Everything the console knows from the server and the agent (`agent-console/state.ts`). */
  @state() private model: ConsoleState = initialState;
  @state() private copyMessage = '';
  /**
   * A field whose error was announced while it had focus: its description gains the error only
   * once focus leaves, so the error is not said a second time as a changed description.
   */
  @state() private quietError: SignInField | undefined;

  private readonly announcer = new ConsoleAnnouncer(this, () => this.clock);
  private readonly ids = `ac${++instances}`;
  readonly #connection = new ConsoleConnection(this, {
    clock: () => this.clock,
    socket: (url) => this.socketFactory(url),
    onFrame: (frame) => this.#onFrame(frame),
    onClose: () => this.#onClose(),
  });
  // Controllers run on the host's lifecycle; `#tick` is never called, it redraws the board itself.
  readonly #typing = new TypingController(this, (frame) => this.#connection.send(frame));
  readonly #focus = new FocusController(this, this.ids);
  readonly #tick = new WaitTick(
    this,
    () => this.clock,
    () => this.model,
  );
  /** The console passcode, in memory only (for reconnects); never rendered back or stored. */
  #passcode = '';
  /** Follows `lang` on the element and up the tree (the locale of times; the console's own words). */
  #langWatch = new MutationObserver(() => this.requestUpdate());
  #composing = false;
  readonly #log = new LogFollow(this, () => this.querySelector<HTMLElement>(`#${this.ids}-log`));

  /** What the views call when the agent acts. */
  readonly #on: ConsoleHandlers = {
    signIn: (event) => this.#signIn(event),
    fieldBlur: (event) => this.#onFieldBlur(event),
    signOut: () => this.#signOut(),
    accept: (conversationId) => this.#accept(conversationId),
    simulate: (event) => this.#setSimulate(event),
    select: (conversationId) => this.#select(conversationId),
    copyCaseNumber: (caseNumber) => void this.#copyCaseNumber(caseNumber),
    logScroll: (event) => this.#log.scrolled(event),
    composerInput: (conversationId, event) => this.#onComposerInput(conversationId, event),
    composerKeydown: (event) => this.#onComposerKeydown(event),
    compositionStart: () => (this.#composing = true),
    // Some browsers send the Enter that commits a composition after `compositionend`.
    compositionEnd: () => setTimeout(() => (this.#composing = false), 0),
    composerSubmit: (conversationId, event) => this.#onComposerSubmit(conversationId, event),
    transferField: (conversationId, event) => this.#onTransferField(conversationId, event),
    transfer: (conversationId) => this.#transfer(conversationId),
    openEndDialog: () => this.#openEndDialog(),
    closeEndDialog: () => this.#closeEndDialog(),
    endDialogClosed: () => this.#onEndDialogClose(),
    endSummaryInput: (conversationId, event) => this.#onEndSummaryInput(conversationId, event),
    confirmEnd: (conversationId, event) => this.#confirmEnd(conversationId, event),
    verify: (id) => {
      const refused = requestVerification(id, (f) => this.#online && this.#connection.send(f));
      if (refused) this.announcer.announce(...refused);
    },
    documents: (conversationId, event) => void this.#documents(conversationId, event),
  };

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#langWatch.observe(this, { attributeFilter: ['lang'] });
    for (let node = up(this); node; node = up(node)) {
      if (node instanceof Element) this.#langWatch.observe(node, { attributeFilter: ['lang'] });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#langWatch.disconnect();
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
    return this.devEndpointFromQuery ? queryAgentUrl(() => this.configuredAgentUrl) : undefined;
  }

  // ---- connection and frames -------------------------------------------------------------------

  #connect(): void {
    const url = this.agentUrl;
    // The passcode goes to the configured server only, never to one the page's address named.
    const secret = url === this.configuredAgentUrl ? this.#passcode : '';
    const { agentName: name, agentTeam: team, agentTeams: teams, agentLanguages: languages } = this.model;
    this.#connection.connect(url, helloFrame({ name, team, teams, languages }, secret));
  }

  #onFrame(frame: AgentServerFrame): void {
    if (frame.type === 'agent-welcome') this.#connection.welcomed();
    this.#step(reduce(this.model, frame));
  }

  /** The socket closed (or never opened): a failed sign-in, or a connection to win back. */
  #onClose(): void {
    const { connection } = this.model;
    if (connection === 'connecting') {
      this.#step(connectFailed(this.model, this.agentUrl));
    } else if (connection === 'signed-in') {
      this.#step(connectionLost(this.model));
      this.#connection.retry(true, () => this.#connect());
    } else if (connection === 'reconnecting') {
      this.#connection.retry(false, () => this.#connect());
    }
  }

  /** Takes the state a step made and carries out what it asks. */
  #step(next: ConsoleState): void {
    if (next === this.model) return;
    this.model = next;
    const { announce, focus, stopTyping, closeEndDialog, refused } = next.effects;
    if (stopTyping) this.#typing.stop(stopTyping);
    if (refused) {
      this.#connection.cancelRetry();
      this.#connection.close();
      this.#fieldError(refused.field, refused.message);
    }
    for (const [what, politeness] of announce) this.announcer.announce(what, politeness);
    if (focus) this.#focus.request(focus);
    const dialog = this.#endDialog;
    if (closeEndDialog && dialog?.open) {
      dialog.close();
      this.#focus.request('pane-status');
    }
  }

  get #online(): boolean {
    return this.model.connection === 'signed-in' && this.#connection.open;
  }

  /**
   * An error about a sign-in field, said once: focus moves to the field, whose
   * description says it (no announcement as well). When focus is on the field already, moving it
   * there says nothing: the error is announced, and joins the field's description only once focus
   * leaves (screen readers that report a changed description would otherwise read it twice).
   */
  #fieldError(field: SignInField, message: string): void {
    const input = this.querySelector(`#${this.ids}-${field}`);
    if (input && input === document.activeElement) {
      this.quietError = field;
      this.announcer.announce(message, 'assertive');
    } else {
      if (this.quietError === field) this.quietError = undefined;
      this.#focus.request(field);
      // (The same error again changes no state: the focus still has to move.)
      this.requestUpdate();
    }
  }

  #invalid(field: SignInField, message: string): void {
    this.#step(edited(this.model, fieldError(field, message)));
    this.#fieldError(field, message);
  }

  #onFieldBlur(event: FocusEvent): void {
    const field = (event.currentTarget as HTMLInputElement).name;
    if (field === this.quietError) this.quietError = undefined;
  }

  // ---- what the agent does ---------------------------------------------------------------------

  #signIn(event: SubmitEvent): void {
    event.preventDefault();
    if (this.model.connection !== 'signed-out') return;
    this.#step(edited(this.model, { signInError: '' }));
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const read = readSignIn(data, this.overrideAgentUrl);
    if ('field' in read) {
      // Fields before the one at fault passed: their errors go, and the name typed stays.
      const agentName = ((data.get('name') as string | null) ?? '').trim();
      if (read.field !== 'name') this.#step(edited(this.model, { nameError: '', agentName }));
      if (read.field === 'passcode') this.#step(edited(this.model, { languagesError: '' }));
      return this.#invalid(read.field, read.message);
    }
    this.#passcode = read.passcode;
    const chosen = { agentTeams: read.teams, agentLanguages: read.languages };
    this.#step(signingIn(this.model, read.name, read.team, chosen));
    this.#connect();
  }

  #signOut(): void {
    this.#connection.cancelRetry();
    this.#typing.stopAll();
    this.#connection.close();
    this.#step(signedOut(this.model));
  }

  /** A message on the board, also said at once. */
  #boardError(message: string): void {
    this.#step(edited(this.model, { boardMessage: message }));
    this.announcer.announce(message, 'assertive');
  }

  #accept(conversationId: string): void {
    this.#step(edited(this.model, { boardMessage: '' }));
    if (!this.#connection.send({ type: 'accept', conversationId })) {
      return this.#boardError('Not connected. Wait for the console to reconnect, then try again.');
    }
    this.#step(requested(this.model, { kind: 'accept', conversationId }));
  }

  #select(conversationId: string): void {
    const { selectedId } = this.model;
    if (selectedId && selectedId !== conversationId) this.#typing.stop(selectedId);
    this.#log.follow();
    this.#step(patch(edited(this.model, { selectedId: conversationId }), conversationId, { unread: 0 }));
  }

  #setSimulate(event: Event): void {
    const box = event.currentTarget as HTMLInputElement;
    if (!this.#connection.send({ type: 'simulate', enabled: box.checked })) {
      box.checked = this.model.board?.simulate ?? false;
      this.#boardError('Not connected: the setting was not changed.');
    }
  }

  #patch(conversationId: string, changes: Partial<Conversation>): void {
    this.#step(patch(this.model, conversationId, changes));
  }

  #onComposerInput(conversationId: string, event: Event): void {
    const conversation = findConversation(this.model, conversationId);
    if (!conversation) return;
    const draft = (event.currentTarget as HTMLTextAreaElement).value;
    this.#patch(conversation.id, { draft, composerError: '' });
    if (conversation.status === 'active' && this.#online) this.#typing.input(conversation.id, draft);
  }

  #onComposerKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || this.#composing) return;
    event.preventDefault();
    const conversation = selectedConversation(this.model);
    if (conversation) this.#sendDraft(conversation);
  }

  #onComposerSubmit(conversationId: string, event: SubmitEvent): void {
    event.preventDefault();
    const conversation = findConversation(this.model, conversationId);
    if (conversation) this.#sendDraft(conversation);
  }

  #sendDraft(conversation: Conversation): void {
    const text = conversation.draft;
    if (conversation.status !== 'active') return;
    if (!text.trim()) return this.#patch(conversation.id, { composerError: 'Write a message first.' });
    if (text.length > MAX_AGENT_TEXT) {
      return this.#patch(conversation.id, {
        composerError: `Messages can be at most ${MAX_AGENT_TEXT} characters.`,
      });
    }
    const id = randomId();
    if (!this.#online || !this.#connection.send({ type: 'say', conversationId: conversation.id, id, text })) {
      this.#patch(conversation.id, { composerError: 'Not sent: the console is reconnecting.' });
      this.announcer.announce('Not sent: the console is reconnecting.', 'assertive');
      return;
    }
    this.#typing.stop(conversation.id);
    this.#patch(conversation.id, {
      draft: '',
      composerError: '',
      pending: [...conversation.pending, { id, text, at: Date.now() }],
    });
  }

  #onTransferField(conversationId: string, event: Event): void {
    const change = transferFieldChange(event.currentTarget as HTMLSelectElement | HTMLTextAreaElement);
    if (findConversation(this.model, conversationId) && change) this.#patch(conversationId, change);
  }

  #transfer(conversationId: string): void {
    const conversation = findConversation(this.model, conversationId);
    if (!conversation || conversation.status !== 'active') return;
    const request = transferRequest(conversation);
    if ('error' in request) {
      this.#patch(conversationId, { transferNoteError: request.error });
      return this.#focus.request('transfer-note');
    }
    if (!this.#connection.send(request)) {
      return this.#patch(conversationId, { composerError: 'Not transferred: the console is reconnecting.' });
    }
    this.#typing.stop(conversationId);
    this.#step(
      patch(requested(this.model, { kind: 'transfer', conversationId, team: request.team }), conversationId, {
        status: 'transferring',
        transferredTo: request.team,
        composerError: '',
        transferNoteError: '',
      }),
    );
    this.#focus.request('pane-status');
  }

  get #endDialog(): HTMLDialogElement | null {
    return this.querySelector<HTMLDialogElement>(`#${this.ids}-end-dialog`);
  }

  #openEndDialog(): void {
    const dialog = this.#endDialog;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    this.querySelector<HTMLTextAreaElement>(`#${this.ids}-summary`)?.focus();
  }

  #closeEndDialog(): void {
    this.#endDialog?.close();
  }

  #onEndDialogClose(): void {
    // Escape, Cancel or Confirm: unless Confirm chose another place, back to "End chat".
    this.#focus.requestUnlessSet('end-button');
    this.requestUpdate();
  }

  #onEndSummaryInput(conversationId: string, event: Event): void {
    if (!findConversation(this.model, conversationId)) return;
    this.#patch(conversationId, { endSummary: (event.currentTarget as HTMLTextAreaElement).value });
  }

  #confirmEnd(conversationId: string, event: SubmitEvent): void {
    event.preventDefault();
    const conversation = findConversation(this.model, conversationId);
    if (!conversation) return;
    if (conversation.status !== 'active') return this.#closeEndDialog();
    const summary = conversation.endSummary.slice(0, MAX_AGENT_TEXT);
    if (!this.#connection.send({ type: 'end', conversationId, summary })) {
      this.#patch(conversationId, { composerError: 'Not ended: the console is reconnecting.' });
      return this.#closeEndDialog();
    }
    this.#typing.stop(conversationId);
    this.#step(
      patch(requested(this.model, { kind: 'end', conversationId }), conversationId, {
        status: 'ending',
        composerError: '',
      }),
    );
    this.#focus.request('pane-status');
    this.#closeEndDialog();
  }

  /** The documents section (agent-console/documents.ts): a request for documents, or a download. */
  async #documents(conversationId: string, event: Event): Promise<void> {
    const conversation = findConversation(this.model, conversationId);
    const send = (frame: AgentClientFrame): boolean => this.#online && this.#connection.send(frame);
    const said =
      conversation && (await documentsAction(event, conversation, send, this.agentUrl, this.model));
    if (said) this.announcer.announce(said.text, said.ok ? 'polite' : 'assertive');
  }

  async #copyCaseNumber(caseNumber: string): Promise<void> {
    this.copyMessage = await copyCaseNumber(caseNumber, this.querySelector(`#${this.ids}-case-number`));
    this.announcer.announce(this.copyMessage);
  }

  // ---- rendering -------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const locale = consoleLocale(this);
    // The console's own words: no `lang` where they inherit English already, "en" where the page
    // (or the element) is in another language. (Times still follow that locale.)
    const lang = isConsoleLanguage(locale) ? nothing : CONSOLE_LANGUAGE;
    const override = this.overrideAgentUrl;
    const view: ConsoleView = {
      ids: this.ids,
      state: this.model,
      lang,
      locale,
      now: this.clock.now(),
      override,
      configuredUrl: override ? this.configuredAgentUrl : '',
      quietError: this.quietError,
      copyMessage: this.copyMessage,
      on: this.#on,
    };
    return html`
      ${renderRegions(lang, this.announcer)}
      ${isSignedIn(this.model) ? renderConsole(view) : renderSignIn(view)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'agent-console': AgentConsoleElement;
  }
}
