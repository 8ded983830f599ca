/**
 * The widget's languages: one catalogue of strings per language in ./locales (English's type is
 * the contract), and the platform's Intl for everything written with numbers, plurals, lists and
 * times, for the page's whole tag ("en-GB" writes 19:34, "en" 7:34 PM). See docs/i18n.md.
 */
import type { Role } from '../protocol.js';
import { en } from './locales/en.js';
import { es } from './locales/es.js';

/** Every catalogue, by language subtag: adding a language is adding its file and its entry here. */
const catalogues = { en, es };

/** A language the widget has strings for. */
export type Locale = keyof typeof catalogues;

/** What every catalogue holds: the English catalogue's keys and types. */
export type Catalogue = ReturnType<typeof en>;

/**
 * What catalogues write with Intl. Each Intl object is made on first use and kept: a page's
 * first one costs 20–60 ms (ICU's data), which a closed launcher should not pay.
 */
export interface Format {
  /** The language of the strings: "es" for "es-MX", "en" for an unsupported one. */
  locale: Locale;
  /** A number as the language writes it: "2,000"; Spanish "2000", "12.345". */
  num(n: number): string;
  /**
   * `n`'s plural form, `#` replaced by the number: `plural(2, { one: '# item', other: '# items' })`
   * is "2 items". A category the catalogue does not give (Spanish "many" for a million) is `other`.
   */
  plural(n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string;
  /** Seconds as whole minutes from a minute on, else as seconds: "2 minutes", "20 segundos". */
  duration(seconds: number): string;
  /** "a card number, a security code, and a password" ("… y …" in Spanish). */
  list(items: readonly string[]): string;
  /** A local time of day, short: "7:34 PM" (en; es-MX "7:34 p.m."), "19:34" (en-GB, es). */
  time(at: Date): string;
  /** A local date and time: "November 25, 2026 at 2:05 PM". */
  date(at: Date): string;
  /**
   * A sender in the catalogue's words: "Maria, live agent"; just "Virtual assistant" when the name
   * already says the role; "You" and "Notice" for the customer and notices.
   */
  senderPrefix(name: string, role: Role): string;
}

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
