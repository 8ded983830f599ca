/**
 * The amex-chat wire protocol's frames, shared by the widget (`src/`) and the reference server
 * (`server/`): every frame type, the limits, and what each protocol version understands.
 *
 * JSON text frames, one object per frame, discriminated by `type`. The server numbers every
 * conversation event with a sequence number (`seq`, starting at 1, no gaps per conversation);
 * every customer message carries a client-generated `id` that the server acknowledges.
 * `docs/protocol.md` is the human-readable version of this file.
 *
 * This module knows about nothing else: no DOM, no Node, no redaction.
 */
import type { DocumentInfo, UploadRequestFrame } from './upload.js';

export * from './upload.js';
import type { VerifyClientFrame, VerifyFrame } from './verify.js';

export * from './verify.js';
export * from './accommodations.js';
import type { Accommodation, AccommodationsFrame } from './accommodations.js';

/** Major.minor. A server rejects a `hello` whose major version it does not speak. */
export const PROTOCOL_VERSION = '1.5';

export type Role = 'customer' | 'assistant' | 'agent' | 'system';

/** A quick reply the assistant offers; `value` is sent as the customer's message. */
export interface QuickReply {
  label: string;
  value: string;
}

/** The teams a conversation can be routed to (`general` is the first line). */
export const TEAMS = ['general', 'disputes', 'credit', 'rewards', 'travel', 'supervisor'] as const;
export type Team = (typeof TEAMS)[number];

/**
 * What a `notice` event means, for clients that want more than its text (the text is already
 * in the conversation's language). Notices are part of the conversation: numbered, replayed.
 */
export type Notice =
  /** (1.5) Documents the customer sent (secure upload, upload.ts): ids, names, types, sizes. */
  | { code: 'documents'; documents: DocumentInfo[] }
  /** The customer is waiting for a person (position and wait come in `queue` frames). */
  | { code: 'queued'; team: Team }
  /** The customer left the queue (or it was closed); the assistant carries on. */
  | { code: 'left-queue' }
  /** A person took the conversation. */
  | { code: 'agent-joined'; agent: string; team: Team }
  /** The agent handed the conversation to another team; the customer waits for it. */
  | { code: 'transferred'; team: Team }
  /** The agent's connection was lost; the customer is back at the front of the line. */
  | { code: 'agent-left'; agent: string }
  /**
   * Nobody who speaks the conversation's language took it in time: the next agent of any
   * language may take it (the customer keeps their place in line).
   */
  | { code: 'any-agent' }
  /**
   * The client asked to resume a conversation the server does not have (it restarted and
   * forgot it, or it expired): this new conversation replaces it. Always its first event.
   */
  | { code: 'restarted' }
  /**
   * The conversation ended: the reference (case) number and a short summary of what was agreed,
   * both plain text. The customer may still write; the assistant answers from the summary.
   */
  | { code: 'ended'; caseNumber: string; summary: string }
  /**
   * (1.5) The customer's accommodations as now stated (`AccommodationsFrame`); the text
   * acknowledges the needs and never quotes the note.
   */
  | { code: 'accommodations'; needs: Accommodation[]; note?: string };

/** One conversation event as the server numbers and stores it. */
export interface ChatEvent {
  seq: number;
  /** Message id: the client id for customer messages, a server id otherwise. */
  id: string;
  /** A message from someone, or a `notice` from the system (`from: 'system'`, with `notice`). */
  kind: 'message' | 'notice';
  from: Role;
  /** Display name of the sender ("Virtual assistant", "Maria"). */
  name: string;
  /** Plain text, never HTML. Customer text is already redacted by the client. */
  text: string;
  /** Milliseconds since the epoch, server clock. */
  at: number;
  quickReplies?: QuickReply[];
  /** Notices only. */
  notice?: Notice;
  /**
   * (1.1) The message gives the urgent phone route (fraud happening now): the widget shows the
   * host's `urgent-phone` number as a call link under it.
   */
  urgent?: true;
}

