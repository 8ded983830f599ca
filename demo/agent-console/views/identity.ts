/**
 * The identity check in the console: the "Identity" fact of a conversation (and of a waiting one
 * on the board) and the "Verify identity" button, which asks the server to verify the customer
 * (agent-console/verification.ts). The agent sees only the result, never a code.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { WaitingConversation } from '../../../src/agent-protocol.js';
import type { Conversation } from '../model.js';
import { VERIFICATION_LABEL } from '../verification.js';
import type { ConsoleView } from './view.js';

/** The fact in a conversation's pane, with the button while the chat is the agent's. */
export function renderIdentity(v: ConsoleView, c: Conversation): TemplateResult {
  const status = c.verification ?? 'not-verified';
  const open = c.status === 'active' && status !== 'requested';
  return html`<div class="ac-identity">
    <dt>Identity</dt>
    <dd>
      <span id="${v.ids}-identity" class="ac-identity__status ac-identity--${status}"
        >${VERIFICATION_LABEL[status]}</span
      >
      ${
        c.status === 'active'
          ? html`<button
              class="ac-button"
              type="button"
              aria-describedby="${v.ids}-identity"
              ?disabled=${!open}
              @click=${() => v.on.verify(c.id)}
            >
              ${status === 'push' || status === 'code' ? 'Verify again' : 'Verify identity'}
            </button>`
          : nothing
      }
    </dd>
  </div>`;
}

/** The fact on the board: only once the customer was verified. */
export function renderWaitingIdentity(w: WaitingConversation): TemplateResult | typeof nothing {
  return w.verified
    ? html`<div>
        <dt>Identity</dt>
        <dd>${VERIFICATION_LABEL[w.verified]}</dd>
      </div>`
    : nothing;
}
