/**
 * The document upload's words, in the upload's chunk rather than the panel's catalogue: the
 * language and the number formats are the panel's strings' (`t.locale`, `t.num`, `t.plural`), one
 * catalogue per `Strings` object, made on first use.
 */
import type { Strings } from '../i18n.js';
import { uploadEn } from '../locales/en-upload.js';
import { uploadEs } from '../locales/es-upload.js';

export type UploadStrings = ReturnType<typeof uploadEn>;

const made = new WeakMap<Strings, UploadStrings>();

/** The upload's words in `t`'s language. */
export function uploadStrings(t: Strings): UploadStrings {
  let words = made.get(t);
  if (!words) {
    words = (t.locale === 'es' ? uploadEs : uploadEn)(t);
    made.set(t, words);
  }
  return words;
}
