/**
 * What every catalogue in ./locales may use besides its strings: the languages there are and
 * what they write with Intl. Kept apart from ./i18n-element.ts and ./i18n.ts, which import the
 * catalogues.
 */
import type { Role } from '../protocol.js';

/** A language the widget has strings for (a key of the catalogues in ./i18n-element.ts and ./i18n.ts). */
export type Locale = 'en' | 'es';

/**
 * What the element's catalogues (./locales/*-element.ts) write with Intl; made with the element
 * (./i18n-element.ts). Each Intl object is made on first use and kept: a page's first one loads
 * ICU's data, which a closed launcher should not pay for.
 */
export interface ElementFormat {
  /** The language of the strings: "es" for "es-MX", "en" for an unsupported one. */
  locale: Locale;
  /** A number as the language writes it: "2,000"; Spanish "2000", "12.345". */
  num(n: number): string;
  /**
   * `n`'s plural form, `#` replaced by the number: `plural(2, { one: '# item', other: '# items' })`
   * is "2 items". A category the catalogue does not give (Spanish "many" for a million) is `other`.
   */
  plural(n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string;
  /** A local time of day, short: "7:34 PM" (en; es-MX "7:34 p.m."), "19:34" (en-GB, es). */
  time(at: Date): string;
}

/**
 * What the panel's catalogues (./locales/*.ts) write with Intl: the element's formats and those
 * the panel's module adds (./i18n.ts), made on first use like them.
 */
export interface Format extends ElementFormat {
  /** Seconds as whole minutes from a minute on, else as seconds: "2 minutes", "20 segundos". */
  duration(seconds: number): string;
  /** "a card number, a security code, and a password" ("… y …" in Spanish). */
  list(items: readonly string[]): string;
  /** A local date and time: "November 25, 2026 at 2:05 PM". */
  date(at: Date): string;
  /**
   * A sender in the catalogue's words: "Maria, live agent"; just "Virtual assistant" when the name
   * already says the role; "You" and "Notice" for the customer and notices.
   */
  senderPrefix(name: string, role: Role): string;
}
