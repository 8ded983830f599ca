/**
 * The assistant's intent table: what triggers each card-care task, what the assistant answers,
 * the quick replies it offers and the next steps it confirms later. English and Spanish side
 * by side. Triggers are matched on normalized whole words (accent- and case-insensitive;
 * see text.ts) in either language, whatever the conversation's language; `*` ends a stem.
 *
 * Wording rules (checked by test/server/assistant.test.ts with the redaction engine's own
 * agent-cue reader): a reply asks for a card only by its last four digits and the billing ZIP
 * code; it never asks for a full card number, security code, PIN or password, and it names
 * them only under a negation ("we will never ask for…"). Avoid the bare words "code",
 * "código", "clave", "verification" and "number on the back" — the redactor reads them as a
 * question for a secret and would mask the customer's next reply. Say "the phone number
 * printed on the back of your card" instead.
 */
import type { QuickReply } from '../../src/protocol.js';
import type { Lang, TaskIntent } from './types.js';

export type { TaskIntent } from './types.js';

/**
 * When a rule fires: any phrase of `any`, or one phrase of every group of `all`; never when a
 * phrase of `except` is present.
 */
export interface Triggers {
  any?: readonly string[];
  all?: readonly (readonly string[])[];
  except?: readonly string[];
}

export type ByLang<T> = Readonly<Record<Lang, T>>;

/** How a task identifies the card before it acts. */
export type CardStep = 'last4' | 'last4+zip';

export interface TaskDef {
  intent: TaskIntent;
  triggers: Triggers;
  /** The first answer. For a card task it ends by asking for the last four digits only. */
  answer: ByLang<string>;
  quickReplies: ByLang<readonly QuickReply[]>;
  /** The answer to "what are the next steps?" once this task was discussed. */
  next: ByLang<string>;
  /** The agent-console line (English). */
  summary: string;
  /** Card tasks: identify the card (last four, then ZIP where needed) before acting. */
  card?: CardStep;
}

// ---- shared sentences and quick replies ---------------------------------------------------

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
    es: { label: 'Ayuda para pagar', value: 'Necesito ayuda para pagar' },
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
    es: { label: 'Próximos pasos', value: 'Confirma los próximos pasos y el plazo, por favor' },
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

function both(...names: QrName[]): ByLang<readonly QuickReply[]> {
  return { en: qr('en', ...names), es: qr('es', ...names) };
}

/** The main tasks, offered on greeting and when the assistant does not understand. */
export const MENU: ByLang<readonly QuickReply[]> = both('dispute', 'lost', 'due', 'rewards', 'lock', 'agent');

// ---- conversation-level rules (checked before and after the tasks) -------------------------

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

// ---- the tasks, in priority order (the first that matches wins) ---------------------------

const AU = [
  'authorized user*',
  'authorised user*',
  'additional card*',
  'additional cardmember*',
  'extra card',
  'card for my',
  'usuario* autorizado*',
  'usuario* adicional*',
  'tarjeta* adicional*',
  'persona* autorizada*',
  'tarjetahabiente* adicional*',
];

