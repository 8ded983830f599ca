/**
 * Evasion corpus, part 2 (see redaction-evasion-corpus.ts): secrets spelled out in English and
 * Spanish, passwords in everyday phrasings (spec section 4), and conversations where the agent's
 * question matters (spec section 5), including an agent coaching the customer past the redaction.
 *
 * The secrets and the table helpers come from redaction-evasion-case.ts (the corpus imports this file).
 */
import type { Lang, SensitiveKind } from '../../src/redaction/index.js';
import type { EvasionCase, EvasionCategory } from './redaction-evasion-case.js';
import { AMEX, AMEX2, DINERS, DISC, JCB, MC, MC2, VISA, VISA2 } from './redaction-evasion-case.js';
import { SSN, SSN2, SSN3, agent, rows, stepsOf } from './redaction-evasion-case.js';
import type { Message, Row } from './redaction-evasion-case.js';

/** Benign turns of an agent-question conversation: every customer message must pass. */
function benign(reason: string, messages: Message[], lang?: Lang): EvasionCase {
  return {
    category: 'agent-question',
    reason,
    steps: stepsOf(messages),
    expect: 'benign',
    ...(lang ? { lang } : {}),
  };
}

// ------------------------------------------------------------------ English number words

const WORDS_EN_CARDS: Row[] = [
  [
    'an Amex digit by digit',
    AMEX,
    ['three seven eight two eight two two four six three one zero zero zero five'],
  ],
  [
    'a Visa in groups with commas',
    VISA,
    ['four one one one, one one one one, one one one one, one one one one'],
  ],
  [
    'a Mastercard without pauses',
    MC,
    ['five five five five five five five five five five five five four four four four'],
  ],
  [
    'after "my card number is"',
    VISA2,
    [
      'my card number is four zero one two, eight eight eight eight, eight eight eight eight, one eight eight one',
    ],
  ],
  [
    '"double one"',
    VISA,
    ['four one double one, double one double one, double one double one, double one one one'],
  ],
  ['"oh" for zero', AMEX, ['three seven eight two eight two two four six three one oh oh oh five']],
  [
    'tens, "ten" and "double oh"',
    AMEX,
    ['thirty seven eighty two, eighty two twenty four sixty three, ten double oh five'],
  ],
  ['Discover with "oh"', DISC, ['six oh one one, one one one one, one one one one, one one one seven']],
  ['teens and tens', JCB, ['thirty five thirty, eleven thirteen, thirty three thirty, double oh double oh']],
  ['tens with "oh"', DINERS, ['thirty fifty six, ninety three oh nine, oh two fifty nine, oh four']],
  ['tens and "double oh"', MC2, ['fifty one oh five, ten fifty one, oh five ten, fifty one double oh']],
  ['capitalised words', VISA, ['Four One One One One One One One One One One One One One One One']],
  [
    'words joined by dashes',
    AMEX,
    ['three-seven-eight-two, eight-two-two-four-six-three, one-zero-zero-zero-five'],
  ],
  [
    'a second Amex in groups',
    AMEX2,
    ['three seven one four, four nine six three, five three nine eight, four three one'],
  ],
  [
    '"triple oh"',
    AMEX,
    ['my amex is three seven eight two, eight two two four six three, one triple oh five'],
  ],
  [
    '"triple five" and "four four"',
    MC,
    ['five triple five, five five five five, five five five five, four four four four'],
  ],
  [
    '"oh" inside a run of words',
    VISA2,
    ['four oh one two eight eight eight eight eight eight eight eight one eight eight one'],
  ],
];

const WORDS_EN_PARTS: Row[] = [
  [
    'dictated sentence by sentence',
    AMEX,
    ['Three seven eight two. Eight two two four six three. One zero zero zero five.'],
  ],
  [
    'groups joined by "and"',
    VISA,
    ['four one one one and one one one one and one one one one and one one one one'],
  ],
  [
    'spelled parts over three messages',
    AMEX,
    ['three seven eight two', 'eight two two four six three', 'one zero zero zero five'],
  ],
  [
    'spelled groups with a filler',
    VISA,
    ['four one one one', 'hold on', 'one one one one', 'one one one one', 'one one one one'],
  ],
  [
    'spelled halves with a question',
    MC,
    ['five five five five five five five five', 'is that enough?', 'five five five five four four four four'],
  ],
];

