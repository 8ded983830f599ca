/**
 * Reading a request's details in a customer's message (issue 26, item 1): the day, the amount,
 * the name and relation, the place and dates. `loose`: the message answers the question for them.
 */
import { isCancel, isNo, isYes } from './answers.js';
import { findAmount, findDate, relativeDate, words } from './text.js';
import type { RequestIntent } from './requests.js';
import type { Details } from './types.js';

const RELATIONS =
  /\b(spouse|wife|husband|partner|son|daughter|child|mother|father|mom|dad|parent|brother|sister|friend|grandmother|grandfather|esposa|esposo|cónyuge|conyuge|pareja|hijo|hija|madre|padre|mamá|papá|hermano|hermana|amigo|amiga|abuela|abuelo)\b/iu;

const FILLER = new Set(
  'my mi is es her his their su name full nombre se llama called named and y she he it s its a la el as como to de del the an un una user usuario usuaria authorized autorizado autorizada add agregar'.split(
    ' ',
  ),
);

/**
 * Words that answer something other than a name or a place ("not sure", "no lo sé"): an answer
 * typed in lower case is a name or a place only without them.
 */
const NOT_A_NAME = new Set(
  "i i'm im don't dont know not sure no yes why what who where later maybe sorry help agent person cancel stop never mind ok okay thanks idk yo sé se lo sí si quizás tal vez ayuda agente persona cancelar gracias después luego nada today tomorrow next week month year soon hoy mañana próxima semana mes año pronto huh uh um eh ah oh ugh meh pues bueno este eso".split(
    ' ',
  ),
);
const LOWER_JOINERS = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'and', 'of', 'the']);

/** Words of letters only, none of NOT_A_NAME, with each word's first letter capitalized. */
function asProperName(ws: string[]): string | null {
  // Every part of a name has a vowel: "hmm" or "pfff" is a sound, not a word.
  const wordLike = (w: string) => /^[\p{L}'’-]+$/u.test(w) && /[aeiouyáéíóúü]/iu.test(w);
  if (!ws.every((w) => wordLike(w) && !NOT_A_NAME.has(w.toLowerCase()))) return null;
  return ws
    .map((w, i) => (i > 0 && LOWER_JOINERS.has(w) ? w : w.charAt(0).toLocaleUpperCase() + w.slice(1)))
    .join(' ');
}

/**
 * A full name: two to four capitalized words ("Ana Pérez"), or, in an answer to the question for
 * it, two to four words of letters typed in lower case ("ana pérez", read back as "Ana Pérez").
 */
function nameIn(text: string, loose: boolean): string | null {
  const named = /\b(?:named|called|name is|se llama|nombre es)\s+([\p{L}'’-]+(?:\s+[\p{L}'’-]+){1,3})/iu.exec(
    text,
  );
  if (named?.[1]) return named[1].trim();
  if (!loose) return null;
  const rest = text
    .replace(RELATIONS, ' ')
    .split(/[\s,.;:!?()]+/u)
    .filter((w) => w !== '' && !FILLER.has(w.toLowerCase()));
  if (rest.length < 2 || rest.length > 4) return null;
  return rest.every((w) => /^\p{Lu}[\p{L}'’-]*$/u.test(w)) ? rest.join(' ') : asProperName(rest);
}

/** A day of the month from 1 to 28: "the 15th", "día 15", or a bare "15" in an answer. */
function dayIn(text: string, loose: boolean): string | null {
  const m =
    /\b(?:the|el|día|dia|day)\s+(\d{1,2})(?:st|nd|rd|th)?\b/i.exec(text) ??
    /\b(\d{1,2})(?:st|nd|rd|th)\b/i.exec(text) ??
    (loose ? /^\D*?(\d{1,2})\D*$/.exec(text) : null);
  const n = m?.[1] === undefined ? NaN : Number(m[1]);
  return n >= 1 && n <= 28 ? String(n) : null;
}

/** Dates written in the message, in order, and the text without them. */
function datesIn(text: string): { dates: string[]; rest: string } {
  const dates: string[] = [];
  let rest = text;
  for (let i = 0; i < 2; i++) {
    const d = findDate(rest);
    if (d === null) break;
    dates.push(d);
    rest = rest.replace(d, ' ');
  }
  return { dates, rest };
}

const MONTHS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic)/i;

/** A place typed in lower case as the whole answer ("mexico", "costa rica"): one to four words. */
function placeTypedLower(text: string): string | null {
  const ws = text
    .trim()
    .replace(/[.!]+$/u, '')
    .split(/\s+/u);
  if (ws.length > 4 || ws.every((w) => MONTHS.test(w))) return null;
  return asProperName(ws);
}

/** Places: capitalized words after "to", "in", "a", "en", or a bare name in an answer. */
function placeIn(text: string, loose: boolean, withDates: boolean): string | null {
  const after =
    /\b(?:to|in|visiting|a|en|hacia|para)\s+(\p{Lu}[\p{L}'’-]*(?:(?:\s+|\s*,\s*|\s+(?:and|y)\s+)\p{Lu}[\p{L}'’-]*){0,4})/u.exec(
      text,
    );
  const found =
    after?.[1] ??
    (!loose
      ? undefined
      : withDates
        ? // "México, del 20 de diciembre al 3 de enero": the name before the dates.
          /^\s*(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})\s*,/u.exec(text)?.[1]
        : /^\s*(\p{Lu}[\p{L}'’-]*(?:[\s,]+(?:and |y )?\p{Lu}[\p{L}'’-]*){0,4})\s*[.!]?\s*$/u.exec(text)?.[1]);
  if (found === undefined) return loose && !withDates ? placeTypedLower(text) : null;
  const ws = words(found);
  return ws.length === 0 || ws.every((w) => MONTHS.test(w)) ? null : found.trim();
}

/** The details of a request in a message (`loose`: an answer to what the assistant asked). */
export function requestDetails(intent: RequestIntent, have: Details, text: string, loose: boolean): Details {
  const d: Details = {};
  // "Yes", "no" or "cancel" answer the read-back: never a name or a place.
  if (loose && (isYes(text) || isNo(text) || isCancel(text))) return d;
  switch (intent) {
    case 'due-date-change': {
      const n = dayIn(text, loose);
      if (n !== null) d.day = n;
      break;
    }
    case 'late-fee-review': {
      const amount = findAmount(text);
      const date = findDate(text) ?? (loose ? relativeDate(text) : null);
      if (amount !== null) d.amount = amount;
      if (date !== null) d.date = date;
      break;
    }
    case 'limit-review': {
      const bare = loose ? /^\s*(\d{1,3}(?:,\d{3})+|\d{3,7})(?:\.\d{2})?\s*$/.exec(text) : null;
      const amount = findAmount(text) ?? bare?.[1] ?? null;
      if (amount !== null) d.limit = amount;
      break;
    }
    case 'authorized-user-request': {
      const rel = RELATIONS.exec(text)?.[1];
      if (rel !== undefined) d.relation = rel.toLowerCase();
      const name = nameIn(text, loose);
      if (name !== null) d.name = name;
      break;
    }
    case 'travel-notice': {
      const { dates, rest } = datesIn(text);
      const rel = loose ? relativeDate(text) : null;
      const all = rel !== null && dates.length < 2 ? [rel, ...dates] : dates;
      if (all.length >= 2) [d.from, d.to] = all;
      else if (all.length === 1) d[have.from === undefined ? 'from' : 'to'] = all[0];
      const place = placeIn(rest, loose, all.length > 0);
      if (place !== null) d.place = place;
      break;
    }
  }
  return d;
}
