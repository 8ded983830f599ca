/**
 * The accommodations a customer stated (src/protocol/accommodations.ts) as the conversation's
 * record keeps them (`NeedsFact`), and their names for people: the notice that acknowledges
 * them (in the customer's language) and the end summary. The customer's note is never quoted
 * back to them: it is named ("your note").
 */
import type { Accommodation } from '../../src/protocol.js';
import { listOf } from './topics.js';
import type { Fact, Lang, NeedsFact } from './types.js';

const NAMES: Readonly<Record<Lang, Readonly<Record<Accommodation | 'note', string>>>> = {
  en: {
    'screen-reader': 'you use a screen reader',
    'more-time': 'you need more time',
    'written-summary': 'a written summary at the end',
    hearing: 'you are deaf or hard of hearing',
    note: 'your note',
  },
  es: {
    'screen-reader': 'usa un lector de pantalla',
    'more-time': 'necesita más tiempo',
    'written-summary': 'un resumen por escrito al final',
    hearing: 'es una persona sorda o con dificultad auditiva',
    note: 'su nota',
  },
};

/** The needs as stated last (none when nothing was stated, or they were cleared). */
export function latestNeeds(record: readonly Fact[]): NeedsFact | undefined {
  const last = record.findLast((f): f is NeedsFact => f.kind === 'needs');
  return last && (last.needs.length > 0 || last.note !== null) ? last : undefined;
}

/** Whether the customer asked for a written summary (the end summary leaves nothing out). */
export function wantsWrittenSummary(record: readonly Fact[]): boolean {
  return latestNeeds(record)?.needs.includes('written-summary') ?? false;
}

function names(lang: Lang, fact: Pick<NeedsFact, 'needs' | 'note'>): string {
  const items = fact.needs.map((need) => NAMES[lang][need]);
  if (fact.note !== null) items.push(NAMES[lang].note);
  return listOf(lang, items);
}

/** The notice that acknowledges what the customer stated (the note named, never quoted). */
export function needsNotice(lang: Lang, fact: Pick<NeedsFact, 'needs' | 'note'>): string {
  const es = lang === 'es';
  if (fact.needs.length === 0 && fact.note === null) {
    return es
      ? 'Tomamos nota: no necesita ningún ajuste en este chat.'
      : "We've noted that you need no changes to this chat.";
  }
  const more = fact.needs.includes('more-time')
    ? es
      ? ' Tendrá más tiempo antes de que el chat se cierre por inactividad.'
      : ' You will have more time before the chat closes for inactivity.'
    : '';
  return es
    ? `Tomamos nota de lo que nos indicó: ${names(lang, fact)}. El agente que le atienda también lo verá.${more}`
    : `We've noted what you told us: ${names(lang, fact)}. The agent who helps you will see it too.${more}`;
}

/** In the end summary: what the customer asked for, so that the record of the chat says it. */
export function needsRecap(lang: Lang, record: readonly Fact[]): string {
  const fact = latestNeeds(record);
  if (fact === undefined) return '';
  return lang === 'es'
    ? `Tomamos en cuenta lo que nos indicó: ${names(lang, fact)}.`
    : `We took into account what you told us: ${names(lang, fact)}.`;
}
