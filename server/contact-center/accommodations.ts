/**
 * The customer's accommodations (src/protocol/accommodations.ts): stated once up front or
 * changed later, kept with the conversation and in its record, acknowledged by a notice in the
 * customer's language, and shown to agents on the board and in the conversation's header. The
 * note arrives here already redacted again by the server (customer-session.ts).
 */
import type { Accommodations } from '../../src/protocol.js';
import { ACCOMMODATIONS, copyAccommodations, sameAccommodations } from '../../src/protocol.js';
import type { AssistantReply } from '../assistant/index.js';
import { needsNotice } from '../assistant/needs.js';
import { notify } from '../conversation.js';
import type { Conversation } from '../model.js';
import { tx } from '../transaction.js';
import type { Queue } from './queue.js';
import type { CenterContext } from './types.js';

export function createAccommodations(ctx: CenterContext, queue: Queue) {
  /** The customer states (or changes, or clears) what they need; the same again changes nothing. */
  function state(conversation: Conversation, stated: Accommodations): void {
    if (sameAccommodations(conversation.accommodations, stated)) return;
    const cleared = stated.needs.length === 0 && stated.note === undefined;
    conversation.accommodations = cleared ? undefined : copyAccommodations(stated);
    const note = stated.note ?? null;
    conversation.assistant.agentPart({ kind: 'needs', needs: [...stated.needs], note });
    notify(
      conversation,
      { code: 'accommodations', ...copyAccommodations(stated) },
      needsNotice(conversation.lang, { needs: stated.needs, note }),
    );
    tx().touch(conversation);
    // The board shows them next to the waiting conversation.
    if (conversation.phase === 'queued') queue.changed();
    ctx.log({
      msg: 'accommodations',
      conversation: conversation.id,
      needs: stated.needs.join(' '),
      note: note !== null,
    });
  }

  /**
   * Needs the customer stated in words to the assistant (server/assistant/needs-said.ts): stated
   * as the form states them, added to those already stated (the note kept, never written here).
   */
  function fromAssistant(conversation: Conversation, reply: AssistantReply): void {
    if (reply.needs === undefined || reply.needs.length === 0) return;
    const before = conversation.accommodations;
    const all = [...(before?.needs ?? []), ...reply.needs];
    const needs = ACCOMMODATIONS.filter((need) => all.includes(need));
    state(conversation, before?.note === undefined ? { needs } : { needs, note: before.note });
  }

  return { state, fromAssistant };
}
