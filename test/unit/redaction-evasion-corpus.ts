/**
 * The evasion corpus (issue 21, /work/spec21.md): what a determined customer or a coaching agent
 * types to get a card, security code, SSN, one-time code or password past the redaction, and the
 * look-alikes a real cardmember writes that must pass untouched. Each case says why it is here.
 * Used by redaction-evasion-corpus.test.ts, which reads what left as a person would
 * (digit-reader.ts), never through the engine.
 *
 * Attacks with digits are here; spelled-out secrets, passwords and agent questions are in
 * redaction-evasion-corpus-words.ts, the benign cases in redaction-evasion-corpus-benign.ts.
 */
import { BENIGN_CASES } from './redaction-evasion-corpus-benign.js';
import { WORD_CASES } from './redaction-evasion-corpus-words.js';
import type { Lang, SensitiveKind } from '../../src/redaction/index.js';
import type { EvasionCase, EvasionCategory } from './redaction-evasion-case.js';
import { AMEX, AMEX2, DINERS, DINERS36, DISC, JCB, MC, MC2, VISA, VISA2 } from './redaction-evasion-case.js';
import { SSN, SSN2, SSN3, SSN4, rows } from './redaction-evasion-case.js';
import type { Message, Row } from './redaction-evasion-case.js';
import { grouped } from './redaction-corpus.js';

export { ATTACK_CATEGORIES, BENIGN_CATEGORIES } from './redaction-evasion-case.js';
export type { EvasionCase, EvasionCategory, EvasionStep } from './redaction-evasion-case.js';

// ------------------------------------------------------------------ helpers

/** How a digit 0–9 is written in each form people type as digits. */
const FORMS = {
  circled: (d: number) => String.fromCodePoint(d === 0 ? 0x24ea : 0x2460 + d - 1), // ⓪ ① … ⑨
  doubleCircled: (d: number) => String.fromCodePoint(d === 0 ? 0x24ea : 0x24f5 + d - 1), // ⓵ … ⓽ (⓪ for zero)
  negativeCircled: (d: number) => String.fromCodePoint(d === 0 ? 0x24ff : 0x2776 + d - 1), // ⓿ ❶ … ❾
  dingbat: (d: number) => String.fromCodePoint(d === 0 ? 0x24ea : 0x2780 + d - 1), // ➀ … ➈ (⓪ for zero)
  dingbatNegative: (d: number) => String.fromCodePoint(d === 0 ? 0x24ff : 0x278a + d - 1), // ➊ … ➒ (⓿)
  parenthesised: (d: number) => String.fromCodePoint(d === 0 ? 0x24ea : 0x2474 + d - 1), // ⑴ … ⑼ (⓪)
  fullStop: (d: number) => String.fromCodePoint(d === 0 ? 0x1f100 : 0x2488 + d - 1), // 🄀 ⒈ … ⒐
  digitComma: (d: number) => String.fromCodePoint(0x1f101 + d), // 🄁 … 🄊
  superscript: (d: number) => '⁰¹²³⁴⁵⁶⁷⁸⁹'.charAt(d),
  subscript: (d: number) => String.fromCodePoint(0x2080 + d),
  fullwidth: (d: number) => String.fromCodePoint(0xff10 + d),
  mathBold: (d: number) => String.fromCodePoint(0x1d7ce + d),
  mathDoubleStruck: (d: number) => String.fromCodePoint(0x1d7d8 + d),
  mathSans: (d: number) => String.fromCodePoint(0x1d7e2 + d),
  mathSansBold: (d: number) => String.fromCodePoint(0x1d7ec + d),
  mathMonospace: (d: number) => String.fromCodePoint(0x1d7f6 + d),
  arabicIndic: (d: number) => String.fromCodePoint(0x0660 + d),
  devanagari: (d: number) => String.fromCodePoint(0x0966 + d),
  thai: (d: number) => String.fromCodePoint(0x0e50 + d),
  keycap: (d: number) => `${d}\ufe0f\u20e3`, // 3️⃣: an ASCII digit, a variation selector, an enclosing keycap
};
export type Form = keyof typeof FORMS;

/** Writes the ASCII digits of `text` in `form`. */
export function inForm(text: string, form: Form): string {
  return text.replace(/[0-9]/g, (d) => FORMS[form](Number(d)));
}

