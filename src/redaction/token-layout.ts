/**
 * How a token is stored in TokenList.data (tokens.ts), shared by the list and the tokenizer that
 * fills it (tokenizer.ts): its types, its flags and the fields of each token.
 */
import { MASK_CHAR } from './placeholders.js';

export const WORD = 0;
export const NUM = 1;
export const PUNCT = 2;
/** A placeholder left by an earlier redaction ("[code removed]"): opaque, never re-detected. */
export const PH = 3;

export const F_NL = 1; // the whitespace before the token holds a line break
export const F_MASK = 2; // a digit run glued to a mask character ("•0005")
export const F_CLEAN = 4; // only ASCII characters, no invisible ones: the key is a plain slice
export const F_LONG = 8; // a word longer than any keyword: its key is ''
export const F_DECODED = 16; // a NUM token read from words or look-alike letters (decode.ts)

/** Words longer than this are never keywords; their key is left empty. */
export const MAX_KEY_LENGTH = 24;
export const MASK_CODE = MASK_CHAR.charCodeAt(0);
/**
 * Fields of a token in TokenList.data: three numbers, 12 bytes a token (a megabyte of text may
 * hold a million, and memory first written costs more than the work on it).
 * Field 0: type (bits 0–1) | flags (bits 2–7) | gap (bits 8–15) | width in UTF-16 units (bits
 * 16–31; LONG when it does not fit, the end then kept apart).
 * Field 1: start. Field 2: NUM, its number of digits; WORD, PUNCT, PH: the hash of its key (a
 * NUM's hash is worked out when asked: only the phrase matcher asks).
 * A WORD's number of letters is its width when it is plain ASCII, else counted when asked.
 */
export const STRIDE = 3;
export const F_START = 1;
export const F_VAL = 2;
/** The width field of a token of LONG code units or more. */
export const LONG = 0xffff;
