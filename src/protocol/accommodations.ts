/**
 * (1.5) Accommodations: what a customer needs from the chat, stated once up front (or later)
 * and kept with the conversation. The needs are tokens from a fixed list; the customer's own
 * words ("other") are a short note, redacted by the widget and again by the server.
 *
 * This module knows about nothing else: no DOM, no Node, no redaction.
 */

import { ACCOMMODATIONS } from './accommodation-list.js';
import type { Accommodation } from './accommodation-list.js';

export { ACCOMMODATIONS, needsFromAttribute } from './accommodation-list.js';
export type { Accommodation } from './accommodation-list.js';

/** Longest note ("other"), in UTF-16 code units. */
export const MAX_ACCOMMODATION_NOTE = 300;

/** What a customer stated: the needs (each once, in `ACCOMMODATIONS` order) and their note. */
export interface Accommodations {
  needs: Accommodation[];
  /** The customer's own words, redacted; absent when they wrote none. */
  note?: string;
}

/**
 * (1.5) The customer states (or changes) their accommodations; an empty list and no note
 * clears them. The server answers with an `accommodations` notice (numbered, replayed), or
 * `too-long` when the note is over `MAX_ACCOMMODATION_NOTE`.
 */
export interface AccommodationsFrame extends Accommodations {
  type: 'accommodations';
}

export function isAccommodation(value: unknown): value is Accommodation {
  return typeof value === 'string' && (ACCOMMODATIONS as readonly string[]).includes(value);
}

/** Known tokens only, each once, in the list's order; `undefined` when anything else is there. */
export function readNeeds(value: unknown): Accommodation[] | undefined {
  if (!Array.isArray(value) || value.length > ACCOMMODATIONS.length * 2) return undefined;
  if (!value.every(isAccommodation)) return undefined;
  return ACCOMMODATIONS.filter((need) => value.includes(need));
}

/** A statement's own copy, so that a stored one never shares its list with another. */
export function copyAccommodations(stated: Accommodations): Accommodations {
  return stated.note === undefined
    ? { needs: [...stated.needs] }
    : { needs: [...stated.needs], note: stated.note };
}

/** Whether two statements say the same. */
export function sameAccommodations(a: Accommodations | undefined, b: Accommodations | undefined): boolean {
  return (a?.needs ?? []).join(' ') === (b?.needs ?? []).join(' ') && (a?.note ?? '') === (b?.note ?? '');
}

/**
 * Reads an `accommodations` notice's fields in place: needs this client does not know (a newer
 * server's) are left out; false when the fields are not a list of strings and an optional note.
 */
export function readAccommodationsNotice(notice: Record<string, unknown>): boolean {
  const { needs, note } = notice;
  if (!Array.isArray(needs) || needs.length > 32 || !needs.every((n) => typeof n === 'string')) return false;
  if (note !== undefined && (typeof note !== 'string' || note.length > MAX_ACCOMMODATION_NOTE)) return false;
  notice['needs'] = ACCOMMODATIONS.filter((need) => needs.includes(need));
  return true;
}
