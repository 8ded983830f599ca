/**
 * What replaces a secret in the text that is sent.
 *
 * - Card numbers become a mask: every digit is replaced by MASK_CHAR except the last four,
 *   separators are kept, so "3782 822463 10005" → "•••• •••••• •0005".
 * - Every other kind becomes a bracketed placeholder in the conversation's language.
 *
 * The tokenizer recognizes every placeholder of every language as one opaque token and the
 * digits glued to MASK_CHAR as mask residue, so redacting a redacted text changes nothing.
 */
import { C_DIGIT, C_IGNORE, classAt, digitValue } from './normalize.js';
import type { SensitiveKind } from './types.js';

export type Lang = 'en' | 'es';

/** The character that replaces each masked digit. */
export const MASK_CHAR = '\u2022'; // •

/** `card` is only used if a card ever has no mask (it always has one today). */
export const PLACEHOLDERS: Readonly<Record<Lang, Readonly<Record<SensitiveKind, string>>>> = {
  en: {
    card: '[card number removed]',
    cvv: '[code removed]',
    otp: '[code removed]',
    ssn: '[SSN removed]',
    password: '[password removed]',
  },
  es: {
    card: '[número de tarjeta eliminado]',
    cvv: '[código eliminado]',
    otp: '[código eliminado]',
    ssn: '[número de Seguro Social eliminado]',
    password: '[contraseña eliminada]',
  },
};

/** Every placeholder string, longest first (the tokenizer tries them in this order). */
export const ALL_PLACEHOLDERS: readonly string[] = [
  ...new Set(Object.values(PLACEHOLDERS).flatMap((m) => Object.values(m))),
].sort((a, b) => b.length - a.length);

export function placeholderFor(kind: SensitiveKind, lang: Lang): string {
  return PLACEHOLDERS[lang][kind];
}

/**
 * The mask of src[s, e): each digit becomes MASK_CHAR except the last `keepLast` digits,
 * which are written as ASCII digits; invisible characters are dropped; separators, spaces and
 * line breaks stay, so the grouping the cardmember typed is still visible.
 */
export function maskDigits(src: string, s: number, e: number, keepLast: number): string {
  // No digit shown: no need to count them first (a wall of digits is read once).
  const keepFrom = keepLast === 0 ? Number.POSITIVE_INFINITY : countDigits(src, s, e) - keepLast;
  // The mask is never longer than the span: one typed array, made text once.
  const out = e - s <= SMALL.length ? SMALL : new Uint16Array(e - s);
  const at: MaskCursor = { n: 0, seen: 0 };
  maskRange(src, s, e, keepFrom, out, at);
  return codesToText(out, at.n);
}

/** The buffer of short masks (most are), reused: its text is made before the next mask. */
const SMALL = new Uint16Array(64);

/** Where a mask being written stands: code units written, digits seen. */
export interface MaskCursor {
  n: number;
  seen: number;
}

/** Text of the first n code units of `codes`. */
export function codesToText(codes: Uint16Array, n: number): string {
  // A short one (most masks): spreading a plain array of numbers is the cheapest way to a string
  // (a typed array spreads slowly, a native decoder call and a concatenation per character cost
  // more, the latter in garbage).
  if (n <= 64) {
    SCRATCH.length = n;
    for (let i = 0; i < n; i++) SCRATCH[i] = codes[i] ?? 0;
    return String.fromCharCode(...SCRATCH);
  }
  return (utf16 ??= new TextDecoder('utf-16le')).decode(codes.subarray(0, n));
}

/**
 * Writes the mask of src[s, e) into `out` from the cursor: digits from the `keepFrom`-th on
 * (counted from the mask's start) as ASCII, the others as MASK_CHAR. A mask that keeps no digit
 * (the split-number rule's) masks `|` too: that rule reads it as a one ("22||2|").
 */
export function maskRange(
  src: string,
  s: number,
  e: number,
  keepFrom: number,
  out: Uint16Array,
  at: MaskCursor,
): void {
  let n = at.n;
  let seen = at.seen;
  for (let i = s; i < e;) {
    const c = src.charCodeAt(i);
    if (c < 128) {
      if (c >= 48 && c <= 57) out[n++] = seen++ >= keepFrom ? c : MASK_CODE;
      else if (c === 0x7c && keepFrom === Number.POSITIVE_INFINITY) out[n++] = MASK_CODE;
      else if (c >= 32 || c === 10 || c === 13 || c === 9) out[n++] = c;
      i++;
      continue;
    }
    const cp = src.codePointAt(i) ?? c;
    const w = cp > 0xffff ? 2 : 1;
    const cls = classAt(src, i);
    if (cls === C_DIGIT) out[n++] = seen++ >= keepFrom ? 48 + digitValue(cp) : MASK_CODE;
    else if ((cp === 0x2502 || cp === 0xff5c) && keepFrom === Number.POSITIVE_INFINITY) out[n++] = MASK_CODE;
    else if (cls !== C_IGNORE) for (let j = i; j < i + w; j++) out[n++] = src.charCodeAt(j);
    i += w;
  }
  at.n = n;
  at.seen = seen;
}

/** Code units of a short text, reused. */
const SCRATCH: number[] = [];

/** UTF-16 code units to text, natively (masks are built as code units). Made on first use. */
let utf16: TextDecoder | undefined;

export const MASK_CODE = MASK_CHAR.charCodeAt(0);

/** Number of digit characters in src[s, e). */
export function countDigits(src: string, s: number, e: number): number {
  let digits = 0;
  for (let i = s; i < e; i++) {
    const c = src.charCodeAt(i);
    if (c < 128 ? c >= 48 && c <= 57 : classAt(src, i) === C_DIGIT) digits++;
  }
  return digits;
}