/** Writes the ASCII digits of `text` cycling through `forms`, one digit each. */
export function mixForms(text: string, forms: Form[]): string {
  let i = 0;
  return text.replace(/[0-9]/g, (d) => FORMS[forms[i++ % forms.length] ?? 'fullwidth'](Number(d)));
}

const attack = (
  category: EvasionCategory,
  reason: string,
  messages: Message[],
  secret: string,
  allowed: number,
  kinds: SensitiveKind[],
  lang?: Lang,
): EvasionCase => rows(category, [[reason, secret, messages]], allowed, kinds, lang)[0]!;

/** Ordinary messages with no digits and no number words, for long gaps between parts. */
const FILLERS = [
  'hi',
  'are you there?',
  'I have a question about my statement',
  'the app keeps logging me out',
  'sorry',
  'my internet is slow',
  'hello?',
  'can you see my messages',
  'ok',
  'thanks for waiting',
  'let me check',
  'still here',
  'the page refreshed',
  'is this the right chat?',
  'I was on the phone earlier',
  'they said to use chat',
  'my husband has the card',
  'he is coming back',
  'ok he is here',
  'let me read it',
  'almost done',
  'sorry about the wait',
];

// ------------------------------------------------------------------ split over messages

const SPLIT_INTERLEAVED: Row[] = [
  [
    'a question and an apology between the parts',
    AMEX,
    ['3782', 'what is my balance?', '822463', 'sorry, typing on my phone', '10005'],
  ],
  ['an "ok" between two parts', AMEX, ['3782 822463', 'ok', '10005']],
  [
    'looking for the wallet between the halves',
    VISA,
    ['4111 1111', 'hold on, getting my wallet', '1111 1111'],
  ],
  [
    'a distraction, then a connector word',
    MC,
    ['5555', 'my kid is yelling, give me a sec', '5555 5555', 'and', '4444'],
  ],
  [
    'a whole question between the halves',
    DISC,
    ['6011 1111', 'Can you tell me why my payment was declined at the grocery store?', '1111 1117'],
  ],
  [
    'filler messages and an odd split',
    AMEX,
    ['my card is 3782', 'wait', 'let me find my glasses', '8224 6310', '005'],
  ],
  [
    'an amount in a message between the parts',
    AMEX,
    ['3782 822463', 'The charge was $127.43 at the gas station', '10005'],
  ],
  ['a date between the halves', VISA2, ['4012 8888', 'it happened on 08/15', '8888 1881']],
  [
    'explained numbers first, then the parts',
    VISA2,
    ['it happened on 08/15 around 10:30', '4012 8888', '8888 1881'],
  ],
  ['a time between the halves', JCB, ['3530 1113', 'I called at 10:30 and nobody answered', '3330 0000']],
  [
    'a question about the card between the halves',
    MC2,
    ['5105 1051', 'is my card locked right now?', '0510 5100'],
  ],
  [
    'a long complaint between the parts',
    DINERS,
    ['30569309', 'I have been a cardmember forever and this is the worst experience I have had', '025904'],
  ],
  [
    'two digits at a time with fillers',
    AMEX,
    ['37', 'ok', '82', '82', 'hmm', '24', '63', 'and', '10', '00', '5'],
  ],
  ['labelled parts', AMEX2, ['first part: 3714', 'second: 496353', 'last: 98431']],
  [
    'four groups with questions between',
    VISA,
    ['4111', 'is that enough or do you need more?', '1111', 'here is more', '1111', '1111'],
  ],
  [
    'many fillers between the parts',
    AMEX,
    ['3782', 'hmm', 'hang on', 'the app is slow today', 'ok here', '822463', 'and then', '10005'],
  ],
  [
    'twenty-two messages between the parts (all inside 30 minutes)',
    AMEX,
    ['3782 822463', ...FILLERS, '10005'],
  ],
  ['a trailing dash, then the rest after a slip', MC, ['5555-5555-', 'oops hit enter', '5555-4444']],
  ['nothing but dots between the parts', AMEX, ['3782 822463', '...', '10005']],
  [
    'a correction between the parts',
    VISA2,
    ['4012', 'sorry wrong card', 'no wait it is the right card', '8888 8888 8888', '1881'],
  ],
  ['a 12-digit second part', DISC, ['Discover card 6011', 'please help', '111111111117']],
  ['parts in quotes', AMEX2, ['"3714 4963"', 'copy paste is not working', '"5398431"']],
  ['a 12-digit first part', JCB, ['3530 1113 3330', 'thank you', '0000']],
  [
    'a dispute sentence between the parts',
    MC2,
    ['5105', 'I want to dispute a charge', '1051 0510', 'from a restaurant', '5100'],
  ],
  ['checking the agent got it', AMEX, ['3782 8224', 'did you get that?', '6310 005']],
  [
    'a naming-looking first part',
    VISA,
    ['my visa number is 4111 1111', 'what time do you close today?', '1111 1111'],
  ],
  ['ten digits, then the last four', DINERS, ['3056 930902', 'why was it declined', '5904']],
  [
    'an amount and a date around the parts',
    AMEX2,
    ['I was charged $45.00 twice', '3714 4963', 'on 08/15', '5398 431'],
  ],
  ['halves without separators', VISA2, ['40128888', 'thank you so much', '88881881']],
  ['a line break inside the first part', AMEX, ['3782\n822463', 'sorry', '10005']],
  ['emoji around the parts', VISA, ['4111 1111 👍', '😅 sorry', '1111 1111']],
  [
    'a disconnection between the halves',
    AMEX,
    ['37828224', 'got disconnected', 'are you still there?', '6310005'],
  ],
  ['a ZIP code between the parts', AMEX, ['3782 822463', 'my ZIP is 10001 by the way', '10005']],
  ['a phone number between the halves', VISA, ['4111 1111', 'you can call me at 212-555-0187', '1111 1111']],
  [
    'every part named as the account number (Amex calls the card number the account number)',
    AMEX,
    ['my account number is 3782 822463', 'the rest of the account number is 10005'],
  ],
];

