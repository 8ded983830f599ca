import type { Locale, Strings } from '../i18n.js';
import { needsEn } from '../locales/en-needs.js';
import { needsEs } from '../locales/es-needs.js';

/** The needs form's words in one language (English's keys: ../locales/en-needs.ts). */
export type NeedsStrings = typeof needsEn;

/** The form's words of each language, by language subtag: they come with the form's chunk. */
const catalogues: Record<Locale, NeedsStrings> = { en: needsEn, es: needsEs };

/** The form's words in `t`'s language (the button's are the panel's: ../locales/en.ts). */
export function needsStrings(t: Strings): NeedsStrings {
  return catalogues[t.locale];
}
