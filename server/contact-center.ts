/**
 * The reference contact center: the queue for a person (one per team), the agents signed in
 * at `/agent` consoles (src/agent-protocol.ts), the simulated agent that answers when no person
 * of a team is signed in, transfers, and the end of a chat with a case number.
 *
 * Phases of a conversation: `assistant` → `queued` → `agent` → `ended`. While queued the
 * virtual assistant keeps answering; with a person it stays quiet; after the end it answers
 * again (follow-ups come from the case), and asking for a person again re-queues.
 *
 * Consoles sign in with the shared secret when the server has one (server/secret.ts); every
 * console frame is checked (server/validate.ts), budgeted per connection and per address, and
 * an unexpected exception answers `internal` without details. Logs never contain message text.
 *
 * State lives in the store (server/store.ts): the queues, the people signed in (on any
 * instance) and the case counter in `CenterState`, the rest in each conversation. Every change
 * runs inside `store.run`; frames to consoles go out as effects, delivered by the instance
 * holding the console's socket.
 */
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { MAX_AGENT_TEXT } from '../src/agent-protocol.js';
import type { AgentServerFrame, BoardFrame, WaitingConversation } from '../src/agent-protocol.js';
import { PROTOCOL_VERSION, TEAMS, majorVersion } from '../src/protocol.js';
import type { ErrorCode, QueueFrame, Team } from '../src/protocol.js';
import { ASSISTANT_NAME, TOPIC, detectTask, isFarewell } from './assistant/index.js';
import type { AssistantReply, TaskIntent } from './assistant/index.js';
import { caseNumberAt } from './case-number.js';
import { closeWebSocket, sendBounded } from './connections.js';
import type { Backpressure } from './connections.js';
import { INTERNAL_ERROR_TEXT } from './errors.js';
import type { FrameBudget } from './limits.js';
import { secretMatches } from './secret.js';
import { checkAgentFrame, messageIdOf, readFrame } from './validate.js';
import type { AgentHello, CheckedAgentFrame } from './validate.js';
import { broadcast, cancel, later, notify, say, toOwner } from './conversation.js';
import type { Conversation, Owner, PendingTimer, Said, SimulatedAct } from './conversation.js';
import * as text from './notices.js';
import { tx } from './store.js';
import type { AgentInfo, CenterState, Store } from './store.js';

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
  stats: ContactCenterStats & { errors: number; helloTimeouts: number };
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

/** The team whose specialty a task is (the simulated general agent transfers these). */
const SPECIALTY: Partial<Record<TaskIntent, Team>> = {
  dispute: 'disputes',
  'credit-limit': 'credit',
  rewards: 'rewards',
  'pay-with-points': 'rewards',
  travel: 'travel',
};

/** A console whose socket is on this instance (what the others know of it is its `AgentInfo`). */
interface AgentSession {
  readonly id: string;
  /** Signed in (its `AgentInfo` is in the center). */
  ready: boolean;
  readonly link: AgentLink;
  readonly ws: WebSocket;
  helloTimer: ReturnType<typeof setTimeout> | undefined;
  send(frame: AgentServerFrame): void;
}

/** Whether an agent of `agentTeam` may take a conversation waiting for `team`. */
function canTake(agentTeam: Team, team: Team): boolean {
  return team === 'general' || team === agentTeam || agentTeam === 'supervisor';
}

