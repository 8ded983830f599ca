/**
 * Reading an action's details out of a customer message: a dispute's amount, date and merchant,
 * or a card's last four digits and billing ZIP code. Nothing else is taken from a message.
 */
import { REQUIRED, bareName, missing, nameOk } from './actions.js';
import { COMPLAINT_TASK, aboutIn } from './complaint.js';
import { GOODBYE, GREETING, NEXT_STEPS, THANKS, taskDef } from './intents.js';
import type { TaskDef } from './intents.js';
import { matches } from './match.js';
import { isRequest } from './requests.js';
import { requestDetails } from './request-details.js';
import {
  findAmount,
  findDate,
  findLastFour,
  findLeadingMerchant,
  findMerchant,
  findStatedLastFour,
  findZip,
  relativeDate,
  words,
} from './text.js';
import type { Details, Pending } from './types.js';

/**
 * Thanks, a greeting, goodbye or "next steps": an aside, never a complaint's text, and never
 * an answer to what a pending action asked.
 */
export function isSmallTalk(ws: string[]): boolean {
  return matches(ws, NEXT_STEPS) || matches(ws, THANKS) || matches(ws, GREETING) || matches(ws, GOODBYE);
}

/**
 * The details of `intent`'s kind in a message. `loose`: a bare 4-digit number is a last four,
 * and a complaint's text is the whole message (the assistant asked for it).
 */
export function detailsIn(p: Pending, text: string, loose: boolean): Details {
  if (isRequest(p.intent)) return requestDetails(p.intent, p.details, text, loose);
  const d: Details = {};
  if (p.intent === 'complaint') {
    // A new "I want to file a complaint" is read as the first one was.
    const opening = !loose || matches(words(text), COMPLAINT_TASK.triggers);
    const mode = opening ? 'opening' : p.step === 'confirm' ? 'confirm' : 'asked';
    const about = aboutIn(text, mode, isSmallTalk);
    if (about !== null) d.about = about;
    return d;
  }
  if (p.intent === 'dispute') {
    const onlyAmount = missing('dispute', p.details).every((k) => k === 'amount');
    // A bare "67.06" is the amount only when that is the one detail still missing.
    const bare = onlyAmount ? /^\s*(\d{1,7})(?:[.,](\d{2}))?\s*$/.exec(text) : null;
    const amount = findAmount(text) ?? (bare?.[1] ? `$${bare[1]}${bare[2] ? `.${bare[2]}` : ''}` : null);
    // A day named relatively ("yesterday") only in an answer: "dispute a charge today" is not one.
    const date = findDate(text) ?? (loose ? relativeDate(text) : null);
    if (amount !== null) d.amount = amount;
    if (date !== null) d.date = date;
    let merchant = [findMerchant(text), findLeadingMerchant(text)].find(
      (m): m is string => m !== null && nameOk(m),
    );
    const onlyMerchant = missing('dispute', p.details).every((k) => k === 'merchant');
    if (merchant === undefined && amount === null && date === null && (onlyMerchant || p.step === 'change')) {
      merchant = bareName(text) ?? undefined;
    }
    if (merchant !== undefined) d.merchant = merchant;
    return d;
  }
  const l4 = findStatedLastFour(text) ?? (loose ? findLastFour(text) : null);
  if (l4 !== null) d.last4 = l4;
  if (REQUIRED[p.intent].includes('zip')) {
    const zip = findZip(text);
    if (zip !== null) d.zip = zip;
  }
  return d;
}

/**
 * A message that names a charge by its amount and its merchant or date ("also a charge of $12
 * at Uber on 11/21"): the dispute task, for a customer who just disputed one. Else undefined.
 */
export function anotherCharge(text: string): TaskDef | undefined {
  if (findAmount(text) === null) return undefined;
  const merchant = [findMerchant(text), findLeadingMerchant(text)].some((m) => m !== null && nameOk(m));
  return merchant || findDate(text) !== null ? taskDef('dispute') : undefined;
}
