/**
 * One customer conversation as the reference server keeps it: its numbered events, its
 * virtual assistant, and where it stands in the contact center (phase, queue, agent, case).
 * Shared by the customer endpoint (chat-server.ts) and the contact center (contact-center.ts).
 *
 * Its data and the snapshot a store keeps of it are in server/model.ts (re-exported here);
 * this module holds the operations that change it.
 *
 * Every change happens inside a store transaction (`tx()`): `append` numbers and records an
 * event, `broadcast` and `toAgent` queue frames that every instance delivers to its own
 * connections once the transaction is stored.
 */
import { randomUUID } from 'node:crypto';
import type { AgentServerFrame } from '../src/agent-protocol.js';
import type { ChatEvent, Notice, Role, ServerFrame } from '../src/protocol.js';
import type { Conversation, Owner, PendingTimer, Said, TimerAction } from './model.js';
import { tx } from './transaction.js';

export { createConversation, restore, snapshot } from './model.js';
export type {
  Conversation,
  ConversationSnapshot,
  Owner,
  PendingTimer,
  Phase,
  Said,
  SimulatedAct,
  TimerAction,
} from './model.js';

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
