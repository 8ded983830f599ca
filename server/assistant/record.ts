/**
 * The assistant's record (see Fact in types.ts) read back: the board line for a console, the
 * next steps of a task, and the end-of-chat summary in the customer's language. Only what the
 * record says was done is said to be done.
 */
import { REQUIRED, chargeText, detailNames, doneFact, doneNote, givenNote, isAction } from './actions.js';
import { DISPUTE_TIMELINE, PHONE_ROUTE, taskDef } from './intents.js';
import { TOPIC, listOf } from './topics.js';
import { identityLine, identityNote } from './identity.js';
import { needsRecap, wantsWrittenSummary } from './needs.js';
import { REQUEST_NEXT, REQUEST_SUMMARY, isRequest } from './requests.js';
import type { ActionIntent, AgentFact, Details, Fact, Lang, NeedsFact, TaskIntent } from './types.js';

/** A copy of a record that shares nothing with it. */
export function copyFacts(record: readonly Fact[]): Fact[] {
  return record.map((f) =>
    f.kind === 'done' || f.kind === 'started' ? { ...f, details: { ...f.details } } : { ...f },
  );
}

type TaskFact = Extract<Fact, { kind: 'done' | 'started' | 'answered' }>;

/** The latest fact about each task, in the order the tasks first came up. */
function latestByTask(record: readonly Fact[]): Map<TaskIntent, TaskFact> {
  const out = new Map<TaskIntent, TaskFact>();
  for (const f of record) {
    if (!('intent' in f)) continue;
    const prev = out.get(f.intent);
    // A done action stays done when it is asked about again.
    if (prev?.kind === 'done' && f.kind !== 'done') continue;
    out.set(f.intent, f);
  }
  return out;
}

/**
 * The facts to tell, one task after another: the latest of each task, except that an action
 * done more than once (two disputes, two cards locked) is told every time it was done.
 */
function toldFacts(record: readonly Fact[]): TaskFact[] {
  return [...latestByTask(record).values()].flatMap((f) =>
    f.kind === 'done' ? record.filter((d): d is TaskFact => d.kind === 'done' && d.intent === f.intent) : [f],
  );
}

/** A charge for the agent console: "the charge of $20.00 at ACME on 08/15". */
function chargeNote(d: Details): string {
  return [
    'the charge',
    d.amount !== undefined ? `of ${d.amount}` : '',
    d.merchant !== undefined ? `at ${d.merchant}` : '',
    d.date !== undefined ? `on ${d.date}` : '',
  ]
    .filter((w) => w !== '')
    .join(' ');
}

const URGENT_SUMMARY = 'Customer reports urgent fraud (phone route given)';

/** The facts about people: agents who took the chat and transfers, in order. */
type PeopleFact = Extract<Fact, { kind: 'transfer' | 'agent' }>;

function peopleFacts(record: readonly Fact[]): PeopleFact[] {
  return record.filter((f): f is PeopleFact => f.kind === 'transfer' || f.kind === 'agent');
}

/** The board line of one fact (English); agents who took the chat are not on the board. */
function factNote(f: Exclude<Fact, AgentFact | NeedsFact>): string {
  switch (f.kind) {
    case 'done':
      return doneNote(f.intent, f.details);
    case 'answered':
      return taskDef(f.intent)?.summary ?? f.intent;
    case 'transfer':
      return `Transferred to ${f.team}${f.note !== null && f.note !== '' ? `: ${f.note}` : ''}`;
    case 'card':
      return `Switched to the ${f.product} ending in ${f.last4}`;
    case 'documents':
      return `Documents received: ${f.count}`;
    case 'started': {
      const base =
        f.intent === 'urgent-fraud'
          ? URGENT_SUMMARY
          : isRequest(f.intent)
            ? REQUEST_SUMMARY[f.intent]
            : (taskDef(f.intent)?.summary ?? f.intent);
      if (f.intent === 'dispute') {
        const hasAny = Object.keys(f.details).length > 0;
        return hasAny
          ? `Customer wants to dispute ${chargeNote(f.details)} (not opened)`
          : `${base} (not opened)`;
      }
      const given = givenNote(f.intent, f.details);
      return given === '' ? `${base} (nothing done)` : `${base}: ${given} (nothing done)`;
    }
  }
}

/** In the end summary: an action asked for and not done. */
function notDone(lang: Lang, intent: ActionIntent): string {
  const topic = TOPIC[intent][lang];
  return lang === 'es'
    ? `Sobre ${topic}: no se completó en este chat, así que no se hizo ningún cambio.`
    : `About ${topic}: it was not completed in this chat, so nothing was changed.`;
}

const TEAM_NAME: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: {
    general: 'general',
    disputes: 'disputes',
    rewards: 'rewards',
    travel: 'travel',
    credit: 'credit',
    supervisor: 'supervisors',
  },
  es: {
    supervisor: 'supervisión',
    general: 'atención general',
    disputes: 'disputas',
    rewards: 'recompensas',
    travel: 'viajes',
    credit: 'crédito',
  },
};

/** A transfer or an agent who took the chat, for the customer (a transfer's note is internal). */
function peopleFact(lang: Lang, f: PeopleFact): string {
  const team = TEAM_NAME[lang][f.team] ?? f.team;
  if (f.kind === 'agent') {
    return lang === 'es'
      ? `Conversó con ${f.name}, del equipo de ${team}.`
      : `You chatted with ${f.name} from the ${team} team.`;
  }
  return lang === 'es'
    ? `Se le transfirió al equipo de ${team}.`
    : `You were transferred to the ${team} team.`;
}

type CardFact = Extract<Fact, { kind: 'card' }>;

