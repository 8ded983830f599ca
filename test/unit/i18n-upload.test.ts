// The document upload's words come with its own chunk, not in the panel's catalogue: each language
// has every English string, translated, addressing the customer as "usted", in the language and
// with the number formats of the panel's strings it is asked with.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strings } from '../../src/components/i18n.js';
import { uploadStrings } from '../../src/components/document-upload/upload-strings.js';
import type { UploadStrings } from '../../src/components/document-upload/upload-strings.js';
import { assertSameShape, sample, untranslated } from '../support/part-words.js';

const en = uploadStrings(strings('en'));
const es = uploadStrings(strings('es'));

/** Typical arguments of each entry that takes some. */
const ARGS: Partial<Record<keyof UploadStrings, unknown[]>> = {
  uploadLimits: [5, 10],
  uploadCancelFile: ['receipt.pdf'],
  uploadProgress: ['receipt.pdf'],
  uploadWrongType: ['notes.txt'],
  uploadTooLarge: ['huge.pdf', 10],
  uploadTooMany: [5],
  uploadFailed: ['receipt.pdf'],
  uploadRequested: ['X'],
  uploadSending: [2],
  uploadSent: [2],
};

const render = (t: UploadStrings, key: keyof UploadStrings): string => sample(t, key, ARGS);

/** Words that give English away in a Spanish string. */
const ENGLISH = /\b(the|your|you|and|with|this|files?|documents?|sent|send|please)\b/i;

describe("the document upload's words", () => {
  it("are not in the panel's catalogue, but for the one said when the upload cannot load", () => {
    for (const locale of ['en', 'es']) {
      const panel = Object.keys(strings(locale)).filter((key) => key.startsWith('upload'));
      assert.deepEqual(panel, ['uploadUnavailable'], locale);
    }
  });

  it("gives Spanish exactly English's keys and types, every entry said", () => {
    assertSameShape(en, es, render);
  });

  it('translates every entry, addressing the customer as "usted"', () => {
    assert.deepEqual(untranslated(en, es, render, ENGLISH), []);
  });

  it('follows the language, plurals and numbers of the strings it is asked with, one set for each', () => {
    assert.equal(uploadStrings(strings('es-MX')).uploadHeading, 'Documentos solicitados');
    assert.equal(uploadStrings(strings('en-GB')).uploadHeading, 'Documents requested');
    assert.equal(en.uploadSent(1), '1 document sent.');
    assert.equal(en.uploadSent(2), '2 documents sent.');
    assert.equal(es.uploadSent(1), '1 documento enviado.');
    assert.equal(es.uploadSent(2), '2 documentos enviados.');
    assert.equal(en.uploadTooLarge('huge.pdf', 1024), 'huge.pdf is over the limit of 1,024 MB.');
    assert.equal(
      uploadStrings(strings('es-MX')).uploadTooLarge('huge.pdf', 1024),
      'huge.pdf supera el límite de 1,024 MB.',
    );
    assert.equal(uploadStrings(strings('en')), en);
  });
});
