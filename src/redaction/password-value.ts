/**
 * Finding the password a cue names (values.ts finds the numbers): the value right after the cue,
 * a clause's link ("the password I use is X"), or the value before it ("X is my password"),
 * quoted, chunked or a passphrase. Each function looks at a bounded number of tokens.
 */
import { PH, PUNCT, WORD } from './tokens.js';
import { WordSet } from './word-set.js';
import type { Scan } from './scan.js';
import type { Cue } from './phrases.js';
import { FUNCTION_WORDS, NOT_A_SECRET, PASSWORD_LINKS } from './rules/password.js';

const QUOTES: Record<string, string> = {
  '"': '"',
  "'": "'",
  '(': ')',
  '[': ']',
  '<': '>',
  '「': '」',
  '«': '»',
};

const PASSWORD_LINK_WORDS = new WordSet(PASSWORD_LINKS);
const NOT_SECRET_WORDS = new WordSet(NOT_A_SECRET);
const FUNCTION = new WordSet(FUNCTION_WORDS);

/**
 * The password after a cue: right after it (a quoted string, the next chunk, a passphrase), or
 * at the end of a clause that names it ("the password I use is X").
 */
export function passwordValue(sc: Scan, cue: Cue): [number, number] | null {
  const direct = directPassword(sc, cue);
  if (direct !== null || cue.strict === true) return direct ?? passwordBefore(sc, cue);
  // A clause starts with a word ("the password I use is X", "my password, which…"): not after "password:".
  const next = sc.T.isPunct(cue.last + 1, ',') ? cue.last + 2 : cue.last + 1;
  const clause = sc.T.isWord(next) && !PASSWORD_LINK_WORDS.at(sc.T, next) ? clausePassword(sc, cue) : null;
  return clause ?? passwordBefore(sc, cue);
}

/** "X is my password", "I use X as my password", "uso X como contraseña": the link before the cue. */
const LINKS_BEFORE = new WordSet(['is', 'as', 'was', 'es', 'como', 'era', 'fue']);
/** Words between that link and the cue. */
const CUE_DETERMINERS = new WordSet(['my', 'the', 'mi', 'la', 'el', 'our', 'new', 'nueva', 'nuevo']);

/**
 * A value before the cue, when the cue ends the clause: a quoted string or a chunk that looks
 * like a secret ("Tr0ub4dor&3x is my password"), never a word ("the app as my password manager").
 */
function passwordBefore(sc: Scan, cue: Cue): [number, number] | null {
  const T = sc.T;
  const after = cue.last + 1;
  if (after < sc.n && !T.isPunct(after)) return null;
  let k = cue.first - 1;
  for (let steps = 0; steps < 2 && k >= 0 && CUE_DETERMINERS.at(T, k); steps++) k--;
  if (k < 1 || !LINKS_BEFORE.at(T, k)) return null;
  const last = k - 1;
  let first = last;
  while (first > 0 && T.gap(first) === 0) first--;
  if (sc.consumed[last] === 1 || T.t(last) === PH) return null;
  const quoted = T.t(first) === PUNCT && QUOTES[T.key(first)] === T.key(last) && last > first + 1;
  if (!quoted && !looksLikeSecret(sc.src, T.s(first), T.e(last))) return null;
  return [first, last];
}

/** The value right after the cue, across ':' '=' '→' and link words ("is", "es"), or a comma. */
function directPassword(sc: Scan, cue: Cue): [number, number] | null {
  const T = sc.T;
  let k = cue.last + 1;
  let linked = false;
  for (let steps = 0; k < sc.n && steps < 4; steps++) {
    const type = T.t(k);
    const key = type === PUNCT ? T.key(k) : '';
    if (type === PUNCT && (key === ':' || key === '=' || key === '→' || (key === '-' && T.gap(k) > 0))) {
      linked = true;
      k++;
      continue;
    }
    if (type === PUNCT && key === '>' && linked) {
      k++;
      continue;
    }
    // An aside before the value: "my password (case sensitive) is X".
    if (type === PUNCT && key === '(' && !linked) {
      const close = closingParen(sc, k);
      if (close < 0) break;
      k = close + 1;
      continue;
    }
    // "my password, Tr0ub4dor&3x!": a comma does not link, but a value that looks like a secret may follow.
    if (type === PUNCT && key === ',' && !linked) {
      k++;
      continue;
    }
    if (cue.strict !== true && PASSWORD_LINK_WORDS.at(T, k) && T.gap(k) > 0) {
      linked = true;
      k++;
      continue;
    }
    break;
  }
  if (k >= sc.n) return null;
  const type = T.t(k);
  if (sc.consumed[k] === 1 || type === PH) return null;
  if (k === cue.last + 1 && T.gap(k) === 0 && type !== PUNCT) return null; // "password123" is one word
  if (linked && type === WORD) {
    const phrase = passphrase(sc, k);
    if (phrase >= 0) return [k, phrase];
  }
  return chunkValue(sc, k, linked && cue.secretOnly !== true);
}

/** The ')' that closes the '(' at k within a few words, or -1. */
function closingParen(sc: Scan, k: number): number {
  for (let j = k + 1; j < sc.n && j <= k + 12; j++) {
    if (sc.T.nl(j)) return -1;
    if (sc.T.isPunct(j, ')')) return j;
  }
  return -1;
}

