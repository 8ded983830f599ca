/**
 * What the agent console knows, as plain data: the sign-in, the board, the agent's conversations
 * and the requests the server has not answered, with the queries the views and the element ask of
 * it. `state.ts` holds the steps from one state to the next.
 */
import type { AgentLanguage, BoardFrame, Team, WaitingConversation } from '../../src/agent-protocol.js';
import type { ChatEvent } from '../../src/protocol.js';
import type { Announcement, Politeness } from '../agent-console-announcer.js';

/** Longest agent name the server accepts. */
export const MAX_NAME_LENGTH = 40;

export type Connection = 'signed-out' | 'connecting' | 'signed-in' | 'reconnecting';

export type ConversationStatus =
  'active' | 'transferring' | 'transferred' | 'ending' | 'ended' | 'customer-ended' | 'lost';

/** A message the agent sent that the server has not stored yet (or refused). */
export interface PendingMessage {
  id: string;
  text: string;
  at: number;
  seq?: number;
  error?: string;
}

export interface Conversation {
  id: string;
  /** Local number, for names ("Customer 2"). */
  number: number;
  lang: string;
  team: Team;
  summary: string;
  recap: string;
  account?: string;
  events: ChatEvent[];
  pending: PendingMessage[];
  status: ConversationStatus;
  transferredTo?: Team;
  caseNumber?: string;
  customerTyping: boolean;
  unread: number;
  draft: string;
  composerError: string;
  endSummary: string;
  transferTeam: Team;
  /** The note for the next team, as typed, and its error ('' when none). */
  transferNote: string;
  transferNoteError: string;
  /** Where the identity check stands (the result only), once one was asked for. */
  verification?: 'requested' | 'push' | 'code' | 'not-verified';
  /** The last request for documents (upload-status.ts), once one was made. */
  upload?: DocumentsRequest;
}

/** A request for documents: pending until received, declined or expired (`expiresAt`, server clock). */
export interface DocumentsRequest {
  ref: string;
  text: string;
  expiresAt: number;
  outcome: 'pending' | 'received' | 'declined';
  /** Documents received. */
  count?: number;
}

/** A request the server has not answered yet; answers (and refusals) come in order. */
export type Outstanding =
  | { kind: 'accept'; conversationId: string }
  | { kind: 'transfer'; conversationId: string; team: Team }
  | { kind: 'end'; conversationId: string };

export type FocusTarget =
  | 'board-heading'
  | 'composer'
  | 'name'
  | 'languages'
  | 'passcode'
  | 'pane-status'
  | 'end-button'
  | 'transfer-note'
  | 'signin-submit';

export type SignInField = 'name' | 'languages' | 'passcode';

/** What one step asks of the element; the reducer itself touches nothing. */
export interface Effects {
  /** Announcements, in order. */
  announce: [string | Announcement, Politeness][];
  /** Where focus goes once the element has rendered. */
  focus?: FocusTarget;
  /** The agent's typing spell in this conversation ends (the element owns its timer). */
  stopTyping?: string;
  /** The conversation on screen ended: its end dialog closes, if open, and focus goes to its status. */
  closeEndDialog?: boolean;
  /** The server refused the sign-in: the socket closes for good and the field says why. */
  refused?: { field: SignInField; message: string };
}

export interface ConsoleState {
  connection: Connection;
  agentName: string;
  agentTeam: Team;
  /** More teams the agent takes, as signed in with. */
  agentTeams: Team[];
  /** The languages the agent chats in, as signed in with. */
  agentLanguages: AgentLanguage[];
  nameError: string;
  languagesError: string;
  passcodeError: string;
  signInError: string;
  board: BoardFrame | undefined;
  /** The next board is the first since the welcome: it is summed up, not diffed. */
  firstBoard: boolean;
  conversations: Conversation[];
  selectedId: string;
  boardMessage: string;
  outstanding: Outstanding[];
  /** Conversations numbered so far ("Customer 3"). */
  conversationCount: number;
  /** The key documents are downloaded with (`document-key`): in memory only, never shown. */
  documentKey?: string;
  /** What the step that made this state asks of the element. */
  effects: Effects;
}

export const initialState: ConsoleState = {
  connection: 'signed-out',
  agentName: '',
  agentTeam: 'general',
  agentTeams: [],
  agentLanguages: ['en', 'es'],
  nameError: '',
  languagesError: '',
  passcodeError: '',
  signInError: '',
  board: undefined,
  firstBoard: true,
  conversations: [],
  selectedId: '',
  boardMessage: '',
  outstanding: [],
  conversationCount: 0,
  effects: { announce: [] },
};

/** The conversations with one of them changed. */
export function patched(
  conversations: readonly Conversation[],
  conversationId: string,
  changes: Partial<Conversation>,
): Conversation[] {
  return conversations.map((c) => (c.id === conversationId ? { ...c, ...changes } : c));
}

export function findConversation(state: ConsoleState, conversationId: string): Conversation | undefined {
  return state.conversations.find((c) => c.id === conversationId);
}

export function selectedConversation(state: ConsoleState): Conversation | undefined {
  return findConversation(state, state.selectedId);
}

/**
 * Why the agent may not take a waiting conversation, or `undefined` when they may: they take
 * the `general` queue and their teams' (a supervisor, any), in a language they chat in unless
 * the conversation is offered to any language.
 */
export function acceptRefusal(
  state: ConsoleState,
  w: Pick<WaitingConversation, 'team' | 'lang' | 'anyLanguage'>,
): 'team' | 'language' | undefined {
  const teams = [state.agentTeam, ...state.agentTeams];
  if (!(teams.includes('supervisor') || w.team === 'general' || teams.includes(w.team))) return 'team';
  if (!w.anyLanguage && !(state.agentLanguages as readonly string[]).includes(w.lang)) return 'language';
  return undefined;
}

/** Whether the console is signed in (or getting back in): the console, not the sign-in form. */
export function isSignedIn(state: ConsoleState): boolean {
  return state.connection === 'signed-in' || state.connection === 'reconnecting';
}
