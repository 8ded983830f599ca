/**
 * Things that must pass untouched, and the words that say so.
 *
 * A benign cue claims the number right after it (≤ 5 words) or right before it
 * ("10001 is my zip"): a claimed number is never taken as a cvv, otp, pin or bare SSN, and
 * it does not count toward the split-number budget. Benign cues do NOT protect a full card
 * number (that rule is context-free) nor a formatted SSN whose parts are valid unless the
 * cue is a reference/routing one.
 *
 * Phrases containing "code" ("zip code", "promo code") are here so that they win over the
 * generic otp cue "code": the phrase matcher takes the longest phrase starting earliest.
 */
import type { CueRule } from './cue.js';

export type BenignTag = 'last4' | 'zip' | 'phone' | 'reference' | 'routing' | 'amount' | 'dob' | 'date';

export interface BenignCue extends CueRule {
  tag: BenignTag;
}

export const BENIGN_CUES: readonly BenignCue[] = [
  // The last four identify the card without exposing it (PCI allows showing them).
  { phrase: 'last four', tag: 'last4' }, // "last four digits" identify a card
  { phrase: 'last 4', tag: 'last4' }, // same
  { phrase: 'last four digits', tag: 'last4' }, // same
  { phrase: 'last 4 digits', tag: 'last4' }, // same
  { phrase: 'last digits', tag: 'last4' }, // same
  { phrase: 'ending in', tag: 'last4' }, // "card ending in 1005"
  { phrase: 'ending with', tag: 'last4' }, // same
  { phrase: 'ends in', tag: 'last4' }, // same
  { phrase: 'ends with', tag: 'last4' }, // same
  { phrase: 'ending', tag: 'last4' }, // "Amex ending 1005"
  { phrase: 'últimos cuatro', tag: 'last4' }, // ES: last four
  { phrase: 'últimos 4', tag: 'last4' }, // ES: last four
  { phrase: 'últimos dígitos', tag: 'last4' }, // ES: last digits
  { phrase: 'termina en', tag: 'last4' }, // ES: ends in
  { phrase: 'terminada en', tag: 'last4' }, // ES: ending in
  { phrase: 'terminación', tag: 'last4' }, // ES: ending
  // Postal codes.
  { phrase: 'zip', tag: 'zip' }, // US ZIP or ZIP+4
  { phrase: 'zip code', tag: 'zip' }, // wins over the otp cue "code"
  { phrase: 'zipcode', tag: 'zip' }, // spelling variant
  { phrase: 'postal code', tag: 'zip' }, // wins over "code"
  { phrase: 'postcode', tag: 'zip' }, // UK/CA
  { phrase: 'código postal', tag: 'zip' }, // ES: postal code, wins over "código"
  // Phone numbers.
  { phrase: 'phone', tag: 'phone' }, // phone number
  { phrase: 'phone number', tag: 'phone' }, // phone number
  { phrase: 'telephone', tag: 'phone' }, // phone number
  { phrase: 'tel', tag: 'phone' }, // phone number
  { phrase: 'cell', tag: 'phone' }, // phone number
  { phrase: 'mobile', tag: 'phone' }, // phone number
  { phrase: 'call', tag: 'phone' }, // "call 1-800-528-4800", "call me at …"
  { phrase: 'fax', tag: 'phone' }, // fax number
  { phrase: 'ext', tag: 'phone' }, // extension
  { phrase: 'extension', tag: 'phone' }, // extension
  { phrase: 'area code', tag: 'phone' }, // wins over "code"
  { phrase: 'country code', tag: 'phone' }, // wins over "code"
  { phrase: 'teléfono', tag: 'phone' }, // ES: phone
  { phrase: 'celular', tag: 'phone' }, // ES: mobile
  { phrase: 'móvil', tag: 'phone' }, // ES: mobile
  { phrase: 'llamar', tag: 'phone' }, // ES: to call
  { phrase: 'llame', tag: 'phone' }, // ES: call
  { phrase: 'llamé', tag: 'phone' }, // ES: I called
  { phrase: 'código de área', tag: 'phone' }, // ES: area code
  { phrase: 'código de país', tag: 'phone' }, // ES: country code
  // Case, order, tracking and other reference numbers.
  { phrase: 'order', tag: 'reference' }, // order number
  { phrase: 'order number', tag: 'reference' }, // order number
  { phrase: 'case', tag: 'reference' }, // case number
  { phrase: 'case number', tag: 'reference' }, // case number
  { phrase: 'ticket', tag: 'reference' }, // ticket number
  { phrase: 'reference', tag: 'reference' }, // reference number
  { phrase: 'ref', tag: 'reference' }, // reference number
  { phrase: 'confirmation', tag: 'reference' }, // confirmation number
  { phrase: 'confirmation code', tag: 'reference' }, // booking reference, not a secret
  { phrase: 'tracking', tag: 'reference' }, // tracking number
  { phrase: 'tracking code', tag: 'reference' }, // tracking number
  { phrase: 'claim', tag: 'reference' }, // claim number
  { phrase: 'dispute', tag: 'reference' }, // dispute number
  { phrase: 'invoice', tag: 'reference' }, // invoice number
  { phrase: 'receipt', tag: 'reference' }, // receipt number
  { phrase: 'transaction', tag: 'reference' }, // transaction id
  { phrase: 'booking', tag: 'reference' }, // booking number
  { phrase: 'booking code', tag: 'reference' }, // booking reference
  { phrase: 'reservation', tag: 'reference' }, // reservation number
  { phrase: 'flight', tag: 'reference' }, // flight number
  { phrase: 'member', tag: 'reference' }, // membership number
  { phrase: 'imei', tag: 'reference' }, // phone IMEI: 15 digits that pass Luhn
  { phrase: 'serial', tag: 'reference' }, // serial number
  { phrase: 'account', tag: 'reference' }, // account reference (a full card is still masked)
  { phrase: 'acct', tag: 'reference' }, // same
  { phrase: 'promo code', tag: 'reference' }, // wins over "code"
  { phrase: 'promotional code', tag: 'reference' }, // wins over "code"
  { phrase: 'discount code', tag: 'reference' }, // wins over "code"
  { phrase: 'coupon', tag: 'reference' }, // coupon code
  { phrase: 'coupon code', tag: 'reference' }, // wins over "code"
  { phrase: 'voucher code', tag: 'reference' }, // wins over "code"
  { phrase: 'referral code', tag: 'reference' }, // wins over "code"
  { phrase: 'invite code', tag: 'reference' }, // wins over "code"
  { phrase: 'error code', tag: 'reference' }, // wins over "code"
  { phrase: 'error', tag: 'reference' }, // "error 5041"
  { phrase: 'status code', tag: 'reference' }, // wins over "code"
  { phrase: 'reason code', tag: 'reference' }, // dispute reason code
  { phrase: 'merchant code', tag: 'reference' }, // wins over "code"
  { phrase: 'merchant category code', tag: 'reference' }, // MCC
  { phrase: 'mcc', tag: 'reference' }, // merchant category code
  { phrase: 'swift code', tag: 'reference' }, // bank identifier
  { phrase: 'sort code', tag: 'reference' }, // UK bank identifier
  { phrase: 'bar code', tag: 'reference' }, // wins over "code"
  { phrase: 'barcode', tag: 'reference' }, // barcode number
  { phrase: 'qr code', tag: 'reference' }, // wins over "code"
  { phrase: 'product code', tag: 'reference' }, // wins over "code"
  { phrase: 'item code', tag: 'reference' }, // wins over "code"
  {
    phrase: 'authorization code',
    tag: 'reference',
    // a transaction approval code printed on receipts
  },
  { phrase: 'approval code', tag: 'reference' }, // same
  { phrase: 'dress code', tag: 'reference' }, // wins over "code"
  { phrase: 'pedido', tag: 'reference' }, // ES: order
  { phrase: 'orden', tag: 'reference' }, // ES: order
  { phrase: 'caso', tag: 'reference' }, // ES: case
  { phrase: 'número de caso', tag: 'reference' }, // ES: case number
  { phrase: 'referencia', tag: 'reference' }, // ES: reference
  { phrase: 'confirmación', tag: 'reference' }, // ES: confirmation
  { phrase: 'rastreo', tag: 'reference' }, // ES: tracking
  { phrase: 'seguimiento', tag: 'reference' }, // ES: tracking
  { phrase: 'reclamo', tag: 'reference' }, // ES: claim
  { phrase: 'disputa', tag: 'reference' }, // ES: dispute
  { phrase: 'factura', tag: 'reference' }, // ES: invoice
  { phrase: 'recibo', tag: 'reference' }, // ES: receipt
  { phrase: 'transacción', tag: 'reference' }, // ES: transaction
  { phrase: 'reserva', tag: 'reference' }, // ES: booking
  { phrase: 'vuelo', tag: 'reference' }, // ES: flight
  { phrase: 'folio', tag: 'reference' }, // ES (MX): reference number
  { phrase: 'cuenta', tag: 'reference' }, // ES: account
  { phrase: 'código de promoción', tag: 'reference' }, // ES: promo code
  { phrase: 'código promocional', tag: 'reference' }, // ES: promo code
  { phrase: 'código de descuento', tag: 'reference' }, // ES: discount code
  { phrase: 'código de cupón', tag: 'reference' }, // ES: coupon code
  { phrase: 'código de error', tag: 'reference' }, // ES: error code
  { phrase: 'código de referencia', tag: 'reference' }, // ES: reference code
  { phrase: 'código de confirmación', tag: 'reference' }, // ES: confirmation code
  { phrase: 'código de barras', tag: 'reference' }, // ES: barcode
  { phrase: 'código de seguimiento', tag: 'reference' }, // ES: tracking code
  { phrase: 'código de reserva', tag: 'reference' }, // ES: booking code
  { phrase: 'código de autorización', tag: 'reference' }, // ES: authorization code
  // Bank routing numbers are 9 digits, like an SSN.
  { phrase: 'routing', tag: 'routing' }, // ABA routing number (9 digits)
  { phrase: 'routing number', tag: 'routing' }, // same
  { phrase: 'aba', tag: 'routing' }, // same
  { phrase: 'número de ruta', tag: 'routing' }, // ES: routing number
  // Amounts and loyalty balances.
  { phrase: 'dollars', tag: 'amount' }, // amount
  { phrase: 'usd', tag: 'amount' }, // amount
  { phrase: 'points', tag: 'amount' }, // Membership Rewards balance
  { phrase: 'miles', tag: 'amount' }, // loyalty balance
  { phrase: 'dólares', tag: 'amount' }, // ES: dollars
  { phrase: 'pesos', tag: 'amount' }, // ES: pesos
  { phrase: 'puntos', tag: 'amount' }, // ES: points
  { phrase: 'millas', tag: 'amount' }, // ES: miles
  // Dates.
  { phrase: 'date of birth', tag: 'dob' }, // identity check, not a secret here
  { phrase: 'dob', tag: 'dob' }, // same
  { phrase: 'birthday', tag: 'dob' }, // same
  { phrase: 'fecha de nacimiento', tag: 'dob' }, // ES: date of birth
];