const WORDS_EN_SECRETS: [string, string, string, SensitiveKind][] = [
  ['cvv spelled', '839', 'cvv is eight three nine', 'cvv'],
  ['security code spelled', '7294', 'the security code is seven two nine four', 'cvv'],
  ['CID spelled', '7294', 'CID seven two nine four', 'cvv'],
  ['code on the back with "oh"', '402', 'the code on the back is four oh two', 'cvv'],
  ['security code after a colon', '268', 'security code: two six eight', 'cvv'],
  ['cvv with "double"', '558', 'my cvv is double five eight', 'cvv'],
  ['texted code spelled', '583920', 'the code you texted is five eight three nine two zero', 'otp'],
  ['verification code in two groups', '482917', 'verification code: four eight two, nine one seven', 'otp'],
  ['OTP with "oh"', '730264', 'OTP seven three oh two six four', 'otp'],
  ['passcode with "double" and "oh"', '773902', 'the passcode is double seven three nine oh two', 'otp'],
  ['"they texted me" spelled', '954826', 'they texted me nine five four, eight two six', 'otp'],
  ['SSN in three spelled groups', SSN, 'my social is five three six, two two, eight one nine four', 'ssn'],
  ['SSN spelled after "SSN:"', SSN2, 'SSN: two one two six seven four five three two', 'ssn'],
  [
    'SSN with tens',
    SSN3,
    'social security number four seven one, thirty nine, twenty eight fifty six',
    'ssn',
  ],
  ['SSN with tens, no commas', SSN, 'my ssn is five three six twenty two eighty one ninety four', 'ssn'],
];

// ------------------------------------------------------------------ Spanish number words

const WORDS_ES_CARDS: Row[] = [
  [
    'an Amex digit by digit',
    AMEX,
    ['mi tarjeta es tres siete ocho dos ocho dos dos cuatro seis tres uno cero cero cero cinco'],
  ],
  ['a Visa in groups', VISA, ['cuatro uno uno uno, uno uno uno uno, uno uno uno uno, uno uno uno uno']],
  [
    'a Mastercard in groups',
    MC,
    [
      'cinco cinco cinco cinco, cinco cinco cinco cinco, cinco cinco cinco cinco, cuatro cuatro cuatro cuatro',
    ],
  ],
  [
    '"doble uno"',
    VISA,
    ['cuatro uno doble uno, doble uno doble uno, doble uno doble uno, doble uno uno uno'],
  ],
  [
    'tens with "y", "veinticuatro" and "diez"',
    AMEX,
    ['treinta y siete, ochenta y dos, ochenta y dos, veinticuatro, sesenta y tres, diez, cero cero cinco'],
  ],
  [
    'tens and "diez"',
    MC2,
    ['cincuenta y uno, cero cinco, diez, cincuenta y uno, cero cinco, diez, cincuenta y uno, cero cero'],
  ],
  ['"once" and "diecisiete"', DISC, ['sesenta, once, once, once, once, once, once, diecisiete']],
  [
    'after "la tarjeta es"',
    VISA2,
    ['la tarjeta es cuatro cero uno dos, ocho ocho ocho ocho, ocho ocho ocho ocho, uno ocho ocho uno'],
  ],
  [
    'a Discover without pauses',
    DISC,
    ['seis cero uno uno uno uno uno uno uno uno uno uno uno uno uno siete'],
  ],
  [
    'teens and tens',
    JCB,
    ['treinta y cinco treinta, once trece, treinta y tres treinta, cero cero cero cero'],
  ],
  [
    'tens with "cero"',
    DINERS,
    ['treinta cincuenta y seis, noventa y tres cero nueve, cero dos cincuenta y nueve, cero cuatro'],
  ],
  [
    '"triple cinco"',
    MC,
    ['cinco triple cinco, cinco cinco cinco cinco, cinco cinco cinco cinco, cuatro triple cuatro'],
  ],
  [
    'upper case without accents',
    AMEX2,
    ['TRES SIETE UNO CUATRO CUATRO NUEVE SEIS TRES CINCO TRES NUEVE OCHO CUATRO TRES UNO'],
  ],
];

const WORDS_ES_PARTS: Row[] = [
  [
    'groups joined by "y"',
    VISA,
    ['cuatro uno uno uno y uno uno uno uno y uno uno uno uno y uno uno uno uno'],
  ],
  [
    'spelled parts over messages with a filler',
    AMEX,
    ['tres siete ocho dos', 'espere un momento', 'ocho dos dos cuatro seis tres', 'uno cero cero cero cinco'],
  ],
  [
    'spelled halves with a question',
    VISA2,
    ['cuatro cero uno dos ocho ocho ocho ocho', '¿me escucha?', 'ocho ocho ocho ocho uno ocho ocho uno'],
  ],
];