/** The cards the chat switched to, in order. */
function cardFacts(record: readonly Fact[]): CardFact[] {
  return record.filter((f): f is CardFact => f.kind === 'card');
}

/** A card switch, for the customer. */
function cardFact(lang: Lang, f: CardFact): string {
  return lang === 'es'
    ? `La conversación pasó a su tarjeta ${f.product} terminada en ${f.last4}.`
    : `The chat moved to your ${f.product} ending in ${f.last4}.`;
}

/**
 * The board line of the whole record (English, marked when the customer writes Spanish): the
 * card switches first, as the tasks after them are about that card.
 */
export function summaryOf(lang: Lang, record: readonly Fact[]): string {
  const es = lang === 'es';
  const transfers = record.filter((f) => f.kind === 'transfer');
  const documents = record.filter((f) => f.kind === 'documents');
  const lines = [...cardFacts(record), ...toldFacts(record), ...transfers, ...documents].map(factNote);
  const identity = identityNote(record);
  if (identity !== '') lines.push(identity);
  if (lines.length === 0) return es ? 'No task discussed yet (Spanish).' : 'No task discussed yet.';
  const line = lines.join('; ');
  return es ? `${line} (Spanish)` : line;
}

/**
 * The next-steps text of a task, from the record: an action's next steps only once it is done.
 * `recapping`: for the end-of-chat summary (asks nothing).
 */
export function stepsTextOf(
  lang: Lang,
  record: readonly Fact[],
  intent: TaskIntent,
  recapping = false,
): string {
  const es = lang === 'es';
  const fact = latestByTask(record).get(intent);
  if (intent === 'urgent-fraud') {
    return es
      ? `Próximos pasos: ${PHONE_ROUTE.es}, para detener los cargos. Luego podrá disputar los cargos que no hizo. ${DISPUTE_TIMELINE.es}`
      : `Next steps: ${PHONE_ROUTE.en}, so we can stop the charges. Then you can dispute the charges you didn't make. ${DISPUTE_TIMELINE.en}`;
  }
  if (isAction(intent)) {
    if (fact?.kind === 'done') {
      const which =
        intent === 'dispute'
          ? es
            ? `Su disputa por el cargo de ${chargeText('es', fact.details)} está abierta. ${DISPUTE_TIMELINE.es} `
            : `Your dispute for ${chargeText('en', fact.details)} is open. ${DISPUTE_TIMELINE.en} `
          : '';
      return `${which}${isRequest(intent) ? REQUEST_NEXT[intent][lang] : (taskDef(intent)?.next[lang] ?? '')}`;
    }
    if (recapping) return notDone(lang, intent);
    const need = detailNames(lang, REQUIRED[intent]);
    const timeline = intent === 'dispute' ? `${DISPUTE_TIMELINE[lang]} ` : '';
    return es
      ? `${timeline}Todavía no se ha hecho nada sobre ${TOPIC[intent].es}: para hacerlo necesito ${need}, y su confirmación.`
      : `${timeline}Nothing has been done yet about ${TOPIC[intent].en}: for that I need ${need}, and your confirmation.`;
  }
  return taskDef(intent)?.next[lang] ?? '';
}

/** The end-of-chat summary, in the customer's language, from the record only. */
export function recapOf(lang: Lang, record: readonly Fact[]): string {
  const es = lang === 'es';
  const latest = [...latestByTask(record).values()];
  const people = peopleFacts(record);
  const cards = cardFacts(record);
  const nothing = es
    ? 'Hablamos de su cuenta; no se abrió ninguna solicitud ni se hizo ningún cambio en este chat.'
    : 'We talked about your account; no request was opened and nothing was changed in this chat.';
  if (latest.length === 0 && people.length === 0 && cards.length === 0) return nothing;
  const parts: string[] = [];
  if (latest.length === 0 && (cards.length > 0 || people.some((f) => f.kind === 'agent')))
    parts.push(nothing);
  if (latest.length > 0) {
    const about = listOf(
      lang,
      latest.map((f) => TOPIC[f.intent][lang]),
    );
    // "de el bloqueo" is written "del bloqueo".
    parts.push(
      es
        ? `Hablamos ${about.startsWith('el ') ? `del ${about.slice(3)}` : `de ${about}`}.`
        : `We talked about ${about}.`,
    );
  }
  for (const f of cards) parts.push(cardFact(lang, f));
  for (const f of toldFacts(record)) {
    if (f.kind === 'done') parts.push(doneFact(lang, f.intent, f.details));
    else if (f.kind === 'started') parts.push(notDone(lang, f.intent));
    // An action's next steps once, after the last time it was done.
    if (f.kind === 'done' && latestByTask(record).get(f.intent) === f) {
      parts.push(stepsTextOf(lang, record, f.intent, true));
    }
  }
  // The next steps of the last two questions answered keep the summary short; a customer who
  // asked for a written summary gets every one, and what they asked for.
  const written = wantsWrittenSummary(record);
  for (const f of latest.filter((x) => x.kind === 'answered').slice(written ? 0 : -2)) {
    parts.push(stepsTextOf(lang, record, f.intent, true));
  }
  for (const f of people) parts.push(peopleFact(lang, f));
  if (written) parts.push(needsRecap(lang, record));
  parts.push(identityLine(lang, record));
  const sent = record.reduce((n, f) => n + (f.kind === 'documents' ? f.count : 0), 0);
  if (sent > 0) {
    parts.push(
      lang === 'es'
        ? `Envió ${sent} ${sent === 1 ? 'documento' : 'documentos'} de forma segura.`
        : `You sent ${sent} ${sent === 1 ? 'document' : 'documents'} securely.`,
    );
  }
  return parts.filter((p) => p !== '').join(' ');
}
