/**
 * The agent-console protocol of the reference server: JSON text frames over a WebSocket at
 * `/agent`, discriminated by `type`. Shared by `server/` and the console (`demo/agent-console.ts`);
 * not part of the widget (nothing in `src/index.ts` imports it). `docs/protocol.md` describes
 * it for people.
 *
 * An agent signs in with a name, a team (and any more teams they take) and the languages they
 * chat in, sees the board (who is waiting, with the topic and the assistant's summary), accepts a
 * conversation, chats, sees when the customer is typing (never
 * what), transfers it to a team, or ends it, which issues a case number.
 *
 * The server checks a console's frames with src/protocol/check-agent.ts.
 */
import { parseFrameObject } from './protocol.js';
import type { Accommodations, ChatEvent, ErrorFrame, Team } from './protocol.js';

export type { Team } from './protocol.js';
export { TEAMS, isTeam } from './protocol.js';

/** Longest agent message and end-of-chat summary, in UTF-16 code units. */
export const MAX_AGENT_TEXT = 2000;

/** Longest transfer note, in UTF-16 code units. */
export const MAX_TRANSFER_NOTE = 500;

/** The languages the reference server chats in: what `agent-hello.languages` may name. */
export const AGENT_LANGUAGES = ['en', 'es'] as const;
export type AgentLanguage = (typeof AGENT_LANGUAGES)[number];

export function isAgentLanguage(value: unknown): value is AgentLanguage {
  return typeof value === 'string' && (AGENT_LANGUAGES as readonly string[]).includes(value);
}

// ---- console → server --------------------------------------------------------------------

export interface AgentHelloFrame {
  type: 'agent-hello';
  v: string;
  /** Shown to customers ("Maria"). 1–40 characters. */
  name: string;
  /** The agent's team: the one customers are told about when its queue is not the one taken. */
  team: Team;
  /**
   * More teams whose queues this agent takes, besides `team` (everyone takes `general`). Each at
   * most once.
   */
  teams?: Team[];
  /**
   * The languages the agent chats in (`AGENT_LANGUAGES`, each at most once, at least one). A
   * conversation waits for an agent who speaks its language, then for anyone (see the board's
   * `anyLanguage`). Absent: the agent takes every language (consoles that predate it).
   */
  languages?: AgentLanguage[];
  /**
   * The console passcode, when the server requires one (`CHAT_AGENT_SECRET` on the reference
   * server). Only ever in this frame, never in a URL. At most 256 characters.
   */
  secret?: string;
}

/** Take a waiting conversation. Answered with `assigned`, or an error `taken` / `forbidden` / `not-found`. */
export interface AcceptFrame {
  type: 'accept';
  conversationId: string;
}

/** A message to the customer. `id` is the console's, unique per message (deduplicated). */
export interface SayFrame {
  type: 'say';
  conversationId: string;
  id: string;
  text: string;
}

export interface AgentTypingFrame {
  type: 'typing';
  conversationId: string;
  active: boolean;
}

/** Hand the conversation to another team (or a supervisor); it goes back to the queue for that team. */
export interface TransferFrame {
  type: 'transfer';
  conversationId: string;
  team: Team;
  /** For the next team (plain text, up to MAX_TRANSFER_NOTE): shown on their board and kept in the record. */
  note?: string;
}

/** End the conversation with a summary for the customer (plain text). Issues the case number. */
export interface AgentEndFrame {
  type: 'end';
  conversationId: string;
  summary: string;
}

/** Switch the simulated agent (answers when no person of the team is signed in) on or off. */
export interface SimulateFrame {
  type: 'simulate';
  enabled: boolean;
}

/**
 * (1.5) Ask the server to verify the customer of a conversation this agent holds: the widget
 * shows the identity check (a push prompt or a one-time code). The agent learns only the result,
 * in `verification` frames; never a code.
 */
export interface AgentVerifyFrame {
  type: 'verify';
  conversationId: string;
}

/**
 * (1.5) Ask the customer of a conversation this agent holds for documents (secure upload,
 * src/protocol/upload.ts): `text` says what is needed (plain text, redacted by the server, up
 * to MAX_UPLOAD_REQUEST_TEXT). The customer's widget shows an upload control; what arrives is a
 * `documents` notice in the conversation.
 */
export interface RequestUploadFrame {
  type: 'request-upload';
  conversationId: string;
  text: string;
}

export interface AgentPingFrame {
  type: 'ping';
}

export type AgentClientFrame =
  | AgentHelloFrame
  | AcceptFrame
  | SayFrame
  | AgentTypingFrame
  | TransferFrame
  | AgentEndFrame
  | SimulateFrame
  | AgentVerifyFrame
  | RequestUploadFrame
  | AgentPingFrame;

// ---- server → console --------------------------------------------------------------------

export interface AgentWelcomeFrame {
  type: 'agent-welcome';
  v: string;
  agentId: string;
}

