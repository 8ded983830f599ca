/**
 * The assistant's actions: what each one needs before it can be done, how
 * the assistant reads the details back, and what it says once the customer said yes. An action
 * is claimed only by `doneText`, and index.ts calls that only after a read-back and an explicit
 * yes. Same wording rules as intents.ts (no cue words for secrets). Spanish: neutral
 * Latin-American, usted.
 */
import {
  askAbout,
  complaintDone,
  complaintFact,
  complaintNote,
  complaintPlan,
  shortAbout,
} from './complaint.js';
import { DISPUTE_TIMELINE, PHONE_ROUTE } from './phrases.js';
import {
  REQUEST_DETAIL_NAME,
  REQUEST_SHALL,
  isRequest,
  requestAsk,
  requestDone,
  requestFact,
  requestGiven,
  requestNote,
  requestPlan,
} from './requests.js';
import type { ActionIntent, AssistantReply, Detail, Details, Lang, TaskIntent } from './types.js';

export type { ActionIntent, Detail, Details, Pending } from './types.js';
export { bareName, isCancel, isDontKnow, isNo, isYes, nameOk } from './answers.js';

/** What each action needs, in the order the assistant asks for it. */
export const REQUIRED: Readonly<Record<ActionIntent, readonly Detail[]>> = {
  dispute: ['merchant', 'date', 'amount'],
  'lost-stolen': ['last4', 'zip'],
  damaged: ['last4', 'zip'],
  lock: ['last4'],
  unlock: ['last4', 'zip'],
  'authorized-user-remove': ['last4', 'zip'],
  'urgent-fraud': ['last4'],
  complaint: ['about'],
  'due-date-change': ['day'],
  'late-fee-review': ['amount', 'date'],
  'authorized-user-request': ['name', 'relation'],
  'limit-review': ['limit'],
  'travel-notice': ['place', 'from', 'to'],
};

export function isAction(intent: TaskIntent | null | undefined): intent is ActionIntent {
  return intent !== null && intent !== undefined && intent in REQUIRED;
}

export function missing(intent: ActionIntent, d: Details): Detail[] {
  return REQUIRED[intent].filter((k) => d[k] === undefined);
}

// ---- wording -----------------------------------------------------------------------------

const DETAIL_NAME: Readonly<Record<Lang, Readonly<Record<Detail, string>>>> = {
  en: {
    merchant: 'the merchant',
    date: 'the date',
    amount: 'the amount',
    last4: 'the last four digits of the card',
    zip: 'the ZIP code of your billing address',
    about: 'what the complaint is about',
    ref: 'the reference number',
    ...REQUEST_DETAIL_NAME.en,
  },
  es: {
    merchant: 'el comercio',
    date: 'la fecha',
    amount: 'el importe',
    last4: 'los últimos cuatro dígitos de la tarjeta',
    zip: 'el código postal de su dirección de facturación',
    about: 'el motivo de la queja',
    ref: 'el número de referencia',
    ...REQUEST_DETAIL_NAME.es,
  },
};

