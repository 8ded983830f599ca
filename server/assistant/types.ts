/** The virtual assistant's public types (re-exported by index.ts). */
import type { CardmemberProfile } from '../../demo/fixtures/profiles.js';
import type { Accommodation, QuickReply } from '../../src/protocol.js';

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
  | 'urgent-fraud'
  /** A complaint, recorded with a reference number (complaint.ts). */
  | 'complaint'
  /** Questions of tasks-service.ts. */
  | 'declined'
  | 'apr'
  | 'balance'
  | 'cancel-card'
  | 'refund'
  | 'verify-identity'
  /** Requests the assistant files (requests.ts). */
  | 'due-date-change'
  | 'late-fee-review'
  | 'authorized-user-request'
  | 'limit-review'
  | 'travel-notice';

export type Intent =
  | TaskIntent
  | 'greeting'
  | 'agent'
  | 'next-steps'
  /** After a case was closed: what was agreed, with the reference number. */
  | 'case'
  /** "What's the status of AMX-…?": a complaint or a closed chat of this customer (status.ts). */
  | 'case-status'
  | 'thanks'
  | 'goodbye'
  /** Needs of the chat stated in words (needs-said.ts). */
  | 'needs'
  | 'unknown';

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
  /** Needs the customer stated in words: the server states them as the "Your needs" form does. */
  needs?: Accommodation[];
}

/** The tasks that change something on the account (server/assistant/actions.ts). */
export type ActionIntent = Extract<
  TaskIntent,
  | 'dispute'
  | 'lost-stolen'
  | 'damaged'
  | 'lock'
  | 'unlock'
  | 'authorized-user-remove'
  | 'urgent-fraud'
  | 'complaint'
  | 'due-date-change'
  | 'late-fee-review'
  | 'authorized-user-request'
  | 'limit-review'
  | 'travel-notice'
>;

/**
 * A detail of an action. `about`: what a complaint is about (the customer's redacted words);
 * `ref`: the reference number a complaint was filed under (set when it is done, never asked).
 */
export type Detail =
  | 'merchant'
  | 'date'
  | 'amount'
  | 'last4'
  | 'zip'
  | 'about'
  | 'ref'
  /** A request's (requests.ts): due day, limit asked for, new user, trip. */
  | 'day'
  | 'limit'
  | 'name'
  | 'relation'
  | 'place'
  | 'from'
  | 'to';

export type Details = Partial<Record<Detail, string>>;

/** An action in progress: collecting its details, waiting for the yes, or for a correction. */
export interface Pending {
  intent: ActionIntent;
  details: Details;
  step: 'collect' | 'confirm' | 'change';
  /** Replies in a row that brought nothing new (at most two are asked again). */
  misses: number;
}

/**
 * What actually happened in the conversation, in order: the only source of the end summary,
 * the agent's prefilled summary and the board line.
 */
export type Fact =
  /** An action done after its read-back and the customer's yes, with its details. */
  | { kind: 'done'; intent: ActionIntent; details: Details }
  /** An action asked for and not (yet) done, with the details given so far. */
  | { kind: 'started'; intent: ActionIntent; details: Details }
  /** A question answered (a task that changes nothing). */
  | { kind: 'answered'; intent: TaskIntent }
  /** Handed to another team, with the agent's note (redacted) if one was typed. */
  | { kind: 'transfer'; team: string; note: string | null }
  /** The chat switched to another card of the profile: its last four and product name. */
  | { kind: 'card'; last4: string; product: string }
  | DocumentsFact
  | NeedsFact
  | AgentFact;

/**
 * The accommodations the customer stated (or cleared, with no needs and no note), the note
 * redacted: the end summary says them, and a written summary leaves nothing out.
 */
export type NeedsFact = { kind: 'needs'; needs: Accommodation[]; note: string | null };

/** The customer sent documents an agent asked for (server/uploads): how many. */
export interface DocumentsFact {
  kind: 'documents';
  count: number;
}

/**
 * The agent's part of the record: a person (or the simulated agent) took the chat, and the end
 * summary exactly as the agent sent it. What an agent says in the chat is not a fact.
 */
export type AgentFact =
  { kind: 'agent'; name: string; team: string } | { kind: 'agent-summary'; summary: string } | IdentityFact;

/**
 * The outcome of an identity check an agent or the assistant asked for (server/verification):
 * the method that verified the customer, or `null` when it did not (never a code).
 */
export interface IdentityFact {
  kind: 'identity';
  method: 'push' | 'code' | null;
}

/**
 * Everything an assistant remembers, as plain JSON: a store (server/store.ts) keeps it with the
 * conversation so that any instance can carry on where another left off.
 */
