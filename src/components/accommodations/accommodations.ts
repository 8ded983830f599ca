import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { TranscriptMessage } from '../../conversation/index.js';
import type { Accommodations } from '../../protocol.js';
import type { Strings } from '../i18n.js';
import { lazyModule } from '../lazy-module.js';
import { OnDemand, renderPartFailed } from '../on-demand/on-demand.js';
import type { NeedsForm } from './needs-form.js';
import type { NeedsCallbacks, NeedsState } from './needs-model.js';

export type { NeedsCallbacks, NeedsState } from './needs-model.js';

/** "More time": the inactivity timeout is this many times the host's `idle-timeout`. */
export const MORE_TIME_FACTOR = 2;

/** The form's module (./needs-form.ts), a chunk of its own, loaded when "Your needs" is pressed. */
export type NeedsFormModule = typeof import('./needs-form.js');
const needsForm = lazyModule<NeedsFormModule>(() => import('./needs-form.js'));

/**
 * Accommodations up front: "Your needs", a disclosure button on the message box's label row from
 * the start of a chat (it takes no room from the greeting, and is the control just before the
 * message box, so keyboard and screen-reader users meet it before they type). It opens one form
 * above the message box, "Tell us what you need" (./needs-form.ts, a chunk of its own that few
 * chats download: it loads when the button is pressed). What was stated comes back as the
 * server's `accommodations` notice, which this strip reads (after a reload too) for the form to
 * start from and for "more time"; the button, the stated needs and the version check do not wait
 * for the form's chunk.
 *
 * A server older than 1.5 would refuse the frame: once its welcome says so, the button is not
 * offered, and needs the customer states anyway (the form was open, or they were saved while
 * offline) stay in the form, unsent, with a message that this chat cannot take them.
 *
 * When the chunk cannot load, the form's place says so and offers "Try again" (said once per
 * failed attempt, focus on it); the choices wait in this strip's state meanwhile.
 */
