import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Strings } from '../i18n.js';

/**
 * The offer to turn on notifications (`notify`), a strip above the message box: the browser's
 * permission prompt opens only from its button, the user gesture it requires.
 */
export function renderNotifyOffer(t: Strings, ask: () => void): TemplateResult {
  return html`<div class="notify-offer" part="notify-offer">
    <p id="notify-text">${t.notifyOffer}</p>
    <button id="notify-on" type="button" part="notify-button" aria-describedby="notify-text" @click=${ask}>
      ${t.notifyButton}
    </button>
  </div>`;
}
