/**
 * Social Security numbers and ITINs (9 digits).
 *
 * - AAA-GG-SSSS written with dashes, dots or spaces (mixed allowed) is removed WITHOUT any
 *   cue when its parts are ones the SSA or IRS issue (below). Invalid parts (000, 666, 00,
 *   0000) are left alone: they are usually something else.
 * - Any 9 digits (any grouping, or none) are removed when a cue is within 6 words before or
 *   right after ("my social is 123456789", "123456789 is my ssn"), whatever the parts.
 * - A benign cue closer to the number wins: "routing number 021000021", "ZIP 12345-6789".
 * - "last 4 of my social 1234" passes (4 digits are not an SSN).
 */
import type { CueRule } from './cue.js';

export const SSN_CUES: readonly CueRule[] = [
  { phrase: 'ssn' }, // abbreviation
  { phrase: 'ssn#' }, // abbreviation
  { phrase: 'ss#' }, // abbreviation
  { phrase: 'ss no' }, // abbreviation
  { phrase: 'social' }, // "my social is …"
  { phrase: 'social security' }, // full name
  { phrase: 'social security number' }, // full name
  { phrase: 'soc sec' }, // abbreviation
  { phrase: 'itin' }, // Individual Taxpayer Identification Number
  { phrase: 'tin' }, // Taxpayer Identification Number
  { phrase: 'tax id' }, // taxpayer id
  { phrase: 'taxpayer id' }, // taxpayer id
  { phrase: 'taxpayer identification number' }, // full name
  { phrase: 'seguro social' }, // ES: social security
  { phrase: 'número de seguro social' }, // ES: social security number
  { phrase: 'contribuyente' }, // ES: taxpayer (número de contribuyente)
  { phrase: 'identificación fiscal' }, // ES: tax id
];

/**
 * Parts the SSA issues: area not 000, 666 or 900–999 (never issued, also after the 2011
 * randomization); group not 00; serial not 0000.
 */
export function ssaValid(area: number, group: number, serial: number): boolean {
  return area !== 0 && area !== 666 && area < 900 && group !== 0 && serial !== 0;
}

/** ITIN: starts with 9, digits 4–5 in 50–65, 70–88, 90–92 or 94–99 (93 is an ATIN). */
export function itinValid(area: number, group: number, serial: number): boolean {
  if (area < 900 || serial === 0) return false;
  return (
    (group >= 50 && group <= 65) ||
    (group >= 70 && group <= 88) ||
    (group >= 90 && group <= 92) ||
    group >= 94
  );
}
