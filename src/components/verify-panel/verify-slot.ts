import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { nothing } from 'lit';
import type { Conversation } from '../../conversation/index.js';
import type { VerifyFrame } from '../../protocol.js';
import type { VerifyContext, VerifyController } from '../controllers/verification.js';
import type { Strings } from '../i18n.js';
import { lazyModule } from '../lazy-module.js';
import { OnDemand, renderPartFailed } from '../on-demand/on-demand.js';
import { adoptPartStyles } from '../on-demand/part-styles.js';

type IdentityCheck = typeof import('./identity-check.js');

/** The identity check's chunk (./identity-check.ts), shared by every element of the page. */
const identityCheck = lazyModule<IdentityCheck>(() => import('./identity-check.js'));

/**
 * The identity check's place in the panel, whose strip, words and answers are in a chunk of their
 * own (./identity-check.ts): loaded when the server asks for a check, or at idle once an agent
 * joins. Until it is here, the latest `verify` frame is kept (nothing of it is shown or said) and
 * handed over when it is; if it cannot load, the strip's place says so, once, with "Try again".
 * What must hold whatever the chunk is doing stays here: the background nudge of a new request,
 * the chat's end closing the check (and what the server says of it later not shown), and a
 * rate-limited refusal claimed only by a check that could have been answered.
 */
export class VerifySlot implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #on: VerifyContext;
  readonly #chat: { readonly conversation: Conversation | undefined };
  /** Counts a request that arrives while the page is hidden (background-nudge.ts). */
  readonly #nudge: { arrived(): void };
  readonly #part: OnDemand<IdentityCheck>;
  /** The check's controller, once its chunk is here. */
  #check: VerifyController | undefined;
  /** The latest frame while the chunk is not here. */
  #kept: VerifyFrame | undefined;
  /** The last frame received, to tell a reconnect's replay of it (nothing new) from news. */
  #last = '';
  /** The load under way (one at a time). */
  #loading = false;
  /** The chunk could not load: its place says so, until a load succeeds. */
  #failed = false;
  /** The conversation had ended at the last look (see #followEnd). */
  #ended = false;
  /** The check the chat's end closed: what the server says of it later is not shown. */
  #closedByEnd: string | undefined;
  #prefetched = false;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    on: VerifyContext,
    chat: { readonly conversation: Conversation | undefined },
    nudge: { arrived(): void },
  ) {
    this.#host = host;
    this.#on = on;
    this.#chat = chat;
    this.#nudge = nudge;
    this.#part = new OnDemand(host, identityCheck, (module) => {
      const check = (this.#check = new module.VerifyController(host, on, chat));
      const kept = this.#kept;
      this.#kept = undefined;
      this.#failed = false;
      // Focus on "Try again" goes on into the strip, as from one step of it to the next.
      if (kept) check.receive(kept, this.#retryFocused());
    });
    host.addController(this);
  }

  hostUpdate(): void {
    this.#followEnd();
    // An agent may ask for a check: its chunk then usually is here already.
    if (!this.#prefetched && this.#chat.conversation?.phase === 'agent') {
      this.#prefetched = true;
      this.#part.prefetch();
    }
  }

  /** A `verify` frame from the server. */
  receive(frame: VerifyFrame): void {
    this.#followEnd();
    if (frame.id === this.#closedByEnd) return;
    const json = JSON.stringify(frame);
    if (frame.state === 'choose' && json !== this.#last) this.#nudge.arrived();
    this.#last = json;
    if (this.#check) {
      this.#check.receive(frame);
      return;
    }
    this.#kept = frame;
    this.#load(false);
  }

  /**
   * The server refused a frame for coming too fast: the check's, if its strip is here (no answer
   * can be sent without it). False: not about a check.
   */
  refused(): boolean {
    return this.#check?.refused() ?? false;
  }

  /** Escape in the strip: see the controller. False: not ours. */
  escape(): boolean {
    return this.#check?.escape() ?? false;
  }

  render(t: Strings): TemplateResult | typeof nothing {
    const check = this.#check;
    const module = this.#part.module;
    if (check && module) {
      if (check.id !== undefined) adoptPartStyles(this.#host.shadowRoot, module.verifyPanelStyles);
      return check.render(t);
    }
    if (this.#kept && (this.#failed || this.#part.failed))
      return renderPartFailed(t.verifyUnavailable, t.partRetry, 'verify-retry', this.#retry);
    return nothing;
  }

  /** Loads the chunk; a failure is said the first time, and again after "Try again" (`retried`). */
  #load(retried: boolean): void {
    if (this.#loading) return;
    this.#loading = true;
    void this.#part.load().then((module) => {
      this.#loading = false;
      const kept = this.#kept;
      if (module || !kept) return;
      const first = !this.#failed;
      this.#failed = true;
      this.#host.requestUpdate();
      if (!first && !retried) return;
      this.#on.announce(this.#on.t().verifyUnavailable, 'assertive');
      // As the strip itself would have: a new request takes focus if the customer is in the widget.
      if (first && kept.state === 'choose' && this.#host.matches(':focus-within'))
        this.#on.focusAfter('verify-retry');
    });
  }

  readonly #retry = (): void => this.#load(true);

  #retryFocused(): boolean {
    return this.#on.byId('verify-retry')?.matches(':focus') ?? false;
  }

  /**
   * The chat ended (either side, or the inactivity timeout): the strip, or what stands in its
   * place, goes with it, unsaid (the end is said, urgently, by the panel), and focus in it moves to
   * the message box. The server closes the check too; its frame about it, and any later one, is
   * not shown. A check asked for after the end (the assistant goes on) shows as any other.
   */
  #followEnd(): void {
    const ended = this.#chat.conversation?.phase === 'ended';
    const began = ended && !this.#ended;
    this.#ended = ended;
    if (!began) return;
    const id = this.#check?.id ?? this.#kept?.id;
    if (id === undefined) return;
    this.#closedByEnd = id;
    if (this.#check) {
      this.#check.close();
      return;
    }
    const focused = this.#retryFocused();
    this.#kept = undefined;
    // A check asked for later starts afresh: a failure to load it is said again.
    this.#failed = false;
    this.#host.requestUpdate();
    if (focused) this.#on.focusAfter();
  }
}
