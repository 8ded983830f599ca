/**
 * Character classification: the "normalization shadow" of the redaction engine.
 *
 * The engine never rewrites the input before detecting. Instead, the tokenizer asks this
 * module, for each code point of the ORIGINAL text, what it counts as:
 *
 * - DIGIT   every `\p{Nd}` (ASCII, full-width, Arabic-Indic, Devanagari, math bold, …) and the
 *           characters with a digit's value people type as digits (superscripts, circled,
 *           parenthesised, dingbat ➌, ⓿: DIGIT_FORMS); `digitValue` gives 0–9.
 * - LETTER  `\p{L}` and spacing marks `\p{Mc}`.
 * - IGNORE  invisible characters that must not split a number or a word: `\p{Cf}` (zero-width
 *           space/joiners, bidi marks, BOM, soft hyphen), non-spacing and enclosing marks
 *           (`\p{Mn}`, `\p{Me}`: combining accents, variation selectors) and every
 *           `\p{Default_Ignorable_Code_Point}` (Hangul fillers, …).
 * - SPACE / NEWLINE  `\p{Zs}`, tab, vertical tab, form feed / CR, LF, NEL, LS, PS.
 * - OTHER   punctuation and symbols; `canonicalPunct` folds look-alikes ('－' '–' '−' → '-').
 *
 * Every offset the engine reports stays an offset into the original string: this module
 * decides what a character *means*, it never moves it. Classification is cached per code
 * unit (BMP) or per code point (astral), so the per-character cost is one array read.
 */

export const C_OTHER = 0;
export const C_SPACE = 1;
export const C_NEWLINE = 2;
export const C_DIGIT = 3;
export const C_LETTER = 4;
export const C_IGNORE = 5;
/** Marker of an unclassified BMP slot in the cache. */
const C_UNKNOWN = 255;

const RE_ND = /\p{Nd}/u;
const RE_IGNORE = /[\p{Cf}\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}]/u;
const RE_LETTER = /[\p{L}\p{Mc}]/u;
const RE_SPACE = /[\p{Zs}\t\v]/u;
const RE_NEWLINE = /[\n\r\f\u0085\u2028\u2029]/u;

/** Class of each BMP code unit, filled lazily. Surrogates are never stored here. */
const bmpClass = new Uint8Array(0x10000).fill(C_UNKNOWN);
/** Digit value (0–9) of each BMP code unit classified as a digit. */
const bmpDigit = new Int8Array(0x10000).fill(-1);
const astralClass = new Map<number, number>();
const astralDigit = new Map<number, number>();