const SPLIT_INTERLEAVED_ES: Row[] = [
  ['ES: a filler between the parts', AMEX, ['3782 822463', 'un momento por favor', '10005']],
  [
    'ES: "starts with" and "ends with" around a question',
    VISA,
    ['mi tarjeta empieza con 4111 1111', '¿me pueden ayudar con un cargo?', 'y termina con 1111 1111'],
  ],
];

// ------------------------------------------------------------------ split inside one message

const SPLIT_IN_MESSAGE: Row[] = [
  ['first and last', AMEX, ['first 378282 last 246310005']],
  ['"the first digits" and "the rest"', AMEX, ['the first digits are 378282 and the rest 246310005']],
  ['halves named', VISA, ['the first half is 4111 1111 and the second half is 1111 1111']],
  ['starts with / ends with', MC, ['starts with 5555 5555 and ends with 5555 4444']],
  ['the rest after a correction', VISA2, ['card 4012 8888, oops the rest is 8888 1881']],
  ['beginning and end', AMEX, ['3782 822463 is the beginning, 10005 is the end']],
  ['a word in parentheses between', AMEX2, ['Amex 3714 496353 (middle) 98431']],
  ['an interjection between the halves', DISC, ['my card number: 6011 1111 — no wait — 1111 1117']],
  ['"then" between the halves', JCB, ['It is 3530 1113 then 3330 0000']],
  ['twelve digits, then the last four', VISA, ['card 4111 1111 1111 and 1111 at the end']],
  ['two lines with labels', AMEX, ['first line 3782 822463\nsecond line 10005']],
  ['an amount between the parts', AMEX, ['3782 822463, I was charged $45.00, 10005']],
  ['begins / finishes', AMEX2, ['card begins 371449 and finishes 635398431']],
  ['front and back labels', VISA, ['4111-1111 (front) 1111-1111 (back)']],
  ['"the last part"', VISA2, ['Visa 4012 8888 8888 and the last part 1881']],
  ['"and then"', DINERS, ['the numbers are 3056 930902 and then 5904']],
  ['"I think, then"', MC2, ['card is 5105 1051 I think, then 0510 5100']],
  ['"and also"', DISC, ['Discover 6011 1111 and also 1111 1117']],
  ['"plus"', JCB, ['JCB 35301113 plus 33300000']],
  ['"sorry" between the halves', MC, ['mc 5555 5555 sorry 5555 4444']],
  [
    'the first ten, then the last four named',
    DINERS36,
    ['the first digits are 3622720627 and the last four are 1667'],
  ],
  ['a word in parentheses, three parts', AMEX2, ['371449 635 (sorry) 398431']],
  ['a semicolon and a label', DISC, ['6011 1111 is the first half; second half 1111 1117']],
];

