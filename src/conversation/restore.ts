/**
 * What a conversation keeps across a reload (persistence.ts holds the storage): saving its id,
 * resume key, place and unsent messages, and picking them up again.
 */
import type { Redactor } from '../redaction/index.js';
import type { Outbox } from './outbox.js';
import type { ConversationStore, SavedConversation } from './persistence.js';
import type { Transcript } from './transcript.js';

/**
 * Picks up a conversation saved before a reload: resumes it from the start (the server's
 * replay rebuilds the transcript) and shows the unsent messages at the bottom, to be sent
 * again with their ids. Stored text is redacted again (storage is writable by page scripts),
 * by the conversation's redactor and in order, as if sent now: a card typed in parts before the
 * reload is held back from what the customer types after it (the split-number rule).
 */
export function restoreUnsent(
  saved: SavedConversation,
  redactor: Redactor,
  transcript: Transcript,
  outbox: Outbox,
): void {
  transcript.historyUntil = saved.lastSeq;
  for (const item of saved.outbox) {
    const text = redactor.redact(item.text).text;
    transcript.add({ id: item.id, from: 'customer', name: '', text, at: item.at, status: 'sending' });
    outbox.push(item.id, text, item.at);
  }
}

/** Saves the conversation `conversationId` (nothing before it has one). */
export function saveConversation(
  store: ConversationStore,
  conversationId: string | undefined,
  resumeKey: string | undefined,
  transcript: Transcript,
  outbox: Outbox,
): void {
  if (!conversationId) return;
  // Frames of one page share session storage: a tab still waiting for its own key keeps the
  // one another frame saved for the same conversation.
  const stored = resumeKey ? undefined : store.load();
  const key = resumeKey ?? (stored?.conversationId === conversationId ? stored.resumeKey : undefined);
  store.save({
    conversationId,
    ...(key ? { resumeKey: key } : {}),
    lastSeq: transcript.lastSeq,
    outbox: outbox.saved(),
  });
}
