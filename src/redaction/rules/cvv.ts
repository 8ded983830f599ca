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
export const CVV_DIGITS = { min: 3, max: 4 } as const;

export const CVV_CUES: readonly string[] = [
  'cvv', // Card Verification Value (Visa, most people)
  'cvv2', // CVV2, the printed code
  'cvc', // Card Verification Code (Mastercard)
  'cvc2', // CVC2, the printed code
  'cvn', // Card Verification Number
  'cvd', // Card Verification Digits (Canada)
  'cav2', // Card Authentication Value (JCB)
  'cid', // Card Identification number: the 4-digit Amex code on the front
  'csc', // Card Security Code
  'card verification', // "card verification value/code/number"
  'card security code', // generic name of the code
  'security code', // the name most cardmembers and agents use
  'sec code', // abbreviation
  'security number', // colloquial
  'code on the back', // Visa/Mastercard/Discover: 3 digits on the back
  'code on back', // same, shorter
  'code on the front', // Amex CID: 4 digits on the front
  'code on front', // same, shorter
  'numbers on the back', // same
  'digit number on the back', // "the 3-digit number on the back"
  'digit number on back', // same
  'digit number on the front', // Amex: "the 4-digit number on the front"
  'digits on the back', // "the 3 digits on the back"
  'digits on back', // same
  'digits on the front', // Amex: "the 4 digits on the front"
  'código de seguridad', // ES: security code
  'código de verificación de la tarjeta', // ES: card verification code
  'número de seguridad', // ES: security number
  'clave de seguridad', // ES: security key (colloquial)
  'código al reverso', // ES: code on the back
  'código en el reverso', // ES: code on the back
  'código del reverso', // ES: code on the back
  'números al reverso', // ES: numbers on the back
  'dígitos al reverso', // ES: digits on the back
  'dígitos del reverso', // ES: digits on the back
  'código al frente', // ES: code on the front (Amex)
  'dígitos al frente', // ES: digits on the front (Amex)
  'dígitos del frente', // ES: digits on the front (Amex)
  'numbers behind the card', // the code named by where it is
  'digits behind the card', // same
  'signature strip', // the code is printed on or beside it
  'signature panel', // same
  'signature box', // same
  'little digits above the card number', // Amex CID on the front
  'little numbers above the card number', // same
  'digits above the card number', // same
  'numbers above the card number', // same
  'tira de firma', // ES: signature strip
  'panel de firma', // ES: signature panel
];

/**
 * The code named only by where it is printed. A customer's "the number on the back is 839" is
 * the code, but an agent's "call the number on the back of your card" is the phone number printed
 * there: these cues find a value in the customer's text and never make an agent's message a
 * question for the code (agent.ts). With a length ("the 3-digit number on the back") the cues
 * above apply.
 */
export const CVV_PLACE_CUES: readonly string[] = [
  'number on the back', // the code, or the phone number printed there
  'number on the front', // Amex: the CID, or the number itself
  'número al reverso', // ES: number on the back
  'número del reverso', // ES: same
  'número en el reverso', // ES: same
];

/**
 * Expiry-date cues. The date itself is cardholder data but not sensitive authentication
 * data, so it passes; a 3–4-digit number right after it is the security code.
 */
export const EXPIRY_CUES: readonly string[] = [
  'exp', // abbreviation printed on cards
  'exp date', // abbreviation
  'expires', // "expires 08/27"
  'expiry', // UK/CA usage
  'expiration', // "expiration date"
  'expiration date', // US usage
  'valid thru', // printed on cards
  'valid through', // printed on cards
  'good thru', // printed on cards
  'vence', // ES: expires
  'vencimiento', // ES: expiry
  'fecha de vencimiento', // ES: expiry date
  'fecha de expiración', // ES: expiry date
  'válida hasta', // ES: valid thru
  'caduca', // ES (Spain): expires
];