const SPLIT_IN_MESSAGE_ES: Row[] = [
  ['ES: the first and the last', AMEX, ['los primeros 378282 y los últimos 246310005']],
  ['ES: first, then', VISA, ['primero 4111 1111, después 1111 1111']],
  ['ES: starts with, goes on with', MC2, ['empieza con 5105 1051 y sigue con 0510 5100']],
];

// ------------------------------------------------------------------ look-alike letters

const LOOKALIKE_CARDS: Row[] = [
  ['O for 0 at the end', AMEX, ['37828224631OOO5']],
  ['l for 1 and O for 0', AMEX, ['3782822463lOOO5']],
  ['l for every 1, dashed', VISA, ['4lll-llll-llll-llll']],
  ['lower-case o for 0, grouped', AMEX, ['3782 822463 1ooo5']],
  ['Mastercard with l and O in every group', MC2, ['5lO5 lO5l O5lO 5lOO']],
  ['Discover with O and l, dashed', DISC, ['6O11-llll-llll-lll7']],
  ['Visa with O and l, grouped', VISA2, ['4O12 8888 8888 l88l']],
  ['JCB with O and l, dashed', JCB, ['353O-lll3-333O-OOOO']],
  ['Diners with O for every 0', DINERS, ['3O5693O9O259O4']],
  ['one l in an Amex', AMEX2, ['37l449635398431']],
  ['capital I for 1, dashed', VISA, ['4III-IIII-IIII-IIII']],
  ['a pipe for 1', VISA, ['my card is 4|11-1111-1111-1111']],
  ['1 and l alternating in every group', VISA, ['card: 4l1l l1l1 1l1l l1l1']],
  ['one O in a run', DISC, ['It is 6O11111111111117']],
  ['O in the last groups, dashed 4-4-4-3', AMEX, ['3782-8224-631O-OO5']],
  ['l and O across the last groups', AMEX, ['3782 8224 63lO OO5']],
  ['Diners grouped with O', DINERS, ['Diners 3O56 93O9 O259 O4']],
  ['capital I and O in the last group', AMEX, ['Amex 3782 822463 IOOO5']],
];

/**
 * Parts written only in look-alike letters, with no digit in the message: a person reads a
 * word like `llllll` (not a word of any language) as digits wherever it stands, and a message
 * that is nothing but look-alikes (`I`, `O`, `lol`, a filler around them) too.
 */
const AMEX_ONES = '378282246311110';
const LOOKALIKE_ONLY_PARTS: Row[] = [
  ['the last part in l alone', VISA, ['4111 111111', 'llllll']],
  ['a middle part in l alone', VISA, ['411111', 'llllll', '1111']],
  ['the last part around words', VISA, ['4111 111111', 'the rest is llllll thanks']],
  ['l joined by dashes', VISA, ['4111 111111', 'l-l-l-l-l-l']],
  ['l joined by dots', VISA, ['4111 111111', 'l.l.l.l.l.l']],
  ['pieces of two and three letters', VISA, ['4111 111111', 'll lll', 'l']],
  ['a Cyrillic palochka first', VISA, ['4111 111111', 'ӏlllll']],
  ['an equals sign before a lone l', VISA, ['4111 111111', '=l lllll']],
  ['pipes alone', VISA, ['4111 111111', '||||||']],
  ['in quotes', VISA, ['4111 111111', '"llllll"']],
  ['capital I alone, one a message', VISA, ['4111 111111', 'I', 'I', 'I', 'I', 'I', 'I']],
  ['ones and a zero in O, one a message', AMEX_ONES, ['3782 822463', 'I', 'I', 'I', 'I', 'O']],
  ['O and I after "ok"', AMEX_ONES, ['3782 822463', 'ok I', 'ok I I', 'ok I O']],
  ['l and O spaced, one word', AMEX_ONES, ['3782 822463', 'llllO']],
  ['O spaced alone', '378282246301111', ['3782 822463', 'O l l l l']],
  ['lol as a whole message', '378282246311011', ['3782 822463', 'l', 'lol', 'l']],
];

