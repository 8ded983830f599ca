/**
 * Things that must pass untouched, and the words that say so. "account" is not one: for a card
 * issuer the account number IS the card number ("my account number is 3782 822463").
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
    'itinerary', // trip itinerary number
    'itinerario', // ES: same
    'record locator', // airline booking code
    'localizador', // ES: same
    'booking code', // booking reference
    'reservation', // reservation number
    'flight', // flight number
    'flying', // "flying AA 2669"
    'membership', // a loyalty programme's number ("Card Member" is how Amex names its customers, so
    'membership number', // "member" alone is no cue: "my card member number is 3782…" is the card)
    'loyalty number', // same
    'frequent flyer', // airline programmes
    'skymiles', // same
    'aadvantage', // same
    'mileageplus', // same
    'bonvoy', // hotel programme
    'hilton honors', // same
    'imei', // phone IMEI: 15 digits that pass Luhn
    'serial', // serial number
    'usps', // carrier tracking numbers (20–22 digits)
    'ups', // same
    'fedex', // same
    'dhl', // same
    'timestamp', // log timestamps (13-digit epoch ms)
    'isbn', // book numbers
    'id', // "transaction id", "id 123456"
    'boarding pass', // a boarding pass code, not a password
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
    'how much', // the agent's "How much was the charge?": the reply is an amount
    'income', // "annual income 85000" (credit-limit reviews)
    'annual income', // same
    'salary', // same
    'credit score', // "my credit score is 720"
    'fico', // same
    'cuánto', // ES: how much
    'cuanto', // ES: same, typed without the accent
    'ingresos', // ES: income
    'ingreso', // ES: income (singular)
    'address', // "address: 4022 S Main Ave": the house number
    'new address', // same
    'dirección', // ES: address
    'domicilio', // ES: address
    'salario', // ES: salary
    'sueldo', // ES: salary
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

/**
 * Words after a number that say it counts something (the split-number rule reads such a number
 * as explained, not as a possible part of a card): "3 times", "2 cards", "45 minutes", "3 pm",
 * "5 por ciento", and the same in Spanish.
 */
export const QUANTITY_WORDS: ReadonlySet<string> = new Set(
  (
    'times time cards card charges charge transactions payments purchases statements months' +
    ' month weeks week days day hours hour hrs minutes mins min seconds years year yrs am pm' +
    ' people users items tickets nights bags percent cents bucks k meses mes semanas semana' +
    ' dias dia horas hora minutos anos ano veces vez tarjetas cargos cargo pagos compras' +
    ' personas noches por'
  ).split(' '),
);

/**
 * US state abbreviations: a ZIP code follows one in an address ("New York, NY 10285"). Matched
 * only when written in capitals (explain.ts), so "in", "me", "or", "oh" stay words.
 */
export const US_STATES: ReadonlySet<string> = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA PR RI SC SD TN TX UT VT VA WA WV WI WY'.split(
    ' ',
  ),
);

/** Words after an amount or a balance: "257139 points", "695 dólares", "198 mil" (up to seven digits). */
export const AMOUNT_UNIT_WORDS: ReadonlySet<string> = new Set(
  (
    'points pts miles puntos millas dollars dolares usd bucks pesos euros eur thousand mil' +
    ' grand million millones k'
  ).split(' '),
);

/** Words before a 4-digit year: "since 2015", "in 2019", "desde 2015". */
export const YEAR_CUES: ReadonlySet<string> = new Set(
  'in since from of for year until en desde de del ano hasta'.split(' '),
);

/** Words after a house number: "200 Vesey Street", "12 calle Mayor" is written "calle Mayor 12". */
export const STREET_WORDS: ReadonlySet<string> = new Set(
  (
    'street st avenue ave road rd boulevard blvd drive dr lane ln way court ct place pl' +
    ' parkway pkwy highway hwy terrace circle apt suite unit floor'
  ).split(' '),
);

/**
 * Words before a number that name it as a place in an address or a list: "calle 5", "apt 4",
 * "option 2". Like the quantity, year and street words, they explain numbers of at most four
 * digits (explain.ts): a longer number after them counts as a possible part of a card.
 */
export const NAMING_WORDS: ReadonlySet<string> = new Set(
  (
    'apt apartment suite unit floor room calle avenida piso depto departamento option' +
    ' opcion step paso page pagina line gate seat terminal version iphone windows chapter' +
    ' level tier'
  ).split(' '),
);

/** Month names and their short forms: a number next to one is a day or a year. */
export const MONTHS: ReadonlySet<string> = new Set(
  (
    'january jan february feb march mar april apr may june jun july jul august aug' +
    ' september sep sept october oct november nov december dec enero febrero marzo abril' +
    ' mayo junio julio agosto septiembre setiembre octubre noviembre diciembre ene abr ago' +
    ' dic'
  ).split(' '),
);

/**
 * Words before an amount written without a currency sign: "paid 500", "limit 12000", "saldo
 * 350". They explain numbers of up to six digits (explain.ts).
 */
export const AMOUNT_WORDS: ReadonlySet<string> = new Set(
  (
    'paid pay paying payment charged charge owe spent spend refund refunded credit credited' +
    ' balance limit fee cost costs price total amount bill deposit worth about around almost' +
    ' over under like roughly approximately score need increase raise income como necesito' +
    ' anualidad pague pago pagar cobraron cargo saldo limite cuota monto importe reembolso' +
    ' debo gaste cerca unos'
  ).split(' '),
);
