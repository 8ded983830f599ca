/**
 * (1.5) The list of accommodations and the `accommodations` attribute's reading: all the
 * element's launcher needs of them, apart from the rest (accommodations.ts), which only the panel
 * and the server use.
 */

/**
 * The needs a customer can state: `screen-reader` (uses a screen reader), `more-time` (the
 * inactivity timeout is longer), `written-summary` (the end summary is complete and in the
 * transcript and its download), `hearing` (deaf or hard of hearing: chat, not a call).
 */
export const ACCOMMODATIONS = ['screen-reader', 'more-time', 'written-summary', 'hearing'] as const;
export type Accommodation = (typeof ACCOMMODATIONS)[number];

/**
 * The needs a host wrote in the `accommodations` attribute (space-separated tokens): unknown
 * words are left out, so that a page written for a newer widget still works.
 */
export function needsFromAttribute(value: string | null | undefined): Accommodation[] {
  const words = (value ?? '').split(/\s+/);
  return ACCOMMODATIONS.filter((need) => words.includes(need));
}
