import type { QuickReply, Role } from '../protocol.js';
import type { SensitiveKind } from '../redaction/index.js';

/** Connection state as the customer experiences it. */
export type ConnectionState =
  /** Not started (the panel has not been opened yet). */
  | 'idle'
  /** First connection attempt in progress. */
  | 'connecting'
  /** Connected; messages flow. */
  | 'connected'
  /** The connection dropped; retrying with backoff. */
  | 'reconnecting'
  /** The browser reports no network; retrying when it comes back. */
  | 'offline'
  /** Stopped by the host or the customer. */
  | 'closed';

export type MessageStatus = 'sending' | 'sent' | 'failed';

/** One entry of the transcript. `text` is exactly what was sent or received: redacted, plain text. */
export interface TranscriptMessage {
  id: string;
  /** Server sequence number, once known. */
  seq?: number;
  from: Role;
  name: string;
  text: string;
  /** Milliseconds since the epoch. */
  at: number;
  /** Customer messages only. */
  status?: MessageStatus;
  quickReplies?: QuickReply[];
  /** Replayed after a reload: part of the conversation's history, not news to the customer. */
  history?: true;
}

/** What `Conversation.send()` did with a draft. */
export type SendResult =
  | { ok: true; message: TranscriptMessage; redacted: { kinds: SensitiveKind[]; count: number } }
  | {
      ok: false;
      reason: 'empty' | 'too-long' | 'blocked' | 'closed' | 'outbox-full';
      kinds?: SensitiveKind[];
    };

export interface ConversationError {
  code: string;
  /** For logs; never shown to people (the element shows its own localized text). */
  message: string;
  /** The customer message the error is about, if any. */
  id?: string;
}

export type ConversationEvents = {
  /** Anything in the transcript or state changed (render). */
  change: undefined;
  /** A message was added: the customer's own (as sent, redacted) or an incoming one. */
  message: TranscriptMessage;
  state: ConnectionState;
  /** Incoming typing indicator from the other side. */
  typing: { name: string; active: boolean };
  error: ConversationError;
  /** The server did not know the conversation any more (e.g. it restarted): a new one began. */
  restarted: undefined;
};
