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
export type { ConnectionState, MessageStatus, TranscriptMessage } from './conversation/index.js';
export type { Role, QuickReply } from './protocol.js';
export { PROTOCOL_VERSION } from './protocol.js';
export type { SensitiveKind } from './redaction/index.js';
