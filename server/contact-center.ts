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
 */
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { MAX_AGENT_TEXT } from '../src/agent-protocol.js';
import type { AgentServerFrame, BoardFrame, WaitingConversation } from '../src/agent-protocol.js';
import { PROTOCOL_VERSION, TEAMS, majorVersion } from '../src/protocol.js';
import type { ErrorCode, QueueFrame, Team } from '../src/protocol.js';
import { ASSISTANT_NAME, TOPIC, detectTask, isFarewell } from './assistant/index.js';
import type { TaskIntent } from './assistant/index.js';
import { caseNumbers } from './case-number.js';
import { closeWebSocket, sendBounded } from './connections.js';
import type { Backpressure, Connection } from './connections.js';
import { INTERNAL_ERROR_TEXT } from './errors.js';
import type { FrameBudget } from './limits.js';
import { secretMatches } from './secret.js';
import { checkAgentFrame, messageIdOf, readFrame } from './validate.js';
import type { AgentHello, CheckedAgentFrame } from './validate.js';
import { broadcast, later, notify, say } from './conversation.js';
import type { Conversation, Owner, Said } from './conversation.js';
import * as text from './notices.js';

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
  conversations: ReadonlyMap<string, Conversation>;
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
  /** It gave a wrong or missing secret (counts towards its address's lockout). */
  authFailed: () => void;
}

export interface ContactCenter {
  /**
   * The assistant answered a request for a person with `reply` (after its typing delay): say
   * it and queue the customer; or say they are already in line, or that the line is full.
   */
  requestAgent(conversation: Conversation, reply: Said): void;
  /** The customer leaves the queue (a `leave-queue` frame or a message saying so). */
  leave(conversation: Conversation): void;
  /** The customer ends the conversation (an `end` frame). */
  customerEnd(conversation: Conversation): void;
  /** A customer message reached the person (or simulated agent) holding the conversation. */
  customerMessage(conversation: Conversation, customerText: string): void;
  customerTyping(conversation: Conversation, active: boolean): void;
  rating(conversation: Conversation, score: number): void;
  /** A customer connection was welcomed into this conversation (new or resumed). */
  welcomed(conversation: Conversation, connection: Connection): void;
  /** A new console WebSocket at `/agent`. */
  connectAgent(ws: WebSocket, link: AgentLink): void;
  readonly simulate: boolean;
  close(): void;
}

/** The team whose specialty a task is (the simulated general agent transfers these). */
const SPECIALTY: Partial<Record<TaskIntent, Team>> = {
  dispute: 'disputes',
  'credit-limit': 'credit',
  rewards: 'rewards',
  'pay-with-points': 'rewards',
  travel: 'travel',
};

/** A person at a console. */
interface AgentSession extends Owner {
  readonly kind: 'person';
  readonly id: string;
  name: string;
  team: Team;
  ready: boolean;
  readonly conversations: Set<Conversation>;
  readonly link: AgentLink;
  readonly ws: WebSocket;
  helloTimer: ReturnType<typeof setTimeout> | undefined;
}

/** Whether an agent of `agentTeam` may take a conversation waiting for `team`. */
function canTake(agentTeam: Team, team: Team): boolean {
  return team === 'general' || team === agentTeam || agentTeam === 'supervisor';
}