const LOOKALIKE_SECRETS: [string, string, Message[], SensitiveKind][] = [
  ['cvv with O for 0', '803', ['cvv is 8O3'], 'cvv'],
  ['security code with O', '402', ['security code: 4O2'], 'cvv'],
  ['CID with O', '7094', ['the CID is 7O94'], 'cvv'],
  ['one-time code with O and l', '402917', ['the code is 4O29l7'], 'otp'],
  ['verification code with O', '730264', ['verification code 73O264'], 'otp'],
  ['SSN after a cue with l', SSN, ['my SSN is 536-22-8l94'], 'ssn'],
  ['SSN with l in the area', SSN2, ['ssn 2l2-67-4532'], 'ssn'],
  ['formatted SSN with l, no cue', SSN, ['536-22-8l94'], 'ssn'],
];

// ------------------------------------------------------------------ Unicode digit forms

const A = grouped(AMEX, [4, 6, 5]);
const A2 = grouped(AMEX2, [4, 6, 5]);
const V = grouped(VISA, [4, 4, 4, 4]);
const V2 = grouped(VISA2, [4, 4, 4, 4]);
const M = grouped(MC, [4, 4, 4, 4]);
const M2 = grouped(MC2, [4, 4, 4, 4]);
const D = grouped(DISC, [4, 4, 4, 4]);
const J = grouped(JCB, [4, 4, 4, 4]);
const DN = grouped(DINERS, [4, 6, 4]);

const UNICODE_CARDS: Row[] = [
  ['circled digits', VISA, [inForm(V, 'circled')]],
  ['double circled digits', VISA2, [inForm(V2, 'doubleCircled')]],
  ['negative circled digits', MC, [inForm(M, 'negativeCircled')]],
  ['dingbat circled sans-serif digits', AMEX2, [inForm(A2, 'dingbat')]],
  ['dingbat negative circled digits', DISC, [inForm(D, 'dingbatNegative')]],
  ['parenthesised digits', JCB, [inForm(J, 'parenthesised')]],
  ['digit full stop, no spaces', VISA, [inForm(VISA, 'fullStop')]],
  ['digit full stop with 🄀 for zero, grouped', AMEX, [inForm(A, 'fullStop')]],
  ['digit comma forms', MC2, [inForm(M2, 'digitComma')]],
  ['superscript digits', AMEX, [inForm(A, 'superscript')]],
  ['subscript digits', VISA2, [inForm(V2, 'subscript')]],
  ['full-width digits', MC, [inForm(M, 'fullwidth')]],
  ['mathematical bold digits', DISC, [inForm(D, 'mathBold')]],
  ['mathematical double-struck digits', AMEX, [inForm(A, 'mathDoubleStruck')]],
  ['mathematical sans-serif digits', VISA, [inForm(VISA, 'mathSans')]],
  ['mathematical monospace digits', JCB, [inForm(J, 'mathMonospace')]],
  ['mathematical sans-serif bold digits', DINERS, [inForm(DN, 'mathSansBold')]],
  ['keycap emoji', AMEX, [inForm(A, 'keycap')]],
  [
    'each group in another form',
    AMEX,
    [`${inForm('3782', 'circled')} ${inForm('822463', 'fullwidth')} ${inForm('10005', 'superscript')}`],
  ],
  [
    'every digit in another form',
    VISA,
    [mixForms(V, ['negativeCircled', 'circled', 'fullStop', 'mathBold'])],
  ],
  [
    'Arabic-Indic, Devanagari and ASCII groups',
    AMEX,
    [`${inForm('3782', 'arabicIndic')} ${inForm('822463', 'devanagari')} 10005`],
  ],
  ['Thai and circled digits', MC2, [`${inForm('5105 1051', 'thai')} ${inForm('0510 5100', 'circled')}`]],
  ['circled digits in a sentence', MC2, [`my card is ${inForm(M2, 'circled')} thanks`]],
  [
    'superscript and subscript halves',
    DISC,
    [`${inForm('6011 1111', 'superscript')} ${inForm('1111 1117', 'subscript')}`],
  ],
];

const UNICODE_CARDS_ES: Row[] = [
  [
    'ES: circled digits with dashes',
    VISA,
    [`mi tarjeta es ${inForm(grouped(VISA, [4, 4, 4, 4], '-'), 'circled')}`],
  ],
];

