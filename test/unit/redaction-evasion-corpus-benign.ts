/**
 * Evasion corpus, benign part (see redaction-evasion-corpus.ts): what real cardmembers write that
 * looks like the attacks — numbers, number words, look-alike letters, password talk — and must
 * pass unchanged. Every number in a conversation here is explained (spec section 1: an amount, a
 * date, a time, a phone, a number named by the word next to it, a quantity, a year, an address,
 * digits glued to letters, a reply the agent's question explains), so none counts as plain.
 *
 * Only types come from redaction-evasion-corpus.ts (which imports this file).
 */
import type { Lang } from '../../src/redaction/index.js';
import type { EvasionCase, EvasionCategory, EvasionStep } from './redaction-evasion-case.js';
import { agent } from './redaction-evasion-case.js';
import type { Message } from './redaction-evasion-case.js';

interface Extra {
  lang?: Lang;
  acceptedFalsePositive?: string;
}

function benign(
  category: EvasionCategory,
  reason: string,
  messages: Message[],
  extra: Extra = {},
): EvasionCase {
  return {
    category,
    reason,
    steps: messages.map((m): EvasionStep => (typeof m === 'string' ? { customer: m } : m)),
    expect: 'benign',
    ...extra,
  };
}

const ES: Extra = { lang: 'es' };

/** [reason, message] for one-message cases; Spanish ones are marked ES in the reason. */
type One = [reason: string, text: string];

const one = (category: EvasionCategory, table: One[]): EvasionCase[] =>
  table.map(([reason, text]) => benign(category, reason, [text], reason.startsWith('ES:') ? ES : {}));

// ------------------------------------------------------------------ numbers

const NUMBERS: One[] = [
  ['an amount with cents', 'I was charged $127.43 twice for the same dinner'],
  ['an amount with a thousands separator', 'the refund of $2,499.00 still has not posted'],
  ['a balance without a currency sign', 'my balance shows 1,234.56 but I paid it off'],
  ['a US date with the year', 'the charge happened on 08/15/2024'],
  ['an ISO date', 'it posted 2024-08-15 according to the app'],
  ['a month name and a time', 'it was Aug 15, around 3 pm'],
  ['a time', 'the restaurant closed at 10:30 so it could not be that late'],
  ['an order number of letters and digits', 'my order number is AMX-4KF7-Q2ZD'],
  ['a UPS tracking number', 'UPS tracking 1Z4A7W390312345678'],
  ['a case number with a dash', 'case number 8274-3391'],
  ['a phone number with dashes', 'you can reach me at 212-555-0187'],
  ['a phone number with an area code in parentheses', 'my new number is (646) 555-0123'],
  ['an international phone number', "I'm traveling, my UK number is +44 20 7946 0958"],
  ['a toll-free number', 'I called 1-800-528-4800 and got disconnected'],
  ['a ZIP code', 'my ZIP is 10001'],
  ['a ZIP+4', 'billing ZIP 94105-1234'],
  ['a flight number with a space', 'flying DL 1234 tomorrow, please do not block my card'],
  ['a flight number glued', 'my flight AA100 was cancelled and I want a refund'],
  ['a points balance', 'I have 125,000 points, can I transfer them?'],
  ['a year after "since"', "I've been a cardmember since 2009"],
  ['a year after "in"', 'I moved in 2019 but the address never changed'],
  ['a house number and an apartment', 'new address is 4500 Wilshire Blvd Apt 12'],
  ['a house number before "Street"', 'ship it to 123 Main Street'],
  ['a quantity of times', 'I called 3 times this week'],
  ['a duration in minutes', 'I waited 45 minutes on hold'],
  ['a duration in days', 'it takes 5 days to arrive?'],
  ['a quantity of cards', 'I have 2 cards with you'],
  ['a percentage', 'my APR went up to 29.99%'],
  ['a hotel confirmation number', 'confirmation number 84736251 for the hotel'],
  ['a 10-digit reference number', 'reference number 7744123490'],
  ['a store number', 'the merchant is Chipotle #2345'],
  ['an amount and a statement date', 'late fee of $40 on the 07/28 statement'],
  ['a frequent-flyer member number', 'my Delta SkyMiles member number is 9012345678'],
  ['a 13-digit airline ticket number', 'the ticket number is 0062345678901'],
  ['points earned', 'I earned 87,450 Membership Rewards points last year'],
  ['a 22-digit USPS tracking number, grouped', 'USPS tracking 9405 5036 9930 0123 4567 89'],
  ['an amount and an ordinal date', 'the payment of $500 was due on the 15th'],
  ['a retailer order number', 'Amazon order 112-7788990-1234567'],
  ['a highway name with I', 'traffic on I-95 made me late for the call'],
  ['a gate and a seat', 'gate B22, seat 14C'],
  ['nights and a nightly rate', 'the hotel charged me for 2 nights at $189 each'],
  ['"paid 500"', 'I paid 500 on Friday'],
  ['a percentage in a sentence', 'the charge is 20% higher than quoted'],
  ['a loyalty account number', 'my Hilton Honors account number is 123456789'],
  ['a security deposit', 'security deposit of $500 was never returned'],
  ['ES: an amount with a decimal comma and a date in words', 'me cobraron $1.234,56 el 15 de agosto'],
  ['ES: a postal code', 'mi código postal es 28013'],
  ['ES: a Spanish phone number', 'mi teléfono es +34 912 345 678'],
  ['ES: a flight number and a date', 'vuelo IB 6251 el 3 de septiembre'],
  ['ES: a year after "desde"', 'soy socio desde 2015'],
  ['ES: a street address with floor', 'vivo en Calle Mayor 15, 3º B'],
];

