import { LitElement, adoptStyles, html, nothing, render } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type {
  CaseInfo,
  ConnectionState,
  ConversationError,
  ConversationPhase,
  QueueStatus,
  TranscriptMessage,
  TransportFactory,
} from '../conversation/index.js';
import type { Finding, SensitiveKind } from '../redaction/index.js';
import { Announcer } from './announcer.js';
import type { Announcement } from './announcer.js';
import { IdleCountdown } from './idle.js';
import { keepOpen, wasOpen } from './open-state.js';
import { WaitEstimate } from './wait-estimate.js';
import { styles } from './amex-chat.styles.js';
import { panelStyles } from './panel.styles.js';
import { contentStyles } from './content.styles.js';
import { keepFocus } from './focus-keeper.js';
import { panelFocus } from './panel-focus.js';
import { isolationStyles } from './isolation.styles.js';
import { positionStyles } from './position.styles.js';
import type { ChatController } from './chat-controller.js';
import type { AmexChatErrorDetail } from './events.js';
import { listKinds, strings } from './i18n.js';
import type { Strings } from './i18n.js';
import type { TranscriptInput } from './transcript.js';

/** An error the promise-returning methods reject with; `code` matches `amex-chat-error`. */
export class AmexChatError extends Error {
  readonly code: AmexChatErrorDetail['code'];
  constructor(code: AmexChatErrorDetail['code'], message: string) {
    super(message);
    this.name = 'AmexChatError';
    this.code = code;
  }
}

type AmexChatEventName = Extract<keyof GlobalEventHandlersEventMap, `amex-chat-${string}`>;
type AmexChatEventDetail<K extends AmexChatEventName> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Public events bubble and cross shadow boundaries so hosts can listen anywhere above. */
function chatEvent<K extends AmexChatEventName>(type: K, detail: AmexChatEventDetail<K>): CustomEvent {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}

/** How long the customer may pause before the live sensitive-data warning is announced. */
const WARNING_ANNOUNCE_DELAY = 750;
/** Typing indicator goes idle after this long without input. */
const TYPING_IDLE = 5000;
/** "Maria is typing" is announced once a typing spell has lasted this long. */
const TYPING_ANNOUNCE_AFTER = 2000;
/**
 * Messages per transcript block (see `#renderTranscript`); the live tail holds up to this many.
 * 25 rather than 50: a long history's first render builds and lays out half the tail, and each
 * append compares half as many messages (1,000-message history ~20 % faster in the bench).
 */
const BLOCK = 25;

/** A run of settled messages rendered once into plain DOM, with the messages it was made from. */
interface SettledBlock {
  index: number;
  first: TranscriptMessage | undefined;
  last: TranscriptMessage | undefined;
  /** Undefined until rendered (older blocks of a long history fill in over a few tasks). */
  nodes: HTMLElement | undefined;
}
/** Most time one render spends turning settled blocks into DOM; the rest waits a task. */
const FILL_BUDGET = 12;
/**
 * Longest wait, in ms, for a replay the welcome announced (see `#afterBurst`): a long history on
 * a slow network then shows as it arrives, and a replay that never completes delays nothing.
 */
const REPLAY_WAIT = 500;