const UNICODE_SECRETS: [string, string, Message[], SensitiveKind][] = [
  ['cvv in circled digits', '839', [`CVV ${inForm('839', 'circled')}`], 'cvv'],
  ['security code in superscript', '402', [`security code ${inForm('402', 'superscript')}`], 'cvv'],
  ['CID in dingbats', '7294', [`CID ${inForm('7294', 'dingbat')}`], 'cvv'],
  [
    'one-time code in negative circled digits',
    '583920',
    [`code ${inForm('583920', 'negativeCircled')}`],
    'otp',
  ],
  [
    'verification code parenthesised',
    '482917',
    [`verification code ${inForm('482917', 'parenthesised')}`],
    'otp',
  ],
  ['formatted SSN in circled digits', SSN, [inForm('536-22-8194', 'circled')], 'ssn'],
  ['SSN in mathematical bold after a cue', SSN2, [`SSN ${inForm('212-67-4532', 'mathBold')}`], 'ssn'],
];

const UNICODE_SPLIT: Row[] = [
  ['circled parts over messages', AMEX, [inForm('3782 822463', 'circled'), 'ok', inForm('10005', 'circled')]],
  [
    'superscript then subscript halves',
    VISA,
    [inForm('4111 1111', 'superscript'), 'just a sec', inForm('1111 1111', 'subscript')],
  ],
];

// ------------------------------------------------------------------ digits, words and look-alikes in one number

const MIXED_CARDS: Row[] = [
  ['digits with one group in words', VISA, ['4111 1111 one one one one 1111']],
  ['digits, words and O for 0', AMEX, ['3782 eight two two four six three 1OOO5']],
  ['circled, digits and words', AMEX, ['③⑦⑧② 822463 one zero zero zero five']],
  ['ASCII, full-width, words', MC, ['5555 ５５５５ five five five five 4444']],
  ['O and l with a group in words', DISC, ['6O11 one one one one 1111 lll7']],
  ['digits, words and circled', VISA2, ['4012 8888 eight eight eight eight ①⑧⑧①']],
  ['digits with teens in words', JCB, ['3530 eleven thirteen 3330 0000']],
  ['words, digit pairs and tens', AMEX, ['three seven 82 82 24 sixty three 10005']],
  ['eleven digits and "oh oh oh 5"', AMEX, ['the number is 37828224631 oh oh oh 5']],
  ['tens, digits, words and look-alikes', AMEX, ['thirty seven 8282 two four 63lOOO5']],
  ['O, words and circled', MC2, ['5105 1O51 zero five one zero ⑤①⓪⓪']],
  ['O, words with "oh", circled', DINERS, ['3O56 nine three oh nine ⓪②⑤⑨ O4']],
];

const MIXED_CARDS_ES: Row[] = [
  ['ES: words and digits alternating', VISA, ['cuatro uno uno uno 1111 uno uno uno uno 1111']],
  ['ES: digits, words and O for 0', AMEX, ['3782 ocho dos dos cuatro seis tres 1OOO5']],
];

const MIXED_SECRETS: [string, string, Message[], SensitiveKind][] = [
  ['cvv: digit, word, digit', '839', ['cvv 8 three 9'], 'cvv'],
  ['security code: digits and words', '7294', ['security code is 7 two 9 four'], 'cvv'],
  ['one-time code: digits and a word', '583920', ['code 58 three 920'], 'otp'],
  ['one-time code: circled, digits and words', '482917', ['the code is ④⑧2 nine 17'], 'otp'],
  ['SSN with the group in words', SSN, ['SSN 536 twenty two 8194'], 'ssn'],
  ['SSN with l and the group in words', SSN2, ['my social is 2l2 sixty seven 4532'], 'ssn'],
];

const MIXED_SPLIT: Row[] = [
  ['a half in digits and words, then digits', VISA, ['4111 one one one one', 'ok', '1111 1111']],
  ['circled and words, then digits with O', AMEX, ['③⑦⑧② eight two two', 'hang on', '463 1OOO5']],
];

// ------------------------------------------------------------------ SSN over messages

