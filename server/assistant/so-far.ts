/**
 * Questions about this chat, answered from the record only (types.ts Fact): whether an action
 * was done ("did you lock my card?", "¿ya abrieron mi disputa?") gets yes with what was done,
 * or no; "what did we agree?" before the chat ends gets the recap so far. Nothing is claimed
 * that the record does not hold, and an action in progress is asked for again after the answer.
 */
import type { QuickReply } from '../../src/protocol.js';
import { doneFact } from './actions.js';
import { CASE_QUESTION, MENU, qr } from './intents.js';
import { detectTask, matches } from './match.js';
import { recapOf } from './record.js';
import { words } from './text.js';
import type { ActionIntent, ByLang, Fact, Lang, Triggers } from './types.js';

/** A question whether something was done: the actions whose done fact answers yes. */
interface Asked {
  triggers: Triggers;
  by: readonly ActionIntent[];
  no: ByLang<string>;
}

/** Asked in the past tense with the action's verb, so "is it possible to lock…" is not one. */
const ASKED: readonly Asked[] = [
  {
    // Before locking: "is it unlocked" is not "is it locked".
    triggers: {
      any: [
        'did you unlock',
        'have you unlocked',
        'is it unlocked',
        'is my card unlocked',
        'ya desbloquearon',
        'ya esta desbloqueada',
      ],
    },
    by: ['unlock'],
    no: {
      en: 'No, no card has been unlocked in this chat.',
      es: 'No, en este chat no se ha desbloqueado ninguna tarjeta.',
    },
  },
  {
    triggers: {
      any: [
        'did you lock',
        'have you locked',
        'did you block',
        'have you blocked',
        'did you freeze',
        'have you frozen',
        'is it locked',
        'is my card locked',
        'is the card locked',
        'is my card blocked',
        'is my card frozen',
        'ya bloquearon',
        'ya la bloquearon',
        'ya esta bloqueada',
        'ya se bloqueo',
      ],
    },
    by: ['lock', 'lost-stolen', 'urgent-fraud'],
    no: {
      en: 'No, no card has been locked in this chat.',
      es: 'No, en este chat no se ha bloqueado ninguna tarjeta.',
    },
  },
  {
    triggers: {
      any: ['is my dispute open', 'is the dispute open'],
      allOf: [
        [
          ['did you open', 'have you opened', 'ya abrieron', 'ya se abrio'],
          ['dispute', 'disputa'],
        ],
      ],
    },
    by: ['dispute'],
    no: {
      en: 'No, no dispute has been opened in this chat.',
      es: 'No, en este chat no se ha abierto ninguna disputa.',
    },
  },
  {
    triggers: {
      allOf: [
        [
          ['did you send', 'have you sent', 'ya enviaron', 'ya me enviaron', 'ya mandaron', 'ya me mandaron'],
          ['card', 'replacement', 'tarjeta', 'reemplazo'],
        ],
      ],
    },
    by: ['lost-stolen', 'damaged'],
    no: {
      en: 'No, no replacement card has been sent in this chat.',
      es: 'No, en este chat no se ha enviado ninguna tarjeta de reemplazo.',
    },
  },
  {
    triggers: {
      allOf: [
        [
          ['did you file', 'have you filed', 'ya registraron'],
          ['complaint', 'queja', 'reclamo'],
        ],
      ],
    },
    by: ['complaint'],
    no: {
      en: 'No, no complaint has been filed in this chat.',
      es: 'No, en este chat no se ha registrado ninguna queja.',
    },
  },
  {
    triggers: {
      allOf: [
        [
          ['did you remove', 'have you removed', 'ya dieron de baja', 'ya eliminaron', 'ya quitaron'],
          ['user', 'authorized', 'usuario', 'usuaria', 'autorizado', 'autorizada'],
        ],
      ],
    },
    by: ['authorized-user-remove'],
    no: {
      en: 'No, no authorized user has been removed in this chat.',
      es: 'No, en este chat no se ha dado de baja a ningún usuario autorizado.',
    },
  },
];

/**
 * The answer to a question about this chat, or null when the message is not one. `open`: the
 * chat has not closed a case yet (then "what did we agree?" is the closed case's, elsewhere).
 * `resume`: the open question of an action in progress ('' when none), said after the answer.
 */
export function soFar(
  lang: Lang,
  text: string,
  record: readonly Fact[],
  open: boolean,
  resume: string,
): { text: string; intent: 'case'; quickReplies: QuickReply[] } | null {
  const ws = words(text);
  const es = lang === 'es';
  const asked = ASKED.find((a) => matches(ws, a.triggers));
  let said: string;
  let done = false;
  if (asked !== undefined) {
    const fact = record.findLast((f) => f.kind === 'done' && asked.by.includes(f.intent));
    done = fact?.kind === 'done';
    said =
      fact?.kind === 'done'
        ? `${es ? 'Sí.' : 'Yes.'} ${doneFact(lang, fact.intent, fact.details)}`
        : asked.no[lang];
  } else if (open && matches(ws, CASE_QUESTION) && detectTask(text) === undefined) {
    said = es
      ? `Esto es lo que pasó en este chat hasta ahora: ${recapOf(lang, record)} Este chat recibirá su propio número de referencia al terminar.`
      : `Here is what happened in this chat so far: ${recapOf(lang, record)} This chat gets its own reference number when it ends.`;
  } else return null;
  const quickReplies =
    resume !== '' ? qr(lang, 'agent') : done ? qr(lang, 'next', 'agent', 'done') : [...MENU[lang]];
  return { text: resume === '' ? said : `${said} ${resume}`, intent: 'case', quickReplies };
}
