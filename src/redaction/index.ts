/**
 * amex-chat redaction engine: what a cardmember types is checked here before anything
 * leaves the browser. Pure TypeScript, no DOM, no dependencies.
 *
 *   redact(text)             one message, no history
 *   createRedactor()         a conversation: observe() agent messages, preview() while
 *                            typing (no state change), redact() on send (records fragments
 *                            for the split-number rule), observeSent() customer messages
 *                            sent elsewhere (a replay after a reload, another tab)
 *   check(text, redactor?)   findings only, for the live warning under the composer
 *   summarize(findings)      kinds and count for the `amex-chat-redacted` event
 *
 * `RedactedText` is produced only in this file (see `seal`); the transport accepts nothing else.
 * Rules and their reasons: docs/redaction.md and src/redaction/rules/*.ts.
 */
import { tokenize } from './tokens.js';
import { analyze, releaseAnalysis } from './context.js';
import type { Expectation } from './context.js';
import type { Hit } from './scan.js';
import { applySplitRule } from './split.js';
import type { Candidate } from './split.js';
import { EXPECTATION_MESSAGES, expectationFrom } from './agent.js';
import { placeholderFor } from './placeholders.js';
import type { Lang } from './placeholders.js';
import type { Finding, RedactedText, RedactionResult, SensitiveKind } from './types.js';

export type { Finding, RedactedText, RedactionResult, SensitiveKind } from './types.js';
export type { Lang } from './placeholders.js';
export { MASK_CHAR, PLACEHOLDERS } from './placeholders.js';

export interface RedactOptions {
  /** Language of the placeholders ("[code removed]" / "[código eliminado]"). Default 'en'. */
  lang?: Lang;
}

export interface Redactor {
  /** An outgoing customer message, with the conversation's context. Records it (split-number rule). */
  redact(input: string): RedactionResult;
  /** The same evaluation as `redact`, without recording anything: for live checks while typing. */
  preview(input: string): RedactionResult;
  /** An incoming agent/assistant message ("What is the code on the front?"). */
  observe(incoming: string): void;
  /**
   * A customer message sent without this redactor (its text as it left: redacted): replayed after
   * a reload, or sent from another tab. It is read as if it had been sent here, so that a card
   * typed over several messages cannot be completed across a reload or a second tab, and it
   * counts against the agent's question. It cannot free what the split-number rule holds back of
   * the messages sent here (see `settle`).
   */
  observeSent(sent: string): void;
}

/** The empty message, already redacted. */
export const EMPTY_REDACTED = '' as RedactedText;

/** The only place a string becomes RedactedText: the output of `evaluate`. */
function seal(text: string): RedactedText {
  return text as RedactedText;
}

interface State {
  /** Possible cards being typed over several messages (split-number rule). */
  cands: readonly Candidate[];
  /** What the agent's last question asked for. */
  expect: Expectation | null;
  /** Outgoing messages the expectation still applies to. */
  expectLeft: number;
}

const FRESH: State = { cands: [], expect: null, expectLeft: 0 };

interface Evaluation {
  result: RedactionResult;
  next: State;
}

function byStart(a: Hit, b: Hit): number {
  return a.s - b.s;
}

function evaluate(input: string, state: State, lang: Lang, wantText: boolean): Evaluation {
  const T = tokenize(input);
  const an = analyze(T, state.expect);
  const split = applySplitRule(T, an, state.cands, state.expect);
  releaseAnalysis(an);
  T.release();
  const hits: Hit[] = split.hits.length === 0 ? an.hits : an.hits.concat(split.hits);
  if (hits.length > 1) hits.sort(byStart);

  const findings: Finding[] = [];
  for (const h of hits) findings.push({ kind: h.kind, start: h.s, end: h.e });
  let text = input;
  if (wantText && hits.length > 0) {
    let out = '';
    let at = 0;
    for (const h of hits) {
      out += input.slice(at, h.s);
      out += h.text ?? placeholderFor(h.kind, lang);
      at = h.e;
    }
    text = out + input.slice(at);
  }
  const answered = an.answeredExpectation || state.expectLeft <= 1;
  const next: State = {
    cands: split.next,
    expect: answered ? null : state.expect,
    expectLeft: answered ? 0 : state.expectLeft - 1,
  };
  return { result: { text: seal(text), findings }, next };
}

