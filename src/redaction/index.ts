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
import { decodeNumbers } from './decode.js';
import { analyze, releaseAnalysis } from './context.js';
import type { Expectation } from './context.js';
import type { Hit } from './scan.js';
import { Ledger, WINDOW_MESSAGES, WINDOW_MS } from './ledger.js';
import type { LedgerResult } from './ledger.js';
import { danglingCue, EXPECTATION_MESSAGES, expectationFrom } from './agent.js';
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

export interface RedactorOptions extends RedactOptions {
  /** The clock of the split-number window (ms since the epoch). Default `Date.now`. */
  now?: () => number;
}

export interface Redactor {
  /**
   * An outgoing customer message, with the conversation's context. Records it (split-number rule).
   * With `block`, a message with findings is refused rather than masked: its findings come back
   * and nothing is recorded, from one evaluation.
   */
  redact(input: string, options?: { block?: boolean }): RedactionResult;
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
  observeSent(sent: string, at?: number): void;
}

/** The empty message, already redacted. */
export const EMPTY_REDACTED = '' as RedactedText;

/** The only place a string becomes RedactedText: the output of `evaluate`. */
function seal(text: string): RedactedText {
  return text as RedactedText;
}

/** What the agent asked, and for how many more of the customer's messages. */
interface Asked {
  /** What the agent's last question asked for. */
  expect: Expectation | null;
  /** Outgoing messages the expectation still applies to. */
  expectLeft: number;
}

const NOTHING_ASKED: Asked = { expect: null, expectLeft: 0 };

interface Evaluation {
  result: RedactionResult;
  /** What the split-number rule records once the message is sent (Ledger.commit). */
  sent: LedgerResult;
  /** What is asked after the message is sent. */
  asked: Asked;
}

function byStart(a: Hit, b: Hit): number {
  return a.s - b.s;
}

/**
 * One message through every rule: its findings and (when `wantText`) its redacted text, with
 * the conversation's ledger and the agent's question. Changes nothing: the caller commits.
 * `observed`: a message sent elsewhere, already redacted; only what it records matters.
 */
function evaluate(
  input: string,
  ledger: Ledger,
  asked: Asked,
  lang: Lang,
  wantText: boolean,
  now: number,
  observed = false,
): Evaluation {
  const T = decodeNumbers(tokenize(input));
  const an = analyze(T, asked.expect);
  const sent = ledger.evaluate(T, an, asked.expect, now, observed);
  const dangling = danglingCue(T, an.lastCue);
  releaseAnalysis(an);
  const hits: Hit[] = sent.hits.length === 0 ? an.hits : an.hits.concat(sent.hits);
  if (hits.length > 1) hits.sort(byStart);
  // The findings (and text) in order: the card numbers (in order already) and the other hits.
  const cards = an.cards;
  const findings: Finding[] = new Array<Finding>(cards.n + hits.length);
  let out = '';
  let at = 0;
  for (let i = 0, j = 0, f = 0; i < cards.n || j < hits.length; f++) {
    const h = hits[j];
    const first = cards.first[i] ?? 0;
    const s = i < cards.n ? T.s(first) : Infinity;
    if (h === undefined || s < h.s) {
      const last = cards.last[i] ?? 0;
      const e = T.e(last);
      findings[f] = { kind: 'card', start: s, end: e };
      if (wantText) {
        out += input.slice(at, s);
        out += T.maskText(first, last, cards.keep[i] ?? 0);
        at = e;
      }
      i++;
    } else {
      findings[f] = { kind: h.kind, start: h.s, end: h.e };
      if (wantText) {
        out += input.slice(at, h.s);
        out += h.keep >= 0 ? T.maskText(h.first, h.last, h.keep) : placeholderFor(h.kind, lang);
        at = h.e;
      }
      j++;
    }
  }
  T.release();
  const text = wantText && findings.length > 0 ? out + input.slice(at) : input;
  const answered = an.answeredExpectation || asked.expectLeft <= 1;
  const next: Asked =
    dangling !== null
      ? { expect: dangling, expectLeft: EXPECTATION_MESSAGES }
      : answered
        ? NOTHING_ASKED
        : { expect: asked.expect, expectLeft: asked.expectLeft - 1 };
  return { result: { text: seal(text), findings }, sent, asked: next };
}

