/**
 * Agent context: what did the agent (or virtual assistant) just ask for?
 *
 * `observe(incoming)` runs the same phrase tables over the agent's message:
 * - a cvv cue ("What is the security code on the back?") → the next bare reply's 3–4-digit
 *   number is a cvv;
 * - an otp / pin / passcode cue ("Please enter the code we texted you") → a bare 3–8-digit
 *   number or short letters+digits code is an otp;
 * - an ssn cue → a bare 9-digit number is an SSN ("last four of your social" asks for 4
 *   digits, which pass);
 * - a password cue → a reply that is one single token is a password;
 * - a benign cue ("the last four digits", "your billing ZIP code", "a case number") → a reply
 *   of the matching shape passes and does not count toward the split-number budget.
 * A cue under a negation ("never share your security code", "no comparta su código") is
 * ignored. The expectation lasts for the next EXPECTATION_MESSAGES outgoing messages, until
 * answered, or until an agent message with cues replaces it; an agent message without cues
 * ("Take your time") leaves it in place.
 */
import { tokenize } from './tokens.js';
import { WordSet } from './word-set.js';
import type { TokenList } from './tokens.js';
import { emptyCue, findCues } from './phrases.js';
import type { Cue } from './phrases.js';
import { SENTENCE_END } from './scan.js';
import type { Expectation } from './context.js';
import type { BenignTag } from './rules/benign.js';

export const EXPECTATION_MESSAGES = 2;

const NEGATIONS = new WordSet([
  'never',
  'not',
  'don',
  'dont',
  'no',
  'nunca',
  'won',
  'shouldn',
  'doesn',
  'nor',
  'jamas',
  'ni',
]);

/**
 * Whether a negation governs the cue: one of the 10 words before it in the same sentence.
 * Reassurances name the secret far from the "never": "We will never ask for your full card
 * number or its security code" must not make the next reply's numbers a security code.
 */
function negated(T: TokenList, first: number): boolean {
  for (let k = first - 1, words = 0, steps = 0; k >= 0 && words < 10 && steps < 30; k--, steps++) {
    if (T.isPunct(k) && SENTENCE_END.has(T.key(k))) return false;
    if (!T.isWord(k)) continue;
    if (NEGATIONS.at(T, k)) return true;
    words++;
  }
  return false;
}

/** The cue is glued to digits: part of a code ("AMX-NV6R-PW7X"), not a word the agent said. */
function insideCode(T: TokenList, first: number, last: number): boolean {
  return (
    (first > 0 && T.gap(first) === 0 && T.isNum(first - 1)) || (T.isNum(last + 1) && T.gap(last + 1) === 0)
  );
}

/** The expectation set by one agent message, or null when it asks for nothing we know. */
export function expectationFrom(text: string): Expectation | null {
  const T = tokenize(text);
  const secrets = new Set<'cvv' | 'otp' | 'ssn' | 'password'>();
  const benign = new Set<BenignTag>();
  const cues = findCues(T);
  const c = emptyCue();
  for (let i = 0; i < cues.n; i++) {
    cues.load(i, c);
    if (negated(T, c.first) || c.notAQuestion === true || insideCode(T, c.first, c.last)) continue;
    switch (c.kind) {
      case 'cvv':
        secrets.add('cvv');
        break;
      case 'otp':
      case 'pin':
      case 'passcode':
        secrets.add('otp');
        break;
      case 'ssn':
        secrets.add('ssn');
        break;
      case 'password':
        // "log in", "pass" in an agent's sentence ("please log in to the app") ask for nothing.
        if (c.strict !== true) secrets.add('password');
        break;
      case 'benign':
        if (c.tag !== undefined) benign.add(c.tag);
        break;
      case 'expiry':
        break;
    }
  }
  cues.release();
  T.release();
  if (secrets.size === 0 && benign.size === 0) return null;
  return { secrets, benign };
}

/** Words that may follow a cue whose value the customer sends next ("my code is", "mi clave es:"). */
const LINKS = new WordSet(['is', 'are', 'was', 'es', 'son', 'era', 'its', 'it']);

/**
 * The secret a customer's own message announces and leaves for the next one: it ends with a
 * sensitive cue (and link words) claiming nothing, as in "my code is" sent before "482917".
 * Splitting the cue from the value must not get the value past the redactor. `c` is the
 * message's last cue, as the analysis found it, so the message is not read twice.
 */
export function danglingCue(T: TokenList, c: Cue | null): Expectation | null {
  if (c === null) return null;
  let k = c.last + 1;
  while (k < T.n && ((T.isPunct(k) && !SENTENCE_END.has(T.key(k))) || LINKS.at(T, k))) k += 1;
  const secret = c.kind === 'pin' || c.kind === 'passcode' ? 'otp' : c.kind;
  if (k < T.n || secret === 'benign' || secret === 'expiry' || negated(T, c.first)) return null;
  return { secrets: new Set([secret]), benign: new Set() };
}
