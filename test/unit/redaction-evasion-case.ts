/** The shape of one evasion-corpus case and its categories, shared by the corpus files. */
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
