/**
 * A tiny rule-based virtual assistant: enough for the walking skeleton and the end-to-end
 * tests. Deterministic; English and Spanish. The full card-care assistant is issue 5.
 */
import type { QuickReply } from '../src/protocol.js';

export type Lang = 'en' | 'es';

export interface AssistantReply {
  text: string;
  quickReplies?: QuickReply[];
}

export const ASSISTANT_NAME: Record<Lang, string> = { en: 'Virtual assistant', es: 'Asistente virtual' };

const menu: Record<Lang, QuickReply[]> = {
  en: [
    { label: 'Dispute a charge', value: 'I want to dispute a charge' },
    { label: 'Lost or stolen card', value: 'My card was lost or stolen' },
    { label: 'Payment due date', value: 'When is my payment due?' },
  ],
  es: [
    { label: 'Disputar un cargo', value: 'Quiero disputar un cargo' },
    { label: 'Tarjeta perdida o robada', value: 'Perdí mi tarjeta o me la robaron' },
    { label: 'Fecha de pago', value: '¿Cuándo vence mi pago?' },
  ],
};

export function greeting(lang: Lang): AssistantReply {
  return lang === 'es'
    ? {
        text: 'Hola, soy el asistente virtual. ¿En qué puedo ayudarte hoy? Nunca te pediremos el número completo de tu tarjeta ni su código de seguridad.',
        quickReplies: menu.es,
      }
    : {
        text: "Hi, I'm the virtual assistant. How can I help you today? We will never ask for your full card number or its security code.",
        quickReplies: menu.en,
      };
}

interface Rule {
  /** Lower-cased, accent-stripped words or phrases that trigger the rule. */
  match: string[];
  reply: Record<Lang, string>;
}

const rules: Rule[] = [
  {
    match: ['dispute', 'disputar', 'charge i did not', 'cargo'],
    reply: {
      en: 'I can help you dispute a charge. Disputes can be opened within 60 days of the statement date. Which charge is it? Tell me the merchant, the date and the amount.',
      es: 'Puedo ayudarte a disputar un cargo. Puedes abrir una disputa dentro de los 60 días siguientes a la fecha del estado de cuenta. ¿Qué cargo es? Dime el comercio, la fecha y el importe.',
    },
  },
  {
    match: ['lost', 'stolen', 'perdi', 'robaron', 'robada'],
    reply: {
      en: "I'm sorry. I can lock your card right away and send a replacement. To find the card, please tell me only its last four digits.",
      es: 'Lo siento. Puedo bloquear tu tarjeta ahora mismo y enviarte un reemplazo. Para encontrarla, dime solo los últimos cuatro dígitos.',
    },
  },
  {
    match: ['due', 'payment', 'pago', 'vence'],
    reply: {
      en: 'Your payment due date is on your statement and in your account overview. Would you like to set up a payment reminder?',
      es: 'La fecha de vencimiento de tu pago está en tu estado de cuenta y en el resumen de tu cuenta. ¿Quieres programar un recordatorio de pago?',
    },
  },
  {
    match: ['agent', 'representative', 'person', 'human', 'agente', 'persona', 'representante'],
    reply: {
      en: 'Live agents join in a later version of this reference server. Meanwhile I can help with disputes, lost cards and payments.',
      es: 'Los agentes se incorporan en una versión posterior de este servidor de referencia. Mientras tanto puedo ayudarte con disputas, tarjetas perdidas y pagos.',
    },
  },
  {
    match: ['hello', 'hi', 'hey', 'hola', 'buenas'],
    reply: {
      en: 'Hello! What can I help you with today?',
      es: '¡Hola! ¿En qué puedo ayudarte hoy?',
    },
  },
];

function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function containsWord(haystack: string, needle: string): boolean {
  if (needle.includes(' ')) return haystack.includes(needle);
  return haystack.split(/[^\p{L}\p{N}]+/u).includes(needle);
}

export function reply(text: string, lang: Lang): AssistantReply {
  const normalized = normalize(text);
  for (const rule of rules) {
    if (rule.match.some((word) => containsWord(normalized, word))) return { text: rule.reply[lang] };
  }
  return lang === 'es'
    ? { text: 'Gracias. Puedo ayudarte con estas tareas:', quickReplies: menu.es }
    : { text: 'Thanks. I can help you with these tasks:', quickReplies: menu.en };
}
