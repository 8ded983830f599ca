/**
 * The agent's request for documents as the console follows it: pending from the server's
 * `upload-status` (what the customer reads, when it lapses) until the conversation's `documents`
 * notice (received), the customer's "Not now" (declined), or its expiry, which no frame says:
 * the line reads the console's clock, and `nextUploadChange` tells the element when to redraw.
 */
import type { UploadStatusFrame } from '../../src/agent-protocol.js';
import type { ChatEvent } from '../../src/protocol.js';
import { findConversation, patched } from './model.js';
import type { ConsoleState, Conversation, DocumentsRequest } from './model.js';

/** The words before what was asked for, and the list's mark of a pending request. */
export const REQUESTED = 'Documents requested';

/** The console's state after an `upload-status` frame. */
export function uploadStatus(state: ConsoleState, frame: UploadStatusFrame): ConsoleState {
  const conversation = findConversation(state, frame.conversationId);
  if (!conversation) return state;
  if (frame.state === 'requested') {
    const { ref, text, expiresAt } = frame;
    return change(state, conversation, { ref, text, expiresAt, outcome: 'pending' }, []);
  }
  const request = conversation.upload;
  if (request?.ref !== frame.ref || request.outcome !== 'pending') return state;
  return change(state, conversation, { ...request, outcome: 'declined' }, [
    `Customer ${conversation.number} did not send the documents requested.`,
  ]);
}

function change(
  state: ConsoleState,
  conversation: Conversation,
  upload: DocumentsRequest,
  announce: string[],
): ConsoleState {
  return {
    ...state,
    conversations: patched(state.conversations, conversation.id, { upload }),
    effects: { announce: announce.map((text) => [text, 'polite']) },
  };
}

/** What a conversation event changes of its pending request: the documents notice answers it. */
export function uploadAfter(conversation: Conversation, event: ChatEvent): Partial<Conversation> {
  const request = conversation.upload;
  if (event.notice?.code !== 'documents' || request?.outcome !== 'pending') return {};
  return { upload: { ...request, outcome: 'received', count: event.notice.documents.length } };
}

/** The pane's line about the request at `now` (console clock); '' when none was made. */
export function uploadLine(request: DocumentsRequest | undefined, now: number): string {
  if (!request) return '';
  switch (request.outcome) {
    case 'received':
      return request.count === 1 ? '1 document received' : `${request.count ?? 0} documents received`;
    case 'declined':
      return 'Not sent: the customer chose not to send them now';
    case 'pending':
      return now >= request.expiresAt ? 'Not sent: the request expired' : `${REQUESTED}: ${request.text}`;
  }
}

/** Whether the request still waits for the customer at `now`. */
export function uploadPending(request: DocumentsRequest | undefined, now: number): boolean {
  return request?.outcome === 'pending' && now < request.expiresAt;
}

/** When a pending request's line next changes by itself (its expiry), if any is pending. */
export function nextUploadChange(conversations: readonly Conversation[], now: number): number | undefined {
  const due = conversations
    .map((c) => c.upload)
    .filter((r): r is DocumentsRequest => uploadPending(r, now))
    .map((r) => r.expiresAt);
  return due.length ? Math.min(...due) : undefined;
}
