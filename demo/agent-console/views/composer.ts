/**
 * The composer of the conversation on screen (Enter sends, Shift+Enter starts a line) and its
 * actions: transfer to another team, and "End chat", which opens the end dialog.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { MAX_AGENT_TEXT, MAX_TRANSFER_NOTE, TEAMS } from '../../../src/agent-protocol.js';
import { teamLabel } from '../../agent-console-format.js';
import type { Conversation } from '../model.js';
import type { ConsoleView } from './view.js';

export function renderComposer(
  v: ConsoleView,
  c: Conversation,
  lang: string | typeof nothing,
): TemplateResult {
  const id = v.ids;
  const active = c.status === 'active';
  return html`<form class="ac-composer" @submit=${(e: SubmitEvent) => v.on.composerSubmit(c.id, e)}>
    <label for="${id}-composer">Message to Customer ${c.number}</label>
    <textarea
      id="${id}-composer"
      rows="3"
      maxlength=${MAX_AGENT_TEXT}
      lang=${lang}
      .value=${live(c.draft)}
      ?disabled=${!active}
      aria-describedby="${id}-composer-hint ${id}-composer-error"
      @input=${(e: Event) => v.on.composerInput(c.id, e)}
      @keydown=${v.on.composerKeydown}
      @compositionstart=${v.on.compositionStart}
      @compositionend=${v.on.compositionEnd}
    ></textarea>
    <p class="ac-hint" id="${id}-composer-hint">
      ${active ? 'Enter sends; Shift+Enter starts a new line.' : 'This chat is closed: you cannot write to it.'}
    </p>
    <p class="ac-error" id="${id}-composer-error">${c.composerError}</p>
    <button class="ac-button ac-button--primary" type="submit" ?disabled=${!active}>Send</button>
  </form>`;
}

export function renderActions(v: ConsoleView, c: Conversation): TemplateResult {
  const id = v.ids;
  const active = c.status === 'active';
  return html`<div class="ac-actions">
    <div class="ac-transfer">
      <label for="${id}-transfer">Transfer to</label>
      <select
        id="${id}-transfer"
        name="team"
        ?disabled=${!active}
        @change=${(e: Event) => v.on.transferField(c.id, e)}
      >
        ${TEAMS.filter((t) => t !== c.team).map(
          (t) => html`<option value=${t} ?selected=${t === c.transferTeam}>${teamLabel(t)}</option>`,
        )}
      </select>
      <div class="ac-transfer__note">
        <label for="${id}-transfer-note">Note for the next team (optional)</label>
        <textarea
          id="${id}-transfer-note"
          name="note"
          rows="2"
          .value=${live(c.transferNote)}
          ?disabled=${!active}
          aria-invalid=${c.transferNoteError === '' ? 'false' : 'true'}
          aria-describedby="${id}-transfer-note-hint ${id}-transfer-note-error"
          @input=${(e: Event) => v.on.transferField(c.id, e)}
        ></textarea>
        <p class="ac-hint" id="${id}-transfer-note-hint">
          Only the next team sees it, on their board. Up to ${MAX_TRANSFER_NOTE} characters.
        </p>
        <p class="ac-error" id="${id}-transfer-note-error">${c.transferNoteError}</p>
      </div>
      <button class="ac-button" type="button" ?disabled=${!active} @click=${() => v.on.transfer(c.id)}>
        Transfer
      </button>
    </div>
    <button
      id="${id}-end-button"
      class="ac-button ac-button--danger"
      type="button"
      ?disabled=${!active}
      @click=${v.on.openEndDialog}
    >
      End chat
    </button>
  </div>`;
}
