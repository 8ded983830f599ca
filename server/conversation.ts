/**
 * One customer conversation as the reference server keeps it: its numbered events, its
 * virtual assistant, and where it stands in the contact center (phase, queue, agent, case).
 * Shared by the customer endpoint (chat-server.ts) and the contact center (contact-center.ts).
 *
 * A conversation is plain data plus its assistant, so that a store (server/store.ts) can keep
 * it in memory or in Redis (server/redis-store.ts) and any instance can carry it on. It holds
 * no sockets and no closures: the customers following it are looked up by its id on each
 * instance, its owner is named (an agent id), and its pending timers are descriptions of what
 * to do (`TimerAction`), run by whichever instance is alive when they are due.
 *
 * Every change happens inside a store transaction (`tx()`): `append` numbers and records an
 * event, `broadcast` and `toAgent` queue frames that every instance delivers to its own
 * connections once the transaction is stored.
 */
import { randomUUID } from 'node:crypto';
import type { AgentServerFrame } from '../src/agent-protocol.js';
import type { ChatEvent, Notice, QuickReply, Role, ServerFrame, Team } from '../src/protocol.js';
import { createAssistant } from './assistant/index.js';
import type { Assistant, AssistantState, Lang } from './assistant/index.js';
import { tx } from './store.js';

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
  | { kind: 'simulated-turn'; owner: Owner; act: SimulatedAct };

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
  /** The id of the pending check of the simulated agent, if any. */
  simTimer: string | undefined;
  caseNumber: string | undefined;
  summary: string | undefined;
  rating: number | undefined;
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
  simTimer?: string;
  caseNumber?: string;
  summary?: string;
  rating?: number;
  updatedAt: number;
}

export function createConversation(
  lang: Lang,
  account: string | undefined,
  keys: string[] = [],
  subject?: string,
): Conversation {
  return {
    id: randomUUID(),
    lang,
    account,
    keys,
    subject,
    assistant: createAssistant(lang),
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
    simTimer: undefined,
    caseNumber: undefined,
    summary: undefined,
    rating: undefined,
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
  if (c.simTimer !== undefined) s.simTimer = c.simTimer;
  if (c.caseNumber !== undefined) s.caseNumber = c.caseNumber;
  if (c.summary !== undefined) s.summary = c.summary;
  if (c.rating !== undefined) s.rating = c.rating;
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
    assistant: createAssistant(s.lang, s.assistant),
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
    simTimer: s.simTimer,
    caseNumber: s.caseNumber,
    summary: s.summary,
    rating: s.rating,
    updatedAt: s.updatedAt,
  };
}

/** A frame to every customer connection of the conversation, on every instance. */
export function broadcast(conversation: Conversation, frame: ServerFrame): void {
  tx().emit({ to: 'customers', conversationId: conversation.id, frame });
}

/** A frame to a person's console (a simulated owner has none). */
export function toOwner(owner: Owner | undefined, frame: AgentServerFrame): void {
  if (owner?.agentId !== undefined) tx().emit({ to: 'agent', agentId: owner.agentId, frame });
}

/**
 * Numbers an event, stores it and sends it to the customer's connections and to the person
 * holding the conversation, if any.
 */
export function append(conversation: Conversation, event: Omit<ChatEvent, 'seq'>): ChatEvent {
  const full: ChatEvent = { ...event, seq: conversation.events.length + 1 };
  conversation.events.push(full);
  const t = tx();
  t.appended(conversation, full);
  t.emit({ to: 'customers', conversationId: conversation.id, frame: { type: 'event', event: full } });
  toOwner(conversation.owner, { type: 'conversation-event', conversationId: conversation.id, event: full });
  return full;
}

/** What goes into a message event: text and quick replies. */
export interface Said {
  text: string;
  quickReplies?: QuickReply[];
  /** The urgent phone route was given (the widget shows a call link). */
  urgent?: true;
}

export function say(conversation: Conversation, from: Role, name: string, answer: Said): ChatEvent {
  const event: Omit<ChatEvent, 'seq'> = {
    id: randomUUID(),
    kind: 'message',
    from,
    name,
    text: answer.text,
    at: Date.now(),
  };
  if (answer.quickReplies) event.quickReplies = answer.quickReplies;
  if (answer.urgent) event.urgent = true;
  return append(conversation, event);
}

/** A system notice: part of the conversation (numbered, replayed), with its meaning for clients. */
export function notify(conversation: Conversation, notice: Notice, text: string): ChatEvent {
  return append(conversation, {
    id: randomUUID(),
    kind: 'notice',
    from: 'system',
    name: '',
    text,
    at: Date.now(),
    notice,
  });
}

/** Does `action` after `delay` ms (on this instance, or on another if this one is gone by then). */
export function later(conversation: Conversation, delay: number, action: TimerAction): string {
  const t = tx();
  const timer: PendingTimer = { id: randomUUID(), due: Date.now() + delay, instance: t.instance, action };
  conversation.timers.push(timer);
  t.touch(conversation);
  t.scheduled(conversation, timer);
  return timer.id;
}

/** Forgets a pending timer (it will not run). */
export function cancel(conversation: Conversation, timerId: string): void {
  const at = conversation.timers.findIndex((t) => t.id === timerId);
  if (at >= 0) conversation.timers.splice(at, 1);
  tx().touch(conversation);
}
