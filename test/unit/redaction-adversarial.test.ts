import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRedactor, redact } from '../../src/redaction/index.js';
import { assertInvariant } from './redaction-helpers.js';

/**
 * Inputs built to make a regex engine backtrack, or a naive scanner go quadratic. Each is
 * timed at n and 4n characters: linear code takes about 4× as long; the assertion allows 8×
 * (machines are noisy) and never looks at absolute milliseconds.
 */
const ADVERSARIAL: { name: string; make: (n: number) => string }[] = [
  { name: 'digits separated by single spaces ("1 1 1 …")', make: (n) => '1 '.repeat(n / 2) },
  { name: 'IIN digits separated by dashes ("4-4-4 …")', make: (n) => '4-'.repeat(n / 2) },
  { name: 'one endless digit run', make: (n) => '4'.repeat(n) },
  { name: 'digits with a separator everywhere', make: (n) => '4 - . / '.repeat(n / 8) },
  { name: 'test cards back to back', make: (n) => '4111 1111 1111 1111 '.repeat(n / 20) },
  { name: 'card groups with double separators', make: (n) => '3782 -822463- '.repeat(n / 14) },
  { name: '"password password password …"', make: (n) => 'password '.repeat(n / 9) },
  { name: '"password is password is …"', make: (n) => 'password is '.repeat(n / 12) },
  { name: 'glued cue chain "pw:pw:pw:…"', make: (n) => 'pw:'.repeat(n / 3) },
  { name: '"code code code …"', make: (n) => 'code '.repeat(n / 5) },
  { name: '"cvv 1 cvv 1 …"', make: (n) => 'cvv 1 '.repeat(n / 6) },
  { name: 'long runs of zero-width characters', make: (n) => '\u200b'.repeat(n) },
  { name: 'digits interleaved with zero-width characters', make: (n) => '4\u200b'.repeat(n / 2) },
  { name: 'SSN-like chains "123-45-123-45-…"', make: (n) => '123-45-'.repeat(n / 7) },
  { name: 'phone-like chains', make: (n) => '555-123-'.repeat(n / 8) },
  { name: 'an unclosed quote after "password is"', make: (n) => 'password is "' + 'a '.repeat(n / 2) },
  { name: 'filler words between digits', make: (n) => '4 and '.repeat(n / 6) },
  { name: 'combining marks on digits', make: (n) => '4\u0301'.repeat(n / 2) },
  { name: 'Arabic-Indic digits with spaces', make: (n) => '٤ '.repeat(n / 2) },
  { name: 'placeholder-looking text "[code removed" …', make: (n) => '[code remove'.repeat(n / 12) },
  { name: 'one very long word', make: (n) => 'a'.repeat(n) },
  { name: 'number words "three seven …"', make: (n) => 'three seven '.repeat(n / 12) },
  { name: '"double five double five …"', make: (n) => 'double five '.repeat(n / 12) },
  { name: 'digits and words "4111 one …"', make: (n) => '4111 one '.repeat(n / 9) },
  { name: 'look-alikes glued to digits "1O1O…"', make: (n) => '1O'.repeat(n / 2) },
  { name: 'look-alike words joined by dashes "4lll-llll-…"', make: (n) => '4lll-llll-'.repeat(n / 10) },
  { name: '"oh" after digits "4 oh 4 oh …"', make: (n) => '4 oh '.repeat(n / 5) },
  { name: 'dingbat digits "➌➌➌…"', make: (n) => '➌'.repeat(n) },
  { name: 'Spanish number words "cuatro uno …"', make: (n) => 'cuatro uno '.repeat(n / 11) },
  { name: 'amounts "$4,111.11 $4,111.11 …"', make: (n) => '$4,111.11 '.repeat(n / 10) },
  { name: 'phone numbers "378-282-2463 …"', make: (n) => '378-282-2463 '.repeat(n / 13) },
  { name: 'spaced look-alike words "llll llll …"', make: (n) => 'llll '.repeat(n / 5) },
  { name: 'lone look-alikes "l l l …"', make: (n) => 'l '.repeat(n / 2) },
  { name: 'number words joined by marks "three.seven.…"', make: (n) => 'three.seven.'.repeat(n / 12) },
  { name: 'compound numbers "three hundred three hundred …"', make: (n) => 'three hundred '.repeat(n / 14) },
  { name: 'ideographic numerals "三七三七…"', make: (n) => '三七'.repeat(n / 2) },
];

function timeOf(fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe('redaction under adversarial input', () => {
  for (const { name, make } of ADVERSARIAL) {
    it(`stays linear on ${name}`, () => {
      const small = make(64 * 1024);
      const large = make(256 * 1024);
      redact(small); // warm up
      redact(large);
      // 4× the input may take up to 8× the time (linear here measures 4–6×; quadratic is 16×).
      // A ratio over 8 is measured again, up to four times, before it counts: other test files
      // run at the same time on the same cores, and a busy stretch can inflate a best-of-5 (a
      // quadratic input stays at 16× however often it is measured).
      const measure = (): { tSmall: number; tLarge: number } => ({
        tSmall: Math.max(
          timeOf(() => redact(small)),
          1,
        ),
        tLarge: timeOf(() => redact(large)),
      });
      let { tSmall, tLarge } = measure();
      for (let again = 0; again < 4 && tLarge > 8 * tSmall; again++) ({ tSmall, tLarge } = measure());
      assert.ok(
        tLarge <= 8 * tSmall,
        `${name}: ${tSmall.toFixed(1)} ms at 64 KB, ${tLarge.toFixed(1)} ms at 256 KB`,
      );
      assertInvariant(large, redact(large));
    });
  }

  it('masks every card in a megabyte of back-to-back cards', () => {
    const text = '4111 1111 1111 1111 '.repeat(50_000);
    const r = redact(text);
    assert.equal(r.findings.filter((f) => f.kind === 'card').length, 50_000);
    assert.ok(!/\d{5}/.test(r.text.replace(/\s/g, '')), 'only last fours remain');
  });

  it('keeps the secrets out of a megabyte of mixed noise', () => {
    const noise = 'lorem 12 ipsum $4.50 on 08/15 '.repeat(20_000);
    const text = `${noise} my card 3782 822463 10005 and cvv 7294 ${noise}`;
    const r = redact(text);
    assertInvariant(text, r);
    assert.ok(!r.text.includes('822463') && !r.text.includes('7294'));
    assert.deepEqual([...new Set(r.findings.map((f) => f.kind))].sort(), ['card', 'cvv']);
  });

  it('a redactor survives megabyte messages and keeps working', () => {
    const redactor = createRedactor();
    redactor.observe('What is the security code?'.repeat(10_000));
    redactor.redact('1 '.repeat(500_000));
    redactor.observe('What is the security code on the back?');
    assert.equal(redactor.redact('839').text, '[code removed]');
  });

  it('handles lone surrogates and control characters', () => {
    const text = '\ud800 4111\udfff 1111 \u0000 1111 1111 \u0007 cvv\ud83d 123';
    const r = redact(text);
    assertInvariant(text, r);
    assert.ok(!r.text.includes('123'));
    assert.ok(
      r.findings.some((f) => f.kind === 'card'),
      'lone surrogates do not hide a card',
    );
  });
});
