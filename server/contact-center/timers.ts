/**
 * A conversation's pending timers, run when due (on whichever instance gets there first; each
 * runs once): the assistant's answer after its typing pause, the simulated agent taking a
 * waiting conversation, the simulated agent's turn, and the end of the language wait.
 */
import { ASSISTANT_NAME } from '../assistant/index.js';
import { broadcast, say } from '../conversation.js';
import type { PendingTimer } from '../model.js';
import { tx } from '../transaction.js';
import type { Lifecycle } from './lifecycle.js';
import type { Queue } from './queue.js';
import { sameOwner } from './simulated-agent.js';
import type { SimulatedAgent } from './simulated-agent.js';
import type { CenterContext } from './types.js';

/** Runs a due timer; it is looked up by id, so a timer another instance ran is skipped. */
export function createTimers(
  ctx: CenterContext,
  queue: Queue,
  lifecycle: Lifecycle,
  simulated: SimulatedAgent,
) {
  const { find } = ctx;
  const { requestAgent } = lifecycle;
  const { simulatedAct, simulatedTake } = simulated;

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
      case 'any-agent':
        queue.languageWaitOver(conversation, action.since);
        return;
      case 'verify-expire':
        ctx.deps.verifications.expire(conversation, action.id);
        return;
    }
  }

  return { timerDue };
}
