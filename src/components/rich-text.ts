/**
 * Finds the links worth making clickable in an assistant's or agent's message (the only text
 * that gets links: names, notices, summaries, the customer's own text and the typing line never
 * do). The text has been through `displayText` (display-text.ts) first. Only these become links:
 * `https:` (to the hosts of the `link-hosts` attribute when it is set), `tel:`, and `mailto:`
 * with an address alone (a `?` of `bcc`, `cc`, `body` or `subject` could send a copy elsewhere
 * or pre-write the mail: it stays text). Anything else (javascript:, data:, vbscript:, look-alike
 * Unicode schemes, hosts with non-ASCII letters that could be homographs) stays plain text, shown
 * as it was written. Lit renders the pieces as text nodes and attributes, so nothing here is ever
 * parsed as markup.
 */

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

/** A plain address: no query (`?bcc=`, `?body=`), no fragment, one recipient. */
const MAILTO = /^mailto:[\w.+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i;

/**
 * Whether `host` is on the `link-hosts` list (hosts separated by commas or spaces): `example.com`
 * is that host alone, `*.example.com` its subdomains (not itself, as in CSP). An empty list allows
 * any host.
 */
function allowedHost(host: string, list: string): boolean {
  const entries = list.toLowerCase().match(/[^\s,]+/g);
  return (
    !entries ||
    entries.some((entry) => (entry.startsWith('*.') ? host.endsWith(entry.slice(1)) : host === entry))
  );
}

function toLink(candidate: string, hosts: string): LinkPart | undefined {
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
      if (!url.hostname.includes('.') || !allowedHost(url.hostname, hosts)) return undefined;
      return { href: url.href, text: candidate };
    }
    case 'mailto:':
      return MAILTO.test(candidate) ? { href: url.href, text: candidate } : undefined;
    case 'tel:': {
      const digits = candidate.slice(4).replace(/[\s().-]/g, '');
      return /^\+?\d{3,20}$/.test(digits) ? { href: `tel:${digits}`, text: candidate } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Splits displayed text into plain strings and links (allowed schemes only); `hosts` is the
 * `link-hosts` attribute (empty: any `https:` host).
 */
export function linkify(text: string, hosts = ''): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index;
    const raw = match[0].replace(TRAILING, '');
    const link = toLink(raw, hosts);
    if (!link) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(link);
    at = start + raw.length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
