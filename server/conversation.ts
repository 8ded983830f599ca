/**
 * One customer conversation as the reference server keeps it (in memory): its numbered
 * events, the customer connections that follow it, its virtual assistant, and where it stands
 * in the contact center (phase, queue, agent, case). Shared by the customer endpoint
 * (chat-server.ts) and the contact center (contact-center.ts).
 */
import { randomUUID } from 'node:crypto';
import type { AgentServerFrame } from '../src/agent-protocol.js';
import type { ChatEvent, Notice, QuickReply, Role, ServerFrame, Team } from '../src/protocol.js';
import { createAssistant } from './assistant/index.js';
import type { Assistant, Lang } from './assistant/index.js';
import type { Connection } from './connections.js';

/** With the assistant, waiting for a person, with a person, or ended (the assistant answers again). */
export type Phase = 'assistant' | 'queued' | 'agent' | 'ended';

/** Whoever holds a conversation: a person at a console, or the simulated agent of a team. */
export interface Owner {
  readonly kind: 'person' | 'simulated';
  readonly name: string;
  readonly team: Team;
  /** Console frames (a simulated agent has no console and drops them). */
  send(frame: AgentServerFrame): void;
}

export interface Conversation {
  id: string;
  lang: Lang;
  /** The host's opaque account reference, redacted, if the hello had one. */
  account: string | undefined;
  /** The virtual assistant of this conversation (it keeps the conversation's state). */
  assistant: Assistant;
  events: ChatEvent[];
  /** customer message id → seq, for dedupe. */
  seen: Map<string, number>;
  /** console message id → seq, for dedupe of agents' messages. */
  agentSeen: Map<string, number>;
  clients: Set<Connection>;
  /** Every pending timer of this conversation (assistant replies, the simulated agent). */
  timers: Set<ReturnType<typeof setTimeout>>;
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
  /** The pending check of the simulated agent, if any. */
  simTimer: ReturnType<typeof setTimeout> | undefined;
  caseNumber: string | undefined;
  summary: string | undefined;
  rating: number | undefined;
}

export function createConversation(lang: Lang, account: string | undefined): Conversation {
  return {
    id: randomUUID(),
    lang,
    account,
    assistant: createAssistant(lang),
    events: [],
    seen: new Map(),
    agentSeen: new Map(),
    clients: new Set(),
    timers: new Set(),
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
  };
}

/** A frame to every customer connection of the conversation. */
export function broadcast(conversation: Conversation, frame: ServerFrame): void {
  for (const client of conversation.clients) client.send(frame);
}

/**
 * Numbers an event, stores it and sends it to the customer's connections and to the person
 * holding the conversation, if any.
 */
export function append(conversation: Conversation, event: Omit<ChatEvent, 'seq'>): ChatEvent {
  const full: ChatEvent = { ...event, seq: conversation.events.length + 1 };
  conversation.events.push(full);
  broadcast(conversation, { type: 'event', event: full });
  conversation.owner?.send({ type: 'conversation-event', conversationId: conversation.id, event: full });
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

/** Runs `act` after `delay` ms, unless the server closes first. */
export function later(
  conversation: Conversation,
  delay: number,
  act: () => void,
): ReturnType<typeof setTimeout> {
  const timer = setTimeout(() => {
    conversation.timers.delete(timer);
    act();
  }, delay);
  conversation.timers.add(timer);
  return timer;
}
