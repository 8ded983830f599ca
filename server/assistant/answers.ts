/**
 * Reading the customer's short answers while an action is pending: an explicit yes, a no,
 * "never mind", "I don't remember", and whether a short reply can be a merchant's name. Same
 * wording rules as intents.ts.
 */
import { normalize, words } from './text.js';

export const YES = new Set([
  'yes',
  'yeah',
  'yep',
  'yup',
  'correct',
  'right',
  'sure',
  'confirm',
  'confirmed',
  'affirmative',
  'absolutely',
  'definitely',
  'si',
  'correcto',
  'claro',
  'adelante',
  'confirmo',
  'afirmativo',
  'exacto',
  'dale',
  'hagalo',
  'hazlo',
  'proceda',
]);
const YES_PHRASES = ['go ahead', 'please do', 'do it', 'de acuerdo', 'esta bien', 'por supuesto', 'asi es'];
export const NO = new Set([
  'no',
  'nope',
  'nah',
  'not',
  'dont',
  'wrong',
  'incorrect',
  'cancel',
  'stop',
  'wait',
  'negativo',
  'incorrecto',
  'equivocado',
  'cancela',
  'cancelar',
  'espere',
  'espera',
  'tampoco',
  'nunca',
]);
const FILLER = new Set([
  'please',
  'thanks',
  'thank',
  'you',
  'it',
  'is',
  'that',
  'thats',
  'por',
  'favor',
  'gracias',
  'es',
  'eso',
  'lo',
  'ok',
  'okay',
  'oh',
  'and',
  'y',
  'do',
  'go',
  'ahead',
  'de',
  'acuerdo',
  'esta',
  'bien',
  'supuesto',
  'asi',
]);

/** An explicit, short yes with no no in it and no question ("yes", "sí, correcto"). */
export function isYes(text: string): boolean {
  if (text.includes('?')) return false;
  const ws = words(text);
  if (ws.length === 0 || ws.length > 6 || ws.some((w) => NO.has(w))) return false;
  const n = ` ${ws.join(' ')} `;
  const yes = ws.some((w) => YES.has(w)) || YES_PHRASES.some((p) => n.includes(` ${p} `));
  // Every other word must be a polite filler: "yes please", "sí, por favor".
  return yes && ws.every((w) => YES.has(w) || FILLER.has(w));
}

/** A no ("no", "that's wrong", "no, espere"), with no yes in it. */
export function isNo(text: string): boolean {
  const ws = words(text);
  if (ws.length === 0 || ws.length > 8) return false;
  return ws.some((w) => NO.has(w)) && !ws.some((w) => YES.has(w)) && !isDontKnow(text);
}

const CANCEL = [
  'never mind',
  'nevermind',
  'forget it',
  'cancel',
  'cancel it',
  'olvidelo',
  'olvidalo',
  'dejelo',
  'dejalo',
  'cancelar',
  'cancelelo',
  'ya no',
];

/** "Never mind", "olvídelo": drop the action. */
export function isCancel(text: string): boolean {
  const n = ` ${words(text).join(' ')} `;
  return words(text).length <= 5 && CANCEL.some((p) => n.includes(` ${p} `));
}

const DONT_KNOW = [
  'dont remember',
  'do not remember',
  'cant remember',
  'can not remember',
  'cannot remember',
  'dont know',
  'do not know',
  'not sure',
  'no idea',
  'dont recall',
  'forgot',
  'forget',
  'idk',
  'no recuerdo',
  'no me acuerdo',
  'no lo se',
  'no se',
  'ni idea',
  'olvide',
  'no estoy seguro',
  'no estoy segura',
];

/** The customer can't give a detail ("I don't remember", "no me acuerdo"). */
export function isDontKnow(text: string): boolean {
  const n = ` ${normalize(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return DONT_KNOW.some((p) => n.includes(` ${p} `));
}

/** Words that are never a merchant's name on their own. */
const NOT_A_NAME = new Set([
  ...YES,
  ...NO,
  ...FILLER,
  'hmm',
  'um',
  'uh',
  'well',
  'what',
  'why',
  'maybe',
  'idk',
  'bueno',
  'pues',
  'este',
  'hi',
  'hello',
  'hola',
  'help',
  'ayuda',
  'i',
  'my',
  'me',
  'the',
  'a',
  'all',
  'least',
  'first',
  'once',
  'home',
  'work',
  'momento',
  'todo',
  'casa',
  'quizas',
  'perhaps',
  'tal',
  'vez',
]);

/** A merchant name picked up after "at", "from", "en"… is not a filler ("at all", "en este momento"). */
export function nameOk(name: string): boolean {
  const ws = words(name);
  return ws.length > 0 && !NOT_A_NAME.has(ws[0] ?? '') && !ws.every((w) => NOT_A_NAME.has(w));
}

/** A short reply that can only be a name ("Amazon", "Bella Trattoria"), or null. */
export function bareName(text: string): string | null {
  const t = text.trim().replace(/[.!]+$/, '');
  if (!/^[\p{L}&'’. -]{2,40}$/u.test(t)) return null;
  const ws = words(t);
  if (ws.length === 0 || ws.length > 4 || ws.some((w) => NOT_A_NAME.has(w))) return null;
  return t;
}