// ---- client → server ---------------------------------------------------------------------

export interface HelloFrame {
  type: 'hello';
  v: string;
  lang: string;
  /** Opaque reference to the card the chat is about (e.g. last four), set by the host page. */
  account?: string;
  /**
   * Resume an existing conversation from the last sequence number the client applied. (1.4)
   * `key` is the conversation's resume key (from its `welcome`, or a `tab-key`): without the
   * right one the server refuses the resume (`forbidden`), so a conversation id grants nothing.
   */
  resume?: { conversationId: string; lastSeq: number; key?: string };
  /** The host's auth token (from `tokenProvider`). Only ever in this frame: never in a URL. */
  token?: string;
  /**
   * (1.4, between tabs only) A follower tab's proof of its session: its token sealed to the
   * server's `welcome.sealKey` (see `TabJoinFrame`). The leader tab checks it before serving.
   */
  join?: string;
}

export interface MessageFrame {
  type: 'message';
  /** Client-generated, unique per message; retried with the same id, deduplicated by the server. */
  id: string;
  text: string;
}

/** Typing indicator. Carries no text, ever. */
export interface TypingFrame {
  type: 'typing';
  active: boolean;
}

export interface PingFrame {
  type: 'ping';
}

/** The customer leaves the queue for a person (the assistant carries on). Idempotent. */
export interface LeaveQueueFrame {
  type: 'leave-queue';
}

/** The customer ends the conversation; the server answers with an `ended` notice. Idempotent. */
export interface EndFrame {
  type: 'end';
}

/** The customer's rating of an ended conversation, 1 (poor) to 5 (excellent); the last one counts. */
export interface RatingFrame {
  type: 'rating';
  score: number;
}

/**
 * (1.4) Another tab of this customer asks for a resume key of its own, sealed to `publicKey`
 * (an RSA-OAEP SHA-256 public key, SPKI, base64), so that it can take the conversation over
 * later; `ref` comes back in the answer. The key never travels in the clear between tabs.
 */
export interface TabKeyRequestFrame {
  type: 'tab-key';
  ref: string;
  publicKey: string;
}

/**
 * (1.4) The leader tab asks whether a follower tab's sealed token (`HelloFrame.join`) is of the
 * conversation's customer; `ref` comes back in the answer. `sealed` is three base64 parts joined
 * by `.`: an AES-256-GCM key sealed with RSA-OAEP (SHA-256) to `welcome.sealKey`, the 12-byte IV,
 * and the token encrypted with that key.
 */
export interface TabJoinRequestFrame {
  type: 'tab-join';
  ref: string;
  sealed: string;
}

export type ClientFrame =
  | TabJoinRequestFrame
  | HelloFrame
  | MessageFrame
  | TypingFrame
  | PingFrame
  | LeaveQueueFrame
  | EndFrame
  | RatingFrame
  | TabKeyRequestFrame
  | VerifyClientFrame
  | AccommodationsFrame;

// ---- server → client ---------------------------------------------------------------------

export interface WelcomeFrame {
  type: 'welcome';
  v: string;
  conversationId: string;
  /**
   * (1.3) The conversation's last sequence number when the welcome was sent (0: no events yet).
   * The replay that follows ends there (live events may follow it). A client can then show a
   * long history once it is all in, rather than frame by frame. Optional: a 1.2 server leaves
   * it out, and a value that is not a whole number ≥ 0 is ignored.
   */
  lastSeq?: number;
  /**
   * (1.4) The secret that resumes this conversation (`hello.resume.key`), sent once: in the
   * welcome that started it. The client keeps it (session storage) and shows it to no one;
   * the server keeps only its hash.
   */
  resumeKey?: string;
  /**
   * (1.4) When the server checks tokens: its RSA-OAEP public key (SPKI, base64) to which another
   * tab seals its token for `tab-join`.
   */
  sealKey?: string;
}