function list(lang: Lang, items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${lang === 'es' ? ' y ' : ' and '}${items[items.length - 1] ?? ''}`;
}

/** "the merchant, the date and the amount". */
export function detailNames(lang: Lang, ds: readonly Detail[]): string {
  return list(
    lang,
    ds.map((d) => DETAIL_NAME[lang][d]),
  );
}

/** The charge as far as it is known: "$67.06 at Bella Trattoria on Nov 15". */
export function chargeText(lang: Lang, d: Details): string {
  const es = lang === 'es';
  return [
    d.amount ?? '',
    d.merchant !== undefined ? `${es ? 'en' : 'at'} ${d.merchant}` : '',
    d.date !== undefined ? `${es ? 'del' : 'on'} ${d.date}` : '',
  ]
    .filter((s) => s !== '')
    .join(' ');
}

/** A reply about urgent fraud keeps the phone route's action (the widget shows it). */
export function withUrgent(reply: AssistantReply, intent: TaskIntent): AssistantReply {
  if (intent === 'urgent-fraud') reply.action = 'urgent-phone';
  return reply;
}

/** What the action will do, with its details (for the read-back). */
function plan(lang: Lang, intent: ActionIntent, d: Details): string {
  const es = lang === 'es';
  const l4 = d.last4 ?? '';
  const zip = d.zip ?? '';
  if (isRequest(intent)) return requestPlan(lang, intent, d);
  switch (intent) {
    case 'dispute':
      return es
        ? `Voy a disputar el cargo de ${chargeText('es', d)}.`
        : `I'll dispute ${chargeText('en', d)}.`;
    case 'lost-stolen':
      return es
        ? `Voy a bloquear la tarjeta terminada en ${l4} y enviar un reemplazo con un número nuevo a su dirección de facturación (código postal ${zip}).`
        : `I'll lock the card ending in ${l4} and send a replacement with a new number to your billing address (ZIP ${zip}).`;
    case 'damaged':
      return es
        ? `Voy a enviar un reemplazo de la tarjeta terminada en ${l4}, con el mismo número, a su dirección de facturación (código postal ${zip}).`
        : `I'll send a replacement for the card ending in ${l4}, with the same number, to your billing address (ZIP ${zip}).`;
    case 'lock':
    case 'urgent-fraud':
      return es
        ? `Voy a bloquear la tarjeta terminada en ${l4}: se rechazarán las compras nuevas.`
        : `I'll lock the card ending in ${l4}: new purchases will be declined.`;
    case 'unlock':
      return es
        ? `Voy a desbloquear la tarjeta terminada en ${l4} (código postal de facturación ${zip}).`
        : `I'll unlock the card ending in ${l4} (billing ZIP ${zip}).`;
    case 'authorized-user-remove':
      return es
        ? `Voy a dar de baja la tarjeta del usuario autorizado terminada en ${l4} (código postal de facturación ${zip}); dejará de funcionar de inmediato.`
        : `I'll remove the authorized user's card ending in ${l4} (billing ZIP ${zip}); it will stop working right away.`;
    case 'complaint':
      return complaintPlan(lang, d);
  }
}

const SHALL: Readonly<Record<ActionIntent, Readonly<Record<Lang, string>>>> = {
  dispute: { en: 'Shall I open it?', es: '¿Desea que la abra?' },
  'lost-stolen': { en: 'Shall I go ahead?', es: '¿Desea que continúe?' },
  damaged: { en: 'Shall I send it?', es: '¿Desea que lo envíe?' },
  lock: { en: 'Shall I lock it?', es: '¿Desea que la bloquee?' },
  'urgent-fraud': { en: 'Shall I lock it?', es: '¿Desea que la bloquee?' },
  unlock: { en: 'Shall I unlock it?', es: '¿Desea que la desbloquee?' },
  'authorized-user-remove': { en: 'Shall I remove it?', es: '¿Desea que la dé de baja?' },
  complaint: { en: 'Shall I file it?', es: '¿Desea que la registre?' },
  ...REQUEST_SHALL,
};

/** The read-back: the details, and the question. */
export function readBack(lang: Lang, intent: ActionIntent, d: Details): string {
  const answer = lang === 'es' ? 'Responda sí o no.' : 'Please answer yes or no.';
  return `${plan(lang, intent, d)} ${SHALL[intent][lang]} ${answer}`;
}

/** After a no: what to change. */
export function askChange(lang: Lang, intent: ActionIntent): string {
  const names = detailNames(lang, REQUIRED[intent]);
  return lang === 'es'
    ? `De acuerdo, no he hecho nada. ¿Qué desea cambiar? Escriba el dato correcto (${names}), o "cancelar" para dejarlo.`
    : `All right, I haven't done anything. What should I change? Type the correct detail (${names}), or "cancel" to drop it.`;
}

/** Asking for what is still missing, naming what is already known. */
export function askMissing(lang: Lang, intent: ActionIntent, d: Details): string {
  const need = missing(intent, d);
  const es = lang === 'es';
  if (isRequest(intent)) return requestAsk(lang, intent, d);
  if (intent === 'dispute') {
    const known = chargeText(lang, d);
    const names = detailNames(lang, need);
    if (known === '') {
      return es
        ? `Para abrir la disputa necesito ${names} del cargo, por ejemplo "Café Azul, 15/08, $127.43".`
        : `To open the dispute I need ${names} of the charge, for example "Blue Bottle Coffee, 08/15, $127.43".`;
    }
    const of = d.amount !== undefined ? (es ? 'de ' : 'of ') : '';
    return es
      ? `Gracias. Del cargo ${of}${known}, todavía necesito ${names}.`
      : `Thanks. For the charge ${of}${known}, I still need ${names}.`;
  }
  if (intent === 'complaint') return askAbout(lang);
  if (need[0] === 'last4') {
    return es
      ? 'Para encontrar la tarjeta, solo necesito sus últimos cuatro dígitos, por ejemplo 1005.'
      : 'To find the card, I need only its last four digits, for example 1005.';
  }
  return es
    ? `Gracias. Para confirmar que la tarjeta terminada en ${d.last4 ?? ''} es suya, ¿cuál es el código postal de 5 dígitos de su dirección de facturación?`
    : `Thanks. To confirm that the card ending in ${d.last4 ?? ''} is yours, what is the 5-digit ZIP code of your billing address?`;
}