const WORDS_ES_SECRETS: [string, string, string, SensitiveKind][] = [
  ['security code spelled', '839', 'el código de seguridad es ocho tres nueve', 'cvv'],
  ['digits on the back spelled', '402', 'los dígitos al reverso son cuatro cero dos', 'cvv'],
  ['CID spelled', '7294', 'el CID es siete dos nueve cuatro', 'cvv'],
  ['security code after a colon', '268', 'código de seguridad: dos seis ocho', 'cvv'],
  [
    'texted code spelled',
    '583920',
    'el código que me llegó por mensaje es cinco ocho tres nueve dos cero',
    'otp',
  ],
  [
    'verification code in two groups',
    '482917',
    'código de verificación: cuatro ocho dos, nueve uno siete',
    'otp',
  ],
  ['dynamic key spelled', '730264', 'mi clave dinámica es siete tres cero dos seis cuatro', 'otp'],
  ['"me mandaron el código"', '954826', 'me mandaron el código nueve cinco cuatro ocho dos seis', 'otp'],
  [
    'SSN in spelled groups',
    SSN,
    'mi número de seguro social es cinco tres seis, dos dos, ocho uno nueve cuatro',
    'ssn',
  ],
  ['SSN spelled after a colon', SSN2, 'seguro social: dos uno dos seis siete cuatro cinco tres dos', 'ssn'],
  [
    'SSN with "veintidós" and tens',
    SSN,
    'mi seguro social es cinco tres seis, veintidós, ochenta y uno, noventa y cuatro',
    'ssn',
  ],
  [
    'SSN with "veintiocho" and tens',
    SSN3,
    'mi número de seguro social es cuatro siete uno, treinta y nueve, veintiocho cincuenta y seis',
    'ssn',
  ],
];

// ------------------------------------------------------------------ passwords (spec section 4)

const PASSWORDS_EN: [reason: string, secret: string, text: string][] = [
  ['"pass" without a colon', 'Bluebird#2024', 'pass Bluebird#2024'],
  ['"login X please"', 'Sunset!Drive9', 'login Sunset!Drive9 please'],
  ['"pwd"', 'Kx7pq2Lm', 'pwd Kx7pq2Lm'],
  ['"pw"', 'Zebra!42', 'pw Zebra!42'],
  ['"passwd"', 'Maple-Leaf-77', 'passwd Maple-Leaf-77'],
  ['"p/w"', 'GoNavy2019', 'p/w GoNavy2019'],
  ['"pword"', 'Chelsea#10', 'pword Chelsea#10'],
  ['"temporary password is"', 'Tmp-48XkQ', 'temporary password is Tmp-48XkQ'],
  ['"temp password" without a link', 'Qz8!vR2w', 'temp password Qz8!vR2w'],
  [
    '"the temporary password you gave me was"',
    'Welcome2Amex!',
    'the temporary password you gave me was Welcome2Amex!',
  ],
  ['"new password:"', 'Sunflower88$', 'new password: Sunflower88$'],
  ['a comma after "my password"', 'Rosebud#1962', 'my password, Rosebud#1962'],
  [
    'a clause between the word and the value',
    'Gr33nTea!',
    'my password, which I changed last week, is Gr33nTea!',
  ],
  ['"the password I use is"', 'Pa55word!', 'the password I use is Pa55word!'],
  ['a passphrase after "is"', 'correct horse battery staple', 'my password is correct horse battery staple'],
  ['a four-word passphrase', 'purple monkey dishwasher lamp', 'my password is purple monkey dishwasher lamp'],
  [
    'a passphrase after "my new password is"',
    'coffee sunrise mountain river',
    'my new password is coffee sunrise mountain river',
  ],
  ['"PW:" upper case', 'BigApple2023', 'PW: BigApple2023'],
  ['username then "pwd"', 'Falcon$19', 'username jdoe, pwd Falcon$19'],
  ['"the pw is"', 'NoPeeking7', 'the pw is NoPeeking7'],
  ['"temp pw:"', 'Hx3#mT9p', 'temp pw: Hx3#mT9p'],
  ['a clause with "if it helps"', 'Orchid&Rain5', 'my password, if it helps, is Orchid&Rain5'],
  ['the value, then a complaint', 'Tr0ub4dor&3x', 'my password is Tr0ub4dor&3x but it says invalid'],
  ['"login:"', 'SkyHigh!2024', 'here is my login: SkyHigh!2024'],
  ['"pass = X"', 'M0nkey!Bars', 'pass = M0nkey!Bars'],
  ['"my email password is"', 'BeachDay2024', 'my email password is BeachDay2024'],
];

