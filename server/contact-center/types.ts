/**
 * The contact center's public types (re-exported by server/contact-center.ts) and what its
 * parts share: the context they change the world through and a console's session.
 */
import type { PipelineReports } from '../chat-server/pipeline.js';
import type { WebSocket } from 'ws';
import type { AgentServerFrame } from '../../src/agent-protocol.js';
import type { Accommodations, QueueFrame } from '../../src/protocol.js';
import type { AssistantReply } from '../assistant/index.js';
import type { Backpressure } from '../connections.js';
import type { FrameBudget } from '../limits.js';
import type { CenterState, Conversation } from '../model.js';
import type { Store } from '../store.js';
import type { Verifications } from '../verification/index.js';

export interface ContactCenterOptions {
  /** Most conversations waiting at once, all teams together. Default 20. */
  maxQueue?: number;
  /** Average time a person spends on a conversation, for the wait estimate, in s. Default 120. */
  handleSeconds?: number;
  /** How often a waiting customer gets a fresh `queue` frame, in ms. Default 15000. */
  queueUpdateMs?: number;
  /** Whether the simulated agent takes conversations no person can take. Default true. */
  simulatedAgent?: boolean;
  /** How long a conversation waits before the simulated agent takes it, in ms. Default 4000. */
  simulatedAgentDelay?: number;
  /**
   * How long a conversation waits for an agent who speaks its language before any agent of its
   * team may take it (the customer is told), in ms. Default `LANGUAGE_WAIT_MS` (60 s,
   * contact-center/routing.ts).
   */
  languageWaitMs?: number;
}

export interface ContactCenterStats {
  queued: number;
  accepted: number;
  transfers: number;
  cases: number;
  /** Conversations rated, and the sum of their (last) scores. */
  ratings: number;
  ratingTotal: number;
}

export interface ContactCenterDeps {
  options: ContactCenterOptions;
  /** The assistant's (and the simulated agent's) typing delay, in ms. */
  replyDelay: number;
  store: Store;
  stats: ContactCenterStats & PipelineReports['stats'];
  log: (entry: Record<string, unknown>) => void;
  /** The consoles' shared secret; undefined: consoles sign in without one. */
  agentSecret: string | undefined;
  /** A console that has not sent agent-hello by then is closed with 4008. */
  helloTimeoutMs: number;
  backpressure: Backpressure;
  /** An exception a handler did not expect (the caller logs it without details). */
  internalError: (where: string, error: unknown) => void;
  /** A console was closed for flooding. */
  flooded: (transport: string) => void;
  /** Secure document upload (server/uploads): agents' requests and their download keys. */
  uploads?: {
    /** Sends the request to the customer (inside a transaction); an error text if refused. */
    request(conversation: Conversation, text: string): string | undefined;
    agentKey(agentId: string): string;
  };
  /** The identity checks agents ask for (server/verification). */
  verifications: Verifications;
}

/** What the server knows about a new console connection. */
export interface AgentLink {
  /** Its frame budget (its own and its address's). */
  budget: FrameBudget;
  /** It signed in (its address's guess is given back)… */
  signedIn: () => void;
  /** …or gave a wrong or missing secret (counts towards its address's lockout). */
  authFailed: () => void;
}

export interface ContactCenter {
  /**
   * The assistant answers `reply` after its typing delay (a request for a person queues the
   * customer, or says they are already in line, or that the line is full).
   */
  answerLater(conversation: Conversation, reply: AssistantReply): void;
  /** The customer leaves the queue (a `leave-queue` frame or a message saying so). */
  leave(conversation: Conversation): void;
  /** The customer ends the conversation (an `end` frame). */
  customerEnd(conversation: Conversation): void;
  /** A customer message reached the person (or simulated agent) holding the conversation. */
  customerMessage(conversation: Conversation, customerText: string): void;
  customerTyping(conversation: Conversation, active: boolean): void;
  rating(conversation: Conversation, score: number): void;
  /** The customer states what they need (an `accommodations` frame, its note redacted again). */
  accommodations(conversation: Conversation, stated: Accommodations): void;
  /** The `queue` frame a customer of this conversation gets now. */
  queueFrame(conversation: Conversation): QueueFrame;
  /** A pending timer of a conversation is due (inside a transaction); it runs once, anywhere. */
  timerDue(conversationId: string, timerId: string): void;
  /** People signed in on instances that are gone: their conversations go back in line. */
  signOutAgentsOf(instances: ReadonlySet<string>): void;
  /**
   * People signed in on this instance whose console is gone (its sign-out could not be stored,
   * e.g. while Redis was unreachable): signed out now.
   */
  signOutOrphans(): void;
  /** Whether `signOutOrphans` has anything to do (read without a transaction). */
  readonly hasOrphans: boolean;
  /** A new console WebSocket at `/agent`. */
  connectAgent(ws: WebSocket, link: AgentLink): void;
  /** An effect for consoles: sent to those whose socket is on this instance. */
  deliver(agentId: string | undefined, frame: AgentServerFrame): void;
  readonly simulate: boolean;
  /** Closes every console on this instance with `code` (their people are signed out elsewhere). */
  close(code?: number, reason?: string): void;
}

/** A console whose socket is on this instance (what the others know of it is its `AgentInfo`). */
export interface AgentSession {
  readonly id: string;
  /** Signed in (its `AgentInfo` is in the center). */
  ready: boolean;
  readonly link: AgentLink;
  readonly ws: WebSocket;
  helloTimer: ReturnType<typeof setTimeout> | undefined;
  send(frame: AgentServerFrame): void;
}

/** What every part of the contact center works with: its dependencies and the world it changes. */
export interface CenterContext {
  readonly deps: ContactCenterDeps;
  readonly store: Store;
  readonly stats: ContactCenterDeps['stats'];
  readonly log: ContactCenterDeps['log'];
  /** The assistant's (and the simulated agent's) typing delay, in ms. */
  readonly replyDelay: number;
  readonly center: () => CenterState;
  readonly find: (id: string) => Conversation | undefined;
}
