/**
 * The checks every part's words get (a part in a chunk of its own brings them: on-demand.ts), as
 * test/unit/i18n.test.ts gives the panel's catalogue: Spanish has English's keys, each of the
 * same type and arity, every entry says something, and every Spanish entry is translated and
 * addresses the customer as "usted".
 */
import assert from 'node:assert/strict';
import { INFORMAL_IMPERATIVE, INFORMAL_SPANISH } from './informal-spanish.js';

/** A part's words: strings, functions of typical arguments, or records of strings. */
type Words = object;

/** A sample output of an entry: a string as it is, a function called with `args[key]` (else `fallback`). */
export function sample<W extends Words>(
  words: W,
  key: keyof W,
  args: Partial<Record<keyof W, unknown[]>>,
  fallback: unknown[] = [],
): string {
  const value = words[key] as unknown;
  if (typeof value === 'string') return value;
  if (typeof value === 'function')
    return String((value as (...a: unknown[]) => unknown)(...(args[key] ?? fallback)));
  return JSON.stringify(value);
}

/** Spanish has exactly English's keys, each of the same type (and arity, and record keys), none empty. */
export function assertSameShape<W extends Words>(
  en: W,
  es: W,
  render: (words: W, key: keyof W) => string,
): void {
  const keys = Object.keys(en).sort() as (keyof W)[];
  assert.deepEqual(Object.keys(es).sort(), keys);
  for (const key of keys) {
    const name = String(key);
    assert.equal(typeof es[key], typeof en[key], name);
    if (typeof en[key] === 'function')
      assert.equal((es[key] as () => void).length, (en[key] as () => void).length, name);
    if (typeof en[key] === 'object' && en[key] !== null)
      assert.deepEqual(Object.keys(es[key] as object), Object.keys(en[key] as object), name);
    for (const words of [en, es]) assert.notEqual(render(words, key).trim(), '', name);
  }
}

/**
 * The Spanish entries that are the English one, contain a word of `english` (which gives English
 * away), or address the customer informally: none is expected.
 */
export function untranslated<W extends Words>(
  en: W,
  es: W,
  render: (words: W, key: keyof W) => string,
  english: RegExp,
): [string, string][] {
  return (Object.keys(en) as (keyof W)[])
    .map((key) => [String(key), render(es, key), render(en, key)] as const)
    .filter(
      ([, spanish, englishText]) =>
        spanish === englishText ||
        english.test(spanish) ||
        INFORMAL_SPANISH.test(spanish) ||
        INFORMAL_IMPERATIVE.test(spanish),
    )
    .map(([key, spanish]) => [key, spanish]);
}
