/**
 * The reference server's data model: one customer conversation (its numbered events, its
 * virtual assistant, where it stands in the contact center) and the contact center's shared
 * state, together the `World` every instance holds a copy of.
 *
 * It is plain data plus the assistant, so that a store (server/store.ts) can keep it in memory
 * or in Redis (server/redis-store.ts) and any instance can carry it on. It holds no sockets and
 * no closures: the customers following a conversation are looked up by its id on each
 * instance, its owner is named (an agent id), and its pending timers are descriptions of what
 * to do (`TimerAction`), run by whichever instance is alive when they are due.
 *
 * This module imports nothing that changes the world: the transaction (server/transaction.ts),
 * the operations on a conversation (server/conversation.ts) and the stores depend on it, never
 * the other way round.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AgentLanguage, AgentServerFrame } from '../src/agent-protocol.js';
import { TEAMS } from '../src/protocol.js';
import type {
  Accommodations,
  ChatEvent,
  ClientFrame,
  QuickReply,
  ServerFrame,
  Team,
} from '../src/protocol.js';
import { createAssistant } from './assistant/index.js';
import { profileFor } from './assistant/profile.js';
import type { Assistant, AssistantState, CaseRecord, Lang, TaskIntent } from './assistant/index.js';

export type { CaseRecord } from './assistant/index.js';
import { randomCaseKey } from './case-number.js';
import type { Verification } from './verification/verifier.js';

/** With the assistant, waiting for a person, with a person, or ended (the assistant answers again). */
export type Phase = 'assistant' | 'queued' | 'agent' | 'ended';

/** Whoever holds a conversation: a person at a console (`agentId`), or the simulated agent of a team. */
export interface Owner {
  readonly kind: 'person' | 'simulated';
  readonly name: string;
  readonly team: Team;
  /** The console's agent id (people only). */
  readonly agentId?: string;
  /** Tells one turn of the simulated agent from a later one of the same team (simulated only). */
  readonly ref?: string;
}

/** What the simulated agent does after its typing pause. */
export type SimulatedAct =
  | { kind: 'say'; text: string }
  | { kind: 'goodbye'; text: string }
  | { kind: 'transfer'; text: string; team: Team };

/** Something a conversation will do later: plain data, so that another instance can do it. */
export type TimerAction =
  /** The assistant stops typing and answers (or, `queue`, puts the customer in line). */
  | { kind: 'assistant-reply'; said: Said; queue: boolean }
  /** The simulated agent takes the conversation if no person can. */
  | { kind: 'simulated-take' }
  /** The simulated agent stops typing and acts, if it still holds the conversation. */
  | { kind: 'simulated-turn'; owner: Owner; act: SimulatedAct }
  /** The language wait that began at `since` is over: anyone of the team may take it. */
  | { kind: 'any-agent'; since: number }
  /** The identity check `id` lapses (server/verification). */
  | { kind: 'verify-expire'; id: string };

export interface PendingTimer {
  id: string;
  /** When it is due (ms since the epoch). */
  due: number;
  /** The instance that scheduled it runs it on time; others run it when it is overdue. */
  instance: string;
  action: TimerAction;
}

export interface Conversation {
  id: string;
  lang: Lang;
  /** The host's opaque account reference, redacted, if the hello had one. */
  account: string | undefined;
  /** Hashes of the keys that resume it (server/resume-key.ts): the first tab's, then others'. */
  keys: string[];
  /** The hash of the subject of the token that started it; only that subject may resume it. */
  subject: string | undefined;
  /** The virtual assistant of this conversation (it keeps the conversation's state). */
  assistant: Assistant;
  events: ChatEvent[];
  /** customer message id → seq, for dedupe. */
  seen: Map<string, number>;
  /** console message id → seq, for dedupe of agents' messages. */
  agentSeen: Map<string, number>;
  /** Every pending timer (assistant replies, the simulated agent). */
  timers: PendingTimer[];
  phase: Phase;
  /** The team whose queue it waits in (or last waited in). */
  team: Team;
  owner: Owner | undefined;
  /** When it started waiting (ms since the epoch). */
  since: number;
  /** Its position in its team's queue (1 = next; 0 when not waiting) and since when. */
  position: number;
  positionSince: number;
  transferredFrom: Team | undefined;
  /** What the customer asked a person about (contact-center/routing.ts), if they named it. */
  topic: TaskIntent | undefined;
  /** Offered to agents of any language: nobody who speaks `lang` took it in time. */
  anyLanguage: boolean;
  /** What the customer said they need (the note redacted), if they stated anything. */
  accommodations: Accommodations | undefined;
  /** The id of the pending check of the simulated agent, if any. */
  simTimer: string | undefined;
  caseNumber: string | undefined;
  summary: string | undefined;
  rating: number | undefined;
  /** The latest identity check (server/verification): its state and a code's salted hash only. */
  verification: Verification | undefined;
  /** Last change (ms since the epoch), for retention. */
  updatedAt: number;
}

