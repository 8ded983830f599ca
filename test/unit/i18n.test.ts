// Every catalogue has every string of the English one, translated; numbers, plurals, lists and
// times are Intl's, for the page's whole tag; an unsupported language is English, said once.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it, mock } from 'node:test';
import { listKinds, strings } from '../../src/components/i18n.js';
import type { Catalogue, Strings } from '../../src/components/i18n.js';
import { INFORMAL_IMPERATIVE, INFORMAL_SPANISH } from '../support/informal-spanish.js';

/** Every catalogue file: the panel's <language>.ts and the element's <language>-element.ts. */
const files = readdirSync(new URL('../../src/components/locales/', import.meta.url))
  .filter((file) => file.endsWith('.ts'))
  .sort();
const supported = files.filter((file) => !file.includes('-')).map((file) => file.slice(0, -3));

const en = strings('en');
const es = strings('es');

/** The catalogue's own keys (the Intl formats every language shares are not in them). */
const FORMATS = new Set(['locale', 'num', 'plural', 'duration', 'list', 'time', 'date', 'senderPrefix']);
const keysOf = (t: Strings): string[] => Object.keys(t).filter((key) => !FORMATS.has(key));

/** A sample output of each entry: strings as they are, functions called with typical arguments. */
function render(t: Strings, key: keyof Catalogue): string {
  const value = t[key] as unknown;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(' | ');
  if (typeof value === 'function') {
    const args: Partial<Record<keyof Catalogue, unknown[]>> = {
      transcriptSaved: ['25/11/2026'],
      tooLong: [3, 2000],
      callUrgent: ['1-800-528-4800'],
      warning: ['X'],
      errorBlocked: ['X'],
      typing: ['Maria'],
      queueWait: [240],
      idleWarning: [120],
    };
    return String((value as (...a: unknown[]) => unknown)(...(args[key] ?? [2])));
  }
  return JSON.stringify(value);
}

/** Words that give English away in a Spanish string. */
const ENGLISH = /\b(the|your|you|and|with|this|chat with|message|please|agent is|minutes?|seconds?)\b/i;