/** Resolves in a task of its own, after what is queued now (frames that already arrived). */
function nextTask(): Promise<void> {
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

type Panel = typeof import('./panel.js');
/** Runs `task` when the page is idle, within `timeout` ms (Safari: after a frame's time). */
function whenIdle(task: () => void, timeout: number): void {
  if ('requestIdleCallback' in globalThis) requestIdleCallback(task, { timeout });
  else setTimeout(task, 16);
}

/** The panel's module once loaded (see `./panel.ts`), shared by every element of the page. */
let panel: Panel | undefined;
let loading: Promise<Panel> | undefined;
/** The panel's module, in code that runs only once it has loaded (the panel's render and handlers). */
const loaded = (): Panel => panel as Panel;
/**
 * Loads the panel's module once per page (its own chunk in `dist/`). A failed load is forgotten,
 * so the next call fetches it again: browsers that follow the HTML standard's current module map
 * (whatwg/html#10327; Chromium does) do not keep a failed fetch's result either.
 */
function loadPanel(): Promise<Panel> {
  return (loading ??= import('./panel.js').then(
    (module) => (panel = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}

/** The next node up the tree, from a shadow root to its host: where `lang` is inherited from. */
const up = (node: Node): Node | null | undefined => node.parentNode ?? (node as ShadowRoot).host;

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
export class AmexChatElement extends LitElement {
  // The panel's rules (panelStyles, contentStyles) are adopted when it first renders: see #stylePanel.
  static override styles = [isolationStyles, styles, positionStyles];
  // Declared here rather than with decorators (the same reactive properties, ~360 B smaller);
  // internal state is `attribute: false` (what `@state()` means).
  static override properties = {
    error: { attribute: false },
    warningKinds: { attribute: false },
    marks: { attribute: false },
    unread: { attribute: false },
    typingName: { attribute: false },
    confirmingEnd: { attribute: false },
    rated: { attribute: false },
    ratingError: { attribute: false },
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
    transportFactory: { attribute: false },
  };
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  /**
   * Registers the element under `tag` (default `amex-chat`) in `registry`. Safe to call twice.
   */
  static define(tag = 'amex-chat', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  readonly #announcer = new Announcer(this);

  /** Modal where the panel fills the viewport; yields to page focus it would hide (2.4.11). */
  readonly #panelFocus = panelFocus(this, () => {
    this.open = false;
    this.#emit('amex-chat-close', {});
  });

  constructor() {
    super();
    // A control that goes away with focus (see keepFocus) leaves it on the launcher when the
    // panel closed; on the end card's first control when the chat's end took "End chat" or its
    // question; on the transcript for a message; else in the message box.
    keepFocus(
      this,
      (lost) =>
        (!this.open && this.launcher) ||
        (lost.id.startsWith('end') && this.#byId('download')) ||
        (lost.classList.contains('message') && this.transcript) ||
        this.#byId('input') ||
        this.#byId('reload'),
    );
  }

  /** Created with the conversation, once the panel's module has loaded. */
  #chat: ChatController | undefined;
  /** The inactivity timeout and its warning (see idle.ts). */
  readonly #idle = new IdleCountdown(this, {
    applies: () => this.#idleApplies,
    say: (left, first) => {
      this.#announcer.announce(this.#t.idleWarning(left), 'assertive');
      if (!first) return;
      if (!this.open) this.unread += 1;
      if (this.matches(':focus-within')) this.#focusAfter('idle-continue');
    },
    end: () => this.#endForInactivity(),
  });
  /** The place in line and the wait, counted down as time passes (see wait-estimate.ts). */
  readonly #wait = new WaitEstimate(this, (queue) =>
    this.#announcer.announce(this.#queueText(this.#t, queue)),
  );
  /** Whether the panel was open before a reload has been read (see willUpdate). */
  #openRead = false;

  private get launcher(): HTMLButtonElement {
    return this.#byId('launcher') as HTMLButtonElement;
  }

  /** The message box (the panel is rendered when this is used: from the panel's own handlers). */
  private get input(): HTMLTextAreaElement {
    return this.#byId('input') as HTMLTextAreaElement;
  }

  /** Null until the panel is first rendered. */
  private get transcript(): HTMLElement | null {
    return this.#byId('transcript');
  }

  /**
   * By id, not by selector: the first selector query in a page costs ~0.8 ms here (the selector
   * engine's first use), which the launcher's first render would pay for nothing.
   */
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

  private error = '';
  private warningKinds: SensitiveKind[] = [];
  #forced?: MediaQueryList;
  /** The sensitive spans of the draft, drawn behind the message box (cleared on send). */
  private marks: { draft: string; findings: readonly Finding[] } = { draft: '', findings: [] };
  private unread = 0;
  private typingName = '';
  /** The "End this chat?" question is showing. */
  private confirmingEnd = false;
  /** The rating sent for the current ending (0: none yet). */
  private rated = 0;
  private ratingError = '';
  /** The rating error describes its group (not yet when focus was in it: see #handleRating). */
  #ratingDescribed = false;
  /**
   * How many characters the draft is over the limit (0: within it). Not a reactive property:
   * going over the limit or back within it updates the element, while a key press that changes
   * only the count writes it into the error alone (#showOverLimit): ~0.4 ms less a key press here.
   */
  #overLimit = 0;

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
   * Advanced (JS only): builds the connection instead of the built-in WebSocket/SSE transports,
   * for a host's own network layer, tests and the states gallery. Read when the conversation
   * starts. Frames it carries are built by the widget, already redacted.
   */
  transportFactory: TransportFactory | undefined;

  #warningTimer: ReturnType<typeof setTimeout> | undefined;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #announcedWarning = '';
  #stickToBottom = true;
  #wasDisconnected = false;
  /** A chat just ended: scroll its summary into view once rendered. */
  #showEnding = false;
  #lastPhase: ConversationPhase = 'assistant';
  #endWaiters: ((info: CaseInfo) => void)[] = [];
  #typingAnnounceTimer: ReturnType<typeof setTimeout> | undefined;
  /** The name whose current typing spell was (or will be) announced. */
  #typingSpell = '';
  /** Transcript blocks already rendered to plain DOM (see #renderTranscript), and for what. */
  #settled: SettledBlock[] = [];
  #settledKey = '';
  #pinPending = false;
  /** Where the last pin left the transcript's scroll position. */
  #pinnedTop = 0;
  #bottomWatch: IntersectionObserver | undefined;
  /** Watches `lang` on the nodes up the tree that #lang reads (while connected). */
  #langWatch: MutationObserver | undefined;
  /**
   * Adopts the panel's stylesheets right after the launcher's, where they were in the single
   * stylesheet (content rules and position rules select different elements, so their order does
   * not matter). Parsed once per page, on first use. Through Lit's `adoptStyles`, so browsers
   * without constructable stylesheets get `<style>` elements (with `litNonce`), as at first.
   */
  #stylePanel(): void {
    if (this.shadowRoot) {
      adoptStyles(this.shadowRoot, [isolationStyles, styles, panelStyles, contentStyles, positionStyles]);
    }
  }

  /** The panel's module could not load (see `loadPanel`) while the panel was open. */
  #loadFailed = false;
  /** The load this element waits for (see `#load`). */
  #attempt?: Promise<Panel>;
  /** Updates have run with the panel's module loaded. */
  #ready = false;
  /**
   * The message box holds text. Its placeholder is then left out (it shows only when the box is
   * empty anyway): with one, Chromium restyles the box's placeholder on every key press (its
   * inline style, twice; seen in traces). Bench, key press within the limit in a long draft,
   * medians of 8 alternating runs: 3.48 → 3.30 ms.
   */
  #typed = false;
  /** Set on the first open; the panel then stays rendered (hidden when closed). */
  #panelRendered = false;
  /** Older blocks are still to be rendered (see #renderTranscript). */
  #filling = false;
  /** Set while conversation changes arrive: their render waits one task to batch a burst. */
  #batching = false;
  /** This render is for frames that arrived (maybe a long history still arriving): no filling. */
  #burst = false;
  /** The latest conversation change came while a replay was still arriving (see #afterBurst). */
  #replay = false;
  /** When the wait for the replay now arriving ends (0: no wait began). */
  #replayDeadline = 0;
  /** Ends that wait early. */
  #release: (() => void) | undefined;
  /** In a conversation callback: the updates asked for now are the conversation's. */
  #inChat = false;

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
    if (!panel) await loadPanel().catch(() => undefined);
    const message = this.#submit(text);
    await this.updateComplete;
    if (message instanceof AmexChatError) throw message;
    return message;
  }

  /**
   * Ends the conversation (with an agent, in the queue or with the assistant). Resolves with the
   * reference number and summary the server issued (at once if it has already ended); with
   * `undefined` when no chat was started. While offline it waits for the connection.
   * The customer can still write afterwards: the assistant answers follow-ups from the summary.
   */
  async end(): Promise<CaseInfo | undefined> {
    const conversation = this.#chat?.conversation;
    if (!conversation || conversation.state === 'idle' || conversation.state === 'closed') return undefined;
    if (conversation.phase === 'ended' && conversation.case) return conversation.case;
    this.confirmingEnd = false;
    const ended = new Promise<CaseInfo>((resolve) => this.#endWaiters.push(resolve));
    conversation.end();
    return ended;
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
    if (panel || !this.open || !loading) return done;
    await loading.catch(() => undefined);
    return super.getUpdateComplete();
  }

  /**
   * Loads the panel's module (once per page) and renders with it, or says it could not load: with
   * an event and an announcement when the panel is open.
   */
  #load(): void {
    const attempt = loadPanel();
    // One outcome per attempt: an idle load may be under way when the panel opens.
    if (attempt === this.#attempt) return;
    (this.#attempt = attempt).then(
      () => {
        this.error = '';
        this.requestUpdate();
      },
      () => {
        // Said (and the panel rendered with it) only while open; a closed launcher's failed load
        // is tried again when the panel opens, which then waits for that attempt.
        if (this.open) {
          this.#loadFailed = true;
          this.#showError('load', this.#t.errorLoad);
        }
      },
    );
  }

  /** The failed panel's Retry button: loads again; the message box takes focus once it is there. */
  #handleReload(): void {
    this.#load();
    this.#focusAfter();
  }

  /**
   * A render caused by the conversation (frames from the server) waits one task, so that a burst
   * of frames (a resumed history arrives as one WebSocket message per event) renders once rather
   * than once per frame. `updateComplete` still resolves after that render.
   */
  protected override scheduleUpdate(): Promise<void> | undefined {
    if (!this.#batching) {
      this.performUpdate();
      return undefined;
    }
    return this.#afterBurst().then(() => {
      this.#batching = false;
      this.#burst = true;
      try {
        this.performUpdate();
      } finally {
        this.#burst = false;
      }
    });
  }

  /**
   * When a render for conversation changes runs: at once when the conversation is live (below);
   * otherwise one task later, so that a burst of frames renders once. While a replay the welcome
   * announced is still arriving (protocol 1.3), later: when its last event is in, when anything but the conversation asks for an update (the
   * customer typing, the host closing the panel), or {@link REPLAY_WAIT} ms after the wait for
   * this replay began, whichever comes first. A 1,000-message history then renders once, not
   * once per 500-event frame with a layout in between.
   */
  async #afterBurst(): Promise<void> {
    // Its replay in (1.3), the server sends events one at a time: show each in the task that
    // brought it, in time for the next frame, rather than a task (and often a frame) later.
    if (this.#chat?.conversation?.live) return;
    await nextTask();
    if (!this.#replay) return;
    const now = performance.now();
    this.#replayDeadline ||= now + REPLAY_WAIT;
    const left = this.#replayDeadline - now;
    if (left <= 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.#release?.(), left);
      this.#release = () => {
        this.#release = undefined;
        clearTimeout(timer);
        resolve();
      };
    });
  }

  override requestUpdate(...args: Parameters<LitElement['requestUpdate']>): void {
    super.requestUpdate(...args);
    // (Lit asks for the first update before this class's fields exist.)
    if (#inChat in this && !this.#inChat) this.#release?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A reload opens the panel again when the customer left it open (not focused: the page keeps
    // its focus), read once there is an endpoint. Kept with the conversation, for the tab.
    if (!this.#openRead && this.endpoint) {
      this.#openRead = true;
      if (!this.open && this.persist !== 'none' && wasOpen(this.endpoint)) this.open = true;
    }
    if (changed.has('open') && this.open) this.unread = 0;
    if (!panel) {
      // The panel's module loads when the panel opens (every opening until it has loaded: after a
      // failure it is fetched again); for a closed launcher also when the page is idle (within
      // 2 s), so that the first click opens at once and a chat resumes.
      if (this.open && changed.has('open')) this.#load();
      // (The idle load is skipped when the panel has opened meanwhile and tried already.) The
      // idle time also makes the message times' Intl format: a page's first costs 20–60 ms.
      else if (!this.hasUpdated)
        whenIdle(() => {
          this.#t.time(new Date());
          void (this.#attempt ?? this.#load());
        }, 2000);
      return;
    }
    // The first update with the module loaded (the first update, when it was loaded already).
    const fresh = !this.#ready;
    this.#ready = true;
    // A conversation this tab had before a reload reconnects as soon as the module is here, to
    // deliver what was not sent yet and to count what arrives while the panel is closed.
    if (fresh && !this.open && this.endpoint && this.persist !== 'none') {
      if (panel.sessionStore(this.endpoint).load()) this.#startChat();
    }
    // Connect on first open, and again if the endpoint changes while open.
    if ((fresh || changed.has('open') || changed.has('endpoint') || changed.has('transport')) && this.open) {
      this.#startChat();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // When a chat ends, show its card from the top (the reference number) to the rating form at
    // its end; where the card is taller than the transcript, down to the rating. Otherwise follow
    // new messages unless the customer scrolled up to read.
    const ended = this.#showEnding ? this.renderRoot.querySelector<HTMLElement>('[part="ended"]') : null;
    const transcript = this.transcript;
    if (ended && transcript) {
      this.#showEnding = false;
      this.#stickToBottom = false;
      const view = transcript.getBoundingClientRect();
      transcript.scrollTop += Math.max(
        ended.getBoundingClientRect().top - view.top,
        ended.getBoundingClientRect().bottom - view.bottom,
      );
    } else if (this.#stickToBottom && transcript) {
      this.#pinToBottom();
    }
    if (transcript && !this.#bottomWatch) {
      // Whether the customer is at the bottom (within 48 px) comes from an observer, computed
      // with the frame's own layout: reading the scroll height in a scroll handler forced a
      // layout per scroll event, which at 10,000 messages cost seconds.
      this.#bottomWatch = new IntersectionObserver(
        (entries) => {
          const entry = entries[entries.length - 1];
          if (entry) this.#stickToBottom = entry.isIntersecting;
        },
        { root: transcript, rootMargin: '0px 0px 48px 0px' },
      );
      const bottom = transcript.querySelector('.bottom');
      if (bottom) this.#bottomWatch.observe(bottom);
    }
    if (changed.has('lang')) this.#announcedWarning = '';
    if (changed.has('open') && this.#openRead && this.persist !== 'none') keepOpen(this.endpoint, this.open);
    this.#showOverLimit();
    if (this.#held) whenIdle(this.#sendHeld, 100);
    if (this.#filling) {
      // Older blocks fill in when the page is idle: after a burst of frames, not between them.
      this.#filling = false;
      // (Within 100 ms even on a page that is never idle, so the log completes.)
      whenIdle(() => this.requestUpdate(), 100);
    }
  }

  /**
   * Follows new messages, once per frame rather than once per render: reading the scroll height
   * forces a layout, which a burst of renders (a long history arriving) would repeat for nothing.
   * Hidden tabs get no animation frames, so a timer stands in.
   */
  #pinToBottom(): void {
    if (this.#pinPending) return;
    this.#pinPending = true;
    const pin = (): void => {
      const transcript = this.transcript;
      if (!this.#pinPending || !transcript) return;
      this.#pinPending = false;
      // A render is on its way (more of a history): it pins again, after one layout, not two.
      if (this.isUpdatePending) return;
      // Over 48 px (the observer's margin) above where the last pin left it, and not at the
      // bottom (where a taller panel or shorter content would clamp it), means the reader (or the
      // host) scrolled up since: the observer that says so runs after this frame's callbacks, and
      // not at all in a hidden page.
      const { scrollTop, scrollHeight, clientHeight } = transcript;
      if (scrollTop < this.#pinnedTop - 48 && scrollTop + clientHeight < scrollHeight - 1) {
        this.#stickToBottom = false;
      }
      if (!this.#stickToBottom) return;
      transcript.scrollTop = transcript.scrollHeight;
      this.#pinnedTop = transcript.scrollTop;
    };
    requestAnimationFrame(() => pin());
    setTimeout(pin, 100);
  }

  /**
   * The language tag this element speaks: its own `lang`, else the nearest one up the tree through
   * shadow roots to their hosts (a `lang` on a component that renders this one in its shadow root
   * counts), else the page's, else the browser's. Walked on every render (no selector: see #byId).
   * The nodes walked are watched (see connectedCallback): a `lang` set, changed or removed on one
   * of them, up to the nearest that has one, is what changes this language.
   */
  #lang(): string {
    let lang: string | null | undefined = this.lang;
    for (let node = up(this); !lang && node; node = up(node)) {
      this.#langWatch?.observe(node, { attributeFilter: ['lang'] });
      lang = (node as Partial<Element>).getAttribute?.('lang');
    }
    return lang || document.documentElement.lang || navigator.language;
  }

  get #t(): Strings {
    return strings(this.#lang());
  }

  get #state(): ConnectionState {
    return this.#chat?.conversation?.state ?? 'idle';
  }

  // The launcher's icon and the close button's cross are drawn by the stylesheet (clip-path
  // shapes on ::before), not <svg> here: the first SVG element in a page costs ~0.5 ms to wrap,
  // and Lit walks every node of a template (first render ~1 ms shorter in an A/B of 41 fresh
  // pages each, twice).
  protected override render(): TemplateResult {
    const t = this.#t;
    if (this.open && (panel || this.#loadFailed) && !this.#panelRendered) {
      this.#panelRendered = true;
      this.#stylePanel();
      // The redaction engine's first use (its tables, the first compile of its code) took ~20 ms
      // of the customer's first key press: it runs at the first idle time a second after the
      // opening, after a history has arrived (not between its frames). (A check records
      // nothing, and its text goes nowhere.)
      if (panel)
        setTimeout(whenIdle, 1000, () => void this.#check('card 4111 1111 1111 1111 code 123'), 1000);
    }
    const messages = this.#chat?.conversation?.messages ?? [];
    return html`
      <div class="sr-only" aria-live="polite">${this.#said(this.#announcer.polite)}</div>
      <div class="sr-only" aria-live="assertive">${this.#said(this.#announcer.assertive)}</div>
      <button
        id="launcher"
        class="launcher"
        part="launcher"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${this.#panelRendered ? 'panel' : nothing}
        aria-label=${this.unread > 0 ? t.launcherUnread(this.unread) : nothing}
        @click=${this.#handleLauncherClick}
        @keydown=${this.#handlePanelKeydown}
      >
        <span>${t.launcher}</span>
        ${this.unread > 0 ? html`<span class="badge" part="badge" aria-hidden="true">${t.num(this.unread)}</span>` : nothing}
      </button>
      ${this.#panelRendered ? this.#renderPanel(t, messages) : nothing}
    `;
  }

  /** Each announcement in a node of its own, read whole (see Announcer): keyed, never rewritten. */
  #said(list: readonly Announcement[]): unknown {
    return repeat(
      list,
      (a) => a.id,
      (a) => html`<p aria-atomic="true">${a.text}</p>`,
    );
  }

  /** The panel, rendered from the first open on (a closed launcher does not build it). */
  #renderPanel(t: Strings, messages: readonly TranscriptMessage[]): TemplateResult {
    return html`<section
      id="panel"
      class="panel"
      part="panel"
      role="dialog"
      aria-labelledby="heading"
      aria-modal=${this.#panelFocus.modal ? 'true' : nothing}
      lang=${t.locale}
      ?hidden=${!this.open}
      @keydown=${this.#handlePanelKeydown}
    >
      <div class="header" part="header">
        <h2 id="heading" part="heading">${this.heading || t.heading}</h2>
        ${
          this.#canEnd
            ? html`<button
                id="end"
                class="end"
                part="end-button"
                type="button"
                aria-expanded=${this.confirmingEnd ? 'true' : 'false'}
                aria-controls=${this.confirmingEnd ? 'end-confirm' : nothing}
                @click=${this.#handleEndClick}
              >
                ${t.endChat}
              </button>`
            : nothing
        }
        <button
          class="close"
          part="close-button"
          type="button"
          aria-label=${t.close}
          @click=${this.#handleCloseClick}
        ></button>
      </div>
      ${
        panel
          ? this.#renderChat(t, messages)
          : html`<p id="load-error" class="error" part="error">${t.errorLoad}</p>
              <button
                id="reload"
                part="retry-button"
                aria-describedby="load-error"
                @click=${this.#handleReload}
              >
                ${t.retry}
              </button>`
      }
    </section>`;
  }

  /** The panel below its header: the conversation and the composer. */
  #renderChat(t: Strings, messages: readonly TranscriptMessage[]): TemplateResult {
    return html`${this.#renderNotice(t)} ${this.#renderEndConfirm(t)} ${this.#renderQueue(t)}
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
        <div class="messages" role="list">${this.#renderTranscript(t, messages)}</div>
        ${this.#renderEnded(t)}
        <div class="bottom"></div>
      </div>
      <p class="typing" part="typing">${this.typingName ? this.#typingLine(t) : nothing}</p>
      ${this.#renderIdleWarning(t)} ${this.#renderComposer(t)}`;
  }

  /** "Maria is typing…", the name as displayText shows it (one line, no bidi controls). */
  #typingLine(t: Strings): string {
    return t.typing(loaded().displayText(this.typingName, 'name'));
  }

  get #phase(): ConversationPhase {
    return this.#chat?.conversation?.phase ?? 'assistant';
  }

  /** "End chat" is offered once a conversation is under way, until it ends. */
  get #canEnd(): boolean {
    const conversation = this.#chat?.conversation;
    return (
      !!conversation &&
      conversation.state !== 'idle' &&
      conversation.state !== 'closed' &&
      conversation.phase !== 'ended' &&
      conversation.messages.length > 0
    );
  }

  #renderEndConfirm(t: Strings): TemplateResult | typeof nothing {
    if (!this.confirmingEnd || !this.#canEnd) return nothing;
    return html`<div
      id="end-confirm"
      class="end-confirm"
      part="end-confirm"
      role="group"
      aria-labelledby="end-question"
    >
      <p id="end-question">${t.endConfirm}</p>
      <button id="end-yes" type="button" @click=${this.#handleEndConfirm}>${t.endConfirmYes}</button>
      <button id="end-no" type="button" @click=${this.#handleEndCancel}>${t.keepChatting}</button>
    </div>`;
  }

  #queueText(t: Strings, queue: QueueStatus): string {
    return `${t.queuePosition(queue.position)} ${t.queueWait(queue.etaSeconds)}`;
  }

  #renderQueue(t: Strings): TemplateResult | typeof nothing {
    const queue = this.#wait.shown;
    if (!queue || this.#phase !== 'queued') return nothing;
    return html`<div class="queue" part="queue">
      <p id="queue-status">${this.#queueText(t, queue)}</p>
      <button id="leave-queue" type="button" part="leave-queue-button" @click=${this.#handleLeaveQueue}>
        ${t.leaveQueue}
      </button>
    </div>`;
  }

  #renderEnded(t: Strings): TemplateResult | typeof nothing {
    const info = this.#chat?.conversation?.case;
    if (!info || this.#phase !== 'ended') return nothing;
    return html`<section class="ended" part="ended" aria-labelledby="ended-heading">
      <h3 id="ended-heading">${t.endedHeading}</h3>
      <dl>
        <dt>${t.referenceNumber}</dt>
        <dd id="case-number">${loaded().displayText(info.caseNumber, 'case')}</dd>
        <dt>${t.summary}</dt>
        <dd id="case-summary" dir="auto">${loaded().displayText(info.summary, 'summary')}</dd>
      </dl>
      <div class="record">
        <button id="download" type="button" part="transcript-button" @click=${this.#handleDownload}>
          ${t.downloadTranscript}
        </button>
        <button id="print" type="button" part="transcript-button" @click=${this.#handlePrint}>
          ${t.printTranscript}
        </button>
      </div>
      ${
        this.rated
          ? html`<p class="rated" id="rating-thanks" tabindex="-1">${t.ratingThanks}</p>`
          : html`<form class="rating" part="rating" @submit=${this.#handleRating}>
              <fieldset
                aria-describedby=${this.ratingError && this.#ratingDescribed ? 'rating-error' : nothing}
                @focusout=${this.#handleRatingFocusout}
              >
                <legend>${t.ratingLegend}</legend>
                ${t.ratingLabels.map(
                  (label, index) =>
                    html`<label class="score"
                      ><input type="radio" name="score" value=${index + 1} />${label}</label
                    >`,
                )}
              </fieldset>
              ${this.ratingError ? html`<p id="rating-error" class="error">${this.ratingError}</p>` : nothing}
              <button type="submit">${t.ratingSubmit}</button>
            </form>`
      }
    </section>`;
  }

  #transcriptInput(): TranscriptInput {
    const conversation = this.#chat?.conversation;
    const t = this.#t;
    return {
      t,
      locale: t.locale,
      heading: this.heading || t.heading,
      messages: conversation?.messages ?? [],
      case: conversation?.case,
    };
  }

  #handleDownload(): void {
    loaded().downloadTranscript(this.#transcriptInput(), this.renderRoot);
  }

  #handlePrint(): void {
    if (!loaded().printTranscript(this.#transcriptInput())) {
      const message = this.#t.popupBlocked;
      this.#announcer.announce(message, 'assertive');
      this.#emit('amex-chat-error', { code: 'popup-blocked', message });
    }
  }

  #handleRating(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const score = Number(new FormData(form).get('score'));
    if (!score) {
      this.ratingError = this.#t.ratingMissing;
      // Said once: focus moves to the first score, and the group's description reads the error.
      // Focus in the group already (Enter on a score), moving it says nothing, and a description
      // that changes under the focus is read again by some screen readers: then it is announced,
      // and describes the group once focus leaves it.
      if (form.querySelector('fieldset')?.contains(this.shadowRoot?.activeElement ?? null)) {
        this.#announcer.announce(this.ratingError, 'assertive');
      } else {
        this.#ratingDescribed = true;
        void this.updateComplete.then(() =>
          this.renderRoot.querySelector<HTMLInputElement>('input[name="score"]')?.focus(),
        );
      }
      return;
    }
    this.#chat?.conversation?.rate(score);
    this.ratingError = '';
    this.rated = score;
    // The thanks takes focus (the form it replaces had it), which reads it: no announcement too.
    this.#focusAfter('rating-thanks');
  }

  #handleRatingFocusout(event: FocusEvent): void {
    if (this.#ratingDescribed || (event.currentTarget as Node).contains(event.relatedTarget as Node | null))
      return;
    this.#ratingDescribed = true;
    this.requestUpdate();
  }

  #handleEndClick(): void {
    this.confirmingEnd = !this.confirmingEnd;
    // On the safe choice: Enter pressed twice must not end the chat.
    if (this.confirmingEnd) {
      this.#focusAfter('end-no');
    }
  }

  #handleEndConfirm(): void {
    this.confirmingEnd = false;
    this.#chat?.conversation?.end();
    this.#focusAfter();
  }

  #handleEndCancel(): void {
    this.confirmingEnd = false;
    this.#focusAfter('end');
  }

  #handleLeaveQueue(): void {
    this.#chat?.conversation?.leaveQueue();
    this.#focusAfter();
  }

  /** The server's place in line: shown and said as the wait estimate decides (wait-estimate.ts). */
  #handleQueue(queue: QueueStatus | undefined): void {
    this.#wait.update(queue);
  }

  /**
   * Message text as text nodes; only the assistant's and agents' messages get https (within
   * `link-hosts`), mailto and tel links (see rich-text.ts), never notices or the customer's text.
   */
  #renderText({ text, from }: TranscriptMessage): string | (string | TemplateResult)[] {
    const { linkify, displayText } = loaded();
    const shown = displayText(text);
    if (from !== 'agent' && from !== 'assistant') return shown;
    return linkify(shown, this.linkHosts).map((part) =>
      typeof part === 'string'
        ? part
        : html`<a href=${part.href} rel="noopener noreferrer" target="_blank">${part.text}</a>`,
    );
  }

  /** `tel:` URL of `urgent-phone`: digits and a leading + only, so nothing else can get in. */
  get #telHref(): string {
    const phone = this.urgentPhone.trim();
    const digits = phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
    return /\d{3,}/.test(digits) ? `tel:${digits}` : '';
  }

  /**
   * The time left on screen every second, hidden from assistive technology, which reads the group's
   * name instead: the warning as last said (at its start, 60 s and 10 s).
   */
  #renderIdleWarning(t: Strings): TemplateResult | typeof nothing {
    const { left, said } = this.#idle;
    if (left <= 0) return nothing;
    return html`<div class="idle" part="idle-warning" role="group" aria-labelledby="idle-said">
      <p id="idle-text" aria-hidden="true">${t.idleWarning(left)}</p>
      <span id="idle-said" class="sr-only">${t.idleWarning(said)}</span>
      <button id="idle-continue" type="button" @click=${this.#handleContinue}>${t.idleContinue}</button>
    </div>`;
  }

  /** Whether the inactivity timeout applies now: a live conversation with the assistant or an agent. */
  get #idleApplies(): boolean {
    const conversation = this.#chat?.conversation;
    if (!conversation || this.idleTimeout <= 0) return false;
    if (conversation.state === 'idle' || conversation.state === 'closed') return false;
    return conversation.phase === 'assistant' || conversation.phase === 'agent';
  }

  /** The customer did something: start the inactivity clock again (and drop any warning). */
  #resetIdle(): void {
    this.#idle.restart(this.idleTimeout);
  }

  #endForInactivity(): void {
    const conversation = this.#chat?.conversation;
    if (!conversation || !this.#idleApplies) return;
    const t = this.#t;
    conversation.addNotice(t.idleEnded);
    this.#announcer.announce(t.idleEnded, 'assertive');
    conversation.end();
  }

  #handleContinue(): void {
    this.#resetIdle();
    this.#focusAfter();
  }

  #renderNotice(t: Strings): TemplateResult | typeof nothing {
    const text = this.#noticeText(t, this.#state);
    return text ? html`<p class="notice" part="notice">${text}</p>` : nothing;
  }

  #noticeText(t: Strings, state: ConnectionState): string {
    switch (state) {
      case 'connecting':
        return t.connecting;
      case 'reconnecting':
        return this.#chat?.conversation?.everConnected ? t.reconnecting : t.unreachable;
      case 'offline':
        return t.offline;
      default:
        return '';
    }
  }

  /**
   * The transcript in blocks of {@link BLOCK} messages. A full block whose messages can no longer
   * change (sequenced by the server, or notices) and that is not the last one is rendered once
   * into plain DOM and then costs nothing on later renders: no template instance, no diffing. Only
   * the tail goes through `repeat()` on each render, so an append costs the same at 100 messages
   * as at 10,000, and a long history keeps no per-message bookkeeping.
   *
   * Settled blocks are rendered newest first, at most {@link FILL_BUDGET} ms per render, and not
   * in a render for arriving frames (more may follow: the last message shows first): a
   * 10,000-message history shows its last messages at once and fills in the older ones over the
   * next tasks, never blocking the page for long. The log is then complete in the DOM (for screen
   * readers and find-in-page); `content-visibility` skips the layout of what is off screen.
   */
  #renderTranscript(t: Strings, messages: readonly TranscriptMessage[]): unknown {
    // (The whole tag: "en-GB" writes times otherwise than "en".)
    const key = `${this.#lang()} ${this.#telHref} ${this.linkHosts}`;
    const blocks = this.#settled;
    if (key !== this.#settledKey) {
      blocks.length = 0;
      this.#settledKey = key;
    }
    // Blocks still matching the messages they were made from (defensive: the list only grows).
    let valid = 0;
    while (valid < blocks.length) {
      const block = blocks[valid];
      if (block?.first !== messages[valid * BLOCK] || block?.last !== messages[valid * BLOCK + BLOCK - 1])
        break;
      valid += 1;
    }
    blocks.length = valid;
    // A message of the live tail that has focus keeps the tail live (unsettled) until focus
    // leaves it: settling would replace its nodes, and the customer's place with them.
    const holding = this.shadowRoot?.activeElement?.closest('.messages > .message');
    while (!holding && (blocks.length + 1) * BLOCK < messages.length) {
      const start = blocks.length * BLOCK;
      const block = messages.slice(start, start + BLOCK);
      if (!block.every((m) => m.seq !== undefined || m.from === 'system')) break;
      blocks.push({ index: blocks.length, first: block[0], last: block[BLOCK - 1], nodes: undefined });
    }
    const deadline = performance.now() + FILL_BUDGET;
    for (let i = blocks.length - 1; i >= 0; i -= 1) {
      const block = blocks[i];
      if (!block || block.nodes) continue;
      if (this.#burst || performance.now() > deadline) {
        this.#filling = true;
        break;
      }
      const scratch = document.createDocumentFragment();
      render(
        messages.slice(i * BLOCK, i * BLOCK + BLOCK).map((message) => this.#renderMessage(t, message, false)),
        scratch,
        { host: this },
      );
      // Moved out of the fragment Lit rendered into, so its bookkeeping can be collected
      // (nothing will update these nodes). The block's own box
      // lets layout skip it whole: one flex item per block, not one per message.
      const nodes = document.createElement('div');
      nodes.className = 'block';
      nodes.append(...scratch.childNodes);
      // Lit's marker comments too: each would keep a JS wrapper alive (+1.7 MB at 10,000).
      const markers = document.createNodeIterator(nodes, NodeFilter.SHOW_COMMENT);
      for (let marker = markers.nextNode(); marker; marker = markers.nextNode()) (marker as Comment).remove();
      block.nodes = nodes;
    }
    const tail = messages.slice(blocks.length * BLOCK);
    // The blocks sit in one box of their own: an append lays out the tail next to that one box
    // (its size unchanged), not next to 200 blocks.
    return html`<div class="settled">
        ${repeat(
          blocks.filter((block) => block.nodes),
          (block) => block.index,
          (block) => block.nodes,
        )}
      </div>
      ${repeat(
        tail,
        (message) => message.id,
        (message, index) => this.#renderMessage(t, message, index === tail.length - 1),
      )}`;
  }

  #renderMessage(t: Strings, message: TranscriptMessage, last: boolean): TemplateResult {
    const time = new Date(message.at);
    return html`<div class="message ${message.from}" role="listitem" part="message">
      <p class="meta">
        <span>${t.senderPrefix(loaded().displayText(message.name, 'name'), message.from)}</span>,
        <time datetime=${time.toISOString()}>${t.time(time)}</time><span class="sr-only">:</span>
      </p>
      <p class="bubble" part="bubble" dir="auto">${this.#renderText(message)}</p>
      ${
        message.urgent && this.#telHref
          ? html`<p class="urgent">
              <a part="urgent-phone" href=${this.#telHref}>${t.callUrgent(this.urgentPhone.trim())}</a>
            </p>`
          : nothing
      }
      ${message.status ? this.#renderStatus(t, message) : nothing}
      ${
        last && message.quickReplies?.length
          ? html`<ul class="quick-replies">
              ${message.quickReplies.map(
                (reply) =>
                  html`<li>
                    <button type="button" part="quick-reply" @click=${() => this.#submitFromUi(reply.value)}>
                      ${loaded().displayText(reply.label, 'label')}
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
    </div>`;
  }

  #renderStatus(t: Strings, message: TranscriptMessage): TemplateResult {
    if (message.status === 'failed') {
      return html`<p class="status failed">
        ${t.failed}
        <button type="button" part="retry-button" @click=${() => this.#chat?.conversation?.retry(message.id)}>
          ${t.retry}
        </button>
      </p>`;
    }
    return html`<p class="status">${message.status === 'sent' ? t.sent : t.sending}</p>`;
  }

  #renderComposer(t: Strings): TemplateResult {
    const warning = this.warningKinds.length ? t.warning(listKinds(t, this.warningKinds)) : '';
    const tooLong = this.#overLimit > 0;
    const describedBy = [
      'hint',
      this.error ? 'error' : '',
      tooLong ? 'too-long' : '',
      warning ? 'warning' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return html`<form class="composer" part="composer" @submit=${this.#handleSubmit}>
      <label for="input">${t.composerLabel}</label>
      <div class="field">
        <div class="backdrop" aria-hidden="true">${this.#renderMarks()}</div>
        <textarea
          id="input"
          part="input"
          rows="1"
          placeholder=${this.#typed ? nothing : t.composerPlaceholder}
          aria-describedby=${describedBy}
          aria-invalid=${(this.error && this.#textError) || tooLong ? 'true' : 'false'}
          autocomplete="off"
          @keydown=${this.#handleComposerKeydown}
          @input=${this.#handleComposerInput}
          @scroll=${this.#handleComposerScroll}
        ></textarea>
      </div>
      <button class="send" part="send-button" type="submit">${t.send}</button>
      <p id="hint" class="hint">${t.composerHint}</p>
      ${tooLong ? html`<p id="too-long" class="error" part="error"></p>` : nothing}
      ${warning ? html`<p id="warning" class="warning" part="warning">${warning}</p>` : nothing}
      ${this.error ? html`<p id="error" class="error" part="error">${this.error}</p>` : nothing}
    </form>`;
  }

  /**
   * The draft as invisible text with the sensitive spans highlighted, laid exactly under the
   * textarea's own text (same font, padding and wrapping), so the customer sees what will be
   * removed. Decorative: the warning text says the same to assistive technology.
   */
  #renderMarks(): TemplateResult | typeof nothing {
    const { draft, findings } = this.marks;
    if (!findings.length) return nothing;
    const parts: (string | TemplateResult)[] = [];
    let at = 0;
    for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
      if (finding.start < at) continue;
      parts.push(
        draft.slice(at, finding.start),
        html`<mark>${draft.slice(finding.start, finding.end)}</mark>`,
      );
      at = finding.end;
    }
    parts.push(draft.slice(at), '\n');
    return html`${parts}`;
  }

  /** Starts (or keeps) the conversation; only once the panel's module has loaded. */
  #startChat(): void {
    if (!this.endpoint || !panel) return;
    const { ChatController, noStore, sessionStore } = panel;
    // (One argument at most: no rest array per call, a thousand of them for a long history.)
    const inChat =
      <T>(handle: (value: T) => void) =>
      (value?: T): void => {
        const was = this.#inChat;
        this.#inChat = true;
        try {
          handle(value as T);
        } finally {
          this.#inChat = was;
        }
      };
    this.#chat ??= new ChatController(this, {
      onMessage: inChat((message) => this.#handleMessage(message)),
      onState: inChat((state) => this.#handleState(state)),
      onTyping: inChat((typing) => this.#handleTyping(typing)),
      onError: inChat((error) => this.#handleError(error)),
      onRestarted: inChat(() => {
        this.#chat?.conversation?.addNotice(this.#t.restarted);
        this.#announcer.announce(this.#t.restarted);
      }),
      onQueue: inChat((queue) => this.#handleQueue(queue)),
      onChange: inChat(() => {
        this.#batching = true;
        this.#replay = this.#chat?.conversation?.replaying === true;
        if (!this.#replay) {
          this.#replayDeadline = 0;
          this.#release?.();
        }
        this.requestUpdate();
      }),
    });
    this.#chat.start({
      endpoint: this.endpoint,
      transport: this.transport === 'websocket' || this.transport === 'sse' ? this.transport : 'auto',
      store: this.persist === 'none' ? noStore : sessionStore(this.endpoint),
      tabs: this.persist !== 'none',
      tokenProvider: this.tokenProvider,
      lang: this.#t.locale,
      account: this.account || undefined,
      ...(this.transportFactory ? { transportFactory: this.transportFactory } : {}),
    });
    this.#resetIdle();
  }

  /** Shared by the composer, quick replies and `send()`. Never keeps the raw text. */
  #submit(text: string): TranscriptMessage | AmexChatError {
    const t = this.#t;
    if (!this.endpoint) return this.#showError('endpoint', t.errorEndpoint);
    if (!panel) return this.#showError('load', t.errorLoad);
    this.#startChat();
    const conversation = this.#chat?.conversation;
    if (!conversation) return this.#showError('endpoint', t.errorEndpoint);
    const result = conversation.send(text, { redaction: this.redaction === 'block' ? 'block' : 'mask' });
    if (!result.ok) {
      switch (result.reason) {
        case 'empty':
          return this.#showError('empty', t.errorEmpty);
        case 'too-long':
          return this.#showError('too-long', t.errorTooLong(loaded().MAX_MESSAGE_LENGTH));
        case 'closed':
          return this.#showError('closed', t.errorClosed);
        case 'outbox-full':
          return this.#showError('outbox-full', t.errorOutboxFull);
        case 'blocked': {
          const kinds = result.kinds ?? [];
          this.#emit('amex-chat-redacted', { kinds, count: kinds.length, action: 'block' });
          return this.#showError('blocked', t.errorBlocked(listKinds(t, kinds)));
        }
      }
    }
    this.error = '';
    this.#overLimit = 0;
    this.warningKinds = [];
    this.marks = { draft: '', findings: [] };
    this.#resetIdle();
    this.#announcedWarning = '';
    this.#stickToBottom = true;
    if (result.redacted.count > 0) {
      this.#emit('amex-chat-redacted', { ...result.redacted, action: 'mask' });
      this.#announcer.announce(t.warningMasked);
    }
    return result.message;
  }

  #submitFromUi(text: string): boolean {
    const result = this.#submit(text);
    return !(result instanceof AmexChatError);
  }

  /**
   * The error shown is about the draft's text (empty, too long, blocked sensitive data): only then
   * is the message box marked invalid. A refused send, a closed chat or a full outbox is said and
   * shown under the box (and describes it), but the customer's text is not at fault.
   */
  #textError = false;

  #showError(code: AmexChatErrorDetail['code'], message: string): AmexChatError {
    this.error = message;
    this.#textError = code === 'empty' || code === 'too-long' || code === 'blocked';
    this.#announcer.announce(message, 'assertive');
    this.#emit('amex-chat-error', { code, message });
    return new AmexChatError(code, message);
  }

  /**
   * Public events made while a replay the welcome announced is arriving (protocol 1.3), in order.
   * They follow the render that shows it, when the page is next idle (within 100 ms), at most
   * {@link FILL_BUDGET} ms of them at a time: the last messages show first, as the older blocks
   * do. (A thousand events were a quarter of a 1,000-message history's time to the DOM.) An event
   * made while some are held waits behind them, so the order stays that of the conversation.
   */
  #held: [AmexChatEventName, unknown][] | undefined;

  #emit<K extends AmexChatEventName>(type: K, detail: AmexChatEventDetail<K>): void {
    // (A replay that stops short of what the welcome announced is shown after REPLAY_WAIT: what
    // comes after that is live, and its events are sent at once.)
    const replaying =
      this.#chat?.conversation?.replaying &&
      !(this.#replayDeadline && performance.now() > this.#replayDeadline);
    if (this.#held || replaying) (this.#held ??= []).push([type, detail]);
    else this.dispatchEvent(chatEvent(type, detail));
  }

  #sendHeld = (): void => {
    const held = this.#held ?? [];
    const deadline = performance.now() + FILL_BUDGET;
    let sent = 0;
    // (A listener may emit another: it joins the end of the list, and this loop sends it too.)
    while (sent < held.length && performance.now() < deadline) {
      const [type, detail] = held[sent++] as [AmexChatEventName, never];
      this.dispatchEvent(chatEvent(type, detail));
    }
    held.splice(0, sent);
    if (held.length) whenIdle(this.#sendHeld, 100);
    else this.#held = undefined;
  };

  #handleMessage(message: TranscriptMessage): void {
    this.#emit('amex-chat-message', { message: { ...message } });
    if (message.notice?.code === 'ended') {
      this.#showEnding = !message.history;
      this.rated = 0;
      this.ratingError = '';
      this.#ratingDescribed = false;
      const info = this.#chat?.conversation?.case;
      const waiters = this.#endWaiters;
      this.#endWaiters = [];
      if (info) for (const resolve of waiters) resolve(info);
    }
    // Only notices move the conversation to another phase (a long history has few of them).
    if (message.notice) this.#emitPhase();
    if (message.from === 'customer' || message.history) return;
    if (message.name === this.typingName) {
      this.typingName = '';
      this.#endTypingSpell();
    }
    // The panel closed, a message is counted on the launcher and said in short ("New message from
    // Maria, live agent."), not read out where the customer is not; notices are said as they are.
    const brief = !this.open && message.from !== 'system';
    if (!this.open) this.unread += 1;
    // The end of the chat is urgent news (WCAG 4.1.3 practice); everything else is polite.
    this.#announcer.announce(
      () => {
        const t = this.#t;
        const sender = t.senderPrefix(loaded().displayText(message.name, 'name'), message.from);
        return brief ? t.newMessage(sender) : `${sender}: ${loaded().displayText(message.text)}`;
      },
      message.notice?.code === 'ended' ? 'assertive' : 'polite',
    );
  }

  #handleError(error: ConversationError): void {
    if (error.code === 'auth-failed') this.#showError('auth', this.#t.errorAuth);
    else if (error.id) this.#showError('server', this.#t.errorServer);
    else if (error.code === 'invalid-frame') {
      // Said in the transcript, where something is missing: the draft is not at fault.
      const message = this.#t.errorInvalidFrame;
      this.#chat?.conversation?.addNotice(message);
      this.#announcer.announce(message);
      this.#emit('amex-chat-error', { code: 'invalid-frame', message });
    }
  }

  /** Fires `amex-chat-state` when a notice moved the conversation to another phase. */
  #emitPhase(): void {
    const phase = this.#phase;
    if (phase === this.#lastPhase) return;
    this.#lastPhase = phase;
    // (The question goes with the chat's end too: else Escape would only dismiss it, unseen.)
    this.confirmingEnd &&= this.#canEnd;
    this.#resetIdle();
    this.#emit('amex-chat-state', { state: this.#state, phase });
  }

  #handleState(state: ConnectionState): void {
    this.#lastPhase = this.#phase;
    if (state === 'closed' || state === 'connecting') this.#resetIdle();
    this.#emit('amex-chat-state', { state, phase: this.#phase });
    const t = this.#t;
    if (state === 'reconnecting' || state === 'offline')
      this.#announcer.announce(this.#noticeText(t, state), 'assertive');
    if (state === 'connected' && this.#wasDisconnected) this.#announcer.announce(t.connected);
    this.#wasDisconnected = state === 'reconnecting' || state === 'offline';
  }

  /**
   * Shows "Maria is typing…" at once and announces it once per typing spell, only after it has
   * lasted 2 s (short bursts stay silent); stopping is not announced.
   */
  #handleTyping(typing: { name: string; active: boolean }): void {
    this.typingName = typing.active ? typing.name : '';
    if (!typing.active) {
      this.#endTypingSpell();
      return;
    }
    if (this.#typingSpell === typing.name) return;
    this.#endTypingSpell();
    this.#typingSpell = typing.name;
    this.#typingAnnounceTimer = setTimeout(() => {
      if (this.typingName === typing.name) this.#announcer.announce(this.#typingLine(this.#t));
    }, TYPING_ANNOUNCE_AFTER);
  }

  #endTypingSpell(): void {
    clearTimeout(this.#typingAnnounceTimer);
    this.#typingSpell = '';
  }

  #handleLauncherClick(): void {
    if (this.open) {
      this.open = false;
      this.#emit('amex-chat-close', {});
      return;
    }
    this.open = true;
    this.#emit('amex-chat-open', {});
    this.#focusAfter();
  }

  #handleCloseClick(): void {
    this.#closeFromUi();
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
      if (this.confirmingEnd) this.#handleEndCancel();
      else this.#closeFromUi();
    }
  }

  #handleComposerKeydown(event: KeyboardEvent): void {
    if (loaded().composerPageKeys(event, this.transcript)) this.#stickToBottom = false;
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    this.#sendDraft();
  }

  /** Arrows, Home and End between messages; typing goes on in the message box (transcript-keys.ts). */
  #handleTranscriptKeydown(event: KeyboardEvent): void {
    loaded().transcriptKeydown(event, this.input);
  }

  #handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.#sendDraft();
  }

  #sendDraft(): void {
    const input = this.input;
    if (this.#submitFromUi(input.value)) {
      input.value = '';
      this.#typed = false;
      clearTimeout(this.#typingTimer);
    }
  }

  #handleComposerInput(): void {
    const draft = this.input.value;
    if (!draft === this.#typed) {
      this.#typed = !!draft;
      this.requestUpdate();
    }
    if (this.error && draft.trim() !== '') this.error = '';
    const over = Math.max(0, draft.length - loaded().MAX_MESSAGE_LENGTH);
    if (over > 0 !== this.#overLimit > 0) {
      if (over > 0) this.#announcer.announce(this.#t.tooLong(over, loaded().MAX_MESSAGE_LENGTH));
      this.requestUpdate();
    }
    this.#overLimit = over;
    this.#showOverLimit();
    this.#resetIdle();
    // Over the limit nothing can be sent: the check reads up to twice the limit, so that a pasted
    // document does not slow every key press (1,000,000 characters: 145.5 → 91.7 ms here).
    const checked = draft.slice(0, 2 * loaded().MAX_MESSAGE_LENGTH);
    const findings = checked ? this.#check(checked) : [];
    const kinds = findings.length ? loaded().summarize(findings).kinds : [];
    if (kinds.join() !== this.warningKinds.join()) this.warningKinds = kinds;
    this.#mark(draft, findings);
    this.#scheduleWarningAnnouncement();
    this.#chat?.conversation?.setTyping(draft.length > 0);
    clearTimeout(this.#typingTimer);
    this.#typingTimer = setTimeout(() => this.#chat?.conversation?.setTyping(false), TYPING_IDLE);
  }

  /**
   * Draws the draft's sensitive spans behind the message box. The backdrop needs the text only up
   * to the last span and the rest of the word it ends in (that decides where its line wraps), so
   * typing after it changes nothing there: no render, no second layout of a long draft. In forced
   * colours the backdrop draws all the text (the box's own is transparent), so it gets all of it,
   * and a switch of that mode redraws.
   */
  #mark(draft: string, findings: readonly Finding[]): void {
    const forced = (this.#forced ??= matchMedia('(forced-colors: active)'));
    forced.onchange = () => this.#mark(this.input.value, this.marks.findings);
    const end = Math.max(0, ...findings.map((f) => f.end));
    const cut = forced.matches ? -1 : draft.slice(end).search(/\s/);
    const shown = findings.length ? (cut < 0 ? draft : draft.slice(0, end + cut)) : '';
    const key = (list: readonly Finding[]): string => list.map((f) => [f.start, f.end]).join();
    if (shown !== this.marks.draft || key(findings) !== key(this.marks.findings)) {
      this.marks = { draft: shown, findings };
    }
  }

  /** The live check's findings: with the conversation's context once it exists, context-free before. */
  #check(text: string): readonly Finding[] {
    return this.#chat?.conversation?.check(text) ?? loaded().check(text);
  }

  /** The too-long error's text, with the current count (see #overLimit). */
  #showOverLimit(): void {
    const error = this.#byId('too-long');
    if (error) render(this.#t.tooLong(this.#overLimit, loaded().MAX_MESSAGE_LENGTH), error);
  }

  #handleComposerScroll(): void {
    const backdrop = this.renderRoot.querySelector<HTMLElement>('.backdrop');
    if (backdrop) backdrop.scrollTop = this.input.scrollTop;
  }

  /** Announces the sensitive-data warning once per detection, after typing pauses. */
  #scheduleWarningAnnouncement(): void {
    clearTimeout(this.#warningTimer);
    this.#warningTimer = setTimeout(() => {
      const key = this.warningKinds.join();
      if (!key) {
        this.#announcedWarning = '';
        return;
      }
      if (key === this.#announcedWarning) return;
      this.#announcedWarning = key;
      const t = this.#t;
      this.#announcer.announce(t.warning(listKinds(t, this.warningKinds)));
    }, WARNING_ANNOUNCE_DELAY);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Inserted again after a removal: listen to the forced-colours mode again, and catch up
    // with a change made meanwhile (the highlight layer holds more or less of the draft).
    if (this.#forced) this.#mark(this.input.value, this.marks.findings);
    // Follow the page's language: a change of `lang` where #lang read it renders again. Rendered
    // on each connection too: a moved element speaks (and watches) its new place's language.
    this.#langWatch ??= new MutationObserver(() => this.requestUpdate());
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A listening media query list is held by the document: let go of the element.
    if (this.#forced) this.#forced.onchange = null;
    this.#langWatch?.disconnect();
    this.#bottomWatch?.disconnect();
    this.#bottomWatch = undefined;
    clearTimeout(this.#warningTimer);
    clearTimeout(this.#typingTimer);
    clearTimeout(this.#typingAnnounceTimer);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'amex-chat': AmexChatElement;
  }
}
