/**
 * The redaction corpus: messages that must lose a secret and messages that must pass untouched,
 * each with the reason it is here. Used by redaction-corpus.test.ts.
 *
 * `secret` is what must not survive (compared on normalized digits for numbers, as text for
 * passwords). For cards, only the last four digits may remain.
 */
import type { SensitiveKind } from '../../src/redaction/index.js';
import { luhnCheckDigit } from './cards.js';

export interface CorpusCase {
  input: string;
  expect: 'removed' | 'unchanged';
  /** Kinds of the findings, exactly (as a set). Required for 'removed'. */
  kinds?: SensitiveKind[];
  /** The secret(s) that must not survive; defaults to none checked beyond the findings. */
  secret?: string | string[];
  reason: string;
}

export type Step =
  | { agent: string }
  | {
      customer: string;
      expect: 'removed' | 'unchanged';
      kinds?: SensitiveKind[];
      secret?: string | string[];
    };

export interface Conversation {
  name: string;
  steps: Step[];
  reason: string;
}

/** Completes `prefix` to a Luhn-valid number of `length` digits (filler digits are 7s). */
export function luhnComplete(prefix: string, length: number): string {
  const body = (prefix + '7'.repeat(length)).slice(0, length - 1);
  return body + luhnCheckDigit(body);
}

/** Writes ASCII digits in another Unicode digit script whose zero is `zero`. */
export function inScript(text: string, zero: number): string {
  return text.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d)));
}

/** Groups digits by the given sizes with a separator. */
export function grouped(digits: string, sizes: number[], sep = ' '): string {
  const out: string[] = [];
  let at = 0;
  for (const n of sizes) {
    out.push(digits.slice(at, at + n));
    at += n;
  }
  if (at < digits.length) out.push(digits.slice(at));
  return out.join(sep);
}

const AMEX = '378282246310005';
const AMEX2 = '371449635398431';
const VISA = '4111111111111111';
const VISA2 = '4012888888881881';
const VISA13 = '4222222222222';
const VISA19 = luhnComplete('4532', 19);
const MC = '5555555555554444';
const MC2 = '5105105105105100';
const MC2SERIES = '2223003122003222';
const DISCOVER = '6011111111111117';
const DISCOVER65 = luhnComplete('6500', 16);
const DISCOVER19 = luhnComplete('6011', 19);
const JCB = '3530111333300000';
const JCB2 = '3566002020360505';
const DINERS14 = '30569309025904';
const DINERS36 = '36227206271667';
const UNIONPAY = '6200000000000005';
const UNIONPAY19 = luhnComplete('6212', 19);
const MAESTRO = luhnComplete('6759', 16);
const MIR = luhnComplete('2200', 16);

const SCRIPTS: [string, number][] = [
  ['full-width', 0xff10],
  ['Arabic-Indic', 0x0660],
  ['Extended Arabic-Indic (Persian)', 0x06f0],
  ['Devanagari', 0x0966],
  ['Bengali', 0x09e6],
  ['Thai', 0x0e50],
  ['Mathematical bold', 0x1d7ce],
  ['Mathematical monospace', 0x1d7f6],
  ["N'Ko", 0x07c0],
  ['Tamil', 0x0be6],
];

const card = (input: string, secret: string, reason: string): CorpusCase => ({
  input,
  expect: 'removed',
  kinds: ['card'],
  secret,
  reason,
});

