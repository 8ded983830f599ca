/**
 * Valid card numbers and digit forms for the property tests, written independently of
 * src/redaction/rules/card.ts and src/redaction/normalize.ts.
 */
import fc from 'fast-check';

/**
 * Card networks as the test knows them (written independently of src/redaction/rules/card.ts):
 * ranges of leading digits and the lengths issued.
 */
export const NETWORKS: { name: string; ranges: [string, string][]; lengths: number[] }[] = [
  {
    name: 'amex',
    ranges: [
      ['34', '34'],
      ['37', '37'],
    ],
    lengths: [15],
  },
  { name: 'visa', ranges: [['4', '4']], lengths: [13, 16, 19] },
  {
    name: 'mastercard',
    ranges: [
      ['51', '55'],
      ['2221', '2720'],
    ],
    lengths: [16],
  },
  {
    name: 'discover',
    ranges: [
      ['6011', '6011'],
      ['644', '649'],
      ['65', '65'],
      ['622126', '622925'],
    ],
    lengths: [16, 17, 18, 19],
  },
  { name: 'jcb', ranges: [['3528', '3589']], lengths: [16, 17, 18, 19] },
  {
    name: 'diners',
    ranges: [
      ['300', '305'],
      ['3095', '3095'],
      ['36', '36'],
      ['38', '39'],
    ],
    lengths: [14, 15, 16, 17, 18, 19],
  },
  { name: 'unionpay', ranges: [['62', '62']], lengths: [16, 17, 18, 19] },
  {
    name: 'maestro',
    ranges: [
      ['5018', '5018'],
      ['5020', '5020'],
      ['5038', '5038'],
      ['5893', '5893'],
      ['6304', '6304'],
      ['6759', '6759'],
      ['6761', '6763'],
    ],
    lengths: [13, 14, 15, 16, 17, 18, 19],
  },
  { name: 'dankort', ranges: [['5019', '5019']], lengths: [16] },
  { name: 'mir', ranges: [['2200', '2204']], lengths: [16, 17, 18, 19] },
  {
    name: 'rupay',
    ranges: [
      ['60', '60'],
      ['508', '508'],
    ],
    lengths: [16],
  },
  { name: 'troy', ranges: [['9792', '9792']], lengths: [16] },
  {
    name: 'verve',
    ranges: [
      ['506099', '506198'],
      ['650002', '650027'],
    ],
    lengths: [16, 18, 19],
  },
  { name: 'interpayment', ranges: [['636', '636']], lengths: [16, 17, 18, 19] },
  { name: 'instapayment', ranges: [['637', '639']], lengths: [16] },
];

export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function luhnValid(digits: string): boolean {
  return luhnCheckDigit(digits.slice(0, -1)) === digits.slice(-1);
}

/** Is `digits` a card by the test's own table (IIN range + length + Luhn)? */
export function isCard(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19 || !luhnValid(digits)) return false;
  return NETWORKS.some(
    (n) =>
      n.lengths.includes(digits.length) &&
      n.ranges.some(([lo, hi]) => digits.slice(0, lo.length) >= lo && digits.slice(0, hi.length) <= hi),
  );
}

export const digitString = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((a) => a.join(''));

/** A valid card number of any network, IIN and length. */
export const pan = fc
  .record({
    network: fc.constantFrom(...NETWORKS),
    pick: fc.nat(),
    len: fc.nat(),
    fill: digitString(19, 19),
  })
  .map(({ network, pick, len, fill }) => {
    const [lo, hi] = network.ranges[pick % network.ranges.length]!;
    const prefix = String(Number(lo) + (pick % (Number(hi) - Number(lo) + 1))).padStart(lo.length, '0');
    const length = network.lengths[len % network.lengths.length]!;
    const body = (prefix + fill).slice(0, length - 1);
    return body + luhnCheckDigit(body);
  });

/** Zeros of Unicode digit blocks (any \p{Nd} run). */
export const DIGIT_ZEROS = [
  0x30, 0xff10, 0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0be6, 0x0e50, 0x0ed0, 0x1040, 0x17e0, 0x1810,
  0x1d7ce, 0x1d7d8, 0x1d7f6, 0x07c0, 0xa8d0, 0x1e950,
];
