/**
 * Digits written as something else, read back as digits before any rule looks at the tokens:
 *
 * - look-alike letters inside a run of digits: `O`/`o` for 0; `l`, `I` and `|` for 1
 *   ("37828224631OOO5", "3782822463lOOO5", "4lll-llll-llll-llll"). Only letters glued to digits
 *   (no space between) or, for words of two or more such letters, joined to them by a separator
 *   inside the same run of text: a word on its own ("I", "COOL", "Ollie", "lol") is a word;
 * - number words, English and Spanish: zero/oh … nine, cero … nueve, teens and tens ("thirty
 *   seven", "treinta y siete", "veintidós"), double/triple/doble. A sequence of number words and
 *   digit runs (joined by spaces, dashes or commas) is read as digits when its words say two
 *   digits or more and the whole sequence three or more, so "one charge", "two cards", "the one
 *   ending in 1005" stay words while "cvv is four eight two one" is a code.
 *
 * Each decoded word (or glued run) becomes one NUM token over the same span of the original
 * text, so every rule after this sees digits and every mask replaces the words. The look-alikes
 * are read in decode-lookalikes.ts, the number words in decode-words.ts; this module runs both.
 */
import { giveBackInts } from './digit-ids.js';
import type { TokenList } from './tokens.js';
import { everyLookAlike, lookAlikePieces, onlyLookAlikes } from './decode-lookalikes.js';
import { Pieces } from './decode-pieces.js';
import { wordPieces } from './decode-words.js';

/**
 * T with number words and look-alike runs read as digits: T itself, rewritten in place when
 * there is something to decode (most messages have nothing: the tokenizer counted the words
 * that may be number words and the words glued or spaced to digits).
 */
export function decodeNumbers(T: TokenList): TokenList {
  const words = T.hinted > 0;
  // Look-alikes read when glued or joined to digits, or when some word may be digits alone.
  const alike = T.glued > 0 || T.joined > 0 || T.pipes > 0 || T.alone > 0;
  const whole = T.nums === 0 && onlyLookAlikes(T);
  if (!words && !alike && !whole) return T;
  const pieces = new Pieces(T.n);
  if (alike) lookAlikePieces(T, pieces);
  if (words) wordPieces(T, pieces);
  if (whole) everyLookAlike(T, pieces);
  if (pieces.n === 0) {
    if (pieces.end.length > 0) {
      giveBackInts(pieces.end);
      giveBackInts(pieces.digits);
    }
    return T;
  }
  // The list keeps the digits (and gives them back when released).
  T.decodeInPlace(pieces.end, pieces.digits, pieces.texts);
  giveBackInts(pieces.end);
  return T;
}
