import type { Notice, QuickReply, Role, Team } from '../protocol.js';
import type { VerifyFrame } from '../protocol/verify.js';
import type { UploadRequestFrame } from '../protocol/upload.js';
import type { SensitiveKind } from '../redaction/index.js';
import type { TransportFactory, TransportMode } from '../transport/index.js';
import type { ConversationStore } from './persistence.js';

export interface ConversationOptions {
  endpoint: string;
  lang: string;
  account?: string | undefined;
  /** `auto` (default): by the endpoint's scheme, falling back from WebSocket to SSE; or force one. */
  transport?: TransportMode;
  /** Gives a fresh auth token for each connection; it travels only in the hello frame. */
  tokenProvider?: (() => Promise<string>) | undefined;
  /** Swap the network part (tests, custom transports); overrides `transport`. */
  transportFactory?: TransportFactory;
  /**
   * Share the conversation with the other tabs of this session (one connection, held by the
   * tab with the Web Lock; the others mirror it over a BroadcastChannel). Default false.
   */
  tabs?: boolean;
  /** Where the conversation id, cursor and unsent messages survive a reload. Default: nowhere. */
  store?: ConversationStore;
  /** Send a ping after this long without traffic (ms). Default 10 s. */
  heartbeatInterval?: number;
  /** Declare the connection dead after this long without any frame (ms). Default 25 s. */
  deadAfter?: number;
}

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
  /** System notices from the server: what happened (agent joined, transfer, ended …). */
  notice?: Notice;
  /** The message gives the urgent phone route (fraud happening now). */
  urgent?: true;
}

/**
 * Where the conversation stands: with the virtual `assistant`, `queued` for a person, with an
 * `agent`, or `ended` (the customer may still write; the assistant answers follow-ups).
 */
export type ConversationPhase = 'assistant' | 'queued' | 'agent' | 'ended';

/** The customer's place in the queue for a person. */
export interface QueueStatus {
  /** 1 = next. */
  position: number;
  /** Estimated wait in seconds, as the server last said (it counts down between updates). */
  etaSeconds: number;
  team: Team;
}

/** The end of a conversation: its reference number and what was agreed. */
export interface CaseInfo {
  caseNumber: string;
  summary: string;
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
  /**
   * A new conversation began in place of this one (the server refused to resume it, or did not
   * know it any more and did not say so with a `restarted` notice): the view tells the customer.
   * Not emitted when the server's first event is that notice (the transcript already says it).
   */
  restarted: undefined;
  /** The queue position or wait changed, or the customer left the queue (`undefined`). */
  queue: QueueStatus | undefined;
  /** (1.5) Where the identity check the server asked for stands (never a code). */
  verify: VerifyFrame;
  /** (1.5) An agent asks for documents (secure upload): shown outside the transcript. */
  'upload-request': UploadRequestFrame;
};
