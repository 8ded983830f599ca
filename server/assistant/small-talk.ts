/**
 * The assistant's small talk: goodbye, thanks, a greeting, its first greeting, and the answer
 * when it did not understand. `open` is the question an action in progress is waiting on
 * (asked again after thanks or a greeting).
 */
import { GOODBYE, GREETING, MENU, NEVER_ASK, THANKS, qr } from './intents.js';
import { matches } from './match.js';
import type { AssistantReply, Lang } from './types.js';

/** The first message of a conversation. */
export function greeting(lang: Lang): AssistantReply {
  return {
    text:
      lang === 'es'
        ? `Hola, soy el asistente virtual. ¿En qué puedo ayudarle hoy? ${NEVER_ASK.es}`
        : `Hi, I'm the virtual assistant. How can I help you today? ${NEVER_ASK.en}`,
    intent: 'greeting',
    quickReplies: [...MENU[lang]],
  };
}

/** Goodbye, thanks or a greeting, else "I didn't understand". `discussed`: a task came up. */
export function smallTalk(
  lang: Lang,
  ws: readonly string[],
  open: string,
  discussed: boolean,
): AssistantReply {
  const es = lang === 'es';
  if (matches(ws, GOODBYE)) {
    return {
      text: es
        ? 'Gracias por escribirnos. ¡Que tenga un buen día!'
        : 'Thanks for chatting with us. Have a great day!',
      intent: 'goodbye',
    };
  }
  if (matches(ws, THANKS)) {
    return {
      text: es
        ? `De nada. ${open === '' ? '¿Hay algo más en lo que pueda ayudarle?' : open}`
        : `You're welcome. ${open === '' ? 'Is there anything else I can help you with?' : open}`,
      intent: 'thanks',
      quickReplies: discussed ? qr(lang, 'next', 'agent', 'done') : [...MENU[lang]],
    };
  }
  if (matches(ws, GREETING)) {
    return {
      text: es
        ? `¡Hola! ${open === '' ? '¿En qué puedo ayudarle hoy?' : open}`
        : `Hello! ${open === '' ? 'What can I help you with today?' : open}`,
      intent: 'greeting',
      quickReplies: [...MENU[lang]],
    };
  }
  return {
    text: es
      ? 'Disculpe, no lo entendí. Puedo ayudarle con estas tareas o comunicarle con un agente:'
      : "Sorry, I didn't understand that. I can help you with these tasks, or connect you with an agent:",
    intent: 'unknown',
    quickReplies: [...MENU[lang]],
  };
}
