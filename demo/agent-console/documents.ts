/**
 * Secure document upload, the agent's side: the documents a conversation received (from its
 * `documents` notices), the frame that asks the customer for documents, and a download, which
 * sends the console's document key (`document-key`) in a header, never in the address. Only the
 * agent holding the conversation may download (the server answers 403 to anyone else).
 */
import type { AgentClientFrame, RequestUploadFrame } from '../../src/agent-protocol.js';
import { DOCUMENTS_PATH, MAX_UPLOAD_REQUEST_TEXT } from '../../src/protocol.js';
import type { ChatEvent, DocumentInfo } from '../../src/protocol.js';
import type { Conversation } from './model.js';

/** Every document the conversation received, in the order they came. */
export function documentsOf(events: readonly ChatEvent[]): DocumentInfo[] {
  return events.flatMap((e) => (e.notice?.code === 'documents' ? e.notice.documents : []));
}

/** The request the form asks for, or what is wrong with it. */
export function uploadRequest(conversationId: string, text: string): RequestUploadFrame | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'Say what the customer should send.' };
  if (trimmed.length > MAX_UPLOAD_REQUEST_TEXT) {
    return { error: `The request is too long: at most ${MAX_UPLOAD_REQUEST_TEXT} characters.` };
  }
  return { type: 'request-upload', conversationId, text: trimmed };
}

/** The HTTP address of a document on the server whose `/agent` socket is `agentUrl`. */
export function documentUrl(agentUrl: string, id: string): string {
  const url = new URL(agentUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  return new URL(`${DOCUMENTS_PATH}${encodeURIComponent(id)}`, url.origin).href;
}

/** Downloads a document (saved by the browser under its name); what to say about it. */
export async function downloadDocument(
  agentUrl: string,
  key: string | undefined,
  doc: DocumentInfo,
): Promise<{ text: string; ok: boolean }> {
  if (key === undefined)
    return { text: 'Downloads are not available yet: wait for the console to connect.', ok: false };
  let res: Response;
  try {
    res = await fetch(documentUrl(agentUrl, doc.id), { headers: { authorization: `Bearer ${key}` } });
  } catch {
    return { text: `${doc.name} could not be downloaded: the server did not answer.`, ok: false };
  }
  if (res.status === 403)
    return { text: `You may not download ${doc.name}: this conversation is not yours.`, ok: false };
  if (!res.ok) return { text: `${doc.name} could not be downloaded (${res.status}).`, ok: false };
  const href = URL.createObjectURL(await res.blob());
  const link = Object.assign(document.createElement('a'), { href, download: doc.name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return { text: `Downloaded ${doc.name}.`, ok: true };
}

/**
 * What the documents section asked for: its form's submit asks the customer for documents, a
 * Download button's click (`data-document`) downloads one. What to say about it.
 */
export async function documentsAction(
  event: Event,
  conversation: Conversation,
  send: (frame: AgentClientFrame) => boolean,
  agentUrl: string,
  state: { documentKey?: string },
): Promise<{ text: string; ok: boolean } | undefined> {
  if (event.type === 'submit') {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const field = form.elements.namedItem('text');
    const request = uploadRequest(conversation.id, field instanceof HTMLInputElement ? field.value : '');
    if ('error' in request) return { text: request.error, ok: false };
    if (!send(request)) return { text: 'Not sent: the console is reconnecting.', ok: false };
    form.reset();
    return { text: `Asked Customer ${conversation.number} for documents.`, ok: true };
  }
  const id = (event.currentTarget as HTMLElement).dataset['document'];
  const doc = documentsOf(conversation.events).find((d) => d.id === id);
  return doc && downloadDocument(agentUrl, state.documentKey, doc);
}
