/**
 * The shape of one evasion-corpus case and its categories, the secrets the cases hide, and the
 * helpers that build cases from tables: shared by the corpus files.
 */
import type { Lang, SensitiveKind } from '../../src/redaction/index.js';

export const ATTACK_CATEGORIES = [
  'split-interleaved',
  'split-in-message',
  'lookalike',
  'unicode-digits',
  'words-en',
  'words-es',
  'mixed',
  'ssn-split',
  'password',
  'agent-question',
] as const;
export const BENIGN_CATEGORIES = [
  'benign-numbers',
  'benign-words',
  'benign-password-talk',
  'benign-conversation',
  'agent-question',
] as const;
export type EvasionCategory = (typeof ATTACK_CATEGORIES)[number] | (typeof BENIGN_CATEGORIES)[number];

export type EvasionStep = { agent: string } | { customer: string };

export interface EvasionCase {
  category: EvasionCategory;
  reason: string;
  /** Agent messages (observe) and customer messages (redact), in order. One customer message for single-message cases. */
  steps: EvasionStep[];
  /** 'attack': `secret` must not leave; 'benign': every customer message must be unchanged. */
  expect: 'attack' | 'benign';
  /** The digits (ASCII) of the secret for numeric secrets, or the exact secret text for passwords. */
  secret?: string;
  /** Digits of the secret that may still be readable in what left: 4 for a whole card typed in one message (its mask keeps the last four), 10 for a card typed in parts (first six + last four), 5 for an SSN in parts, 0 otherwise. */
  allowed?: number;
  /** Kinds that must appear among the findings of the whole conversation (optional). */
  kinds?: SensitiveKind[];
  /** Language of the conversation (placeholders, Spanish number words). Default 'en'. */
  lang?: Lang;
  /** A benign case the spec's own rules must mask, and why; counted apart in the rates. */
  acceptedFalsePositive?: string;
}

// ------------------------------------------------------------------ secrets

export const AMEX = '378282246310005';
export const AMEX2 = '371449635398431';
export const VISA = '4111111111111111';
export const VISA2 = '4012888888881881';
export const MC = '5555555555554444';
export const MC2 = '5105105105105100';
export const DISC = '6011111111111117';
export const JCB = '3530111333300000';
export const DINERS = '30569309025904';
export const DINERS36 = '36227206271667';
export const SSN = '536228194';
export const SSN2 = '212674532';
export const SSN3 = '471392856';
export const SSN4 = '318547720';

// ------------------------------------------------------------------ helpers

/** An agent message in a conversation (plain strings are the customer's). */
export const agent = (text: string): { agent: string } => ({ agent: text });

export type Message = string | { agent: string };

export const stepsOf = (messages: Message[]): EvasionStep[] =>
  messages.map((m) => (typeof m === 'string' ? { customer: m } : m));

/** One attack case in a table: why it is there, the secret, and the messages. */
export type Row = [reason: string, secret: string, messages: Message[]];

/** The cases of `table`, in `category`, each allowing `allowed` digits and expecting `kinds`. */
export function rows(
  category: EvasionCategory,
  table: Row[],
  allowed: number,
  kinds: SensitiveKind[],
  lang?: Lang,
): EvasionCase[] {
  return table.map(([reason, secret, messages]) => ({
    category,
    reason,
    steps: stepsOf(messages),
    expect: 'attack',
    secret,
    allowed,
    kinds,
    ...(lang ? { lang } : {}),
  }));
}