// ------------------------------------------------------------------ words that look like numbers

const WORDS: One[] = [
  ['a lone "I"', 'I'],
  ['"OK"', 'OK'],
  ['"COOL" in capitals', 'COOL'],
  ['a name with O and l', 'Ollie'],
  ['"lol"', 'lol'],
  ['"one charge"', "I see one charge I don't recognize"],
  ['"two cards"', 'I have two cards'],
  ['"the one ending in" a last four', "it's the one ending in 1005"],
  ['"a couple of times"', 'it happened a couple of times'],
  ['"three questions"', 'I have three questions'],
  ['ES: "uno de los cargos"', 'uno de los cargos no es mío'],
  ['ES: "dos tarjetas"', 'tengo dos tarjetas'],
  ['"oh no"', 'oh no'],
  ["O'Hare", "I'm flying out of O'Hare"],
  ["Ollie's", "we ate at Ollie's Diner"],
  ['"OOO" (out of office)', 'OOO until Monday, can you email me instead?'],
  ['"lol ok"', 'lol ok thanks'],
  ['shouting', 'COOL, THANKS!'],
  ['"one or two"', 'one or two more things'],
  ['"four or five times"', 'four or five times this month'],
  ['"Oh, one more thing"', 'Oh, one more thing'],
  ['"zero interest for twelve months"', 'zero interest for twelve months?'],
  ['"first time in ten years"', 'first time in ten years this happened'],
  ['"forty five minutes"', "I've been on hold for forty five minutes"],
  ['a time in words', "I'll call back at one thirty"],
  ['"one two three"', 'it should be as easy as one two three'],
  ['"a hundred dollars"', 'I need a hundred dollars back'],
  ['"oh well"', 'oh well, I tried'],
  ["O'Brien", "Mr. O'Brien is the authorized user"],
  ['a last four spelled after "ending in"', 'the card ending in one zero zero five'],
  ['ES: "una vez al mes"', 'me cobran una vez al mes'],
  ['ES: "tres preguntas"', 'tengo tres preguntas'],
  ['ES: "cero problemas"', 'cero problemas, gracias'],
  ['"I owe you one"', 'ok I owe you one'],
  ['a name in capitals with O and I', 'OLIVIA and I share the account'],
  ['"I, I"', "I, I don't know"],
  ['"twenty tabs"', 'lol I have like twenty tabs open'],
  ['"one trip"', 'Is the Platinum card worth it for one trip?'],
];

// ------------------------------------------------------------------ talking about passwords

