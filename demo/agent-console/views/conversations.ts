/**
 * "My conversations": the list (status and unread count of each) and the pane of the one on
 * screen: its facts, status, case number, transcript, composer, actions and end dialog.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { contentLang, languageLabel, teamLabel, teamPhrase } from '../../agent-console-format.js';
import { selectedConversation } from '../model.js';
import type { Conversation } from '../model.js';
import { REQUESTED, uploadPending } from '../upload-status.js';
import { renderActions, renderComposer } from './composer.js';
import { renderDocuments } from './documents.js';
import { renderEndDialog } from './end-dialog.js';
import { renderIdentity } from './identity.js';
import { needsOf, renderNeeds } from './needs.js';
import { renderTranscript } from './transcript.js';
import type { ConsoleView } from './view.js';

export function renderConversations(v: ConsoleView): TemplateResult {
  const { conversations, selectedId } = v.state;
  if (conversations.length === 0) {
    return html`<p class="ac-hint">No conversations yet. Accept a waiting customer to start.</p>`;
  }
  const selected = selectedConversation(v.state);
  return html`
    <ul class="ac-convs">
      ${repeat(
        conversations,
        (c) => c.id,
        (c) =>
          html`<li>
            <button
              class="ac-conv"
              type="button"
              aria-current=${c.id === selectedId ? 'true' : nothing}
              @click=${() => v.on.select(c.id)}
            >
              <span class="ac-conv__name">Customer ${c.number}</span>
              <span class="ac-conv__meta"
                >${teamLabel(c.team)}, ${languageLabel(c.lang)}, ${statusLabel(c)}</span
              >
              ${uploadPending(c.upload, v.now) ? html`<span class="ac-conv__meta">${REQUESTED}</span>` : nothing}
              ${
                c.unread
                  ? html`<span class="ac-badge"
                      >${c.unread === 1 ? '1 new message' : `${c.unread} new messages`}</span
                    >`
                  : nothing
              }
            </button>
          </li>`,
      )}
    </ul>
    ${selected ? renderPane(v, selected) : nothing}
  `;
}

/** The status in the list, after the team and language. */
function statusLabel(c: Conversation): string {
  switch (c.status) {
    case 'ended':
    case 'customer-ended':
      return 'ended';
    case 'lost':
      return 'connection lost';
    default:
      return c.status;
  }
}

/** The status in the pane, as a sentence. */
function statusText(c: Conversation): string {
  const team = c.transferredTo ? teamPhrase(c.transferredTo) : 'another team';
  switch (c.status) {
    case 'active':
      return 'You are chatting with this customer.';
    case 'transferring':
      return `Transferring to ${team}…`;
    case 'transferred':
      return `Transferred to ${team}. The customer waits in that queue.`;
    case 'ending':
      return 'Ending the chat…';
    case 'ended':
      return 'You ended this chat.';
    case 'customer-ended':
      return 'The customer ended this chat.';
    case 'lost':
      return 'The connection was lost, so the customer went back to the front of the line. Accept them again from the board.';
  }
}

function renderPane(v: ConsoleView, c: Conversation): TemplateResult {
  const id = v.ids;
  const who = `Customer ${c.number}`;
  // The conversation's language: every text of theirs, and what the agent writes to them.
  const lang = contentLang(c.lang) ?? nothing;
  return html`
    <section class="ac-pane" aria-labelledby="${id}-pane-heading">
      <h3 id="${id}-pane-heading" class="ac-pane__heading">${who}</h3>
      <dl class="ac-facts">
        <div>
          <dt>Team</dt>
          <dd>${teamLabel(c.team)}</dd>
        </div>
        <div>
          <dt>Language</dt>
          <dd>${languageLabel(c.lang)}</dd>
        </div>
        ${renderNeeds(needsOf(c.events))} ${renderIdentity(v, c)}
        ${
          c.account
            ? html`<div>
                <dt>Account</dt>
                <dd>${c.account}</dd>
              </div>`
            : nothing
        }
      </dl>
      <p class="ac-pane__summary"><span class="ac-label">Summary:</span> ${c.summary}</p>
      <p id="${id}-pane-status" class="ac-status ac-status--${c.status}" tabindex="-1">${statusText(c)}</p>
      ${
        c.caseNumber
          ? html`<div class="ac-case">
              <p>
                Case number:
                <strong class="ac-case__number" id="${id}-case-number">${c.caseNumber}</strong>
              </p>
              <button class="ac-button" type="button" @click=${() => v.on.copyCaseNumber(c.caseNumber ?? '')}>
                Copy case number
              </button>
              <p class="ac-hint">${v.copyMessage}</p>
            </div>`
          : nothing
      }
      ${renderTranscript(v, c, lang)}
      <p class="ac-typing">${c.customerTyping ? `${who} is typing…` : ''}</p>
      ${renderComposer(v, c, lang)} ${renderActions(v, c)} ${renderDocuments(v, c, lang)}
      ${renderEndDialog(v, c, lang)}
    </section>
  `;
}
