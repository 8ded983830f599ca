/**
 * The conversation-level rules of the assistant (see intents.ts for how triggers match and the
 * wording rules): urgent fraud and a request for a person, checked before the tasks; next
 * steps, leaving the queue, questions about a closed case, goodbye, thanks and greetings.
 */
import type { Triggers } from './types.js';

/**
 * Fraud happening now: the phone route at once. Beats everything else. A past charge the
 * customer does not recognize is a dispute, not this.
 */
export const URGENT_FRAUD: Triggers = {
  any: [
    'someone is using my card',
    'somebody is using my card',
    'someone using my card',
    'someone is using my account',
    'someone used my card',
    'somebody used my card',
    'someone has my card',
    'someone is charging',
    'card is being used',
    'being used right now',
    'fraud in progress',
    'card was hacked',
    'card got hacked',
    'card is hacked',
    'card has been hacked',
    'hacked my card',
    'hacked my account',
    'card was compromised',
    'card is compromised',
    'card has been compromised',
    'card was skimmed',
    'hacke*',
    'clonaron',
    'clonada',
    'happening right now',
    'charges keep coming',
    'keep getting charged',
    'alguien esta usando mi tarjeta',
    'alguien usa mi tarjeta',
    'alguien uso mi tarjeta',
    'alguien tiene mi tarjeta',
    'estan usando mi tarjeta',
    'estan haciendo cargos',
    'me estan cobrando',
    'fraude en curso',
    // Identity theft: the phone route, not a replacement card.
    'stole my identity',
    'stolen my identity',
    'identity theft',
    'identity was stolen',
    'identity has been stolen',
    'opened an account in my name',
    'opened a card in my name',
    'opened accounts in my name',
    'robo de identidad',
    'robaron la identidad',
    'robaron mi identidad',
    'suplantaron mi identidad',
    'suplantacion de identidad',
    'abrieron una cuenta a mi nombre',
    'abrieron una tarjeta a mi nombre',
  ],
  // "unauthorized charges right now", "cargos no autorizados en este momento"
  all: [
    [
      'fraud*',
      'unauthori*',
      'charges',
      'purchases',
      'transactions',
      'fraude*',
      'cargos',
      'compras',
      'transacciones',
      'cobros',
      'using',
      'buying',
      'alerts',
      'usando',
      'comprando',
      'alertas',
    ],
    ['right now', 'as we speak', 'happening now', 'ahora mismo', 'en este momento', 'estan pasando'],
  ],
};

/**
 * The customer wants a person. Beats the tasks ("my card is lost, get me an agent"). Not a
 * travel agent, not an authorized person.
 */
export const AGENT: Triggers = {
  any: [
    'agent',
    'agents',
    'representative',
    'rep',
    'live person',
    'real person',
    'a person',
    'a human',
    'human',
    'talk to someone',
    'speak to someone',
    'speak with someone',
    'talk with someone',
    'operator',
    'live chat',
    'agente',
    'agentes',
    'representante',
    'persona',
    'hablar con alguien',
    'humano',
    'operador',
    'asesor',
  ],
  except: ['travel agent', 'persona autorizada', 'persona adicional', 'otra persona'],
};

/**
 * Asking for a person, said in so many words ("talk to an agent", "hablar con un asesor"): in a
 * complaint, "the agent was rude" names an agent without asking for one.
 */
export const PERSON_REQUEST: Triggers = {
  any: [
    'talk',
    'speak',
    'connect',
    'transfer',
    'chat with',
    'get me',
    'put me',
    'want an',
    'want a',
    'need an',
    'need a',
    'hablar',
    'comunic*',
    'paseme',
    'pasame',
    'quiero un',
    'quiero una',
    'necesito un',
    'necesito una',
  ],
};

/** "What happens next?" — answered from the last task discussed (or the task named). */
export const NEXT_STEPS: Triggers = {
  any: [
    'next steps',
    'next step',
    'what happens next',
    'what now',
    'timeline',
    'time line',
    'how long',
    'expected',
    'what should i do',
    'confirm',
    'status',
    'proximos pasos',
    'siguientes pasos',
    'proximo paso',
    'que sigue',
    'cuanto tarda',
    'cuanto tiempo',
    'plazo',
    'plazos',
    'confirm*',
    'que hago ahora',
    'y ahora',
  ],
};

/**
 * While waiting for a person: the customer leaves the line (the assistant carries on). Only
 * checked while the conversation is queued; the bare "cancelar" only counts when the message
 * names no task ("cancelar mi reserva" is about travel).
 */
export const LEAVE_QUEUE: Triggers = {
  any: [
    'leave the line',
    'leave the queue',
    'leave line',
    'leave queue',
    'leave the waiting line',
    'get out of the line',
    'get out of the queue',
    'exit the line',
    'exit the queue',
    'cancel agent',
    'cancel the agent',
    'cancel my agent',
    'cancel request',
    'cancel the request',
    'cancel my request',
    'stop waiting',
    'dont want to wait',
    'salir de la fila',
    'salir de la cola',
    'salirme de la fila',
    'salirme de la cola',
    'dejar la fila',
    'dejar la cola',
    'dejar de esperar',
    'no quiero esperar',
    'cancelar la solicitud',
    'cancelar el agente',
  ],
};

/** The bare word, for the Spanish "cancelar" (see LEAVE_QUEUE). */
export const LEAVE_QUEUE_WEAK: Triggers = { any: ['cancelar', 'cancela', 'cancel'] };

/** After a case was closed: "what was agreed?", "what's my case number?". */
export const CASE_QUESTION: Triggers = {
  any: [
    'what was agreed',
    'what we agreed',
    'what did we agree',
    'agreed',
    'agreement',
    'case number',
    'reference number',
    'my case',
    'my reference',
    'summary',
    'recap',
    'que acordamos',
    'lo acordado',
    'acordado',
    'acordamos',
    'numero de caso',
    'numero de referencia',
    'mi caso',
    'mi referencia',
    'resumen',
  ],
};

export const GOODBYE: Triggers = {
  any: [
    'bye',
    'goodbye',
    'thats all',
    'that is all',
    'nothing else',
    'see you',
    'adios',
    'hasta luego',
    'eso es todo',
    'nada mas',
    'chao',
    'chau',
  ],
};

export const THANKS: Triggers = {
  any: ['thanks', 'thank you', 'thx', 'appreciate it', 'gracias', 'te lo agradezco'],
};

export const GREETING: Triggers = {
  any: [
    'hi',
    'hello',
    'hey',
    'good morning',
    'good afternoon',
    'good evening',
    'hola',
    'buenas',
    'buenos dias',
    'buenas tardes',
    'buenas noches',
  ],
};