/**
 * The chunk at k as a password: a quoted string, or the run of text up to whitespace, unless it
 * is a word people use to talk about a password; without a link it must look like a secret.
 */
function chunkValue(sc: Scan, k: number, linked: boolean): [number, number] | null {
  const T = sc.T;
  const type = T.t(k);
  const close = type === PUNCT ? QUOTES[T.key(k)] : undefined;
  if (close !== undefined) {
    for (let j = k + 1; j < sc.n && j <= k + 40; j++) {
      if (T.nl(j) || sc.consumed[j] === 1 || T.t(j) === PH) break;
      if (T.t(j) === PUNCT && T.key(j) === close) return j > k + 1 ? [k, j] : null;
    }
  }
  const end = sc.chunkEnd(k);
  if (end - k > 64) return null; // not a password: a wall of glued text
  const last = sc.trimChunk(k, end, true);
  for (let j = k; j <= last; j++) if (sc.consumed[j] === 1 || T.t(j) === PH) return null;
  if (type === PUNCT && k === last) return null;
  if (k === last && type === WORD) {
    if (NOT_SECRET_WORDS.at(T, k)) return null;
  } else if (NOT_A_SECRET.has(sc.src.slice(T.s(k), T.e(last)).toLowerCase())) return null;
  if (!linked && !looksLikeSecret(sc.src, T.s(k), T.e(last))) return null;
  return [k, last];
}

/** Most words a passphrase is read over. */
const PASSPHRASE_WORDS = 8;

/**
 * A passphrase from word k: three to eight words up to the end of the clause, none of them a
 * function word and at most one a word that describes a password ("correct horse battery
 * staple"; not "too short for the site", "hidden behind asterisks"). Its last token, or -1.
 */
function passphrase(sc: Scan, k: number): number {
  const T = sc.T;
  // Three words apart first (cheap), then what they are.
  if (!(T.isWord(k + 1) && T.gap(k + 1) > 0 && T.isWord(k + 2) && T.gap(k + 2) > 0)) return -1;
  let words = 0;
  let describing = 0;
  let last = -1;
  for (let j = k; j < sc.n; j++) {
    const type = T.t(j);
    if (type === PUNCT) {
      if (T.gap(j) === 0 && (T.key(j) === '.' || T.key(j) === ',' || T.key(j) === '!' || T.key(j) === '?'))
        break;
      return -1;
    }
    if (type !== WORD || sc.consumed[j] === 1 || (j > k && (T.gap(j) === 0 || T.nl(j))))
      return type === WORD ? -1 : words >= 3 ? last : -1;
    if (FUNCTION.at(T, j) || ++words > PASSPHRASE_WORDS) return -1;
    if (NOT_SECRET_WORDS.at(T, j) && ++describing > 1) return -1;
    last = j;
  }
  return words >= 3 ? last : -1;
}

/** Link words that end a clause naming a password: "the password I use is X". */
const CLAUSE_LINKS = new WordSet(['is', 'was', 'es', 'era', 'sera', 'fue']);
/** Tokens a clause may have between the cue and its link word. */
const CLAUSE_TOKENS = 14;

/**
 * "the temporary password you gave me was X", "my password, which I changed last week, is X",
 * "la contraseña que uso es X": a value that looks like a secret (or a quoted one, or a
 * passphrase) after the first link word of the sentence.
 */
function clausePassword(sc: Scan, cue: Cue): [number, number] | null {
  const T = sc.T;
  for (let k = cue.last + 1, steps = 0; k < sc.n && steps < CLAUSE_TOKENS; k++, steps++) {
    const type = T.t(k);
    if (sc.consumed[k] === 1 || type === PH || T.nl(k) || sc.cueStart[k] !== 0) return null;
    if (type === PUNCT) {
      const key = T.key(k);
      if (key === ':' || key === '=') return linkedSecret(sc, k + 1);
      if (sc.sentenceEnd(k)) return null;
      continue;
    }
    if (type === WORD && CLAUSE_LINKS.at(T, k)) return linkedSecret(sc, k + 1);
  }
  return null;
}

/** After a clause's link: a passphrase, a quoted value, or a chunk that looks like a secret. */
function linkedSecret(sc: Scan, k: number): [number, number] | null {
  const T = sc.T;
  if (k >= sc.n || sc.consumed[k] === 1 || T.t(k) === PH) return null;
  if (T.t(k) === WORD) {
    const phrase = passphrase(sc, k);
    if (phrase >= 0) return [k, phrase];
  }
  const v = chunkValue(sc, k, T.t(k) === PUNCT && QUOTES[T.key(k)] !== undefined);
  return v !== null && (T.t(k) === PUNCT || looksLikeSecret(sc.src, T.s(v[0]), T.e(v[1]))) ? v : null;
}

/** Letters mixed with digits or symbols, or inner capitals: "hunter2", "Tr0ub4dor&3", "sEcReT". */
export function looksLikeSecret(src: string, s: number, e: number): boolean {
  if (e - s < 4) return false;
  let digit = false;
  let letter = false;
  let symbol = false;
  let innerUpper = false;
  for (let i = s; i < e; i++) {
    const c = src.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0) {
      letter = true;
      if (i > s && c >= 65 && c <= 90) innerUpper = true;
    } else symbol = true;
  }
  return (letter && (digit || symbol)) || innerUpper || (digit && symbol);
}
