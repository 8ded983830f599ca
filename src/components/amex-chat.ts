import { ReactiveElement } from '@lit/reactive-element';
import type { PropertyValues } from '@lit/reactive-element';
import type { CaseInfo, TranscriptMessage, TransportFactory } from '../conversation/index.js';
import { needsFromAttribute } from '../protocol/accommodation-list.js';
import type { Accommodation } from '../protocol/accommodation-list.js';
import { AmexChatError } from './amex-chat-error.js';
import { Announcer } from './announcer.js';
import type { ChatPanel } from './chat-panel.js';
import type { PanelContext } from './panel-host.js';
import { chatEvent } from './events.js';
import type { AmexChatErrorDetail, AmexChatEventDetail, AmexChatEventName } from './events.js';
import { keepFocus } from './focus-keeper.js';
import { strings } from './i18n-element.js';
import type { Strings } from './i18n-element.js';
import { isolationStyles } from './isolation.styles.js';
import { LangWatch } from './lang-watch.js';
import { LauncherView } from './launcher-view.js';
import { styles } from './launcher.styles.js';
import { keepOpen, wasOpen } from './open-state.js';
import { panelFocus } from './panel-focus.js';
import { PanelFrame, adoptPanelStyles } from './panel-frame.js';
import { PanelLoader, loadPanel } from './panel-loader.js';
import { positionStyles } from './position.styles.js';

export { AmexChatError } from './amex-chat-error.js';

/**
 * A customer-care chat: a launcher button that opens a panel with a transcript and a
 * composer. Every outgoing text is redacted in the browser before it is sent.
 *
 * @summary Accessible, secure customer-care chat.
 * @tagname amex-chat
 *
 * @fires {CustomEvent<Record<string, never>>} amex-chat-open - The customer opened the panel (not fired for `show()` or the `open` attribute).
 * @fires {CustomEvent<Record<string, never>>} amex-chat-close - The customer closed the panel (not fired for `hide()` or the `open` attribute).
 * @fires {CustomEvent<AmexChatMessageDetail>} amex-chat-message - A message was sent (detail holds the redacted text as sent) or received. A replayed history's events follow the render that shows it (within 100 ms, in order).
 * @fires {CustomEvent<AmexChatStateDetail>} amex-chat-state - The connection state (`connecting`, `connected`, `reconnecting`, `offline`, `closed`) or the conversation's phase (`assistant`, `queued`, `agent`, `ended`) changed.
 * @fires {CustomEvent<AmexChatRedactedDetail>} amex-chat-redacted - Sensitive data was removed from (or blocked in) a message; only kinds and a count, never text.
 * @fires {CustomEvent<AmexChatErrorDetail>} amex-chat-error - The customer was shown an error (code and the localized message).
 *
 * @csspart launcher - The button that opens and closes the panel.
 * @csspart badge - The unread-message count on the launcher.
 * @csspart panel - The chat panel (a dialog, modal only where it fills the viewport).
 * @csspart header - The panel header with the heading and the close button.
 * @csspart heading - The panel heading.
 * @csspart close-button - The button that closes the panel.
 * @csspart notice - The connection notice ("Reconnecting…").
 * @csspart end-button - The "End chat" button in the header.
 * @csspart end-confirm - The "End this chat?" confirmation.
 * @csspart queue - The place in line and estimated wait while waiting for an agent.
 * @csspart leave-queue-button - The "Leave the line" button.
 * @csspart ended - The summary shown when the chat ended: reference number, summary, transcript and rating.
 * @csspart transcript-button - The "Download transcript" and "Print transcript" buttons.
 * @csspart rating - The rating form of an ended chat.
 * @csspart transcript - The scrollable conversation log.
 * @csspart message - Each message in the transcript.
 * @csspart bubble - The text of each message.
 * @csspart urgent-phone - The `tel:` link to the `urgent-phone` number under an assistant message that gives the phone route.
 * @csspart quick-reply - A quick-reply button under an assistant message.
 * @csspart retry-button - The Retry button of a message that was not sent, and of a panel whose module could not load.
 * @csspart typing - The "… is typing" line.
 * @csspart idle-warning - The inactivity warning with its "Continue chat" button, shown before an idle chat ends.
 * @csspart composer - The form that holds the message box and the send button.
 * @csspart input - The message box (a textarea).
 * @csspart send-button - The send button.
 * @csspart error - An error under the message box, or in the panel when its module could not load.
 * @csspart warning - The sensitive-data warning under the message box.
 * @csspart notify-offer - The offer to turn on notifications (`notify`), above the message box.
 * @csspart notify-button - Its "Turn on notifications" button.
 * @csspart accommodations - "Tell us what you need" (the customer's needs), above the message box.
 * @csspart verify - The identity check an agent asked for (push prompt or one-time code), above the message box.
 * @csspart upload - The documents an agent asked for: what is needed, the chosen files with their progress, above the message box.
 * @csspart part-failed - What stands in for a part that could not load (the needs form, the identity check, the documents form): what it was for and "Try again".
 *
 * @cssprop [--amex-chat-accent=#006fcf] - Brand colour of the launcher, header and send button. As text or a border on the panel it is shaded to read at 4.6:1 on the theme's background.
 * @cssprop [--amex-chat-accent-text=#ffffff] - Text on the accent colour. Unset, it is computed: black or white, whichever contrasts more with the accent in force (white on the default accent).
 * @cssprop [--amex-chat-surface=#ffffff] - Panel background.
 * @cssprop [--amex-chat-text=#1a1a1a] - Text colour.
 * @cssprop [--amex-chat-muted-text=#53565a] - Times, statuses and hints.
 * @cssprop [--amex-chat-border=#767676] - Borders of the panel and the message box.
 * @cssprop [--amex-chat-customer-bubble=#e8f1fb] - Background of the customer's messages.
 * @cssprop [--amex-chat-incoming-bubble=#f4f4f4] - Background of incoming messages.
 * @cssprop [--amex-chat-danger=#b42318] - Errors and warnings.
 * @cssprop [--amex-chat-focus-ring=#1a1a1a] - Focus outline colour.
 * @cssprop [--amex-chat-mark=#ffe08a] - Highlight behind sensitive data in the message box.
 * @cssprop [--amex-chat-font=system-ui] - Font family.
 * @cssprop [--amex-chat-offset=1.25rem] - Distance of the launcher and panel from the viewport edge.
 * @cssprop [--amex-chat-radius=0.75rem] - Corner radius of the panel and bubbles.
 * @cssprop [--amex-chat-z-index=2147483000] - Stacking order of the launcher and panel.
 * @cssprop [--amex-chat-inline-height=36rem] - Height of the panel with `position="inline"`.
 */
