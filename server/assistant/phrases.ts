/**
 * Sentences and quick replies the assistant's replies share (the wording rules are in
 * intents.ts): the reassurance that we never ask for secrets, the dispute timeline, the phone
 * route, the safety reminder about card numbers, and the quick replies by name.
 */
import type { QuickReply } from '../../src/protocol.js';
import type { ByLang, Lang } from './types.js';

/** The assistant's name in the transcript. */
export const ASSISTANT_NAME: Readonly<Record<Lang, string>> = {
  en: 'Virtual assistant',
  es: 'Asistente virtual',
};

/** The reassurance: under a negation, so the redactor does not read it as a question. */
export const NEVER_ASK: ByLang<string> = {
  en: 'We will never ask for your PIN, password, security code or full card number.',
  es: 'Nunca le pediremos su PIN, su contraseña, el código de seguridad ni el número completo de su tarjeta.',
};

/** The dispute timeline the issue requires: 60 / 30 days / two billing cycles (≤ 90 days). */
export const DISPUTE_TIMELINE: ByLang<string> = {
  en: 'The timeline: a charge can be disputed within 60 days of the statement it first appeared on; we acknowledge your dispute within 30 days and resolve it within two billing cycles, at most 90 days.',
  es: 'Los plazos: puede disputar un cargo dentro de los 60 días siguientes al estado de cuenta en que apareció por primera vez; confirmamos la recepción de su disputa en un plazo de 30 días y la resolvemos en un máximo de dos ciclos de facturación, como mucho 90 días.',
};

/** Where the phone route is: printed on the card (never "the number on the back", a cue). */
export const PHONE_ROUTE: ByLang<string> = {
  en: 'call us at the phone number printed on the back of your card (24 hours a day)',
  es: 'llámenos al teléfono que aparece impreso en el reverso de su tarjeta (atendemos las 24 horas)',
};

/** Fraud happening now, no card named yet: the phone route, and a lock here. */
export const URGENT_ASK: ByLang<string> = {
  en: `This is urgent: please ${PHONE_ROUTE.en}, and we will stop the charges right away. Meanwhile I can lock the card here: tell me only its last four digits. ${NEVER_ASK.en}`,
  es: `Esto es urgente: ${PHONE_ROUTE.es}, y detendremos los cargos de inmediato. Mientras tanto puedo bloquear la tarjeta aquí: dígame solo sus últimos cuatro dígitos. ${NEVER_ASK.es}`,
};

/** A person asked for: the customer is queued with the summary. */
export const TO_AGENT: ByLang<string> = {
  en: "I'll connect you with an agent now. I'll share a summary of our conversation so you don't have to repeat anything. Please stay in this chat.",
  es: 'Le comunico con un agente ahora. Le pasaré un resumen de nuestra conversación para que no tenga que repetir nada. Permanezca en este chat, por favor.',
};

export const QR = {
  agent: {
    en: { label: 'Talk to an agent', value: 'I want to talk to an agent' },
    es: { label: 'Hablar con un agente', value: 'Quiero hablar con un agente' },
  },
  dispute: {
    en: { label: 'Dispute a charge', value: 'I want to dispute a charge' },
    es: { label: 'Disputar un cargo', value: 'Quiero disputar un cargo' },
  },
  lost: {
    en: { label: 'Lost or stolen card', value: 'My card was lost or stolen' },
    es: { label: 'Tarjeta perdida o robada', value: 'Perdí mi tarjeta o me la robaron' },
  },
  lock: {
    en: { label: 'Lock my card', value: 'Please lock my card' },
    es: { label: 'Bloquear mi tarjeta', value: 'Quiero bloquear mi tarjeta' },
  },
  unlock: {
    en: { label: 'Unlock my card', value: 'Please unlock my card' },
    es: { label: 'Desbloquear mi tarjeta', value: 'Quiero desbloquear mi tarjeta' },
  },
  due: {
    en: { label: 'Payment due date', value: 'When is my payment due?' },
    es: { label: 'Fecha de pago', value: '¿Cuándo vence mi pago?' },
  },
  help: {
    en: { label: 'Help with paying', value: 'I need payment assistance' },
    es: { label: 'Ayuda para pagar', value: 'Tengo dificultades para pagar' },
  },
  lateFee: {
    en: { label: 'Late fee', value: 'I have a question about a late fee' },
    es: { label: 'Cargo por pago tardío', value: 'Tengo una pregunta sobre un cargo por pago tardío' },
  },
  rewards: {
    en: { label: 'Rewards points', value: 'How many rewards points do I have?' },
    es: { label: 'Puntos de recompensa', value: '¿Cuántos puntos de recompensa tengo?' },
  },
  points: {
    en: { label: 'Pay with points', value: 'I want to pay with points' },
    es: { label: 'Pagar con puntos', value: 'Quiero pagar con puntos' },
  },
  travel: {
    en: { label: 'Travel booking', value: 'I need help with a travel booking' },
    es: { label: 'Reserva de viaje', value: 'Necesito ayuda con una reserva de viaje' },
  },
  next: {
    en: { label: 'Next steps', value: 'Please confirm next steps and the expected timeline' },
    es: { label: 'Próximos pasos', value: 'Confirme los próximos pasos y el plazo, por favor' },
  },
  done: {
    en: { label: "That's all", value: "That's all, thanks" },
    es: { label: 'Eso es todo', value: 'Eso es todo, gracias' },
  },
} as const satisfies Record<string, ByLang<QuickReply>>;

