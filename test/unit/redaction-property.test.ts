import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { check, createRedactor, redact, summarize } from '../../src/redaction/index.js';
import { assertGone, assertInvariant, digitsWithOffsets } from './redaction-helpers.js';

/**
 * Card networks as the test knows them (written independently of src/redaction/rules/card.ts):
 * ranges of leading digits and the lengths issued.
 */
const NETWORKS: { name: string; ranges: [string, string][]; lengths: number[] }[] = [
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

function luhnCheckDigit(body: string): string {
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

function luhnValid(digits: string): boolean {
  return luhnCheckDigit(digits.slice(0, -1)) === digits.slice(-1);
}

/** Is `digits` a card by the test's own table (IIN range + length + Luhn)? */
function isCard(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19 || !luhnValid(digits)) return false;
  return NETWORKS.some(
    (n) =>
      n.lengths.includes(digits.length) &&
      n.ranges.some(([lo, hi]) => digits.slice(0, lo.length) >= lo && digits.slice(0, hi.length) <= hi),
  );
}

const digitString = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((a) => a.join(''));

/** A valid card number of any network, IIN and length. */
const pan = fc
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
const DIGIT_ZEROS = [
  0x30, 0xff10, 0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0be6, 0x0e50, 0x0ed0, 0x1040, 0x17e0, 0x1810,
  0x1d7ce, 0x1d7d8, 0x1d7f6, 0x07c0, 0xa8d0, 0x1e950,
];
const SEPARATORS = [
  ' ',
  '-',
  '.',
  '/',
  '\n',
  '\t',
  '  ',
  ' - ',
  '\u2013',
  '\u00a0',
  '\u3000',
  '_',
  '|',
  '\r\n',
  '\u2212',
];
const INVISIBLE = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202c',
  '\u2066',
  '\u2069',
  '\u180e',
  '\u034f',
  '\ufe0f',
];
const WORDS = [
  'my',
  'card',
  'is',
  'here',
  'please',
  'thanks',
  'number',
  'the',
  'tarjeta',
  'mi',
  'es',
  'hola',
  'ok',
  'Amex',
  'acct',
  'ref',
];

/** A card written as a person might: grouping, separators, digit scripts, invisible characters, text around. */
const writtenCard = fc
  .record({
    pan,
    style: fc.constantFrom('standard', 'none', 'random'),
    cuts: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 19, maxLength: 19 }),
    sep: fc.constantFrom(...SEPARATORS),
    mixedSeps: fc.boolean(),
    sepPicks: fc.array(fc.nat(SEPARATORS.length - 1), { minLength: 19, maxLength: 19 }),
    zeros: fc.array(fc.constantFrom(...DIGIT_ZEROS), { minLength: 19, maxLength: 19 }),
    oneScript: fc.boolean(),
    invisible: fc.array(fc.option(fc.constantFrom(...INVISIBLE), { freq: 4 }), {
      minLength: 19,
      maxLength: 19,
    }),
    before: fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }),
    after: fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }),
    glued: fc.boolean(),
    punct: fc.constantFrom('', '.', '!', ')', '"'),
  })
  .map((r) => {
    const d = r.pan;
    let sizes: number[];
    if (r.style === 'none') sizes = [d.length];
    else if (r.style === 'standard')
      sizes =
        d.length === 15
          ? [4, 6, 5]
          : d.length === 14
            ? [4, 6, 4]
            : [4, 4, 4, 4, 3].slice(0, Math.ceil(d.length / 4));
    else {
      sizes = [];
      let left = d.length;
      for (const c of r.cuts) {
        if (left <= 0) break;
        sizes.push(Math.min(c, left));
        left -= c;
      }
    }
    let out = '';
    let at = 0;
    sizes.forEach((size, g) => {
      if (g > 0) out += r.mixedSeps ? SEPARATORS[r.sepPicks[g]!]! : r.sep;
      for (let i = 0; i < size && at < d.length; i++, at++) {
        const zero = r.oneScript ? r.zeros[0]! : r.zeros[at]!;
        out += String.fromCodePoint(zero + Number(d[at]));
        const inv = r.invisible[at];
        if (inv !== null && inv !== undefined && at < d.length - 1) out += inv;
      }
    });
    const before = r.before.join(' ');
    const after = r.after.join(' ');
    const text = (before ? before + (r.glued ? '' : ' ') : '') + out + r.punct + (after ? ' ' + after : '');
    return { pan: d, text };
  });