const PASSWORDS_ES: [reason: string, secret: string, text: string][] = [
  ['ES: "mi contraseña es"', 'Perro#2023', 'mi contraseña es Perro#2023'],
  ['ES: "contraseña temporal:"', 'Tmp-93KdQ', 'contraseña temporal: Tmp-93KdQ'],
  ['ES: "mi clave es"', 'Luna2024$', 'mi clave es Luna2024$'],
  ['ES: "clave:"', 'Sol#8899', 'clave: Sol#8899'],
  ['ES: "la contraseña que uso es"', 'Madrid*77', 'la contraseña que uso es Madrid*77'],
  ['ES: "mi nueva contraseña es"', 'Playa2025!', 'mi nueva contraseña es Playa2025!'],
  ['ES: a comma after "mi contraseña"', 'Girasol#45', 'mi contraseña, Girasol#45'],
  [
    'ES: "la contraseña temporal que me dieron es"',
    'Xk9-pq2R',
    'la contraseña temporal que me dieron es Xk9-pq2R',
  ],
  ['ES: a passphrase after "es"', 'gato azul montaña', 'mi contraseña es gato azul montaña'],
];

const passwordCase = (reason: string, secret: string, text: string, lang?: Lang): EvasionCase => ({
  category: 'password',
  reason,
  steps: [{ customer: text }],
  expect: 'attack',
  secret,
  allowed: 0,
  kinds: ['password'],
  ...(lang ? { lang } : {}),
});

// ------------------------------------------------------------------ the agent's question (spec section 5)

const AGENT_CVV: Row[] = [
  [
    'a bare reply to "the 3-digit number on the back"',
    '839',
    [agent('What is the 3-digit number on the back of your card?'), '839'],
  ],
  [
    '"the code on the back", reply with words around',
    '402',
    [agent('Please read me the code on the back of your card.'), "it's 402"],
  ],
  [
    'a spelled reply to "security code"',
    '839',
    [agent('Can you confirm the security code?'), 'eight three nine'],
  ],
  [
    'the CID on the front',
    '7294',
    [agent('For verification, what is the security code on the front of your Amex?'), '7294'],
  ],
  ['a reply one message later', '839', [agent('What is the code on the back?'), 'hang on', '839']],
  [
    '"call the number on the back" and a real security-code question in one message',
    '268',
    [
      agent(
        'You can also call the number on the back of your card. Before that, what is the 3-digit security code?',
      ),
      '268',
    ],
  ],
  [
    'a spaced reply after a coaching agent',
    '839',
    [agent('Please type the 3-digit number on the back with spaces between the digits.'), '8 3 9'],
  ],
  [
    '"write the security code in words"',
    '7294',
    [agent('Write the security code in words please.'), 'seven two nine four'],
  ],
  [
    'a real question after "call the number on the back"',
    '7294',
    [
      agent('Please call the number on the back of your card.'),
      agent('Actually I can do it here. What is the 4-digit code on the front?'),
      '7294',
    ],
  ],
];

const AGENT_COACHING_WHOLE: Row[] = [
  [
    'coached to spell the card out',
    VISA,
    [
      agent('The chat hides card numbers, so please type it out in words.'),
      'four one one one one one one one one one one one one one one one',
    ],
  ],
  [
    'coached to use O for zero',
    AMEX,
    [agent('Use the letter O instead of zero so it goes through.'), '37828224631OOO5'],
  ],
  [
    'coached to use circled numbers',
    VISA2,
    [agent('Try typing it with those circled numbers from your emoji keyboard.'), '④⓪①② ⑧⑧⑧⑧ ⑧⑧⑧⑧ ①⑧⑧①'],
  ],
];

const AGENT_COACHING_PARTS: Row[] = [
  [
    'coached to send two halves',
    AMEX,
    [agent('Send the first half now and the second half in another message.'), '3782 822463', '10005'],
  ],
  [
    'coached to send each group alone',
    MC,
    [agent('Type each group in its own message please.'), '5555', '5555', '5555', '4444'],
  ],
  [
    'coached to put words between the groups',
    DISC,
    [
      agent('Add a word between the groups so the system does not block it.'),
      '6011 apple 1111 banana 1111 cherry 1117',
    ],
  ],
  [
    'more than the last four after the last-four question',
    AMEX,
    [agent('What are the last four digits of your card?'), '3782 822463', 'sorry, 10005'],
  ],
];

/** Rows whose secret is not a card: each names the kind it must be found as. */
type KindRow = [reason: string, secret: string, messages: Message[], kind: SensitiveKind];

const kindRows = (category: EvasionCategory, table: KindRow[], lang?: Lang): EvasionCase[] =>
  table.flatMap(([reason, secret, messages, kind]) =>
    rows(category, [[reason, secret, messages]], 0, [kind], lang),
  );

