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
 * console frame goes through the shared frame pipeline (server/chat-server/pipeline.ts), and
 * an unexpected exception answers `internal` without details. Logs never contain message text.
 *
 * State lives in the store (server/store.ts): the queues, the people signed in (on any
 * instance) and the case counter in `CenterState`, the rest in each conversation. Every change
 * runs inside `store.run`; frames to consoles go out as effects, delivered by the instance
 * holding the console's socket.
 *
 * This module composes the parts in server/contact-center/, each depending only on those
 * before it: queue → lifecycle → simulated agent → timers → agent commands → consoles.
 */
import type { AssistantReply } from './assistant/index.js';
import type { Conversation } from './model.js';
import { tx } from './transaction.js';
import { createAccommodations } from './contact-center/accommodations.js';
import { createAgentCommands } from './contact-center/agent-commands.js';
import { createConsoles } from './contact-center/consoles.js';
import { createLifecycle } from './contact-center/lifecycle.js';
import { createQueue } from './contact-center/queue.js';
import { createSimulatedAgent } from './contact-center/simulated-agent.js';
import { createTimers } from './contact-center/timers.js';
import type { CenterContext, ContactCenter, ContactCenterDeps } from './contact-center/types.js';

export { said } from './contact-center/lifecycle.js';
export type {
  AgentLink,
  ContactCenter,
  ContactCenterDeps,
  ContactCenterOptions,
  ContactCenterStats,
} from './contact-center/types.js';

export function createContactCenter(deps: ContactCenterDeps): ContactCenter {
  const { store } = deps;
  const ctx: CenterContext = {
    deps,
    store,
    stats: deps.stats,
    log: deps.log,
    replyDelay: deps.replyDelay,
    center: () => store.world.center,
    find: (id) => store.world.conversations.get(id),
  };
  const queue = createQueue(ctx);
  const lifecycle = createLifecycle(ctx, queue);
  const simulated = createSimulatedAgent(ctx, queue, lifecycle);
  const timers = createTimers(ctx, queue, lifecycle, simulated);
  const commands = createAgentCommands(ctx, queue, lifecycle, simulated);
  const consoles = createConsoles(ctx, queue, lifecycle, commands);
  const needs = createAccommodations(ctx, queue);

  /** A customer message reached the person (or simulated agent) holding the conversation. */
  function customerMessage(conversation: Conversation, customerText: string): void {
    conversation.assistant.observe(customerText);
    tx().touch(conversation);
    const owner = conversation.owner;
    if (owner?.kind === 'simulated') simulated.simulatedAnswer(conversation, owner, customerText);
  }

  return {
    answerLater(conversation: Conversation, reply: AssistantReply): void {
      // Needs stated in words are kept first, so the notice comes before the answer that names them.
      needs.fromAssistant(conversation, reply);
      lifecycle.answerLater(conversation, reply);
    },
    leave: lifecycle.leave,
    customerEnd: lifecycle.customerEnd,
    customerMessage,
    customerTyping: lifecycle.customerTyping,
    rating: lifecycle.rating,
    accommodations: needs.state,
    queueFrame: queue.queueFrame,
    timerDue: timers.timerDue,
    signOutAgentsOf: consoles.signOutAgentsOf,
    signOutOrphans: consoles.signOutOrphans,
    get hasOrphans() {
      return consoles.hasOrphans;
    },
    connectAgent: consoles.connectAgent,
    deliver: consoles.deliver,
    get simulate() {
      return store.world.center.simulate;
    },
    close: consoles.close,
  };
}
