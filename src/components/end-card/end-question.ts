import { html, nothing } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { Strings } from '../i18n.js';

/**
 * "End chat" in the header and its question, "End this chat?", with "End chat" and "Keep
 * chatting" (focus starts on the safe choice: Enter pressed twice must not end the chat).
 */
export class EndQuestion {
  /** The question is showing. */
  asking = false;
  readonly #host: ReactiveControllerHost;
  readonly #end: () => void;
  readonly #focusAfter: (id?: string) => void;

  constructor(host: ReactiveControllerHost, end: () => void, focusAfter: (id?: string) => void) {
    this.#host = host;
    this.#end = end;
    this.#focusAfter = focusAfter;
  }

  /** Shows or dismisses the question (without moving focus). */
  set(asking: boolean): void {
    this.asking = asking;
    this.#host.requestUpdate();
  }

  /** Escape: dismisses the question if it shows (true), else nothing. */
  escape(): boolean {
    if (!this.asking) return false;
    this.#handleCancel();
    return true;
  }

  /** The header's button, while a chat can be ended. */
  renderButton(t: Strings, canEnd: boolean): TemplateResult | typeof nothing {
    if (!canEnd) return nothing;
    return html`<button
      id="end"
      class="end"
      part="end-button"
      type="button"
      aria-expanded=${this.asking ? 'true' : 'false'}
      aria-controls=${this.asking ? 'end-confirm' : nothing}
      @click=${this.#handleClick}
    >
      ${t.endChat}
    </button>`;
  }

  renderQuestion(t: Strings, canEnd: boolean): TemplateResult | typeof nothing {
    if (!this.asking || !canEnd) return nothing;
    return html`<div
      id="end-confirm"
      class="end-confirm"
      part="end-confirm"
      role="group"
      aria-labelledby="end-question"
    >
      <p id="end-question">${t.endConfirm}</p>
      <button id="end-yes" type="button" @click=${this.#handleConfirm}>${t.endConfirmYes}</button>
      <button id="end-no" type="button" @click=${this.#handleCancel}>${t.keepChatting}</button>
    </div>`;
  }

  readonly #handleClick = (): void => {
    this.set(!this.asking);
    if (this.asking) this.#focusAfter('end-no');
  };

  readonly #handleConfirm = (): void => {
    this.set(false);
    this.#end();
    this.#focusAfter();
  };

  readonly #handleCancel = (): void => {
    this.set(false);
    this.#focusAfter('end');
  };
}
