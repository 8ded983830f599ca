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
export type BenignTag = 'last4' | 'zip' | 'phone' | 'reference' | 'routing' | 'amount' | 'dob' | 'date';

/** Benign cues by what they say the number is, in matching order. */
export const BENIGN_CUES: Readonly<Partial<Record<BenignTag, readonly string[]>>> = {
  // The last four identify the card without exposing it (PCI allows showing them).
  last4: [
    'last four', // "last four digits" identify a card
    'last 4', // same
    'last four digits', // same
    'last 4 digits', // same
    'last digits', // same
    'ending in', // "card ending in 1005"
    'ending with', // same
    'ends in', // same
    'ends with', // same
    'ending', // "Amex ending 1005"
    'últimos cuatro', // ES: last four
    'últimos 4', // ES: last four
    'últimos dígitos', // ES: last digits
    'termina en', // ES: ends in
    'terminada en', // ES: ending in
    'terminación', // ES: ending
  ],
  // Postal codes.
  zip: [
    'zip', // US ZIP or ZIP+4
    'zip code', // wins over the otp cue "code"
    'zipcode', // spelling variant
    'postal code', // wins over "code"
    'postcode', // UK/CA
    'código postal', // ES: postal code, wins over "código"
  ],
  // Phone numbers.
  phone: [
    'phone', // phone number
    'phone number', // phone number
    'telephone', // phone number
    'tel', // phone number
    'cell', // phone number
    'mobile', // phone number
    'call', // "call 1-800-528-4800", "call me at …"
    'fax', // fax number
    'ext', // extension
    'extension', // extension
    'area code', // wins over "code"
    'country code', // wins over "code"
    'teléfono', // ES: phone
    'celular', // ES: mobile
    'móvil', // ES: mobile
    'llamar', // ES: to call
    'llame', // ES: call
    'llamé', // ES: I called
    'código de área', // ES: area code
    'código de país', // ES: country code
  ],
  // Case, order, tracking and other reference numbers.
  reference: [
    'order', // order number
    'order number', // order number
    'case', // case number
    'case number', // case number
    'ticket', // ticket number
    'reference', // reference number
    'ref', // reference number
    'confirmation', // confirmation number
    'confirmation code', // booking reference, not a secret
    'tracking', // tracking number
    'tracking code', // tracking number
    'claim', // claim number
    'dispute', // dispute number
    'invoice', // invoice number
    'receipt', // receipt number
    'transaction', // transaction id
    'booking', // booking number
    'booking code', // booking reference
    'reservation', // reservation number
    'flight', // flight number
    'member', // membership number
    'imei', // phone IMEI: 15 digits that pass Luhn
    'serial', // serial number
    'account', // account reference (a full card is still masked)
    'acct', // same
    'promo code', // wins over "code"
    'promotional code', // wins over "code"
    'discount code', // wins over "code"
    'coupon', // coupon code
    'coupon code', // wins over "code"
    'voucher code', // wins over "code"
    'referral code', // wins over "code"
    'invite code', // wins over "code"
    'error code', // wins over "code"
    'error', // "error 5041"
    'status code', // wins over "code"
    'reason code', // dispute reason code
    'merchant code', // wins over "code"
    'merchant category code', // MCC
    'mcc', // merchant category code
    'swift code', // bank identifier
    'sort code', // UK bank identifier
    'bar code', // wins over "code"
    'barcode', // barcode number
    'qr code', // wins over "code"
    'product code', // wins over "code"
    'item code', // wins over "code"
    'authorization code', // a transaction approval code printed on receipts
    'approval code', // same
    'dress code', // wins over "code"
    'pedido', // ES: order
    'orden', // ES: order
    'caso', // ES: case
    'número de caso', // ES: case number
    'referencia', // ES: reference
    'confirmación', // ES: confirmation
    'rastreo', // ES: tracking
    'seguimiento', // ES: tracking
    'reclamo', // ES: claim
    'disputa', // ES: dispute
    'factura', // ES: invoice
    'recibo', // ES: receipt
    'transacción', // ES: transaction
    'reserva', // ES: booking
    'vuelo', // ES: flight
    'folio', // ES (MX): reference number
    'cuenta', // ES: account
    'código de promoción', // ES: promo code
    'código promocional', // ES: promo code
    'código de descuento', // ES: discount code
    'código de cupón', // ES: coupon code
    'código de error', // ES: error code
    'código de referencia', // ES: reference code
    'código de confirmación', // ES: confirmation code
    'código de barras', // ES: barcode
    'código de seguimiento', // ES: tracking code
    'código de reserva', // ES: booking code
    'código de autorización', // ES: authorization code
  ],
  // Bank routing numbers are 9 digits, like an SSN.
  routing: [
    'routing', // ABA routing number (9 digits)
    'routing number', // same
    'aba', // same
    'número de ruta', // ES: routing number
  ],
  // Amounts and loyalty balances.
  amount: [
    'dollars', // amount
    'usd', // amount
    'points', // Membership Rewards balance
    'miles', // loyalty balance
    'dólares', // ES: dollars
    'pesos', // ES: pesos
    'puntos', // ES: points
    'millas', // ES: miles
  ],
  // Dates.
  dob: [
    'date of birth', // identity check, not a secret here
    'dob', // same
    'birthday', // same
    'fecha de nacimiento', // ES: date of birth
  ],
};

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
