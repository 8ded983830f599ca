/**
 * The widget's languages, as the element has them: each language's strings are two catalogues in
 * ./locales, the element's own (`en-element.ts`: the launcher and the panel's frame, loaded with
 * the element) and the panel's (`en.ts`, loaded with the panel's module, which adds them here:
 * see ./i18n.ts), with the platform's Intl for everything written with numbers, plurals, lists
 * and times, for the page's whole tag ("en-GB" writes 19:34, "en" 7:34 PM). See docs/i18n.md.
 */
import { enElement } from './locales/en-element.js';
import { esElement } from './locales/es-element.js';
import type { en } from './locales/en.js';
import type { Format, Locale } from './i18n-format.js';

/** What every language's element catalogue holds: English's keys and types. */
export type ElementCatalogue = ReturnType<typeof enElement>;
/** What every language's panel catalogue holds: English's keys and types. */
export type PanelCatalogue = ReturnType<typeof en>;
/** Every string of a language: the element's and the panel's. */
export type Catalogue = ElementCatalogue & PanelCatalogue;

/** The element's strings: what the launcher and the panel's frame read. */
export type ElementStrings = ElementCatalogue & Format;
/** A language's strings and formats, once the panel's module has added its catalogues. */
export type Strings = Catalogue & Format;

/**
 * The element's catalogue of each language, by language subtag: adding a language is adding its
 * two files, its entry here and in ./i18n.ts, and its subtag to `Locale` (./i18n-format.ts).
 */
const catalogues: Record<Locale, typeof enElement> = { en: enElement, es: esElement };
/** The panel's catalogues, once its module has loaded (see `addPanelCatalogues`). */
let panelCatalogues: Record<Locale, typeof en> | undefined;

const made = new Map<string, Strings>();
let warned = false;

/**
 * Adds the panel's catalogues (./i18n.ts, when the panel's module loads): to the strings made so
 * far, in place (an element keeps the object it has), and to every one made after.
 */
export function addPanelCatalogues(panel: Record<Locale, typeof en>): void {
  panelCatalogues = panel;
  for (const t of made.values()) Object.assign(t, panel[t.locale](t));
}

/**
 * The strings for a BCP 47 tag: the catalogues of its language subtag ("es-MX" → es), with Intl
 * formats for the whole tag. A language without a catalogue gets English, and one warning per
 * page naming the supported ones. One object per tag: the panel's strings are in it once the
 * panel's module has loaded, which is before any of the panel's parts exist; the element's own
 * code reads only its `ElementStrings` until then.
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
  // A short time of day shows hours and minutes, and time zones are offset by whole minutes: one
  // text per minute. A history's messages share minutes, and formatting is the costliest call of
  // a message's render.
  const minutes = new Map<number, string>();
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
    time: (at) => {
      const minute = Math.floor(at.getTime() / 60_000);
      let text = minutes.get(minute);
      if (text === undefined) {
        text = (time ??= intl(Intl.DateTimeFormat, { timeStyle: 'short' })).format(at);
        if (minutes.size >= 1000) minutes.clear();
        minutes.set(minute, text);
      }
      return text;
    },
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
  // (Before the panel's catalogues are added the object has the element's strings alone.)
  t = Object.assign(format, catalogues[locale](format), panelCatalogues?.[locale](format));
  made.set(tag, t);
  return t;
}
