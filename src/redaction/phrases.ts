/**
 * The phrase matcher: finds every cue of every rule table in the token stream.
 *
 * All tables are compiled into one trie keyed by token keys. Scanning left to right, the
 * longest phrase starting at a token wins and scanning resumes after it, so "zip code" (a
 * benign cue) is taken before the generic otp cue "code". Hyphens between words are skipped.
 * Cost: O(tokens × longest phrase).
 */
import { NUM, WORD, tokenize } from './tokens.js';
import { hashKey } from './tokenizer.js';
import type { TokenList } from './tokens.js';
import { CVV_CUES, CVV_PLACE_CUES, EXPIRY_CUES } from './rules/cvv.js';
import { OTP_CUES, PASSCODE_CUES, PIN_CUES } from './rules/otp.js';
import { LOGIN_CUES, PASSWORD_CUES, PASSWORD_STRICT_CUES } from './rules/password.js';
import { SSN_CUES } from './rules/ssn.js';
import { BENIGN_CUES } from './rules/benign.js';
import type { BenignTag } from './rules/benign.js';

export type CueKind = 'cvv' | 'expiry' | 'otp' | 'pin' | 'passcode' | 'password' | 'ssn' | 'benign';

export interface CueInfo {
  /** Index in INFOS. */
  id: number;
  kind: CueKind;
  tag?: BenignTag;
  strict?: boolean;
  /** The value must look like a secret, linked or not (password cues such as "login"). */
  secretOnly?: boolean;
  /** In an agent's message, not a question for the secret ("call the number on the back"). */
  notAQuestion?: boolean;
}

export interface Cue extends Omit<CueInfo, 'id'> {
  /** First and last token of the phrase. */
  first: number;
  last: number;
}

/** A trie node; children are keyed by the hash of the next token's key and checked by key. */
interface Node {
  key: string;
  next: Map<number, Node>;
  info?: CueInfo;
}

const root: Node = { key: '', next: new Map() };
/** Low 12 bits of the hashes of every phrase's first key: most tokens fail this test first. */
const rootFilter = new Uint8Array(4096);
/**
 * 1 at the length of each phrase's first key that is a number ("2fa"): a run of digits of
 * another length starts no phrase (and its hash, worked out when asked, is not needed).
 */
const numberStarts = new Uint8Array(64);
let longest = 0;

/** Every distinct CueInfo, by id. */
const INFOS: CueInfo[] = [];

/**
 * Adds a rule table: cue phrases, as a person would type them, each a phrase that, written near
 * a number, says what the number is. Phrases are matched on folded word keys (case and accents
 * ignored: "Código" = "codigo"), hyphens between words are skipped ("one-time" = "one time"),
 * and digits or symbols inside a phrase match as their own tokens ("2fa", "ss#", "last 4").
 * Tables are lists of strings, why each phrase is a cue being the comment next to it (comments
 * cost nothing in the widget's bundle).
 */
function add(phrases: readonly string[], info: Omit<CueInfo, 'id'>): void {
  for (const phrase of phrases) {
    const T = tokenize(phrase);
    const keys: string[] = [];
    for (let k = 0; k < T.n; k++) if (!T.isPunct(k, '-')) keys.push(T.key(k));
    // A table's mistake (caught by every test that redacts): a phrase that does not start with
    // a word or a number, a hash collision of two keys, a phrase in two tables of other kinds.
    const bad = (): never => {
      throw new Error(`redaction: bad cue phrase "${phrase}"`);
    };
    if (T.t(0) !== WORD && T.t(0) !== NUM) bad();
    if (T.t(0) === NUM) numberStarts[T.len(0) < 64 ? T.len(0) : bad()] = 1;
    rootFilter[hashKey(keys[0] ?? '') & 4095] = 1;
    let node = root;
    for (const key of keys) {
      const h = hashKey(key);
      let child = node.next.get(h);
      if (child !== undefined && child.key !== key) bad();
      if (child === undefined) {
        child = { key, next: new Map() };
        node.next.set(h, child);
      }
      node = child;
    }
    if (node.info !== undefined && node.info.kind !== info.kind) bad();
    node.info = { ...info, id: INFOS.length };
    INFOS.push(node.info);
    longest = Math.max(longest, keys.length);
  }
}

let built = false;
/**
 * Builds the phrase trie on first use, not when the module loads: a page that shows only the
 * closed launcher never pays for tokenizing the tables.
 */
function build(): void {
  if (built) return;
  built = true;
  add(CVV_CUES, { kind: 'cvv' });
  add(CVV_PLACE_CUES, { kind: 'cvv', notAQuestion: true });
  add(EXPIRY_CUES, { kind: 'expiry' });
  add(OTP_CUES, { kind: 'otp' });
  add(PIN_CUES, { kind: 'pin' });
  add(PASSCODE_CUES, { kind: 'passcode' });
  add(SSN_CUES, { kind: 'ssn' });
  add(PASSWORD_CUES, { kind: 'password', strict: false });
  add(PASSWORD_STRICT_CUES, { kind: 'password', strict: true });
  add(LOGIN_CUES, { kind: 'password', strict: true, secretOnly: true });
  for (const [tag, phrases] of Object.entries(BENIGN_CUES) as [BenignTag, readonly string[]][]) {
    add(phrases, { kind: 'benign', tag });
  }
}