/** "I don't remember": nothing is guessed; what they do know, or a person. */
export function cantGive(lang: Lang, intent: ActionIntent, d: Details): string {
  const need = detailNames(lang, missing(intent, d));
  const where =
    intent === 'dispute'
      ? lang === 'es'
        ? ' Los encontrará en su estado de cuenta, en la app.'
        : ' You can find them on your statement in the app.'
      : '';
  return lang === 'es'
    ? `No se preocupe; no voy a suponer nada y no he hecho ningún cambio. Necesito ${need}.${where} Dígame lo que sí sepa, o puedo comunicarle con un agente.`
    : `That's all right; I won't guess, and nothing has been changed. I need ${need}.${where} Tell me what you do know, or I can connect you with an agent.`;
}

/** The third reply in a row without what is needed: nothing done, a person offered. */
export function giveUp(lang: Lang): string {
  return lang === 'es'
    ? 'Parece que no lo estoy entendiendo bien, así que no he hecho nada. Un agente puede ayudarle con esto.'
    : "I don't seem to be getting this right, so I haven't done anything. An agent can help you with this.";
}

/** Dropped on request. */
export function dropped(lang: Lang): string {
  return lang === 'es'
    ? 'De acuerdo, lo dejamos; no he hecho ningún cambio. ¿En qué más puedo ayudarle?'
    : "All right, I've dropped it; nothing has been changed. What else can I help you with?";
}

/** Said only after the read-back and a yes: the action is done. */
export function doneText(lang: Lang, intent: ActionIntent, d: Details): string {
  const es = lang === 'es';
  const l4 = d.last4 ?? '';
  const zip = d.zip ?? '';
  if (isRequest(intent)) return requestDone(lang, intent, d);
  switch (intent) {
    case 'dispute':
      return es
        ? `Listo. Abrí una disputa por el cargo de ${chargeText('es', d)} y le enviaremos la confirmación del caso por correo electrónico. ${DISPUTE_TIMELINE.es} No tiene que pagar el importe disputado mientras lo revisamos.`
        : `Done. I've opened a dispute for ${chargeText('en', d)}, and we'll email you the case confirmation. ${DISPUTE_TIMELINE.en} You don't need to pay the disputed amount while we review it.`;
    case 'lost-stolen':
      return es
        ? `Listo. La tarjeta terminada en ${l4} está bloqueada, y un reemplazo con un número nuevo va en camino a su dirección de facturación (código postal ${zip}); debería llegar en 2 o 3 días hábiles. Recuerde actualizar sus pagos automáticos con la tarjeta nueva.`
        : `Done. The card ending in ${l4} is locked, and a replacement with a new number is on its way to your billing address (ZIP ${zip}); it should arrive in 2–3 business days. Remember to update your automatic payments with the new card.`;
    case 'damaged':
      return es
        ? `Listo. Un reemplazo con el mismo número va en camino a su dirección de facturación (código postal ${zip}) y debería llegar en 3 a 5 días hábiles. Actívelo en la app cuando llegue.`
        : `Done. A replacement with the same number is on its way to your billing address (ZIP ${zip}) and should arrive in 3–5 business days. Activate it in the app when it arrives.`;
    case 'lock':
      return es
        ? `Listo. La tarjeta terminada en ${l4} está bloqueada: las compras nuevas se rechazarán hasta que la desbloquee en la app o aquí.`
        : `Done. The card ending in ${l4} is locked: new purchases will be declined until you unlock it in the app or here.`;
    case 'urgent-fraud':
      return es
        ? `Listo. La tarjeta terminada en ${l4} está bloqueada, así que no se pueden hacer compras nuevas. Aun así, ${PHONE_ROUTE.es}, para revisar con usted los cargos recientes.`
        : `Done. The card ending in ${l4} is locked, so no new purchases can go through. Please still ${PHONE_ROUTE.en}, so we can review the recent charges with you.`;
    case 'unlock':
      return es
        ? `Listo. La tarjeta terminada en ${l4} está desbloqueada y vuelve a funcionar de inmediato.`
        : `Done. The card ending in ${l4} is unlocked and works again right away.`;
    case 'authorized-user-remove':
      return es
        ? `Listo. La tarjeta del usuario autorizado terminada en ${l4} está dada de baja y deja de funcionar de inmediato; el cambio aparecerá en su próximo estado de cuenta.`
        : `Done. The authorized user's card ending in ${l4} is removed and stops working right away; the change will appear on your next statement.`;
    case 'complaint':
      return complaintDone(lang, d);
  }
}