/** A conversation waiting for a person. */
export interface WaitingConversation {
  conversationId: string;
  lang: string;
  team: Team;
  /** 1 = next, within its team's queue. */
  position: number;
  /** When it started waiting (ms since the epoch, server clock). */
  since: number;
  /** The assistant's summary of what the customer wants (English, for agents). */
  summary: string;
  /** The host's opaque account reference (redacted), if any. */
  account?: string;
  /** The team that transferred it, if it was transferred. */
  transferredFrom?: Team;
  /**
   * What the customer asked a person about, in English for agents: a phrase that reads after
   * "About" ("your credit limit"). Absent when they named no topic.
   */
  topic?: string;
  /**
   * (1.5) What the customer said they need (their note redacted). Absent: nothing stated. A
   * change while the conversation is assigned arrives as an `accommodations` notice.
   */
  accommodations?: Accommodations;
  /** (1.5) The customer proved who they are in this conversation: with a push prompt or a code. */
  verified?: 'push' | 'code';
  /**
   * Nobody who speaks `lang` took it in time: agents of any language may take it now (the
   * customer was told). Absent: only agents who speak `lang` may.
   */
  anyLanguage?: true;
}

/**
 * The state every console shows; sent after `agent-welcome` and whenever it changes. Lists
 * every waiting conversation; an agent may accept those of the `general` queue and of their
 * teams (a supervisor, any), in a language they speak unless `anyLanguage`.
 */
export interface BoardFrame {
  type: 'board';
  waiting: WaitingConversation[];
  /**
   * People signed in: their team, more teams they take (as in `agent-hello`; absent: none) and
   * their languages (absent: any).
   */
  agents: { name: string; team: Team; teams?: Team[]; languages?: AgentLanguage[]; conversations: number }[];
  /** Whether the simulated agent answers when no person of a team is signed in. */
  simulate: boolean;
}

/** The conversation is now this agent's: everything said so far, to read before answering. */
export interface AssignedFrame {
  type: 'assigned';
  conversationId: string;
  lang: string;
  team: Team;
  /** For the agent, in English: the topic the customer asked about, then the assistant's summary. */
  summary: string;
  /** What the customer asked a person about, as on the board. */
  topic?: string;
  /** A recap in the customer's language, to start the end-of-chat summary from. */
  recap: string;
  account?: string;
  /** (1.5) As on the board: what the customer said they need. */
  accommodations?: Accommodations;
  /** (1.5) As on the board: how the customer proved who they are, if they did. */
  verified?: 'push' | 'code';
  events: ChatEvent[];
}

/** A new event in one of this agent's conversations (including the agent's own messages). */
export interface ConversationEventFrame {
  type: 'conversation-event';
  conversationId: string;
  event: ChatEvent;
}

/** Whether the customer is typing. Never what. */
export interface CustomerTypingFrame {
  type: 'customer-typing';
  conversationId: string;
  active: boolean;
}

/** The conversation is no longer this agent's. */
export interface ReleasedFrame {
  type: 'released';
  conversationId: string;
  reason: 'transferred' | 'ended' | 'customer-ended';
  caseNumber?: string;
}

/**
 * (1.5) Where the identity check of one of this agent's conversations stands: asked for and
 * not answered yet (`requested`), verified by a push prompt or a code, or `not-verified`
 * (denied, expired, too many wrong codes, or cancelled: the agent is not told which).
 */
export interface VerificationFrame {
  type: 'verification';
  conversationId: string;
  status: 'requested' | 'push' | 'code' | 'not-verified';
}

/**
 * (1.5) Where this agent's request for documents (`request-upload`) stands: `requested` once the
 * customer's widget was sent it (`text` as the customer reads it, redacted; `expiresAt`, ms since
 * the epoch on the server's clock, when its token lapses), `declined` when the customer answered
 * "Not now". What arrives comes as the conversation's `documents` notice.
 */
export type UploadStatusFrame =
  | {
      type: 'upload-status';
      conversationId: string;
      ref: string;
      state: 'requested';
      text: string;
      expiresAt: number;
    }
  | { type: 'upload-status'; conversationId: string; ref: string; state: 'declined' };

/**
 * (1.5) This console's key for downloading documents (`GET /chat/documents/{id}` with
 * `authorization: Bearer {key}`), sent once after `agent-welcome`. Good for the conversations
 * the agent holds, while signed in. Keep it in memory only.
 */
export interface DocumentKeyFrame {
  type: 'document-key';
  key: string;
}

export interface AgentAckFrame {
  type: 'ack';
  id: string;
  seq: number;
}

export interface AgentPongFrame {
  type: 'pong';
}

export type AgentServerFrame =
  | AgentWelcomeFrame
  | BoardFrame
  | AssignedFrame
  | ConversationEventFrame
  | CustomerTypingFrame
  | ReleasedFrame
  | VerificationFrame
  | UploadStatusFrame
  | DocumentKeyFrame
  | AgentAckFrame
  | AgentPongFrame
  | ErrorFrame;

/** Parses a server frame for the console; `undefined` for anything malformed. */
export function parseAgentServerFrame(raw: string): AgentServerFrame | undefined {
  const data = parseFrameObject(raw);
  if (!data) return undefined;
  const known = [
    'agent-welcome',
    'board',
    'assigned',
    'conversation-event',
    'customer-typing',
    'released',
    'verification',
    'upload-status',
    'document-key',
    'ack',
    'pong',
    'error',
  ];
  return known.includes(data['type']) ? (data as unknown as AgentServerFrame) : undefined;
}