/** A conversation as stored: JSON without its events (they are stored one by one). */
export interface ConversationSnapshot {
  id: string;
  lang: Lang;
  account?: string;
  /** Absent in conversations stored before protocol 1.4. */
  keys?: string[];
  subject?: string;
  assistant: AssistantState;
  seq: number;
  seen: [string, number][];
  agentSeen: [string, number][];
  timers: PendingTimer[];
  phase: Phase;
  team: Team;
  owner?: Owner;
  since: number;
  position: number;
  positionSince: number;
  transferredFrom?: Team;
  topic?: TaskIntent;
  anyLanguage?: true;
  accommodations?: Accommodations;
  simTimer?: string;
  caseNumber?: string;
  summary?: string;
  rating?: number;
  verification?: Verification;
  updatedAt: number;
}

/**
 * Who a conversation's customer is, as the cases filed in it are keyed (a hash, never the
 * identity itself): the token's subject when the server takes tokens (the same identity that
 * alone may resume the conversation), else the host's account reference, else only this
 * conversation.
 */
export function customerKey(id: string, subject: string | undefined, account: string | undefined): string {
  const who =
    subject !== undefined
      ? `subject:${subject}`
      : account !== undefined
        ? `account:${account}`
        : `conversation:${id}`;
  return createHash('sha256').update(who).digest('hex');
}

export function createConversation(
  lang: Lang,
  account: string | undefined,
  keys: string[] = [],
  subject?: string,
): Conversation {
  const id = randomUUID();
  return {
    id,
    lang,
    account,
    keys,
    subject,
    assistant: createAssistant(lang, undefined, {
      conversationId: id,
      customer: customerKey(id, subject, account),
      profile: profileFor(account, subject),
    }),
    events: [],
    seen: new Map(),
    agentSeen: new Map(),
    timers: [],
    phase: 'assistant',
    team: 'general',
    owner: undefined,
    since: 0,
    position: 0,
    positionSince: 0,
    transferredFrom: undefined,
    topic: undefined,
    anyLanguage: false,
    accommodations: undefined,
    simTimer: undefined,
    caseNumber: undefined,
    summary: undefined,
    rating: undefined,
    verification: undefined,
    updatedAt: Date.now(),
  };
}

export function snapshot(c: Conversation): ConversationSnapshot {
  const s: ConversationSnapshot = {
    id: c.id,
    lang: c.lang,
    keys: c.keys,
    assistant: c.assistant.state(),
    seq: c.events.length,
    seen: [...c.seen],
    agentSeen: [...c.agentSeen],
    timers: c.timers,
    phase: c.phase,
    team: c.team,
    since: c.since,
    position: c.position,
    positionSince: c.positionSince,
    updatedAt: c.updatedAt,
  };
  if (c.account !== undefined) s.account = c.account;
  if (c.subject !== undefined) s.subject = c.subject;
  if (c.owner !== undefined) s.owner = c.owner;
  if (c.transferredFrom !== undefined) s.transferredFrom = c.transferredFrom;
  if (c.topic !== undefined) s.topic = c.topic;
  if (c.anyLanguage) s.anyLanguage = true;
  if (c.accommodations !== undefined) s.accommodations = c.accommodations;
  if (c.simTimer !== undefined) s.simTimer = c.simTimer;
  if (c.caseNumber !== undefined) s.caseNumber = c.caseNumber;
  if (c.summary !== undefined) s.summary = c.summary;
  if (c.rating !== undefined) s.rating = c.rating;
  if (c.verification !== undefined) s.verification = c.verification;
  return s;
}

