/**
 * The widget's languages, as the panel's parts read them: one `Strings` object per tag, the
 * element's catalogue and the panel's (./locales/en.ts is the contract of every language's) with
 * the Intl formats. Part of the panel's module: loading it adds the panel's catalogues to the
 * strings of ./i18n-element.ts, which the element made and lends the panel. See docs/i18n.md.
 */
import { addPanelCatalogues } from './i18n-element.js';
import type { Strings } from './i18n-element.js';
import { en } from './locales/en.js';
import { es } from './locales/es.js';
import type { Locale } from './i18n-format.js';

export { strings } from './i18n-element.js';
export type { Catalogue, ElementCatalogue, PanelCatalogue, Strings } from './i18n-element.js';
export type { Format, Locale } from './i18n-format.js';

/** The panel's catalogue of each language, by language subtag (the element's: ./i18n-element.ts). */
const catalogues: Record<Locale, typeof en> = { en, es };

addPanelCatalogues(catalogues);

/** "a card number and a security code". */
export function listKinds(t: Strings, kinds: readonly (keyof Strings['kinds'])[]): string {
  return t.list(kinds.map((k) => t.kinds[k]));
}
