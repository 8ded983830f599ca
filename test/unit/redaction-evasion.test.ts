/**
 * The evasions an independent review used to get secrets past the redaction (issue 21): each
 * case went to the server unredacted. What left is read back as a person would read it
 * (digit-reader.ts: any digit form, number words, look-alike letters), never through the engine.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check, createRedactor, redact } from '../../src/redaction/index.js';
import type { SensitiveKind } from '../../src/redaction/index.js';
import { digitsOfSecretIn, readDigitString } from './digit-reader.js';

const AMEX = '378282246310005';
const VISA = '4111111111111111';

/** Sends `messages` through one redactor; returns what left, read as digits, and the kinds found. */
function conversation(messages: string[], agent: string[] = []): { left: string; kinds: Set<SensitiveKind> } {
  const r = createRedactor();
  for (const a of agent) r.observe(a);
  let left = '';
  const kinds = new Set<SensitiveKind>();
  for (const m of messages) {
    const out = r.redact(m);
    for (const f of out.findings) kinds.add(f.kind);
    left += readDigitString(out.text);
  }
  return { left, kinds };
}

function assertAtMost(secret: string, messages: string[], max: number, agent: string[] = []): void {
  const { left } = conversation(messages, agent);
  const n = digitsOfSecretIn(secret, left);
  assert.ok(n <= max, `${n} digits of ${secret} left from ${JSON.stringify(messages)}: ${left}`);
}

describe('evasions from the review (issue 21)', () => {
  it('a card in parts with ordinary messages between them', () => {
    assertAtMost(AMEX, ['3782 822463', 'ok', '10005'], 10);
    assertAtMost(AMEX, ['3782', 'what is my balance?', '822463', "I'm on the train", '10005'], 10);
  });

  it('numbers that say what they are leave uncounted (the limit docs/redaction.md states)', () => {
    // Explained numbers are outside the ten-digit budget while at most two plain digits are
    // out: counting them would change 58 % of realistic conversations (docs/redaction.md).
    const { left, kinds } = conversation(['my phone is 212-555-0148', 'zip 10005']);
    assert.equal(left, '212555014810005');
    assert.equal(kinds.size, 0);
    // Once a part is typed as a plain number, what follows counts, explained or not.
    assertAtMost(AMEX, ['3782 822463', 'my zip is 10005'], 10);
  });

  it('a card split inside one message by words', () => {
    assertAtMost(AMEX, ['first 378282 last 246310005'], 10);
  });

  it('look-alike letters in a card', () => {
    for (const text of ['37828224631OOO5', '3782822463lOOO5', '4lll-llll-llll-llll', '3782 822463 1OOO5']) {
      const r = redact(text);
      assert.ok(
        r.findings.some((f) => f.kind === 'card'),
        `missed ${text}`,
      );
      assert.ok(digitsOfSecretIn(text.startsWith('4') ? VISA : AMEX, readDigitString(r.text)) <= 4, r.text);
    }
  });

  it('digit forms that are not decimal digits', () => {
    const dingbats = '➌➐➑➋➑➋➋➍➏➌➊⓿⓿⓿➎';
    const circled = '③⑦⑧② ⑧②②④⑥③ ①⓪⓪⓪⑤';
    const parenthesised = '⑶⑺⑻⑵⑻⑵⑵⑷⑹⑶⑴⓪⓪⓪⑸';
    for (const text of [dingbats, circled, parenthesised]) {
      const r = redact(text);
      assert.ok(
        r.findings.some((f) => f.kind === 'card'),
        `missed ${text}`,
      );
      assert.ok(digitsOfSecretIn(AMEX, readDigitString(r.text)) <= 4, r.text);
    }
  });

  it('spelled-out numbers, English and Spanish', () => {
    const cases: [string, SensitiveKind, string][] = [
      ['three seven eight two eight two two four six three one zero zero zero five', 'card', AMEX],
      ['cuatro uno uno uno uno uno uno uno uno uno uno uno uno uno uno uno', 'card', VISA],
      ['4111 one one one one 1111 1111', 'card', VISA],
      ['my social security number is five three six two two eight one nine four', 'ssn', '536228194'],
      ['cvv is four eight two one', 'cvv', '4821'],
      ['OTP five eight three nine two zero', 'otp', '583920'],
      ['my card is three seven eight two, eight two two four six three, one oh oh oh five', 'card', AMEX],
      ['four one double one, one one one one, one one one one, one triple one', 'card', VISA],
      ['mi tarjeta es cuatro uno uno uno uno uno uno uno uno uno uno uno uno uno uno uno', 'card', VISA],
    ];
    for (const [text, kind, secret] of cases) {
      const r = redact(text);
      assert.ok(
        r.findings.some((f) => f.kind === kind),
        `missed ${kind} in ${text}: ${r.text}`,
      );
      const allowed = kind === 'card' ? 4 : 0;
      assert.ok(digitsOfSecretIn(secret, readDigitString(r.text)) <= allowed, `${text} → ${r.text}`);
    }
  });

  it('everyday password phrasings', () => {
    const cases: [string, string][] = [
      ['pass Tr0ub4dor&3x!', 'Tr0ub4dor&3x!'],
      ['login Tr0ub4dor&3x! please', 'Tr0ub4dor&3x!'],
      ['pwd Tr0ub4dor&3x!', 'Tr0ub4dor&3x!'],
      ['the temporary password you gave me was Kx7-pq2!', 'Kx7-pq2!'],
      ['my password, Tr0ub4dor&3x!', 'Tr0ub4dor&3x!'],
      ['my password, which I changed last week, is Tr0ub4dor&3x!', 'Tr0ub4dor&3x!'],
      ['my password is correct horse battery staple', 'correct horse battery staple'],
      ['mi contraseña temporal es Gato-2024!', 'Gato-2024!'],
      ['clave: Gato-2024!', 'Gato-2024!'],
    ];
    for (const [text, secret] of cases) {
      const r = redact(text);
      assert.ok(!r.text.includes(secret), `${text} → ${r.text}`);
      assert.ok(
        r.findings.some((f) => f.kind === 'password'),
        `${text}: ${JSON.stringify(r.findings)}`,
      );
    }
    for (const text of [
      'password reset',
      'forgot my password',
      'my password is not working',
      'I changed my password yesterday',
    ])
      assert.equal(redact(text).text, text);
  });

  it('"the number on the back of your card" is not a question for the security code', () => {
    const r = createRedactor();
    r.observe('For fraud happening now, call the number on the back of your card.');
    assert.deepEqual(check('4821', r), []);
  });
});