/** The conversation of a snapshot, with its events (all `s.seq` of them, in order). */
export function restore(s: ConversationSnapshot, events: ChatEvent[]): Conversation {
  return {
    id: s.id,
    lang: s.lang,
    account: s.account,
    // Stored before 1.4: no key, so it cannot be resumed (its customers start again).
    keys: s.keys ?? [],
    subject: s.subject,
    assistant: createAssistant(s.lang, s.assistant, {
      conversationId: s.id,
      customer: customerKey(s.id, s.subject, s.account),
      profile: profileFor(s.account, s.subject),
    }),
    events,
    seen: new Map(s.seen),
    agentSeen: new Map(s.agentSeen),
    timers: s.timers,
    phase: s.phase,
    team: s.team,
    owner: s.owner,
    since: s.since,
    position: s.position,
    positionSince: s.positionSince,
    transferredFrom: s.transferredFrom,
    topic: s.topic,
    anyLanguage: s.anyLanguage === true,
    accommodations: s.accommodations,
    simTimer: s.simTimer,
    caseNumber: s.caseNumber,
    summary: s.summary,
    rating: s.rating,
    verification: s.verification,
    updatedAt: s.updatedAt,
  };
}

/** What goes into a message event: text and quick replies. */
export interface Said {
  text: string;
  quickReplies?: QuickReply[];
  /** The urgent phone route was given (the widget shows a call link). */
  urgent?: true;
}

/** A person signed in at a console, on some instance. */
export interface AgentInfo {
  id: string;
  name: string;
  team: Team;
  /** More teams whose queues it takes (contact-center/routing.ts); absent: none. */
  teams?: Team[];
  /** The languages it chats in; absent: every language. */
  languages?: AgentLanguage[];
  /** The instance whose `/agent` socket it is. */
  instance: string;
  /** Ids of the conversations it holds, in the order it took them. */
  conversations: string[];
}

/** The contact center's shared state (small: it is stored whole with every change). */
export interface CenterState {
  /** Conversation ids waiting, per team, first in line first. */
  queues: Record<Team, string[]>;
  /** People signed in, by agent id. */
  agents: Record<string, AgentInfo>;
  /** Whether the simulated agent takes conversations no person can. */
  simulate: boolean;
  /** Case numbers issued so far, and the key of their sequence (case-number.ts; never sent). */
  cases: number;
  caseKey: string;
}

export interface World {
  readonly conversations: Map<string, Conversation>;
  center: CenterState;
  /** Complaints and closed chats by reference number. */
  readonly cases: Map<string, CaseRecord>;
}

/**
 * A client frame as read and checked by the instance that received it (never the raw text: a
 * message's text is already redacted again by the server).
 */
export interface ReadFrame {
  frame?: ClientFrame;
  /** Why it was refused (names the field, never echoes the content). */
  error?: string;
  /** The message id the refusal is about, if any. */
  errorId?: string;
  /** The id of a message frame, well-formed or not (for a `rate-limited` answer). */
  messageId?: string;
  /**
   * An event-stream POST's frame, forwarded by the instance it reached: that instance charged
   * its address's work budget (`charged`) or found it in debt (`refused`: answer rate-limited).
   */
  charged?: true;
  refused?: true;
}

/** Frames for connections, delivered by every instance to its own. */
export type Effect =
  | { to: 'customers'; conversationId: string; frame: ServerFrame }
  | { to: 'agent'; agentId: string; frame: AgentServerFrame }
  /** Every signed-in console (the board). */
  | { to: 'agents'; frame: AgentServerFrame }
  /** A frame POSTed for an event stream, to the instance holding the stream (`?connection=`). */
  /** `grant`: the stream's, as the POST was checked against it (only that stream takes it). */
  | { to: 'stream'; connectionId: string; grant: string; read: ReadFrame };

export function emptyCenter(simulate: boolean): CenterState {
  const queues = Object.fromEntries(TEAMS.map((t) => [t, [] as string[]])) as Record<Team, string[]>;
  return { queues, agents: {}, simulate, cases: 0, caseKey: randomCaseKey() };
}