/** Value of a `\p{Nd}` code point: every Nd block is a contiguous run of ten starting at 0. */
function ndValue(cp: number): number {
  let start = cp;
  while (start > 0 && RE_ND.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

function classify(cp: number): { cls: number; digit: number } {
  const s = String.fromCodePoint(cp);
  if (RE_ND.test(s)) return { cls: C_DIGIT, digit: ndValue(cp) };
  if (RE_NEWLINE.test(s)) return { cls: C_NEWLINE, digit: -1 };
  if (RE_SPACE.test(s)) return { cls: C_SPACE, digit: -1 };
  if (RE_IGNORE.test(s)) return { cls: C_IGNORE, digit: -1 };
  if (RE_LETTER.test(s)) return { cls: C_LETTER, digit: -1 };
  // Braille blank renders as a space in most fonts.
  if (cp === 0x2800) return { cls: C_SPACE, digit: -1 };
  const v = digitForm(cp);
  if (v >= 0) return { cls: C_DIGIT, digit: v };
  return { cls: C_OTHER, digit: -1 };
}

/**
 * Characters with a digit's value that people type as digits but that are not `\p{Nd}`, by first
 * code point, value of the first and count. Dingbat and negative circled digits have no NFKC
 * form, so a table is the only way to read them; the rest are here so that one place says what
 * counts. Ten and above (⑩, ❿, ➉) are not digits.
 */
const DIGIT_FORMS: readonly (readonly [number, number, number])[] = [
  [0x00b2, 2, 2], // ² ³
  [0x00b9, 1, 1], // ¹
  [0x2070, 0, 1], // ⁰
  [0x2074, 4, 6], // ⁴ … ⁹
  [0x2080, 0, 10], // ₀ … ₉
  [0x2460, 1, 9], // ① … ⑨ circled
  [0x2474, 1, 9], // ⑴ … ⑼ parenthesised
  [0x2488, 1, 9], // ⒈ … ⒐ digit full stop
  [0x24ea, 0, 1], // ⓪ circled zero
  [0x24f5, 1, 9], // ⓵ … ⓽ double circled
  [0x24ff, 0, 1], // ⓿ negative circled zero
  [0x2776, 1, 9], // ❶ … ❾ dingbat negative circled
  [0x2780, 1, 9], // ➀ … ➈ dingbat circled sans-serif
  [0x278a, 1, 9], // ➊ … ➒ dingbat negative circled sans-serif
  [0x1f100, 0, 1], // 🄀 digit zero full stop
  [0x1f101, 0, 10], // 🄁 … 🄊 digit comma
  [0x1f10b, 0, 1], // 🄋 dingbat circled sans-serif zero
  [0x1f10c, 0, 1], // 🄌 dingbat negative circled sans-serif zero
];

/** Value of a digit form from DIGIT_FORMS, or -1. */
function digitForm(cp: number): number {
  for (const [first, value, count] of DIGIT_FORMS)
    if (cp >= first && cp < first + count) return value + cp - first;
  return -1;
}

// ASCII is classified up front so that the common case never reaches a regex.
for (let c = 0; c < 128; c++) {
  let cls = C_OTHER;
  if (c >= 48 && c <= 57) {
    cls = C_DIGIT;
    bmpDigit[c] = c - 48;
  } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) cls = C_LETTER;
  else if (c === 32 || c === 9 || c === 11) cls = C_SPACE;
  else if (c === 10 || c === 13 || c === 12) cls = C_NEWLINE;
  else if (c < 32 || c === 127) cls = C_IGNORE; // control characters
  bmpClass[c] = cls;
}

/** Class of the BMP code unit `c` (not a surrogate). */
export function classOfUnit(c: number): number {
  const k = bmpClass[c] ?? C_UNKNOWN;
  if (k !== C_UNKNOWN) return k;
  const r = classify(c);
  bmpClass[c] = r.cls;
  bmpDigit[c] = r.digit;
  return r.cls;
}

/** Class of an astral code point (> 0xFFFF). */
export function classOfAstral(cp: number): number {
  const k = astralClass.get(cp);
  if (k !== undefined) return k;
  const r = classify(cp);
  astralClass.set(cp, r.cls);
  if (r.cls === C_DIGIT) astralDigit.set(cp, r.digit);
  return r.cls;
}

/** Digit value of a code point already classified as C_DIGIT. */
export function digitValue(cp: number): number {
  return cp < 0x10000 ? (bmpDigit[cp] ?? 0) : (astralDigit.get(cp) ?? 0);
}

/** Class of the code point starting at `i` in `s`. A lone surrogate counts as IGNORE. */
export function classAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return classOfUnit(c);
  if (c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return classOfAstral(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
  }
  return C_IGNORE;
}

const PUNCT_FOLD: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2043': '-',
  '\uFE58': '-',
  '\uFE63': '-',
  '\uFF0D': '-',
  '\u30FC': '-',
  '\u00B7': '.',
  '\u2027': '.',
  '\u30FB': '.',
  '\uFF65': '.',
  '\u3002': '.',
  '\uFF61': '.',
  '\u2215': '/',
  '\u2044': '/',
  '\u29F8': '/',
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u2039': "'",
  '\u203A': "'",
  '`': "'",
  '\u00B4': "'",
  '\u2236': ':',
  '\uA789': ':',
};

/** Canonical form of one punctuation/symbol character (NFKC, then dash/dot/quote folding). */
export function canonicalPunct(ch: string): string {
  const f = PUNCT_FOLD[ch];
  if (f !== undefined) return f;
  if (ch.length === 1 && ch.charCodeAt(0) < 128) return ch;
  const n = ch.normalize('NFKC');
  return PUNCT_FOLD[n] ?? n;
}

const RE_MARKS = /[\p{M}\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}]/gu;

/** Lower-case, accent-free key of a word ("Código" → "codigo", "ＣＶＶ" → "cvv"). */
export function foldWord(raw: string, ascii: boolean): string {
  if (ascii) return raw.toLowerCase();
  return raw.normalize('NFKD').replace(RE_MARKS, '').toLowerCase();
}
