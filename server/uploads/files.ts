/**
 * The files of uploaded documents: what a file's first bytes say it is (the allow-list is
 * checked on the bytes, not on the type the browser claimed), the cleaned and redacted name it
 * is shown and kept under, and its body written to the upload directory under a random name,
 * never beyond the size limit.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { redact } from '../../src/redaction/index.js';
import type { UploadType } from '../../src/protocol/upload.js';

/** Bytes enough to tell the allowed types apart. */
export const SNIFF_BYTES = 12;

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** The allowed type the bytes are, if any: PDF, JPEG, PNG, or HEIC (an ISO-BMFF `ftyp` brand). */
export function sniff(head: Uint8Array): UploadType | undefined {
  const ascii = (from: number, to: number): string => String.fromCharCode(...head.subarray(from, to));
  if (ascii(0, 5) === '%PDF-') return 'application/pdf';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => head[i] === b)) return 'image/png';
  if (ascii(4, 8) === 'ftyp' && HEIC_BRANDS.has(ascii(8, 12))) return 'image/heic';
  return undefined;
}

/** Longest file name kept, in characters (graphemes). */
const MAX_NAME = 120;

/**
 * A file name as it may be shown and kept: the last part of any path, without control or
 * format characters, then redacted like chat text (a card number in a name is masked).
 */
export function cleanName(raw: string, lang: 'en' | 'es'): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const plain = base
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const short = Array.from(new Intl.Segmenter().segment(plain), (part) => part.segment)
    .slice(0, MAX_NAME)
    .join('');
  const name = redact(short, { lang }).text.trim();
  return name === '' ? (lang === 'es' ? 'documento' : 'document') : name;
}

export type WriteResult =
  | { kind: 'ok'; file: string; size: number; type: UploadType }
  | { kind: 'too-large' }
  | { kind: 'type' }
  | { kind: 'aborted' };

/**
 * Streams the request's body to a new file in `dir` (random name), stopping at `maxBytes` and
 * at a first chunk that is not an allowed type; what was written of a refused body is deleted.
 */
export async function writeBody(req: IncomingMessage, dir: string, maxBytes: number): Promise<WriteResult> {
  const file = randomBytes(18).toString('base64url');
  const path = join(dir, file);
  const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  let size = 0;
  let head = Buffer.alloc(0);
  let type: UploadType | undefined;
  let refused: WriteResult | undefined;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        refused = { kind: 'too-large' };
        break;
      }
      if (type === undefined) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= SNIFF_BYTES) {
          type = sniff(head);
          if (type === undefined) {
            refused = { kind: 'type' };
            break;
          }
        }
      }
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  } catch {
    refused = { kind: 'aborted' };
  }
  if (!refused && type === undefined) {
    type = sniff(head);
    if (type === undefined) refused = { kind: 'type' };
  }
  if (!refused && (req.readableAborted || !req.complete)) refused = { kind: 'aborted' };
  await new Promise<void>((resolve) => out.end(() => resolve()));
  if (refused || type === undefined) {
    await rm(path, { force: true });
    return refused ?? { kind: 'type' };
  }
  return { kind: 'ok', file, size, type };
}

export function removeFile(dir: string, file: string): Promise<void> {
  return rm(join(dir, file), { force: true });
}