describe('evasions from a second, independent probe (issue 21)', () => {
  const MC = '5555555555554444';
  it('numerals that are not decimal digits: ideographs, Roman, Ethiopic, bracketed and circled', () => {
    const cases: [string, string][] = [
      ['三七八二八二二四六三一〇〇〇五', AMEX],
      ['card 四一一一一一一一一一一一一一一一', VISA],
      ['Ⅲ Ⅶ Ⅷ Ⅱ Ⅷ Ⅱ Ⅱ Ⅳ Ⅵ Ⅲ Ⅰ 〇 〇 〇 Ⅴ', AMEX],
      ['፭፭፭፭፭፭፭፭፭፭፭፭፬፬፬፬', MC],
      ['㈣㈠㈠㈠㈠㈠㈠㈠㈠㈠㈠㈠㈠㈠㈠㈠', VISA],
      ['㊃㊀㊀㊀㊀㊀㊀㊀㊀㊀㊀㊀㊀㊀㊀㊀', VISA],
    ];
    for (const [text, secret] of cases) {
      const r = redact(text);
      assert.ok(
        r.findings.some((f) => f.kind === 'card'),
        `missed ${text}: ${r.text}`,
      );
      assert.ok(digitsOfSecretIn(secret, readDigitString(r.text)) <= 4, `${text} → ${r.text}`);
    }
    assert.deepEqual(kindsOf('cvv is 八三九'), ['cvv']);
    assertAtMost(VISA, ['四一一一', '一一一一', '一一一一', '一一一一'], 10);
  });

  it('look-alikes of other scripts, and look-alikes spaced from the digits they continue', () => {
    for (const text of [
      '37828224631ООО5',
      '37828224631ΟΟΟ5',
      '37828224631ＯＯＯ5',
      '4ΙΙΙ ΙΙΙΙ ΙΙΙΙ ΙΙΙΙ',
      '4ǀǀǀ ǀǀǀǀ ǀǀǀǀ ǀǀǀǀ',
      '4ııı ıııı ıııı ıııı',
      '4lll llll llll llll',
    ]) {
      const r = redact(text);
      const secret = text.startsWith('4') ? VISA : AMEX;
      assert.ok(digitsOfSecretIn(secret, readDigitString(r.text)) <= 4, `${text} → ${r.text}`);
    }
    assertAtMost(VISA, ['4111', 'llll llll llll'], 10);
    assertAtMost(VISA, ['4 1 1 1', 'l l l l', 'l l l l', 'l l l l'], 10);
    assertAtMost(VISA, ['4│││ ││││ ││││ ││││'], 10);
  });

  it('number words joined by marks or words, and compound numbers, English and Spanish', () => {
    for (const text of [
      'three.seven.eight.two.eight.two.two.four.six.three.one.zero.zero.zero.five',
      'three/seven/eight/two/eight/two/two/four/six/three/one/zero/zero/zero/five',
      'three_seven_eight_two_eight_two_two_four_six_three_one_zero_zero_zero_five',
      'three and seven and eight and two and eight and two and two and four and six and three and one and zero and zero and zero and five',
      'three then seven then eight then two then eight then two then two then four then six then three then one then zero then zero then zero then five',
      'trescientos setenta y ocho, doscientos ochenta y dos, doscientos cuarenta y seis, trescientos diez, cero cero cinco',
    ]) {
      const r = redact(text);
      assert.ok(
        r.findings.some((f) => f.kind === 'card'),
        `missed ${text}: ${r.text}`,
      );
      assert.ok(!/seven|eight|setenta|ochenta/.test(r.text), `${text} → ${r.text}`);
    }
    for (const [text, kind] of [
      ['cvv is eight hundred thirty nine', 'cvv'],
      ['cvv is eight.three.nine', 'cvv'],
      ['cvv is eight and three and nine', 'cvv'],
      ['code is four.eight.two.nine.one.seven', 'otp'],
      ['code is four hundred eighty two thousand nine hundred seventeen', 'otp'],
      ['el código es cuatrocientos ochenta y dos mil novecientos diecisiete', 'otp'],
    ] as const)
      assert.deepEqual(kindsOf(text), [kind], text);
    // Four messages of compound numbers: at most ten digits of the card are out.
    const r = createRedactor();
    const left = [
      'three hundred seventy-eight',
      'two hundred eighty-two',
      'two hundred forty-six',
      'three hundred ten thousand and five',
    ].filter((m) => r.redact(m).text === m);
    assert.ok(left.length <= 3, `all four compound parts left: ${left.join(' / ')}`);
    assertAtMost(VISA, ['four.one.one.one', 'one.one.one.one', 'one.one.one.one', 'one.one.one.one'], 10);
    // After the agent asks for the security code.
    for (const reply of ['eight.three.nine', 'eight hundred thirty nine']) {
      const c = createRedactor();
      c.observe('What is the security code on the back?');
      assert.notEqual(c.redact(reply).text, reply, reply);
    }
  });

  it('passwords: an aside before the value, the value before the cue, a reply to the question', () => {
    for (const [text, secret] of [
      ['my password (case sensitive) is Tr0ub4dor&3x', 'Tr0ub4dor&3x'],
      ['I use hunter22 as my password', 'hunter22'],
      ['"Tr0ub4dor&3x" is my password', 'Tr0ub4dor&3x'],
      ['Tr0ub4dor&3x is my password', 'Tr0ub4dor&3x'],
      ['uso Luna2024$ como contraseña', 'Luna2024$'],
    ] as const) {
      const r = redact(text);
      assert.ok(!r.text.includes(secret), `${text} → ${r.text}`);
    }
    for (const [reply, secret] of [
      ["it's Tr0ub4dor&3x, thanks", 'Tr0ub4dor&3x'],
      ['sure: hunter22', 'hunter22'],
      ['sunshine', 'sunshine'],
      ['Tr0ub4dor&3x', 'Tr0ub4dor&3x'],
      ['claro, es mariposa', 'mariposa'],
    ] as const) {
      const r = createRedactor();
      r.observe('What is your password?');
      const out = r.redact(reply).text;
      assert.ok(!out.includes(secret), `${reply} → ${out}`);
    }
    for (const reply of [
      'no',
      "I don't have one",
      'I forgot it',
      'why do you need it?',
      '¿para qué la necesitas?',
    ]) {
      const r = createRedactor();
      r.observe('What is your password?');
      assert.equal(r.redact(reply).text, reply);
    }
    // A code in the agent's message that holds "PW" asks for nothing.
    const r = createRedactor();
    r.observe('Your case number is AMX-NV6R-PW7X.');
    assert.equal(r.redact('¿cuanto tiempo tarda?').text, '¿cuanto tiempo tarda?');
    assert.equal(redact('I use the app as my password manager').text, 'I use the app as my password manager');
  });

  it('cue words spelled with Cyrillic or Greek twins of their letters', () => {
    assert.deepEqual(kindsOf('сvv 839'), ['cvv']);
    assert.deepEqual(kindsOf('сode is 482917'), ['otp']);
    assert.deepEqual(kindsOf('my ѕѕn is 536228194'), ['ssn']);
    assert.deepEqual(kindsOf('my раssword is hunter22'), ['password']);
    assert.equal(redact('Привет, как дела? 5').text, 'Привет, как дела? 5');
  });

  it('numbers joined by marks in no shape they name, and codes disguised as times or amounts', () => {
    for (const [text, secret] of [
      ['3782:822463:10005', AMEX],
      ['4111:1111:1111:1111', VISA],
      ['37:82 82:24 63:10 00:05', AMEX],
      ['3782% 822463% 10005%', AMEX],
    ] as const)
      assert.ok(digitsOfSecretIn(secret, readDigitString(redact(text).text)) <= 10, text);
    for (const [text, kind] of [
      ['cvv 8:39', 'cvv'],
      ['cvv $8.39', 'cvv'],
      ['code: 48:29:17', 'otp'],
      ['code is 4829.17', 'otp'],
      ['code is 48/29/17', 'otp'],
      ['536:22:8194', 'ssn'],
      ['536_22_8194', 'ssn'],
      ['536/22/8194', 'ssn'],
    ] as const)
      assert.deepEqual(kindsOf(text), [kind], text);
    const r = createRedactor();
    r.observe('What is the security code on the back?');
    assert.notEqual(r.redact('8:39').text, '8:39');
    for (const text of [
      'the meeting is at 10:30',
      'I paid $1,234.56 on 08/15/2024',
      'it was 20% off',
      'Me cobraron 1.234,56 €',
    ])
      assert.equal(redact(text).text, text);
  });

  it('card groups dressed as codes, ordinals, store numbers, area codes or percentages', () => {
    for (const [text, secret] of [
      ['3782a822463b10005', AMEX],
      ['a3782 b822463 c10005', AMEX],
      ['3x 7x 8x 2x 8x 2x 2x 4x 6x 3x 1x 0x 0x 0x 5x', AMEX],
      ['3782nd 822463rd 10005th', AMEX],
      ['x4111 y1111 z1111 w1111', VISA],
      ['#3782 #822463 #10005', AMEX],
      ['(3782) (822463) (10005)', AMEX],
    ] as const) {
      const r = redact(text);
      assert.ok(digitsOfSecretIn(secret, readDigitString(r.text)) <= 4, `${text} → ${r.text}`);
    }
    // In parts, one a message: the shapes no longer explain them, so the budget holds.
    assertAtMost(AMEX, ['a3782', 'b822463', 'c10005'], 10);
    assertAtMost(VISA, ['x4111', 'y1111', 'z1111', 'w1111'], 10);
    assertAtMost(AMEX, ['#3782', '#822463', '#10005'], 10);
    assertAtMost(AMEX, ['(3782)', '(822463)', '(10005)'], 10);
    for (const text of [
      'UPS tracking 1Z4A7W390312345678',
      'flight DL1234 on 12/05 at 10:30, seat 14C',
      'NETFLIX #75831',
      'call (212) 555-0148',
      '$38357.06 a 457-775-7136',
    ])
      assert.equal(redact(text).text, text);
  });

  it('the code named by where it is printed or how it came, and "nought"', () => {
    for (const [text, kind] of [
      ['the numbers behind the card: 839', 'cvv'],
      ['the number by the signature strip is 839', 'cvv'],
      ['the 4 little digits above the card number are 4821', 'cvv'],
      ['the text message said 482917', 'otp'],
    ] as const)
      assert.deepEqual(kindsOf(text), [kind], text);
    const r = redact('three seven eight two eight two two four six three one nought nought nought five');
    assert.ok(digitsOfSecretIn(AMEX, readDigitString(r.text)) <= 4, r.text);
    assert.equal(redact('sign on the signature strip please').text, 'sign on the signature strip please');
  });

  it('leaves the words these readers could mistake alone', () => {
    for (const text of [
      'I paid 5 o 7 dollars',
      'o sea 5 o 6 días',
      'I think I I will',
      'lol 20 bucks',
      'COOL 4 you',
      'I paid two hundred dollars',
      'about three hundred people came',
      'we had a thousand problems',
      'mil gracias',
      'cien por ciento',
      'one and only',
      'two and a half hours',
    ])
      assert.equal(redact(text).text, text);
  });
});

function kindsOf(text: string): SensitiveKind[] {
  return redact(text).findings.map((f) => f.kind);
}
