/**
 * Property tests of the split-number guarantee (issue 21): a card number of any network, or an
 * SSN, typed in random pieces, each written in a random form (digits with separators, look-alike
 * letters, Unicode digit forms, number words in English or Spanish, mixes), with random ordinary
 * messages between the pieces, never has more digits out than a "first six + last four"
 * display (an SSN: five). What left is read back by test/unit/digit-reader.ts, never by the
 * engine.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createRedactor } from '../../src/redaction/index.js';
import { DIGIT_ZEROS, pan } from './cards.js';
import { digitsOfSecretIn, readDigitString } from './digit-reader.js';

const EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const ES = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'];
/** Characters with a digit's value that are not decimal digits, by digit (null: none for that digit). */
const FORMS: (readonly (string | null)[])[] = [
  ['⓪', '①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨'],
  ['⓿', '❶', '❷', '❸', '❹', '❺', '❻', '❼', '❽', '❾'],
  ['🄋', '➀', '➁', '➂', '➃', '➄', '➅', '➆', '➇', '➈'],
  ['🄌', '➊', '➋', '➌', '➍', '➎', '➏', '➐', '➑', '➒'],
  [null, '⑴', '⑵', '⑶', '⑷', '⑸', '⑹', '⑺', '⑻', '⑼'],
  ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'],
];

type Form = 'digits' | 'lookalike' | 'unicode' | 'words-en' | 'words-es' | 'mixed';

/** One piece of a secret written in a form (its digits are `d`, ASCII). */
function write(d: string, form: Form, pick: number[]): string {
  const r = (i: number): number => pick[i % pick.length] ?? 0;
  switch (form) {
    case 'digits': {
      // A space or a dash inside a long piece, as people group digits.
      if (d.length < 6 || r(0) % 3 === 0) return d;
      const at = 2 + (r(1) % (d.length - 3));
      return d.slice(0, at) + (r(2) % 2 === 0 ? ' ' : '-') + d.slice(at);
    }
    case 'lookalike': {
      // Letters for 0 and 1; a piece of zeros and ones may be letters alone ("llllll", "I").
      const firstReal = d.split('').findIndex((c) => c !== '0' && c !== '1');
      return d
        .split('')
        .map((c, i) => {
          if (i === firstReal) return c;
          if (c === '0') return r(i) % 2 === 0 ? 'O' : 'o';
          if (c === '1') return ['l', 'I', '|'][r(i) % 3] ?? 'l';
          return c;
        })
        .join('');
    }
    case 'unicode':
      return d
        .split('')
        .map((c, i) => {
          const v = Number(c);
          if (r(i) % 3 === 0)
            return String.fromCodePoint((DIGIT_ZEROS[r(i + 1) % DIGIT_ZEROS.length] ?? 48) + v);
          return FORMS[r(i + 2) % FORMS.length]?.[v] ?? String.fromCodePoint(0xff10 + v);
        })
        .join('');
    case 'words-en':
    case 'words-es': {
      const words = form === 'words-en' ? EN : ES;
      const out: string[] = [];
      for (let i = 0; i < d.length; i++) {
        // "double five" for a repeated digit, sometimes; "oh" for a zero after a number in English.
        if (i + 1 < d.length && d[i] === d[i + 1] && r(i) % 4 === 0) {
          out.push(`${form === 'words-en' ? 'double' : 'doble'} ${words[Number(d[i])] ?? ''}`);
          i++;
        } else if (form === 'words-en' && d[i] === '0' && i > 0 && r(i) % 3 === 0) out.push('oh');
        else out.push(words[Number(d[i])] ?? '');
      }
      return out.join(' ');
    }
    case 'mixed':
      // Digits, then words, then digits: "4111 one one one one 1111".
      return d
        .split('')
        .map((c, i) => (r(i) % 3 === 0 ? (EN[Number(c)] ?? c) : c))
        .join(' ')
        .replace(/(\d) (?=\d)/g, '$1');
  }
}

/** What a customer writes around a piece: nothing, a filler, or a short lead-in. */
const AROUND: [string, string][] = [
  ['', ''],
  ['ok ', ''],
  ['then ', ''],
  ['', ' thanks'],
  ['the rest is ', ''],
  ['next: ', ''],
  ['y luego ', ''],
  ['and ', ' please'],
];

/** Ordinary messages between the pieces, some with numbers of their own. */
const BETWEEN = [
  'ok',
  'hold on',
  'what is my balance?',
  "I'm on the train, sorry",
  'the charge was $127.43 on 08/15',
  'is that enough?',
  'un momento por favor',
  'my zip is 10001',
  'it was at Starbucks',
  'I called 3 times already',
  'gracias',
  'can you see it?',
];

const FORM_LIST: Form[] = ['digits', 'lookalike', 'unicode', 'words-en', 'words-es', 'mixed'];