export const CORPUS: CorpusCase[] = [
  // ---------------------------------------------------------------- cards: networks
  card(grouped(AMEX, [4, 6, 5]), AMEX, 'Amex as printed, 4-6-5'),
  card(grouped(AMEX2, [4, 6, 5], '-'), AMEX2, 'Amex with dashes'),
  card(AMEX, AMEX, 'Amex without separators'),
  card(grouped(VISA, [4, 4, 4, 4]), VISA, 'Visa 4-4-4-4'),
  card(VISA2, VISA2, 'Visa without separators'),
  card(VISA13, VISA13, 'legacy 13-digit Visa'),
  card(grouped(VISA19, [4, 4, 4, 4, 3]), VISA19, '19-digit Visa'),
  card(grouped(MC, [4, 4, 4, 4]), MC, 'Mastercard 55'),
  card(MC2, MC2, 'Mastercard 51'),
  card(grouped(MC2SERIES, [4, 4, 4, 4]), MC2SERIES, 'Mastercard 2-series (2221–2720)'),
  card(DISCOVER, DISCOVER, 'Discover 6011'),
  card(grouped(DISCOVER65, [4, 4, 4, 4]), DISCOVER65, 'Discover 65'),
  card(DISCOVER19, DISCOVER19, '19-digit Discover'),
  card(JCB, JCB, 'JCB 3530'),
  card(grouped(JCB2, [4, 4, 4, 4], '-'), JCB2, 'JCB 3566'),
  card(grouped(DINERS14, [4, 6, 4]), DINERS14, 'Diners 14 digits, 4-6-4'),
  card(DINERS36, DINERS36, 'Diners 36'),
  card(UNIONPAY, UNIONPAY, 'UnionPay 62'),
  card(UNIONPAY19, UNIONPAY19, '19-digit UnionPay'),
  card(MAESTRO, MAESTRO, 'Maestro 6759'),
  card(MIR, MIR, 'Mir 2200'),
  // ---------------------------------------------------------------- cards: separators
  card(grouped(AMEX, [4, 6, 5], '.'), AMEX, 'dots between groups'),
  card(grouped(AMEX, [4, 6, 5], '/'), AMEX, 'slashes between groups'),
  card(grouped(VISA, [4, 4, 4, 4], '_'), VISA, 'underscores between groups'),
  card(grouped(VISA, [4, 4, 4, 4], '|'), VISA, 'pipes between groups'),
  card(grouped(VISA, [4, 4, 4, 4], '  '), VISA, 'double spaces'),
  card(grouped(VISA, [4, 4, 4, 4], ' - '), VISA, 'spaced dashes'),
  card(grouped(VISA, [4, 4, 4, 4], '\t'), VISA, 'tabs (pasted from a spreadsheet)'),
  card(grouped(AMEX, [4, 6, 5], '\n'), AMEX, 'one group per line'),
  card(grouped(AMEX, [4, 6, 5], '\r\n'), AMEX, 'Windows line breaks'),
  card('3782 822463-10005', AMEX, 'mixed separators'),
  card('37 82 82 24 63 10 00 5', AMEX, 'pairs of digits'),
  card(grouped(VISA, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]), VISA, 'every digit spaced'),
  card(grouped(VISA, [4, 4, 4, 4], '\u2013'), VISA, 'en dashes'),
  card(grouped(VISA, [4, 4, 4, 4], '\u2212'), VISA, 'minus signs'),
  card(grouped(VISA, [4, 4, 4, 4], '\u00a0'), VISA, 'no-break spaces'),
  card(grouped(VISA, [4, 4, 4, 4], '\u3000'), VISA, 'ideographic spaces'),
  card(grouped(VISA, [4, 4, 4, 4], ', '), VISA, 'commas between 4-digit groups'),
  card(grouped(VISA, [4, 4, 4, 4], '\u2022'), VISA, 'bullets between groups'),
  card(grouped(AMEX, [4, 6, 5], '\uff0d'), AMEX, 'full-width hyphens'),
  // ---------------------------------------------------------------- cards: Unicode
  ...SCRIPTS.map(([name, zero]) => card(inScript(grouped(AMEX, [4, 6, 5]), zero), AMEX, `${name} digits`)),
  card(inScript('4111 1111', 0x0660) + ' 1111 1111', VISA, 'Arabic-Indic and ASCII digits mixed'),
  card(VISA.split('').join('\u200b'), VISA, 'zero-width space between every digit'),
  card(AMEX.split('').join('\u200d'), AMEX, 'zero-width joiners'),
  card(AMEX.split('').join('\u00ad'), AMEX, 'soft hyphens'),
  card(VISA.split('').join('\ufeff'), VISA, 'byte-order marks'),
  card('\u202e' + grouped(AMEX, [4, 6, 5]) + '\u202c', AMEX, 'bidi override around the number'),
  card(VISA.split('').join('\u2060\u2063'), VISA, 'word joiner + invisible separator'),
  card(AMEX.split('').join('\u0301'), AMEX, 'combining accents on every digit'),
  card(VISA.replace(/\d/g, '$&\ufe0f'), VISA, 'variation selectors'),
  card('4111 1111 1111 ¹¹¹¹', VISA, 'superscript digits (NFKC digits)'),
  // ---------------------------------------------------------------- cards: in text
  card(`my card is ${grouped(AMEX, [4, 6, 5])} thanks`, AMEX, 'inside a sentence'),
  card(`acct${VISA}`, VISA, 'glued to letters (\\b-anchored regexes miss this)'),
  card(`${VISA}exp`, VISA, 'letters glued after'),
  card(`card#${AMEX}`, AMEX, 'after a hash sign'),
  card(`(${grouped(VISA, [4, 4, 4, 4])})`, VISA, 'in parentheses'),
  card(`"${AMEX}"`, AMEX, 'in quotes'),
  card(`Card: ${grouped(MC, [4, 4, 4, 4])}.`, MC, 'followed by a period'),
  card(`Tarjeta ${grouped(AMEX, [4, 6, 5])}, por favor`, AMEX, 'Spanish sentence'),
  {
    input: `cards: ${VISA}, ${MC} and ${AMEX}`,
    expect: 'removed',
    kinds: ['card'],
    secret: [VISA, MC, AMEX],
    reason: 'several cards in one message',
  },
  {
    input: `${grouped(VISA, [4, 4, 4, 4])}\n${grouped(AMEX, [4, 6, 5])}`,
    expect: 'removed',
    kinds: ['card'],
    secret: [VISA, AMEX],
    reason: 'a newline-separated list of cards',
  },
  card(`ref 12 ${grouped(VISA, [4, 4, 4, 4])}`, VISA, 'a short number right before the card'),
  card(`${grouped(VISA, [4, 4, 4, 4])} 12/27`, VISA, 'card followed by expiry (expiry may stay)'),
  card(`4111 1111 1111 1111 ref`, VISA, 'test PAN is not exempt'),
  card(`<b>${AMEX}</b>`, AMEX, 'inside markup'),
  card(`https://example.com/pay?card=${VISA}`, VISA, 'inside a URL'),
  card(`+${VISA}`, VISA, 'a leading plus does not make it a phone number'),
  // ---------------------------------------------------------------- cvv with the card
  {
    input: `${VISA} exp 12/27 cvv 123`,
    expect: 'removed',
    kinds: ['card', 'cvv'],
    secret: [VISA, '123'],
    reason: 'card, expiry, cvv keyword',
  },
  {
    input: `${grouped(VISA, [4, 4, 4, 4])} 12/27 839`,
    expect: 'removed',
    kinds: ['card', 'cvv'],
    secret: [VISA, '839'],
    reason: 'a 3-digit number after card and expiry is the cvv',
  },
  {
    input: `${grouped(VISA, [4, 4, 4, 4])}\n12/27\n839`,
    expect: 'removed',
    kinds: ['card', 'cvv'],
    secret: [VISA, '839'],
    reason: 'the same, one per line',
  },
  {
    input: `${VISA}|12/27|839`,
    expect: 'removed',
    kinds: ['card', 'cvv'],
    secret: [VISA, '839'],
    reason: 'pipe-separated export line',
  },
  {
    input: `${grouped(AMEX, [4, 6, 5])} 7294`,
    expect: 'removed',
    kinds: ['card', 'cvv'],
    secret: [AMEX, '7294'],
    reason: 'a 4-digit number right after an Amex is its CID',
  },
  {
    input: `${VISA} 1227 839`,
    expect: 'removed',
    kinds: ['card', 'cvv'],
    secret: [VISA, '839'],
    reason: 'MMYY then cvv',
  },
  {
    input: `${VISA}, exp 08/2027, security code 839`,
    expect: 'removed',
    kinds: ['card', 'cvv'],
    secret: [VISA, '839'],
    reason: 'expiry with a 4-digit year',
  },
  // ---------------------------------------------------------------- cvv by context
  { input: 'cvv 839', expect: 'removed', kinds: ['cvv'], secret: '839', reason: 'cvv keyword' },
  { input: 'CVV: 839', expect: 'removed', kinds: ['cvv'], secret: '839', reason: 'upper case with colon' },
  { input: 'cvc2=456', expect: 'removed', kinds: ['cvv'], secret: '456', reason: 'cvc2 with equals' },
  { input: 'CID 7294', expect: 'removed', kinds: ['cvv'], secret: '7294', reason: 'Amex 4-digit CID' },
  {
    input: 'the security code is 839',
    expect: 'removed',
    kinds: ['cvv'],
    secret: '839',
    reason: 'security code is',
  },
  { input: 'sec code 839', expect: 'removed', kinds: ['cvv'], secret: '839', reason: 'abbreviation' },
  {
    input: 'the code on the back is 839',
    expect: 'removed',
    kinds: ['cvv'],
    secret: '839',
    reason: 'described by its place',
  },
  {
    input: 'the 4 digits on the front: 7294',
    expect: 'removed',
    kinds: ['cvv'],
    secret: '7294',
    reason: 'Amex: front',
  },
  {
    input: 'the 3-digit code on the back: 839',
    expect: 'removed',
    kinds: ['cvv'],
    secret: '839',
    reason: 'length word skipped, value found',
  },
  {
    input: '839 is the cvv',
    expect: 'removed',
    kinds: ['cvv'],
    secret: '839',
    reason: 'value before the keyword',
  },
  {
    input: '839 is my Amex cvv',
    expect: 'removed',
    kinds: ['cvv'],
    secret: '839',
    reason: 'a brand word between',
  },
  { input: 'CVV 8 3 9', expect: 'removed', kinds: ['cvv'], secret: '839', reason: 'spaced digits' },
  { input: 'CVV 8-3-9', expect: 'removed', kinds: ['cvv'], secret: '839', reason: 'dashed digits' },
  { input: 'cvv ８３９', expect: 'removed', kinds: ['cvv'], secret: '839', reason: 'full-width digits' },
  {
    input: 'c\u200bv\u200bv 839',
    expect: 'removed',
    kinds: ['cvv'],
    secret: '839',
    reason: 'zero-width chars inside the keyword',
  },
  { input: 'ＣＶＶ 839', expect: 'removed', kinds: ['cvv'], secret: '839', reason: 'full-width keyword' },
  {
    input: 'my card verification value is 839',
    expect: 'removed',
    kinds: ['cvv'],
    secret: '839',
    reason: 'spelled out',
  },
  {
    input: 'exp 08/27 839',
    expect: 'removed',
    kinds: ['cvv'],
    secret: '839',
    reason: 'number right after an expiry date',
  },
  {
    input: 'expires 08/27, 839',
    expect: 'removed',
    kinds: ['cvv'],
    secret: '839',
    reason: 'expiry word and date',
  },
  {
    input: 'código de seguridad 839',
    expect: 'removed',
    kinds: ['cvv'],
    secret: '839',
    reason: 'ES: security code',
  },
  {
    input: 'el código de seguridad es 7294',
    expect: 'removed',
    kinds: ['cvv'],
    secret: '7294',
    reason: 'ES: with article and verb',
  },
  {
    input: 'CODIGO DE SEGURIDAD: 839',
    expect: 'removed',
    kinds: ['cvv'],
    secret: '839',
    reason: 'ES: no accent, upper case',
  },
  {
    input: 'los dígitos al reverso son 839',
    expect: 'removed',
    kinds: ['cvv'],
    secret: '839',
    reason: 'ES: digits on the back',
  },
  {
    input: 'vence 08/27 839',
    expect: 'removed',
    kinds: ['cvv'],
    secret: '839',
    reason: 'ES: expiry then code',
  },
  {
    input: 'número de seguridad: 839',
    expect: 'removed',
    kinds: ['cvv'],
    secret: '839',
    reason: 'ES: security number',
  },
  // ---------------------------------------------------------------- SSN / ITIN
  {
    input: '123-45-6789',
    expect: 'removed',
    kinds: ['ssn'],
    secret: '123456789',
    reason: 'SSN with dashes, no context',
  },
  { input: '123 45 6789', expect: 'removed', kinds: ['ssn'], secret: '123456789', reason: 'SSN with spaces' },
  { input: '123.45.6789', expect: 'removed', kinds: ['ssn'], secret: '123456789', reason: 'SSN with dots' },
  {
    input: '123-45 6789',
    expect: 'removed',
    kinds: ['ssn'],
    secret: '123456789',
    reason: 'mixed delimiters',
  },
  {
    input: 'SSN 123456789',
    expect: 'removed',
    kinds: ['ssn'],
    secret: '123456789',
    reason: 'bare 9 digits after SSN',
  },
  {
    input: 'my social is 123 456 789',
    expect: 'removed',
    kinds: ['ssn'],
    secret: '123456789',
    reason: '3-3-3 after "social"',
  },
  { input: 'ss# 123-45-6789', expect: 'removed', kinds: ['ssn'], secret: '123456789', reason: 'ss#' },
  {
    input: 'ITIN 912-70-1234',
    expect: 'removed',
    kinds: ['ssn'],
    secret: '912701234',
    reason: 'ITIN (9xx, group 70)',
  },
  {
    input: '912 78 1234',
    expect: 'removed',
    kinds: ['ssn'],
    secret: '912781234',
    reason: 'ITIN without context',
  },
  {
    input: 'tax id 987654321',
    expect: 'removed',
    kinds: ['ssn'],
    secret: '987654321',
    reason: 'tax id + 9 digits',
  },
  {
    input: '123456789 is my ssn',
    expect: 'removed',
    kinds: ['ssn'],
    secret: '123456789',
    reason: 'value before the keyword',
  },
  {
    input: 'seguro social 123-45-6789',
    expect: 'removed',
    kinds: ['ssn'],
    secret: '123456789',
    reason: 'ES',
  },
  {
    input: 'número de seguro social: 123456789',
    expect: 'removed',
    kinds: ['ssn'],
    secret: '123456789',
    reason: 'ES, bare 9 digits',
  },
  {
    input: 'my SSN is ١٢٣٤٥٦٧٨٩',
    expect: 'removed',
    kinds: ['ssn'],
    secret: '123456789',
    reason: 'Arabic-Indic digits',
  },
  {
    input: 'social: 000-12-3456',
    expect: 'removed',
    kinds: ['ssn'],
    secret: '000123456',
    reason: 'with context, even invalid parts go',
  },
  {
    input: 'SSN 123\u200b45\u200b6789',
    expect: 'removed',
    kinds: ['ssn'],
    secret: '123456789',
    reason: 'zero-width separators',
  },
  // ---------------------------------------------------------------- OTP / PIN
  { input: 'Your code is 482917', expect: 'removed', kinds: ['otp'], secret: '482917', reason: 'code is' },
  { input: 'code: 482917', expect: 'removed', kinds: ['otp'], secret: '482917', reason: 'code colon' },
  {
    input: 'verification code 123456',
    expect: 'removed',
    kinds: ['otp'],
    secret: '123456',
    reason: 'verification code',
  },
  { input: 'OTP 48291', expect: 'removed', kinds: ['otp'], secret: '48291', reason: 'OTP' },
  {
    input: 'one-time passcode: 739201',
    expect: 'removed',
    kinds: ['otp'],
    secret: '739201',
    reason: 'one-time passcode',
  },
  {
    input: 'Your American Express SafeKey one-time code is 482917. Do not share it.',
    expect: 'removed',
    kinds: ['otp'],
    secret: '482917',
    reason: 'pasted SafeKey SMS',
  },
  {
    input: '482917 is your verification code',
    expect: 'removed',
    kinds: ['otp'],
    secret: '482917',
    reason: 'value first',
  },
  {
    input: '482917 is your Google verification code',
    expect: 'removed',
    kinds: ['otp'],
    secret: '482917',
    reason: 'brand word between',
  },
  {
    input: 'G-482917 is your Google verification code',
    expect: 'removed',
    kinds: ['otp'],
    secret: '482917',
    reason: 'prefixed code',
  },
  {
    input: 'the code is X7K9P2',
    expect: 'removed',
    kinds: ['otp'],
    secret: 'X7K9P2',
    reason: 'alphanumeric code',
  },
  { input: 'code 482 917', expect: 'removed', kinds: ['otp'], secret: '482917', reason: '3+3 grouping' },
  { input: 'code 4 8 2 9 1 7', expect: 'removed', kinds: ['otp'], secret: '482917', reason: 'spaced digits' },
  { input: 'code 4829-17', expect: 'removed', kinds: ['otp'], secret: '482917', reason: 'dashed' },
  { input: '2FA code 551203', expect: 'removed', kinds: ['otp'], secret: '551203', reason: '2FA' },
  {
    input: 'they texted me 551203',
    expect: 'removed',
    kinds: ['otp'],
    secret: '551203',
    reason: 'texted me',
  },
  // A 3-digit value after a code cue is the card's code or a short one-time code, never benign.
  { input: 'my code is 739', expect: 'removed', kinds: ['otp'], secret: '739', reason: 'short code' },
  { input: 'code: 739', expect: 'removed', kinds: ['otp'], secret: '739', reason: 'short code colon' },
  {
    input: 'my verification code is 739',
    expect: 'removed',
    kinds: ['otp'],
    secret: '739',
    reason: 'short verification code',
  },
  { input: 'my pin is 739', expect: 'removed', kinds: ['otp'], secret: '739', reason: 'short PIN' },
  { input: 'mi código es 739', expect: 'removed', kinds: ['otp'], secret: '739', reason: 'ES: short code' },
  { input: 'PIN 4821', expect: 'removed', kinds: ['otp'], secret: '4821', reason: 'PIN' },
  {
    input: 'my pin number is 4821',
    expect: 'removed',
    kinds: ['otp'],
    secret: '4821',
    reason: 'pin number is',
  },
  { input: 'pin: 4 8 2 1', expect: 'removed', kinds: ['otp'], secret: '4821', reason: 'spaced PIN' },
  {
    input: 'passcode 739201',
    expect: 'removed',
    kinds: ['otp'],
    secret: '739201',
    reason: 'numeric passcode',
  },
  { input: 'código: 482917', expect: 'removed', kinds: ['otp'], secret: '482917', reason: 'ES: code' },
  {
    input: 'el código que me enviaron es 482917',
    expect: 'removed',
    kinds: ['otp'],
    secret: '482917',
    reason: 'ES: the code they sent me',
  },
  {
    input: 'código de verificación 482917',
    expect: 'removed',
    kinds: ['otp'],
    secret: '482917',
    reason: 'ES: verification code',
  },
  {
    input: 'clave dinámica 123456',
    expect: 'removed',
    kinds: ['otp'],
    secret: '123456',
    reason: 'ES (LatAm): dynamic key',
  },
  { input: 'mi NIP es 4821', expect: 'removed', kinds: ['otp'], secret: '4821', reason: 'ES (MX): NIP' },
  { input: 'clave 4821', expect: 'removed', kinds: ['otp'], secret: '4821', reason: 'ES: clave with digits' },
  {
    input: 'CODE ４８２９１７',
    expect: 'removed',
    kinds: ['otp'],
    secret: '482917',
    reason: 'full-width digits',
  },
  // ---------------------------------------------------------------- passwords
  {
    input: 'password is Hunter2!',
    expect: 'removed',
    kinds: ['password'],
    secret: 'Hunter2',
    reason: 'password is',
  },
  { input: 'pwd: s3cr3t', expect: 'removed', kinds: ['password'], secret: 's3cr3t', reason: 'pwd colon' },
  {
    input: 'my password: Tr0ub4dor&3',
    expect: 'removed',
    kinds: ['password'],
    secret: 'Tr0ub4dor&3',
    reason: 'symbols in it',
  },
  {
    input: 'password = "hunter 2"',
    expect: 'removed',
    kinds: ['password'],
    secret: 'hunter 2',
    reason: 'quoted with a space',
  },
  {
    input: 'pw hunter22',
    expect: 'removed',
    kinds: ['password'],
    secret: 'hunter22',
    reason: 'no link word, but it looks like a secret',
  },
  {
    input: 'passphrase is correct-horse-battery',
    expect: 'removed',
    kinds: ['password'],
    secret: 'correct-horse-battery',
    reason: 'passphrase',
  },
  {
    input: 'username jdoe password Summer2024',
    expect: 'removed',
    kinds: ['password'],
    secret: 'Summer2024',
    reason: 'credentials pasted',
  },
  {
    input: 'login password: abc123XYZ',
    expect: 'removed',
    kinds: ['password'],
    secret: 'abc123XYZ',
    reason: 'login password',
  },
  {
    input: 'pass: qwerty123',
    expect: 'removed',
    kinds: ['password'],
    secret: 'qwerty123',
    reason: '"pass" with a colon',
  },
  {
    input: 'my password is sunshine',
    expect: 'removed',
    kinds: ['password'],
    secret: 'sunshine',
    reason: 'a plain word after "is"',
  },
  {
    input: 'passcode is Blue-Sky9',
    expect: 'removed',
    kinds: ['password'],
    secret: 'Blue-Sky9',
    reason: 'non-numeric passcode',
  },
  { input: 'contraseña: gato123', expect: 'removed', kinds: ['password'], secret: 'gato123', reason: 'ES' },
  {
    input: 'mi contraseña es Perro2024',
    expect: 'removed',
    kinds: ['password'],
    secret: 'Perro2024',
    reason: 'ES with verb',
  },
  {
    input: 'CONTRASENA: gato123',
    expect: 'removed',
    kinds: ['password'],
    secret: 'gato123',
    reason: 'ES without ñ',
  },
  {
    input: 'mi clave es gato2024',
    expect: 'removed',
    kinds: ['password'],
    secret: 'gato2024',
    reason: 'ES: clave as password',
  },
  {
    input: 'I changed my password to Winter#2025',
    expect: 'removed',
    kinds: ['password'],
    secret: 'Winter#2025',
    reason: 'changed to',
  },
  {
    input: 'p\u200bassword is hunter2',
    expect: 'removed',
    kinds: ['password'],
    secret: 'hunter2',
    reason: 'zero-width char in the keyword',
  },
  // ---------------------------------------------------------------- mixed
  {
    input: `card ${VISA}, cvv 123, ssn 123-45-6789, password is hunter2`,
    expect: 'removed',
    kinds: ['card', 'cvv', 'ssn', 'password'],
    secret: [VISA, '123', '123456789', 'hunter2'],
    reason: 'everything at once',
  },
  {
    input: 'my zip is 10001 and the cvv is 839',
    expect: 'removed',
    kinds: ['cvv'],
    secret: '839',
    reason: 'the zip passes, the cvv goes',
  },
  {
    input: 'code 482917 for order 112-1234567-1234567',
    expect: 'removed',
    kinds: ['otp'],
    secret: '482917',
    reason: 'the code goes, the order number stays',
  },

  // ================================================================ must pass
  {
    input: 'last four digits 1005 and ZIP code 10001',
    expect: 'unchanged',
    reason: 'identifying the card and address is allowed',
  },
  { input: 'my card ends in 0005', expect: 'unchanged', reason: 'last four' },
  { input: 'Amex ending 1005', expect: 'unchanged', reason: 'last four' },
  { input: 'last 4 of my social 6789', expect: 'unchanged', reason: 'partial SSN is allowed (policy)' },
  { input: 'I was charged $127.43 on 08/15', expect: 'unchanged', reason: 'amount and date' },
  { input: '$1,234.56 on 08/15/2024 at 10:30 am', expect: 'unchanged', reason: 'amount, full date, time' },
  {
    input: 'charges of 127.43, 45.00, 12.99 and 1,234.56',
    expect: 'unchanged',
    reason: 'a list of amounts is not a card',
  },
  { input: 'on 2024-08-15 at 14:05:33', expect: 'unchanged', reason: 'ISO date and time' },
  { input: 'due 15/08/2024', expect: 'unchanged', reason: 'day-first date' },
  { input: 'Call 1-800-528-4800', expect: 'unchanged', reason: 'Amex customer care number' },
  { input: 'call me at (212) 555-1234', expect: 'unchanged', reason: 'US phone with parentheses' },
  { input: 'my number is 212.555.1234', expect: 'unchanged', reason: 'phone with dots' },
  { input: '+44 20 7946 0958', expect: 'unchanged', reason: 'international phone' },
  { input: '+1 415 555 0132 is my cell', expect: 'unchanged', reason: 'international US phone' },
  { input: 'case number 5012345678', expect: 'unchanged', reason: 'case number' },
  { input: 'my case is 12345678 please check', expect: 'unchanged', reason: 'case number' },
  { input: 'reference REF-2024-001234', expect: 'unchanged', reason: 'reference' },
  { input: 'order 112-1234567-1234567', expect: 'unchanged', reason: 'Amazon order number' },
  { input: 'order #W123456789', expect: 'unchanged', reason: 'retailer order number' },
  { input: 'tracking 9400111899223344556677', expect: 'unchanged', reason: '22-digit USPS tracking' },
  { input: 'USPS 9400 1000 0000 0000 0000 00', expect: 'unchanged', reason: 'grouped USPS tracking' },
  { input: 'tracking 92001901755477000000000011', expect: 'unchanged', reason: 'USPS 26-digit' },
  { input: 'UPS 1Z999AA10123456784', expect: 'unchanged', reason: 'UPS tracking' },
  { input: 'FedEx 7489 1234 5678', expect: 'unchanged', reason: 'FedEx 12-digit' },
  { input: 'confirmation number 4012345678901', expect: 'unchanged', reason: 'not Luhn-valid' },
  {
    input: 'timestamp 1699999999999',
    expect: 'unchanged',
    reason: '13-digit epoch ms (prefix 1, no network)',
  },
  {
    input: 'IMEI 356938035643809',
    expect: 'unchanged',
    reason: 'IMEI passes Luhn but 35 + 15 digits is no card',
  },
  { input: 'Chipotle #2345', expect: 'unchanged', reason: 'merchant with store number' },
  { input: '7-Eleven', expect: 'unchanged', reason: 'merchant name with digits' },
  { input: 'AMZN Mktp US*2K4AB1234', expect: 'unchanged', reason: 'card statement descriptor' },
  { input: "Joe's Pizza 3rd Ave", expect: 'unchanged', reason: 'merchant' },
  { input: 'member since 1998', expect: 'unchanged', reason: 'year' },
  { input: '1,234,567 points', expect: 'unchanged', reason: 'points balance' },
  { input: 'flight UA 1234 seat 12C', expect: 'unchanged', reason: 'travel' },
  { input: 'room 1205 on floor 12', expect: 'unchanged', reason: 'short numbers' },
  { input: 'ZIP+4 10001-1234', expect: 'unchanged', reason: 'ZIP+4' },
  { input: 'my zip code is 10001', expect: 'unchanged', reason: '"code" after zip' },
  { input: 'código postal 28013', expect: 'unchanged', reason: 'ES: postal code' },
  { input: 'area code 212', expect: 'unchanged', reason: 'area code' },
  { input: 'promo code SAVE20', expect: 'unchanged', reason: 'promo code' },
  { input: 'error code 504', expect: 'unchanged', reason: 'error code' },
  { input: 'I got error 5041 at checkout', expect: 'unchanged', reason: 'error number' },
  { input: 'the confirmation code is ABC123', expect: 'unchanged', reason: 'booking confirmation code' },
  { input: 'routing number 021000021', expect: 'unchanged', reason: '9-digit routing number' },
  { input: 'ABA 021000021', expect: 'unchanged', reason: 'routing' },
  { input: 'it has 3 or 4 digits', expect: 'unchanged', reason: 'describes a length' },
  { input: 'where is the 4-digit code on the front?', expect: 'unchanged', reason: 'a question, no value' },
  { input: 'the security code is on the back', expect: 'unchanged', reason: 'no value' },
  { input: 'what is a CVV?', expect: 'unchanged', reason: 'no value' },
  { input: 'a 6 digit pin', expect: 'unchanged', reason: 'length' },
  { input: 'the code expires in 10 minutes', expect: 'unchanged', reason: 'duration, not a code' },
  { input: 'I forgot my password', expect: 'unchanged', reason: 'no value' },
  { input: 'password reset link please', expect: 'unchanged', reason: 'no value' },
  { input: 'my password is not working', expect: 'unchanged', reason: 'describes the password' },
  { input: 'my password is wrong', expect: 'unchanged', reason: 'describes the password' },
  { input: 'Password must be 8 characters', expect: 'unchanged', reason: 'a rule' },
  { input: 'change password please', expect: 'unchanged', reason: 'no value' },
  { input: 'olvidé mi contraseña', expect: 'unchanged', reason: 'ES: forgot password' },
  { input: 'mi contraseña no funciona', expect: 'unchanged', reason: 'ES: describes it' },
  { input: 'I will pass on that offer', expect: 'unchanged', reason: '"pass" as a verb' },
  { input: 'boarding pass is ready', expect: 'unchanged', reason: '"pass" without colon' },
  { input: 'social media post from 2021', expect: 'unchanged', reason: '"social" without 9 digits' },
  { input: 'security question answer', expect: 'unchanged', reason: 'no value' },
  {
    input: 'my card expires 08/27',
    expect: 'unchanged',
    reason: 'expiry alone is not sensitive authentication data',
  },
  { input: 'vence el 08/27', expect: 'unchanged', reason: 'ES: expiry alone' },
  { input: 'version 4.11.1', expect: 'unchanged', reason: 'version number' },
  { input: '192.168.1.1', expect: 'unchanged', reason: 'IP address' },
  { input: 'card 2 of 3', expect: 'unchanged', reason: 'small numbers' },
  {
    input: 'I have 2 cards, one ending 1005 and one ending 4444',
    expect: 'unchanged',
    reason: 'two last fours',
  },
  { input: 'Dear team, thanks a lot!', expect: 'unchanged', reason: 'no digits' },
  { input: '', expect: 'unchanged', reason: 'empty message' },
  { input: '   ', expect: 'unchanged', reason: 'whitespace only' },
  { input: '😀👍 thanks', expect: 'unchanged', reason: 'emoji' },
  { input: 'هل يمكنني الدفع ١٢٣', expect: 'unchanged', reason: 'Arabic text with a short number' },
  { input: '我的卡丢了', expect: 'unchanged', reason: 'Chinese text' },
  {
    input: 'Necesito ayuda con un cargo de $45.00 del 08/15',
    expect: 'unchanged',
    reason: 'ES: amount and date',
  },
  { input: 'mi número de caso es 12345678', expect: 'unchanged', reason: 'ES: case number' },
  { input: 'llamé al 1-800-528-4800', expect: 'unchanged', reason: 'ES: phone' },
  { input: 'pedido 112-1234567-1234567', expect: 'unchanged', reason: 'ES: order' },
  { input: 'termina en 1005', expect: 'unchanged', reason: 'ES: ends in' },
  { input: 'los últimos cuatro son 1005', expect: 'unchanged', reason: 'ES: last four' },
  { input: 'código de promoción VERANO20', expect: 'unchanged', reason: 'ES: promo code' },
  {
    input: '000-12-3456',
    expect: 'unchanged',
    reason: 'area 000 is never issued: not an SSN without context',
  },
  { input: '666-12-3456', expect: 'unchanged', reason: 'area 666 is never issued' },
  { input: '123-00-4567', expect: 'unchanged', reason: 'group 00 is never issued' },
  { input: '912-93-1234', expect: 'unchanged', reason: 'ATIN (93), not an ITIN nor SSN' },
  {
    input: 'the total was 123 45 and 6789 points',
    expect: 'unchanged',
    reason: 'words around break the pattern',
  },
  { input: 'phone 555-123-4567', expect: 'unchanged', reason: 'phone (3-3-4) is not an SSN' },
  { input: 'ISBN 978-3-16-148410-0', expect: 'unchanged', reason: 'ISBN' },
  { input: 'Invoice INV-0042, PO 7781', expect: 'unchanged', reason: 'invoice numbers' },
  { input: 'serial 4111111111111112', expect: 'unchanged', reason: 'Visa prefix but fails Luhn' },
  {
    input: 'account 1234567890123456',
    expect: 'removed',
    kinds: ['card'],
    secret: '1234567890123456',
    reason: 'for a card issuer the account number is the card number: more than ten bare digits',
  },
  {
    input: '4111 1111 1111 1112 is not a valid card',
    expect: 'removed',
    kinds: ['card'],
    secret: '4111111111111112',
    reason:
      'fails Luhn, but more than ten bare digits: a mistyped card is still a card (split-number budget)',
  },
  {
    input: '3782 8224 6310 0051',
    expect: 'removed',
    kinds: ['card'],
    secret: '3782822463100051',
    reason: '16 digits with an Amex prefix: no card, but more than ten bare digits (split-number budget)',
  },
  {
    input: '[code removed] [SSN removed] [password removed]',
    expect: 'unchanged',
    reason: 'placeholders are never re-detected',
  },
  {
    input: '[código eliminado] [contraseña eliminada]',
    expect: 'unchanged',
    reason: 'Spanish placeholders too',
  },
  { input: '•••• •••••• •0005', expect: 'unchanged', reason: 'a mask is never re-detected' },
  { input: 'cvv [code removed]', expect: 'unchanged', reason: 'cue before a placeholder' },
  {
    input: 'password is [password removed]',
    expect: 'unchanged',
    reason: 'password cue before its placeholder',
  },
];

