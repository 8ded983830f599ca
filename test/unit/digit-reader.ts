/**
 * How a person reads digits out of a text, written for the tests independently of
 * src/redaction: every Unicode decimal digit, the characters with a digit's value that people
 * type as digits (circled, dingbat, parenthesised, superscript, "1." forms), number words in
 * English and Spanish (with double/triple, "oh" for zero inside a number) and look-alike letters
 * (O/o for 0; l, I, | for 1) next to digits. Each digit comes with the span of text it was read
 * from, so a test can ask which digits a redaction left readable.
 */

export interface ReadDigit {
  digit: string;
  start: number;
  end: number;
}

/** Characters with a digit value that are not `\p{Nd}`, by first code point and count. */
const VALUE_RANGES: [number, number, number][] = [
  // [first code point, value of the first, count]
  [0x2460, 1, 9], // ① … ⑨
  [0x24ea, 0, 1], // ⓪
  [0x2474, 1, 9], // ⑴ … ⑼
  [0x2488, 1, 9], // ⒈ … ⒐
  [0x24f5, 1, 9], // ⓵ … ⓽
  [0x24ff, 0, 1], // ⓿
  [0x2776, 1, 9], // ❶ … ❾
  [0x2780, 1, 9], // ➀ … ➈
  [0x278a, 1, 9], // ➊ … ➒
  [0x2070, 0, 1], // ⁰
  [0x00b9, 1, 1], // ¹
  [0x00b2, 2, 2], // ² ³
  [0x2074, 4, 6], // ⁴ … ⁹
  [0x2080, 0, 10], // ₀ … ₉
  [0x1369, 1, 9], // ፩ … ፱ Ethiopic
  [0x2160, 1, 9], // Ⅰ … Ⅸ
  [0x2170, 1, 9], // ⅰ … ⅸ
  [0x3021, 1, 9], // 〡 … 〩
  [0x3220, 1, 9], // ㈠ … ㈨
  [0x3280, 1, 9], // ㊀ … ㊈
  [0x1d360, 1, 9], // 𝍠 … 𝍨
  [0x1f100, 0, 1], // 🄀 (digit zero full stop)
  [0x1f101, 0, 10], // 🄁 … 🄊 (digit comma)
  [0x1f10b, 0, 1], // 🄋 dingbat circled sans-serif zero
  [0x1f10c, 0, 1], // 🄌 dingbat negative circled sans-serif zero
];

/** Chinese and Japanese numerals. */
const IDEOGRAPHS = '〇一二三四五六七八九';

function charValue(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (IDEOGRAPHS.includes(ch)) return IDEOGRAPHS.indexOf(ch);
  if (ch === '零') return 0;
  for (const [first, value, count] of VALUE_RANGES) {
    if (cp >= first && cp < first + count) return value + cp - first;
  }
  if (/\p{Nd}/u.test(ch)) {
    let zero = cp;
    while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
    return (cp - zero) % 10;
  }
  const n = ch.normalize('NFKC');
  if (n.length === 1 && n >= '0' && n <= '9') return Number(n);
  return -1;
}

const WORDS: Record<string, string> = {
  zero: '0',
  nought: '0',
  naught: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  cero: '0',
  uno: '1',
  dos: '2',
  tres: '3',
  cuatro: '4',
  cinco: '5',
  seis: '6',
  siete: '7',
  ocho: '8',
  nueve: '9',
};
const REPEAT: Record<string, number> = { double: 2, triple: 3, doble: 2 };
const LOOK_ALIKE: Record<string, string> = {
  O: '0',
  o: '0',
  l: '1',
  I: '1',
  '|': '1',
  // Cyrillic, Greek and full-width twins.
  О: '0',
  о: '0',
  Ο: '0',
  ο: '0',
  Ｏ: '0',
  ｏ: '0',
  Ι: '1',
  І: '1',
  і: '1',
  ǀ: '1',
  ı: '1',
  ℓ: '1',
  ӏ: '1',
  Ӏ: '1',
  '│': '1',
};
/** Look-alike words a person reads as words when other words are around: "lol", Spanish "lo". */
const LOOK_ALIKE_WORDS = new Set(['lol', 'loo', 'lool', 'ill', 'lo', 'io', 'ol', 'oi']);
/** Words that carry nothing in a message of look-alikes ("ok I", "the rest is O"). */
const FILLERS = new Set([
  'ok',
  'okay',
  'k',
  'and',
  'then',
  'the',
  'rest',
  'is',
  'it',
  'yes',
  'sure',
  'y',
  'es',
]);
const INVISIBLE = /[\p{Cf}\p{Mn}\p{Me}]/u;