type QrName = keyof typeof QR;

/** Quick replies by name, in one language. */
export function qr(lang: Lang, ...names: QrName[]): QuickReply[] {
  return names.map((n) => QR[n][lang]);
}

/** Quick replies by name, in both languages (for the tables). */
export function both(...names: QrName[]): ByLang<readonly QuickReply[]> {
  return { en: qr('en', ...names), es: qr('es', ...names) };
}

/** The main tasks, offered on greeting and when the assistant does not understand. */
export const MENU: ByLang<readonly QuickReply[]> = both('dispute', 'lost', 'due', 'rewards', 'lock', 'agent');

/** The safety reminder when a message holds something card-like (the redactor's mask). */
export const SAFETY: Readonly<
  Record<Lang, { full: string; code: string; onlyLast4: string; reaskLast4: string; reaskZip: string }>
> = {
  en: {
    full: "For your security, please don't type your full card number in this chat; part of your message was hidden and I haven't used it.",
    code: "For your security, please don't share security codes or one-time codes in this chat; part of your message was hidden and I haven't used it.",
    onlyLast4: 'I only need the last four digits of the card.',
    reaskLast4: 'To find the card, I need only its last four digits, for example 1005.',
    reaskZip: 'I need the 5-digit ZIP code of your billing address, for example 10001.',
  },
  es: {
    full: 'Por su seguridad, no escriba el número completo de su tarjeta en este chat; ocultamos parte de su mensaje y no lo he usado.',
    code: 'Por su seguridad, no comparta códigos de seguridad ni códigos de un solo uso en este chat; ocultamos parte de su mensaje y no lo he usado.',
    onlyLast4: 'Solo necesito los últimos cuatro dígitos de la tarjeta.',
    reaskLast4: 'Para encontrar la tarjeta, solo necesito sus últimos cuatro dígitos, por ejemplo 1005.',
    reaskZip: 'Necesito el código postal de 5 dígitos de su dirección de facturación, por ejemplo 10001.',
  },
};

/** Yes and no, for a read-back. */
export function confirmQuick(lang: Lang): QuickReply[] {
  return lang === 'es'
    ? [
        { label: 'Sí', value: 'Sí' },
        { label: 'No', value: 'No' },
      ]
    : [
        { label: 'Yes', value: 'Yes' },
        { label: 'No', value: 'No' },
      ];
}

/**
 * Before the answer to a message the redactor hid a Social Security number or a password in:
 * what was hidden, said under a negation (the wording rule of intents.ts).
 */
export function hiddenNotice(lang: Lang, kinds: readonly string[]): string {
  const ssn = kinds.includes('ssn');
  const password = kinds.includes('password');
  if (lang === 'es') {
    if (ssn && password) {
      return 'Nunca le pediremos su número de Seguro Social ni su contraseña en este chat, así que oculté lo que escribió.';
    }
    if (ssn) return 'Nunca le pediremos su número de Seguro Social en este chat, así que lo oculté.';
    return password ? 'Nunca le pediremos su contraseña en este chat, así que la oculté.' : '';
  }
  if (ssn && password) {
    return 'We will never ask for your Social Security number or a password in this chat, so I hid what you typed.';
  }
  if (ssn) return 'We will never ask for your Social Security number in this chat, so I hid it.';
  return password ? 'We will never ask for a password in this chat, so I hid it.' : '';
}