export const CONVERSATIONS: Conversation[] = [
  {
    name: 'a cue sent on its own makes the next bare reply that secret',
    reason: 'the value typed as the next message ("my code is" ↵ "482917") is the same secret',
    steps: [
      { customer: 'my code is', expect: 'unchanged' },
      { customer: '482917', expect: 'removed', kinds: ['otp'], secret: '482917' },
    ],
  },
  {
    name: 'a short code after its cue, in two messages',
    reason: 'three digits after "code" are the card code or a short one-time code',
    steps: [
      { customer: 'my code is', expect: 'unchanged' },
      { customer: '739', expect: 'removed', kinds: ['otp'], secret: '739' },
    ],
  },
  {
    name: 'a password announced in one message and typed in the next',
    reason: 'a one-token reply after "my password is" is the password',
    steps: [
      { customer: 'my password is', expect: 'unchanged' },
      { customer: 'Tr0ub4dor&3', expect: 'removed', kinds: ['password'], secret: 'Tr0ub4dor&3' },
    ],
  },
  {
    name: 'ES: the code announced with a colon, sent next',
    reason: '"mi código es:" then the code',
    steps: [
      { customer: 'mi código es:', expect: 'unchanged' },
      { customer: '482917', expect: 'removed', kinds: ['otp'], secret: '482917' },
    ],
  },
  {
    name: 'a cue that says the customer has no code leaves the next number alone',
    reason: 'negated cue: "I don\'t have a code" then an order number',
    steps: [
      { customer: "I don't have a code", expect: 'unchanged' },
      { customer: '482917', expect: 'unchanged' },
    ],
  },
  {
    name: 'a benign cue left for the next message keeps the ZIP',
    reason: '"my zip code is" then the ZIP',
    steps: [
      { customer: 'my zip code is', expect: 'unchanged' },
      { customer: '10001', expect: 'unchanged' },
    ],
  },
  {
    name: 'a reassurance that names the security code does not make the next numbers a code',
    reason: 'negation anywhere earlier in the sentence ("We will never ask for … its security code")',
    steps: [
      {
        agent:
          "Hi, I'm the virtual assistant. How can I help you today? We will never ask for your full card number or its security code.",
      },
      { customer: 'hi, I have a question about my statement', expect: 'unchanged' },
      { customer: '4821', expect: 'unchanged' },
    ],
  },
  {
    name: 'the Spanish reassurance does not set an expectation either',
    reason: 'negation: "Nunca te pediremos … ni su código de seguridad"',
    steps: [
      {
        agent:
          'Hola, soy el asistente virtual. Nunca te pediremos el número completo de tu tarjeta ni su código de seguridad.',
      },
      { customer: 'pedido 4821', expect: 'unchanged' },
    ],
  },
  {
    name: 'a negation in an earlier sentence does not cancel the question',
    reason: 'the negation window stops at the sentence end',
    steps: [
      { agent: 'Never mind that. Please enter the one-time code we texted you.' },
      { customer: '482913', expect: 'removed', kinds: ['otp'], secret: '482913' },
    ],
  },
  {
    name: 'a bare reply to the security-code question is the cvv',
    reason: 'agent context (research rule 7)',
    steps: [
      { agent: 'Thanks. What is the security code on the back of the card?' },
      { customer: '839', expect: 'removed', kinds: ['cvv'], secret: '839' },
      { customer: 'thanks!', expect: 'unchanged' },
    ],
  },
  {
    name: 'a 4-digit reply to the CID question is removed',
    reason: 'Amex CID is 4 digits on the front',
    steps: [
      { agent: 'Please read me the 4-digit code on the front of your card.' },
      { customer: 'sure, 7294', expect: 'removed', kinds: ['cvv'], secret: '7294' },
    ],
  },
  {
    name: 'a reply to the one-time-code question is the otp',
    reason: 'agent context',
    steps: [
      { agent: 'I just texted you a one-time code. Can you read it to me?' },
      { customer: '4 8 2 9 1 7', expect: 'removed', kinds: ['otp'], secret: '482917' },
    ],
  },
  {
    name: 'an alphanumeric reply to the code question is the otp',
    reason: 'agent context, letters+digits code',
    steps: [
      { agent: 'Enter the verification code we sent to your email.' },
      { customer: 'X7K9P2', expect: 'removed', kinds: ['otp'], secret: 'X7K9P2' },
    ],
  },
  {
    name: 'last four then ZIP pass after the agent asks for them',
    reason: 'agent context: benign questions',
    steps: [
      { agent: 'To verify, please give me the last four digits of your card and your billing ZIP code.' },
      { customer: '4321', expect: 'unchanged' },
      { customer: '10001', expect: 'unchanged' },
    ],
  },
  {
    name: 'the last four passes, then the CID asked later goes',
    reason: 'the question changes the meaning of 4 digits',
    steps: [
      { agent: 'What are the last four digits of the card?' },
      { customer: '0005', expect: 'unchanged' },
      { agent: 'Thanks. Now the 4-digit CID printed on the front, please.' },
      { customer: '7294', expect: 'removed', kinds: ['cvv'], secret: '7294' },
    ],
  },
  {
    name: 'a warning not to share the code sets no expectation',
    reason: 'negated cue',
    steps: [
      { agent: 'Never share your security code with anyone. What is your ZIP code?' },
      { customer: '10001', expect: 'unchanged' },
    ],
  },
  {
    name: 'Spanish security-code question',
    reason: 'agent context in Spanish',
    steps: [
      { agent: '¿Cuál es el código de seguridad de su tarjeta?' },
      { customer: 'es 839', expect: 'removed', kinds: ['cvv'], secret: '839' },
    ],
  },
  {
    name: 'SSN asked: 9 digits go, the last four of the SSN pass',
    reason: 'ssn expectation needs 9 digits',
    steps: [
      { agent: 'Can you confirm the last four of your social?' },
      { customer: '6789', expect: 'unchanged' },
      { agent: 'I need your full Social Security number for this request.' },
      { customer: '123456789', expect: 'removed', kinds: ['ssn'], secret: '123456789' },
    ],
  },
  {
    name: 'the expectation ends after two messages',
    reason: 'a later number is not the code',
    steps: [
      { agent: 'What is the security code?' },
      { customer: 'one moment', expect: 'unchanged' },
      { customer: 'hmm', expect: 'unchanged' },
      { customer: 'room 512', expect: 'unchanged' },
    ],
  },
  {
    name: 'an Amex typed over three messages never leaves whole',
    reason: 'split-number rule: at most 10 digits of one card',
    steps: [
      { customer: '3782', expect: 'unchanged' },
      { customer: '822463', expect: 'unchanged' },
      { customer: '10005', expect: 'removed', kinds: ['card'], secret: '10005' },
    ],
  },
  {
    name: 'a Visa typed in four groups never leaves whole',
    reason: 'split-number rule',
    steps: [
      { customer: '4111', expect: 'unchanged' },
      { customer: '1111', expect: 'unchanged' },
      { customer: '1111', expect: 'removed', kinds: ['card'] },
      { customer: '1111', expect: 'removed', kinds: ['card'] },
    ],
  },
  {
    name: 'a card split in two with filler words',
    reason: 'split-number rule, fillers allowed',
    steps: [
      { customer: 'my card 4111 1111', expect: 'unchanged' },
      { customer: 'then 1111 1111', expect: 'removed', kinds: ['card'] },
    ],
  },
  {
    name: 'a sentence between parts does not end the run',
    reason: 'every number of the window counts, whatever is written between the parts (issue 21)',
    steps: [
      { customer: 'my card starts 4111 1111', expect: 'unchanged' },
      { customer: 'I was charged twice for it yesterday at the store', expect: 'unchanged' },
      { customer: '4111 1111', expect: 'removed', kinds: ['card'], secret: '41111111' },
    ],
  },
  {
    name: 'numbers count whatever digit they start with',
    reason: 'an agent knows which network the card is (every Amex starts with 34 or 37): the rest counts',
    steps: [
      { customer: '1800', expect: 'unchanged' },
      { customer: '9400', expect: 'unchanged' },
      { customer: '12', expect: 'unchanged' },
      { customer: '0815', expect: 'removed', kinds: ['card'], secret: '0815' },
    ],
  },
];
