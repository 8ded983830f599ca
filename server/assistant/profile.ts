/**
 * The cardmember profile of a conversation (demo/fixtures/profiles.ts, all fictional): the
 * answers given from it, and the check of a card's last four digits and billing ZIP code
 * against it. Without a profile the assistant gives its general answers and checks nothing.
 * The profile stays on the server: only the answers' text reaches the customer.
 */
import { PROFILES, profileByAccount } from '../../demo/fixtures/profiles.js';
import type { CardmemberProfile } from '../../demo/fixtures/profiles.js';
import { subjectHash } from '../resume-key.js';
import { REQUIRED } from './actions.js';
import { findStatedLastFour, normalize } from './text.js';
import { MENU } from './phrases.js';
import type { ActionIntent, AssistantReply, Details, Fact, Lang, Pending, TaskIntent } from './types.js';

export type { CardmemberProfile } from '../../demo/fixtures/profiles.js';

/**
 * Wrong cards or ZIP codes in one conversation: at the last one the action is dropped, and no
 * card action is done in this chat any more (a person can verify the customer another way).
 */
export const MAX_TRIES = 3;

/**
 * The profile of a conversation: by the token's subject (`subject` is its hash, as the
 * conversation keeps it) when there is one, else by the host's account reference. A token's
 * subject is the stronger identity, so a subject without a profile gets none.
 */
export function profileFor(
  account: string | undefined,
  subject: string | undefined,
): CardmemberProfile | undefined {
  if (subject !== undefined) return PROFILES.find((p) => subjectHash(p.subject) === subject);
  return profileByAccount(account);
}

/** US dollars, as the customer's language writes them. */
function money(lang: Lang, amount: number): string {
  const locale = lang === 'es' ? 'es-US' : 'en-US';
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(amount);
}

/** A `YYYY-MM-DD` day: "December 9" / "9 de diciembre"; `short`: "Dec 4" / "4 dic". */
function day(lang: Lang, iso: string, short = false): string {
  const locale = lang === 'es' ? 'es-US' : 'en-US';
  const month = short ? 'short' : 'long';
  return new Intl.DateTimeFormat(locale, { month, day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );
}

function count(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang === 'es' ? 'es-US' : 'en-US').format(n);
}

function minimumLine(lang: Lang, p: CardmemberProfile): string {
  return lang === 'es'
    ? `Su pago mínimo de ${money(lang, p.minimumPayment)} vence el ${day(lang, p.dueDate)}.`
    : `Your minimum payment of ${money(lang, p.minimumPayment)} is due ${day(lang, p.dueDate)}.`;
}

/** The latest three transactions, on every card of the account. */
function recentLine(lang: Lang, p: CardmemberProfile): string {
  const items = p.transactions
    .slice(0, 3)
    .map((t) => `${day(lang, t.date, true)}, ${t.merchant}, ${money(lang, t.amount)} (…${t.last4})`);
  if (items.length === 0) return '';
  return lang === 'es'
    ? ` Sus movimientos más recientes: ${items.join('; ')}.`
    : ` Your most recent transactions: ${items.join('; ')}.`;
}

/**
 * The answer to `intent` from the profile; `general` (the table's answer) when there is no
 * profile or it has nothing to add. For an authorized user the general answer is kept after
 * the list, as it says how to add one.
 */
export function profileAnswer(
  lang: Lang,
  intent: TaskIntent,
  p: CardmemberProfile | undefined,
  general: string,
): string {
  if (p === undefined) return general;
  const es = lang === 'es';
  switch (intent) {
    case 'balance':
      return `${
        es
          ? `Su saldo actual es de ${money(lang, p.currentBalance)}; el saldo de su último estado de cuenta es de ${money(lang, p.statementBalance)} y su crédito disponible, de ${money(lang, p.availableCredit)}.`
          : `Your current balance is ${money(lang, p.currentBalance)}; your last statement balance is ${money(lang, p.statementBalance)} and your available credit is ${money(lang, p.availableCredit)}.`
      } ${minimumLine(lang, p)}${recentLine(lang, p)}`;
    case 'payment-due':
      return `${minimumLine(lang, p)} ${
        es
          ? `El saldo de su estado de cuenta es de ${money(lang, p.statementBalance)}. Pagar al menos el mínimo antes de esa fecha mantiene su cuenta al corriente. Puede pagar en la app, en línea o por correo, y activar el pago automático. Para cambiar la fecha de vencimiento, vaya a la app, a Cuenta y luego Pagos, o pídaselo a un agente.`
          : `Your statement balance is ${money(lang, p.statementBalance)}. Paying at least the minimum by then keeps your account in good standing. You can pay in the app, online or by mail, and set up AutoPay. To change your due date, go to Account, then Payments in the app, or ask an agent.`
      }`;
    case 'credit-limit':
      return `${
        es
          ? `Su límite de crédito es de ${money(lang, p.creditLimit)} y su crédito disponible, de ${money(lang, p.availableCredit)}.`
          : `Your credit limit is ${money(lang, p.creditLimit)} and your available credit is ${money(lang, p.availableCredit)}.`
      } ${general}`;
    case 'rewards':
      return es
        ? `Tiene ${count(lang, p.rewardsPoints)} puntos de recompensa. Puede pagar con puntos, transferirlos a socios de viaje o cambiarlos por tarjetas de regalo.`
        : `You have ${count(lang, p.rewardsPoints)} rewards points. You can pay with points, transfer them to travel partners, or redeem them for gift cards.`;
    case 'authorized-user-add': {
      const users = p.authorizedUsers.map((u) =>
        es ? `${u.name} (tarjeta terminada en ${u.last4})` : `${u.name} (card ending in ${u.last4})`,
      );
      const now =
        users.length === 0
          ? es
            ? 'Su cuenta no tiene usuarios autorizados por ahora.'
            : 'Your account has no authorized users at the moment.'
          : es
            ? `Usuarios autorizados en su cuenta: ${users.join(', ')}.`
            : `Authorized users on your account: ${users.join(', ')}.`;
      return `${now} ${general}`;
    }
    default:
      return general;
  }
}

