/**
 * amex-chat: the public API without side effects. Import `amex-chat/define` (or load
 * `dist/amex-chat.js`) to register the `<amex-chat>` tag.
 */
export { AmexChatElement, AmexChatError } from './components/amex-chat.js';
export type {
  AmexChatErrorDetail,
  AmexChatMessageDetail,
  AmexChatRedactedDetail,
  AmexChatStateDetail,
} from './components/events.js';
export type {
  CaseInfo,
  ConnectionState,
  ConversationPhase,
  MessageStatus,
  QueueStatus,
  TranscriptMessage,
} from './conversation/index.js';
export type { ChatEvent, ClientFrame, Notice, QuickReply, Role, ServerFrame, Team } from './protocol.js';
/** For `transportFactory`: a custom connection (frames arrive already built and redacted). */
export type { Transport, TransportEvents, TransportFactory, WireFrame } from './transport/index.js';
export { PROTOCOL_VERSION } from './protocol.js';
export type { SensitiveKind } from './redaction/index.js';