/** The digits a person reads in `text`, in order, each with its span. */
export function readDigits(text: string): ReadDigit[] {
  const out: ReadDigit[] = [];
  // Split into characters and words (letters only), keeping offsets.
  const re = /\p{L}+|[\s\S]/gu;
  const items: { s: string; start: number; end: number }[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text))
    items.push({ s: m[0], start: m.index, end: m.index + m[0].length });
  let repeat = 1;
  let prevNumber = false;
  const alone = onlyLookAlikes(items);
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (INVISIBLE.test(it.s)) continue;
    const lower = it.s.toLowerCase();
    if (/^\p{L}+$/u.test(it.s)) {
      if (REPEAT[lower] !== undefined) {
        repeat = REPEAT[lower];
        continue;
      }
      const w = WORDS[lower] ?? (lower === 'oh' && prevNumber ? '0' : undefined);
      if (w !== undefined) {
        for (let r = 0; r < repeat; r++) out.push({ digit: w, start: it.start, end: it.end });
        repeat = 1;
        prevNumber = true;
        continue;
      }
      // Chinese and Japanese numerals are letters to Unicode.
      if (Array.from(it.s).every((c) => charValue(c) >= 0)) {
        let at = it.start;
        for (const c of it.s) {
          out.push({ digit: String(charValue(c)), start: at, end: at + c.length });
          at += c.length;
        }
        prevNumber = true;
        continue;
      }
      // Look-alike letters glued to a digit (before or after, across other look-alikes), or
      // spaced from one when they cannot be a word (three or more, or a lone l).
      if (
        allLookAlike(it.s) &&
        (alone || notAWord(it.s) || gluedToDigit(items, i) || spacedFromDigit(items, i))
      ) {
        let at = it.start;
        for (const c of it.s) {
          out.push({ digit: LOOK_ALIKE[c]!, start: at, end: at + c.length });
          at += c.length;
        }
        prevNumber = true;
        continue;
      }
      repeat = 1;
      prevNumber = false;
      continue;
    }
    if ((it.s === '|' || it.s === '│') && (alone || gluedToDigit(items, i) || spacedFromDigit(items, i))) {
      out.push({ digit: '1', start: it.start, end: it.end });
      continue;
    }
    // One code point (the pattern's `u` flag keeps a surrogate pair whole).
    const ch = it.s;
    const end = it.end;
    const v = charValue(ch);
    if (v >= 0) {
      for (let r = 0; r < repeat; r++) out.push({ digit: String(v), start: it.start, end });
      repeat = 1;
      prevNumber = true;
    } else if (!/\s|[-,.]/u.test(ch)) {
      prevNumber = false;
    }
  }
  return out;
}

function isDigitChar(s: string | undefined): boolean {
  return s !== undefined && charValue(s) >= 0;
}

/** Every character of `s` is a look-alike letter (they are all ASCII, so code units will do). */
function allLookAlike(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (LOOK_ALIKE[s.charAt(i)] === undefined) return false;
  return s.length > 0;
}

/**
 * A word of look-alikes that is no word: two letters or more ("llllll", "OO", not "lol" or
 * "lo"), or one letter that is a one and not `I` (`l`).
 */
function notAWord(s: string): boolean {
  const letters = Array.from(s);
  if (letters.length >= 2) return !LOOK_ALIKE_WORDS.has(s.toLowerCase());
  return s !== 'I' && LOOK_ALIKE[s] === '1';
}

/** A message of look-alikes alone (fillers, marks and spaces around them): all of it is digits. */
function onlyLookAlikes(items: { s: string }[]): boolean {
  let some = false;
  for (const { s } of items) {
    if (/^\p{L}+$/u.test(s)) {
      if (allLookAlike(s)) some = true;
      else if (!FILLERS.has(s.toLowerCase())) return false;
    } else if (s === '|' || s === '│') some = true;
  }
  return some;
}

function gluedToDigit(items: { s: string }[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const s = items[j]!.s;
    if (isDigitChar(s)) return true;
    if (s === '-') continue;
    if (!allLookAlike(s) || /\s/u.test(s)) break;
  }
  for (let j = i + 1; j < items.length; j++) {
    const s = items[j]!.s;
    if (isDigitChar(s)) return true;
    if (s === '-') continue;
    if (!allLookAlike(s) || /\s/u.test(s)) break;
  }
  return false;
}

/** A look-alike that reads as digits across spaces: three or more, or a lone l or '|'. */
function spacedAlike(s: string): boolean {
  return allLookAlike(s) && (Array.from(s).length >= 3 || s === 'l' || s === '|' || s === '│');
}

/** Item i, spaced look-alikes, reaches a digit across spaces and other spaced look-alikes. */
function spacedFromDigit(items: { s: string }[], i: number): boolean {
  if (!spacedAlike(items[i]!.s)) return false;
  for (const dir of [-1, 1]) {
    for (let j = i + dir; j >= 0 && j < items.length; j += dir) {
      const s = items[j]!.s;
      if (isDigitChar(s)) return true;
      if (/\s/u.test(s) || spacedAlike(s)) continue;
      break;
    }
  }
  return false;
}

/** The digits a person reads in `text`, as one string. */
export function readDigitString(text: string): string {
  return readDigits(text)
    .map((d) => d.digit)
    .join('');
}

/**
 * How many digits of `secret` a reader can find, in order, in `digits` (their longest common
 * subsequence): what a text that left tells about the secret.
 */
export function digitsOfSecretIn(secret: string, digits: string): number {
  let prev = new Array<number>(digits.length + 1).fill(0);
  for (let i = 1; i <= secret.length; i++) {
    const row = new Array<number>(digits.length + 1).fill(0);
    for (let j = 1; j <= digits.length; j++)
      row[j] = secret[i - 1] === digits[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    prev = row;
  }
  return prev[digits.length]!;
}
