// Every string of the widget exists in English and Spanish, and the Spanish one is translated:
// a key missing from a catalogue, or left in English, fails here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { num, strings } from '../../src/components/i18n.js';
import type { Strings } from '../../src/components/i18n.js';

const en = strings('en');
const es = strings('es');

/** A sample output of each entry: strings as they are, functions called with typical arguments. */
function render(t: Strings, key: keyof Strings): string {
  const value = t[key] as unknown;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(' | ');
  if (typeof value === 'function') {
    const args: Partial<Record<keyof Strings, unknown[]>> = {
      senderPrefix: ['Maria', 'agent'],
      transcriptSaved: ['25/11/2026'],
      tooLong: [3, 2000],
      callUrgent: ['1-800-528-4800'],
      warning: ['X'],
      errorBlocked: ['X'],
      typing: ['Maria'],
      time: [new Date(2026, 0, 5, 15, 7)],
    };
    return String((value as (...a: unknown[]) => unknown)(...(args[key] ?? [2])));
  }
  return JSON.stringify(value);
}

/** Words that give English away in a Spanish string. */
const ENGLISH = /\b(the|your|you|and|with|this|chat with|message|please|agent is|minutes?|seconds?)\b/i;

describe('i18n', () => {
  it('has the same keys in both catalogues', () => {
    assert.deepEqual(Object.keys(es).sort(), Object.keys(en).sort());
  });

  it('translates every entry (no Spanish string equals the English one or reads as English)', () => {
    const untranslated: string[] = [];
    for (const key of Object.keys(en) as (keyof Strings)[]) {
      const english = render(en, key);
      const spanish = render(es, key);
      if (spanish === '' || spanish === english || ENGLISH.test(spanish))
        untranslated.push(`${key}: ${spanish}`);
    }
    assert.deepEqual(untranslated, []);
  });

  it('addresses the customer as "tú" throughout', () => {
    const formal = /\b(usted|su|sus|puede|desea|llame)\b/i;
    const found = (Object.keys(es) as (keyof Strings)[])
      .map((key) => render(es, key))
      .filter((text) => formal.test(text));
    assert.deepEqual(found, []);
  });

  it('formats numbers and plurals for each language', () => {
    assert.equal(
      en.tooLong(1, 2000),
      'Your message is 1 character too long. Shorten it to 2,000 characters or fewer.',
    );
    assert.equal(
      es.tooLong(1200, 2000),
      'Tu mensaje tiene 1200 caracteres de más. Acórtalo a 2000 caracteres o menos.',
    );
    assert.equal(en.queueWait(45), 'Estimated wait: less than a minute.');
    assert.equal(es.queueWait(61), 'Espera estimada: alrededor de un minuto.');
    assert.equal(en.queueWait(240), 'Estimated wait: about 4 minutes.');
    assert.equal(es.queueWait(240), 'Espera estimada: unos 4 minutos.');
    assert.equal(
      en.idleWarning(20),
      'Are you still there? This chat will end in 20 seconds because there has been no activity.',
    );
    assert.equal(
      es.idleWarning(120),
      '¿Sigues ahí? Este chat terminará en 2 minutos porque no ha habido actividad.',
    );
  });

  it('writes a time of day as the browser writes it for each language, local time', () => {
    // Chromium's Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }) output,
    // checked in this Chromium; the widget writes it itself (see Strings.time).
    const cases: [number, number, string, string][] = [
      [0, 7, '12:07 AM', '0:07'],
      [1, 0, '1:00 AM', '1:00'],
      [9, 59, '9:59 AM', '9:59'],
      [11, 7, '11:07 AM', '11:07'],
      [12, 0, '12:00 PM', '12:00'],
      [13, 5, '1:05 PM', '13:05'],
      [23, 7, '11:07 PM', '23:07'],
    ];
    for (const [hour, minute, english, spanish] of cases) {
      const at = new Date(2026, 10, 25, hour, minute);
      assert.equal(en.time(at), english);
      assert.equal(es.time(at), spanish);
    }
  });

  it('writes whole numbers as Intl.NumberFormat does, without one (its first use costs 20–36 ms)', () => {
    const values = [0, 1, 9, 10, 99, 100, 999, 1000, 2000, 2001, 9999, 10000, 12345, 99999, 100000];
    values.push(123456, 999999, 1000000, 1234567, 12345678, 2 ** 31 - 1, Number.MAX_SAFE_INTEGER);
    for (let k = 0; k < 500; k++) values.push(Math.floor(Math.random() * 10 ** (1 + (k % 12))));
    for (const locale of ['en', 'es'] as const) {
      const intl = new Intl.NumberFormat(locale);
      for (const n of values) assert.equal(num(n, locale), intl.format(n), `${locale} ${n}`);
    }
  });
});
