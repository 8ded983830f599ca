/**
 * The simulated agent: when no person of a team is signed in, it takes the conversations of
 * that team's queue, greets, answers from the assistant's next steps, hands specialties over to
 * their team (from general), and ends the chat when the customer says goodbye. It types for
 * the assistant's reply delay before every turn, and acts only if it still holds the chat.
 */
import { randomUUID } from 'node:crypto';
import { TOPIC, detectTask, isFarewell } from '../assistant/index.js';
import { broadcast, later, say } from '../conversation.js';
import type { Conversation, Owner, SimulatedAct } from '../model.js';
import * as text from '../notices.js';
import type { Lifecycle } from './lifecycle.js';
import type { Queue } from './queue.js';
import { SPECIALTY } from './routing.js';
import type { CenterContext } from './types.js';

/** Whether `a` is still `b`: the same person, or the same turn of a team's simulated agent. */
export function sameOwner(a: Owner | undefined, b: Owner): boolean {
  return (
    a !== undefined &&
    a.kind === b.kind &&
    a.name === b.name &&
    a.team === b.team &&
    a.agentId === b.agentId &&
    a.ref === b.ref
  );
}

export type SimulatedAgent = ReturnType<typeof createSimulatedAgent>;

/** The simulated agent's turns; every one runs inside a transaction. */
export function createSimulatedAgent(ctx: CenterContext, queue: Queue, lifecycle: Lifecycle) {
  const { center, log, replyDelay } = ctx;
  const { changed, people, scheduleAllSimulated } = queue;
  const { accept, end, transfer } = lifecycle;

  function simulatedTake(conversation: Conversation): void {
    if (!center().simulate || conversation.phase !== 'queued' || people(conversation) > 0) return;
    const team = conversation.team;
    const owner: Owner = {
      kind: 'simulated',
      name: text.SIMULATED_AGENT_NAME[team],
      team,
      ref: randomUUID(),
    };
    accept(owner, conversation);
    // What they asked a person about, else the last task they discussed.
    const task = conversation.topic ?? conversation.assistant.lastTask();
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
      // The specialty is now what they want a person for: the next team's board and greeting say it.
      conversation.topic = task;
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

  function setSimulate(enabled: boolean): void {
    center().simulate = enabled;
    log({ msg: 'simulated agent', enabled });
    if (enabled) scheduleAllSimulated();
    changed();
  }

  return { simulatedTake, simulatedAct, simulatedAnswer, setSimulate };
}
