/**
 * The queues for a person, one per team: who waits where, each customer's position and wait
 * estimate, the board every console sees, the deadline after which the simulated agent of
 * the team takes a waiting conversation no person can, and the language wait after which any
 * person of the team may (routing.ts).
 */
import type { BoardFrame, WaitingConversation } from '../../src/agent-protocol.js';
import { verifiedBy } from '../verification/index.js';
import { TEAMS, copyAccommodations } from '../../src/protocol.js';
import type { QueueFrame, Team } from '../../src/protocol.js';
import { broadcast, cancel, later, notify } from '../conversation.js';
import type { AgentInfo, Conversation } from '../model.js';
import * as text from '../notices.js';
import { tx } from '../transaction.js';
import { LANGUAGE_WAIT_MS, agentSummary, canTake, speaks, takesTeam, topicLine } from './routing.js';
import type { CenterContext } from './types.js';

export type Queue = ReturnType<typeof createQueue>;

/** The queue operations over the center's state; every one runs inside a transaction. */
export function createQueue(ctx: CenterContext) {
  const { center, find, stats, log } = ctx;
  const handleSeconds = ctx.deps.options.handleSeconds ?? 120;
  const simDelay = ctx.deps.options.simulatedAgentDelay ?? 4000;
  const languageWait = ctx.deps.options.languageWaitMs ?? LANGUAGE_WAIT_MS;

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

  /** People signed in (on any instance) who may take the waiting conversation now. */
  function people(conversation: Conversation): number {
    let n = 0;
    for (const agent of signedIn()) if (canTake(agent, conversation)) n += 1;
    return n;
  }

  /** People signed in who take the queue of `team`, whatever their languages. */
  function takers(team: Team): AgentInfo[] {
    return signedIn().filter((agent) => takesTeam(agent, team));
  }

  function queueFrame(conversation: Conversation): QueueFrame {
    if (conversation.phase !== 'queued') return { type: 'queue', waiting: false };
    const capacity = Math.max(1, people(conversation));
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
    conversation.anyLanguage = false;
    tx().touch(conversation);
    const list = queueOf(team);
    if (front) list.unshift(conversation.id);
    else list.push(conversation.id);
    stats.queued += 1;
    log({ msg: 'queued', conversation: conversation.id, team, front });
    scheduleSimulated(conversation);
    later(conversation, languageWait, { kind: 'any-agent', since: conversation.since });
  }

  /**
   * The language wait is over (`since`: of the wait it was set for): anyone of the team may take
   * the conversation. The customer is told when that changes who may answer: someone who does
   * not speak their language could now, or nobody who does is signed in.
   */
  function languageWaitOver(conversation: Conversation, since: number): void {
    if (conversation.phase !== 'queued' || conversation.since !== since || conversation.anyLanguage) return;
    conversation.anyLanguage = true;
    tx().touch(conversation);
    const team = takers(conversation.team);
    const speakers = team.filter((agent) => speaks(agent, conversation.lang)).length;
    if (speakers === 0 || speakers < team.length) {
      notify(conversation, { code: 'any-agent' }, text.anyAgent(conversation.lang));
    }
    log({ msg: 'offered to any language', conversation: conversation.id, team: conversation.team });
    changed();
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
    for (const timer of conversation.timers.filter((t) => t.action.kind === 'any-agent')) {
      cancel(conversation, timer.id);
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
          summary: agentSummary(conversation),
        };
        if (conversation.account !== undefined) item.account = conversation.account;
        const verified = verifiedBy(conversation);
        if (verified !== undefined) item.verified = verified;
        if (conversation.transferredFrom !== undefined) item.transferredFrom = conversation.transferredFrom;
        if (conversation.topic !== undefined) item.topic = topicLine(conversation.topic);
        if (conversation.anyLanguage) item.anyLanguage = true;
        if (conversation.accommodations) {
          item.accommodations = copyAccommodations(conversation.accommodations);
        }
        waiting.push(item);
      });
    }
    const agents = signedIn().map((a) => ({
      name: a.name,
      team: a.team,
      ...(a.teams?.length ? { teams: [...a.teams] } : {}),
      ...(a.languages === undefined ? {} : { languages: [...a.languages] }),
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
    takers,
    queueFrame,
    changed,
    enqueue,
    dequeue,
    languageWaitOver,
    scheduleSimulated,
    scheduleAllSimulated,
  };
}
