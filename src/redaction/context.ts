/**
 * Detection over one message: cards (context-free), then the context rules.
 *
 * Order, each step skipping tokens an earlier step consumed:
 *   1. card numbers (detect-card.ts), context-free;
 *   2. benign cues claim their numbers ("zip 10001", "order 123456", "call 1-800-…");
 *   3. formatted SSN/ITIN AAA-GG-SSSS, context-free unless claimed;
 *   4. a security code right after a card number (and its expiry date);
 *   5. sensitive cues, in text order: cvv, expiry→cvv, otp, pin, passcode, ssn, password;
 *   6. the agent's question (Redactor only): a bare reply is the secret that was asked for.
 * Windows are bounded (≤ 16 tokens, ≤ 6 words), so the whole pass is linear.
 */
import { NUM, PH, PUNCT, WORD } from './tokens.js';
import { WordSet } from './word-set.js';
import type { TokenList } from './tokens.js';
import { findCards } from './detect-card.js';
import { emptyCue, findCues } from './phrases.js';
import type { Cue } from './phrases.js';
import { Scan, giveBack, kindCode } from './scan.js';
import type { CardMasks, Hit } from './scan.js';
import {
  EXPIRY_LINKS,
  benignValue,
  claimValue,
  cvvAfter,
  expiryDate,
  fitsCvvCue,
  fitsOtp,
  fitsPin,
  fitsSsn,
  formattedSsns,
  numericValue,
  shapedValue,
  valueAfter,
  valueBefore,
} from './values.js';
import { looksLikeSecret, passwordValue } from './password-value.js';
import { CVV_DIGITS } from './rules/cvv.js';
import { FILLER_WORDS } from './rules/benign.js';
import type { BenignTag } from './rules/benign.js';

/** What the agent's last question asked for (see agent.ts). */
export interface Expectation {
  secrets: ReadonlySet<'cvv' | 'otp' | 'ssn' | 'password'>;
  benign: ReadonlySet<BenignTag>;
}

export interface Analysis {
  /** The hits of every rule but the card numbers, which are `cards`. */
  hits: Hit[];
  cards: CardMasks;
  /** Pooled per-token array of the cue starts (see releaseAnalysis). */
  cueStart: Uint8Array;
  /** Per token: 1 when an earlier rule removed it. */
  consumed: Uint8Array;
  /** Per token: the benign cue that claimed it (index into BENIGN_TAGS + 1), 0 if none. */
  claimed: Uint8Array;
  /** The agent expectation produced a hit. */
  answeredExpectation: boolean;
  /** The message's last cue, if any (agent.ts danglingCue reads what it leaves open). */
  lastCue: Cue | null;
}

export const BENIGN_TAGS: readonly BenignTag[] = [
  'last4',
  'zip',
  'phone',
  'reference',
  'routing',
  'amount',
  'dob',
  'date',
];

const FILLERS = new WordSet(FILLER_WORDS);

