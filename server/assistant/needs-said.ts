/**
 * Needs stated in words ("I'm hard of hearing", "uso un lector de pantalla"), at any point of
 * the chat, even in the middle of an action. The needs it can name are returned with the reply
 * (`AssistantReply.needs`) and the server states them exactly as the "Your needs" form does
 * (server/contact-center/accommodations.ts), keeping those already stated: the board, the record
 * and the notice are the same. The reply says what it noted and where to change it, then asks
 * the pending question again: an action in progress is neither dropped nor advanced.
 *
 * A need it cannot name (an interpreter, large print) is never copied into a note: the customer's
 * words stay theirs, and an agent is offered instead. Only what is returned is claimed as noted.
 */
import type { Accommodation } from '../../src/protocol.js';
import { ACCOMMODATIONS } from '../../src/protocol.js';
import { detailsIn } from './details.js';
import { AGENT, URGENT_FRAUD } from './intents.js';
import type { Triggers } from './intents.js';
import { detectTask, matches } from './match.js';
import { qr } from './phrases.js';
import { words } from './text.js';
import { listOf } from './topics.js';
import type { AssistantReply, Detail, Lang, Pending } from './types.js';

/** The phrases of each need the form lists (typos in words of six letters or more pass). */
const STATED: Readonly<Record<Accommodation, Triggers>> = {
  'screen-reader': {
    any: [
      'screen reader',
      'screen readers',
      'screenreader',
      'lector de pantalla',
      'lectores de pantalla',
      'lector pantalla',
    ],
  },
  'more-time': {
    any: [
      'more time',
      'extra time',
      'go slowly',
      'go slower',
      'more slowly',
      'mas tiempo',
      'tiempo extra',
      'mas despacio',
      'con calma',
    ],
    // More time to pay is a payment question, not a need of the chat.
    except: ['pay', 'paying', 'payment', 'payments', 'bill', 'pagar', 'pago', 'pagos', 'deuda'],
  },
  'written-summary': {
    any: [
      'written summary',
      'summary in writing',
      'summary written',
      'resumen por escrito',
      'resumen escrito',
      'por escrito un resumen',
      'resumen de la conversacion por escrito',
    ],
  },
  hearing: {
    any: [
      'hard of hearing',
      'deaf',
      'hearing impaired',
      'hearing loss',
      'hearing problems',
      'cant hear well',
      'sordo',
      'sorda',
      'sordomudo',
      'sordera',
      'hipoacusia',
      'dificultad auditiva',
      'discapacidad auditiva',
      'problemas de audicion',
      'problema de audicion',
      'problemas auditivos',
      'no oigo bien',
      'no escucho bien',
    ],
  },
};

/** A need of the chat the form does not list. */
const UNLISTED: Triggers = {
  any: [
    'sign language',
    'asl',
    'interpreter',
    'lengua de senas',
    'lenguaje de senas',
    'interprete',
    'large print',
    'letra grande',
    'braille',
    'blind',
    'ciego',
    'ciega',
    'dyslexia',
    'dyslexic',
    'dislexia',
    'relay service',
  ],
};

/** A request for accommodations in general: a need of its own only when none is named with it. */
const GENERIC: Triggers = {
  // Phrases, not single words: "my accommodation at the hotel" is a charge, not a request.
  any: [
    'can you accommodate',
    'could you accommodate',
    'accommodate me',
    'accommodate my',
    'need accommodations',
    'need an accommodation',
    'need accommodation',
    'any accommodations',
    'reasonable accommodation',
    'reasonable accommodations',
    'can you accomodate',
    'need accomodations',
    'i have a disability',
    'tengo una discapacidad',
    'tengo discapacidad',
    'ajustes razonables',
    'pueden adaptarse',
    'necesito adaptaciones',
  ],
};

/** What a message states: the needs the form lists, and whether it asks for anything else. */
export interface Stated {
  needs: Accommodation[];
  other: boolean;
}

/** The needs a message states, or null when it states none. */
export function statedIn(text: string): Stated | null {
  const ws = words(text);
  const needs = ACCOMMODATIONS.filter((need) => matches(ws, STATED[need]));
  const other = matches(ws, UNLISTED) || (needs.length === 0 && matches(ws, GENERIC));
  return needs.length === 0 && !other ? null : { needs, other };
}

