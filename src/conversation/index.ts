export { Conversation } from './conversation.js';
export type { ConversationOptions } from './conversation.js';
export type {
  ConnectionState,
  ConversationError,
  ConversationEvents,
  MessageStatus,
  SendResult,
  TranscriptMessage,
} from './types.js';
export { backoffDelay } from './backoff.js';