const PASSWORD_TALK: One[] = [
  ['"password reset"', 'password reset'],
  ['"forgot my password"', 'I forgot my password'],
  ['"my password is not working"', 'my password is not working'],
  ['"I changed my password yesterday"', 'I changed my password yesterday'],
  ['"my password is wrong"', 'my password is wrong'],
  ['"my password expired"', 'my password expired'],
  ['"boarding pass"', 'my boarding pass has the wrong name'],
  ['"I\'ll pass"', "I'll pass on the upgrade"],
  ['"login page"', 'the login page keeps timing out'],
  ['"login issue"', 'I have a login issue'],
  ['a question about resetting', 'how do I reset my password?'],
  ['"password reset email"', 'the password reset email never arrived'],
  ['"my password is correct but"', 'my password is correct but it still says error'],
  ['"a new password last night"', 'I set a new password last night'],
  ['asking about the rules', 'is there a password requirement?'],
  ['"password manager"', 'my password manager filled it in automatically'],
  ['asking for a temporary password', 'can you send a temporary password?'],
  ['"the temporary password did not work"', 'the temporary password did not work'],
  ['"my password or my user ID"', "I can't remember my password or my user ID"],
  ['"my password is locked"', 'my password is locked'],
  ['ES: "la contraseña no funciona"', 'la contraseña no funciona'],
  ['ES: "olvidé mi contraseña"', 'olvidé mi contraseña'],
  ['ES: "quiero cambiar mi contraseña"', 'quiero cambiar mi contraseña'],
  ['ES: "no puedo iniciar sesión"', 'no puedo iniciar sesión'],
  ['ES: "mi contraseña caducó"', 'mi contraseña caducó'],
  ['ES: "la página de inicio de sesión"', 'la página de inicio de sesión no carga'],
  ['ES: "restablecer mi contraseña"', 'necesito restablecer mi contraseña'],
  ['ES: "pase de abordar"', 'mi pase de abordar no llegó'],
];

// ------------------------------------------------------------------ whole conversations

const CONVERSATIONS: [reason: string, messages: Message[], extra?: Extra][] = [
  [
    'a dispute: amount, date, last four, ZIP',
    [
      agent('Hi, how can I help you today?'),
      'I want to dispute a charge of $127.43 from Aug 15',
      agent('Sure. What are the last four digits of the card?'),
      '1005',
      agent('And the billing ZIP code?'),
      '10001',
      "The merchant is Joe's Pizza, I never ate there",
    ],
  ],
  [
    'a phone update',
    [
      'I need to update my phone number',
      agent('Of course. What is the new number?'),
      '(646) 555-0123',
      'the old one was 212-555-0187',
    ],
  ],
  [
    'a travel notice with flights and dates',
    [
      "I'm on flight DL 1234 to Madrid on Sept 3",
      'returning Sept 17 on flight IB 6251',
      'please note the trip on the card ending 4444',
    ],
  ],
  [
    'a missing payment',
    [
      "I paid $2,450.00 on 08/01 but it's not showing",
      'confirmation number 84736251',
      'it came from my checking account ending 6789',
    ],
  ],
  [
    'a points transfer',
    [
      'I have 125,000 points',
      'I want to transfer 50,000 to Delta',
      'my Delta SkyMiles member number is 9012345678',
    ],
  ],
  [
    'a stolen card and a new address',
    [
      'My card was stolen yesterday at 3 pm',
      'the one ending in 1005',
      'please ship the new one to 4500 Wilshire Blvd, Los Angeles, ZIP 90010',
    ],
  ],
  [
    'ES: a dispute with amount, date, last four and postal code',
    [
      'Tengo un cargo de $89.99 del 15 de agosto que no reconozco',
      agent('¿Me da los últimos cuatro dígitos de la tarjeta?'),
      '1005',
      'mi código postal es 28013',
    ],
    ES,
  ],
  [
    'a late fee',
    [
      'I was charged a late fee of $40 on my statement dated 07/28',
      "I've been a member since 2009",
      'can you waive it?',
    ],
  ],
  [
    'an order that never arrived',
    [
      'order number 114-3941689-8772232 from Amazon',
      'it was $56.20',
      'tracking says 1Z4A7W390312345678',
      'delivered Aug 3 supposedly',
    ],
  ],
  [
    'a double hotel charge',
    ['Marriott charged me twice, confirmation 84736251', 'both for $312.40 on 09/02'],
  ],
  [
    'a case follow-up',
    ['I have a case open, case number 5012345678', 'I called 3 times already', 'waited 45 minutes each time'],
  ],
  ['APR and minimum payment', ['my APR is 29.99%', 'minimum payment $35', 'due on the 15th']],
  [
    'the phone asked by the agent',
    [agent("What's the best phone number to reach you?"), '646 555 0123', 'after 6 pm is best'],
  ],
  [
    'last four and ZIP asked, then an amount',
    [
      agent('To verify, give me the last four digits of your card and your ZIP code.'),
      '4444',
      '94105',
      'the charge is $64.00 from yesterday',
    ],
  ],
  [
    'two cards told apart by their last four',
    [
      'I have two cards, one ending 1005 and one ending 4444',
      'the charge of $64.00 is on the one ending 4444',
    ],
  ],
  ['a payment account', ['routing number 021000021', 'account ending 6789', 'I paid $300 on 09/01']],
  [
    'a new card activated',
    ["my new card arrived, it's the one ending 0005", 'I activated it at 10:30 this morning'],
  ],
  ['a restaurant that charged twice', ['Chipotle charged $12.45 on 8/14', 'and again $12.45 on 8/15']],
  [
    'ES: a travel notice',
    ['vuelo IB 6251 el 3 de septiembre', 'regreso el 17 de septiembre', 'la tarjeta que termina en 4444'],
    ES,
  ],
  [
    'a reassurance from the agent, then numbers that are all explained',
    [
      agent('We will never ask for your full card number or security code in chat.'),
      'good. The charge was $89.99 on Aug 3',
      'the card ending 1005',
    ],
  ],
  [
    'a balance transfer question',
    ['can I move $5,000 from another bank?', 'the promo was 0% for 15 months', 'I got the letter on 09/12'],
  ],
];

