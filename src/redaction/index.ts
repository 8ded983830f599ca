/**
 * amex-chat redaction engine: what a cardmember types is checked here before anything
 * leaves the browser. Pure TypeScript, no DOM, no dependencies.
 *
 *   redact(text)             one message, no history
 *   createRedactor()         a conversation: observe() agent messages, preview() while
 *                            typing (no state change), redact() on send (records fragments
 *                            for the split-number rule)
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

/** A redactor for one conversation: agent context and the split-number rule. */
export function createRedactor(options?: RedactOptions): Redactor {
  const lang: Lang = options?.lang ?? 'en';
  let state: State = FRESH;
  // What the other side said since the customer last typed, read when it matters: only the
  // newest message that asks for something counts (each replaces the one before), so a replayed
  // history of thousands of messages reads one or two, not all (~17 µs each).
  let heard: string[] = [];
  const settle = (): State => {
    for (let i = heard.length - 1; i >= 0; i -= 1) {
      const e = expectationFrom(heard[i] ?? '');
      if (e !== null) {
        state = { ...state, expect: e, expectLeft: EXPECTATION_MESSAGES };
        break;
      }
    }
    heard = [];
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
