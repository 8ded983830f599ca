/**
 * Card security codes (CVV2 / CVC2 / CID / CAV2): sensitive authentication data that PCI DSS
 * forbids storing even encrypted. 3 digits on the back (Visa, Mastercard, Discover, …),
 * 4 digits on the FRONT for American Express (CID).
 *
 * A cue claims the first number after it (≤ 6 words, same sentence) or a number right before
 * it ("123 is my cvv"). 3–4 digits → cvv; 5–8 digits after "security code" → otp (some banks
 * call their one-time code a "security code"). Numbers that describe a length are skipped
 * ("the 3-digit code", "3 or 4 digits"). A 3–4-digit number right after a card number
 * (optionally after its expiry date) is a cvv without any cue.
 */
import type { CueRule } from './cue.js';

export const CVV_DIGITS = { min: 3, max: 4 } as const;

export const CVV_CUES: readonly CueRule[] = [
  { phrase: 'cvv', reason: 'Card Verification Value (Visa, most people)' },
  { phrase: 'cvv2', reason: 'CVV2, the printed code' },
  { phrase: 'cvc', reason: 'Card Verification Code (Mastercard)' },
  { phrase: 'cvc2', reason: 'CVC2, the printed code' },
  { phrase: 'cvn', reason: 'Card Verification Number' },
  { phrase: 'cvd', reason: 'Card Verification Digits (Canada)' },
  { phrase: 'cav2', reason: 'Card Authentication Value (JCB)' },
  { phrase: 'cid', reason: 'Card Identification number: the 4-digit Amex code on the front' },
  { phrase: 'csc', reason: 'Card Security Code' },
  { phrase: 'card verification', reason: '"card verification value/code/number"' },
  { phrase: 'card security code', reason: 'generic name of the code' },
  { phrase: 'security code', reason: 'the name most cardmembers and agents use' },
  { phrase: 'sec code', reason: 'abbreviation' },
  { phrase: 'security number', reason: 'colloquial' },
  { phrase: 'code on the back', reason: 'Visa/Mastercard/Discover: 3 digits on the back' },
  { phrase: 'code on back', reason: 'same, shorter' },
  { phrase: 'code on the front', reason: 'Amex CID: 4 digits on the front' },
  { phrase: 'code on front', reason: 'same, shorter' },
  { phrase: 'number on the back', reason: 'the code described by its place' },
  { phrase: 'numbers on the back', reason: 'same' },
  { phrase: 'digits on the back', reason: '"the 3 digits on the back"' },
  { phrase: 'digits on back', reason: 'same' },
  { phrase: 'digits on the front', reason: 'Amex: "the 4 digits on the front"' },
  { phrase: 'number on the front', reason: 'Amex, described by its place' },
  { phrase: 'código de seguridad', reason: 'ES: security code' },
  { phrase: 'código de verificación de la tarjeta', reason: 'ES: card verification code' },
  { phrase: 'número de seguridad', reason: 'ES: security number' },
  { phrase: 'clave de seguridad', reason: 'ES: security key (colloquial)' },
  { phrase: 'código al reverso', reason: 'ES: code on the back' },
  { phrase: 'código en el reverso', reason: 'ES: code on the back' },
  { phrase: 'código del reverso', reason: 'ES: code on the back' },
  { phrase: 'número al reverso', reason: 'ES: number on the back' },
  { phrase: 'números al reverso', reason: 'ES: numbers on the back' },
  { phrase: 'dígitos al reverso', reason: 'ES: digits on the back' },
  { phrase: 'dígitos del reverso', reason: 'ES: digits on the back' },
  { phrase: 'código al frente', reason: 'ES: code on the front (Amex)' },
  { phrase: 'dígitos al frente', reason: 'ES: digits on the front (Amex)' },
  { phrase: 'dígitos del frente', reason: 'ES: digits on the front (Amex)' },
];

/**
 * Expiry-date cues. The date itself is cardholder data but not sensitive authentication
 * data, so it passes; a 3–4-digit number right after it is the security code.
 */
export const EXPIRY_CUES: readonly CueRule[] = [
  { phrase: 'exp', reason: 'abbreviation printed on cards' },
  { phrase: 'exp date', reason: 'abbreviation' },
  { phrase: 'expires', reason: '"expires 08/27"' },
  { phrase: 'expiry', reason: 'UK/CA usage' },
  { phrase: 'expiration', reason: '"expiration date"' },
  { phrase: 'expiration date', reason: 'US usage' },
  { phrase: 'valid thru', reason: 'printed on cards' },
  { phrase: 'valid through', reason: 'printed on cards' },
  { phrase: 'good thru', reason: 'printed on cards' },
  { phrase: 'vence', reason: 'ES: expires' },
  { phrase: 'vencimiento', reason: 'ES: expiry' },
  { phrase: 'fecha de vencimiento', reason: 'ES: expiry date' },
  { phrase: 'fecha de expiración', reason: 'ES: expiry date' },
  { phrase: 'válida hasta', reason: 'ES: valid thru' },
  { phrase: 'caduca', reason: 'ES (Spain): expires' },
];
