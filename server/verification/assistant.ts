/**
 * The assistant's side of the identity check. Where a flow confirms a card with the billing ZIP
 * (lost or stolen, damaged, unlock, removing an authorized user), the server also asks for the
 * identity check; the ZIP question stays, as the fallback for a customer who cannot or would
 * rather not. Once the check verifies the customer, the ZIP of their profile answers that question
 * for them, and the assistant goes on to its read-back and asks for the customer's yes.
 */
import { REQUIRED } from '../assistant/actions.js';
import type { AssistantReply } from '../assistant/index.js';
import { profileFor } from '../assistant/profile.js';
import type { Conversation } from '../model.js';

/** The assistant waits for the ZIP that confirms a card the customer named. */
export function wantsIdentity(conversation: Conversation): boolean {
  if (conversation.phase === 'agent') return false;
  const pending = conversation.assistant.state().pending;
  return (
    pending !== null &&
    pending.step === 'collect' &&
    REQUIRED[pending.intent].includes('zip') &&
    pending.details.last4 !== undefined &&
    pending.details.zip === undefined
  );
}

/** The assistant's answer once the customer is verified (the profile's ZIP given for them). */
export function verifiedAnswer(conversation: Conversation): AssistantReply | undefined {
  if (!wantsIdentity(conversation)) return undefined;
  const zip = profileFor(conversation.account, conversation.subject)?.zip;
  return zip === undefined ? undefined : conversation.assistant.reply(zip);
}
