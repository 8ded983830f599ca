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
/**
 * The chat protocol version this build speaks. The same value as `protocol.ts`'s (a browser test
 * checks), written here so that the entry of `dist/` shares no module, and so no chunk, with the
 * panel's module.
 */
export const PROTOCOL_VERSION = '1.4';
export type { SensitiveKind } from './redaction/index.js';