export function analyze(T: TokenList, expect: Expectation | null): Analysis {
  const sc = new Scan(T);
  // 1. Card numbers.
  findCards(T, sc);
  const cards = sc.cards;

  // 2. Benign cues claim their numbers.
  const cues = findCues(T);
  const c = emptyCue(); // reused for every cue: nothing keeps it
  for (let i = 0; i < cues.n; i++) {
    cues.load(i, c);
    sc.cueStart[c.first] = kindCode(c.kind);
  }
  for (let i = 0; i < cues.n; i++) {
    cues.load(i, c);
    if (c.kind === 'benign' && c.tag !== undefined && sc.consumed[c.first] !== 1)
      claimValue(sc, benignValue(sc, c), BENIGN_TAGS.indexOf(c.tag) + 1);
  }

  // 3. Formatted SSNs, 4. security code after a card.
  formattedSsns(sc);
  for (let i = 0; i < cards.n; i++) cvvAfter(sc, (cards.last[i] ?? 0) + 1, true);

  // 5. Sensitive cues.
  for (let i = 0; i < cues.n; i++) {
    cues.load(i, c);
    if (sc.consumed[c.first] === 1) continue;
    switch (c.kind) {
      case 'cvv': {
        const v = valueAfter(sc, c, fitsCvvCue, false) ?? valueBefore(sc, c.first, fitsCvvCue);
        if (v !== null) sc.hit(v.digits <= CVV_DIGITS.max ? 'cvv' : 'otp', v.first, v.last);
        break;
      }
      case 'expiry': {
        for (let k = c.last + 1, steps = 0; k < sc.n && steps < 4; k++, steps++) {
          const type = T.t(k);
          if (type === PUNCT || EXPIRY_LINKS.at(T, k)) continue;
          const end = type === NUM ? expiryDate(sc, k) : -1;
          if (end >= 0) cvvAfter(sc, end + 1, false);
          break;
        }
        break;
      }
      case 'otp':
      case 'pin': {
        const fits = c.kind === 'otp' ? fitsOtp : fitsPin;
        const v =
          valueAfter(sc, c, fits, c.kind === 'otp') ?? valueBefore(sc, c.first, fits, c.kind === 'otp');
        if (v !== null) sc.hit('otp', v.first, v.last);
        break;
      }
      case 'passcode': {
        const v = valueAfter(sc, c, fitsOtp, true, 3) ?? valueBefore(sc, c.first, fitsOtp);
        if (v !== null && !v.alnum) {
          sc.hit('otp', v.first, v.last);
          break;
        }
        const p = passwordValue(sc, c);
        if (p !== null) sc.hit('password', p[0], p[1]);
        break;
      }
      case 'ssn': {
        const v = valueAfter(sc, c, fitsSsn, false) ?? valueBefore(sc, c.first, fitsSsn);
        if (v !== null) sc.hit('ssn', v.first, v.last);
        break;
      }
      case 'password': {
        const p = passwordValue(sc, c);
        if (p !== null) sc.hit('password', p[0], p[1]);
        break;
      }
      case 'benign':
        break;
    }
  }

  // 6. The agent asked for a secret: a bare reply is that secret.
  let answered = false;
  if (expect !== null && expect.secrets.size > 0) answered = answerExpectation(sc, expect);

  const lastCue = cues.n > 0 ? cues.load(cues.n - 1, emptyCue()) : null;
  cues.release();
  return {
    hits: sc.hits,
    cards,
    consumed: sc.consumed,
    claimed: sc.claimed,
    cueStart: sc.cueStart,
    answeredExpectation: answered,
    lastCue,
  };
}

/** Gives the analysis' arrays back for the next call; they must not be used afterwards. */
export function releaseAnalysis(an: Analysis): void {
  giveBack(an.consumed);
  giveBack(an.claimed);
  giveBack(an.cueStart);
}

/** Does a number of `d` digits answer a question for one of these secrets? */
function answersQuestion(s: ReadonlySet<string>, d: number): boolean {
  return (
    (s.has('cvv') && d >= 3 && d <= 4) || (s.has('otp') && d >= 3 && d <= 8) || (s.has('ssn') && d === 9)
  );
}

/** Replies of at most this many words count as bare ("sure, it's 123"). */
const BARE_REPLY_WORDS = 8;

function answerExpectation(sc: Scan, expect: Expectation): boolean {
  const T = sc.T;
  let words = 0;
  for (let k = 0; k < sc.n; k++)
    if (T.t(k) === WORD && T.len(k) > 1 && !FILLERS.at(T, k) && ++words > BARE_REPLY_WORDS) return false;
  const s = expect.secrets;
  if (s.has('password') && passwordReply(sc)) return true;
  let answered = false;
  const fits = (d: number): boolean => answersQuestion(s, d);
  for (let k = 0; k < sc.n; k++) {
    if (sc.consumed[k] === 1) continue;
    if (s.has('otp') && (k === 0 || T.gap(k) > 0)) {
      const last = sc.alnumCode(k);
      if (last >= 0) {
        sc.hit('otp', k, last);
        answered = true;
        k = last;
        continue;
      }
    }
    if (T.t(k) !== NUM || !sc.freeNum(k) || sc.lengthDescription(k)) continue;
    const v = numericValue(sc, k, fits) ?? shapedValue(sc, k, fits);
    if (v === null) {
      const ch = sc.chain(k, true); // skip the rest of this number
      k = ch[ch.length - 1] ?? k;
      continue;
    }
    if (explainedByQuestion(expect.benign, v.digits, true) && !(s.has('cvv') && v.digits <= 4)) {
      k = v.last;
      continue;
    }
    const kind = s.has('cvv') && v.digits <= 4 ? 'cvv' : v.digits === 9 && s.has('ssn') ? 'ssn' : 'otp';
    sc.hit(kind, v.first, v.last);
    answered = true;
    k = v.last;
  }
  return answered;
}

