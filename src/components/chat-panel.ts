import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import type {
  CaseInfo,
  ConnectionState,
  Conversation,
  ConversationError,
  ConversationPhase,
  TranscriptMessage,
} from '../conversation/index.js';
import { noStore, sessionStore } from '../conversation/index.js';
import { MAX_MESSAGE_LENGTH } from '../protocol.js';
import { check } from '../redaction/index.js';
import type { Finding } from '../redaction/index.js';
import { NeedsStrip } from './accommodations/accommodations.js';
import { ChatController } from './chat-controller.js';
import { clock } from './clock.js';
import { Composer } from './composer/composer.js';
import { ReplayBatch } from './controllers/replay-batch.js';
import { BackgroundNudge } from './controllers/background-nudge.js';
import { TypingAnnouncer } from './controllers/typing-announcer.js';
import { connectionNotice, renderConnectionNotice } from './connection-notice.js';
import { displayText } from './display-text.js';
import { UploadPart } from './document-upload/upload-part.js';
import { EndCard } from './end-card/end-card.js';
import { EndQuestion } from './end-card/end-question.js';
import type { AmexChatErrorDetail, AmexChatEventDetail, AmexChatEventName } from './events.js';
import { listKinds } from './i18n.js';
import type { Strings } from './i18n.js';
import { IdleCountdown } from './idle.js';
import { renderIdleWarning } from './idle-warning/idle-warning.js';
import { renderMessage, telHref } from './message/message.js';
import { renderNotifyOffer } from './notify-offer/notify-offer.js';
import type { MessageView } from './message/message.js';
import { queueText, renderQueueBanner } from './queue-banner/queue-banner.js';
import { transcriptKeydown } from './transcript-keys.js';
import { TranscriptView, whenIdle } from './transcript/transcript-view.js';
import { VerifySlot } from './verify-panel/verify-slot.js';
import { WaitEstimate } from './wait-estimate.js';
import type { PanelContext, PanelHost, Refusal } from './panel-host.js';

/**
 * The panel below its header, once the panel's module has loaded: the conversation and the parts
 * that show it (connection notice, end question, queue banner, transcript with its end card,
 * typing line, inactivity warning, composer). Turns the conversation's events into the element's
 * public events and announcements.
 */
export class ChatPanel {
  readonly batch: ReplayBatch;
  readonly #el: PanelHost;
  readonly #ctx: PanelContext;
  readonly #chat: ChatController;
  readonly #transcript: TranscriptView;
  readonly #composer: Composer;
  readonly #endCard: EndCard;
  readonly #typing: TypingAnnouncer;
  /** The inactivity timeout and its warning (see idle.ts). */
  readonly #idle: IdleCountdown;
  /** The place in line and the wait, counted down as time passes (see wait-estimate.ts). */
  readonly #wait: WaitEstimate;
  /** "End chat" and its question. */
  readonly #endQuestion: EndQuestion;
  /** The tab's title count and the notification while the page is hidden. */
  readonly #nudge: BackgroundNudge;
  /** "Your needs" (accommodations): its button by the message box and its form above it. */
  readonly #needs: NeedsStrip;
  readonly #verify: VerifySlot;
  /** Documents an agent asked for (secure upload), outside the transcript. */
  readonly #upload: UploadPart;
  #endWaiters: ((info: CaseInfo) => void)[] = [];
  #lastPhase: ConversationPhase = 'assistant';
  #wasDisconnected = false;
  /** What the messages' templates read (see message.ts). */
  readonly #messageView: MessageView;