describe('i18n', () => {
  describe('catalogues', () => {
    it('registers every catalogue file under its language subtag (English and Spanish)', () => {
      assert.deepEqual(supported, ['en', 'es']);
      const own = files.filter((file) => /^[a-z]{2}(-element)?\.ts$/.test(file));
      assert.deepEqual(own, ['en-element.ts', 'en.ts', 'es-element.ts', 'es.ts']);
      // A part's words (`<language>-<part>.ts`, which its own chunk brings: on-demand.ts), in every language.
      const parts = (lang: string): string[] =>
        files
          .filter((file) => file.startsWith(`${lang}-`) && !own.includes(file))
          .map((file) => file.slice(3));
      assert.deepEqual(parts('es'), parts('en'));
      for (const locale of supported) assert.equal(strings(locale).locale, locale);
    });

    it("gives every catalogue exactly the English one's keys", () => {
      for (const locale of supported)
        assert.deepEqual(keysOf(strings(locale)).sort(), keysOf(en).sort(), locale);
    });

    it('gives every entry of every catalogue the type of the English one', () => {
      for (const locale of supported) {
        const t = strings(locale);
        for (const key of keysOf(en) as (keyof Catalogue)[]) {
          assert.equal(typeof t[key], typeof en[key], `${locale}.${key}`);
          if (typeof en[key] === 'function')
            assert.equal((t[key] as unknown as () => void).length, en[key].length, key);
          if (typeof en[key] === 'object') assert.deepEqual(Object.keys(t[key]), Object.keys(en[key]), key);
          assert.notEqual(render(t, key), '', `${locale}.${key}`);
        }
      }
    });

    it('translates every entry (no Spanish string equals the English one or reads as English)', () => {
      const untranslated: string[] = [];
      for (const key of keysOf(en) as (keyof Catalogue)[]) {
        const english = render(en, key);
        const spanish = render(es, key);
        if (spanish === '' || spanish === english || ENGLISH.test(spanish))
          untranslated.push(`${key}: ${spanish}`);
      }
      assert.deepEqual(untranslated, []);
    });

    it('addresses the customer as "usted" throughout, in neutral Latin-American Spanish', () => {
      // The catalogue never narrates, so a form like "revisa" can only be an informal imperative.
      const found = (keysOf(es) as (keyof Catalogue)[])
        .map((key) => render(es, key))
        .filter((text) => INFORMAL_SPANISH.test(text) || INFORMAL_IMPERATIVE.test(text));
      assert.deepEqual(found, []);
    });

    it('names senders in the catalogue language', () => {
      assert.equal(en.senderPrefix('Maria', 'agent'), 'Maria, live agent');
      assert.equal(es.senderPrefix('Maria', 'agent'), 'Maria, agente');
      assert.equal(en.senderPrefix('Virtual Assistant', 'assistant'), 'Virtual assistant');
      assert.equal(en.senderPrefix('', 'customer'), 'You');
      assert.equal(es.senderPrefix('Ana', 'customer'), 'Usted');
      assert.equal(en.senderPrefix('', 'system'), 'Notice');
      assert.equal(es.senderPrefix('', 'system'), 'Aviso');
    });
  });

  describe('choosing a catalogue', () => {
    it('takes the language subtag for the strings and the whole tag for Intl', () => {
      const gb = strings('en-GB');
      const mx = strings('es-MX');
      assert.equal(gb.locale, 'en');
      assert.equal(gb.launcher, 'Chat with us');
      assert.equal(mx.locale, 'es');
      assert.equal(mx.launcher, 'Chatear con nosotros');
      const at = new Date(2026, 10, 25, 19, 34);
      assert.equal(gb.time(at), '19:34');
      assert.equal(en.time(at), '7:34 PM');
      for (const tag of ['en', 'en-GB', 'en-US', 'es', 'es-MX', 'es-ES']) {
        const intl = new Intl.DateTimeFormat(tag, { timeStyle: 'short' });
        assert.equal(strings(tag).time(at), intl.format(at), tag);
        // (The short time: as an hour and minutes are written in English and Spanish.)
        const hm = new Intl.DateTimeFormat(tag, { hour: 'numeric', minute: '2-digit' });
        assert.equal(strings(tag).time(at), hm.format(at), tag);
      }
    });

    it("writes every time of day as Intl does, each minute's text made once", () => {
      // (`format` is a getter that returns a bound function: each call reads it once.)
      const made = mock.getter(Intl.DateTimeFormat.prototype, 'format');
      try {
        for (const tag of ['en', 'en-GB', 'es-MX']) {
          const t = strings(tag);
          const intl = new Intl.DateTimeFormat(tag, { timeStyle: 'short' });
          // Three days of seconds, 37 s apart: every minute's first and later seconds, both sides
          // of midnight and noon.
          const start = new Date(2026, 2, 7, 0, 0, 0).getTime();
          for (let at = start; at < start + 3 * 86_400_000; at += 37_000)
            assert.equal(
              t.time(new Date(at)),
              intl.format(new Date(at)),
              `${tag} ${new Date(at).toISOString()}`,
            );
        }
        const inTest = 3 * Math.ceil((3 * 86_400_000) / 37_000);
        const minutes = 3 * 3 * 24 * 60;
        // The test's own calls, plus at most one per minute for the strings.
        assert.ok(made.mock.callCount() <= inTest + minutes, `${made.mock.callCount()} formats`);
      } finally {
        made.mock.restore();
      }
    });

    it('falls back to English with one warning per page naming the supported languages', () => {
      const warn = mock.method(console, 'warn', () => undefined);
      try {
        const fr = strings('fr');
        assert.equal(fr.locale, 'en');
        assert.equal(fr.launcher, 'Chat with us');
        // Intl gets English too: the times match the words.
        assert.equal(fr.time(new Date(2026, 0, 5, 19, 34)), '7:34 PM');
        strings('fr');
        strings('fr-CA');
        strings('de');
        assert.deepEqual(
          warn.mock.calls.map((call) => call.arguments),
          [['amex-chat: no catalogue for "fr"; supported: en, es. Using English.']],
        );
      } finally {
        warn.mock.restore();
      }
    });

    it('reads the language of an ill-formed tag rather than throwing', () => {
      const t = strings('es_MX');
      assert.equal(t.locale, 'es');
      assert.equal(t.time(new Date(2026, 0, 5, 19, 34)), '19:34');
      assert.equal(t.num(12345), '12.345');
      // Not a key of the list: Object.prototype's names are no catalogues.
      const warn = mock.method(console, 'warn', () => undefined);
      try {
        assert.equal(strings('constructor').locale, 'en');
        assert.equal(strings('toString').launcher, 'Chat with us');
      } finally {
        warn.mock.restore();
      }
    });
  });

  describe('numbers, plurals and lists', () => {
    it('writes numbers as Intl.NumberFormat does for the tag', () => {
      for (const tag of ['en', 'en-GB', 'en-IN', 'es', 'es-MX']) {
        const intl = new Intl.NumberFormat(tag);
        for (const n of [0, 1, 999, 1000, 2000, 12345, 1234567])
          assert.equal(strings(tag).num(n), intl.format(n));
      }
      assert.equal(
        en.tooLong(1, 2000),
        'Your message is 1 character too long. Shorten it to 2,000 characters or fewer.',
      );
      assert.equal(
        es.tooLong(1200, 2000),
        'Su mensaje tiene 1200 caracteres de más. Acórtelo a 2000 caracteres o menos.',
      );
      assert.equal(es.tooLong(12345, 2000).slice(0, 34), 'Su mensaje tiene 12.345 caracteres');
      assert.equal(strings('en-IN').num(1234567), '12,34,567');
      assert.equal(
        es.errorTooLong(20000),
        'Su mensaje es demasiado largo. Acórtelo a 20.000 caracteres o menos.',
      );
      assert.equal(en.queuePosition(1234), "You're number 1,234 in line for an agent.");
    });

    it("uses each language's plural rules, and `other` for a category a catalogue leaves out", () => {
      assert.equal(en.launcherUnread(1), 'Chat with us, 1 new message');
      assert.equal(en.launcherUnread(2), 'Chat with us, 2 new messages');
      assert.equal(en.launcherUnread(0), 'Chat with us, 0 new messages');
      assert.equal(es.launcherUnread(1), 'Chatear con nosotros, 1 mensaje nuevo');
      assert.equal(es.launcherUnread(2), 'Chatear con nosotros, 2 mensajes nuevos');
      // Spanish's "many" (a million): the catalogue has no such form, so "other".
      assert.equal(new Intl.PluralRules('es').select(1_000_000), 'many');
      assert.equal(es.launcherUnread(1_000_000), 'Chatear con nosotros, 1.000.000 mensajes nuevos');
      assert.equal(es.tooLong(1, 2000).slice(0, 27), 'Su mensaje tiene 1 carácter');
    });

    it('writes durations with Intl units in each language', () => {
      assert.equal(en.queueWait(45), 'Estimated wait: less than a minute.');
      assert.equal(es.queueWait(61), 'Espera estimada: alrededor de un minuto.');
      assert.equal(en.queueWait(89), 'Estimated wait: about a minute.');
      assert.equal(en.queueWait(90), 'Estimated wait: about 2 minutes.');
      assert.equal(en.queueWait(240), 'Estimated wait: about 4 minutes.');
      assert.equal(es.queueWait(240), 'Espera estimada: unos 4 minutos.');
      assert.equal(
        en.idleWarning(20),
        'Are you still there? This chat will end in 20 seconds because there has been no activity.',
      );
      assert.equal(
        en.idleWarning(0.2),
        'Are you still there? This chat will end in 1 second because there has been no activity.',
      );
      assert.equal(
        es.idleWarning(60),
        '¿Sigue ahí? Este chat terminará en 1 minuto porque no ha habido actividad.',
      );
      assert.equal(
        es.idleWarning(120),
        '¿Sigue ahí? Este chat terminará en 2 minutos porque no ha habido actividad.',
      );
    });

    it('joins lists as Intl.ListFormat does for the tag', () => {
      assert.equal(listKinds(en, ['card']), 'a card number');
      assert.equal(listKinds(en, ['card', 'cvv']), 'a card number and a security code');
      assert.equal(
        listKinds(en, ['card', 'cvv', 'password']),
        'a card number, a security code, and a password',
      );
      assert.equal(
        listKinds(strings('en-GB'), ['card', 'cvv', 'password']),
        'a card number, a security code and a password',
      );
      assert.equal(
        listKinds(es, ['card', 'cvv', 'password']),
        'un número de tarjeta, un código de seguridad y una contraseña',
      );
      assert.equal(es.warning(listKinds(es, ['ssn', 'otp'])).includes('Social y un código'), true);
    });
  });
});