describe('redaction properties', () => {
  it('removes every valid card number however it is written (only the last four may remain)', () => {
    fc.assert(
      fc.property(writtenCard, ({ pan: digits, text }) => {
        const r = redact(text);
        assertInvariant(text, r);
        assert.ok(
          r.findings.some((f) => f.kind === 'card'),
          `missed ${JSON.stringify(text)}`,
        );
        assertGone(text, r, digits, ['card']);
        // No 13+ digit run of the card survives, in any script.
        const shown = digitsWithOffsets(r.text).digits;
        assert.ok(!shown.includes(digits.slice(0, 13)) && !shown.includes(digits.slice(-13)));
      }),
      { numRuns: 1500 },
    );
  });

  it('removes two cards in one message', () => {
    fc.assert(
      fc.property(pan, pan, fc.constantFrom(' and ', '\n', ', ', ' / '), (a, b, sep) => {
        const text = `${a}${sep}${b}`;
        const r = redact(text);
        assertGone(text, r, a, ['card']);
        assertGone(text, r, b, ['card']);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves benign chat text unchanged', () => {
    const word = fc.constantFrom(
      'hi',
      'hello',
      'thanks',
      'I',
      'was',
      'charged',
      'on',
      'at',
      'for',
      'the',
      'my',
      'statement',
      'shows',
      'twice',
      'please',
      'help',
      'refund',
      'dispute',
      'merchant',
      'store',
      'online',
      'yesterday',
      'today',
      'hola',
      'gracias',
      'cargo',
      'tienda',
      'ayer',
      'hoy',
      'favor',
      'Starbucks',
      'Uber',
      'Delta',
      'Target',
      'Costco',
      'ok',
      'and',
      'or',
      'a',
      'charge',
      'of',
      'from',
      'to',
      'order',
      'flight',
      'case',
      'call',
      'me',
      "Joe's",
      'Pizza',
      '¿qué',
      'pasó?',
    );
    const two = fc.integer({ min: 1, max: 12 }).map((n) => String(n).padStart(2, '0'));
    const amount = fc
      .tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99 }), fc.boolean())
      .map(([d, c, comma]) => `$${comma ? d.toLocaleString('en-US') : d}.${String(c).padStart(2, '0')}`);
    const date = fc
      .tuple(two, two, fc.option(fc.integer({ min: 1990, max: 2035 })))
      .map(([m, d, y]) => (y === null ? `${m}/${d}` : `${m}/${d}/${y}`));
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`);
    const phone = fc
      .tuple(
        digitString(3, 3),
        digitString(3, 3),
        digitString(4, 4),
        fc.constantFrom('dash', 'paren', 'dots', 'tollfree', 'intl'),
      )
      .map(([a, b, c, style]) =>
        style === 'dash'
          ? `${a}-${b}-${c}`
          : style === 'paren'
            ? `(${a}) ${b}-${c}`
            : style === 'dots'
              ? `${a}.${b}.${c}`
              : style === 'tollfree'
                ? `1-800-${b}-${c}`
                : `+1 ${a} ${b} ${c}`,
      );
    // Bare numbers count toward the split-number budget (a card may be typed in parts around
    // words, test/unit/redaction-evasion*.test.ts): here numbers say what they count.
    const short = fc
      .tuple(fc.integer({ min: 0, max: 999 }), fc.constantFrom('times', 'minutes', 'days', 'cards', 'points'))
      .map(([n, unit]) => `${n} ${unit}`);
    const orderNo = fc
      .tuple(
        fc.constantFrom('order #', 'order ', 'case ', 'ref ', 'tracking ', 'confirmation '),
        digitString(6, 22),
      )
      .filter(([, d]) => !isCard(d))
      .map(([p, d]) => p + d);
    const ups = digitString(16, 16).map((d) => `1Z${d.slice(0, 6)}AB${d.slice(6, 14)}`);
    const piece = fc.oneof(amount, date, time, phone, short, orderNo, ups);
    const sentence = fc
      .array(fc.tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.option(piece)), {
        minLength: 1,
        maxLength: 8,
      })
      .map((parts) => parts.map(([ws, p]) => ws.join(' ') + (p === null ? '' : ' ' + p)).join(' ') + '.');
    fc.assert(
      fc.property(sentence, (text) => {
        const r = redact(text);
        assertInvariant(text, r);
        assert.equal(r.text, text, `changed: ${JSON.stringify(text)} → ${JSON.stringify(r.text)}`);
        assert.deepEqual(r.findings, []);
      }),
      { numRuns: 1500 },
    );
  });

  it('never lets more than ten digits of a card out when it is split over 2–5 messages', () => {
    const split = fc.record({
      pan,
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: 18 }), { minLength: 1, maxLength: 4 }),
      filler: fc.array(fc.constantFrom('', 'then ', 'and ', 'ok ', ''), { minLength: 5, maxLength: 5 }),
      sep: fc.constantFrom(' ', '-', ''),
      preview: fc.boolean(),
    });
    fc.assert(
      fc.property(split, ({ pan: digits, cuts, filler, sep, preview }) => {
        const points = [...new Set(cuts.filter((c) => c < digits.length))].sort((a, b) => a - b);
        const parts: string[] = [];
        let at = 0;
        for (const p of [...points, digits.length]) {
          parts.push(digits.slice(at, p));
          at = p;
        }
        fc.pre(parts.length >= 2);
        const redactor = createRedactor();
        let leaked = 0;
        parts.forEach((part, i) => {
          const body = part.length > 4 ? part.slice(0, 2) + sep + part.slice(2) : part;
          const msg = filler[i]! + body;
          if (preview) redactor.preview(msg);
          const r = redactor.redact(msg);
          assertInvariant(msg, r);
          const { offsets } = digitsWithOffsets(msg);
          leaked += offsets.filter((o) => !r.findings.some((f) => f.start <= o && o < f.end)).length;
        });
        assert.ok(leaked <= 10, `${leaked} digits of ${digits} left in ${JSON.stringify(parts)}`);
      }),
      { numRuns: 1500 },
    );
  });

  it('preview never changes what redact does next', () => {
    const msg = fc.oneof(digitString(1, 8), fc.constantFrom('thanks', 'ok', 'the code is 482917', '1005'));
    fc.assert(
      fc.property(fc.array(fc.tuple(msg, fc.boolean()), { minLength: 1, maxLength: 8 }), (steps) => {
        const a = createRedactor();
        const b = createRedactor();
        for (const [m, peek] of steps) {
          if (peek) a.preview(m + '12345');
          assert.deepEqual(a.redact(m), b.redact(m));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps its invariants on arbitrary text: findings empty ⇔ unchanged, sorted, idempotent', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.string({ unit: fc.constantFrom(...'0123456789 -./\n:$#cvvcodepinssn'.split('')), maxLength: 60 }),
      writtenCard.map((c) => c.text),
    );
    fc.assert(
      fc.property(text, fc.constantFrom<'en' | 'es'>('en', 'es'), (t, lang) => {
        const r = redact(t, { lang });
        assertInvariant(t, r);
        assert.deepEqual(check(t), r.findings, 'check agrees with redact');
        assert.deepEqual(
          redact(r.text, { lang }).findings,
          [],
          `not idempotent: ${JSON.stringify(t)} → ${JSON.stringify(r.text)}`,
        );
        const s = summarize(r.findings);
        assert.equal(s.count, r.findings.length);
        assert.deepEqual(new Set(s.kinds), new Set(r.findings.map((f) => f.kind)));
      }),
      { numRuns: 2000 },
    );
  });
});
