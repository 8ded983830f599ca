/**
 * Incoming text is text, never HTML. This module prepares it for display: it drops the bidi
 * control characters that could reorder what the customer sees (a message dressed up as
 * another sender or a notice, a URL that reads backwards), and finds the links worth making
 * clickable. Only `https:`, `mailto:` and `tel:` become links; anything else (javascript:,
 * data:, vbscript:, look-alike Unicode schemes, hosts with non-ASCII letters that could be
 * homographs) stays plain text, shown as it was written. Lit renders the pieces as text nodes
 * and attributes, so nothing here is ever parsed as markup.
 */

/** Embeddings, overrides and isolates (LRE…RLO, LRI…PDI) and the ALM/LRM/RLM marks. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text as displayed: without bidi controls (the bubble itself isolates its direction). */
export function displayText(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

export interface LinkPart {
  href: string;
  text: string;
}

export type TextPart = string | LinkPart;

/** Candidates: an ASCII scheme we allow, then everything up to whitespace or a bracket/quote. */
const CANDIDATE = /\b(?:https:\/\/|mailto:|tel:)[^\s<>"'`]+/gi;
/** Punctuation that ends a sentence rather than the link. */
const TRAILING = /[.,;:!?)\]}]+$/;
const ASCII_HOST = /^[a-z0-9.-]+$/i;

function toLink(candidate: string): LinkPart | undefined {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  switch (url.protocol) {
    case 'https:': {
      // The host as written must be plain ASCII (an IDN may be a homograph: leave it as text),
      // and no credentials ("https://bank.com@evil.example").
      const written = candidate.slice('https://'.length).split(/[/?#]/)[0] ?? '';
      if (!ASCII_HOST.test(written) || url.username || url.password) return undefined;
      if (!url.hostname.includes('.')) return undefined;
      return { href: url.href, text: candidate };
    }
    case 'mailto:':
      return /^[^@\s]+@[a-z0-9.-]+\.[a-z]{2,}$/i.test(decodeSafe(url.pathname))
        ? { href: url.href, text: candidate }
        : undefined;
    case 'tel:': {
      const digits = candidate.slice(4).replace(/[\s().-]/g, '');
      return /^\+?\d{3,20}$/.test(digits) ? { href: `tel:${digits}`, text: candidate } : undefined;
    }
    default:
      return undefined;
  }
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Splits displayed text into plain strings and links (allowed schemes only). */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index;
    const raw = match[0].replace(TRAILING, '');
    const link = toLink(raw);
    if (!link) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(link);
    at = start + raw.length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
