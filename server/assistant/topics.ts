/**
 * What each task is about, in the customer's language, for the recap at the end of a chat and
 * the simulated agent's greeting ("I can see you asked about a lost or stolen card"). Noun
 * phrases that read after "about". Same wording rules as intents.ts: no cue words. The Spanish
 * names the thing, not the person (neither tú nor usted), so the agent's lines and the
 * assistant's both read it.
 */
import { REQUEST_TOPIC } from './requests.js';
import type { ByLang, TaskIntent } from './types.js';

export const TOPIC: Readonly<Record<TaskIntent, ByLang<string>>> = {
  dispute: { en: 'a charge you want to dispute', es: 'la disputa de un cargo' },
  'lost-stolen': { en: 'a lost or stolen card', es: 'una tarjeta perdida o robada' },
  damaged: { en: 'a damaged card', es: 'una tarjeta dañada' },
  lock: { en: 'locking your card', es: 'el bloqueo de la tarjeta' },
  unlock: { en: 'unlocking your card', es: 'el desbloqueo de la tarjeta' },
  'payment-due': { en: 'your payment due date', es: 'la fecha de vencimiento del pago' },
  'payment-assistance': { en: 'help with your payments', es: 'ayuda con los pagos' },
  'late-fee': { en: 'a late fee', es: 'un cargo por pago tardío' },
  rewards: { en: 'your rewards points', es: 'los puntos de recompensa' },
  'pay-with-points': { en: 'paying with points', es: 'el pago con puntos' },
  'authorized-user-add': { en: 'adding an authorized user', es: 'el alta de un usuario autorizado' },
  'authorized-user-remove': {
    en: 'removing an authorized user',
    es: 'la baja de un usuario autorizado',
  },
  contact: { en: 'how to contact us', es: 'cómo contactarnos' },
  'credit-limit': { en: 'your credit limit', es: 'el límite de crédito' },
  travel: { en: 'a travel booking', es: 'una reserva de viaje' },
  'urgent-fraud': { en: "charges you didn't make", es: 'cargos no reconocidos' },
  complaint: { en: 'a complaint', es: 'una queja' },
  declined: { en: 'a declined card', es: 'una tarjeta rechazada' },
  apr: { en: 'your interest rate', es: 'la tasa de interés' },
  balance: { en: 'your balance', es: 'el saldo' },
  'cancel-card': { en: 'closing a card', es: 'el cierre de una tarjeta' },
  refund: { en: 'a refund for a return', es: 'el reembolso de una devolución' },
  'verify-identity': { en: 'proving your identity', es: 'cómo demostrar su identidad' },
  ...REQUEST_TOPIC,
};

/** "a, b and c" / "a, b y c". */
export function listOf(lang: 'en' | 'es', items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const and = lang === 'es' ? ' y ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1] ?? ''}`;
}