const NAMES: Readonly<Record<Lang, Readonly<Record<Accommodation, string>>>> = {
  en: {
    'screen-reader': 'you use a screen reader',
    'more-time': 'you need more time',
    'written-summary': 'you want a written summary at the end',
    hearing: 'you are deaf or hard of hearing',
  },
  es: {
    'screen-reader': 'usa un lector de pantalla',
    'more-time': 'necesita más tiempo',
    'written-summary': 'desea un resumen por escrito al final',
    hearing: 'es una persona sorda o con dificultad auditiva',
  },
};

/** "Noted: …", where to change it, and an agent offered for what it could not name. */
function notedText(lang: Lang, stated: Stated): string {
  const es = lang === 'es';
  const parts: string[] = [];
  if (stated.needs.length > 0) {
    const list = listOf(
      lang,
      stated.needs.map((n) => NAMES[lang][n]),
    );
    parts.push(
      es
        ? `Tomé nota de que ${list}; el agente que le atienda también lo verá. Puede cambiarlo con "Sus necesidades", junto al cuadro de mensaje.`
        : `I've noted that ${list}; the agent who helps you will see it too. You can change this with "Your needs" by the message box.`,
    );
  }
  if (stated.other) {
    parts.push(
      stated.needs.length > 0
        ? es
          ? 'Para lo demás que necesite, un agente puede ayudarle. ¿Desea que le comunique con uno?'
          : 'For anything else you need, an agent can help. Would you like me to connect you with one?'
        : es
          ? 'Un agente puede ayudarle con eso. ¿Desea que le comunique con uno? También puede indicarnos lo que necesita con "Sus necesidades", junto al cuadro de mensaje.'
          : 'An agent can help with that. Would you like me to connect you with one? You can also tell us what you need with "Your needs" by the message box.',
    );
  }
  return parts.join(' ');
}

export interface NeedsTurn {
  lang: Lang;
  /** The action in progress, if any. */
  pending: Pending | null;
  /** Its question (asked only when one is in progress). */
  ask: () => string;
  /** The usual answer to the message (run only when the message also asks for something). */
  rest: () => AssistantReply;
  /** Adds the conversation's summary to a reply. */
  out: (reply: AssistantReply) => AssistantReply;
}

/**
 * The reply to a message that states needs, or null when it states none: what was noted, then
 * the question of the action in progress again (or what else it can do). When the message also
 * asks for a task, a person or help with fraud, what was noted comes before that usual answer.
 */
export function needsReply(text: string, turn: NeedsTurn): AssistantReply | null {
  const stated = statedIn(text);
  if (stated === null) return null;
  const { lang } = turn;
  // The server adds these to the needs stated before, which it keeps.
  const needs = stated.needs;
  const said = notedText(lang, stated);
  const withNeeds = (reply: AssistantReply): AssistantReply =>
    needs.length > 0 ? { ...reply, needs } : reply;
  const ws = words(text);
  // Details of the action in progress in the same message ("Bella Trattoria, Nov 15, $67.06")
  // are taken as usual: only a message that states needs alone leaves the action as it was.
  const p = turn.pending;
  const found = p === null ? {} : detailsIn(p, text, true);
  const carries = p !== null && (Object.keys(found) as Detail[]).some((k) => found[k] !== p.details[k]);
  const asksMore =
    carries || detectTask(text) !== undefined || matches(ws, AGENT) || matches(ws, URGENT_FRAUD);
  if (asksMore) {
    const rest = turn.rest();
    return withNeeds({ ...rest, text: `${said} ${rest.text}` });
  }
  const next =
    p !== null
      ? turn.ask()
      : lang === 'es'
        ? '¿En qué más puedo ayudarle?'
        : 'What else can I help you with?';
  return withNeeds(
    turn.out({
      text: `${said} ${next}`,
      intent: 'needs',
      quickReplies: stated.other || turn.pending !== null ? qr(lang, 'agent') : qr(lang, 'next', 'agent'),
    }),
  );
}
