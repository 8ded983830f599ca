/**
 * Requests the assistant files (issue 26 item 1): a due-date change, a late-fee review, a new
 * authorized user, a credit-limit review and a travel notice. They run as actions (actions.ts:
 * details, read-back, explicit yes) but promise no outcome that needs a person or a credit
 * decision: a request is filed, a review is requested; only the travel notice is done at once.
 * A question about the same topic without a request cue stays a question (its answer).
 * Spanish: neutral Latin-American, usted.
 */
import type { CardmemberProfile } from '../../demo/fixtures/profiles.js';
import type { ByLang, Details, Lang, TaskIntent } from './types.js';

export type RequestIntent =
  'due-date-change' | 'late-fee-review' | 'authorized-user-request' | 'limit-review' | 'travel-notice';

/** The question each request belongs to, and the words that make the question a request. */
const FROM: Readonly<Record<RequestIntent, { base: TaskIntent; cue: readonly RegExp[] }>> = {
  'due-date-change': {
    base: 'payment-due',
    cue: [/\b(?:change|move|switch|different|cambiar|cambio|mover|otra fecha|distinta)\b/i],
  },
  'late-fee-review': {
    base: 'late-fee',
    cue: [
      /\b(?:waive|remove|refund|review|reverse|take off|forgive|quitar|quiten|eliminar|anular|reembolsar|reembolso|revisar|revisen|revisión|condonar|perdonar|devolver)\b/i,
    ],
  },
  'authorized-user-request': {
    base: 'authorized-user-add',
    cue: [/\b(?:add|agregar|añadir|alta|incluir)\b/i],
  },
  'limit-review': {
    base: 'credit-limit',
    cue: [
      /\b(?:increase|raise|higher|more|bigger|review|aumentar|aumento|subir|suban|más alto|mayor|ampliar|incrementar|revisión)\b/i,
    ],
  },
  'travel-notice': {
    base: 'travel',
    cue: [
      /\b(?:notice|notify|let you know|heads up|aviso|avisar|notificar)\b/i,
      // "I'm going to Mexico", "voy a viajar a Colombia": a place named, not "going to book".
      /\b(?:[Tt]raveling|[Tt]ravelling|[Gg]oing|[Vv]iajar|[Vv]iajo|[Vv]iajaré)\s+(?:to|a)\s+\p{Lu}/u,
    ],
  },
};

const INTENTS = Object.keys(FROM) as RequestIntent[];

export function isRequest(intent: TaskIntent): intent is RequestIntent {
  return intent in FROM;
}

/** The question a request belongs to ("payment-due" for a due-date change), or the intent. */
export function baseOf(intent: TaskIntent): TaskIntent {
  return isRequest(intent) ? FROM[intent].base : intent;
}

function money(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang === 'es' ? 'es-US' : 'en-US', {
    style: 'currency',
    currency: 'USD',
  }).format(n);
}

