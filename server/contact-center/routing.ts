/**
 * Who may take a waiting conversation, and where a request for a person goes.
 *
 * - Team: everyone takes the `general` queue; a person takes the queues of their teams
 *   (`agent-hello.team` and `teams`); a supervisor takes every queue.
 * - Language: a conversation is offered first only to people who speak its language (or who
 *   declared none). When nobody who speaks it has taken it after the language wait
 *   (`ContactCenterOptions.languageWaitMs`, default `LANGUAGE_WAIT_MS`), the customer is told and
 *   anyone of the team may take it (`Conversation.anyLanguage`).
 * - Topic: what the customer asked a person about (the task their request named, else the last
 *   task they discussed) picks the specialty team when someone can take it, and goes to the
 *   agent's board and summary.
 */
import type { Team } from '../../src/protocol.js';
import { TOPIC, detectTask } from '../assistant/index.js';
import type { TaskIntent } from '../assistant/index.js';
import type { AgentInfo, Conversation } from '../model.js';

/**
 * How long a conversation waits for an agent who speaks its language before any agent may take
 * it, in ms: long enough for a free agent of the language to see and take it, short enough
 * that a customer is not left waiting for one who is not there.
 */
export const LANGUAGE_WAIT_MS = 60_000;

/** The team whose specialty a task is (the hand-off and the simulated general agent send these there). */
export const SPECIALTY: Partial<Record<TaskIntent, Team>> = {
  dispute: 'disputes',
  'credit-limit': 'credit',
  // A credit-limit review the assistant filed (server/assistant/requests.ts).
  'limit-review': 'credit',
  rewards: 'rewards',
  'pay-with-points': 'rewards',
  travel: 'travel',
};

/** A conversation's language, as agents read it in errors. */
export function languageName(lang: string): string {
  return lang === 'es' ? 'Spanish' : lang === 'en' ? 'English' : lang;
}

/** Every team a person takes: their own first, then the others they declared. */
export function teamsOf(agent: AgentInfo): Team[] {
  return [agent.team, ...(agent.teams ?? []).filter((t) => t !== agent.team)];
}

/** Whether a person takes the queue of `team`. */
export function takesTeam(agent: AgentInfo, team: Team): boolean {
  const teams = teamsOf(agent);
  return team === 'general' || teams.includes(team) || teams.includes('supervisor');
}

/** Whether a person chats in `lang` (one who declared no language takes every one). */
export function speaks(agent: AgentInfo, lang: string): boolean {
  return agent.languages === undefined || (agent.languages as readonly string[]).includes(lang);
}

/** Whether a person may take the waiting conversation now. */
export function canTake(agent: AgentInfo, conversation: Conversation): boolean {
  return (
    takesTeam(agent, conversation.team) && (conversation.anyLanguage || speaks(agent, conversation.lang))
  );
}

/**
 * The team a person taking a conversation of `team` answers for: that team when it is one of
 * theirs, else their own (a disputes agent taking the general queue is still of disputes).
 */
export function answeringTeam(agent: AgentInfo, team: Team): Team {
  return teamsOf(agent).includes(team) ? team : agent.team;
}

/** Customer messages read back for the topic: enough for a request and the question before it. */
const TOPIC_LOOKBACK = 10;

/**
 * What the customer wants a person for: the task named in their latest messages (since the last
 * case ended), else the last task they discussed with the assistant. Customer text on the server
 * is already redacted; only the task's name is kept.
 */
export function requestedTopic(conversation: Conversation): TaskIntent | undefined {
  let read = 0;
  for (let i = conversation.events.length - 1; i >= 0 && read < TOPIC_LOOKBACK; i -= 1) {
    const event = conversation.events[i];
    if (!event) continue;
    if (event.kind === 'notice' && event.notice?.code === 'ended') break;
    if (event.kind !== 'message' || event.from !== 'customer') continue;
    read += 1;
    const task = detectTask(event.text)?.intent;
    if (task !== undefined) return task;
  }
  return conversation.assistant.lastTask() ?? undefined;
}

/**
 * The topic as agents read it: English, about the customer ("their credit limit"), from the
 * customer's own wording (TOPIC: "your credit limit").
 */
export function topicLine(topic: TaskIntent): string {
  return TOPIC[topic].en.replace(/\byour\b/g, 'their').replace(/\byou\b/g, 'they');
}

/**
 * The queue a request for a person goes to: the topic's specialty team when someone can take it
 * (a person of that team, or the simulated agent), else `general`.
 */
export function handOffTeam(topic: TaskIntent | undefined, available: (team: Team) => boolean): Team {
  const team = topic === undefined ? undefined : SPECIALTY[topic];
  return team !== undefined && available(team) ? team : 'general';
}

/**
 * The summary for the agent (board and assignment, English): the topic the customer asked a
 * person about, then what the assistant's record holds (only when it holds something).
 */
export function agentSummary(conversation: Conversation): string {
  const { assistant, topic } = conversation;
  if (topic === undefined) return assistant.summary();
  const asked = `Asked for an agent about ${topicLine(topic)}.`;
  return assistant.record().length > 0 ? `${asked} ${assistant.summary()}` : asked;
}
