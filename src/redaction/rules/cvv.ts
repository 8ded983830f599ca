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
  { phrase: 'cvv' }, // Card Verification Value (Visa, most people)
  { phrase: 'cvv2' }, // CVV2, the printed code
  { phrase: 'cvc' }, // Card Verification Code (Mastercard)
  { phrase: 'cvc2' }, // CVC2, the printed code
  { phrase: 'cvn' }, // Card Verification Number
  { phrase: 'cvd' }, // Card Verification Digits (Canada)
  { phrase: 'cav2' }, // Card Authentication Value (JCB)
  { phrase: 'cid' }, // Card Identification number: the 4-digit Amex code on the front
  { phrase: 'csc' }, // Card Security Code
  { phrase: 'card verification' }, // "card verification value/code/number"
  { phrase: 'card security code' }, // generic name of the code
  { phrase: 'security code' }, // the name most cardmembers and agents use
  { phrase: 'sec code' }, // abbreviation
  { phrase: 'security number' }, // colloquial
  { phrase: 'code on the back' }, // Visa/Mastercard/Discover: 3 digits on the back
  { phrase: 'code on back' }, // same, shorter
  { phrase: 'code on the front' }, // Amex CID: 4 digits on the front
  { phrase: 'code on front' }, // same, shorter
  { phrase: 'number on the back' }, // the code described by its place
  { phrase: 'numbers on the back' }, // same
  { phrase: 'digits on the back' }, // "the 3 digits on the back"
  { phrase: 'digits on back' }, // same
  { phrase: 'digits on the front' }, // Amex: "the 4 digits on the front"
  { phrase: 'number on the front' }, // Amex, described by its place
  { phrase: 'código de seguridad' }, // ES: security code
  { phrase: 'código de verificación de la tarjeta' }, // ES: card verification code
  { phrase: 'número de seguridad' }, // ES: security number
  { phrase: 'clave de seguridad' }, // ES: security key (colloquial)
  { phrase: 'código al reverso' }, // ES: code on the back
  { phrase: 'código en el reverso' }, // ES: code on the back
  { phrase: 'código del reverso' }, // ES: code on the back
  { phrase: 'número al reverso' }, // ES: number on the back
  { phrase: 'números al reverso' }, // ES: numbers on the back
  { phrase: 'dígitos al reverso' }, // ES: digits on the back
  { phrase: 'dígitos del reverso' }, // ES: digits on the back
  { phrase: 'código al frente' }, // ES: code on the front (Amex)
  { phrase: 'dígitos al frente' }, // ES: digits on the front (Amex)
  { phrase: 'dígitos del frente' }, // ES: digits on the front (Amex)
];

/**
 * Expiry-date cues. The date itself is cardholder data but not sensitive authentication
 * data, so it passes; a 3–4-digit number right after it is the security code.
 */
export const EXPIRY_CUES: readonly CueRule[] = [
  { phrase: 'exp' }, // abbreviation printed on cards
  { phrase: 'exp date' }, // abbreviation
  { phrase: 'expires' }, // "expires 08/27"
  { phrase: 'expiry' }, // UK/CA usage
  { phrase: 'expiration' }, // "expiration date"
  { phrase: 'expiration date' }, // US usage
  { phrase: 'valid thru' }, // printed on cards
  { phrase: 'valid through' }, // printed on cards
  { phrase: 'good thru' }, // printed on cards
  { phrase: 'vence' }, // ES: expires
  { phrase: 'vencimiento' }, // ES: expiry
  { phrase: 'fecha de vencimiento' }, // ES: expiry date
  { phrase: 'fecha de expiración' }, // ES: expiry date
  { phrase: 'válida hasta' }, // ES: valid thru
  { phrase: 'caduca' }, // ES (Spain): expires
];
