import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkify } from '../../src/components/rich-text.js';

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

  it('links a mailto: only when it is a plain address (no bcc, cc, body or subject)', () => {
    for (const text of [
      'mailto:help@example.com?bcc=thief@evil.example',
      'mailto:help@example.com?cc=thief@evil.example',
      'mailto:help@example.com?body=Send%20your%20PIN',
      'mailto:help@example.com?subject=Refund',
      'mailto:help@example.com#x',
      'mailto:a,b@example.com',
      'mailto:help%40example.com',
      'mailto:help@example.com,thief@evil.example',
    ]) {
      assert.deepEqual(links(`Write to ${text} today`), [], text);
    }
    assert.deepEqual(links('Write to mailto:Help.Desk+card@mail.example.com.'), [
      { href: 'mailto:Help.Desk+card@mail.example.com', text: 'mailto:Help.Desk+card@mail.example.com' },
    ]);
  });

  it('links https: only to the hosts of link-hosts when it is set', () => {
    const hosts = 'example.com, *.americanexpress.com';
    const text =
      'https://example.com/a https://www.americanexpress.com/b https://americanexpress.com/c ' +
      'https://evil.example/d https://sub.example.com/e https://www.americanexpress.com.evil.example/f ' +
      'https://example.com./g (a trailing dot is not on the list) tel:+18005284800 mailto:help@evil.example';
    assert.equal(links(text).length, 9, 'without link-hosts, any https host');
    assert.deepEqual(
      linkify(text, hosts)
        .filter((p) => typeof p !== 'string')
        .map((link) => link.href),
      [
        'https://example.com/a',
        'https://www.americanexpress.com/b',
        'tel:+18005284800',
        'mailto:help@evil.example',
      ],
    );
    assert.equal(
      linkify(text, hosts)
        .map((part) => (typeof part === 'string' ? part : part.text))
        .join(''),
      text,
      'links not allowed stay as text',
    );
    assert.equal(linkify('https://evil.example/d', '  ,  ').length, 1, 'an empty list allows any host');
    assert.deepEqual(
      linkify('https://a.example/ https://b.example/', 'b.example\ta.example').filter(
        (p) => typeof p !== 'string',
      ).length,
      2,
      'spaces separate hosts too',
    );
  });
});
