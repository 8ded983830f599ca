/**
 * amex-chat/element: the public API without side effects (`dist/element.js`): the class, its
 * error and the types of its events, frames and transports. Nothing is registered: import
 * `amex-chat` or `amex-chat/define` for `<amex-chat>`, or call `AmexChatElement.define('my-chat')`
 * for a tag of your own.
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
export const PROTOCOL_VERSION = '1.5';
export type { SensitiveKind } from './redaction/index.js';