const SSN_SPLIT: Row[] = [
  ['area-group, then the serial with a dash', SSN, ['536-22', '-8194']],
  ['three messages', SSN, ['536', '22', '8194']],
  // Five bare digits then four alone are a ZIP code and a last four, the replies of every identity
  // check: with a word that names the SSN they are caught (docs/redaction.md, Known limits).
  ['five digits, then four, the SSN named', SSN, ['ssn 53622', '8194']],
  ['area and group spaced, then the serial', SSN, ['536 22', '8194']],
  ['after a cue, then the serial', SSN, ['my social is 536-22', '-8194']],
  ['another SSN, dashes', SSN2, ['212-67', '-4532']],
  ['another SSN, three messages', SSN2, ['212', '67', '4532']],
  ['a filler before the serial', SSN, ['536-22', 'hold on', '-8194']],
  ['a filler and "then"', SSN3, ['my ssn starts 471-39', 'the app froze', 'and then 2856']],
  ['an apology before the serial', SSN2, ['212 67', 'sorry', '4532']],
  ['a question before the serial', SSN4, ['318-54', 'is that enough?', '-7720']],
  ['"social" with the area only', SSN, ['social 536', '22', '8194']],
  ['circled digits over messages', SSN, [inForm('536-22', 'circled'), inForm('-8194', 'circled')]],
  ['l for 1 in the serial', SSN, ['536-22', '-8l94']],
  [
    'spelled in three messages, the group a two-digit word on its own',
    SSN,
    ['my social is five three six', 'twenty two', 'eighty one ninety four'],
  ],
];

const SSN_SPLIT_ES: Row[] = [
  ['ES: after a cue, then the serial', SSN, ['mi seguro social es 536-22', '-8194']],
  ['ES: three messages with "y"', SSN, ['536', '22', 'y 8194']],
];

// ------------------------------------------------------------------ the cases

export const ATTACK_CASES: EvasionCase[] = [
  ...rows('split-interleaved', SPLIT_INTERLEAVED, 10, ['card']),
  ...rows('split-interleaved', SPLIT_INTERLEAVED_ES, 10, ['card'], 'es'),
  ...rows('split-in-message', SPLIT_IN_MESSAGE, 10, ['card']),
  ...rows('split-in-message', SPLIT_IN_MESSAGE_ES, 10, ['card'], 'es'),
  ...rows('lookalike', LOOKALIKE_CARDS, 4, ['card']),
  ...LOOKALIKE_SECRETS.map(([reason, secret, messages, kind]) =>
    attack('lookalike', reason, messages, secret, 0, [kind]),
  ),
  attack('lookalike', 'ES: l for every 1', ['mi tarjeta es 4lll-llll-llll-llll'], VISA, 4, ['card'], 'es'),
  attack(
    'lookalike',
    'O for 0 in the last part, over messages',
    ['3782 8224', 'ok and', '631OOO5'],
    AMEX,
    10,
    ['card'],
  ),
  ...rows('lookalike', LOOKALIKE_ONLY_PARTS, 10, ['card']),
  attack('lookalike', 'l for 1 in both halves', ['4lll-llll', 'hold on', '1lll-lll1'], VISA, 10, ['card']),
  ...rows('unicode-digits', UNICODE_CARDS, 4, ['card']),
  ...rows('unicode-digits', UNICODE_CARDS_ES, 4, ['card'], 'es'),
  ...UNICODE_SECRETS.map(([reason, secret, messages, kind]) =>
    attack('unicode-digits', reason, messages, secret, 0, [kind]),
  ),
  ...rows('unicode-digits', UNICODE_SPLIT, 10, ['card']),
  ...rows('mixed', MIXED_CARDS, 4, ['card']),
  ...rows('mixed', MIXED_CARDS_ES, 4, ['card'], 'es'),
  ...MIXED_SECRETS.map(([reason, secret, messages, kind]) =>
    attack('mixed', reason, messages, secret, 0, [kind]),
  ),
  ...rows('mixed', MIXED_SPLIT, 10, ['card']),
  ...rows('ssn-split', SSN_SPLIT, 5, ['ssn']),
  ...rows('ssn-split', SSN_SPLIT_ES, 5, ['ssn'], 'es'),
  ...WORD_CASES,
];

export const EVASION_CASES: EvasionCase[] = [...ATTACK_CASES, ...BENIGN_CASES];
