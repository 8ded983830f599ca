import type { Strings } from '../i18n.js';
import type { Locale } from '../i18n-format.js';
import { verifyEn } from '../locales/en-verify.js';
import { verifyEs } from '../locales/es-verify.js';

/** The identity check's words in one language (English's type is every language's). */
export type VerifyStrings = ReturnType<typeof verifyEn>;

const catalogues: Record<Locale, typeof verifyEn> = { en: verifyEn, es: verifyEs };
const made = new WeakMap<Strings, VerifyStrings>();

/**
 * The identity check's words for the panel's strings `t`: its language, with its formats (times,
 * plurals, numbers for the page's whole tag). They come with the identity check's chunk, not with
 * the panel's; made once per `t`.
 */
export function verifyStrings(t: Strings): VerifyStrings {
  let words = made.get(t);
  if (!words) made.set(t, (words = catalogues[t.locale](t)));
  return words;
}
