/**
 * Text helpers for the virtual assistant: normalization, whole-word phrase matching and the
 * few details worth picking up from a customer message (last four, ZIP, amount, date,
 * merchant). Nothing here keeps state.
 */

/** Lower case, accents stripped, apostrophes dropped ("Can't" → "cant", "Perdí" → "perdi"). */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '');
}

/** "did not" is read as "didnt", "cannot" as "cant": one spelling for triggers to name. */
const CONTRACTED: Readonly<Record<string, string>> = {
  do: 'dont',
  does: 'doesnt',
  did: 'didnt',
  is: 'isnt',
  are: 'arent',
  was: 'wasnt',
  were: 'werent',
  can: 'cant',
  could: 'couldnt',
  would: 'wouldnt',
  should: 'shouldnt',
  have: 'havent',
  has: 'hasnt',
  had: 'hadnt',
  will: 'wont',
};

/** The words of a text, normalized: letters and digits only, negations contracted. */
export function words(text: string): string[] {
  const ws = normalize(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] ?? '';
    const contracted = ws[i + 1] === 'not' ? CONTRACTED[w] : undefined;
    if (contracted !== undefined) {
      out.push(contracted);
      i += 1;
    } else out.push(w === 'cannot' ? 'cant' : w);
  }
  return out;
}

/**
 * A trigger phrase, compiled to its words. A word ending in `*` matches any word that starts
 * with it ("disput*" matches "disputar", "disputo"), for Spanish verb forms.
 */
export type Phrase = readonly string[];

export function phrase(text: string): Phrase {
  return text
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => (w.endsWith('*') ? `${words(w.slice(0, -1)).join('')}*` : words(w).join('')));
}

/**
 * Whole trigger words this long or longer also match a word with one typo in it ("targeta",
 * "cancle", "declind"): shorter ones would match other real words too often ("pago", "pedi").
 */
const TYPO_MIN = 6;

