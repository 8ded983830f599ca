/**
 * The widget's languages: one catalogue of strings per language in ./locales (English's type is
 * the contract), and the platform's Intl for everything written with numbers, plurals, lists and
 * times, for the page's whole tag ("en-GB" writes 19:34, "en" 7:34 PM). See docs/i18n.md.
 */
import { en } from './locales/en.js';
import { es } from './locales/es.js';
import type { Format, Locale } from './i18n-format.js';

export type { Format, Locale } from './i18n-format.js';

/**
 * Every catalogue, by language subtag: adding a language is adding its file, its entry here and
 * its subtag to `Locale` (./i18n-format.ts).
 */
const catalogues: Record<Locale, typeof en> = { en, es };

/** What every catalogue holds: the English catalogue's keys and types. */
export type Catalogue = ReturnType<typeof en>;

export type Strings = Catalogue & Format;

const made = new Map<string, Strings>();
let warned = false;

/**
 * The strings for a BCP 47 tag: the catalogue of its language subtag ("es-MX" → es), with Intl
 * formats for the whole tag. A language without a catalogue gets English, and one warning per
 * page naming the supported ones.
 */
export function strings(tag: string): Strings {
  let t = made.get(tag);
  if (t) return t;
  let locale = tag.toLowerCase().split(/[-_]/)[0] as Locale;
  let intlTag = tag;
  if (!Object.hasOwn(catalogues, locale)) {
    if (!warned) {
      warned = true;
      // eslint-disable-next-line no-console -- the host developer's only sign of a missing language
      console.warn(
        `amex-chat: no catalogue for "${locale}"; supported: ${Object.keys(catalogues).join(', ')}. Using English.`,
      );
    }
    locale = intlTag = 'en';
  }
  let number: Intl.NumberFormat | undefined;
  let plurals: Intl.PluralRules | undefined;
  let list: Intl.ListFormat | undefined;
  let time: Intl.DateTimeFormat | undefined;
  let date: Intl.DateTimeFormat | undefined;
  const units: Partial<Record<string, Intl.NumberFormat>> = {};
  // An ill-formed tag ("es_MX") is a RangeError for Intl: its language stands in.
  const intl = <T>(Make: new (tag: string, options?: object) => T, options?: object): T => {
    try {
      return new Make(intlTag, options);
    } catch {
      return new Make(locale, options);
    }
  };
  const num = (n: number): string => (number ??= intl(Intl.NumberFormat)).format(n);
  const unit = (n: number, unit: string): string =>
    (units[unit] ??= intl(Intl.NumberFormat, { style: 'unit', unit, unitDisplay: 'long' })).format(n);
  const format: Format = {
    locale,
    num,
    plural: (n, forms) =>
      (forms[(plurals ??= intl(Intl.PluralRules)).select(n)] ?? forms.other).replace('#', num(n)),
    duration: (s) =>
      s < 60 ? unit(Math.max(1, Math.round(s)), 'second') : unit(Math.round(s / 60), 'minute'),
    list: (items) => (list ??= intl(Intl.ListFormat)).format(items),
    time: (at) => (time ??= intl(Intl.DateTimeFormat, { timeStyle: 'short' })).format(at),
    date: (at) => (date ??= intl(Intl.DateTimeFormat, { dateStyle: 'long', timeStyle: 'short' })).format(at),
    senderPrefix: (name, role) => {
      const roleName = (format as Strings).roles[role];
      return role === 'customer' ||
        role === 'system' ||
        !name ||
        name.toLowerCase() === roleName.toLowerCase()
        ? roleName.charAt(0).toUpperCase() + roleName.slice(1)
        : `${name}, ${roleName}`;
    },
  };
  made.set(tag, (t = Object.assign(format, catalogues[locale](format))));
  return t;
}

/** "a card number and a security code". */
export function listKinds(t: Strings, kinds: readonly (keyof Strings['kinds'])[]): string {
  return t.list(kinds.map((k) => t.kinds[k]));
}
