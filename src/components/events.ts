import type { ConnectionState, ConversationPhase, TranscriptMessage } from '../conversation/index.js';
import type { SensitiveKind } from '../redaction/index.js';

/** `amex-chat-message`: a message as sent (redacted) or received. */
export interface AmexChatMessageDetail {
  message: Readonly<TranscriptMessage>;
}

/** `amex-chat-state`: the connection state or the conversation's phase changed. */
export interface AmexChatStateDetail {
  state: ConnectionState;
  /** With the virtual `assistant`, `queued` for a person, with an `agent`, or `ended`. */
  phase: ConversationPhase;
}

/** `amex-chat-redacted`: sensitive data was removed or blocked. Never carries text. */
export interface AmexChatRedactedDetail {
  kinds: SensitiveKind[];
  count: number;
  /** `mask`: sent with the data removed; `block`: not sent. */
  action: 'mask' | 'block';
}

/** `amex-chat-error`: something the customer was told about; `message` is the localized text shown. */
export interface AmexChatErrorDetail {
  code:
    | 'empty'
    | 'too-long'
    | 'blocked'
    | 'closed'
    | 'outbox-full'
    | 'connection'
    | 'server'
    | 'endpoint'
    | 'auth'
    | 'popup-blocked'
    | 'load'
    | 'invalid-frame';
  message: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'amex-chat-open': CustomEvent<Record<string, never>>;
    'amex-chat-close': CustomEvent<Record<string, never>>;
    'amex-chat-message': CustomEvent<AmexChatMessageDetail>;
    'amex-chat-state': CustomEvent<AmexChatStateDetail>;
    'amex-chat-redacted': CustomEvent<AmexChatRedactedDetail>;
    'amex-chat-error': CustomEvent<AmexChatErrorDetail>;
  }
}

/** The element's public event names. */
export type AmexChatEventName = Extract<keyof GlobalEventHandlersEventMap, `amex-chat-${string}`>;
/** The detail of the public event `K`. */
export type AmexChatEventDetail<K extends AmexChatEventName> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Public events bubble and cross shadow boundaries so hosts can listen anywhere above. */
export function chatEvent<K extends AmexChatEventName>(type: K, detail: AmexChatEventDetail<K>): CustomEvent {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}