export class NeedsStrip implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #on: NeedsCallbacks;
  readonly #demand: OnDemand<NeedsFormModule>;
  #form: NeedsForm | undefined;
  readonly #state: NeedsState = {
    expanded: false,
    choice: new Set(),
    noteFill: '',
    warningKinds: [],
    sent: undefined,
    held: undefined,
    refused: false,
  };
  /** The last attempt to load the form's chunk failed: its place shows "Try again". */
  #unavailable = false;
  /** The id of what had focus when the form was asked for, while its chunk loads. */
  #focusFrom: string | undefined;
  /** Whether that still had focus when the chunk arrived. */
  #arrivedFocused = false;
  /** What the transcript said so far (read incrementally: a long history is read once). */
  #read = { messages: [] as readonly TranscriptMessage[], count: 0 };
  #stated: Accommodations | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, on: NeedsCallbacks) {
    this.#host = host;
    this.#on = on;
    host.addController(this);
    this.#demand = new OnDemand(host, needsForm, (module) => {
      // Read before the form replaces what had focus (Try again).
      this.#arrivedFocused = this.#focused(this.#focusFrom);
      this.#form = new module.NeedsForm(host, this.#state, on);
    });
  }

  /** The needs as last stated in this conversation (or just sent), if any. */
  get stated(): Accommodations | undefined {
    this.#readTranscript();
    return this.#state.sent ?? this.#stated;
  }

  /** How many times the host's inactivity timeout applies: more with "more time". */
  get idleFactor(): number {
    return this.stated?.needs.includes('more-time') ? MORE_TIME_FACTOR : 1;
  }

  /** A statement waiting for a connection that turned out to be a server older than 1.5: back in the form. */
  hostUpdate(): void {
    const state = this.#state;
    const held = state.held;
    if (!held || !this.#untaken) return;
    state.held = undefined;
    state.sent = undefined;
    state.choice = new Set(held.needs);
    state.noteFill = held.note;
    state.expanded = true;
    // Held needs were saved with the form, so its chunk is here; else it loads first.
    if (this.#form) this.#form.refuse();
    else void this.#show(false, '').then((form) => form?.refuse());
  }

  /** Whether the server is known not to take needs (older than 1.5). */
  get #untaken(): boolean {
    return this.#on.conversation()?.takesNeeds === false;
  }

  /** Whether the form (or, when its chunk could not load, what says so) shows. */
  get #shown(): boolean {
    return this.#state.expanded && (!!this.#form || this.#unavailable);
  }

  /** "Your needs", on the message box's label row, while a chat is under way (and can take them). */
  renderButton(t: Strings, can: boolean): TemplateResult | typeof nothing {
    if (!can || (this.#untaken && !this.#state.expanded)) return nothing;
    const shown = this.#shown;
    return html`<button
        id="needs-toggle"
        class="needs-open"
        type="button"
        aria-expanded=${shown ? 'true' : 'false'}
        aria-controls=${shown ? 'needs' : nothing}
        aria-describedby="needs-about"
        @click=${this.#handleToggle}
      >
        ${t.needsButton}</button
      ><span id="needs-about" hidden>${t.needsAbout}</span>`;
  }

  /** The form, above the message box, while open (or what says it could not load). */
  render(t: Strings, can: boolean): TemplateResult | typeof nothing {
    if (!this.#state.expanded || !can) return nothing;
    if (this.#form) return this.#form.render(t);
    if (!this.#unavailable) return nothing;
    return html`<div id="needs">
      ${renderPartFailed(t.needsUnavailable, t.partRetry, 'needs-retry', this.#handleRetry)}
    </div>`;
  }

  /** Reads the messages that arrived since the last read: the latest notice of needs. */
  #readTranscript(): void {
    const messages = this.#on.conversation()?.messages ?? [];
    const read = this.#read;
    if (messages !== read.messages || messages.length < read.count) {
      this.#read = { messages, count: 0 };
      this.#stated = undefined;
    }
    for (let i = this.#read.count; i < messages.length; i++) {
      const message = messages[i];
      const notice = message?.notice;
      if (notice?.code !== 'accommodations') continue;
      this.#stated = notice.needs.length || notice.note ? notice : undefined;
      this.#state.sent = undefined;
      this.#state.held = undefined;
    }
    this.#read.count = messages.length;
  }

  /** Opens the form with what was stated last, else what the host knows. */
  #expand(): void {
    const stated = this.stated;
    const state = this.#state;
    state.choice = new Set(stated ? stated.needs : this.#on.preset());
    state.noteFill = stated?.note ?? '';
    state.warningKinds = [];
    state.refused = false;
    state.expanded = true;
  }

  /** Whether the control `id` has focus. */
  #focused(id: string | undefined): boolean {
    return !!id && this.#host.shadowRoot?.activeElement?.id === id;
  }

  /**
   * Shows the form, its chunk loaded first if need be; focus goes into it when `focus` and the
   * customer is still on `from`, what they pressed (a load may take a while: focus they moved
   * stays where they put it).
   */
  #show(focus: boolean, from: string): Promise<NeedsForm | undefined> {
    const on = this.#on;
    if (this.#form) {
      if (focus) on.focusAfter('need-screen-reader');
      return Promise.resolve(this.#form);
    }
    this.#focusFrom = focus ? from : undefined;
    return this.#demand.load().then((module) => {
      this.#focusFrom = undefined;
      if (!this.#state.expanded) return undefined;
      this.#unavailable = !module;
      if (module) {
        if (this.#arrivedFocused) on.focusAfter('need-screen-reader');
        return this.#form;
      }
      on.announce(on.t().needsUnavailable, 'assertive');
      if (focus && this.#focused(from)) on.focusAfter('needs-retry');
      this.#host.requestUpdate();
      return undefined;
    });
  }

  readonly #handleToggle = (): void => {
    if (this.#state.expanded) this.#state.expanded = false;
    else {
      this.#expand();
      // Into the form, unless the page opened it (focus elsewhere stays where it is).
      void this.#show(this.#host.matches(':focus-within'), 'needs-toggle');
    }
    this.#host.requestUpdate();
  };

  /** "Try again": the strip stays (and keeps focus) until the chunk is here or fails again. */
  readonly #handleRetry = (): void => {
    void this.#show(true, 'needs-retry');
  };
}