/** The done action, one sentence for the end summary (past tense, with its details). */
export function doneFact(lang: Lang, intent: ActionIntent, d: Details): string {
  const es = lang === 'es';
  const l4 = d.last4 ?? '';
  const zip = d.zip ?? '';
  if (isRequest(intent)) return requestFact(lang, intent, d);
  switch (intent) {
    case 'dispute':
      return es
        ? `Se abrió una disputa por el cargo de ${chargeText('es', d)}.`
        : `A dispute was opened for ${chargeText('en', d)}.`;
    case 'lost-stolen':
      return es
        ? `La tarjeta terminada en ${l4} se bloqueó y se envió un reemplazo con un número nuevo (código postal ${zip}).`
        : `The card ending in ${l4} was locked and a replacement with a new number was sent (ZIP ${zip}).`;
    case 'damaged':
      return es
        ? `Se envió un reemplazo de la tarjeta terminada en ${l4}, con el mismo número (código postal ${zip}).`
        : `A replacement for the card ending in ${l4}, with the same number, was sent (ZIP ${zip}).`;
    case 'lock':
    case 'urgent-fraud':
      return es ? `La tarjeta terminada en ${l4} se bloqueó.` : `The card ending in ${l4} was locked.`;
    case 'unlock':
      return es ? `La tarjeta terminada en ${l4} se desbloqueó.` : `The card ending in ${l4} was unlocked.`;
    case 'authorized-user-remove':
      return es
        ? `Se dio de baja la tarjeta del usuario autorizado terminada en ${l4}.`
        : `The authorized user's card ending in ${l4} was removed.`;
    case 'complaint':
      return complaintFact(lang, d);
  }
}

/** The agent-console line of a done action (English, like every board line). */
export function doneNote(intent: ActionIntent, d: Details): string {
  if (isRequest(intent)) return requestNote(intent, d);
  switch (intent) {
    case 'dispute':
      return `Dispute opened: ${chargeText('en', d)}`;
    case 'lost-stolen':
      return `Lost or stolen card ending in ${d.last4 ?? ''}: locked, replacement (new number) sent to ZIP ${d.zip ?? ''}`;
    case 'damaged':
      return `Damaged card ending in ${d.last4 ?? ''}: replacement (same number) sent to ZIP ${d.zip ?? ''}`;
    case 'lock':
      return `Card ending in ${d.last4 ?? ''} locked`;
    case 'urgent-fraud':
      return `Urgent fraud (phone route given): card ending in ${d.last4 ?? ''} locked`;
    case 'unlock':
      return `Card ending in ${d.last4 ?? ''} unlocked (ZIP ${d.zip ?? ''} given)`;
    case 'authorized-user-remove':
      return `Authorized user's card ending in ${d.last4 ?? ''} removed (ZIP ${d.zip ?? ''} given)`;
    case 'complaint':
      return complaintNote(d);
  }
}

/** The details given so far, for the agent console ("card ending in 1005", "$20.00 at ACME"). */
export function givenNote(intent: ActionIntent, d: Details): string {
  if (isRequest(intent)) return requestGiven(intent, d);
  if (intent === 'dispute') {
    const c = chargeText('en', d);
    return c === '' ? '' : `the charge ${c}`;
  }
  if (intent === 'complaint') return d.about !== undefined ? `"${shortAbout(d.about)}"` : '';
  return d.last4 !== undefined ? `card ending in ${d.last4}` : '';
}