/** (1.4) Answer to `tab-join`: whether the sealed token is of the conversation's customer. */
export interface TabJoinFrame {
  type: 'tab-join';
  ref: string;
  ok: boolean;
}

/** (1.4) A resume key for the tab that asked (`ref`), sealed to its public key (base64). */
export interface TabKeyFrame {
  type: 'tab-key';
  ref: string;
  sealed: string;
}

export interface EventFrame {
  type: 'event';
  event: ChatEvent;
}

/**
 * (1.2) A run of consecutive events, in order: a replay sent in one frame instead of one frame
 * per event (a browser pays a fixed cost per WebSocket message, which a long replay would pay
 * per event). The client applies each event exactly as if it had come in its own `event` frame. A
 * server sends it only to a client whose `hello.v` is 1.2 or later.
 */
export interface EventsFrame {
  type: 'events';
  events: ChatEvent[];
}

/** Longest run of events a server puts in one `events` frame. */
export const MAX_EVENTS_PER_FRAME = 500;

/** Whether `version` is 1.`minor` or later. */
function since(version: string, minor: number): boolean {
  const [major, min] = version.split('.').map((part) => Number.parseInt(part, 10));
  return major !== undefined && min !== undefined && (major > 1 || (major === 1 && min >= minor));
}

/** Whether a client speaking `version` understands `events` frames (1.2 and later). */
export function acceptsEventBatches(version: string): boolean {
  return since(version, 2);
}

/** Whether a server speaking `version` takes `accommodations` frames (1.5 and later). */
export function knowsAccommodations(version: string): boolean {
  return since(version, 5);
}

/** Whether a client speaking `version` knows resume keys (1.4 and later). */
export function knowsResumeKeys(version: string): boolean {
  return since(version, 4);
}

export interface AckFrame {
  type: 'ack';
  id: string;
  seq: number;
}

export interface TypingStateFrame {
  type: 'typing';
  from: Role;
  name: string;
  active: boolean;
}

export interface PongFrame {
  type: 'pong';
}

/**
 * Where the customer stands in the queue for a person. Sent when it changes, after every
 * `welcome` (so a reconnect knows), and at least every 30 s while waiting (the estimate moves).
 * `waiting: false` means the customer is not (or no longer) in a queue.
 */
export type QueueFrame =
  | {
      type: 'queue';
      waiting: true;
      /** 1 = next. */
      position: number;
      /** Estimated wait, in whole seconds. */
      etaSeconds: number;
      team: Team;
    }
  | { type: 'queue'; waiting: false };

export type ErrorCode =
  | 'bad-frame'
  | 'unsupported-version'
  | 'not-ready'
  | 'too-long'
  | 'rate-limited'
  | 'auth-required'
  | 'auth-expired'
  | 'auth-failed'
  | 'queue-full'
  | 'not-found'
  | 'taken'
  | 'forbidden'
  | 'internal';

export interface ErrorFrame {
  type: 'error';
  /** A client may also get a code not listed here (a newer server's): a plain error to it. */
  code: ErrorCode;
  message: string;
  /** The message id the error is about, if any. */
  id?: string;
  /** Agent console only: the conversation a refused `accept`, `transfer` or `end` was about. */
  conversationId?: string;
}

export type ServerFrame =
  | UploadRequestFrame
  | WelcomeFrame
  | EventFrame
  | EventsFrame
  | AckFrame
  | TypingStateFrame
  | PongFrame
  | QueueFrame
  | ErrorFrame
  | TabKeyFrame
  | TabJoinFrame
  | VerifyFrame;

/** Longest customer message, in UTF-16 code units. */
export const MAX_MESSAGE_LENGTH = 2000;

export function isTeam(value: unknown): value is Team {
  return typeof value === 'string' && (TEAMS as readonly string[]).includes(value);
}

/** The major part of a version string ("1.0" → 1), or NaN. */
export function majorVersion(version: string): number {
  const major = Number.parseInt(version.split('.')[0] ?? '', 10);
  return Number.isFinite(major) ? major : Number.NaN;
}
