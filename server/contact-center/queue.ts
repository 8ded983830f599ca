/**
 * The queues for a person, one per team: who waits where, each customer's position and wait
 * estimate, the board every console sees, and the deadline after which the simulated agent of
 * the team takes a waiting conversation no person can.
 */
import type { BoardFrame, WaitingConversation } from '../../src/agent-protocol.js';
import { TEAMS } from '../../src/protocol.js';
import type { QueueFrame, Team } from '../../src/protocol.js';
import { broadcast, cancel, later } from '../conversation.js';
import type { AgentInfo, Conversation } from '../model.js';
import { tx } from '../transaction.js';
import type { CenterContext } from './types.js';

/** Whether an agent of `agentTeam` may take a conversation waiting for `team`. */
export function canTake(agentTeam: Team, team: Team): boolean {
  return team === 'general' || team === agentTeam || agentTeam === 'supervisor';
}

export type Queue = ReturnType<typeof createQueue>;

/** The queue operations over the center's state; every one runs inside a transaction. */
export function createQueue(ctx: CenterContext) {
  const { center, find, stats, log } = ctx;
  const handleSeconds = ctx.deps.options.handleSeconds ?? 120;
  const simDelay = ctx.deps.options.simulatedAgentDelay ?? 4000;

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

  /** After the delay, the simulated agent of the team takes the conversation if no person can. */
  function scheduleSimulated(conversation: Conversation): void {
    if (!center().simulate || conversation.simTimer !== undefined || conversation.phase !== 'queued') return;
    conversation.simTimer = later(conversation, simDelay, { kind: 'simulated-take' });
  }

  function scheduleAllSimulated(): void {
    for (const team of TEAMS) {
      for (const id of queueOf(team)) {
        const c = find(id);
        if (c) scheduleSimulated(c);
      }
    }
  }

  return {
    queueOf,
    waitingCount,
    signedIn,
    people,
    queueFrame,
    changed,
    enqueue,
    dequeue,
    scheduleSimulated,
    scheduleAllSimulated,
  };
}
