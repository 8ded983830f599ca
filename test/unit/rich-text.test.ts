import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayText, linkify } from '../../src/components/rich-text.js';

const links = (text: string) => linkify(text).filter((p) => typeof p !== 'string');

describe('rich text', () => {
  it('links https, mailto and tel, keeping the text as written and sentence punctuation outside', () => {
    assert.deepEqual(linkify('See https://www.americanexpress.com/help. Thanks'), [
      'See ',
      { href: 'https://www.americanexpress.com/help', text: 'https://www.americanexpress.com/help' },
      '. Thanks',
    ]);
    assert.deepEqual(links('Write to mailto:help@example.com or call tel:+1-800-528-4800!'), [
      { href: 'mailto:help@example.com', text: 'mailto:help@example.com' },
      { href: 'tel:+18005284800', text: 'tel:+1-800-528-4800' },
    ]);
    assert.deepEqual(links('HTTPS://EXAMPLE.COM/A'), [
      { href: 'https://example.com/A', text: 'HTTPS://EXAMPLE.COM/A' },
    ]);
  });

  it('leaves every other scheme and trick as plain text', () => {
    for (const text of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'http://plain-http.example.com',
      'httрs://look-alike.example.com', // Cyrillic р
      'ｈｔｔｐｓ://fullwidth.example.com',
      'https://аmex.com/login', // Cyrillic а: a homograph, shown as written
      'https://bank.com@evil.example/login',
      'https://localhost/x',
      'mailto:not-an-address',
      'tel:12',
      'xhttps://glued.example.com',
    ]) {
      assert.deepEqual(links(text), [], text);
      assert.equal(
        linkify(text)
          .map((part) => (typeof part === 'string' ? part : part.text))
          .join(''),
        text,
        'the text is kept as written',
      );
    }
  });

  it('removes bidi controls that could reorder what the customer reads', () => {
    assert.equal(displayText('Agent:\u202e txet desrever\u202c ok'), 'Agent: txet desrever ok');
    assert.equal(displayText('\u2066isolated\u2069 \u200fmark'), 'isolated mark');
    assert.equal(displayText('مرحبا hello'), 'مرحبا hello');
  });
});
