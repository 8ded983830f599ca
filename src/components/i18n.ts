/**
 * The widget's languages, as the panel's parts read them: one `Strings` object per tag, the
 * element's catalogue and the panel's (./locales/en.ts is the contract of every language's) with
 * the Intl formats. Part of the panel's module (its parts import it): evaluating it adds the
 * panel's formats and catalogues to the strings of ./i18n-element.ts, which the element made and
 * lends the panel. See docs/i18n.md.
 */
import { addPanelStrings } from './i18n-element.js';
import type { Strings } from './i18n-element.js';
import { en } from './locales/en.js';
import { es } from './locales/es.js';
import type { ElementFormat, Format, Locale } from './i18n-format.js';

export { strings } from './i18n-element.js';
export type { Catalogue, ElementCatalogue, PanelCatalogue, Strings } from './i18n-element.js';
export type { ElementFormat, Format, Locale } from './i18n-format.js';

/** The panel's catalogue of each language, by language subtag (the element's: ./i18n-element.ts). */
const catalogues: Record<Locale, typeof en> = { en, es };

// Each language's strings get the panel's formats (each Intl object made on first use and kept,
// like the element's) and its catalogue.
addPanelStrings((t, intl) => {
  let list: Intl.ListFormat | undefined;
  let date: Intl.DateTimeFormat | undefined;
  const units: Partial<Record<string, Intl.NumberFormat>> = {};
  const unit = (n: number, unit: string): string =>
    (units[unit] ??= intl(Intl.NumberFormat, { style: 'unit', unit, unitDisplay: 'long' })).format(n);
  const formats: Omit<Format, keyof ElementFormat> = {
    duration: (s) =>
      s < 60 ? unit(Math.max(1, Math.round(s)), 'second') : unit(Math.round(s / 60), 'minute'),
    list: (items) => (list ??= intl(Intl.ListFormat)).format(items),
    date: (at) => (date ??= intl(Intl.DateTimeFormat, { dateStyle: 'long', timeStyle: 'short' })).format(at),
    senderPrefix: (name, role) => {
      const roleName = (t as Strings).roles[role];
      return role === 'customer' ||
        role === 'system' ||
        !name ||
        name.toLowerCase() === roleName.toLowerCase()
        ? roleName.charAt(0).toUpperCase() + roleName.slice(1)
        : `${name}, ${roleName}`;
    },
  };
  return { ...formats, ...catalogues[t.locale]({ ...t, ...formats }) };
});

/** "a card number and a security code". */
export function listKinds(t: Strings, kinds: readonly (keyof Strings['kinds'])[]): string {
  return t.list(kinds.map((k) => t.kinds[k]));
}