/**
 * Checks the card details of `pending` against the profile: a card that is not on the account,
 * or a ZIP code that is not its billing ZIP, is taken out of the details and counted in
 * `on.tries` (the conversation's count). After the last try every card detail is refused. The
 * refusal to say, or null when everything given so far matches (or there is no profile).
 */
export function refusal(
  lang: Lang,
  p: CardmemberProfile | undefined,
  pending: Pending,
  on: { tries: number },
): string | null {
  if (p === undefined) return null;
  const d: Details = pending.details;
  const es = lang === 'es';
  const locked = es
    ? 'Por su seguridad, no puedo hacer cambios en la tarjeta por este chat. Un agente puede verificar su identidad de otra forma.'
    : "For your security, I can't make changes to the card in this chat. An agent can verify your identity another way.";
  if (on.tries >= MAX_TRIES) {
    if (d.last4 === undefined && d.zip === undefined) return null;
    delete d.last4;
    delete d.zip;
    return locked;
  }
  let say: string;
  // Removing an authorized user: only their cards, never the cardmember's own.
  const au = pending.intent === 'authorized-user-remove';
  const cards: readonly { last4: string }[] = au ? p.authorizedUsers : p.cards;
  if (d.last4 !== undefined && !cards.some((c) => c.last4 === d.last4)) {
    say = au
      ? es
        ? `No encuentro un usuario autorizado con una tarjeta terminada en ${d.last4} en esta cuenta.`
        : `I can't find an authorized user's card ending in ${d.last4} on this account.`
      : es
        ? `No encuentro una tarjeta terminada en ${d.last4} en esta cuenta.`
        : `I can't find a card ending in ${d.last4} on this account.`;
    delete d.last4;
    delete d.zip;
  } else if (d.zip !== undefined && d.zip !== p.zip) {
    say = es
      ? 'Ese código postal no coincide con la dirección de facturación de esta cuenta.'
      : "That ZIP code doesn't match the billing address on this account.";
    delete d.zip;
  } else return null;
  on.tries += 1;
  if (on.tries >= MAX_TRIES) return `${say} ${locked}`;
  const left = MAX_TRIES - on.tries;
  const tries = es
    ? `Le ${left === 1 ? 'queda 1 intento' : `quedan ${left} intentos`}.`
    : `You have ${left} ${left === 1 ? 'try' : 'tries'} left.`;
  return `${say} ${tries}`;
}

/** The refusal, then the question asked again (without its "Thanks."). */
export function refusedText(wrong: string, question: string): string {
  return `${wrong} ${question.replace(/^(?:Thanks|Gracias)\. /, '')}`.trim();
}

/** "My other card", "switch to the card ending in …", "otra tarjeta", "cambiar a la tarjeta …". */
const SWITCH =
  /\b(?:other card|another card|different card|switch(?:ing)? to|change to|otra tarjeta|cambiar a|cambiemos a)\b/;

/**
 * "My other card ending in 2002" (a card named by its last four digits, nothing else asked):
 * the conversation is about that card from now on (`on.card`), only if it is on the profile.
 * The switch is kept in `record`. Null without a profile or when the message is not a switch.
 */
export function cardSwitch(
  lang: Lang,
  p: CardmemberProfile | undefined,
  text: string,
  on: { card: string | null },
  record: Fact[],
): AssistantReply | null {
  const last4 = findStatedLastFour(text);
  if (p === undefined || last4 === null || !SWITCH.test(normalize(text))) return null;
  const es = lang === 'es';
  const card = p.cards.find((c) => c.last4 === last4);
  let say: string;
  if (card === undefined) {
    const still =
      on.card === null
        ? ''
        : es
          ? ` Seguimos con la tarjeta terminada en ${on.card}.`
          : ` We're still on the card ending in ${on.card}.`;
    say = es
      ? `No encuentro una tarjeta terminada en ${last4} en esta cuenta.${still}`
      : `I can't find a card ending in ${last4} on this account.${still}`;
  } else {
    // The record says which card the rest of the chat was about (a switch to the same card again
    // changes nothing and is not a new fact).
    if (on.card !== last4) record.push({ kind: 'card', last4, product: card.product });
    on.card = last4;
    say = es
      ? `De acuerdo, ahora hablamos de su tarjeta ${card.product} terminada en ${last4}. ¿Qué desea hacer con ella?`
      : `All right, we're now talking about your ${card.product} ending in ${last4}. What would you like to do with it?`;
  }
  return { text: say, intent: 'unknown', quickReplies: [...MENU[lang]] };
}

/** The card switched to, as the details an action starts with (when it needs a card). */
export function startingCard(intent: ActionIntent, card: string | null | undefined): Details {
  return card && REQUIRED[intent].includes('last4') ? { last4: card } : {};
}
