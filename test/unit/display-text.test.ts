import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayText } from '../../src/components/display-text.js';

/** Every character that could reorder, hide or break what the customer reads. */
const BIDI = '\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
const INVISIBLE =
  '\u00ad\u180e\u200b\u2060\u2061\u2062\u2063\u2064\u206a\u206f\ufeff\ufff9\ufffb\u{e0001}\u{e0041}';
const CONTROLS = '\0\u0001\u0007\u001b\u007f\u0080\u009b';
const FORBIDDEN = /[\p{Cc}\p{Cf}\u115f\u1160\u3164\uffa0\u2028\u2029]/u;

describe('display text', () => {
  it('removes bidi controls that could reorder what the customer reads', () => {
    assert.equal(displayText('Agent:\u202e txet desrever\u202c ok'), 'Agent: txet desrever ok');
    assert.equal(displayText('\u2066isolated\u2069 \u200fmark'), 'isolated mark');
    assert.equal(displayText(`a${BIDI}b`), 'ab');
  });

  it('removes invisible format characters, Hangul fillers and control characters', () => {
    assert.equal(displayText(`pay${INVISIBLE}pal`), 'paypal');
    assert.equal(displayText(`x${CONTROLS}y`), 'xy');
    assert.equal(displayText('\u3164\u115f\u1160\uffa0Maria', 'name'), 'Maria');
    assert.equal(
      displayText('h\u200bt\u200bt\u200bp\u200bs://zero.width.example'),
      'https://zero.width.example',
    );
  });

  it('keeps what Arabic, Hebrew, Persian and emoji need', () => {
    for (const text of [
      'مرحبا hello',
      'שלום, דנה',
      'می\u200cخواهم', // Persian: ZWNJ between two letters
      'क्\u200dष', // Devanagari: ZWJ between two letters
      '👩\u200d💻', // an emoji sequence
      'Ünïcödé ñ 中文',
    ]) {
      assert.equal(displayText(text), text, text);
      assert.equal(displayText(text, 'name'), text, text);
    }
  });

  it('drops zero-width joiners where they can only hide (next to ASCII, a space or an edge)', () => {
    assert.equal(displayText('Mar\u200dia'), 'Maria');
    assert.equal(displayText('\u200cMaria\u200d'), 'Maria');
    assert.equal(displayText('java\u200c script'), 'java script');
    assert.equal(displayText('\u200b\u200c\u200d\ufeff'), '');
  });

  it('keeps a message body on its lines, with one kind of line break', () => {
    assert.equal(
      displayText('a\r\nb\rc\u2028d\u2029e\u0085f\u000bg\u000ch\ni\tj'),
      'a\nb\nc\nd\ne\nf\ng\nh\ni\tj',
    );
    assert.equal(displayText('A'.repeat(100_000)).length, 100_000, 'a body is not cut');
  });

  it('puts a name, a label or a case number on one line, bounded', () => {
    assert.equal(displayText('Maria\n[9:41 AM] You', 'name'), 'Maria [9:41 AM] You');
    assert.equal(displayText(' \tMaria \u2028 Lopez\r\n', 'name'), 'Maria Lopez');
    assert.equal(displayText('AMX-4KF7\u0085Q2ZD', 'case'), 'AMX-4KF7 Q2ZD');
    const name = displayText('M'.repeat(500), 'name');
    assert.equal(name.length, 64);
    assert.ok(name.endsWith('…'));
    assert.ok(displayText('L'.repeat(500), 'label').length <= 100);
    assert.ok(displayText('C'.repeat(500), 'case').length <= 40);
    // A cut never splits a surrogate pair.
    const emoji = displayText('😀'.repeat(100), 'name');
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(emoji), 'no lone high surrogate');
  });

  it('keeps a summary on its lines, bounded', () => {
    assert.equal(
      displayText('Card locked.\r\nNew card in 3 days.', 'summary'),
      'Card locked.\nNew card in 3 days.',
    );
    assert.ok(displayText('S'.repeat(10_000), 'summary').length <= 2000);
  });

  it('leaves nothing that can reorder, hide or break a line in any field', () => {
    const hostile = `${BIDI}Maria${INVISIBLE}\u3164${CONTROLS}\r\n\u2028\u2029\u0085 Lopez\u200d`;
    for (const field of ['name', 'label', 'case'] as const) {
      const shown = displayText(hostile, field);
      assert.ok(!FORBIDDEN.test(shown.replace(/\u200d|\u200c/g, '')), field);
      assert.ok(!/[\n\u200c\u200d]/.test(shown), field);
      assert.equal(shown, 'Maria Lopez', field);
    }
    assert.ok(!FORBIDDEN.test(displayText(hostile).replace(/\n/g, '')));
  });
});