const AGENT_OTHER_SECRETS: KindRow[] = [
  [
    'a spelled reply to the texted-code question',
    '583920',
    [agent('I just sent a code to your phone, what is it?'), 'five eight three nine two zero'],
    'otp',
  ],
  [
    'a spelled reply to the SSN question',
    SSN,
    [agent('To continue, I need your Social Security number.'), 'five three six two two eight one nine four'],
    'ssn',
  ],
];

const AGENT_CVV_ES: Row[] = [
  [
    'ES: a bare reply to the security-code question',
    '839',
    [agent('¿Me indica el código de seguridad de su tarjeta?'), '839'],
  ],
];

const AGENT_COACHING_ES: Row[] = [
  [
    'ES: coached to spell the card out',
    AMEX,
    [
      agent('El sistema bloquea los números, escríbalo con palabras por favor.'),
      'tres siete ocho dos ocho dos dos cuatro seis tres uno cero cero cero cinco',
    ],
  ],
];

/** Benign turns: the agent's question explains the reply, or is no question for a secret. */
const AGENT_BENIGN: [reason: string, messages: Message[], lang?: Lang][] = [
  [
    'a 4-digit reply after "call the number on the back of your card"',
    [agent('For fraud happening now, please call the number on the back of your card.'), '1005'],
  ],
  [
    'a sentence with 4 digits after "call the number on the back of your card"',
    [
      agent("I'm sorry to hear that. Call the number on the back of your card and choose the fraud option."),
      'ok, 4444 is the card I mean',
    ],
  ],
  [
    '"the number on the back of your card" as a phone number, then a 4-digit reply',
    [agent('The number on the back of your card is the fastest way to reach the fraud team.'), '0005'],
  ],
  [
    'the last four after the last-four question',
    [agent('What are the last four digits of your card?'), '0005'],
  ],
  ['the ZIP after the ZIP question', [agent('What is your billing ZIP code?'), '10001']],
  [
    'last four and ZIP in two replies, nothing else sent',
    [agent('Please give me the last four of the card and your ZIP code.'), '4444', '94105'],
  ],
  [
    'ES: the last four after the question',
    [agent('¿Cuáles son los últimos cuatro dígitos de su tarjeta?'), '1005'],
    'es',
  ],
  ['ES: the postal code after the question', [agent('¿Cuál es su código postal?'), '28013'], 'es'],
  [
    'the phone number on the back of the card, asked for',
    [agent('What number on the back of your card did you call?'), '1-800-528-4800'],
  ],
  [
    'a phone number after the phone question',
    [agent('What is a good phone number to reach you?'), '646 555 0123'],
  ],
  ['a case number after the case-number question', [agent('Do you have the case number?'), '5012345678']],
  [
    'ES: a 4-digit reply after "llame al número al reverso de su tarjeta"',
    [agent('Puede llamar al número que aparece al reverso de su tarjeta.'), '4444'],
    'es',
  ],
];

export const WORD_CASES: EvasionCase[] = [
  ...rows('words-en', WORDS_EN_CARDS, 4, ['card']),
  ...rows('words-en', WORDS_EN_PARTS, 10, ['card']),
  ...kindRows(
    'words-en',
    WORDS_EN_SECRETS.map(([reason, secret, text, kind]) => [reason, secret, [text], kind]),
  ),
  ...rows('words-es', WORDS_ES_CARDS, 4, ['card'], 'es'),
  ...rows('words-es', WORDS_ES_PARTS, 10, ['card'], 'es'),
  ...kindRows(
    'words-es',
    WORDS_ES_SECRETS.map(([reason, secret, text, kind]) => [reason, secret, [text], kind]),
    'es',
  ),
  ...PASSWORDS_EN.map(([reason, secret, text]) => passwordCase(reason, secret, text)),
  ...PASSWORDS_ES.map(([reason, secret, text]) => passwordCase(reason, secret, text, 'es')),
  ...rows('agent-question', AGENT_CVV, 0, ['cvv']),
  ...rows('agent-question', AGENT_CVV_ES, 0, ['cvv'], 'es'),
  ...kindRows('agent-question', AGENT_OTHER_SECRETS),
  ...rows('agent-question', AGENT_COACHING_WHOLE, 4, ['card']),
  ...rows('agent-question', AGENT_COACHING_ES, 4, ['card'], 'es'),
  ...rows('agent-question', AGENT_COACHING_PARTS, 10, ['card']),
  ...AGENT_BENIGN.map(([reason, messages, lang]) => benign(reason, messages, lang)),
];
