// The identity check's words come with its chunk (verify-panel/verify-strings.ts), not in the
// panel's catalogue that i18n.test.ts checks: the same checks for them here. Each language has
// English's keys and types, translated, "usted" throughout; times, plurals and numbers follow the
// page's whole tag; and the words of one `Strings` are made once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strings } from '../../src/components/i18n.js';
import { verifyStrings } from '../../src/components/verify-panel/verify-strings.js';
import type { VerifyStrings } from '../../src/components/verify-panel/verify-strings.js';
import { assertSameShape, sample, untranslated } from '../support/part-words.js';

const AT = new Date(2026, 10, 25, 19, 34).getTime();

/** A sample output of each entry: strings as they are, functions called with typical arguments. */
const render = (words: VerifyStrings, key: keyof VerifyStrings): string =>
  sample(words, key, { verifyExpires: [AT], verified: ['code'] }, [2]);

const ENGLISH = /\b(the|your|you|and|with|this|code|phone|please|minutes?)\b/i;

describe('the identity check’s words', () => {
  const en = verifyStrings(strings('en'));
  const es = verifyStrings(strings('es'));

  it("gives Spanish exactly English's keys, each of the same type", () => {
    assertSameShape(en, es, render);
  });

  it('translates every entry, addressing the customer as "usted"', () => {
    assert.deepEqual(untranslated(en, es, render, ENGLISH), []);
  });

  it("writes times, plurals and numbers for the page's whole tag", () => {
    assert.equal(en.verifyExpires(AT), 'This request expires at 7:34 PM.');
    assert.equal(verifyStrings(strings('en-GB')).verifyExpires(AT), 'This request expires at 19:34.');
    assert.equal(es.verifyWrong(1), 'El código no es correcto. Le queda 1 intento.');
    assert.equal(en.verifyWrong(2), 'That code is incorrect. You have 2 more tries.');
  });

  it('makes the words of one set of strings once', () => {
    assert.equal(verifyStrings(strings('en')), en);
    assert.notEqual(verifyStrings(strings('en-GB')), en);
  });
});