/** Redact one message, without conversation history. */
export function redact(input: string, options?: RedactOptions): RedactionResult {
  return evaluate(input, FRESH, options?.lang ?? 'en', true).result;
}

/**
 * How many of the latest customer messages sent without a redactor it reads (observeSent): a
 * possible card is dropped beyond PAN_MAX (19) digits, and each message that continues one adds
 * a digit at least, while the agent's question lasts EXPECTATION_MESSAGES; so older ones cannot
 * change what the next message may say.
 */
const SENT_WINDOW = 20;

/** A redactor for one conversation: agent context and the split-number rule. */
export function createRedactor(options?: RedactOptions): Redactor {
  const lang: Lang = options?.lang ?? 'en';
  let state: State = FRESH;
  // What the other side said, and the customer's messages sent without this redactor
  // (observeSent), since the customer last typed here; read when it matters. Of the latter, only
  // the last SENT_WINDOW are kept, with what was said after the first of them.
  let heard: (string | { sent: string })[] = [];
  let sentHeard = 0;
  /**
   * Of what the other side said between two customer messages, only the newest message that asks
   * for something counts (each replaces the one before), so a replayed history of thousands of
   * messages reads one or two, not all (~17 µs each).
   */
  const ask = (said: readonly string[]): void => {
    for (let i = said.length - 1; i >= 0; i -= 1) {
      const e = expectationFrom(said[i] ?? '');
      if (e !== null) {
        state = { ...state, expect: e, expectLeft: EXPECTATION_MESSAGES };
        return;
      }
    }
  };
  const settle = (): State => {
    const before = state.cands;
    let said: string[] = [];
    for (const item of heard) {
      if (typeof item === 'string') {
        said.push(item);
        continue;
      }
      ask(said);
      said = [];
      state = evaluate(item.sent, state, lang, false).next;
    }
    // Never fewer candidates than before: a message the server says the customer sent (a
    // compromised server could make one up) cannot clear what was typed here.
    if (state.cands !== before) state = { ...state, cands: [...new Set([...before, ...state.cands])] };
    ask(said);
    heard = [];
    sentHeard = 0;
    return state;
  };
  return {
    redact(input: string): RedactionResult {
      const ev = evaluate(input, settle(), lang, true);
      state = ev.next;
      return ev.result;
    },
    preview(input: string): RedactionResult {
      return evaluate(input, settle(), lang, true).result;
    },
    observe(incoming: string): void {
      heard.push(incoming);
    },
    observeSent(sent: string): void {
      heard.push({ sent });
      // Older ones cannot change what may leave next (see SENT_WINDOW): drop the oldest, and
      // what was said before it.
      if (++sentHeard > SENT_WINDOW) {
        heard.splice(0, heard.findIndex((item) => typeof item !== 'string') + 1);
        sentHeard -= 1;
      }
    },
  };
}

/**
 * Findings only, for the live warning while typing (no text is built, nothing is recorded).
 * With a redactor, the conversation's context applies (as `redactor.preview`).
 */
export function check(input: string, redactor?: Redactor): Finding[] {
  if (redactor !== undefined) return redactor.preview(input).findings;
  return evaluate(input, FRESH, 'en', false).result.findings;
}

const KIND_ORDER: readonly SensitiveKind[] = ['card', 'cvv', 'ssn', 'otp', 'password'];

/** Kinds (in a stable order) and count of findings, for the `amex-chat-redacted` event. */
export function summarize(findings: readonly Finding[]): { kinds: SensitiveKind[]; count: number } {
  const seen = new Set<SensitiveKind>();
  for (const f of findings) seen.add(f.kind);
  return { kinds: KIND_ORDER.filter((k) => seen.has(k)), count: findings.length };
}
