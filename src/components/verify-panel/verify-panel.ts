import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { VerifyFrame, VerifyMethod } from '../../protocol.js';
import type { VerifyStrings } from './verify-strings.js';

/** What the identity check's strip needs from its controller (controllers/verification.ts). */
export interface VerifyView {
  readonly frame: VerifyFrame;
  /** When the check lapses (this device's clock), while it is open. */
  readonly expiresAt: number | undefined;
  /** A problem of this side's (a code that is not digits, no connection), said once. */
  readonly error: string;
  readonly start: (method: VerifyMethod) => void;
  readonly submit: (event: SubmitEvent) => void;
  readonly cancel: () => void;
  readonly close: () => void;
  /** Keeps the code field's events inside the widget (see the controller). */
  readonly contain: (event: Event) => void;
}

/**
 * The identity check, a strip above the message box and outside the transcript: the two methods,
 * the prompt sent to the phone, the one-time code's own field, and how it ended. The code is typed
 * only here (never in the chat), and the field is emptied as soon as its code is sent. Part of the
 * identity check's chunk (./identity-check.ts).
 */
export function renderVerifyPanel(t: VerifyStrings, view: VerifyView): TemplateResult {
  const { frame, error } = view;
  const expires = view.expiresAt ? ` ${t.verifyExpires(view.expiresAt)}` : '';
  const errorLine = error ? html`<p id="verify-error" class="verify-error">${error}</p>` : nothing;
  const cancel = html`<button id="verify-cancel" type="button" @click=${view.cancel}>
    ${t.verifyCancel}
  </button>`;
  let body: TemplateResult;
  switch (frame.state) {
    case 'choose':
      body = html`<p id="verify-text">${t.verifyIntro}${expires}</p>
        ${errorLine}
        <div class="verify-actions">
          ${
            frame.methods.includes('push')
              ? html`<button id="verify-push" type="button" @click=${() => view.start('push')}>
                  ${t.verifyPush}
                </button>`
              : nothing
          }
          ${
            frame.methods.includes('code')
              ? html`<button id="verify-code" type="button" @click=${() => view.start('code')}>
                  ${t.verifyCode}
                </button>`
              : nothing
          }
          ${cancel}
        </div>`;
      break;
    case 'push-sent':
      body = html`<p id="verify-text">${t.verifyPushSent}${expires}</p>
        ${errorLine}
        <div class="verify-actions">
          <button id="verify-use-code" type="button" @click=${() => view.start('code')}>
            ${t.verifyUseCode}
          </button>
          ${cancel}
        </div>`;
      break;
    case 'code-sent': {
      const shown = error || (frame.wrong ? t.verifyWrong(frame.triesLeft) : '');
      body = html`<form
        id="verify-form"
        novalidate
        @submit=${view.submit}
        @keydown=${view.contain}
        @keyup=${view.contain}
        @keypress=${view.contain}
        @beforeinput=${view.contain}
        @input=${view.contain}
        @change=${view.contain}
        @paste=${view.contain}
      >
        <p id="verify-text">${t.verifyCodeSent}${expires}</p>
        <label for="verify-input">${t.verifyCodeLabel}</label>
        <p id="verify-hint" class="verify-hint">${t.verifyCodeHint}</p>
        <input
          id="verify-input"
          name="one-time-code"
          type="text"
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength="10"
          spellcheck="false"
          aria-describedby=${shown ? 'verify-hint verify-error' : 'verify-hint'}
          aria-invalid=${shown ? 'true' : 'false'}
        />
        ${shown ? html`<p id="verify-error" class="verify-error">${shown}</p>` : nothing}
        <div class="verify-actions">
          <button id="verify-submit" type="submit">${t.verifySubmit}</button>
          <button id="verify-resend" type="button" @click=${() => view.start('code')}>
            ${t.verifyResend}
          </button>
          ${cancel}
        </div>
      </form>`;
      break;
    }
    case 'verified':
    case 'failed':
      body = html`<p id="verify-text" class=${frame.state === 'failed' ? 'verify-error' : 'verify-done'}>
          ${frame.state === 'verified' ? t.verified(frame.method) : t.verifyFailed[frame.reason]}
        </p>
        <div class="verify-actions">
          <button id="verify-close" type="button" @click=${view.close}>${t.verifyClose}</button>
        </div>`;
      break;
  }
  return html`<div id="verify" class="verify" part="verify" role="group" aria-labelledby="verify-heading">
    <h3 id="verify-heading" class="verify-title">${t.verifyHeading}</h3>
    ${body}
  </div>`;
}