/** Redact one message, without conversation history. */
export function redact(input: string, options?: RedactOptions): RedactionResult {
  return evaluate(input, new Ledger(), NOTHING_ASKED, options?.lang ?? 'en', true, 0).result;
}

/**
 * Customer messages sent without this redactor (observeSent) that it keeps to read: the split
 * window's last WINDOW_MESSAGES, and those of its last WINDOW_MS, at most this many. Older ones
 * cannot change what the next message may say.
 */
const SENT_KEPT = 200;

/** A redactor for one conversation: agent context and the split-number rule. */
export function createRedactor(options?: RedactorOptions): Redactor {
  const lang: Lang = options?.lang ?? 'en';
  const clock = options?.now ?? Date.now;
  const ledger = new Ledger();
  let asked: Asked = NOTHING_ASKED;
  // What the other side said, and the customer's messages sent without this redactor
  // (observeSent), since the customer last typed here; read when it matters. Of the latter, only
  // those the window may still hold are kept, with what was said after the first of them.
  let heard: (string | { sent: string; at: number })[] = [];
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
        asked = { expect: e, expectLeft: EXPECTATION_MESSAGES };
        return;
      }
    }
  };
  // Messages sent elsewhere only add to the split-number ledger: a message the server says the
  // customer sent (a compromised server could make one up) cannot free what was typed here.
  const settle = (): void => {
    let said: string[] = [];
    for (const item of heard) {
      if (typeof item === 'string') {
        said.push(item);
        continue;
      }
      ask(said);
      said = [];
      const ev = evaluate(item.sent, ledger, asked, lang, false, item.at, true);
      ledger.commit(ev.sent, item.at);
      asked = ev.asked;
    }
    ask(said);
    heard = [];
    sentHeard = 0;
  };
  const redactor: Redactor = {
    redact(input: string, options?: { block?: boolean }): RedactionResult {
      settle();
      const now = clock();
      const ev = evaluate(input, ledger, asked, lang, true, now);
      if (options?.block === true && ev.result.findings.length > 0) return ev.result;
      ledger.commit(ev.sent, now);
      asked = ev.asked;
      return ev.result;
    },
    preview(input: string): RedactionResult {
      settle();
      return evaluate(input, ledger, asked, lang, true, clock()).result;
    },
    observe(incoming: string): void {
      heard.push(incoming);
    },
    observeSent(sent: string, at?: number): void {
      const now = clock();
      heard.push({ sent, at: at === undefined ? now : Math.min(at, now) });
      sentHeard += 1;
      // Drop the oldest (and what was said before it) once the window cannot hold it any more.
      for (;;) {
        const oldest = heard.findIndex((item) => typeof item !== 'string');
        const item = heard[oldest];
        if (item === undefined || typeof item === 'string') break;
        const outOfWindow = sentHeard > WINDOW_MESSAGES && now - item.at > WINDOW_MS;
        if (!outOfWindow && sentHeard <= SENT_KEPT) break;
        heard.splice(0, oldest + 1);
        sentHeard -= 1;
      }
    },
  };
  // check(): the findings of a preview, without building the text (a keystroke needs no more).
  checkers.set(redactor, (input) => {
    settle();
    return evaluate(input, ledger, asked, lang, false, clock()).result.findings;
  });
  return redactor;
}

/** The text-free check of each redactor made here. */
const checkers = new WeakMap<Redactor, (input: string) => Finding[]>();

/**
 * Findings only, for the live warning while typing (no text is built, nothing is recorded).
 * With a redactor, the conversation's context applies (as `redactor.preview`).
 */
export function check(input: string, redactor?: Redactor): Finding[] {
  if (redactor !== undefined)
    return (checkers.get(redactor) ?? ((i: string) => redactor.preview(i).findings))(input);
  return evaluate(input, new Ledger(), NOTHING_ASKED, 'en', false, 0).result.findings;
}

const KIND_ORDER: readonly SensitiveKind[] = ['card', 'cvv', 'ssn', 'otp', 'password'];

/** Kinds (in a stable order) and count of findings, for the `amex-chat-redacted` event. */
export function summarize(findings: readonly Finding[]): { kinds: SensitiveKind[]; count: number } {
  const seen = new Set<SensitiveKind>();
  for (const f of findings) seen.add(f.kind);
  return { kinds: KIND_ORDER.filter((k) => seen.has(k)), count: findings.length };
}