export function createContactCenter(deps: ContactCenterDeps): ContactCenter {
  const { conversations, stats, log, replyDelay } = deps;
  const maxQueue = deps.options.maxQueue ?? 20;
  const handleSeconds = deps.options.handleSeconds ?? 120;
  // (At least 10 ms: a zero would spin.)
  const queueUpdateMs = Math.max(10, deps.options.queueUpdateMs ?? 15_000);
  const simDelay = deps.options.simulatedAgentDelay ?? 4000;
  let simulate = deps.options.simulatedAgent ?? true;
  const nextCaseNumber = caseNumbers();
  const queues = new Map<Team, Conversation[]>(TEAMS.map((t) => [t, []]));
  const agents = new Set<AgentSession>();
  let closing = false;

  const refresh = setInterval(() => {
    for (const list of queues.values()) {
      for (const conversation of list) broadcast(conversation, queueFrame(conversation));
    }
  }, queueUpdateMs);

  // ---- the queue ------------------------------------------------------------------------

  function queueOf(team: Team): Conversation[] {
    let list = queues.get(team);
    if (!list) {
      list = [];
      queues.set(team, list);
    }
    return list;
  }

  function waitingCount(): number {
    let n = 0;
    for (const list of queues.values()) n += list.length;
    return n;
  }

  /** People signed in who can take a conversation of `team`. */
  function people(team: Team): number {
    let n = 0;
    for (const agent of agents) if (agent.ready && canTake(agent.team, team)) n += 1;
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
    for (const list of queues.values()) {
      list.forEach((conversation, i) => {
        if (conversation.position === i + 1) return;
        conversation.position = i + 1;
        conversation.positionSince = now;
        broadcast(conversation, queueFrame(conversation));
      });
    }
    const frame = board();
    for (const agent of agents) if (agent.ready) agent.send(frame);
  }

  function enqueue(conversation: Conversation, team: Team, front: boolean, from?: Team): void {
    conversation.phase = 'queued';
    conversation.team = team;
    conversation.owner = undefined;
    conversation.since = Date.now();
    conversation.position = 0;
    conversation.transferredFrom = from;
    const list = queueOf(team);
    if (front) list.unshift(conversation);
    else list.push(conversation);
    stats.queued += 1;
    log({ msg: 'queued', conversation: conversation.id, team, front });
    scheduleSimulated(conversation);
  }

  function dequeue(conversation: Conversation): void {
    const list = queueOf(conversation.team);
    const at = list.indexOf(conversation);
    if (at >= 0) list.splice(at, 1);
    conversation.position = 0;
    if (conversation.simTimer) {
      clearTimeout(conversation.simTimer);
      conversation.timers.delete(conversation.simTimer);
      conversation.simTimer = undefined;
    }
  }

  function board(): BoardFrame {
    const waiting: WaitingConversation[] = [];
    for (const team of TEAMS) {
      queueOf(team).forEach((conversation, i) => {
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
    const signedIn = [...agents]
      .filter((a) => a.ready)
      .map((a) => ({ name: a.name, team: a.team, conversations: a.conversations.size }));
    return { type: 'board', waiting, agents: signedIn, simulate };
  }

  // ---- what happens to a conversation -----------------------------------------------------

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
    if (owner.kind === 'person') {
      (owner as AgentSession).conversations.add(conversation);
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
      owner.send(assigned);
    }
    changed();
  }

  /** The owner lets go of the conversation (transfer, end, disconnect). */
  function release(conversation: Conversation): Owner | undefined {
    const owner = conversation.owner;
    conversation.owner = undefined;
    if (owner?.kind === 'person') (owner as AgentSession).conversations.delete(conversation);
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
    release(conversation);
    owner.send({ type: 'released', conversationId: conversation.id, reason: 'transferred' });
    stats.transfers += 1;
    log({ msg: 'transferred', conversation: conversation.id, from: owner.team, to: team });
    enqueue(conversation, team, true, owner.team);
    changed();
  }

  function end(conversation: Conversation, summary: string, reason: 'ended' | 'customer-ended'): void {
    const wasQueued = conversation.phase === 'queued';
    if (wasQueued) dequeue(conversation);
    const caseNumber = nextCaseNumber();
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
    owner?.send({ type: 'released', conversationId: conversation.id, reason, caseNumber });
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
    const owner = conversation.owner;
    if (owner?.kind === 'simulated') simulatedAnswer(conversation, owner, customerText);
  }

  function customerTyping(conversation: Conversation, active: boolean): void {
    if (conversation.phase !== 'agent') return;
    conversation.owner?.send({ type: 'customer-typing', conversationId: conversation.id, active });
  }

  function rating(conversation: Conversation, score: number): void {
    if (conversation.phase !== 'ended') return;
    if (conversation.rating === undefined) stats.ratings += 1;
    else stats.ratingTotal -= conversation.rating;
    conversation.rating = score;
    stats.ratingTotal += score;
    log({ msg: 'rated', conversation: conversation.id, score });
  }

  function welcomed(conversation: Conversation, connection: Connection): void {
    if (conversation.phase === 'queued') connection.send(queueFrame(conversation));
  }

  // ---- the simulated agent --------------------------------------------------------------

  /** After the delay, the simulated agent of the team takes the conversation if no person can. */
  function scheduleSimulated(conversation: Conversation): void {
    if (!simulate || conversation.simTimer || conversation.phase !== 'queued') return;
    conversation.simTimer = later(conversation, simDelay, () => {
      conversation.simTimer = undefined;
      if (!simulate || conversation.phase !== 'queued' || people(conversation.team) > 0) return;
      const team = conversation.team;
      const owner: Owner = {
        kind: 'simulated',
        name: text.SIMULATED_AGENT_NAME[team],
        team,
        send: () => undefined,
      };
      accept(owner, conversation);
      const task = conversation.assistant.lastTask();
      const topic = task === null ? undefined : TOPIC[task][conversation.lang];
      simulatedSay(conversation, owner, text.simGreeting(conversation.lang, owner.name, team, topic));
    });
  }

  /** The simulated agent types for a moment, then (if it still holds the chat) acts. */
  function simulatedTurn(conversation: Conversation, owner: Owner, act: () => void): void {
    const typing = (active: boolean): void =>
      broadcast(conversation, { type: 'typing', from: 'agent', name: owner.name, active });
    typing(true);
    later(conversation, replyDelay, () => {
      typing(false);
      if (conversation.owner === owner) act();
    });
  }

  function simulatedSay(conversation: Conversation, owner: Owner, line: string): void {
    simulatedTurn(conversation, owner, () => say(conversation, 'agent', owner.name, { text: line }));
  }

  function simulatedAnswer(conversation: Conversation, owner: Owner, customerText: string): void {
    const { lang } = conversation;
    if (isFarewell(customerText)) {
      simulatedTurn(conversation, owner, () => {
        say(conversation, 'agent', owner.name, { text: text.simGoodbye(lang) });
        end(conversation, conversation.assistant.recap(), 'ended');
      });
      return;
    }
    const task = detectTask(customerText)?.intent;
    const specialty = task === undefined ? undefined : SPECIALTY[task];
    if (owner.team === 'general' && specialty !== undefined) {
      simulatedTurn(conversation, owner, () => {
        say(conversation, 'agent', owner.name, { text: text.simTransferring(lang, specialty) });
        transfer(conversation, specialty);
      });
      return;
    }
    simulatedSay(conversation, owner, text.simAnswer(lang, conversation.assistant.nextSteps(task)));
  }

  function setSimulate(enabled: boolean): void {
    simulate = enabled;
    log({ msg: 'simulated agent', enabled });
    if (enabled) for (const list of queues.values()) for (const c of list) scheduleSimulated(c);
    changed();
  }

  // ---- the consoles ---------------------------------------------------------------------

  function fail(
    agent: AgentSession,
    code: ErrorCode,
    message: string,
    id?: string,
    conversationId?: string,
  ): void {
    stats.errors += 1;
    const frame: AgentServerFrame = { type: 'error', code, message };
    if (id !== undefined) frame.id = id;
    if (conversationId !== undefined) frame.conversationId = conversationId;
    agent.send(frame);
  }

  /** The conversation `id` if this agent holds it; otherwise an error, and undefined. */
  function held(agent: AgentSession, id: string, frameId?: string): Conversation | undefined {
    const conversation = conversations.get(id);
    if (!conversation) {
      fail(agent, 'not-found', 'No such conversation.', frameId, id);
      return undefined;
    }
    if (conversation.owner !== agent) {
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
      agent.ws.close(4000, 'unsupported-version');
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
      agent.ws.close(4003, 'auth-failed');
      agent.link.authFailed();
      log({ msg: 'agent auth refused', secret: frame.secret === undefined ? 'missing' : 'wrong' });
      return;
    }
    clearTimeout(agent.helloTimer);
    agent.name = frame.name;
    agent.team = frame.team;
    agent.ready = true;
    agents.add(agent);
    agent.send({ type: 'agent-welcome', v: PROTOCOL_VERSION, agentId: agent.id });
    log({ msg: 'agent signed in', agent: agent.id, team: agent.team });
    changed();
  }

  function acceptFrame(agent: AgentSession, id: string): void {
    const conversation = conversations.get(id);
    if (conversation?.phase === 'agent' && conversation.owner === agent) {
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
    if (!canTake(agent.team, conversation.team)) {
      fail(
        agent,
        'forbidden',
        `Only the ${conversation.team} team or a supervisor can take this conversation.`,
        undefined,
        id,
      );
      return;
    }
    accept(agent, conversation);
  }

  /**
   * One raw console frame (`null`: a binary frame). Every frame takes from the budget, then is
   * checked; never throws.
   */
  function receiveAgent(agent: AgentSession, raw: string | null): void {
    if (agent.ws.readyState !== agent.ws.OPEN) return;
    const read = raw === null ? { error: 'Binary frames are not supported.' } : readFrame(raw);
    const budget = agent.link.budget.take();
    if (budget !== 'ok') {
      const id = 'data' in read && read.data.type === 'say' ? messageIdOf(read.data) : undefined;
      fail(agent, 'rate-limited', 'Too many frames; slow down.', id);
      if (budget === 'flood') {
        deps.flooded('agent');
        closeWebSocket(agent.ws, 1008, 'rate limit exceeded', true);
      }
      return;
    }
    if ('error' in read) {
      fail(agent, 'bad-frame', read.error);
      return;
    }
    const checked = checkAgentFrame(read.data);
    if (!checked.ok) {
      fail(agent, 'bad-frame', checked.error, checked.id);
      return;
    }
    try {
      dispatchAgent(agent, checked.frame);
    } catch (error) {
      deps.internalError(`agent ${checked.frame.type}`, error);
      agent.send({ type: 'error', code: 'internal', message: INTERNAL_ERROR_TEXT });
    }
  }

  function dispatchAgent(agent: AgentSession, frame: CheckedAgentFrame): void {
    if (frame.type === 'ping') {
      agent.send({ type: 'pong' });
      return;
    }
    if (frame.type === 'agent-hello') {
      if (!agent.ready) hello(agent, frame);
      return;
    }
    if (!agent.ready) {
      fail(agent, 'not-ready', 'Send agent-hello first.', frame.type === 'say' ? frame.id : undefined);
      return;
    }
    switch (frame.type) {
      case 'accept':
        acceptFrame(agent, frame.conversationId);
        return;
      case 'say': {
        const conversation = held(agent, frame.conversationId, frame.id);
        if (!conversation) return;
        const known = conversation.agentSeen.get(frame.id);
        if (known !== undefined) {
          agent.send({ type: 'ack', id: frame.id, seq: known });
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
        const event = say(conversation, 'agent', agent.name, { text: frame.text });
        conversation.agentSeen.set(frame.id, event.seq);
        agent.send({ type: 'ack', id: frame.id, seq: event.seq });
        return;
      }
      case 'typing': {
        const conversation = held(agent, frame.conversationId);
        if (!conversation) return;
        broadcast(conversation, { type: 'typing', from: 'agent', name: agent.name, active: frame.active });
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

  /** A console went away: its conversations go back to the front of their queues. */
  function disconnected(agent: AgentSession): void {
    if (!agents.delete(agent) || closing) return;
    log({ msg: 'agent signed out', agent: agent.id, team: agent.team });
    // Last first, so that the first one taken ends up first in line.
    for (const conversation of [...agent.conversations].reverse()) {
      release(conversation);
      notify(
        conversation,
        { code: 'agent-left', agent: agent.name },
        text.agentLeft(conversation.lang, agent.name),
      );
      enqueue(conversation, conversation.team, true);
    }
    // Nobody of a team may be left: the simulated agent looks again.
    for (const list of queues.values()) for (const c of list) scheduleSimulated(c);
    changed();
  }

  function connectAgent(ws: WebSocket, link: AgentLink): void {
    const agent: AgentSession = {
      kind: 'person',
      id: randomUUID(),
      name: '',
      team: 'general',
      ready: false,
      conversations: new Set(),
      link,
      ws,
      helloTimer: undefined,
      send(frame: AgentServerFrame): void {
        // A console that does not read what it is sent is dropped (1013), not buffered for.
        sendBounded(ws, JSON.stringify(frame), deps.backpressure, 'agent');
      },
    };
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

  return {
    requestAgent,
    leave,
    customerEnd,
    customerMessage,
    customerTyping,
    rating,
    welcomed,
    connectAgent,
    get simulate() {
      return simulate;
    },
    close() {
      closing = true;
      clearInterval(refresh);
      for (const agent of agents) agent.ws.terminate();
    },
  };
}