/** A secret cut into pieces, each written in a form, with ordinary messages between. */
function splitConversation(digits: fc.Arbitrary<string>, maxPieces: number) {
  return fc
    .record({
      secret: digits,
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: 18 }), { minLength: 1, maxLength: maxPieces - 1 }),
      forms: fc.array(fc.constantFrom(...FORM_LIST), { minLength: maxPieces, maxLength: maxPieces }),
      around: fc.array(fc.nat(AROUND.length - 1), { minLength: maxPieces, maxLength: maxPieces }),
      between: fc.array(fc.array(fc.constantFrom(...BETWEEN), { maxLength: 3 }), {
        minLength: maxPieces,
        maxLength: maxPieces,
      }),
      pick: fc.array(fc.nat(1000), { minLength: 19, maxLength: 19 }),
      minutes: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 40, maxLength: 40 }),
    })
    .map(({ secret, cuts, forms, around, between, pick, minutes }) => {
      const points = [...new Set(cuts.filter((c) => c < secret.length))].sort((a, b) => a - b);
      const pieces: string[] = [];
      let at = 0;
      for (const p of [...points, secret.length]) {
        pieces.push(secret.slice(at, p));
        at = p;
      }
      const steps: { text: string; piece: boolean }[] = [];
      pieces.forEach((piece, i) => {
        const [before, after] = AROUND[around[i] ?? 0] ?? ['', ''];
        steps.push({ text: before + write(piece, forms[i] ?? 'digits', pick) + after, piece: true });
        for (const m of between[i] ?? []) steps.push({ text: m, piece: false });
      });
      return { secret, steps, minutes };
    });
}

/** Runs the steps through one redactor on a fake clock; returns what left, read as digits. */
function leftDigits(conv: { steps: { text: string; piece: boolean }[]; minutes: number[] }): {
  pieces: string;
  all: string;
} {
  let clock = Date.UTC(2026, 11, 6, 12);
  const redactor = createRedactor({ now: () => clock });
  let pieces = '';
  let all = '';
  conv.steps.forEach((step, i) => {
    clock += (conv.minutes[i % conv.minutes.length] ?? 0) * 60_000;
    const out = redactor.redact(step.text).text;
    const read = readDigitString(out);
    all += read;
    if (step.piece) pieces += read;
  });
  return { pieces, all };
}

describe('split-number guarantee (property)', () => {
  it('a card in random pieces and forms, with messages between, never has more than ten digits out', () => {
    fc.assert(
      fc.property(splitConversation(pan, 6), (conv) => {
        const { pieces, all } = leftDigits(conv);
        const shown = digitsOfSecretIn(conv.secret, pieces);
        assert.ok(
          shown <= 10,
          `${shown} digits of ${conv.secret} left: ${JSON.stringify(conv.steps.map((s) => s.text))}`,
        );
        assert.ok(!all.includes(conv.secret), `the whole card left: ${all}`);
      }),
      { numRuns: 1500 },
    );
  });

  it('an SSN in parts (536-22 then -8194, three bare parts, or named) never has more than five digits out', () => {
    const ssn = fc
      .tuple(
        fc.integer({ min: 1, max: 899 }).filter((a) => a !== 666),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 9999 }),
      )
      .map(([a, g, s]) => [
        String(a).padStart(3, '0'),
        String(g).padStart(2, '0'),
        String(s).padStart(4, '0'),
      ]);
    const shape = fc.constantFrom<'dash' | 'three' | 'named' | 'spelled'>(
      'dash',
      'three',
      'named',
      'spelled',
    );
    fc.assert(
      fc.property(
        ssn,
        shape,
        fc.array(fc.array(fc.constantFrom(...BETWEEN), { maxLength: 2 }), { minLength: 3, maxLength: 3 }),
        (parts, how, between) => {
          const [area, group, serial] = parts as [string, string, string];
          const words = (d: string): string =>
            d
              .split('')
              .map((c) => EN[Number(c)])
              .join(' ');
          const messages =
            how === 'dash'
              ? [`${area}-${group}`, `-${serial}`]
              : how === 'three'
                ? [area, group, serial]
                : how === 'named'
                  ? [`my ssn starts ${area}`, group, serial]
                  : [`my social is ${words(area)}`, words(group), words(serial)];
          const steps: { text: string; piece: boolean }[] = [];
          messages.forEach((m, i) => {
            steps.push({ text: m, piece: true });
            for (const b of between[i] ?? []) steps.push({ text: b, piece: false });
          });
          const secret = area + group + serial;
          const { pieces } = leftDigits({ steps, minutes: [1] });
          const shown = digitsOfSecretIn(secret, pieces);
          assert.ok(shown <= 5, `${shown} digits of ${secret} left: ${JSON.stringify(messages)}`);
        },
      ),
      { numRuns: 800 },
    );
  });
});
