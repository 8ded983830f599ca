export { Conversation, MAX_OUTBOX } from './conversation.js';
export type { ConversationOptions } from './conversation.js';
export type { Transport, TransportFactory } from '../transport/index.js';
export type {
  CaseInfo,
  ConnectionState,
  ConversationPhase,
  QueueStatus,
  ConversationError,
  ConversationEvents,
  MessageStatus,
  SendResult,
  TranscriptMessage,
} from './types.js';
export { backoffDelay } from './backoff.js';
export { MAX_SAVED_OUTBOX, noStore, sessionStore } from './persistence.js';
export type { ConversationStore, SavedConversation } from './persistence.js';