export interface AssistantState {
  lastTask: TaskIntent | null;
  /** The card of the profile the customer switched to (its last four), if any. */
  card?: string | null;
  /** Cards or ZIP codes given in this conversation that did not match the profile (profile.ts). */
  tries?: number;
  pending: Pending | null;
  record: Fact[];
  closed: { caseNumber: string; summary: string; tasks: TaskIntent[] } | null;
}

export interface Assistant {
  greet(): AssistantReply;
  /** What it remembers, to store and to give back to `createAssistant`. */
  state(): AssistantState;
  /** Keeps conversation state (last task, what was asked). */
  reply(customerText: string): AssistantReply;
  /** What the customer wanted so far, for the agent console. */
  summary(): string;
  /**
   * What was discussed and the next steps, in the customer's language: the summary of a chat
   * ended without one from an agent, and the agent's starting point.
   */
  recap(): string;
  /** The conversation ended with this case: follow-ups ("what was agreed?") are answered from it. */
  closeCase(caseNumber: string, summary: string): void;
  /** A message the customer sent to a person: remember the task it names, answer nothing. */
  observe(customerText: string): void;
  /** The last task discussed, if any. */
  lastTask(): TaskIntent | null;
  /** The conversation was handed to `team` (with the agent's note, if any): kept in the record. */
  transferred(team: string, note?: string): void;
  /** The agent's part (see AgentFact), or the needs the customer stated: kept in the record. */
  agentPart(fact: DocumentsFact | AgentFact | NeedsFact): void;
  /** What actually happened so far (a copy). */
  record(): Fact[];
  /** The next-steps text of a task (default: the last one); empty when none was discussed. */
  nextSteps(intent?: TaskIntent): string;
}

/**
 * When a rule fires: any phrase of `any`, or one phrase of every group of `all`; never when a
 * phrase of `except` is present.
 */
export interface Triggers {
  any?: readonly string[];
  all?: readonly (readonly string[])[];
  /** More conjunctions like `all`: the rule fires when every group of any one of them matches. */
  allOf?: readonly (readonly (readonly string[])[])[];
  except?: readonly string[];
}

export type ByLang<T> = Readonly<Record<Lang, T>>;

/** How a task identifies the card before it acts. */
export type CardStep = 'last4' | 'last4+zip';

export interface TaskDef {
  intent: TaskIntent;
  triggers: Triggers;
  /** The first answer. For a card task it ends by asking for the last four digits only. */
  answer: ByLang<string>;
  quickReplies: ByLang<readonly QuickReply[]>;
  /** The answer to "what are the next steps?" once this task was discussed. */
  next: ByLang<string>;
  /** The agent-console line (English). */
  summary: string;
  /** Card tasks: identify the card (last four, then ZIP where needed) before acting. */
  card?: CardStep;
}

/** A complaint or a closed chat, as the assistant reads it back to its customer. */
export interface FiledCase {
  ref: string;
  kind: 'complaint' | 'chat';
  lang: Lang;
  /** A complaint: what it is about; a chat: its end summary. */
  text: string;
  /** When it was filed or closed (ms since the epoch). */
  at: number;
}

/** Where complaints are filed and reference numbers looked up (desk.ts). */
export interface CaseDesk {
  /** Files a complaint and returns its new reference number; throws when it cannot be filed now. */
  fileComplaint(customer: string, conversationId: string, lang: Lang, about: string): string;
  /** The chat ended with reference `ref`: kept so that its customer can ask about it. */
  closeChat(customer: string, conversationId: string, lang: Lang, ref: string, summary: string): void;
  /**
   * The case `ref` when it is `customer`'s; undefined otherwise, whether it does not exist or is
   * someone else's (the caller says the same words for both).
   */
  find(customer: string, ref: string): FiledCase | undefined;
}

/** Whom the assistant serves (server/model.ts passes them) and where it files complaints. */
export interface AssistantOptions {
  conversationId?: string;
  /** The customer's key (model.ts `customerKey`): complaints are filed under it, and only its cases are found. */
  customer?: string;
  /** Default: the world of the transaction running (desk.ts `worldDesk`). */
  desk?: CaseDesk;
  /** The cardmember's profile (server/assistant/profile.ts): answers and card checks use it. */
  profile?: CardmemberProfile;
}

/**
 * A reference number a customer can ask about ("what's the status of AMX-…?"): a complaint
 * filed with the assistant, or the case a chat ended with. Kept with the world so that every
 * instance answers it (server/redis-store.ts stores it as `case:{ref}`).
 */
export interface CaseRecord {
  /** The reference number (server/case-number.ts), from the center's one sequence. */
  ref: string;
  kind: 'complaint' | 'chat';
  /** Whose it is (`customerKey`): only that customer is told anything about it. */
  customer: string;
  conversationId: string;
  lang: Lang;
  /** A complaint: what it is about; a chat: its end summary. Redacted text only. */
  text: string;
  /** When it was filed or closed (ms since the epoch). */
  at: number;
}