/** Words around a password in a reply to the agent's question: "sure, it's X, thanks". */
const REPLY_WORDS = new WordSet([
  ...FILLER_WORDS,
  'it',
  "it's",
  'its',
  'is',
  'sure',
  'ok',
  'okay',
  'yes',
  'yeah',
  'yep',
  'thanks',
  'thank',
  'you',
  'please',
  'here',
  'my',
  'password',
  'passcode',
  'es',
  'claro',
  'si',
  'gracias',
  'mi',
  'contrasena',
  'clave',
  'aqui',
  'esta',
]);
/** A one-word reply that is no password: "no", "why?", "forgot". */
const NON_ANSWERS = new WordSet([
  'no',
  'nope',
  'why',
  'what',
  'forgot',
  'dunno',
  'idk',
  'sorry',
  'wait',
  'hold',
  'later',
  'never',
  'olvide',
  'porque',
  'que',
  'cual',
  'espera',
  'momento',
  'nunca',
]);
const REPLY_END_MARKS = new Set([',', '.', '!', '?', ';', ':']);
const REPLY_OPEN_MARKS = new Set(['¿', '¡', '(', '"', "'"]);

/**
 * A reply to the agent's question for a password: its chunks (text between spaces, without
 * the marks that end it) other than the words around a password. One left is the password,
 * whatever it looks like ("sunshine"), unless it is a refusal ("no", "forgot"); of several,
 * those that look like a secret are.
 */
function passwordReply(sc: Scan): boolean {
  const T = sc.T;
  // (The buffers are pooled: only the first n entries are this message's.)
  if (sc.n === 0 || sc.consumed.subarray(0, sc.n).includes(1)) return false;
  const firsts: number[] = [];
  const lasts: number[] = [];
  for (let k = 0; k < sc.n;) {
    let last = k;
    while (last + 1 < sc.n && T.gap(last + 1) === 0) last++;
    const next = last + 1;
    while (last > k && T.t(last) === PUNCT && REPLY_END_MARKS.has(T.key(last))) last--;
    while (k < last && T.t(k) === PUNCT && REPLY_OPEN_MARKS.has(T.key(k))) k++; // "¿cuánto"
    const word = T.t(k) === WORD && REPLY_WORDS.at(T, k);
    // A word around the password, or any contraction ("it's", "don't"): no password.
    const contraction =
      last === k + 2 && T.t(k) === WORD && T.isPunct(k + 1, "'") && T.isWord(last) && T.len(last) <= 2;
    const lone = (last === k && (T.t(k) === PUNCT || T.t(k) === PH || word)) || contraction;
    if (!lone) {
      firsts.push(k);
      lasts.push(last);
    }
    k = next;
  }
  let hit = false;
  for (let i = 0; i < firsts.length; i++) {
    const [f, l] = [firsts[i] ?? 0, lasts[i] ?? 0];
    const single = firsts.length === 1 && !(f === l && NON_ANSWERS.at(T, f)) && T.e(l) - T.s(f) >= 4;
    if (single || looksLikeSecret(sc.src, T.s(f), T.e(l))) {
      sc.hit('password', f, l);
      hit = true;
    }
  }
  return hit;
}

/**
 * Would a number of `digits` digits answer one of the benign questions the agent asked
 * ("last four" → 4, "ZIP" → 5 or 9, phone → 7, 10 or 11, a case/order number → any unless
 * `shapeOnly`: then only the questions whose answer has a known length count).
 */
export function explainedByQuestion(
  tags: ReadonlySet<BenignTag>,
  digits: number,
  shapeOnly: boolean,
): boolean {
  if (tags.has('last4') && digits === 4) return true;
  if (tags.has('zip') && (digits === 5 || digits === 9)) return true;
  if (tags.has('phone') && (digits === 10 || digits === 11 || digits === 7)) return true;
  if (shapeOnly) return false;
  return (
    tags.has('reference') || tags.has('routing') || tags.has('dob') || tags.has('date') || tags.has('amount')
  );
}
