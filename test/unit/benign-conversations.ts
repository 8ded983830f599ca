/**
 * A generator of BENIGN customer-care chats with a card issuer, to measure how often the redaction
 * engine changes a message that holds no secret (its false-positive rate).
 *
 * Written from what cardmembers ask customer care about and how they type, not from the engine:
 * the numbers people write (amounts, dates, times, the last four digits, ZIP codes, phone numbers,
 * case, order, confirmation, flight and tracking numbers, points, counts, years, street addresses,
 * percentages, bare small numbers), in the forms and roughly the frequencies they use, with lower
 * case, typos and short replies. No message holds a secret: never a full card number, a security
 * code, an SSN, a one-time code, a PIN or a password.
 *
 * Built with `fc.gen()`: every random choice (a template, an amount, a ZIP…) is drawn through
 * fast-check, so a run is reproducible from its seed and runs differ by seed. The templates are
 * per language: ./benign-conversations-en.ts (the frame and the card and account intents) and
 * ./benign-conversations-en-billing.ts (money and travel), the same for Spanish (-es).
 */
import fc from 'fast-check';
import { EN, EN_ACCOUNT } from './benign-conversations-en.js';
import { EN_BILLING } from './benign-conversations-en-billing.js';
import { ES, ES_ACCOUNT } from './benign-conversations-es.js';
import { ES_BILLING } from './benign-conversations-es-billing.js';
import {
  INTENTS,
  INTENT_WEIGHTS,
  MAX_CUSTOMER,
  MIN_CUSTOMER,
  Kit,
  Rand,
  roughen,
} from './benign-conversations-kit.js';
import type {
  BenignConversation,
  Intent,
  IntentBuilder,
  Lang,
  LangPack,
  Step,
} from './benign-conversations-kit.js';

export type { BenignConversation } from './benign-conversations-kit.js';

// ---- the conversation -------------------------------------------------------------------------

const PACKS = {
  en: { frame: EN, intents: { ...EN_ACCOUNT, ...EN_BILLING } },
  es: { frame: ES, intents: { ...ES_ACCOUNT, ...ES_BILLING } },
} satisfies Record<Lang, { frame: LangPack; intents: Record<Intent, IntentBuilder> }>;

const isCustomer = (s: Step): s is { customer: string } => 'customer' in s;

function build(lang: Lang, intent: Intent, r: Rand): BenignConversation {
  const k = new Kit(r, lang);
  const { frame, intents } = PACKS[lang];
  const steps: Step[] = [...frame.open(k), ...intents[intent](k)];
  if (r.chance(0.2)) {
    const second = r.pick(INTENTS.filter((i) => i !== intent));
    const body = intents[second](k);
    const first = body.findIndex(isCustomer);
    const opener = body[first];
    if (opener !== undefined && isCustomer(opener)) {
      const also = r.pick(frame.also);
      body[first] = {
        customer: `${also}${opener.customer.charAt(0).toLowerCase()}${opener.customer.slice(1)}`,
      };
    }
    steps.push(...frame.more(k), ...body.slice(Math.max(0, first)));
  }
  steps.push(...frame.close(k));

  const out: Step[] = [];
  let customers = 0;
  for (const s of steps) {
    if (isCustomer(s)) {
      if (customers === MAX_CUSTOMER) break;
      customers++;
      out.push({ customer: roughen(s.customer, lang, r) });
    } else out.push(s);
  }
  while (customers < MIN_CUSTOMER) {
    out.push({ customer: roughen(lang === 'en' ? 'ok thanks' : 'ok gracias', lang, r) });
    customers++;
  }
  return { lang, intent, steps: out };
}

const LANG = fc.noBias(
  fc.oneof(
    { arbitrary: fc.constant<Lang>('en'), weight: 3 },
    { arbitrary: fc.constant<Lang>('es'), weight: 1 },
  ),
);
const INTENT = fc.noBias(
  fc.oneof(...INTENTS.map((i) => ({ arbitrary: fc.constant(i), weight: INTENT_WEIGHTS[i] }))),
);

/** A benign customer-care conversation: `{ lang, intent, steps }`, 2–14 customer messages. */
export const benignConversation: fc.Arbitrary<BenignConversation> = fc
  .record({ lang: LANG, intent: INTENT, g: fc.gen() })
  .map(({ lang, intent, g }) => build(lang, intent, new Rand(g)));
