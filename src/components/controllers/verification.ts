import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { nothing } from 'lit';
import { verifyFrame } from '../../conversation/outbound.js';
import type { Conversation } from '../../conversation/index.js';
import { CODE_PATTERN } from '../../protocol.js';
import type { VerifyFrame, VerifyMethod } from '../../protocol.js';
import { clock } from '../clock.js';
import type { Strings } from '../i18n.js';
import type { PanelContext } from '../panel-host.js';
import { renderVerifyPanel } from '../verify-panel/verify-panel.js';
import type { VerifyView } from '../verify-panel/verify-panel.js';
import { verifyStrings } from '../verify-panel/verify-strings.js';

/** What the identity check uses of the panel (see PanelContext). */
export type VerifyContext = Pick<PanelContext, 't' | 'announce' | 'focusAfter' | 'byId'>;

/**
 * The identity check the server asked for (protocol 1.5 `verify` frames): its strip above the
 * message box, what is said when it changes (once), where focus goes, and the answers. Focus
 * moves into the strip only when the customer is in the widget (as the inactivity warning's), and
 * from one step to the next only when they are in the strip. The one-time code is read from its
 * field when sent, the field emptied, and kept nowhere: not in this object, not in an event
 * (the field's key and input events stop at the widget), not in the transcript. Part of the
 * identity check's chunk: the panel's VerifySlot (../verify-panel/verify-slot.ts) makes it when a
 * check is asked for, hands it the frames, and closes it when the chat ends.
 */
export class VerifyController {
  readonly #host: ReactiveControllerHost & Element;
  readonly #on: VerifyContext;
  /** The panel's conversation (chat-controller.ts). */
  readonly #chat: { readonly conversation: Conversation | undefined };
  #frame: VerifyFrame | undefined;
  #expiresAt: number | undefined;
  #error = '';

  constructor(
    host: ReactiveControllerHost & Element,
    on: VerifyContext,
    chat: { readonly conversation: Conversation | undefined },
  ) {
    this.#host = host;
    this.#on = on;
    this.#chat = chat;
  }

  /** The strip shows (a check is asked for, or how it ended is still on screen). */
  get shown(): boolean {
    return this.#frame !== undefined;
  }

  /** The check shown, if any. */
  get id(): string | undefined {
    return this.#frame?.id;
  }

  /**
   * A `verify` frame from the server. `inPlace`: focus is on what stood in the strip's place (the
   * "Try again" of a strip that could not load), so it follows as from the strip itself.
   */
  receive(frame: VerifyFrame, inPlace = false): void {
    const before = this.#frame;
    const inStrip = inPlace || this.#inStrip();
    // The same state again (a reconnect's replay of it): nothing new to say.
    const same = before !== undefined && JSON.stringify(before) === JSON.stringify(frame);
    this.#frame = frame;
    this.#error = '';
    if ('expiresIn' in frame) this.#expiresAt = clock.now() + frame.expiresIn * 1000;
    else this.#expiresAt = undefined;
    this.#host.requestUpdate();
    if (same) return;
    const t = verifyStrings(this.#on.t());
    switch (frame.state) {
      case 'choose':
        this.#on.announce(`${t.verifyHeading}. ${t.verifyIntro}`, 'assertive');
        if (before?.id !== frame.id && this.#host.matches(':focus-within'))
          this.#on.focusAfter(frame.methods.includes('push') ? 'verify-push' : 'verify-code');
        return;
      case 'push-sent':
        this.#on.announce(t.verifyPushSent);
        if (inStrip) this.#on.focusAfter('verify-use-code');
        return;
      case 'code-sent':
        this.#on.announce(
          frame.wrong ? t.verifyWrong(frame.triesLeft) : t.verifyCodeSent,
          frame.wrong ? 'assertive' : 'polite',
        );
        if (inStrip) this.#on.focusAfter('verify-input');
        return;
      case 'verified':
        this.#on.announce(t.verified(frame.method));
        if (inStrip) this.#on.focusAfter('verify-close');
        return;
      case 'failed':
        this.#on.announce(t.verifyFailed[frame.reason], 'assertive');
        if (inStrip) this.#on.focusAfter('verify-close');
        return;
    }
  }

  /**
   * The server refused a frame for coming too fast (`rate-limited`, about no message): while a
   * check is open that was the customer's answer, so the strip says it. False: none is open.
   */
  refused(): boolean {
    const state = this.#frame?.state;
    if (state === undefined || state === 'verified' || state === 'failed') return false;
    this.#fail(verifyStrings(this.#on.t()).verifyTooFast);
    return true;
  }

  /** Escape in the strip: declines an open check, or closes how it ended. False: not ours. */
  escape(): boolean {
    const frame = this.#frame;
    if (!frame || !this.#inStrip()) return false;
    if (frame.state === 'verified' || frame.state === 'failed') this.#close();
    else this.#cancel();
    return true;
  }

  render(t: Strings): TemplateResult | typeof nothing {
    const frame = this.#frame;
    if (!frame) return nothing;
    const view: VerifyView = {
      frame,
      expiresAt: this.#expiresAt,
      error: this.#error,
      start: this.#start,
      submit: this.#submit,
      cancel: this.#cancel,
      close: this.#close,
      contain: this.#contain,
    };
    return renderVerifyPanel(verifyStrings(t), view);
  }

  /**
   * The chat ended (either side, or the inactivity timeout): the strip goes with it, unsaid (the
   * end is said, urgently, by the panel), and focus in it moves to the message box.
   */
  close(): void {
    this.#close();
  }

  #inStrip(): boolean {
    return this.#on.byId('verify')?.matches(':focus-within') ?? false;
  }

  /** Sends an answer now; a refusal (no connection, another tab's chat) is shown and said once. */
  #send(answer: Parameters<typeof verifyFrame>[0]): boolean {
    const sent = this.#chat.conversation?.sendNow(verifyFrame(answer)) ?? 'offline';
    if (sent === 'sent') return true;
    const t = verifyStrings(this.#on.t());
    this.#fail(sent === 'other-tab' ? t.verifyOtherTab : t.verifyOffline);
    return false;
  }

  #fail(message: string): void {
    this.#error = message;
    this.#on.announce(message, 'assertive');
    this.#host.requestUpdate();
  }

  readonly #start = (method: VerifyMethod): void => {
    const frame = this.#frame;
    if (frame) this.#send({ type: 'verify-start', id: frame.id, method });
  };

  readonly #submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const frame = this.#frame;
    const input = this.#on.byId('verify-input') as HTMLInputElement | null;
    if (!frame || !input) return;
    const code = input.value.replace(/[\s-]/g, '');
    if (!CODE_PATTERN.test(code)) {
      this.#fail(verifyStrings(this.#on.t()).verifyCodeFormat);
      input.focus();
      return;
    }
    // Out of the page's reach at once: the field is emptied whether or not it could be sent.
    input.value = '';
    this.#error = '';
    this.#send({ type: 'verify-code', id: frame.id, code });
    input.focus();
  };

  readonly #cancel = (): void => {
    const frame = this.#frame;
    if (frame) this.#send({ type: 'verify-cancel', id: frame.id });
  };

  readonly #close = (): void => {
    const inStrip = this.#inStrip();
    this.#frame = undefined;
    this.#error = '';
    this.#host.requestUpdate();
    if (inStrip) this.#on.focusAfter();
  };

  /** The code field's key and input events end at the widget: no page listener reads the code. */
  readonly #contain = (event: Event): void => {
    if (event instanceof KeyboardEvent && event.key === 'Escape') return;
    event.stopPropagation();
  };
}