export const TASKS: readonly TaskDef[] = [
  {
    // Payment trouble first: "I lost my job and can't pay" is not a lost card.
    intent: 'payment-assistance',
    triggers: {
      any: [
        'payment assistance',
        'cant pay',
        'cannot pay',
        'can not pay',
        'unable to pay',
        'trouble paying',
        'help paying',
        'struggling to pay',
        'hardship',
        'payment plan',
        'financial difficult*',
        'lost my job',
        'no puedo pagar',
        'ayuda para pagar',
        'problemas para pagar',
        'dificultad* para pagar',
        'plan de pago*',
        'dificultad* financiera*',
        'dificultad* economica*',
        'perdi mi trabajo',
        'perdi mi empleo',
      ],
    },
    answer: {
      en: "I'm sorry things are hard right now; we have options. Depending on your account, we may offer a payment plan with a lower monthly amount, a different due date, or a short-term hardship program. A specialist needs to review your account for these, so I can connect you with an agent. Paying at least the minimum by the due date keeps your account in good standing.",
      es: 'Siento que esté pasando por un momento difícil; tenemos opciones. Según su cuenta, podemos ofrecerle un plan de pagos con una cuota mensual menor, otra fecha de pago o un programa temporal de ayuda. Un especialista debe revisar su cuenta, así que puedo comunicarlo con un agente. Pagar al menos el mínimo antes de la fecha de vencimiento mantiene su cuenta al corriente.',
    },
    quickReplies: both('agent', 'due', 'lateFee'),
    next: {
      en: 'Next steps for payment assistance: an agent reviews your account and the options you qualify for, usually in the same conversation. Meanwhile, pay at least the minimum by the due date if you can.',
      es: 'Próximos pasos de la ayuda para pagar: un agente revisa su cuenta y las opciones a las que puede acceder, normalmente en la misma conversación. Mientras tanto, si puede, pague al menos el mínimo antes de la fecha de vencimiento.',
    },
    summary: 'Customer needs payment assistance (hardship / payment plan)',
  },
  {
    // Before payment-due and dispute: "a late fee on my payment", "a late charge".
    intent: 'late-fee',
    triggers: {
      any: [
        'late fee*',
        'late charge*',
        'late payment fee*',
        'fee for paying late',
        'paid late',
        'late payment',
        'cargo* por mora',
        'cargo* por pago tardio',
        'cargo* por pago atrasado',
        'cargo* por atraso',
        'comision* por atraso',
        'comision* por retraso',
        'recargo*',
        'mora',
        'pague tarde',
        'pago atrasado',
        'pago tardio',
      ],
    },
    answer: {
      en: "A late fee is charged when at least the minimum payment isn't received by the due date; the amount is on your statement. If you usually pay on time, an agent can review the fee and may be able to waive it once. To avoid future fees, set up AutoPay for at least the minimum payment.",
      es: 'El cargo por pago tardío se aplica cuando no recibimos al menos el pago mínimo antes de la fecha de vencimiento; el importe aparece en su estado de cuenta. Si suele pagar a tiempo, un agente puede revisar el cargo y quizá anularlo una vez. Para evitar cargos futuros, active el pago automático de al menos el mínimo.',
    },
    quickReplies: both('agent', 'due', 'help'),
    next: {
      en: 'Next steps for the late fee: an agent can review it in this chat; if a courtesy waiver is granted, the credit shows on your account within 1–2 business days and on your next statement.',
      es: 'Próximos pasos del cargo por pago tardío: un agente puede revisarlo en este chat; si se concede la anulación, el crédito aparece en su cuenta en 1 o 2 días hábiles y en su próximo estado de cuenta.',
    },
    summary: 'Customer asks about a late fee (possible courtesy waiver)',
  },
  {
    // Before rewards: "use my points" is about paying with them.
    intent: 'pay-with-points',
    triggers: {
      any: [
        'pay with points',
        'pay with my points',
        'use points',
        'use my points',
        'using points',
        'using my points',
        'redeem*',
        'cover a charge with points',
        'pagar con puntos',
        'pagar con mis puntos',
        'usar puntos',
        'usar mis puntos',
        'canjear*',
        'canje',
        'redimir*',
      ],
    },
    answer: {
      en: 'You can use your points to cover eligible charges on your statement, to book travel, or at checkout with participating merchants. In the app or online, open Rewards, then Use points, and pick the charges to cover; the credit appears within a few days. Points have a set value per charge type, shown before you confirm.',
      es: 'Puede usar sus puntos para cubrir cargos elegibles de su estado de cuenta, reservar viajes o pagar en comercios participantes. En la app o en línea, abra Recompensas, luego Usar puntos, y elija los cargos que desea cubrir; el crédito aparece en unos días. Cada tipo de canje tiene un valor por punto, que verá antes de confirmar.',
    },
    quickReplies: both('rewards', 'travel', 'agent'),
    next: {
      en: 'Next steps for paying with points: choose the charges under Rewards, then Use points, and confirm; the statement credit appears within 2–3 business days. Charges in a dispute cannot be covered with points.',
      es: 'Próximos pasos para pagar con puntos: elija los cargos en Recompensas, luego Usar puntos, y confirme; el crédito aparece en 2 o 3 días hábiles. Los cargos en disputa no se pueden cubrir con puntos.',
    },
    summary: 'Customer wants to pay with points',
  },
  {
    intent: 'rewards',
    triggers: {
      any: [
        'reward*',
        'points',
        'point balance',
        'membership rewards',
        'miles',
        'cashback',
        'cash back',
        'recompensa*',
        'puntos',
        'millas',
        'premios',
      ],
    },
    answer: {
      en: 'Your points balance is on the home screen of the app and on your monthly statement, with the points earned each month. Points are usually posted within a few days after a purchase. You can pay with points, transfer them to travel partners, or redeem them for gift cards.',
      es: 'Su saldo de puntos aparece en la pantalla principal de la app y en su estado de cuenta mensual, con los puntos ganados cada mes. Los puntos suelen acreditarse unos días después de cada compra. Puede pagar con puntos, transferirlos a socios de viaje o cambiarlos por tarjetas de regalo.',
    },
    quickReplies: both('points', 'travel', 'agent'),
    next: {
      en: 'Next steps for rewards: check the balance in the app; points for recent purchases post within a few days. If points are missing after 8 weeks, an agent can look into it.',
      es: 'Próximos pasos de recompensas: consulte el saldo en la app; los puntos de compras recientes se acreditan en unos días. Si faltan puntos después de 8 semanas, un agente puede revisarlo.',
    },
    summary: 'Customer asks about rewards points',
  },
  {
    // Before add: "remove an authorized user" names the user too.
    intent: 'authorized-user-remove',
    triggers: {
      all: [
        AU,
        [
          'remove',
          'removing',
          'delete',
          'cancel',
          'take off',
          'take * off',
          'eliminar',
          'elimina',
          'quitar',
          'quita',
          'borrar',
          'dar de baja',
          'cancelar',
          'retirar',
        ],
      ],
    },
    answer: {
      en: 'I can help remove an authorized user; only the primary cardmember can do this. Their card stops working as soon as they are removed, and their past charges stay on your account. To find their card, tell me only its last four digits.',
      es: 'Puedo ayudarle a dar de baja a un usuario autorizado; solo el titular principal puede hacerlo. Su tarjeta deja de funcionar en cuanto se le da de baja, y sus cargos anteriores siguen en la cuenta. Para encontrar su tarjeta, dígame solo los últimos cuatro dígitos.',
    },
    quickReplies: both('agent'),
    next: {
      en: 'Next steps for removing the authorized user: their card stops working immediately, pending charges still post, and the change shows on your next statement. Please destroy their card.',
      es: 'Próximos pasos para dar de baja al usuario autorizado: su tarjeta deja de funcionar de inmediato, los cargos pendientes se registran igualmente y el cambio aparece en su próximo estado de cuenta. Destruya la tarjeta del usuario, por favor.',
    },
    summary: 'Customer wants to remove an authorized user',
    card: 'last4+zip',
  },
  {
    intent: 'authorized-user-add',
    triggers: { any: AU },
    answer: {
      en: "You can add an authorized user in the app or online under Account, then Authorized users; you'll need their name, date of birth and address, so please enter those there rather than in this chat. They get their own card, and their purchases appear on your statement. An agent can also help.",
      es: 'Puede agregar un usuario autorizado en la app o en línea, en Cuenta y luego Usuarios autorizados; necesitará su nombre, fecha de nacimiento y dirección, así que ingréselos allí y no en este chat. Recibirá su propia tarjeta y sus compras aparecerán en su estado de cuenta. Un agente también puede ayudarle.',
    },
    quickReplies: both('agent', 'rewards'),
    next: {
      en: 'Next steps for the authorized user: once added, their card arrives in 7–10 business days at your billing address; you can set a spending limit for them in the app.',
      es: 'Próximos pasos del usuario autorizado: una vez agregado, su tarjeta llega en 7 a 10 días hábiles a su dirección de facturación; puede fijarle un límite de gasto en la app.',
    },
    summary: 'Customer wants to add an authorized user',
  },
  {
    intent: 'lost-stolen',
    triggers: {
      any: [
        'lost',
        'lose',
        'stolen',
        'stole',
        'missing',
        'misplaced',
        'cant find my card',
        'cannot find my card',
        'perdi',
        'perdida',
        'perdido',
        'robada',
        'robado',
        'robaron',
        'robo',
        'extravie',
        'extraviada',
        'extraviado',
        'no encuentro mi tarjeta',
      ],
    },
    answer: {
      en: "I'm sorry. I can lock your card now and send a replacement. To find the card, tell me only its last four digits.",
      es: 'Lo siento. Puedo bloquear su tarjeta y enviarle un reemplazo. Para encontrarla, dígame solo los últimos cuatro dígitos.',
    },
    quickReplies: both('agent'),
    next: {
      en: 'Next steps for your lost or stolen card: the card stays locked, the replacement has a new card number and arrives in 2–3 business days, and you should update any automatic payments with the new card. Charges you did not make can be disputed within 60 days of the statement.',
      es: 'Próximos pasos de su tarjeta perdida o robada: la tarjeta sigue bloqueada, el reemplazo tiene un número de tarjeta nuevo y llega en 2 o 3 días hábiles, y debe actualizar sus pagos automáticos con la tarjeta nueva. Los cargos que usted no hizo se pueden disputar dentro de los 60 días siguientes al estado de cuenta.',
    },
    summary: 'Customer reports a lost or stolen card',
    card: 'last4+zip',
  },
  {
    intent: 'damaged',
    triggers: {
      any: [
        'damaged',
        'broken',
        'broke',
        'cracked',
        'bent',
        'snapped',
        'worn out',
        'chip',
        'demagnetized',
        'not working',
        'doesnt work',
        'does not work',
        'stopped working',
        'replace my card',
        'replacement card',
        'new card',
        'danada',
        'danado',
        'rota',
        'roto',
        'doblada',
        'desgastada',
        'no funciona',
        'dejo de funcionar',
        'reemplazar mi tarjeta',
        'reponer mi tarjeta',
        'tarjeta nueva',
        'nueva tarjeta',
      ],
    },
    answer: {
      en: 'I can send you a replacement card with the same card number, so your automatic payments keep working. To find the card, tell me only its last four digits.',
      es: 'Puedo enviarle una tarjeta de reemplazo con el mismo número de tarjeta, así sus pagos automáticos siguen funcionando. Para encontrarla, dígame solo los últimos cuatro dígitos.',
    },
    quickReplies: both('lost', 'agent'),
    next: {
      en: 'Next steps for the damaged card: the replacement keeps the same card number and arrives in 3–5 business days; activate it in the app when it arrives, then cut up the old card. Your current card keeps working where it still can be used.',
      es: 'Próximos pasos de la tarjeta dañada: el reemplazo conserva el mismo número de tarjeta y llega en 3 a 5 días hábiles; actívelo en la app cuando llegue y luego corte la tarjeta anterior. Su tarjeta actual sigue funcionando donde todavía se pueda usar.',
    },
    summary: 'Customer needs a replacement for a damaged card',
    card: 'last4+zip',
  },
  {
    // Before lock ("unlock" is its own word, but "desbloquear" starts like nothing else).
    intent: 'unlock',
    triggers: {
      any: [
        'unlock',
        'unfreeze',
        'unblock',
        'reactivate',
        'turn my card back on',
        'desbloque*',
        'descongelar',
        'reactivar',
      ],
    },
    answer: {
      en: 'I can unlock your card. To find it, tell me only its last four digits.',
      es: 'Puedo desbloquear su tarjeta. Para encontrarla, dígame solo los últimos cuatro dígitos.',
    },
    quickReplies: both('agent'),
    next: {
      en: 'Next steps after unlocking: the card works again right away for purchases, and you can lock it again anytime in the app.',
      es: 'Próximos pasos tras el desbloqueo: la tarjeta vuelve a funcionar de inmediato para compras, y puede bloquearla de nuevo cuando quiera en la app.',
    },
    summary: 'Customer wants to unlock a card',
    card: 'last4+zip',
  },
  {
    intent: 'lock',
    triggers: {
      any: ['lock', 'freeze', 'block', 'pause my card', 'turn off my card', 'bloque*', 'congelar', 'pausar'],
    },
    answer: {
      en: 'I can lock your card now: new purchases will be declined until you unlock it. To find the card, tell me only its last four digits.',
      es: 'Puedo bloquear su tarjeta: las compras nuevas se rechazarán hasta que la desbloquee. Para encontrarla, dígame solo los últimos cuatro dígitos.',
    },
    quickReplies: both('lost', 'agent'),
    next: {
      en: 'Next steps for the locked card: new purchases are declined until you unlock it; recurring bills from merchants you already pay may still go through. If the card is lost or stolen, I can send a replacement.',
      es: 'Próximos pasos de la tarjeta bloqueada: las compras nuevas se rechazan hasta que la desbloquee; los pagos recurrentes a comercios que ya paga pueden seguir cobrándose. Si la perdió o se la robaron, puedo enviarle un reemplazo.',
    },
    summary: 'Customer wants to lock a card',
    card: 'last4',
  },
  {
    intent: 'dispute',
    triggers: {
      any: [
        'dispute*',
        'chargeback',
        'dont recognize',
        'do not recognize',
        'didnt make',
        'did not make',
        'didnt authorize',
        'did not authorize',
        'unauthorized charge',
        'unknown charge',
        'wrong charge',
        'incorrect charge',
        'charged twice',
        'double charged',
        'duplicate charge',
        'never received',
        'never arrived',
        'refund',
        'fraud',
        'fraudulent',
        'disput*',
        'reclam*',
        'no reconozco',
        'cargo no autorizado',
        'cargo desconocido',
        'cobro indebido',
        'cargo indebido',
        'cargo incorrecto',
        'cargo duplicado',
        'cobraron dos veces',
        'cobro doble',
        'no hice',
        'nunca recibi',
        'nunca llego',
        'reembolso',
        'fraude',
        'fraudulento',
      ],
    },
    answer: {
      en: 'I can help you dispute a charge. Which charge is it? Tell me the merchant, the date and the amount, for example "Blue Bottle Coffee, 08/15, $127.43". Disputes can be opened within 60 days of the statement the charge first appeared on.',
      es: 'Puedo ayudarle a disputar un cargo. ¿Qué cargo es? Dígame el comercio, la fecha y el importe, por ejemplo "Café Azul, 15/08, $127.43". Puede abrir una disputa dentro de los 60 días siguientes al estado de cuenta en que apareció el cargo.',
    },
    quickReplies: both('agent'),
    next: {
      en: 'Next steps for your dispute: we may contact the merchant and ask you for receipts; you do not need to pay the disputed amount while we review it.',
      es: 'Próximos pasos de su disputa: es posible que contactemos al comercio y le pidamos recibos; no tiene que pagar el importe disputado mientras lo revisamos.',
    },
    summary: 'Customer wants to dispute a charge',
  },
  {
    intent: 'payment-due',
    triggers: {
      any: [
        'due date',
        'due',
        'payment',
        'pay my bill',
        'pay my balance',
        'make a payment',
        'minimum payment',
        'statement balance',
        'autopay',
        'fecha de pago',
        'fecha limite',
        'vence',
        'vencimiento',
        'pago',
        'pago minimo',
        'hacer un pago',
        'pagar mi tarjeta',
        'pagar mi saldo',
        'pago automatico',
      ],
    },
    answer: {
      en: 'Your payment due date is on your monthly statement and on the home screen of the app; it falls on the same day each month. You can pay in the app, online or by mail, and set up AutoPay so you never miss it. Payments made by 8 p.m. Eastern on the due date count as on time.',
      es: 'La fecha de vencimiento de su pago aparece en su estado de cuenta mensual y en la pantalla principal de la app; es el mismo día cada mes. Puede pagar en la app, en línea o por correo, y activar el pago automático para no olvidarlo. Los pagos hechos antes de las 8 p. m., hora del Este, del día de vencimiento cuentan como puntuales.',
    },
    quickReplies: both('help', 'lateFee', 'agent'),
    next: {
      en: 'Next steps for your payment: pay at least the minimum by the due date; a payment made in the app shows on your account within 1–2 business days, and AutoPay can be set up in the app.',
      es: 'Próximos pasos de su pago: pague al menos el mínimo antes de la fecha de vencimiento; un pago hecho en la app se refleja en su cuenta en 1 o 2 días hábiles, y puede activar el pago automático en la app.',
    },
    summary: 'Customer asks about the payment due date',
  },
  {
    intent: 'credit-limit',
    triggers: {
      any: [
        'credit limit',
        'limit',
        'credit line',
        'available credit',
        'spending limit',
        'spending power',
        'limite*',
        'linea de credito',
        'credito disponible',
        'cupo',
      ],
    },
    answer: {
      en: 'Your credit limit and available credit are on the home screen of the app and on your statement. You can request a higher limit in the app under Account, then Credit limit; we look at your income, payment history and how long the account has been open, and most requests get an answer right away.',
      es: 'Su límite de crédito y su crédito disponible aparecen en la pantalla principal de la app y en su estado de cuenta. Puede pedir un aumento en la app, en Cuenta y luego Límite de crédito; tenemos en cuenta sus ingresos, su historial de pagos y la antigüedad de la cuenta, y la mayoría de las solicitudes reciben respuesta al instante.',
    },
    quickReplies: both('agent', 'due'),
    next: {
      en: 'Next steps for your credit limit: submit the request in the app; most get an answer right away, and the rest within 7–10 business days by email.',
      es: 'Próximos pasos de su límite de crédito: envíe la solicitud en la app; la mayoría recibe respuesta al instante, y el resto en 7 a 10 días hábiles por correo electrónico.',
    },
    summary: 'Customer asks about the credit limit',
  },
  {
    intent: 'travel',
    triggers: {
      any: [
        'travel*',
        'trip',
        'flight*',
        'hotel*',
        'booking*',
        'book a',
        'reservation*',
        'itinerary',
        'abroad',
        'car rental',
        'viaje*',
        'viajar',
        'vuelo*',
        'reserva*',
        'extranjero',
        'alquiler de auto*',
      ],
    },
    answer: {
      en: 'You can book flights, hotels and car rentals in the Travel section of the app or website and pay with your card, your points, or both. To change or cancel an existing booking, open it under Travel, then My trips; for help with a booking, I can connect you with a travel specialist. No travel notice is needed for trips abroad.',
      es: 'Puede reservar vuelos, hoteles y autos de alquiler en la sección Viajes de la app o del sitio web y pagar con su tarjeta, con sus puntos o con ambos. Para cambiar o cancelar una reserva, ábrala en Viajes y luego Mis viajes; si necesita ayuda con una reserva, puedo comunicarlo con un especialista en viajes. No hace falta avisar de sus viajes al extranjero.',
    },
    quickReplies: both('points', 'agent'),
    next: {
      en: 'Next steps for your travel booking: confirmations arrive by email within minutes; changes and cancellations follow the airline or hotel rules shown in My trips, and refunds return to the card or points used.',
      es: 'Próximos pasos de su reserva de viaje: la confirmación llega por correo electrónico en minutos; los cambios y cancelaciones siguen las reglas de la aerolínea o del hotel que verá en Mis viajes, y los reembolsos vuelven a la tarjeta o a los puntos usados.',
    },
    summary: 'Customer needs help with a travel booking',
  },
  {
    intent: 'contact',
    triggers: {
      any: [
        'contact',
        'phone',
        'call you',
        'call',
        'mailing address',
        'address',
        'email',
        'hours',
        'customer service',
        'customer care',
        'contact*',
        'telefono',
        'llamar*',
        'direccion',
        'correo',
        'horario*',
        'atencion al cliente',
        'servicio al cliente',
      ],
    },
    answer: {
      en: 'You can reach us anytime: call the phone number printed on the back of your card (24 hours a day), chat here, or send a secure message in the app. Our mailing address for payments and letters is on your monthly statement.',
      es: 'Puede contactarnos cuando quiera: llame al teléfono que aparece impreso en el reverso de su tarjeta (las 24 horas), escríbanos en este chat o envíe un mensaje seguro desde la app. La dirección postal para pagos y cartas aparece en su estado de cuenta mensual.',
    },
    quickReplies: both('agent', 'dispute', 'lost'),
    next: {
      en: 'Next steps: call the phone number printed on the back of your card anytime, or stay here and I can connect you with an agent.',
      es: 'Próximos pasos: llame al teléfono que aparece impreso en el reverso de su tarjeta cuando quiera, o quédese aquí y lo comunico con un agente.',
    },
    summary: 'Customer asks how to contact us',
  },
];

/** The task definitions by intent (urgent-fraud is not in the table: it is a rule above). */
export function taskDef(intent: TaskIntent): TaskDef | undefined {
  return TASKS.find((t) => t.intent === intent);
}
