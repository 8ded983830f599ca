/**
 * The one sanitiser for text the server sends that the widget shows (message bodies, sender and
 * typing names, quick-reply labels, case numbers, summaries) or writes into a transcript. It
 * removes what could reorder, hide or break what the customer reads: bidi embeddings, overrides,
 * isolates and marks, every other invisible format character (zero-width space, word joiner,
 * BOM, soft hyphen, tag characters), the Hangul fillers that pass for blank letters, and control
 * characters; it gives a text one kind of line break, and a one-line field none, within a bound.
 * Pure: no DOM, no Lit.
 */

// Explicit bidi controls and marks all go, because Arabic and Hebrew letters carry their own
// direction (the Unicode bidi algorithm orders a name like "محمد" or "דנה" correctly without
// them, and the widget isolates bubbles and summaries with dir="auto"), while ZWNJ and ZWJ stay
// between two non-ASCII letters or emoji, where Persian, Indic scripts and emoji sequences need them.
const HIDDEN = /[^\P{Cc}\t\n]|[^\P{Cf}\u200c\u200d]|[\u115f\u1160\u3164\uffa0]/gu;
/** A joiner next to ASCII, a space or an edge joins nothing a script needs: it can only hide. */
const LONE_JOINER = /(?<![^\s\0-\x7f])[\u200c\u200d]|[\u200c\u200d](?![^\s\0-\x7f])/g;
/** Every line break (CRLF, CR, NEL, LS, PS, vertical tab, form feed) becomes LF. */
const BREAKS = /\r\n?|[\v\f\x85\u2028\u2029]/g;

/** One-line fields and their bounds; `summary` keeps its lines. */
const MAX = { name: 64, label: 100, case: 40, summary: 2000 };

export type DisplayField = keyof typeof MAX;

/**
 * Server text as the widget shows it. Without `field`, a message body: its lines kept (LF only),
 * no bound. With one, a field bounded to its length (with "…"); all but `summary` on one line.
 */
export function displayText(text: string, field?: DisplayField): string {
  let out = text.replace(BREAKS, '\n').replace(HIDDEN, '').replace(LONE_JOINER, '');
  if (!field) return out;
  if (field !== 'summary') out = out.replace(/\s+/g, ' ').trim();
  const max = MAX[field];
  return out.length > max ? `${out.slice(0, max - 1).replace(/[\ud800-\udbff]$/, '')}…` : out;
}