export function createContactCenter(deps: ContactCenterDeps): ContactCenter {
  const { store, stats, log, replyDelay } = deps;
  const maxQueue = deps.options.maxQueue ?? 20;
  const handleSeconds = deps.options.handleSeconds ?? 120;
  const simDelay = deps.options.simulatedAgentDelay ?? 4000;
  /** Consoles whose socket is on this instance, by agent id. */
  const sessions = new Map<string, AgentSession>();
  let closing = false;

  const center = (): CenterState => store.world.center;
  const find = (id: string): Conversation | undefined => store.world.conversations.get(id);

  // ---- the queue ------------------------------------------------------------------------

  function queueOf(team: Team): string[] {
    const queues = center().queues;
    let list = queues[team] as string[] | undefined;
    if (!list) {
      list = [];
      queues[team] = list;
    }
    return list;
  }

  function waitingCount(): number {
    let n = 0;
    for (const team of TEAMS) n += queueOf(team).length;
    return n;
  }

  function signedIn(): AgentInfo[] {
    return Object.values(center().agents);
  }

  /** People signed in (on any instance) who can take a conversation of `team`. */
  function people(team: Team): number {
    let n = 0;
    for (const agent of signedIn()) if (canTake(agent.team, team)) n += 1;
    return n;
  }

  function queueFrame(conversation: Conversation): QueueFrame {
    if (conversation.phase !== 'queued') return { type: 'queue', waiting: false };
    const capacity = Math.max(1, people(conversation.team));
    const waited = Math.floor((Date.now() - conversation.positionSince) / 1000);
    const etaSeconds = Math.max(10, Math.round((conversation.position * handleSeconds) / capacity) - waited);
    return {
      type: 'queue',
      waiting: true,
      position: conversation.position,
      etaSeconds,
      team: conversation.team,
    };
  }

  /**
   * After any change of the queues or the agents: renumber every queue, tell each customer
   * whose position moved, and send every console the board.
   */
  function changed(): void {
    const now = Date.now();
    for (const team of TEAMS) {
      queueOf(team).forEach((id, i) => {
        const conversation = find(id);
        if (!conversation || conversation.position === i + 1) return;
        conversation.position = i + 1;
        conversation.positionSince = now;
        tx().touch(conversation);
        broadcast(conversation, queueFrame(conversation));
      });
    }
    tx().emit({ to: 'agents', frame: board() });
  }

  function enqueue(conversation: Conversation, team: Team, front: boolean, from?: Team): void {
    conversation.phase = 'queued';
    conversation.team = team;
    conversation.owner = undefined;
    conversation.since = Date.now();
    conversation.position = 0;
    conversation.transferredFrom = from;
    tx().touch(conversation);
    const list = queueOf(team);
    if (front) list.unshift(conversation.id);
    else list.push(conversation.id);
    stats.queued += 1;
    log({ msg: 'queued', conversation: conversation.id, team, front });
    scheduleSimulated(conversation);
  }

  function dequeue(conversation: Conversation): void {
    for (const team of TEAMS) {
      const list = queueOf(team);
      const at = list.indexOf(conversation.id);
      if (at >= 0) list.splice(at, 1);
    }
    conversation.position = 0;
    if (conversation.simTimer !== undefined) {
      cancel(conversation, conversation.simTimer);
      conversation.simTimer = undefined;
    }
    tx().touch(conversation);
  }

  function board(): BoardFrame {
    const waiting: WaitingConversation[] = [];
    for (const team of TEAMS) {
      queueOf(team).forEach((id, i) => {
        const conversation = find(id);
        if (!conversation) return;
        const item: WaitingConversation = {
          conversationId: conversation.id,
          lang: conversation.lang,
          team,
          position: i + 1,
          since: conversation.since,
          summary: conversation.assistant.summary(),
        };
        if (conversation.account !== undefined) item.account = conversation.account;
        if (conversation.transferredFrom !== undefined) item.transferredFrom = conversation.transferredFrom;
        waiting.push(item);
      });
    }
    const agents = signedIn().map((a) => ({
      name: a.name,
      team: a.team,
      conversations: a.conversations.length,
    }));
    return { type: 'board', waiting, agents, simulate: center().simulate };
  }

  // ---- what happens to a conversation -----------------------------------------------------

  function answerLater(conversation: Conversation, reply: AssistantReply): void {
    const name = ASSISTANT_NAME[conversation.lang];
    broadcast(conversation, { type: 'typing', from: 'assistant', name, active: true });
    later(conversation, replyDelay, {
      kind: 'assistant-reply',
      said: said(reply),
      queue: reply.action === 'queue-for-agent',
    });
  }

  function requestAgent(conversation: Conversation, reply: Said): void {
    const name = ASSISTANT_NAME[conversation.lang];
    if (conversation.phase === 'queued') {
      say(conversation, 'assistant', name, {
        text: text.alreadyQueued(conversation.lang, conversation.position),
      });
      return;
    }
    if (conversation.phase === 'agent' && conversation.owner) {
      // Taken by a person while the assistant was answering.
      say(conversation, 'assistant', name, {
        text: text.alreadyWithAgent(conversation.lang, conversation.owner.name),
      });
      return;
    }
    if (waitingCount() >= maxQueue) {
      say(conversation, 'assistant', name, { text: text.queueFull(conversation.lang) });
      log({ msg: 'queue full', conversation: conversation.id });
      return;
    }
    say(conversation, 'assistant', name, reply);
    notify(conversation, { code: 'queued', team: 'general' }, text.queued(conversation.lang));
    enqueue(conversation, 'general', false);
    changed();
  }

  function leave(conversation: Conversation): void {
    if (conversation.phase !== 'queued') return;
    dequeue(conversation);
    conversation.phase = conversation.caseNumber === undefined ? 'assistant' : 'ended';
    notify(conversation, { code: 'left-queue' }, text.leftQueue(conversation.lang));
    broadcast(conversation, { type: 'queue', waiting: false });
    log({ msg: 'left queue', conversation: conversation.id });
    changed();
  }

  function accept(owner: Owner, conversation: Conversation): void {
    dequeue(conversation);
    conversation.phase = 'agent';
    conversation.transferredFrom = undefined;
    notify(
      conversation,
      { code: 'agent-joined', agent: owner.name, team: owner.team },
      text.agentJoined(conversation.lang, owner.name, owner.team),
    );
    conversation.owner = owner;
    broadcast(conversation, { type: 'queue', waiting: false });
    stats.accepted += 1;
    log({ msg: 'accepted', conversation: conversation.id, team: owner.team, by: owner.kind });
    if (owner.agentId !== undefined) {
      center().agents[owner.agentId]?.conversations.push(conversation.id);
      const assigned: AgentServerFrame = {
        type: 'assigned',
        conversationId: conversation.id,
        lang: conversation.lang,
        team: conversation.team,
        summary: conversation.assistant.summary(),
        recap: conversation.assistant.recap(),
        events: [...conversation.events],
      };
      if (conversation.account !== undefined) assigned.account = conversation.account;
      toOwner(owner, assigned);
    }
    changed();
  }

  /** The owner lets go of the conversation (transfer, end, disconnect). */
  function release(conversation: Conversation): Owner | undefined {
    const owner = conversation.owner;
    conversation.owner = undefined;
    tx().touch(conversation);
    if (owner?.agentId !== undefined) {
      const agent = center().agents[owner.agentId];
      if (agent) agent.conversations = agent.conversations.filter((id) => id !== conversation.id);
    }
    return owner;
  }

  function transfer(conversation: Conversation, team: Team): void {
    const owner = conversation.owner;
    if (!owner) return;
    notify(
      conversation,
      { code: 'transferred', team },
      text.transferred(conversation.lang, owner.name, team),
    );
    conversation.assistant.transferred(team);
    release(conversation);
    toOwner(owner, { type: 'released', conversationId: conversation.id, reason: 'transferred' });
    stats.transfers += 1;
    log({ msg: 'transferred', conversation: conversation.id, from: owner.team, to: team });
    enqueue(conversation, team, true, owner.team);
    changed();
  }

  function end(conversation: Conversation, summary: string, reason: 'ended' | 'customer-ended'): void {
    const wasQueued = conversation.phase === 'queued';
    if (wasQueued) dequeue(conversation);
    const c = center();
    const caseNumber = caseNumberAt(c.cases, c.caseKey);
    c.cases += 1;
    conversation.phase = 'ended';
    conversation.caseNumber = caseNumber;
    conversation.summary = summary;
    notify(
      conversation,
      { code: 'ended', caseNumber, summary },
      text.ended(conversation.lang, caseNumber, summary),
    );
    conversation.assistant.closeCase(caseNumber, summary);
    const owner = release(conversation);
    toOwner(owner, { type: 'released', conversationId: conversation.id, reason, caseNumber });
    if (wasQueued) broadcast(conversation, { type: 'queue', waiting: false });
    stats.cases += 1;
    log({ msg: 'ended', conversation: conversation.id, by: reason === 'ended' ? 'agent' : 'customer' });
    changed();
  }

  function customerEnd(conversation: Conversation): void {
    if (conversation.phase === 'ended') return;
    end(conversation, conversation.assistant.recap(), 'customer-ended');
  }

  function customerMessage(conversation: Conversation, customerText: string): void {
    conversation.assistant.observe(customerText);
    tx().touch(conversation);
    const owner = conversation.owner;
    if (owner?.kind === 'simulated') simulatedAnswer(conversation, owner, customerText);
  }

  function customerTyping(conversation: Conversation, active: boolean): void {
    if (conversation.phase !== 'agent') return;
    toOwner(conversation.owner, { type: 'customer-typing', conversationId: conversation.id, active });
  }

  function rating(conversation: Conversation, score: number): void {
    if (conversation.phase !== 'ended') return;
    if (conversation.rating === undefined) stats.ratings += 1;
    else stats.ratingTotal -= conversation.rating;
    conversation.rating = score;
    tx().touch(conversation);
    stats.ratingTotal += score;
    log({ msg: 'rated', conversation: conversation.id, score });
  }

  // ---- timers -----------------------------------------------------------------------------

  function timerDue(conversationId: string, timerId: string): void {
    const conversation = find(conversationId);
    if (!conversation) return;
    const at = conversation.timers.findIndex((t) => t.id === timerId);
    // Already run (by another instance) or cancelled.
    if (at < 0) return;
    const [timer] = conversation.timers.splice(at, 1) as [PendingTimer];
    tx().touch(conversation);
    const { action } = timer;
    switch (action.kind) {
      case 'assistant-reply': {
        const name = ASSISTANT_NAME[conversation.lang];
        broadcast(conversation, { type: 'typing', from: 'assistant', name, active: false });
        if (action.queue) requestAgent(conversation, action.said);
        else say(conversation, 'assistant', name, action.said);
        return;
      }
      case 'simulated-take':
        conversation.simTimer = undefined;
        simulatedTake(conversation);
        return;
      case 'simulated-turn':
        broadcast(conversation, { type: 'typing', from: 'agent', name: action.owner.name, active: false });
        if (sameOwner(conversation.owner, action.owner)) simulatedAct(conversation, action.owner, action.act);
        return;
    }
  }

  // ---- the simulated agent --------------------------------------------------------------

  function sameOwner(a: Owner | undefined, b: Owner): boolean {
    return (
      a !== undefined &&
      a.kind === b.kind &&
      a.name === b.name &&
      a.team === b.team &&
      a.agentId === b.agentId &&
      a.ref === b.ref
    );
  }

  /** After the delay, the simulated agent of the team takes the conversation if no person can. */
  function scheduleSimulated(conversation: Conversation): void {
    if (!center().simulate || conversation.simTimer !== undefined || conversation.phase !== 'queued') return;
    conversation.simTimer = later(conversation, simDelay, { kind: 'simulated-take' });
  }

  function simulatedTake(conversation: Conversation): void {
    if (!center().simulate || conversation.phase !== 'queued' || people(conversation.team) > 0) return;
    const team = conversation.team;
    const owner: Owner = {
      kind: 'simulated',
      name: text.SIMULATED_AGENT_NAME[team],
      team,
      ref: randomUUID(),
    };
    accept(owner, conversation);
    const task = conversation.assistant.lastTask();
    const topic = task === null ? undefined : TOPIC[task][conversation.lang];
    simulatedTurn(conversation, owner, {
      kind: 'say',
      text: text.simGreeting(conversation.lang, owner.name, team, topic),
    });
  }

  /** The simulated agent types for a moment, then (if it still holds the chat) acts. */
  function simulatedTurn(conversation: Conversation, owner: Owner, act: SimulatedAct): void {
    broadcast(conversation, { type: 'typing', from: 'agent', name: owner.name, active: true });
    later(conversation, replyDelay, { kind: 'simulated-turn', owner, act });
  }

  function simulatedAct(conversation: Conversation, owner: Owner, act: SimulatedAct): void {
    say(conversation, 'agent', owner.name, { text: act.text });
    if (act.kind === 'goodbye') end(conversation, conversation.assistant.recap(), 'ended');
    else if (act.kind === 'transfer') transfer(conversation, act.team);
  }

  function simulatedAnswer(conversation: Conversation, owner: Owner, customerText: string): void {
    const { lang } = conversation;
    if (isFarewell(customerText)) {
      simulatedTurn(conversation, owner, { kind: 'goodbye', text: text.simGoodbye(lang) });
      return;
    }
    const task = detectTask(customerText)?.intent;
    const specialty = task === undefined ? undefined : SPECIALTY[task];
    if (owner.team === 'general' && specialty !== undefined) {
      simulatedTurn(conversation, owner, {
        kind: 'transfer',
        text: text.simTransferring(lang, specialty),
        team: specialty,
      });
      return;
    }
    simulatedTurn(conversation, owner, {
      kind: 'say',
      text: text.simAnswer(lang, conversation.assistant.nextSteps(task)),
    });
  }

  function scheduleAllSimulated(): void {
    for (const team of TEAMS) {
      for (const id of queueOf(team)) {
        const c = find(id);
        if (c) scheduleSimulated(c);
      }
    }
  }

  function setSimulate(enabled: boolean): void {
    center().simulate = enabled;
    log({ msg: 'simulated agent', enabled });
    if (enabled) scheduleAllSimulated();
    changed();
  }

  // ---- the consoles ---------------------------------------------------------------------

  /** A frame to a console of this instance, now (outside a transaction). */
  function sendNow(agent: AgentSession, frame: AgentServerFrame): void {
    agent.send(frame);
  }

  /** A frame to a console, in order with the transaction's other frames. */
  function emitTo(agent: AgentSession, frame: AgentServerFrame): void {
    tx().emit({ to: 'agent', agentId: agent.id, frame });
  }

  function errorFrame(
    code: ErrorCode,
    message: string,
    id?: string,
    conversationId?: string,
  ): AgentServerFrame {
    stats.errors += 1;
    const frame: AgentServerFrame = { type: 'error', code, message };
    if (id !== undefined) frame.id = id;
    if (conversationId !== undefined) frame.conversationId = conversationId;
    return frame;
  }

  function fail(
    agent: AgentSession,
    code: ErrorCode,
    message: string,
    id?: string,
    conversationId?: string,
  ): void {
    emitTo(agent, errorFrame(code, message, id, conversationId));
  }

  /** The conversation `id` if this agent holds it; otherwise an error, and undefined. */
  function held(agent: AgentSession, id: string, frameId?: string): Conversation | undefined {
    const conversation = find(id);
    if (!conversation) {
      fail(agent, 'not-found', 'No such conversation.', frameId, id);
      return undefined;
    }
    if (conversation.owner?.agentId !== agent.id) {
      fail(agent, 'forbidden', 'This conversation is not yours.', frameId, id);
      return undefined;
    }
    return conversation;
  }

  function hello(agent: AgentSession, frame: AgentHello): void {
    if (majorVersion(frame.v) !== majorVersion(PROTOCOL_VERSION)) {
      fail(
        agent,
        'unsupported-version',
        `Protocol ${frame.v} is not supported; this server speaks ${PROTOCOL_VERSION}.`,
      );
      tx().after(() => agent.ws.close(4000, 'unsupported-version'));
      return;
    }
    if (deps.agentSecret !== undefined && !secretMatches(deps.agentSecret, frame.secret)) {
      fail(
        agent,
        'auth-failed',
        frame.secret === undefined
          ? 'This server needs the agent console secret.'
          : 'The agent console secret was refused.',
      );
      tx().after(() => agent.ws.close(4003, 'auth-failed'));
      agent.link.authFailed();
      log({ msg: 'agent auth refused', secret: frame.secret === undefined ? 'missing' : 'wrong' });
      return;
    }
    agent.link.signedIn();
    clearTimeout(agent.helloTimer);
    if (agent.ws.readyState !== agent.ws.OPEN) return;
    agent.ready = true;
    center().agents[agent.id] = {
      id: agent.id,
      name: frame.name,
      team: frame.team,
      instance: tx().instance,
      conversations: [],
    };
    emitTo(agent, { type: 'agent-welcome', v: PROTOCOL_VERSION, agentId: agent.id });
    log({ msg: 'agent signed in', agent: agent.id, team: frame.team });
    changed();
  }

  function acceptFrame(agent: AgentSession, info: AgentInfo, id: string): void {
    const conversation = find(id);
    if (conversation?.phase === 'agent' && conversation.owner?.agentId === agent.id) {
      // Accepted twice: nothing changes.
      return;
    }
    if (conversation?.phase === 'agent') {
      fail(agent, 'taken', 'Another agent has this conversation.', undefined, id);
      return;
    }
    if (conversation?.phase !== 'queued') {
      fail(agent, 'not-found', 'This conversation is not waiting.', undefined, id);
      return;
    }
    if (!canTake(info.team, conversation.team)) {
      fail(
        agent,
        'forbidden',
        `Only the ${conversation.team} team or a supervisor can take this conversation.`,
        undefined,
        id,
      );
      return;
    }
    accept({ kind: 'person', name: info.name, team: info.team, agentId: agent.id }, conversation);
  }

  /**
   * One raw console frame (`null`: a binary frame). Every frame takes from the budget, then is
   * checked, then runs in a transaction; never throws.
   */
  function receiveAgent(agent: AgentSession, raw: string | null): void {
    if (agent.ws.readyState !== agent.ws.OPEN) return;
    const read = raw === null ? { error: 'Binary frames are not supported.' } : readFrame(raw);
    const budget = agent.link.budget.take();
    if (budget !== 'ok') {
      const id = 'data' in read && read.data.type === 'say' ? messageIdOf(read.data) : undefined;
      sendNow(agent, errorFrame('rate-limited', 'Too many frames; slow down.', id));
      if (budget === 'flood') {
        deps.flooded('agent');
        closeWebSocket(agent.ws, 1008, 'rate limit exceeded', true);
      }
      return;
    }
    if ('error' in read) {
      sendNow(agent, errorFrame('bad-frame', read.error));
      return;
    }
    const checked = checkAgentFrame(read.data);
    if (!checked.ok) {
      sendNow(agent, errorFrame('bad-frame', checked.error, checked.id));
      return;
    }
    if (checked.frame.type === 'ping') {
      sendNow(agent, { type: 'pong' });
      return;
    }
    const frame = checked.frame;
    store
      .run(() => {
        try {
          dispatchAgent(agent, frame);
        } catch (error) {
          deps.internalError(`agent ${frame.type}`, error);
          emitTo(agent, { type: 'error', code: 'internal', message: INTERNAL_ERROR_TEXT });
        }
      })
      .catch((error: unknown) => {
        // The store failed (Redis unreachable): the console reconnects and tries again.
        deps.internalError(`agent ${frame.type} (store)`, error);
        closeWebSocket(agent.ws, 1011, 'try again');
      });
  }

  function dispatchAgent(agent: AgentSession, frame: CheckedAgentFrame): void {
    if (frame.type === 'ping') {
      emitTo(agent, { type: 'pong' });
      return;
    }
    if (frame.type === 'agent-hello') {
      if (!agent.ready) hello(agent, frame);
      return;
    }
    const info = center().agents[agent.id];
    if (!agent.ready || !info) {
      fail(agent, 'not-ready', 'Send agent-hello first.', frame.type === 'say' ? frame.id : undefined);
      return;
    }
    switch (frame.type) {
      case 'accept':
        acceptFrame(agent, info, frame.conversationId);
        return;
      case 'say': {
        const conversation = held(agent, frame.conversationId, frame.id);
        if (!conversation) return;
        const known = conversation.agentSeen.get(frame.id);
        if (known !== undefined) {
          emitTo(agent, { type: 'ack', id: frame.id, seq: known });
          return;
        }
        if (frame.text.length > MAX_AGENT_TEXT) {
          fail(agent, 'too-long', `Messages are limited to ${MAX_AGENT_TEXT} characters.`, frame.id);
          return;
        }
        if (frame.text.trim() === '') {
          fail(agent, 'bad-frame', 'The message is empty.', frame.id);
          return;
        }
        const event = say(conversation, 'agent', info.name, { text: frame.text });
        conversation.agentSeen.set(frame.id, event.seq);
        emitTo(agent, { type: 'ack', id: frame.id, seq: event.seq });
        return;
      }
      case 'typing': {
        const conversation = held(agent, frame.conversationId);
        if (!conversation) return;
        broadcast(conversation, { type: 'typing', from: 'agent', name: info.name, active: frame.active });
        return;
      }
      case 'transfer': {
        const conversation = held(agent, frame.conversationId);
        if (conversation) transfer(conversation, frame.team);
        return;
      }
      case 'end': {
        const conversation = held(agent, frame.conversationId);
        if (!conversation) return;
        if (frame.summary.length > MAX_AGENT_TEXT) {
          fail(
            agent,
            'too-long',
            `Summaries are limited to ${MAX_AGENT_TEXT} characters.`,
            undefined,
            conversation.id,
          );
          return;
        }
        const summary = frame.summary.trim();
        end(conversation, summary === '' ? conversation.assistant.recap() : summary, 'ended');
        return;
      }
      case 'simulate':
        setSimulate(frame.enabled);
        return;
    }
  }

  /** A person is gone (their console closed, or their instance died): their conversations go back in line. */
  function signOut(agentId: string): void {
    const info = center().agents[agentId];
    if (!info) return;
    Reflect.deleteProperty(center().agents, agentId);
    log({ msg: 'agent signed out', agent: agentId, team: info.team });
    // Last first, so that the first one taken ends up first in line.
    for (const id of [...info.conversations].reverse()) {
      const conversation = find(id);
      if (conversation?.owner?.agentId !== agentId) continue;
      release(conversation);
      notify(
        conversation,
        { code: 'agent-left', agent: info.name },
        text.agentLeft(conversation.lang, info.name),
      );
      enqueue(conversation, conversation.team, true);
    }
    // Nobody of a team may be left: the simulated agent looks again.
    scheduleAllSimulated();
    changed();
  }

  function signOutAgentsOf(instances: ReadonlySet<string>): void {
    for (const agent of signedIn()) if (instances.has(agent.instance)) signOut(agent.id);
  }

  function orphans(): AgentInfo[] {
    return signedIn().filter((a) => a.instance === store.instance && !sessions.get(a.id)?.ready);
  }

  function disconnected(agent: AgentSession): void {
    sessions.delete(agent.id);
    if (!agent.ready || closing) return;
    agent.ready = false;
    store
      .run(() => signOut(agent.id))
      .catch((error: unknown) => deps.internalError('agent sign-out (store)', error));
  }

  function connectAgent(ws: WebSocket, link: AgentLink): void {
    const agent: AgentSession = {
      id: randomUUID(),
      ready: false,
      link,
      ws,
      helloTimer: undefined,
      send(frame: AgentServerFrame): void {
        // A console that does not read what it is sent is dropped (1013), not buffered for.
        sendBounded(ws, JSON.stringify(frame), deps.backpressure, 'agent');
      },
    };
    sessions.set(agent.id, agent);
    agent.helloTimer = setTimeout(() => {
      if (agent.ready || ws.readyState !== ws.OPEN) return;
      stats.helloTimeouts += 1;
      log({ msg: 'hello timeout', transport: 'agent' });
      closeWebSocket(ws, 4008, 'hello timeout', true);
    }, deps.helloTimeoutMs);
    agent.helloTimer.unref();
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        receiveAgent(agent, null);
        return;
      }
      const raw = Array.isArray(data)
        ? Buffer.concat(data).toString('utf8')
        : data instanceof ArrayBuffer
          ? Buffer.from(data).toString('utf8')
          : data.toString('utf8');
      receiveAgent(agent, raw);
    });
    ws.on('close', () => {
      clearTimeout(agent.helloTimer);
      disconnected(agent);
    });
  }

  function deliver(agentId: string | undefined, frame: AgentServerFrame): void {
    if (agentId === undefined) {
      for (const agent of sessions.values()) if (agent.ready) agent.send(frame);
      return;
    }
    sessions.get(agentId)?.send(frame);
  }

  return {
    answerLater,
    leave,
    customerEnd,
    customerMessage,
    customerTyping,
    rating,
    queueFrame,
    timerDue,
    signOutAgentsOf,
    signOutOrphans() {
      if (!closing) for (const agent of orphans()) signOut(agent.id);
    },
    get hasOrphans() {
      return !closing && orphans().length > 0;
    },
    connectAgent,
    deliver,
    get simulate() {
      return center().simulate;
    },
    close(code?: number, reason?: string) {
      closing = true;
      for (const agent of sessions.values()) {
        if (code === undefined) agent.ws.terminate();
        else closeWebSocket(agent.ws, code, reason ?? '');
      }
    },
  };
}

/** What goes into a message event: text, quick replies and the urgent flag, never the assistant's bookkeeping. */
export function said(reply: AssistantReply): Said {
  const out: Said = { text: reply.text };
  if (reply.quickReplies) out.quickReplies = [...reply.quickReplies];
  if (reply.action === 'urgent-phone') out.urgent = true;
  return out;
}
