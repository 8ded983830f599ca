/**
 * The documents of the conversation on screen: a form that asks the customer for documents
 * (their widget shows an upload control) and the documents received, each with Download.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { MAX_UPLOAD_REQUEST_TEXT } from '../../../src/protocol.js';
import { documentsOf } from '../documents.js';
import type { Conversation } from '../model.js';
import { REQUESTED, uploadLine, uploadPending } from '../upload-status.js';
import type { ConsoleView } from './view.js';

const TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/heic': 'HEIC',
};

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function renderDocuments(
  v: ConsoleView,
  c: Conversation,
  lang: string | typeof nothing,
): TemplateResult {
  const id = v.ids;
  const active = c.status === 'active';
  const docs = documentsOf(c.events);
  // What was asked for is in the agent's words, in the conversation's language.
  const request = uploadPending(c.upload, v.now)
    ? html`${REQUESTED}: <span lang=${lang}>${c.upload?.text}</span>`
    : uploadLine(c.upload, v.now);
  return html`<section class="ac-documents" aria-labelledby="${id}-documents-heading">
    <h4 id="${id}-documents-heading">Documents</h4>
    ${request ? html`<p class="ac-documents__request" id="${id}-upload-status">${request}</p>` : nothing}
    <form class="ac-documents__ask" @submit=${(e: SubmitEvent) => v.on.documents(c.id, e)}>
      <label for="${id}-upload-text">Ask Customer ${c.number} for documents</label>
      <input
        id="${id}-upload-text"
        name="text"
        type="text"
        required
        lang=${lang}
        maxlength=${MAX_UPLOAD_REQUEST_TEXT}
        ?disabled=${!active}
        aria-describedby="${id}-upload-hint"
      />
      <p class="ac-hint" id="${id}-upload-hint">
        Say what is needed, for example: receipt for the disputed charge. They send PDF, JPEG, PNG or HEIC
        files outside the chat.
      </p>
      <button class="ac-button" type="submit" ?disabled=${!active}>Request documents</button>
    </form>
    ${
      docs.length === 0
        ? html`<p class="ac-hint">No documents received.</p>`
        : html`<ul class="ac-documents__list">
            ${docs.map(
              (d) =>
                html`<li>
                  <span class="ac-documents__name" lang=${lang}>${d.name}</span>
                  <span class="ac-hint">${TYPES[d.type] ?? d.type}, ${size(d.size)}</span>
                  <button
                    class="ac-button"
                    type="button"
                    data-document=${d.id}
                    aria-label="Download ${d.name}"
                    @click=${(e: Event) => v.on.documents(c.id, e)}
                  >
                    Download
                  </button>
                </li>`,
            )}
          </ul>`
    }
  </section>`;
}
