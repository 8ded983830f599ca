/** The virtual assistant's public types (re-exported by index.ts). */
import type { QuickReply } from '../../src/protocol.js';

export type Lang = 'en' | 'es';

/** The tasks of the table (the intents that can be "the last task discussed"). */
export type TaskIntent =
  | 'dispute'
  | 'lost-stolen'
  | 'damaged'
  | 'lock'
  | 'unlock'
  | 'payment-due'
  | 'payment-assistance'
  | 'late-fee'
  | 'rewards'
  | 'pay-with-points'
  | 'authorized-user-add'
  | 'authorized-user-remove'
  | 'contact'
  | 'credit-limit'
  | 'travel'
  | 'urgent-fraud';

export type Intent = TaskIntent | 'greeting' | 'agent' | 'next-steps' | 'thanks' | 'goodbye' | 'unknown';

export interface AssistantReply {
  /** Plain text, never HTML. */
  text: string;
  /** `value` is sent back as the customer's message. */
  quickReplies?: QuickReply[];
  intent: Intent;
  /** For the server: queue the customer for a person / show the phone route at once. */
  action?: 'queue-for-agent' | 'urgent-phone';
  /** One line for an agent: what the customer wanted so far (once a task was discussed). */
  summary?: string;
}

export interface Assistant {
  greet(): AssistantReply;
  /** Keeps conversation state (last task, what was asked). */
  reply(customerText: string): AssistantReply;
  /** What the customer wanted so far, for the agent console. */
  summary(): string;
}
