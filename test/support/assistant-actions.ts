/**
 * Test support for the assistant's action tests (not a test file): what counts as claiming that
 * an action was done, the read-back question, a conversation with one assistant, and every
 * action flow with the details it needs, in both languages.
 */
import assert from 'node:assert/strict';
import { createAssistant } from '../../server/assistant/index.js';
import type { Assistant, AssistantReply, Lang } from '../../server/assistant/index.js';
import type { REQUIRED } from '../../server/assistant/actions.js';

/** Words that say an action was done (EN and ES). */
const CLAIM_WORDS =
  /I've opened|dispute was opened|\bis locked|was locked|stays locked|is unlocked|was unlocked|is removed|was removed|on its way|was sent|request filed|filed a request|request was filed|review was requested|was put on file|requested a review|review was requested|notice is on file|notice was|Abrí una disputa|se abrió una disputa|está bloqueada|se bloqueó|sigue bloqueada|está desbloqueada|se desbloqueó|está dada de baja|se dio de baja|va en camino|se envió|Registré la solicitud|se registró la solicitud|se solicitó|quedó registrado|Solicité la revisión|se solicitó la revisión|aviso de viaje quedó|quedó registrado/i;
export const CLAIM = {
  test: (t: string): boolean => CLAIM_WORDS.test(t) || /(?:^|[.:] )(?:Done|Listo)\./.test(t),
};

/** The read-back question. */
export const READ_BACK = /Please answer yes or no\.|Responda sí o no\./;

/** Several messages to one fresh assistant: the assistant and every reply. */
export function converse(lang: Lang, ...texts: string[]): { a: Assistant; replies: AssistantReply[] } {
  const a = createAssistant(lang);
  return { a, replies: texts.map((t) => a.reply(t)) };
}

/** Fails when any reply claims an action was done. */
export function noClaim(replies: AssistantReply[], where: string): void {
  for (const r of replies) assert.ok(!CLAIM.test(r.text), `${where}: claimed "${r.text}"`);
}

export interface Flow {
  intent: keyof typeof REQUIRED;
  start: Record<Lang, string>;
  /** The details, one message each (in the order asked). */
  details: string[];
  /** What the done reply must name. */
  done: Record<Lang, RegExp>;
}

export const FLOWS: Flow[] = [
  {
    intent: 'dispute',
    start: { en: 'I want to dispute a charge', es: 'Quiero disputar un cargo' },
    details: ['Bella Trattoria, Nov 15, $67.06'],
    done: {
      en: /I've opened a dispute for \$67\.06 at Bella Trattoria on Nov 15/,
      es: /Abrí una disputa por el cargo de \$67\.06 en Bella Trattoria del Nov 15/,
    },
  },
  {
    intent: 'lost-stolen',
    start: { en: 'I lost my card', es: 'Perdí mi tarjeta' },
    details: ['1005', '10001'],
    done: {
      en: /card ending in 1005 is locked, and a replacement with a new number is on its way.*ZIP 10001/,
      es: /terminada en 1005 está bloqueada, y un reemplazo con un número nuevo va en camino.*10001/,
    },
  },
  {
    intent: 'damaged',
    start: { en: 'My card is damaged', es: 'Mi tarjeta está dañada' },
    details: ['2002', '94105'],
    done: { en: /replacement with the same number.*ZIP 94105/, es: /reemplazo con el mismo número.*94105/ },
  },
  {
    intent: 'lock',
    start: { en: 'Please lock my card', es: 'Quiero bloquear mi tarjeta' },
    details: ['1005'],
    done: { en: /card ending in 1005 is locked/, es: /terminada en 1005 está bloqueada/ },
  },
  {
    intent: 'unlock',
    start: { en: 'Please unlock my card', es: 'Quiero desbloquear mi tarjeta' },
    details: ['1005', '10001'],
    done: { en: /card ending in 1005 is unlocked/, es: /terminada en 1005 está desbloqueada/ },
  },
  {
    intent: 'authorized-user-remove',
    start: {
      en: 'Please remove my son as an authorized user',
      es: 'Quiero eliminar a un usuario autorizado',
    },
    details: ['3003', '94105'],
    done: {
      en: /authorized user's card ending in 3003 is removed/,
      es: /terminada en 3003 está dada de baja/,
    },
  },
  {
    intent: 'urgent-fraud',
    start: { en: 'Someone is using my card right now', es: 'Alguien está usando mi tarjeta' },
    details: ['1005'],
    done: { en: /card ending in 1005 is locked/, es: /terminada en 1005 está bloqueada/ },
  },
  {
    intent: 'due-date-change',
    start: { en: 'Can you change my payment due date?', es: 'Quiero cambiar la fecha de pago' },
    details: ['15'],
    done: {
      en: /request to move your due date to the 15th of each month.*next statement/,
      es: /solicitud para cambiar su fecha de vencimiento al día 15 de cada mes.*próximo estado de cuenta/,
    },
  },
  {
    intent: 'late-fee-review',
    start: { en: 'Please review my late fee', es: 'Quiero que revisen mi cargo por pago tardío' },
    details: ['$39.00, Nov 28'],
    done: {
      en: /requested a review of the late fee of \$39\.00/,
      es: /Solicité la revisión del cargo por pago tardío de \$39\.00/,
    },
  },
  {
    intent: 'authorized-user-request',
    start: { en: 'I want to add an authorized user', es: 'Quiero agregar un usuario autorizado' },
    details: ['Ana Pérez', 'wife'],
    done: {
      en: /filed a request to add Ana Pérez \(wife\) as an authorized user/,
      es: /Registré la solicitud para agregar a Ana Pérez \(wife\) como usuario autorizado/,
    },
  },
  {
    intent: 'limit-review',
    start: { en: "I'd like a higher credit limit", es: 'Quiero aumentar mi límite de crédito' },
    details: ['$20,000'],
    done: {
      en: /requested a review of your credit limit, asking for \$20,000/,
      es: /Solicité la revisión de su límite de crédito, con un límite de \$20,000/,
    },
  },
  {
    intent: 'travel-notice',
    start: { en: 'I want to set up a travel notice', es: 'Quiero avisar de un viaje' },
    details: ['Mexico', 'Dec 20, Jan 3'],
    done: {
      en: /travel notice is on file for Mexico from Dec 20 to Jan 3/,
      es: /aviso de viaje a Mexico del Dec 20 al Jan 3/,
    },
  },
];

export const YES: Record<Lang, string[]> = {
  en: ['yes', 'Yeah', 'correct', 'Yes, please'],
  es: ['sí', 'Sí, correcto', 'correcto', 'si'],
};
export const NO: Record<Lang, string> = { en: 'no', es: 'no' };