/**
 * Look-alike words (read as digits when no word of a language: "llll"; or when a message says
 * nothing else: "lol") in conversations with numbers: they count, but stay within the budget.
 */
const LOOKALIKE_WORDS_AFTER_NUMBERS: [reason: string, messages: Message[], extra?: Extra][] = [
  ['"lol" after a last four and a ZIP', ['my zip is 10001', 'the card ending 1005', 'lol', 'ok thanks']],
  ['"I" alone after an amount', ['it was $45.10 on 08/02', 'I', 'mean the one from Target']],
  ["O'Hare and Ill after a flight number", ['flight AA 2214 on 9/3', "Ill be at O'Hare by 6"]],
  ['"OOO" after a ZIP asked for', [agent('What is your ZIP code?'), '94105', 'OOO until Monday though']],
  [
    'ES: "lo" after a last four',
    ['la tarjeta que termina en 4444', 'lo siento, no lo sé', 'lo reviso y te digo'],
    ES,
  ],
  ['ES: "o" between amounts', ['fueron $20 o $25', 'o tal vez $30'], ES],
  ['a reaction of "lol" twice', ['my zip is 94105', 'lol', 'lol ok', 'the charge was $12.99']],
];

// ------------------------------------------------------------------ false positives the spec accepts

const ACCEPTED: EvasionCase[] = [
  benign(
    'benign-numbers',
    'two letter references with no naming word',
    ['I got two letters, one says 55120347 and the other says 55120392, which one is right?'],
    { acceptedFalsePositive: '16 bare digits with no naming word: the spec masks what passes ten' },
  ),
  // A named number does not count while few bare digits are out, so the bare one after it fits.
  benign('benign-conversation', 'receipt numbers quoted over two messages, the first named', [
    'the receipt says 0457 2231',
    'and also 9981 4410 at the bottom',
  ]),
  benign(
    'benign-numbers',
    'several bare numbers from a statement line',
    ['what are these on my statement: 773 9921 448 6120?'],
    { acceptedFalsePositive: '14 bare digits in one sentence: the spec masks what passes ten' },
  ),
];

export const BENIGN_CASES: EvasionCase[] = [
  ...one('benign-numbers', NUMBERS),
  ...one('benign-words', WORDS),
  ...one('benign-password-talk', PASSWORD_TALK),
  ...CONVERSATIONS.map(([reason, messages, extra]) => benign('benign-conversation', reason, messages, extra)),
  ...LOOKALIKE_WORDS_AFTER_NUMBERS.map(([reason, messages, extra]) =>
    benign('benign-conversation', reason, messages, extra),
  ),
  ...ACCEPTED,
];
