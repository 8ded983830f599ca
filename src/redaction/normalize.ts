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

/**
 * Ideographic numerals, letters to Unicode but digits to a reader: 〇 一 二 … 九 and 零. A
 * Chinese sentence's 一 then reads as 1, which costs this product's English and Spanish chats
 * nothing.
 */
const IDEOGRAPHIC_DIGITS = new Map<number, number>([
  [0x3007, 0],
  [0x96f6, 0],
  [0x4e00, 1],
  [0x4e8c, 2],
  [0x4e09, 3],
  [0x56db, 4],
  [0x4e94, 5],
  [0x516d, 6],
  [0x4e03, 7],
  [0x516b, 8],
  [0x4e5d, 9],
]);

function classify(cp: number): { cls: number; digit: number } {
  const s = String.fromCodePoint(cp);
  if (RE_ND.test(s)) return { cls: C_DIGIT, digit: ndValue(cp) };
  const ideograph = IDEOGRAPHIC_DIGITS.get(cp);
  if (ideograph !== undefined) return { cls: C_DIGIT, digit: ideograph };
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
 * counts. Ten and above (⑩, ❿, ➉, Ⅹ) are not digits.
 */
const DIGIT_FORMS: readonly (readonly [number, number, number])[] = [
  [0x00b2, 2, 2], // ² ³
  [0x00b9, 1, 1], // ¹
  [0x2070, 0, 1], // ⁰
  [0x2074, 4, 6], // ⁴ … ⁹
  [0x2080, 0, 10], // ₀ … ₉
  [0x1369, 1, 9], // ፩ … ፱ Ethiopic
  [0x2160, 1, 9], // Ⅰ … Ⅸ Roman numerals
  [0x2170, 1, 9], // ⅰ … ⅸ small Roman numerals
  [0x3021, 1, 9], // 〡 … 〩 Hangzhou numerals
  [0x3220, 1, 9], // ㈠ … ㈨ parenthesised ideographs
  [0x3280, 1, 9], // ㊀ … ㊈ circled ideographs
  [0x1d360, 1, 9], // 𝍠 … 𝍨 counting rods
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

/**
 * Letters that look like 0 or 1 (`O`, `l`, `I`, and their Cyrillic, Greek and full-width
 * twins), read as digits only inside a run of digits (decode.ts). '|' is here for the same
 * reader; its twins fold to it (PUNCT_FOLD).
 */
const LOOK_ALIKES = new Map<number, number>([
  [0x4f, 0], // O
  [0x6f, 0], // o
  [0x41e, 0], // О Cyrillic
  [0x43e, 0], // о Cyrillic
  [0x39f, 0], // Ο Greek
  [0x3bf, 0], // ο Greek
  [0xff2f, 0], // Ｏ
  [0xff4f, 0], // ｏ
  [0x6c, 1], // l
  [0x49, 1], // I
  [0x7c, 1], // |
  [0x399, 1], // Ι Greek
  [0x406, 1], // І Cyrillic
  [0x456, 1], // і Cyrillic
  [0x4c0, 1], // Ӏ Cyrillic palochka
  [0x4cf, 1], // ӏ
  [0x1c0, 1], // ǀ dental click
  [0x131, 1], // ı dotless i
  [0x2113, 1], // ℓ
  [0xff29, 1], // Ｉ
  [0xff4c, 1], // ｌ
]);
const ASCII_LOOK_ALIKE = new Int8Array(128).fill(-1);
for (const [c, v] of LOOK_ALIKES) if (c < 128) ASCII_LOOK_ALIKE[c] = v;

/** The digit a look-alike code unit reads as (0 or 1), or -1. */
export function lookAlikeValue(c: number): number {
  return c < 128 ? (ASCII_LOOK_ALIKE[c] ?? -1) : (LOOK_ALIKES.get(c) ?? -1);
}

const PUNCT_FOLD: Record<string, string> = {
  '\u2502': '|',
  '\u2503': '|',
  '\u2223': '|',
  '\uFF5C': '|',
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

/**
 * Cyrillic and Greek letters that look like Latin ones, so that a cue written with them
 * ("сvv" with a Cyrillic с, "раssword") is still the cue.
 */
const CONFUSABLES: Readonly<Record<string, string>> = {
  а: 'a',
  е: 'e',
  ё: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  һ: 'h',
  ԛ: 'q',
  ԝ: 'w',
  к: 'k',
  м: 'm',
  т: 't',
  ν: 'v',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  ι: 'i',
  κ: 'k',
  υ: 'u',
  χ: 'x',
  ε: 'e',
};
const RE_CONFUSABLE = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'gu');

function latinTwin(ch: string): string {
  return CONFUSABLES[ch] ?? ch;
}

/** Lower-case, accent-free key of a word ("Código" → "codigo", "ＣＶＶ" → "cvv", "сvv" → "cvv"). */
export function foldWord(raw: string, ascii: boolean): string {
  if (ascii) return raw.toLowerCase();
  // Latin-1 (Spanish accents, ñ, soft hyphens): each character folds on its own, so the key is
  // its characters' folds, each made once; other scripts take the whole way.
  let key = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c > 0xff) return foldText(raw);
    key += LATIN1_FOLD[c] ??= foldText(String.fromCharCode(c));
  }
  return key;
}

/**
 * The fold of any text: compatibility decomposition, without marks and invisible characters,
 * lower case, Latin twins. For a character below U+0100 every step reads that character alone.
 */
function foldText(raw: string): string {
  return raw.normalize('NFKD').replace(RE_MARKS, '').toLowerCase().replace(RE_CONFUSABLE, latinTwin);
}

/** The fold of each character below U+0100, made on first use. */
const LATIN1_FOLD: string[] = [];