/**
 * Words that describe a length, not a value: "the 3-digit code", "3 or 4 digits",
 * "a 6 digit pin". A 1–2-digit number followed by one of these (within 3 tokens) is skipped.
 */
export const LENGTH_WORDS: ReadonlySet<string> = new Set([
  'digit',
  'digits',
  'digitos',
  'digito',
  'number',
  'numbers',
  'numeros',
  'numero',
  'characters',
  'character',
  'chars',
  'caracteres',
  'letters',
  'letras',
  'cifras',
  'cifra',
  'figures',
  'times',
  'veces',
  'tries',
  'intentos',
  'attempts',
  'minutes',
  'minutos',
  'mins',
  'min',
  'seconds',
  'hours',
  'days',
  'dias',
]);

/**
 * Words that may sit around the digits of a fragment message without making it a sentence
 * ("then 822463", "10005 thanks"). Used by the split-number rule and for bare replies.
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'and',
  'then',
  'next',
  'rest',
  'the',
  'is',
  'it',
  's',
  'ok',
  'okay',
  'k',
  'sure',
  'yes',
  'yeah',
  'yep',
  'here',
  'plus',
  'more',
  'continued',
  'cont',
  'part',
  'also',
  'thanks',
  'thank',
  'you',
  'thx',
  'ty',
  'please',
  'pls',
  'sorry',
  'oops',
  'again',
  'remaining',
  'its',
  'that',
  'y',
  'luego',
  'resto',
  'el',
  'la',
  'es',
  'si',
  'aqui',
  'mas',
  'parte',
  'tambien',
  'gracias',
  'por',
  'favor',
  'perdon',
  'otra',
  'vez',
  'sigue',
  'listo',
]);

/** Words that may join two digit groups of one fragment ("3782 and 822463", "y luego 10005"). */
export const CONNECTOR_WORDS: ReadonlySet<string> = new Set([
  'and',
  'then',
  'next',
  'plus',
  'y',
  'luego',
  'despues',
  'mas',
]);
