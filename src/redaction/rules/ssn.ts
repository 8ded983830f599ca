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
export const SSN_CUES: readonly string[] = [
  'ssn', // abbreviation
  'ssn#', // abbreviation
  'ss#', // abbreviation
  'ss no', // abbreviation
  'social', // "my social is …"
  'social security', // full name
  'social security number', // full name
  'soc sec', // abbreviation
  'itin', // Individual Taxpayer Identification Number
  'tin', // Taxpayer Identification Number
  'tax id', // taxpayer id
  'taxpayer id', // taxpayer id
  'taxpayer identification number', // full name
  'seguro social', // ES: social security
  'número de seguro social', // ES: social security number
  'contribuyente', // ES: taxpayer (número de contribuyente)
  'identificación fiscal', // ES: tax id
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
