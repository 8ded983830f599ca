/**
 * The assistant's intent table: what triggers each card-care task, what the assistant answers,
 * the quick replies it offers and the next steps it confirms later. English and Spanish side
 * by side. Triggers are matched on normalized whole words (accent- and case-insensitive;
 * see text.ts) in either language, whatever the conversation's language; `*` ends a stem.
 *
 * Wording rules (checked by test/server/assistant-later.test.ts with the redaction engine's own
 * agent-cue reader): a reply asks for a card only by its last four digits and the billing ZIP
 * code; it never asks for a full card number, security code, PIN or password, and it names
 * them only under a negation ("we will never ask for…"). Avoid the bare words "code",
 * "código", "clave", "verification" and "number on the back" — the redactor reads them as a
 * question for a secret and would mask the customer's next reply. Say "the phone number
 * printed on the back of your card" instead.
 *
 * The table lives in phrases.ts (shared sentences and quick replies), rules.ts (the
 * conversation-level rules) and tasks-account.ts + tasks-card.ts (the tasks); this module
 * joins the tasks in priority order and re-exports the rest.
 */
import { COMPLAINT_TASK } from './complaint.js';
import { ACCOUNT_TASKS } from './tasks-account.js';
import { CARD_TASKS } from './tasks-card.js';
import {
  APR_TASK,
  BALANCE_TASK,
  CANCEL_TASK,
  DECLINED_TASK,
  IDENTITY_TASK,
  REFUND_TASK,
} from './tasks-service.js';
import type { TaskDef, TaskIntent } from './types.js';

export type { ByLang, CardStep, TaskDef, TaskIntent, Triggers } from './types.js';
export { DISPUTE_TIMELINE, MENU, NEVER_ASK, PHONE_ROUTE, QR, both, qr } from './phrases.js';
export {
  AGENT,
  CASE_QUESTION,
  GOODBYE,
  GREETING,
  LEAVE_QUEUE,
  LEAVE_QUEUE_WEAK,
  NEXT_STEPS,
  PERSON_REQUEST,
  THANKS,
  URGENT_FRAUD,
} from './rules.js';

/**
 * The tasks, in priority order: the first whose triggers match wins. A complaint comes first:
 * "I want to complain about a late fee" is a complaint, not a question about the fee.
 */
export const TASKS: readonly TaskDef[] = placed(
  [COMPLAINT_TASK, IDENTITY_TASK, ...ACCOUNT_TASKS, ...CARD_TASKS],
  [
    // The interest rate after the late fee: "interest and a late fee" is about the fee.
    [APR_TASK, 'late-fee'],
    // A declined card and closing one after a lost or damaged card, before lock.
    [DECLINED_TASK, 'damaged'],
    [CANCEL_TASK, 'declined'],
    // A refund for a return before disputes; the balance after payments due and rewards.
    [REFUND_TASK, 'lock'],
    [BALANCE_TASK, 'payment-due'],
  ],
);

/** `tasks` with each of `more` right after the task it names. */
function placed(tasks: readonly TaskDef[], more: readonly [TaskDef, TaskIntent][]): TaskDef[] {
  const out = [...tasks];
  for (const [task, after] of more) out.splice(out.findIndex((t) => t.intent === after) + 1, 0, task);
  return out;
}

/** The task definitions by intent (urgent-fraud is not in the table: it is a rule above). */
export function taskDef(intent: TaskIntent): TaskDef | undefined {
  return TASKS.find((t) => t.intent === intent);
}
