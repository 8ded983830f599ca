/**
 * Complaints: the task that starts one, what the complaint is about (the customer's own words,
 * already redacted by the widget and again by the server), and every sentence of its flow. A
 * complaint is an action like the others (actions.ts): it is filed only after the read-back of
 * its text and an explicit yes, and only then does it get a reference number. Same wording
 * rules as intents.ts.
 */
import { NO, YES, isCancel, isDontKnow, isNo, isYes } from './answers.js';
import { both } from './phrases.js';
import { words } from './text.js';
import type { Details, Lang, TaskDef } from './types.js';

/** The longest complaint text kept (what is read back is exactly what is filed). */
const MAX_ABOUT = 500;

/** The complaint words, with the usual typos ("complant", "quja"). */
const COMPLAINT_WORDS = [
  'complaint*',
  'complain',
  'complains',
  'complained',
  'complaining',
  'complant',
  'complaing',
  'complane',
  'complian',
  'compliant',
  'complnt',
  'grievance',
  'queja',
  'quejas',
  'quejar*',
  'quejo',
  'qeuja',
  'quja',
  'queje',
  'hacer un reclamo',
  'poner un reclamo',
  'presentar un reclamo',
  'levantar un reclamo',
  'reclamacion formal',
  'presentar una reclamacion',
  'poner una reclamacion',
];

export const COMPLAINT_TASK: TaskDef = {
  intent: 'complaint',
  triggers: {
    any: COMPLAINT_WORDS,
    // "This isn't compliant" is not a complaint; neither is a question about another's.
    except: ['is compliant', 'not compliant', 'compliant with', 'no compliant'],
  },
  answer: {
    en: "I'm sorry something went wrong. I can file a complaint with our customer relations team and give you a reference number. What is it about? Please tell me what happened in a few sentences; I'll read it back to you before I file anything.",
    es: 'Lamento que algo haya salido mal. Puedo registrar una queja con nuestro equipo de atención a clientes y darle un número de referencia. ¿De qué se trata? Cuénteme en pocas frases qué pasó; se lo leeré antes de registrar nada.',
  },
  quickReplies: both('agent'),
  next: {
    en: 'Next steps for your complaint: our customer relations team reviews it. You can ask me for its status any time with its reference number (it starts with AMX-).',
    es: 'Próximos pasos de su queja: nuestro equipo de atención a clientes la revisa. Puede preguntarme por su estado en cualquier momento con su número de referencia (empieza con AMX-).',
  },
  summary: 'Customer wants to file a complaint',
};

/** Words that open the description in the message that asks for the complaint. */
const OPENERS =
  /^(?:\s+(?:about|regarding|because|over|that|for|sobre|acerca de|respecto a|porque|por|de que|que|ya que)\s+|\s*[.:;,!-]+\s*)/iu;

/** The complaint's text, trimmed and kept under MAX_ABOUT characters (at a word). */
function kept(text: string): string | null {
  let t = text.trim().replace(/\s+/g, ' ');
  if (t.length > MAX_ABOUT) t = `${t.slice(0, MAX_ABOUT).replace(/\s+\S*$/, '')}…`;
  return words(t).length >= 2 ? t : null;
}

/** The message that asks for the complaint: what follows "about", "porque", ":"… if anything. */
function openingAbout(text: string): string | null {
  const m =
    /\b(?:complaint|complain\w*|complant|complaing|complane|complian|compliant|grievance|quej\w*|qeuja|quja|reclamo|reclamaci[oó]n)\b/iu.exec(
      text,
    );
  if (m === null) return null;
  const rest = text.slice(m.index + m[0].length);
  const open = OPENERS.exec(rest);
  return open === null ? null : kept(rest.slice(open[0].length));
}

/** Words that start a correction after the read-back ("actually, it was…", "en realidad…"), normalized. */
const CORRECTION = new Set([
  'actually',
  'instead',
  'rather',
  'correction',
  'realidad',
  'mejor',
  'corrijo',
  'correccion',
]);

/**
 * What the complaint is about, in a message. `opening`: the message that asks for the complaint
 * (only what follows "about", "porque"…). `asked`: the assistant asked what happened, so the
 * whole message, unless it is a yes, a no, "never mind", "I don't remember" or a short aside.
 * `confirm`: after the read-back, only a correction: one that starts with a no or "actually",
 * or a message of five words or more (never one that starts with a yes). A leading no is dropped
 * ("no, it was…").
 */
export function aboutIn(
  text: string,
  mode: 'opening' | 'asked' | 'confirm',
  small: (ws: string[]) => boolean,
): string | null {
  if (mode === 'opening') return openingAbout(text);
  const ws = words(text);
  const first = ws[0] ?? '';
  if (ws.length === 0 || isYes(text) || isNo(text) || isCancel(text) || isDontKnow(text)) return null;
  if (YES.has(first) || (ws.length <= 4 && small(ws))) return null;
  const cue = NO.has(first) || CORRECTION.has(first) || (first === 'en' && ws[1] === 'realidad');
  if (mode === 'confirm' && !cue && ws.length < 5) return null;
  const stripped = NO.has(first) ? text.replace(/^\s*\p{L}+[\s.,;:!-]*/u, '') : text;
  return kept(stripped);
}

/** A long complaint shortened for one line of a summary. */
export function shortAbout(about: string): string {
  return about.length <= 120 ? about : `${about.slice(0, 120).replace(/\s+\S*$/, '')}…`;
}

/** The read-back's plan. */
export function complaintPlan(lang: Lang, d: Details): string {
  return lang === 'es'
    ? `Voy a registrar esta queja para nuestro equipo de atención a clientes: "${d.about ?? ''}".`
    : `I'll file this complaint with our customer relations team: "${d.about ?? ''}".`;
}

/** Asking what the complaint is about. */
export function askAbout(lang: Lang): string {
  return lang === 'es'
    ? 'Cuénteme en pocas frases qué pasó; se lo leeré antes de registrar la queja.'
    : "Please tell me in a few sentences what happened; I'll read it back to you before I file the complaint.";
}

/** Said only after the read-back and a yes, once the store gave the reference number. */
export function complaintDone(lang: Lang, d: Details): string {
  return lang === 'es'
    ? `Listo. Registré su queja con nuestro equipo de atención a clientes. Su número de referencia es ${d.ref ?? ''}. Puede preguntarme por su estado en cualquier momento con ese número.`
    : `Done. I've filed your complaint with our customer relations team. Your reference number is ${d.ref ?? ''}. You can ask me for its status any time with that number.`;
}

/** The yes came but the complaint could not be stored: nothing is claimed. */
export function complaintNotFiled(lang: Lang): string {
  return lang === 'es'
    ? 'No pude registrar su queja en este momento, así que todavía no está registrada. Responda "sí" para intentarlo de nuevo, o puedo comunicarle con un agente.'
    : "I couldn't file your complaint just now, so it is not filed yet. Answer yes to try again, or I can connect you with an agent.";
}

/** The end summary's sentence. */
export function complaintFact(lang: Lang, d: Details): string {
  const about = shortAbout(d.about ?? '');
  return lang === 'es'
    ? `Se registró una queja con la referencia ${d.ref ?? ''}: "${about}".`
    : `A complaint was filed under reference ${d.ref ?? ''}: "${about}".`;
}

/** The board line (English). */
export function complaintNote(d: Details): string {
  return `Complaint filed (${d.ref ?? ''}): "${shortAbout(d.about ?? '')}"`;
}
