/**
 * What the contact center says to the customer, in English and neutral Latin-American Spanish ("usted"): the
 * text of each notice, the assistant's answers about the queue, and the simulated agent's
 * lines. Plain text. Same wording rules as server/assistant/intents.ts: never ask for a
 * secret, never "the number on the back" (the redactor would read a question for a security
 * code); the phone route is "the phone number printed on the back of your card".
 */
import type { Team } from '../src/protocol.js';
import { PHONE_ROUTE } from './assistant/phrases.js';
import type { Lang } from './assistant/index.js';

const TEAM_NAME: Readonly<Record<Lang, Readonly<Record<Team, string>>>> = {
  en: {
    general: 'customer care',
    disputes: 'disputes',
    credit: 'credit',
    rewards: 'rewards',
    travel: 'travel',
    supervisor: 'supervisors',
  },
  es: {
    general: 'atención al cliente',
    disputes: 'disputas',
    credit: 'crédito',
    rewards: 'recompensas',
    travel: 'viajes',
    supervisor: 'supervisión',
  },
};

export function queued(lang: Lang): string {
  return lang === 'es'
    ? 'Usted está en la fila para hablar con un agente. Puede seguir conversando con el asistente virtual mientras espera, o salir de la fila cuando quiera.'
    : "You're in line for a live agent. You can keep chatting with the virtual assistant while you wait, or leave the line at any time.";
}

export function alreadyQueued(lang: Lang, position: number): string {
  return lang === 'es'
    ? `Ya está en la fila: tiene el número ${position}. Mientras espera, puedo seguir ayudándole aquí.`
    : `You're already in line: you're number ${position}. I can keep helping you here while you wait.`;
}

/** Asked for a person while one was taking over (the request crossed the agent-joined notice). */
export function alreadyWithAgent(lang: Lang, agent: string): string {
  return lang === 'es' ? `Ya está hablando con ${agent}.` : `You're already chatting with ${agent}.`;
}

export function queueFull(lang: Lang): string {
  return lang === 'es'
    ? `La fila para hablar con un agente está llena en este momento. Inténtelo de nuevo más tarde, o ${PHONE_ROUTE.es}. Mientras tanto, puedo seguir ayudándole aquí.`
    : `The line for a live agent is full right now. Please try again later, or ${PHONE_ROUTE.en}. Meanwhile, I can keep helping you here.`;
}

export function leftQueue(lang: Lang): string {
  return lang === 'es'
    ? 'Salió de la fila. El asistente virtual sigue aquí para ayudarle.'
    : 'You left the line. The virtual assistant is still here to help.';
}

export function agentJoined(lang: Lang, agent: string, team: Team): string {
  if (lang === 'es') {
    if (team === 'general') return `Ahora está hablando con ${agent}, agente de atención al cliente.`;
    if (team === 'supervisor') return `Ahora está hablando con ${agent}, del equipo de supervisión.`;
    return `Ahora está hablando con ${agent}, del equipo de ${TEAM_NAME.es[team]}.`;
  }
  if (team === 'general') return `You're now chatting with ${agent}, a live agent.`;
  if (team === 'supervisor') return `You're now chatting with ${agent}, a supervisor.`;
  return `You're now chatting with ${agent} from the ${TEAM_NAME.en[team]} team.`;
}

export function transferred(lang: Lang, agent: string, team: Team): string {
  if (lang === 'es') {
    const to =
      team === 'supervisor'
        ? 'con un supervisor'
        : team === 'general'
          ? 'con otro agente'
          : `al equipo de ${TEAM_NAME.es[team]}`;
    return `${agent} le está transfiriendo ${to}. Quédese en este chat, por favor.`;
  }
  const to =
    team === 'supervisor'
      ? 'a supervisor'
      : team === 'general'
        ? 'another live agent'
        : `the ${TEAM_NAME.en[team]} team`;
  return `${agent} is transferring you to ${to}. Please stay in this chat.`;
}

export function agentLeft(lang: Lang, agent: string): string {
  return lang === 'es'
    ? `${agent} se desconectó. Usted está de nuevo al principio de la fila.`
    : `${agent} was disconnected. You're back at the front of the line.`;
}

/**
 * Nobody who speaks the customer's language took the conversation in time: the next agent of
 * any language may take it.
 */
export function anyAgent(lang: Lang): string {
  return lang === 'es'
    ? 'En este momento no hay un agente disponible que hable español. El próximo agente disponible atenderá su chat y podría responderle en inglés. Usted conserva su lugar en la fila.'
    : 'No agent who speaks English is free right now. The next available agent will take your chat, and may reply in another language. You keep your place in line.';
}

export function ended(lang: Lang, caseNumber: string, summary: string): string {
  return lang === 'es'
    ? `Este chat terminó. Su número de referencia es ${caseNumber}. Resumen: ${summary}`
    : `This chat has ended. Your reference number is ${caseNumber}. Summary: ${summary}`;
}

// ---- the simulated agent ------------------------------------------------------------------

/** The simulated agent of each team. */
export const SIMULATED_AGENT_NAME: Readonly<Record<Team, string>> = {
  general: 'Alex',
  disputes: 'Maria',
  credit: 'Sam',
  rewards: 'Priya',
  travel: 'Diego',
  supervisor: 'Jordan',
};

/** The greeting; `topic` is what the customer wanted (TOPIC of the last task), if anything. */
export function simGreeting(lang: Lang, agent: string, team: Team, topic: string | undefined): string {
  if (lang === 'es') {
    const who =
      team === 'general'
        ? `Hola, soy ${agent}.`
        : team === 'supervisor'
          ? `Hola, soy ${agent}, del equipo de supervisión.`
          : `Hola, soy ${agent}, del equipo de ${TEAM_NAME.es[team]}.`;
    return topic === undefined
      ? `${who} ¿En qué puedo ayudarle hoy?`
      : `${who} Ya leí su conversación: me escribe por ${topic}. ¿En qué puedo ayudarle con eso?`;
  }
  const who =
    team === 'general'
      ? `Hi, I'm ${agent}.`
      : team === 'supervisor'
        ? `Hi, I'm ${agent}, a supervisor.`
        : `Hi, I'm ${agent} from the ${TEAM_NAME.en[team]} team.`;
  return topic === undefined
    ? `${who} How can I help you today?`
    : `${who} I've read your conversation: you're asking about ${topic}. How can I help you with that?`;
}

export function simTransferring(lang: Lang, team: Team): string {
  return lang === 'es'
    ? `De eso se encarga el equipo de ${TEAM_NAME.es[team]}, así que le transfiero ahora.`
    : `The ${TEAM_NAME.en[team]} team handles that, so I'm transferring you to them now.`;
}

export function simAnswer(lang: Lang, steps: string): string {
  if (steps === '') {
    return lang === 'es'
      ? '¿Puede contarme un poco más sobre lo que necesita? Puedo ayudarle con disputas, tarjetas perdidas o robadas, pagos, recompensas y más.'
      : 'Could you tell me a little more about what you need? I can help with disputes, lost or stolen cards, payments, rewards and more.';
  }
  return lang === 'es'
    ? `${steps} ¿Hay algo más en lo que pueda ayudarle?`
    : `${steps} Is there anything else I can help you with?`;
}

export function simGoodbye(lang: Lang): string {
  return lang === 'es'
    ? 'Gracias por escribirnos. Voy a cerrar este chat; verá un resumen a continuación. ¡Que tenga un buen día!'
    : "Thank you for chatting with us. I'm closing this chat now; you'll see a summary below. Have a great day!";
}