/** The child of `node` matching token k, if any. */
function step(T: TokenList, node: Node, k: number): Node | undefined {
  const child = node.next.get(T.hash(k));
  return child !== undefined && T.keyIs(k, child.key) ? child : undefined;
}

/**
 * The cues of a message, stored flat (a long message may hold hundreds of thousands);
 * `load` copies one into a reusable Cue.
 */
export class CueList {
  n = 0;
  /** first, last of each cue; taken on the first cue (most messages have none). */
  private spans: Int32Array = EMPTY_SPANS;
  /** Id of each cue's CueInfo (its index in INFOS). */
  private ids: Uint16Array = EMPTY_IDS;

  /** `tokens`: the message's, a bound on its cues (each takes a token or more). */
  constructor(private readonly tokens = 0) {}

  add(info: CueInfo, first: number, last: number): void {
    if (this.n === this.ids.length) this.grow();
    this.spans[2 * this.n] = first;
    this.spans[2 * this.n + 1] = last;
    this.ids[this.n++] = info.id;
  }

  private grow(): void {
    let ids: Uint16Array;
    let spans: Int32Array;
    if (this.n === 0 && pooledIds !== null && pooledSpans !== null) {
      ids = pooledIds;
      spans = pooledSpans;
      pooledIds = null;
      pooledSpans = null;
    } else {
      // Doubled; past a few thousand, made as large as the message may need (copying megabytes
      // of cues costs more than the cues, and what is never written costs nothing).
      ids = new Uint16Array(Math.max(64, this.n * 2, this.n >= 2048 ? this.tokens : 0));
      spans = new Int32Array(ids.length * 2);
      ids.set(this.ids);
      spans.set(this.spans);
    }
    this.ids = ids;
    this.spans = spans;
  }

  /** Gives the buffers back for the next message; the list must not be used afterwards. */
  release(): void {
    if (this.ids.length > 0 && this.ids.length <= 4096) {
      pooledIds = this.ids;
      pooledSpans = this.spans;
    }
    this.n = 0;
  }

  /** Fills `into` with cue i and returns it. */
  load(i: number, into: Cue): Cue {
    const info = INFOS[this.ids[i] ?? -1];
    if (info === undefined) throw new RangeError(`no cue ${i}`);
    into.kind = info.kind;
    into.tag = info.tag;
    into.strict = info.strict;
    into.secretOnly = info.secretOnly;
    into.notAQuestion = info.notAQuestion;
    into.first = this.spans[2 * i] ?? 0;
    into.last = this.spans[2 * i + 1] ?? 0;
    return into;
  }
}

const EMPTY_SPANS = new Int32Array(0);
const EMPTY_IDS = new Uint16Array(0);
/** One pair of buffers kept between messages (see TokenList's pool). */
let pooledIds: Uint16Array | null = null;
let pooledSpans: Int32Array | null = null;

/** A reusable Cue for CueList.load. */
export function emptyCue(): Cue {
  return {
    kind: 'benign',
    tag: undefined,
    strict: undefined,
    secretOnly: undefined,
    notAQuestion: undefined,
    first: 0,
    last: 0,
  };
}

/** Every cue in the token list, in order, non-overlapping. */
export function findCues(T: TokenList): CueList {
  build();
  const out = new CueList(T.n);
  const n = T.n;
  let i = 0;
  while (i < n) {
    const type = T.t(i);
    const starts = type === WORD || (type === NUM && numberStarts[T.len(i)] === 1);
    let node = starts && rootFilter[T.hash(i) & 4095] === 1 ? step(T, root, i) : undefined;
    if (node === undefined) {
      i++;
      continue;
    }
    let best = node.info !== undefined ? i : -1;
    let bestInfo = node.info;
    let j = i + 1;
    let hyphens = 0;
    while (j < n && node.next.size > 0) {
      if (T.isPunct(j, '-') && hyphens < 2) {
        hyphens++;
        j++;
        continue;
      }
      const child = step(T, node, j);
      if (child === undefined) break;
      node = child;
      hyphens = 0;
      if (node.info !== undefined) {
        best = j;
        bestInfo = node.info;
      }
      j++;
    }
    if (best >= 0 && bestInfo !== undefined) {
      out.add(bestInfo, i, best);
      i = best + 1;
    } else i++;
  }
  return out;
}

/** Number of tokens in the longest phrase (for documentation and tests). */
export function longestPhrase(): number {
  build();
  return longest;
}