/** Whether `a` and `b` differ by one edit: a letter left out, added, changed, or two swapped. */
function oneTypo(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    // Changed (the rest equal), or swapped with the next letter.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // Left out or added: the longer one without its letter at i is the shorter one.
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function wordMatches(pattern: string, word: string): boolean {
  if (pattern.endsWith('*')) return word.startsWith(pattern.slice(0, -1));
  return word === pattern || (pattern.length >= TYPO_MIN && oneTypo(pattern, word));
}

/**
 * Where each word of a message is, made once per message: a phrase that starts with a whole
 * word is then looked for only where that word is, so matching hundreds of phrases against a
 * 2,000-character message costs its occurrences, not its length times the phrases.
 */
const positions = new WeakMap<readonly string[], Map<string, number[]>>();

function positionsOf(ws: readonly string[]): Map<string, number[]> {
  let index = positions.get(ws);
  if (!index) {
    index = new Map();
    ws.forEach((w, i) => {
      const at = index?.get(w);
      if (at) at.push(i);
      else index?.set(w, [i]);
    });
    positions.set(ws, index);
  }
  return index;
}

function matchesAt(ws: readonly string[], p: Phrase, i: number): boolean {
  for (let j = 0; j < p.length; j++) {
    const w = ws[i + j];
    const pw = p[j];
    if (w === undefined || pw === undefined || !wordMatches(pw, w)) return false;
  }
  return true;
}

/** Whether the phrase occurs as consecutive whole words of `ws`. */
export function hasPhrase(ws: readonly string[], p: Phrase): boolean {
  const first = p[0];
  if (first === undefined) return false;
  const index = positionsOf(ws);
  if (!first.endsWith('*')) {
    if ((index.get(first) ?? []).some((i) => matchesAt(ws, p, i))) return true;
    if (first.length < TYPO_MIN) return false;
    // With one typo: the distinct words of the message one edit away.
    for (const [word, at] of index) {
      if (oneTypo(first, word) && at.some((i) => matchesAt(ws, p, i))) return true;
    }
    return false;
  }
  // A prefix: the distinct words that have it, then where each is.
  const prefix = first.slice(0, -1);
  for (const [word, at] of index) {
    if (word.startsWith(prefix) && at.some((i) => matchesAt(ws, p, i))) return true;
  }
  return false;
}

export function hasAny(ws: readonly string[], phrases: readonly Phrase[]): boolean {
  return phrases.some((p) => hasPhrase(ws, p));
}

// ---- details ------------------------------------------------------------------------------

/** The redaction mask character (src/redaction/placeholders.ts): a card number was typed. */
const MASK = '\u2022';

/** Runs of digits (or mask characters) joined by single spaces, dashes or dots. */
function digitRuns(text: string): string[] {
  return text.match(/[\d\u2022](?:[\d\u2022]|[ \-.](?=[\d\u2022]))*/g) ?? [];
}

/**
 * Whether the message contains something card-like that must never be echoed or used: a
 * masked number from the redactor, a redaction placeholder, or 12+ digits in one run.
 */
export function looksLikeCardNumber(text: string): boolean {
  if (text.includes(MASK)) return true;
  if (/\[(?:card number removed|número de tarjeta eliminado|code removed|código eliminado)\]/i.test(text)) {
    return true;
  }
  return digitRuns(text).some((run) => run.replace(/\D/g, '').length >= 12);
}

/** What the redactor hid in a message, by the marks it left (either language's). */
export type Hidden = 'card' | 'code' | 'ssn' | 'password';

const HIDDEN_MARKS: readonly [Hidden, RegExp][] = [
  ['card', /\u2022|\[(?:card number removed|número de tarjeta eliminado)\]/i],
  ['code', /\[(?:code removed|código eliminado)\]/i],
  ['ssn', /\[(?:SSN removed|número de Seguro Social eliminado)\]/i],
  ['password', /\[(?:password removed|contraseña eliminada)\]/i],
];

/** The kinds of secret the redactor hid in `text` (a long run of digits counts as a card). */
export function hiddenIn(text: string): Hidden[] {
  const out = HIDDEN_MARKS.filter(([, mark]) => mark.test(text)).map(([kind]) => kind);
  if (!out.includes('card') && digitRuns(text).some((run) => run.replace(/\D/g, '').length >= 12)) {
    out.unshift('card');
  }
  return out;
}

/** A run that is exactly four digits ("1005"), or null. Never part of a longer number. */
export function findLastFour(text: string): string | null {
  if (looksLikeCardNumber(text)) return null;
  for (const run of numbers(text)) if (/^\d{4}$/.test(run)) return run;
  return null;
}

/**
 * The message's runs of digits; "1005 10001" (a last four and a ZIP code with only a space
 * between them) counts as two, any other run as one, so a card number is never taken apart.
 */
function numbers(text: string): string[] {
  return digitRuns(text).flatMap((run) =>
    /^(?:\d{4} \d{5}|\d{5} \d{4})$/.test(run) ? run.split(' ') : [run],
  );
}

/** Four digits right after "ending in", "last four", "terminada en", "últimos 4"… or null. */
export function findStatedLastFour(text: string): string | null {
  if (looksLikeCardNumber(text)) return null;
  const n = normalize(text);
  const m =
    /\b(?:ending(?: in| with)?|ends(?: in| with)?|last (?:four|4)(?: digits)?(?: are| is)?|termina(?:da|do)? en|ultimos (?:cuatro|4)(?: digitos)?(?: son)?)[\s:#-]*(\d{4})(?![\d-])/.exec(
      n,
    );
  return m?.[1] ?? null;
}

/** A US ZIP code (five digits, optionally +4), or null. */
export function findZip(text: string): string | null {
  if (looksLikeCardNumber(text)) return null;
  for (const run of numbers(text)) {
    if (/^\d{5}(?:-\d{4})?$/.test(run)) return run.slice(0, 5);
  }
  return null;
}

/** An amount such as "$127.43", "127.43 dollars", "50 dólares" → "$127.43", or null. */
export function findAmount(text: string): string | null {
  const dollar = /\$\s?(\d{1,3}(?:,\d{3})+|\d{1,7})(?:\.(\d{2}))?(?!\d)/.exec(text);
  const named = /(?<![\d.,])(\d{1,7})(?:[.,](\d{2}))?\s?(?:usd|dollars?|d[oó]lares)\b/i.exec(text);
  const m = dollar ?? named;
  if (!m?.[1]) return null;
  return `$${m[1]}${m[2] !== undefined ? `.${m[2]}` : ''}`;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|ene(?:ro)?|febrero|marzo|abr(?:il)?|mayo|jun(?:io)?|jul(?:io)?|ago(?:sto)?|sept?(?:iembre)?|setiembre|oct(?:ubre)?|nov(?:iembre)?|dic(?:iembre)?)';
const NAMED_DATE = new RegExp(
  `\\b(?:${MONTH}\\.? \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?|\\d{1,2}(?:st|nd|rd|th)? (?:de )?${MONTH}\\b\\.?(?:,? (?:de )?\\d{4})?)(?![\\d/])`,
  'iu',
);

/**
 * A date such as "08/15", "8-15-2024", "15/08", "Nov 15", "November 15th", "15 de noviembre",
 * as written, or null.
 */
export function findDate(text: string): string | null {
  const m = /(?<![\d/.-])(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?(?![\d/.-])/.exec(text);
  if (m) return m[0];
  const named = NAMED_DATE.exec(text);
  return named ? named[0].replace(/[.,]$/, '') : null;
}

/** Days named relative to today, longest first, with the language they are written in. */
const RELATIVE_DAYS: readonly [RegExp, number, 'en' | 'es'][] = [
  [/\bday before yesterday\b/i, 2, 'en'],
  [/\byesterday\b/i, 1, 'en'],
  [/\btoday\b/i, 0, 'en'],
  [/\b(?:anteayer|antier)\b/i, 2, 'es'],
  [/\bayer\b/i, 1, 'es'],
  [/\bhoy\b/i, 0, 'es'],
];

/**
 * "yesterday", "ayer", "today"… as the calendar date on the server's clock, written as a named
 * date of the words' language ("Dec 6", "6 de diciembre"), so that the read-back shows the day
 * the customer confirms or corrects. Or null.
 */
export function relativeDate(text: string, now = Date.now()): string | null {
  const found = RELATIVE_DAYS.find(([re]) => re.test(text));
  if (found === undefined) return null;
  const [, back, lang] = found;
  return new Date(now - back * 86_400_000).toLocaleDateString(lang === 'es' ? 'es-US' : 'en-US', {
    month: lang === 'es' ? 'long' : 'short',
    day: 'numeric',
  });
}

const MERCHANT_STOP = new Set([
  'for',
  'on',
  'of',
  'in',
  'and',
  'that',
  'which',
  'last',
  'yesterday',
  'today',
  'this',
  'por',
  'el',
  'la',
  'los',
  'las',
  'del',
  'y',
  'que',
  'ayer',
  'hoy',
  'de',
  'con',
  'a',
  'the',
  'my',
  'mi',
  'un',
  'una',
  // "Un cargo de más" is an overcharge, not a merchant.
  'mas',
]);

/** Words before a merchant's name that are not part of it ("the", "la tienda"). */
const LEADING = new Set(['the', 'el', 'la', 'tienda', 'comercio', 'store', 'merchant']);

const NOT_A_MERCHANT = new RegExp(
  `^(?:${MONTH}|interes(?:es)?|anualidad|membresia|mora|mantenimiento|comision(?:es)?|servicio)$`,
  'i',
);

/**
 * A merchant name after "at", "from", "merchant", "en", "comercio", or "un cargo de" ("a charge
 * from"): up to four words of letters, stopping at a small word ("for", "on", "por"…), a number
 * or punctuation. Or null.
 */
export function findMerchant(text: string): string | null {
  const cue =
    /\b(?:at|from|merchant|en|comercio|tienda|(?:cargo|cobro|compra)s? (de))[:\s]+([\p{L}&'’.-]+(?: [\p{L}&'’.-]+){0,5})/giu;
  for (const m of text.matchAll(cue)) {
    const out: string[] = [];
    // After "un cargo de", a month or a kind of charge ("de noviembre", "de intereses").
    if (m[1] !== undefined && NOT_A_MERCHANT.test(normalize(m[2] ?? '').split(' ')[0] ?? '')) continue;
    for (const w of (m[2] ?? '').split(' ')) {
      const key = normalize(w).replace(/[.]+$/, '');
      if (out.length === 0 && LEADING.has(key)) continue;
      if (MERCHANT_STOP.has(key)) break;
      out.push(w.replace(/[.]+$/, ''));
      if (out.length === 4) break;
    }
    const name = out.join(' ');
    if (name.length >= 2 && name.length <= 40) return name;
  }
  return null;
}

/** A name typed first and followed by a comma ("Blue Bottle Coffee, 08/15, $127.43"), or null. */
export function findLeadingMerchant(text: string): string | null {
  const m = /^\s*([\p{L}&'’.-]+(?: [\p{L}&'’.-]+){0,3})\s*,/u.exec(text);
  return m?.[1] ?? null;
}
