/**
 * The modal end dialog: the summary for the customer (started from the record of what was done
 * in the chat, in the conversation's language: the assistant's actions, the agents who took it,
 * transfers; never what anyone said they did), then Confirm, which ends the chat and issues the
 * case number.
 */
import { html } from 'lit';
import type { TemplateResult, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { MAX_AGENT_TEXT } from '../../../src/agent-protocol.js';
import { languageLabel } from '../../agent-console-format.js';
import type { Conversation } from '../model.js';
import type { ConsoleView } from './view.js';

export function renderEndDialog(
  v: ConsoleView,
  c: Conversation,
  lang: string | typeof nothing,
): TemplateResult {
  const id = v.ids;
  return html`<dialog
    id="${id}-end-dialog"
    class="ac-dialog"
    aria-labelledby="${id}-end-heading"
    @close=${v.on.endDialogClosed}
  >
    <form class="ac-form" @submit=${(e: SubmitEvent) => v.on.confirmEnd(c.id, e)}>
      <h2 id="${id}-end-heading">End chat with Customer ${c.number}</h2>
      <div class="ac-field">
        <label for="${id}-summary">Summary for the customer</label>
        <p class="ac-hint" id="${id}-summary-hint">
          Started from the record of what was done in this chat: add what you did. Sent to the customer with
          the case number, as written (${languageLabel(c.lang)}). Up to ${MAX_AGENT_TEXT} characters.
        </p>
        <textarea
          id="${id}-summary"
          rows="8"
          maxlength=${MAX_AGENT_TEXT}
          lang=${lang}
          aria-describedby="${id}-summary-hint"
          .value=${live(c.endSummary)}
          @input=${(e: Event) => v.on.endSummaryInput(c.id, e)}
        ></textarea>
      </div>
      <div class="ac-form__actions">
        <button class="ac-button ac-button--danger" type="submit">Confirm</button>
        <button class="ac-button" type="button" @click=${v.on.closeEndDialog}>Cancel</button>
      </div>
    </form>
  </dialog>`;
}
