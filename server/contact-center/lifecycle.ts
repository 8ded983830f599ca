/**
 * What happens to a conversation in the contact center: the assistant's delayed answer, a
 * request for a person (queued, or told why not), leaving the queue, a person or the simulated
 * agent joining, transfers, and the end with a case number; the customer's typing and rating.
 */
import type { AgentServerFrame } from '../../src/agent-protocol.js';
import type { Team } from '../../src/protocol.js';
import { ASSISTANT_NAME } from '../assistant/index.js';
import type { AssistantReply } from '../assistant/index.js';
import { caseNumberAt } from '../case-number.js';
import { broadcast, later, notify, say, toOwner } from '../conversation.js';
import { verifiedBy } from '../verification/index.js';
import type { Conversation, Owner, Said } from '../model.js';
import * as text from '../notices.js';
import { tx } from '../transaction.js';
import { copyAccommodations } from '../../src/protocol.js';
import type { Queue } from './queue.js';
import { agentSummary, handOffTeam, requestedTopic, topicLine } from './routing.js';
import type { CenterContext } from './types.js';

export type Lifecycle = ReturnType<typeof createLifecycle>;

/** The lifecycle operations; every one runs inside a transaction and ends by updating the board. */
export function createLifecycle(ctx: CenterContext, queue: Queue) {
  const { center, stats, log, replyDelay } = ctx;
  const { changed, dequeue, enqueue, takers, waitingCount } = queue;
  const maxQueue = ctx.deps.options.maxQueue ?? 20;

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
    // What they asked a person about picks the team (routing.ts) and goes to the agent's board.
    conversation.topic = requestedTopic(conversation);
    const team = handOffTeam(conversation.topic, (t) => center().simulate || takers(t).length > 0);
    notify(conversation, { code: 'queued', team }, text.queued(conversation.lang));
    enqueue(conversation, team, false);
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
    // Before the console's prefill is built, so that the record it comes from includes this agent.
    conversation.assistant.agentPart({ kind: 'agent', name: owner.name, team: owner.team });
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
        summary: agentSummary(conversation),
        recap: conversation.assistant.recap(),
        events: [...conversation.events],
      };
      if (conversation.account !== undefined) assigned.account = conversation.account;
      const verified = verifiedBy(conversation);
      if (verified !== undefined) assigned.verified = verified;
      if (conversation.topic !== undefined) assigned.topic = topicLine(conversation.topic);
      if (conversation.accommodations) {
        assigned.accommodations = copyAccommodations(conversation.accommodations);
      }
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

  /** `note`: the agent's note for the next team, already redacted; it goes into the record. */
  function transfer(conversation: Conversation, team: Team, note?: string): void {
    const owner = conversation.owner;
    if (!owner) return;
    notify(
      conversation,
      { code: 'transferred', team },
      text.transferred(conversation.lang, owner.name, team),
    );
    conversation.assistant.transferred(team, note);
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
    ctx.deps.verifications.conversationEnded(conversation);
    if (reason === 'ended') conversation.assistant.agentPart({ kind: 'agent-summary', summary });
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

  return {
    answerLater,
    requestAgent,
    leave,
    accept,
    release,
    transfer,
    end,
    customerEnd,
    customerTyping,
    rating,
  };
}

/** What goes into a message event: text, quick replies and the urgent flag, never the assistant's bookkeeping. */
export function said(reply: AssistantReply): Said {
  const out: Said = { text: reply.text };
  if (reply.quickReplies) out.quickReplies = [...reply.quickReplies];
  if (reply.action === 'urgent-phone') out.urgent = true;
  return out;
}
