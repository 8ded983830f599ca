/**
 * The agent-console protocol of the reference server: JSON text frames over a WebSocket at
 * `/agent`, discriminated by `type`. Shared by `server/` and the console (`demo/agent-console.ts`);
 * not part of the widget (nothing in `src/index.ts` imports it). `docs/protocol.md` describes
 * it for people.
 *
 * An agent signs in with a name and a team, sees the board (who is waiting, with the
 * assistant's summary), accepts a conversation, chats, sees when the customer is typing (never
 * what), transfers it to a team, or ends it, which issues a case number.
 *
 * The server checks a console's frames with src/protocol/check-agent.ts.
 */
import { parseFrameObject } from './protocol.js';
import type { ChatEvent, ErrorFrame, Team } from './protocol.js';

export type { Team } from './protocol.js';
export { TEAMS, isTeam } from './protocol.js';

/** Longest agent message and end-of-chat summary, in UTF-16 code units. */
export const MAX_AGENT_TEXT = 2000;

// ---- console → server --------------------------------------------------------------------

export interface AgentHelloFrame {
  type: 'agent-hello';
  v: string;
  /** Shown to customers ("Maria"). 1–40 characters. */
  name: string;
  team: Team;
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
}

/**
 * The state every console shows; sent after `agent-welcome` and whenever it changes. Lists
 * every waiting conversation; an agent may accept those of the `general` queue and of their
 * own team (a supervisor, any).
 */
export interface BoardFrame {
  type: 'board';
  waiting: WaitingConversation[];
  /** People signed in, by team. */
  agents: { name: string; team: Team; conversations: number }[];
  /** Whether the simulated agent answers when no person of a team is signed in. */
  simulate: boolean;
}

/** The conversation is now this agent's: everything said so far, to read before answering. */
export interface AssignedFrame {
  type: 'assigned';
  conversationId: string;
  lang: string;
  team: Team;
  summary: string;
  /** A recap in the customer's language, to start the end-of-chat summary from. */
  recap: string;
  account?: string;
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
    'ack',
    'pong',
    'error',
  ];
  return known.includes(data['type']) ? (data as unknown as AgentServerFrame) : undefined;
}
