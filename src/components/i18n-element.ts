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
import type { ElementFormat, Format, Locale } from './i18n-format.js';

/** What every language's element catalogue holds: English's keys and types. */
export type ElementCatalogue = ReturnType<typeof enElement>;
/** What every language's panel catalogue holds: English's keys and types. */
export type PanelCatalogue = ReturnType<typeof en>;
/** Every string of a language: the element's and the panel's. */
export type Catalogue = ElementCatalogue & PanelCatalogue;

/** The element's strings: what the launcher and the panel's frame read. */
export type ElementStrings = ElementCatalogue & ElementFormat;
/** A language's strings and formats, once the panel's module has added its own. */
export type Strings = Catalogue & Format;

/** Makes an Intl object for a tag (for its language when Intl rejects the tag). */
export type MakeIntl = <T>(Make: new (tag: string, options?: object) => T, options?: object) => T;
/** What the panel's module adds to a language's strings: its formats and its catalogue. */
export type PanelStrings = (
  t: ElementStrings,
  intl: MakeIntl,
) => Omit<Format, keyof ElementFormat> & PanelCatalogue;

/**
 * The element's catalogue of each language, by language subtag: adding a language is adding its
 * two files, its entry here and in ./i18n.ts, and its subtag to `Locale` (./i18n-format.ts).
 */
const catalogues: Record<Locale, typeof enElement> = { en: enElement, es: esElement };
/** The panel's additions, once its module has loaded (see `addPanelStrings`). */
let panelStrings: PanelStrings | undefined;

/** Each tag's strings, with the maker of its Intl objects. */
const made = new Map<string, [ElementStrings, MakeIntl]>();
let warned = false;

/**
 * Adds the panel's formats and catalogues (./i18n.ts, when the panel's module loads): to the
 * strings made so far, in place (an element keeps the object it has), and to every one made after.
 */
export function addPanelStrings(add: PanelStrings): void {
  panelStrings = add;
  for (const [t, intl] of made.values()) Object.assign(t, add(t, intl));
}

/**
 * The strings for a BCP 47 tag: the catalogues of its language subtag ("es-MX" → es), with Intl
 * formats for the whole tag. A language without a catalogue gets English, and one warning per
 * page naming the supported ones. One object per tag: the panel's strings and formats are in it
 * once the panel's module has loaded, which is before any of the panel's parts exist; until then
 * the element's own code reads only its `ElementStrings`.
 */
export function strings(tag: string): Strings {
  const known = made.get(tag);
  if (known) return known[0] as Strings;
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
  let time: Intl.DateTimeFormat | undefined;
  // A short time of day shows hours and minutes, and time zones are offset by whole minutes: one
  // text per minute. A history's messages share minutes, and formatting is the costliest call of
  // a message's render.
  const minutes = new Map<number, string>();
  // An ill-formed tag ("es_MX") is a RangeError for Intl: its language stands in.
  const intl: MakeIntl = (Make, options) => {
    try {
      return new Make(intlTag, options);
    } catch {
      return new Make(locale, options);
    }
  };
  const num = (n: number): string => (number ??= intl(Intl.NumberFormat)).format(n);
  const format: ElementFormat = {
    locale,
    num,
    plural: (n, forms) =>
      (forms[(plurals ??= intl(Intl.PluralRules)).select(n)] ?? forms.other).replace('#', num(n)),
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
  };
  const t: ElementStrings = Object.assign(format, catalogues[locale](format));
  if (panelStrings) Object.assign(t, panelStrings(t, intl));
  made.set(tag, [t, intl]);
  return t as Strings;
}