function day(lang: Lang, iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString(lang === 'es' ? 'es-US' : 'en-US', {
    month: lang === 'es' ? 'long' : 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * A question of `base` as it is to be handled: a request (with what the profile already tells,
 * the late fee), or the question itself, with `text` when a late-fee review cannot be filed
 * because the profile has no late fee (the answer says so).
 */
export function requestOf(
  lang: Lang,
  base: TaskIntent,
  text: string,
  profile: CardmemberProfile | undefined,
): { intent: TaskIntent; details: Details; text: string | null } {
  const intent = INTENTS.find((i) => FROM[i].base === base && FROM[i].cue.some((re) => re.test(text)));
  if (intent === undefined) return { intent: base, details: {}, text: null };
  if (intent !== 'late-fee-review' || profile === undefined) return { intent, details: {}, text: null };
  const fee = profile.lateFee;
  if (fee === undefined) {
    return {
      intent: base,
      details: {},
      text:
        lang === 'es'
          ? 'Su cuenta no tiene ningún cargo por pago tardío, así que no hay nada que revisar y no registré ninguna solicitud.'
          : "There is no late fee on your account, so there is nothing to review and I haven't filed anything.",
    };
  }
  return {
    intent,
    details: { amount: money(lang, fee.amount), date: day(lang, fee.statementDate) },
    text: null,
  };
}

// ---- wording -----------------------------------------------------------------------------

export const REQUEST_DETAIL_NAME: ByLang<
  Record<'day' | 'limit' | 'name' | 'relation' | 'place' | 'from' | 'to', string>
> = {
  en: {
    day: 'the new day of the month (1 to 28)',
    limit: 'the credit limit you would like',
    name: "the authorized user's full name",
    relation: 'how they are related to you',
    place: 'where you are going',
    from: 'the day you leave',
    to: 'the day you come back',
  },
  es: {
    day: 'el nuevo día del mes (del 1 al 28)',
    limit: 'el límite de crédito que desea',
    name: 'el nombre completo del usuario autorizado',
    relation: 'su parentesco o relación con usted',
    place: 'adónde viaja',
    from: 'el día de salida',
    to: 'el día de regreso',
  },
};

export const REQUEST_TOPIC: Readonly<Record<RequestIntent, ByLang<string>>> = {
  'due-date-change': { en: 'changing your payment due date', es: 'el cambio de la fecha de vencimiento' },
  'late-fee-review': { en: 'a review of a late fee', es: 'la revisión de un cargo por pago tardío' },
  'authorized-user-request': {
    en: 'adding an authorized user',
    es: 'el alta de un usuario autorizado',
  },
  'limit-review': { en: 'a review of your credit limit', es: 'la revisión del límite de crédito' },
  'travel-notice': { en: 'a travel notice', es: 'un aviso de viaje' },
};

/** The board line of a request asked for (English). */
export const REQUEST_SUMMARY: Readonly<Record<RequestIntent, string>> = {
  'due-date-change': 'Customer asks to change the payment due date',
  'late-fee-review': 'Customer asks for a late-fee review',
  'authorized-user-request': 'Customer asks to add an authorized user',
  'limit-review': 'Customer asks for a credit-limit review',
  'travel-notice': 'Customer wants to file a travel notice',
};

function nth(n: string): string {
  const v = Number(n);
  const s =
    v % 10 === 1 && v !== 11
      ? 'st'
      : v % 10 === 2 && v !== 12
        ? 'nd'
        : v % 10 === 3 && v !== 13
          ? 'rd'
          : 'th';
  return `${n}${s}`;
}

/** A limit as typed ("20000" or "$20,000"), in dollars. */
function dollars(limit: string | undefined): string {
  return limit === undefined || limit.startsWith('$') ? (limit ?? '') : `$${limit}`;
}

function who(d: Details): string {
  return `${d.name ?? ''}${d.relation !== undefined ? ` (${d.relation})` : ''}`;
}

/** The first reply when a request is asked for without its details. */
export function requestIntro(lang: Lang, intent: RequestIntent): string {
  const es = lang === 'es';
  switch (intent) {
    case 'due-date-change':
      return es
        ? 'Puedo registrar aquí una solicitud para cambiar su fecha de vencimiento (también puede hacerlo en la app, en Cuenta y luego Pagos); el cambio se aplica a partir del próximo estado de cuenta.'
        : 'I can file a request here to change your payment due date (you can also do it in the app, under Account, then Payments); the change applies from your next statement.';
    case 'late-fee-review':
      return es
        ? 'Puedo solicitar la revisión de un cargo por pago tardío; un especialista decide el resultado.'
        : 'I can request a review of a late fee; a specialist decides the outcome.';
    case 'authorized-user-request':
      return es ? 'Puedo registrar aquí la solicitud.' : 'I can file the request here.';
    case 'limit-review':
      return es
        ? 'Puedo solicitar la revisión de su límite de crédito; la decisión la toma nuestro equipo de crédito.'
        : 'I can request a review of your credit limit; our credit team makes the decision.';
    case 'travel-notice':
      return es ? 'Puedo dejar registrado un aviso de viaje.' : 'I can put a travel notice on file.';
  }
}

/** Asking for what is still missing. */
export function requestAsk(lang: Lang, intent: RequestIntent, d: Details): string {
  const es = lang === 'es';
  switch (intent) {
    case 'due-date-change':
      return es
        ? '¿Qué día del mes desea como nueva fecha de vencimiento? Elija un día del 1 al 28.'
        : 'Which day of the month would you like as your new due date? Choose a day from 1 to 28.';
    case 'late-fee-review':
      return es
        ? '¿Qué cargo por pago tardío desea que revisemos? Dígame el importe y la fecha del estado de cuenta, por ejemplo "$39.00, 28/11".'
        : 'Which late fee should we review? Tell me its amount and the statement date, for example "$39.00, 11/28".';
    case 'limit-review':
      return es
        ? '¿Qué límite de crédito desea solicitar? Por ejemplo, $15,000.'
        : 'What credit limit would you like to ask for? For example, $15,000.';
    case 'authorized-user-request':
      if (d.name === undefined) {
        return es
          ? '¿Cuál es el nombre completo (nombre y apellido) de la persona y qué relación tiene con usted? Su fecha de nacimiento y su dirección se completan después en la app o con un agente, no en este chat.'
          : "What is the person's full name (first and last), and how are they related to you? Their date of birth and address are completed later in the app or with an agent, not in this chat.";
      }
      return es ? `¿Qué relación tiene ${d.name} con usted?` : `How is ${d.name} related to you?`;
    case 'travel-notice':
      if (d.place === undefined && d.from !== undefined) {
        return es
          ? '¿Adónde viaja? Dígame el país o la ciudad.'
          : 'Where are you going? Tell me the country or city.';
      }
      if (d.place === undefined) {
        return es
          ? '¿Adónde viaja y en qué fechas? Por ejemplo, "México, del 20 de diciembre al 3 de enero".'
          : 'Where are you going, and on which dates? For example, "Mexico, Dec 20 to Jan 3".';
      }
      return es
        ? `¿En qué fechas estará en ${d.place}? Dígame el día de salida y el de regreso.`
        : `On which dates will you be in ${d.place}? Tell me the day you leave and the day you come back.`;
  }
}

/** What will be filed (the read-back, before the question). */
export function requestPlan(lang: Lang, intent: RequestIntent, d: Details): string {
  const es = lang === 'es';
  switch (intent) {
    case 'due-date-change':
      return es
        ? `Voy a registrar una solicitud para cambiar su fecha de vencimiento al día ${d.day ?? ''} de cada mes, a partir del próximo estado de cuenta.`
        : `I'll file a request to move your due date to the ${nth(d.day ?? '')} of each month, starting with your next statement.`;
    case 'late-fee-review':
      return es
        ? `Voy a solicitar la revisión del cargo por pago tardío de ${d.amount ?? ''} del estado de cuenta del ${d.date ?? ''}.`
        : `I'll request a review of the late fee of ${d.amount ?? ''} on the statement of ${d.date ?? ''}.`;
    case 'authorized-user-request':
      return es
        ? `Voy a registrar una solicitud para agregar a ${who(d)} como usuario autorizado.`
        : `I'll file a request to add ${who(d)} as an authorized user.`;
    case 'limit-review':
      return es
        ? `Voy a solicitar la revisión de su límite de crédito, con un límite de ${dollars(d.limit)}.`
        : `I'll request a review of your credit limit, asking for ${dollars(d.limit)}.`;
    case 'travel-notice':
      return es
        ? `Voy a registrar un aviso de viaje a ${d.place ?? ''} del ${d.from ?? ''} al ${d.to ?? ''}.`
        : `I'll put a travel notice on file for ${d.place ?? ''} from ${d.from ?? ''} to ${d.to ?? ''}.`;
  }
}

export const REQUEST_SHALL: Readonly<Record<RequestIntent, ByLang<string>>> = {
  'due-date-change': { en: 'Shall I file it?', es: '¿Desea que la registre?' },
  'late-fee-review': { en: 'Shall I request it?', es: '¿Desea que la solicite?' },
  'authorized-user-request': { en: 'Shall I file it?', es: '¿Desea que la registre?' },
  'limit-review': { en: 'Shall I request it?', es: '¿Desea que la solicite?' },
  'travel-notice': { en: 'Shall I file it?', es: '¿Desea que lo registre?' },
};

/** Said only after the read-back and a yes. */
export function requestDone(lang: Lang, intent: RequestIntent, d: Details): string {
  const es = lang === 'es';
  switch (intent) {
    case 'due-date-change':
      return es
        ? `Listo. Registré su solicitud para cambiar su fecha de vencimiento al día ${d.day ?? ''} de cada mes, a partir del próximo estado de cuenta. Hasta entonces, su fecha de vencimiento actual no cambia.`
        : `Done. I've filed your request to move your due date to the ${nth(d.day ?? '')} of each month, starting with your next statement. Until then, your current due date stays the same.`;
    case 'late-fee-review':
      return es
        ? `Listo. Solicité la revisión del cargo por pago tardío de ${d.amount ?? ''} (estado de cuenta del ${d.date ?? ''}). Le avisaremos el resultado por correo electrónico; mientras tanto, el cargo sigue en su cuenta.`
        : `Done. I've requested a review of the late fee of ${d.amount ?? ''} (statement of ${d.date ?? ''}). We'll email you the outcome; until then the fee stays on your account.`;
    case 'authorized-user-request':
      return es
        ? `Listo. Registré la solicitud para agregar a ${who(d)} como usuario autorizado. Para completarla, ingrese su fecha de nacimiento y dirección en la app, en Cuenta y luego Usuarios autorizados, o hágalo con un agente.`
        : `Done. I've filed a request to add ${who(d)} as an authorized user. To complete it, enter their date of birth and address in the app under Account, then Authorized users, or with an agent.`;
    case 'limit-review':
      return es
        ? `Listo. Solicité la revisión de su límite de crédito, con un límite de ${dollars(d.limit)}. Nuestro equipo de crédito decide y le responderá por correo electrónico en 7 a 10 días hábiles; su límite actual no cambia mientras tanto.`
        : `Done. I've requested a review of your credit limit, asking for ${dollars(d.limit)}. Our credit team decides and will email you within 7–10 business days; your current limit stays the same until then.`;
    case 'travel-notice':
      return es
        ? `Listo. Su aviso de viaje a ${d.place ?? ''} del ${d.from ?? ''} al ${d.to ?? ''} quedó registrado.`
        : `Done. A travel notice is on file for ${d.place ?? ''} from ${d.from ?? ''} to ${d.to ?? ''}.`;
  }
}

/** The done request in the end summary (past tense, with its details). */
export function requestFact(lang: Lang, intent: RequestIntent, d: Details): string {
  const es = lang === 'es';
  switch (intent) {
    case 'due-date-change':
      return es
        ? `Se registró la solicitud para cambiar la fecha de vencimiento al día ${d.day ?? ''} de cada mes, a partir del próximo estado de cuenta.`
        : `A request was filed to move the due date to the ${nth(d.day ?? '')} of each month, starting with the next statement.`;
    case 'late-fee-review':
      return es
        ? `Se solicitó la revisión del cargo por pago tardío de ${d.amount ?? ''} (estado de cuenta del ${d.date ?? ''}).`
        : `A review was requested for the late fee of ${d.amount ?? ''} (statement of ${d.date ?? ''}).`;
    case 'authorized-user-request':
      return es
        ? `Se registró la solicitud para agregar a ${who(d)} como usuario autorizado.`
        : `A request was filed to add ${who(d)} as an authorized user.`;
    case 'limit-review':
      return es
        ? `Se solicitó la revisión del límite de crédito, con un límite de ${dollars(d.limit)}.`
        : `A credit-limit review was requested, asking for ${dollars(d.limit)}.`;
    case 'travel-notice':
      return es
        ? `Quedó registrado un aviso de viaje a ${d.place ?? ''} del ${d.from ?? ''} al ${d.to ?? ''}.`
        : `A travel notice was put on file for ${d.place ?? ''} from ${d.from ?? ''} to ${d.to ?? ''}.`;
  }
}

/** The board line of a done request (English). */
export function requestNote(intent: RequestIntent, d: Details): string {
  switch (intent) {
    case 'due-date-change':
      return `Due date change requested: the ${nth(d.day ?? '')} from the next statement`;
    case 'late-fee-review':
      return `Late-fee review requested: ${d.amount ?? ''}, statement of ${d.date ?? ''}`;
    case 'authorized-user-request':
      return `Request filed to add an authorized user: ${who(d)}`;
    case 'limit-review':
      return `Credit-limit review requested: ${dollars(d.limit)}`;
    case 'travel-notice':
      return `Travel notice on file: ${d.place ?? ''}, ${d.from ?? ''} to ${d.to ?? ''}`;
  }
}

/** The next steps of a done request. */
export const REQUEST_NEXT: Readonly<Record<RequestIntent, ByLang<string>>> = {
  'due-date-change': {
    en: 'Next steps: keep paying by your current due date until the next statement shows the new one.',
    es: 'Próximos pasos: siga pagando en su fecha de vencimiento actual hasta que el próximo estado de cuenta muestre la nueva.',
  },
  'late-fee-review': {
    en: 'Next steps: the outcome of the review arrives by email.',
    es: 'Próximos pasos: el resultado de la revisión le llegará por correo electrónico.',
  },
  'authorized-user-request': {
    en: 'Next steps: complete their date of birth and address in the app, or with an agent.',
    es: 'Próximos pasos: complete su fecha de nacimiento y dirección en la app o con un agente.',
  },
  'limit-review': {
    en: 'Next steps: the credit team emails you its decision within 7–10 business days.',
    es: 'Próximos pasos: el equipo de crédito le enviará su decisión por correo electrónico en 7 a 10 días hábiles.',
  },
  'travel-notice': {
    en: 'Next steps: nothing more is needed; keep the app handy while you travel.',
    es: 'Próximos pasos: no necesita hacer nada más; tenga la app a mano durante su viaje.',
  },
};

/** The details given so far, for the board. */
export function requestGiven(intent: RequestIntent, d: Details): string {
  const parts = Object.entries(d).map(([k, v]) => `${k} ${v}`);
  return intent === 'authorized-user-request' && d.name !== undefined ? `name ${who(d)}` : parts.join(', ');
}
