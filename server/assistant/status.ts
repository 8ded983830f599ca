/**
 * "What's the status of AMX-…?": a reference number in a message, and the answer from the case
 * desk (desk.ts). The answer names a case only to the customer it was filed under; for a number
 * of someone else's, or one that does not exist, it says the same words ("I can't find that
 * case"), so that it tells nobody whether a number exists. Also the answer about the case a
 * chat just closed with ("what was agreed?").
 */
import { CASE_NUMBER } from '../case-number.js';
import { shortAbout } from './complaint.js';
import { DISPUTE_TIMELINE } from './phrases.js';
import type { CaseDesk, Fact, FiledCase, Lang, TaskIntent, Triggers } from './types.js';

/** A reference as typed: any case, spaces or dashes between its parts ("amx 4kf7 q2zd"). */
const REF = /\bAMX[\s-]*([A-Z0-9]{4})[\s-]*([A-Z0-9]{4})\b/i;

/** The reference number in a message, upper case with its dashes, or null. */
export function refIn(text: string): string | null {
  const m = REF.exec(text);
  return m === null ? null : `AMX-${m[1] ?? ''}-${m[2] ?? ''}`.toUpperCase();
}

/** Whether `ref` is spelled as a case number can be (server/case-number.ts). */
export function wellFormed(ref: string): boolean {
  return CASE_NUMBER.test(ref);
}

/** "What's the status of my complaint?", "¿cómo va mi queja?": a case asked about. */
export const CASE_STATUS: Triggers = {
  all: [
    [
      'status',
      'update',
      'updates',
      'progress',
      'news',
      'follow up',
      'followup',
      'check on',
      'what happened with',
      'whats happening with',
      'estado',
      'estatus',
      'seguimiento',
      'novedades',
      'avance',
      'como va',
      'que paso con',
      'que ha pasado con',
    ],
    ['complaint*', 'case', 'ticket', 'reference', 'queja*', 'caso', 'reclamo', 'referencia', 'folio', 'amx'],
  ],
};

/** The date of a case, in the customer's language ("December 7, 2026", "7 de diciembre de 2026"). */
function dateOf(lang: Lang, at: number): string {
  return new Date(at).toLocaleDateString(lang === 'es' ? 'es-MX' : 'en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** The status of a case of this customer's, or the not-found answer (the same for every other number). */
export function statusText(lang: Lang, ref: string, found: FiledCase | undefined): string {
  const es = lang === 'es';
  if (found === undefined) {
    return es
      ? `No encuentro ese caso (${ref}). Revise el número de referencia: empieza con AMX- y le siguen ocho letras y números. También puedo comunicarle con un agente.`
      : `I can't find that case (${ref}). Please check the reference number: it starts with AMX- followed by eight letters and digits. I can also connect you with an agent.`;
  }
  const date = dateOf(lang, found.at);
  if (found.kind === 'complaint') {
    return es
      ? `Su queja ${found.ref}, registrada el ${date}, está abierta: nuestro equipo de atención a clientes la está revisando. Dice: "${shortAbout(found.text)}"`
      : `Your complaint ${found.ref}, filed on ${date}, is open: our customer relations team is reviewing it. It says: "${shortAbout(found.text)}"`;
  }
  return es
    ? `${found.ref} es la referencia de nuestro chat del ${date}, que ya terminó. Su resumen: ${found.text}`
    : `${found.ref} is the reference of our chat on ${date}, which has ended. Its summary: ${found.text}`;
}

/** The reference of the last complaint filed in this chat (a status question without a number). */
export function lastComplaintRef(record: readonly Fact[]): string | null {
  let ref: string | null = null;
  for (const f of record) if (f.kind === 'done' && f.intent === 'complaint') ref = f.details.ref ?? ref;
  return ref;
}

/** The status of `ref` as `customer` may know it (see statusText); a desk that fails finds nothing. */
export function lookUp(lang: Lang, desk: CaseDesk, customer: string, ref: string): string {
  let found: FiledCase | undefined;
  try {
    found = wellFormed(ref) ? desk.find(customer, ref) : undefined;
  } catch {
    found = undefined;
  }
  return statusText(lang, ref, found);
}

/** A status question without a number, and no complaint in this chat: which one? */
export function askRef(lang: Lang): string {
  return lang === 'es'
    ? '¿De qué caso se trata? Escriba su número de referencia; empieza con AMX-.'
    : 'Which case is it? Please type its reference number; it starts with AMX-.';
}

/** "What was agreed?" after the chat's case was closed: its summary, and the dispute timeline. */
export function closedCaseText(
  lang: Lang,
  c: { caseNumber: string; summary: string; tasks: ReadonlySet<TaskIntent> },
): string {
  const timeline =
    c.tasks.has('dispute') && !c.summary.includes(DISPUTE_TIMELINE[lang]) ? ` ${DISPUTE_TIMELINE[lang]}` : '';
  return lang === 'es'
    ? `Esto es lo que acordamos (referencia ${c.caseNumber}): ${c.summary}${timeline}`
    : `Here is what was agreed (reference ${c.caseNumber}): ${c.summary}${timeline}`;
}