  constructor(el: PanelHost, ctx: PanelContext) {
    this.#el = el;
    this.#ctx = ctx;
    this.batch = new ReplayBatch(
      el,
      () => this.#conversation,
      (type, detail) => ctx.dispatch(type as AmexChatEventName, detail as never),
      () => this.#chat.delivering,
    );
    this.#transcript = new TranscriptView(el, () => ctx.byId('transcript'));
    this.#endCard = new EndCard(el, {
      transcript: () => {
        const t = ctx.t();
        const conversation = this.#conversation;
        const { heading } = el;
        return {
          t,
          locale: t.locale,
          heading: heading || t.heading,
          messages: conversation?.messages ?? [],
          case: conversation?.case,
        };
      },
      rate: (score) => this.#conversation?.rate(score),
      say: (text) => ctx.announce(text, 'assertive'),
      printBlocked: () => {
        const message = ctx.t().popupBlocked;
        ctx.announce(message, 'assertive');
        this.emit('amex-chat-error', { code: 'popup-blocked', message });
      },
      focusAfter: (id) => ctx.focusAfter(id),
    });
    this.#composer = new Composer(el, {
      t: () => ctx.t(),
      byId: (id) => ctx.byId(id),
      submit: (text) => 'id' in this.submit(text),
      check: (text) => this.check(text),
      setTyping: (active) => this.#conversation?.setTyping(active),
      say: (text) => ctx.announce(text),
      active: () => this.#resetIdle(),
      scrolled: () => (this.#transcript.stickToBottom = false),
    });
    this.#upload = new UploadPart(el, el, ctx, () => this.#conversation);
    this.#typing = new TypingAnnouncer(el, () => ctx.announce(this.#typingLine(ctx.t())));
    this.#nudge = new BackgroundNudge(el, {
      title: (count, title) => ctx.t().titleCount(count, title),
      notification: () => ctx.t().notificationTitle(el.heading || ctx.t().heading),
      notify: () => el.notify,
      reopen: () => {
        if (!el.open) this.emit('amex-chat-open', {});
        void el.focusComposer();
      },
      say: (answer) => {
        const t = ctx.t();
        ctx.announce(answer === 'granted' ? t.notifyGranted : t.notifyDenied);
        // Its button is gone: the message box has focus.
        ctx.focusAfter();
      },
    });
    this.#needs = new NeedsStrip(el, {
      ...ctx,
      conversation: () => this.#conversation,
      preset: () => el.accommodations,
      check: (text) => this.check(text),
      redacted: (summary) => this.emit('amex-chat-redacted', { ...summary, action: 'mask' }),
      active: () => this.#resetIdle(),
    });
    this.#idle = new IdleCountdown(el, {
      applies: () => this.#idleApplies,
      say: (left, first) => {
        ctx.announce(ctx.t().idleWarning(left), 'assertive');
        if (!first) return;
        if (!el.open) ctx.unseen();
        if (el.matches(':focus-within')) ctx.focusAfter('idle-continue');
      },
      end: () => this.#endForInactivity(),
    });
    this.#endQuestion = new EndQuestion(
      el,
      () => this.#conversation?.end(),
      (id) => ctx.focusAfter(id),
    );
    this.#wait = new WaitEstimate(el, (queue) => ctx.announce(queueText(ctx.t(), queue)));
    this.#chat = new ChatController(el, {
      onMessage: (message) => this.#handleMessage(message),
      onState: (state) => this.#handleState(state),
      onTyping: (typing) => this.#typing.typing(typing.name, typing.active),
      onError: (error) => this.#handleError(error),
      onRestarted: () => {
        this.#conversation?.addNotice(ctx.t().restarted);
        ctx.announce(ctx.t().restarted);
      },
      onQueue: (queue) => this.#wait.update(queue),
      onVerify: (frame) => this.#verify.receive(frame),
      onChange: () => {
        this.batch.changed();
        el.requestUpdate();
      },
    });
    this.#verify = new VerifySlot(el, ctx, this.#chat, this.#nudge);
    this.#messageView = {
      t: ctx.t(),
      linkHosts: '',
      urgentPhone: '',
      telHref: '',
      reply: (value) => void this.submit(value),
      retry: (id) => this.#conversation?.retry(id),
    };
  }

  get #conversation(): Conversation | undefined {
    return this.#chat.conversation;
  }

  get #phase(): ConversationPhase {
    return this.#conversation?.phase ?? 'assistant';
  }

  get #state(): ConnectionState {
    return this.#conversation?.state ?? 'idle';
  }

  /** "End chat" is offered once a conversation is under way, until it ends. */
  get #canEnd(): boolean {
    const conversation = this.#conversation;
    return (
      !!conversation &&
      conversation.state !== 'idle' &&
      conversation.state !== 'closed' &&
      conversation.phase !== 'ended' &&
      conversation.messages.length > 0
    );
  }

  /** Whether the inactivity timeout applies now: a live conversation with the assistant or an agent. */
  get #idleApplies(): boolean {
    const conversation = this.#conversation;
    if (!conversation || this.#el.idleTimeout <= 0) return false;
    if (conversation.state === 'idle' || conversation.state === 'closed') return false;
    return conversation.phase === 'assistant' || conversation.phase === 'agent';
  }

  /** The element's update: `fresh` on the first one with the panel's module loaded. */
  willUpdate(changed: PropertyValues<PanelHost>, fresh: boolean): void {
    const el = this.#el;
    // A conversation this tab had before a reload reconnects as soon as the module is here, to
    // deliver what was not sent yet and to count what arrives while the panel is closed.
    if (fresh && !el.open && el.endpoint && el.persist !== 'none') {
      if (sessionStore(el.endpoint).load()) this.start();
    }
    // Connect on first open, and again if the endpoint changes while open.
    if ((fresh || changed.has('open') || changed.has('endpoint') || changed.has('transport')) && el.open) {
      this.start();
    }
    if (changed.has('lang')) this.#composer.forgetWarning();
  }

  /**
   * The redaction engine's first use (its tables, the first compile of its code) would take the
   * customer's first key press: it runs at the first idle time a second after the opening, after
   * a history has arrived (not between its frames). A check records nothing; its text goes nowhere.
   */
  warmUp(): void {
    const task = (): void => void this.check('card 4111 1111 1111 1111 code 123');
    clock.setTimeout(() => whenIdle(task, 1000), 1000);
  }

  /** Starts (or keeps) the conversation. */
  start(): void {
    const el = this.#el;
    if (!el.endpoint) return;
    this.#chat.start({
      endpoint: el.endpoint,
      transport: el.transport === 'websocket' || el.transport === 'sse' ? el.transport : 'auto',
      store: el.persist === 'none' ? noStore : sessionStore(el.endpoint),
      tabs: el.persist !== 'none',
      tokenProvider: el.tokenProvider,
      lang: this.#ctx.t().locale,
      account: el.account || undefined,
      ...(el.transportFactory ? { transportFactory: el.transportFactory } : {}),
    });
    this.#resetIdle();
  }

  /** Shared by the composer, quick replies and `send()`. Never keeps the raw text. */
  submit(text: string): TranscriptMessage | Refusal {
    const t = this.#ctx.t();
    const el = this.#el;
    if (!el.endpoint) return this.#refuse('endpoint', t.errorEndpoint);
    this.start();
    const conversation = this.#conversation;
    if (!conversation) return this.#refuse('endpoint', t.errorEndpoint);
    // What was removed from a message is told before the message itself: `amex-chat-redacted`
    // fires here, `amex-chat-message` when the conversation's event arrives, a microtask later
    // (see ChatController; docs/redaction.md).
    const result = conversation.send(text, { redaction: el.redaction === 'block' ? 'block' : 'mask' });
    if (!result.ok) {
      switch (result.reason) {
        case 'empty':
          return this.#refuse('empty', t.errorEmpty);
        case 'too-long':
          return this.#refuse('too-long', t.errorTooLong(MAX_MESSAGE_LENGTH));
        case 'closed':
          return this.#refuse('closed', t.errorClosed);
        case 'outbox-full':
          return this.#refuse('outbox-full', t.errorOutboxFull);
        case 'blocked': {
          const kinds = result.kinds ?? [];
          this.emit('amex-chat-redacted', { kinds, count: kinds.length, action: 'block' });
          return this.#refuse('blocked', t.errorBlocked(listKinds(t, kinds)));
        }
      }
    }
    this.#composer.sent();
    this.#resetIdle();
    this.#transcript.stickToBottom = true;
    if (result.redacted.count > 0) {
      this.emit('amex-chat-redacted', { ...result.redacted, action: 'mask' });
      this.#ctx.announce(t.warningMasked);
    }
    return result.message;
  }

  /** Shows a refusal under the message box, says it, and fires `amex-chat-error`. */
  #refuse(code: AmexChatErrorDetail['code'], message: string): Refusal {
    this.#composer.showError(message, code === 'empty' || code === 'too-long' || code === 'blocked');
    this.#ctx.announce(message, 'assertive');
    this.emit('amex-chat-error', { code, message });
    return { code, message };
  }

  /** See the element's `end()`. */
  end(): Promise<CaseInfo | undefined> | CaseInfo | undefined {
    const conversation = this.#conversation;
    if (!conversation || conversation.state === 'idle' || conversation.state === 'closed') return undefined;
    if (conversation.phase === 'ended' && conversation.case) return conversation.case;
    this.#endQuestion.set(false);
    const ended = new Promise<CaseInfo>((resolve) => this.#endWaiters.push(resolve));
    conversation.end();
    return ended;
  }

  /** Runs the render for arriving frames: the transcript leaves older blocks for later. */
  burst(perform: () => void): void {
    this.#transcript.burst = true;
    try {
      perform();
    } finally {
      this.#transcript.burst = false;
    }
  }

  /** Fires a public event, after the ones held while a replay arrives (see ReplayBatch). */
  emit<K extends AmexChatEventName>(type: K, detail: AmexChatEventDetail<K>): void {
    this.batch.emit(type, detail);
  }

  /** The live check's findings: with the conversation's context once it exists, context-free before. */
  check(text: string): readonly Finding[] {
    return this.#conversation?.check(text) ?? check(text);
  }

  /** Escape: dismisses the "End this chat?" question if it shows (true), else nothing. */
  escape(): boolean {
    return this.#verify.escape() || this.#endQuestion.escape();
  }

  /** The header's "End chat" button, while a chat can be ended. */
  renderEndButton(t: Strings): TemplateResult | typeof nothing {
    return this.#endQuestion.renderButton(t, this.#canEnd);
  }

  /** The panel below its header: the conversation and the composer. */
  render(t: Strings): TemplateResult {
    const conversation = this.#conversation;
    const info = conversation?.case;
    const { left, said } = this.#idle;
    return html`${renderConnectionNotice(this.#noticeText(t, this.#state))}
      ${this.#endQuestion.renderQuestion(t, this.#canEnd)}
      ${this.#wait.shown && this.#phase === 'queued' ? renderQueueBanner(t, this.#wait.shown, this.#handleLeaveQueue) : nothing}
      <div
        id="transcript"
        class="transcript"
        part="transcript"
        role="log"
        aria-live="off"
        aria-label=${t.conversation}
        tabindex="0"
        @keydown=${this.#handleTranscriptKeydown}
      >
        <div class="messages" role="list">${this.#renderTranscript(t, conversation?.messages ?? [])}</div>
        ${info && this.#phase === 'ended' ? this.#endCard.render(t, info) : nothing}
        <div class="bottom"></div>
      </div>
      <p class="typing" part="typing">${this.#typing.name ? this.#typingLine(t) : nothing}</p>
      ${left > 0 ? renderIdleWarning(t, left, said, this.#handleContinue) : nothing} ${this.#upload.render(t)}
      ${this.#verify.render(t)} ${this.#nudge.offered ? renderNotifyOffer(t, this.#nudge.ask) : nothing}
      ${this.#needs.render(t, this.#canEnd)}
      ${this.#composer.render(t, this.#needs.renderButton(t, this.#canEnd))}`;
  }

  #renderTranscript(t: Strings, messages: readonly TranscriptMessage[]): TemplateResult {
    const el = this.#el;
    const view = this.#messageView;
    view.t = t;
    view.linkHosts = el.linkHosts;
    view.urgentPhone = el.urgentPhone;
    view.telHref = telHref(el.urgentPhone);
    // (The whole tag: "en-GB" writes times otherwise than "en".)
    const key = `${this.#ctx.lang()} ${view.telHref} ${view.linkHosts}`;
    return this.#transcript.render(key, messages, (message, last) => renderMessage(view, message, last));
  }

  #noticeText(t: Strings, state: ConnectionState): string {
    return connectionNotice(t, state, !!this.#conversation?.everConnected);
  }

  /** "Maria is typing…", the name as displayText shows it (one line, no bidi controls). */
  #typingLine(t: Strings): string {
    return t.typing(displayText(this.#typing.name, 'name'));
  }

  /** The customer did something: start the inactivity clock again (and drop any warning). */
  #resetIdle(): void {
    this.#idle.restart(this.#el.idleTimeout * this.#needs.idleFactor);
  }

  #endForInactivity(): void {
    const conversation = this.#conversation;
    if (!conversation || !this.#idleApplies) return;
    const t = this.#ctx.t();
    conversation.addNotice(t.idleEnded);
    this.#ctx.announce(t.idleEnded, 'assertive');
    conversation.end();
  }

  /** Fires `amex-chat-state` when a notice moved the conversation to another phase. */
  #emitPhase(): void {
    const phase = this.#phase;
    if (phase === this.#lastPhase) return;
    this.#lastPhase = phase;
    // (The question goes with the chat's end too: else Escape would only dismiss it, unseen.)
    if (!this.#canEnd) this.#endQuestion.asking = false;
    this.#resetIdle();
    this.emit('amex-chat-state', { state: this.#state, phase });
  }

  #handleMessage(message: TranscriptMessage): void {
    const ctx = this.#ctx;
    this.emit('amex-chat-message', { message: { ...message } });
    if (message.notice?.code === 'ended') {
      this.#transcript.showEnding = !message.history;
      this.#endCard.reset();
      const info = this.#conversation?.case;
      const waiters = this.#endWaiters;
      this.#endWaiters = [];
      if (info) for (const resolve of waiters) resolve(info);
    }
    // Only notices move the conversation to another phase (a long history has few of them).
    if (message.notice) this.#emitPhase();
    // Stated needs change the inactivity timeout's length ("more time").
    if (message.notice?.code === 'accommodations') this.#resetIdle();
    if (message.from === 'customer' || message.history) return;
    // What needs the customer, in a background tab: answers, an agent joining, the chat's end.
    const code = message.notice?.code;
    if (message.from !== 'system' || code === 'agent-joined' || code === 'ended') this.#nudge.arrived();
    this.#typing.stopped(message.name);
    // The panel closed, a message is counted on the launcher and said in short ("New message from
    // Maria, live agent."), not read out where the customer is not; notices are said as they are.
    const open = this.#el.open;
    const brief = !open && message.from !== 'system';
    if (!open) ctx.unseen();
    // The end of the chat is urgent news (WCAG 4.1.3 practice); everything else is polite.
    ctx.announce(
      () => {
        const t = ctx.t();
        const sender = t.senderPrefix(displayText(message.name, 'name'), message.from);
        return brief ? t.newMessage(sender) : `${sender}: ${displayText(message.text)}`;
      },
      message.notice?.code === 'ended' ? 'assertive' : 'polite',
    );
  }

  #handleError(error: ConversationError): void {
    const t = this.#ctx.t();
    if (error.code === 'auth-failed') this.#refuse('auth', t.errorAuth);
    else if (error.id) this.#refuse('server', t.errorServer);
    else if (error.code === 'rate-limited' && this.#verify.refused()) return;
    else if (error.code === 'invalid-frame') {
      // Said in the transcript, where something is missing: the draft is not at fault.
      const message = t.errorInvalidFrame;
      this.#conversation?.addNotice(message);
      this.#ctx.announce(message);
      this.emit('amex-chat-error', { code: 'invalid-frame', message });
    }
  }

  #handleState(state: ConnectionState): void {
    this.#lastPhase = this.#phase;
    if (state === 'closed' || state === 'connecting') this.#resetIdle();
    this.emit('amex-chat-state', { state, phase: this.#phase });
    const t = this.#ctx.t();
    if (state === 'reconnecting' || state === 'offline')
      this.#ctx.announce(this.#noticeText(t, state), 'assertive');
    if (state === 'connected' && this.#wasDisconnected) this.#ctx.announce(t.connected);
    this.#wasDisconnected = state === 'reconnecting' || state === 'offline';
  }

  readonly #handleLeaveQueue = (): void => {
    this.#conversation?.leaveQueue();
    this.#ctx.focusAfter();
  };

  readonly #handleContinue = (): void => {
    this.#resetIdle();
    this.#ctx.focusAfter();
  };

  /** Arrows, Home and End between messages; typing goes on in the message box (transcript-keys.ts). */
  readonly #handleTranscriptKeydown = (event: KeyboardEvent): void => {
    transcriptKeydown(event, this.#ctx.byId('input') as HTMLTextAreaElement);
  };
}