export class AmexChatElement extends ReactiveElement {
  // The panel's rules are adopted when it first renders (see adoptPanelStyles).
  static override styles = [isolationStyles, styles, positionStyles];
  // Not decorators: the same reactive properties in fewer bytes (`attribute: false`: `@state()`).
  static override properties = {
    unread: { attribute: false },
    endpoint: {},
    transport: {},
    persist: {},
    open: { type: Boolean, reflect: true },
    lang: {},
    heading: {},
    account: {},
    redaction: {},
    tokenProvider: { attribute: false },
    position: { reflect: true },
    theme: { reflect: true },
    urgentPhone: { attribute: 'urgent-phone' },
    linkHosts: { attribute: 'link-hosts' },
    idleTimeout: { attribute: 'idle-timeout', type: Number },
    notify: { type: Boolean },
    accommodations: { converter: needsFromAttribute },
    transportFactory: { attribute: false },
  };
  static override shadowRootOptions: ShadowRootInit = {
    ...ReactiveElement.shadowRootOptions,
    delegatesFocus: true,
  };

  /**
   * Registers the element under `tag` (default `amex-chat`) in `registry`. Safe to call twice.
   */
  static define(tag = 'amex-chat', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  readonly #announcer = new Announcer(this);
  /** The language this element speaks, followed as it changes up the tree (see lang-watch.ts). */
  readonly #lang = new LangWatch(this);
  /** The panel's module (its own chunk in `dist/`): loaded when idle or on first use. */
  readonly #loader = new PanelLoader(this, () => {
    if (!this.open) return false;
    this.#refuse('load', this.#t.errorLoad);
    return true;
  });
  /** Modal where the panel fills the viewport; yields to page focus it would hide (2.4.11). */
  readonly #panelFocus = panelFocus(this, () => {
    this.open = false;
    this.#emit('amex-chat-close', {});
  });
  /** The conversation and the panel's parts, once the panel's module has loaded. */
  #panel: ChatPanel | undefined;
  /** Whether the panel was open before a reload has been read (see willUpdate). */
  #openRead = false;
  /** Set on the first open; the panel then stays rendered (hidden when closed). */
  #panelRendered = false;
  /** The panel's sheet adopted: the whole panel's (true) or its frame's alone (false). */
  #styled?: boolean;
  /** The element's own nodes (the launcher; the panel's frame from the first opening); what they do. */
  #launcher?: LauncherView;
  #frame?: PanelFrame;
  readonly #on = {
    click: () => this.#handleLauncherClick(),
    keydown: (event: KeyboardEvent) => this.#handlePanelKeydown(event),
    close: () => this.#closeFromUi(),
    reload: () => this.#handleReload(),
  };
  private unread = 0;

  constructor() {
    super();
    // A control that goes away with focus (see keepFocus) leaves it on the launcher when the
    // panel closed; on the end card's first control when the chat's end took "End chat" or its
    // question; on the transcript for a message; else in the message box.
    keepFocus(
      this,
      (lost) =>
        (!this.open && this.#byId('launcher')) ||
        (lost.id.startsWith('end') && this.#byId('download')) ||
        (lost.classList.contains('message') && this.#byId('transcript')) ||
        this.#byId('input') ||
        this.#byId('reload'),
    );
  }

  /**
   * Chat server URL: `ws://`/`wss://` (WebSocket) or `http://`/`https://` (Server-Sent Events
   * with POST). Nothing connects until the panel first opens.
   */
  endpoint = '';

  /**
   * How to reach the server: `auto` (default) follows the endpoint's scheme and falls back from
   * WebSocket to Server-Sent Events when WebSockets keep failing; `websocket` or `sse` force one.
   */
  transport: 'auto' | 'websocket' | 'sse' = 'auto';

  /**
   * Whether the conversation survives a page reload: `session` (default) keeps its id, cursor
   * and unsent messages (redacted) in `sessionStorage` for this tab, and shares one connection
   * with the page's other tabs (Web Locks + BroadcastChannel); `none` keeps and shares nothing.
   */
  persist: 'session' | 'none' = 'session';

  /** Whether the panel is open. Reflects; setting it does not fire `amex-chat-open`/`-close`. */
  open = false;

  /**
   * Language of the widget, a BCP 47 tag: `en` or `es` (`es-MX` counts as `es`; times and numbers
   * follow the whole tag, so `en-GB` writes 19:34). Defaults to the nearest `lang` up the tree,
   * through shadow roots, and follows it when it changes. English (and one console warning) for a
   * language without strings. See docs/i18n.md.
   */
  override lang = '';

  /** Panel heading; defaults to the localized "Customer Care". */
  heading = '';

  /** Opaque reference of the card the chat is about (e.g. its last four digits), sent at hello. Redacted like all text. */
  account = '';

  /**
   * What happens to sensitive data in a message: `mask` (default) sends it with the data
   * replaced, `block` does not send the message and says what to remove.
   */
  redaction: 'mask' | 'block' = 'mask';

  /**
   * Gives the chat server an auth token for the signed-in cardmember (JS only, no attribute).
   * Called for every connection; the token goes only into the first frame, never into a URL,
   * storage or a log. An expired token is asked for again once; a refused one ends the chat
   * with an error the customer sees.
   */
  tokenProvider: (() => Promise<string>) | undefined;

  /**
   * Where the widget sits: `bottom-end` (default; a floating launcher and panel at the end of
   * the bottom edge, bottom-right in left-to-right pages), `bottom-start`, or `inline` (in the
   * page's flow, as wide as its container; height from `--amex-chat-inline-height`).
   */
  position: 'bottom-end' | 'bottom-start' | 'inline' = 'bottom-end';

  /**
   * Colour theme: `light` (default), `dark`, or `auto` (follows the visitor's
   * `prefers-color-scheme`). Every theme meets WCAG AA contrast.
   */
  theme: 'light' | 'dark' | 'auto' = 'light';

  /**
   * Phone number for urgent fraud ("charges happening right now"), e.g. `1-800-528-4800`. When
   * the assistant gives the phone route, the widget shows it as a `tel:` call link.
   */
  urgentPhone = '';

  /**
   * Hosts that `https:` links in the assistant's and agents' messages may point to, separated by
   * commas or spaces: `example.com` is that host, `*.example.com` its subdomains. Empty (default):
   * any host. A link elsewhere shows as plain text. Names, notices, summaries and the customer's
   * text never get links.
   */
  linkHosts = '';

  /**
   * Seconds of customer inactivity (with the assistant or an agent) after which the chat ends;
   * a warning with "Continue chat" comes 2 minutes before (never less than 20 s), and continuing
   * is allowed any number of times. `0` turns the timeout off. Default 900 (15 minutes).
   */
  idleTimeout = 900;

  /**
   * Offers the customer a system notification for replies that arrive while the page is in the
   * background (asked for from a button in the panel, never on load). The notification says only
   * "New message from" the heading, never a message. Without it, only the tab's title counts them.
   */
  notify = false;

  /**
   * What the host knows the customer needs: `screen-reader`, `more-time`, `written-summary`,
   * `hearing` (the attribute: space-separated; other words are ignored). It pre-ticks the boxes of
   * "Your needs"; nothing is sent until the customer saves it.
   */
  accommodations: Accommodation[] = [];

  /**
   * Advanced (JS only): builds the connection instead of the built-in WebSocket/SSE transports,
   * for a host's own network layer, tests and the states gallery. Read when the conversation
   * starts. Frames it carries are built by the widget, already redacted.
   */
  transportFactory: TransportFactory | undefined;

  /** Opens the panel and connects if needed. Resolves when the panel is rendered. */
  async show(): Promise<void> {
    this.open = true;
    await this.updateComplete;
  }

  /** Closes the panel; the conversation stays connected. Resolves when the panel is hidden. */
  async hide(): Promise<void> {
    this.open = false;
    await this.updateComplete;
  }

  /**
   * Sends `text` as the customer, exactly as if typed in the composer: it is redacted first
   * (or refused with `redaction="block"`). Resolves with the message as sent; rejects with an
   * `AmexChatError` (`empty`, `too-long`, `blocked`, `closed`, `outbox-full`, `endpoint`, `load`).
   */
  async send(text: string): Promise<Readonly<TranscriptMessage>> {
    if (!this.#loader.module) await loadPanel().catch(() => undefined);
    const panel = this.#chatPanel();
    const sent = panel ? panel.submit(text) : this.#refuse('load', this.#t.errorLoad);
    await this.updateComplete;
    if ('id' in sent) return sent;
    throw new AmexChatError(sent.code, sent.message);
  }

  /**
   * Ends the conversation (with an agent, in the queue or with the assistant). Resolves with the
   * reference number and summary the server issued (at once if it has already ended); with
   * `undefined` when no chat was started. While offline it waits for the connection.
   * The customer can still write afterwards: the assistant answers follow-ups from the summary.
   */
  async end(): Promise<CaseInfo | undefined> {
    return this.#panel?.end();
  }

  /** Moves keyboard focus to the message box (opens the panel if needed). */
  async focusComposer(): Promise<void> {
    this.open = true;
    this.#focusAfter();
    await this.updateComplete;
  }

  /**
   * Also waits for the panel's module when the panel is open and it is still loading, and for the
   * render that follows, so that `await el.updateComplete` finds the panel rendered.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const loading = this.#loader.loading;
    if (this.#loader.module || !this.open || !loading) return done;
    await loading.catch(() => undefined);
    return super.getUpdateComplete();
  }

  /** A render the conversation caused waits for its batch (see ReplayBatch): a burst renders once. */
  protected override scheduleUpdate(): Promise<void> | undefined {
    const batch = this.#panel?.batch;
    if (!batch?.pending) {
      this.performUpdate();
      return undefined;
    }
    return batch.wait().then(() => {
      batch.pending = false;
      this.#panel?.burst(() => this.performUpdate());
    });
  }

  override requestUpdate(...args: Parameters<ReactiveElement['requestUpdate']>): void {
    super.requestUpdate(...args);
    // (Lit asks for the first update before this class's fields exist.)
    if (#panel in this) this.#panel?.batch.requested();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A reload opens the panel again when the customer left it open (not focused: the page keeps
    // its focus), read once there is an endpoint. Kept with the conversation, for the tab.
    if (!this.#openRead && this.endpoint) {
      this.#openRead = true;
      if (!this.open && this.persist !== 'none' && wasOpen(this.endpoint)) this.open = true;
    }
    if (changed.has('open') && this.open) this.unread = 0;
    const fresh = !this.#panel;
    const panel = this.#chatPanel();
    if (panel) {
      panel.willUpdate(changed, fresh);
      return;
    }
    // The panel's module loads when the panel opens (every opening until it has loaded: after a
    // failure it is fetched again); for a closed launcher also when the page is idle (within
    // 2 s), so that the first click opens at once and a chat resumes. The idle time also makes
    // the message times' Intl format: a page's first costs tens of ms.
    if (this.open && changed.has('open')) this.#loader.load();
    else if (!this.hasUpdated) this.#loader.loadWhenIdle(() => this.#t.time(new Date()));
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.#openRead && this.persist !== 'none') keepOpen(this.endpoint, this.open);
  }

  /**
   * Renders as a LitElement does, without its template engine (see dom.ts): what to show is read
   * before `super.update` (a change made while reading waits for the next update), the DOM is
   * written after. The panel's module renders its own templates into the frame (panel-paint.ts).
   */
  protected override update(changed: PropertyValues<this>): void {
    const { open, heading, unread } = this;
    const t = this.#t;
    const panel = this.#panel;
    if (open && (panel || this.#loader.failed) && !this.#panelRendered) {
      this.#panelRendered = true;
      panel?.warmUp();
    }
    if (this.#panelRendered && this.#styled !== !!panel && this.shadowRoot) {
      this.#styled = !!panel;
      adoptPanelStyles(this.shadowRoot, panel && this.#loader.module?.panelStyles);
    }
    const end = panel?.renderEndButton(t);
    const body = panel?.render(t);
    super.update(changed);
    const root = this.renderRoot;
    this.#launcher ??= new LauncherView(root, this.#on);
    this.#launcher.update({ t, open, unread, controls: this.#panelRendered, said: this.#announcer });
    if (!this.#panelRendered) return;
    this.#frame ??= new PanelFrame(root, this.#on);
    this.#frame.update({ t, heading, open, modal: this.#panelFocus.modal, failed: !panel });
    if (panel) this.#loader.module?.paintPanel(end, body, this.#frame, this);
  }

  /** The panel's parts, created once the panel's module has loaded. */
  #chatPanel(): ChatPanel | undefined {
    const module = this.#loader.module;
    if (!module || this.#panel) return this.#panel;
    const context: PanelContext = {
      t: () => this.#t,
      lang: () => this.#lang.lang,
      announce: (text, politeness) => this.#announcer.announce(text, politeness),
      dispatch: (type, detail) => this.dispatchEvent(chatEvent(type, detail)),
      focusAfter: (id) => this.#focusAfter(id),
      byId: (id) => this.#byId(id),
      unseen: () => (this.unread += 1),
    };
    return (this.#panel = new module.ChatPanel(this, context));
  }

  /** By id, not by selector: a page's first selector query is slow, and the launcher needs none. */
  #byId(id: string): HTMLElement | null {
    return (this.renderRoot as ShadowRoot).getElementById(id);
  }

  /**
   * Focuses the element with this id once the update is done: by default the message box, or
   * the Retry button when the panel's module could not load.
   */
  #focusAfter(id = 'input'): void {
    void this.updateComplete.then(() => (this.#byId(id) ?? this.#byId('reload'))?.focus());
  }

  get #t(): Strings {
    return strings(this.#lang.lang);
  }

  /** Says an error the element itself meets (the panel's module did not load) and fires it. */
  #refuse(code: AmexChatErrorDetail['code'], message: string): { code: typeof code; message: string } {
    this.#announcer.announce(message, 'assertive');
    this.#emit('amex-chat-error', { code, message });
    this.requestUpdate();
    return { code, message };
  }

  /** Fires a public event, behind any the panel holds while a replay arrives. */
  #emit<K extends AmexChatEventName>(type: K, detail: AmexChatEventDetail<K>): void {
    if (this.#panel) this.#panel.emit(type, detail);
    else this.dispatchEvent(chatEvent(type, detail));
  }

  /** The failed panel's Retry button: loads again; the message box takes focus once it is there. */
  #handleReload(): void {
    this.#loader.load();
    this.#focusAfter();
  }

  #handleLauncherClick(): void {
    this.open = !this.open;
    this.#emit(this.open ? 'amex-chat-open' : 'amex-chat-close', {});
    if (this.open) this.#focusAfter();
  }

  #closeFromUi(): void {
    this.open = false;
    this.#emit('amex-chat-close', {});
    this.#focusAfter('launcher');
  }

  /** The panel's keys, and the launcher's: Escape closes from anywhere in the widget. */
  #handlePanelKeydown(event: KeyboardEvent): void {
    this.#panelFocus.keydown(event);
    if (event.key === 'Escape' && this.open && !event.isComposing) {
      event.preventDefault();
      // Escape first dismisses the "End this chat?" question, then closes the panel.
      if (!this.#panel?.escape()) this.#closeFromUi();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'amex-chat': AmexChatElement;
  }
}
