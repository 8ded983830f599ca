/**
 * How the agent console writes teams, languages, waits and times, and the language tags it
 * marks text with. The console's own words are English; times follow its locale (see
 * `consoleLocale`) with the widget's rules (Intl, `hour: 'numeric', minute: '2-digit'`: "3:07 PM"
 * for en-US, "15:07" for en-GB and es), so the agent and an en-US customer read the same clock.
 */
import type { Team } from '../src/agent-protocol.js';

/** The language of the console's own words. */
export const CONSOLE_LANGUAGE = 'en';

const TEAM_LABELS: Record<Team, string> = {
  general: 'General',
  disputes: 'Disputes',
  credit: 'Credit',
  rewards: 'Rewards',
  travel: 'Travel',
  supervisor: 'Supervisor',
};

export function teamLabel(team: Team): string {
  return TEAM_LABELS[team];
}

/** "the disputes team", "a supervisor". */
export function teamPhrase(team: Team): string {
  return team === 'supervisor' ? 'a supervisor' : `the ${team} team`;
}

const languageNames = new Intl.DisplayNames([CONSOLE_LANGUAGE], { type: 'language' });

/** A language's name in the console's words: "Spanish". */
export function languageLabel(lang: string): string {
  try {
    return languageNames.of(lang) ?? lang;
  } catch {
    return lang || 'Unknown';
  }
}

/**
 * The tag to mark a conversation's text with: its language, canonical ("es", "es-MX"), or
 * `undefined` when the server gave none or an ill-formed one (the text then inherits).
 */
export function contentLang(lang: string): string | undefined {
  if (!lang) return undefined;
  try {
    return Intl.getCanonicalLocales(lang)[0];
  } catch {
    return undefined;
  }
}

/** Whether a tag's language is the console's own ("en", "en-GB"). */
export function isConsoleLanguage(tag: string): boolean {
  return tag.toLowerCase().split(/[-_]/)[0] === CONSOLE_LANGUAGE;
}

/**
 * How long a customer has waited, in steps an agent can follow without the text changing every
 * second (WCAG 2.2.2): "less than a minute", then whole minutes, "1 h", "1 h 5 min". A negative
 * wait (the server's clock ahead of ours) is "less than a minute".
 */
export function formatWait(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** When the text of a wait that began at `since` next changes, seen at `now`. */
export function nextWaitChange(since: number, now: number): number {
  const waited = Math.max(0, now - since);
  return since + (Math.floor(waited / 60_000) + 1) * 60_000;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** A time of day in `locale` as the widget writes a message's time: "3:07 PM", "15:07". */
export function formatTime(at: number, locale: string): string {
  let format = timeFormats.get(locale);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      // An ill-formed tag ("en_GB") is a RangeError: its language stands in, else the browser's.
      try {
        format = new Intl.DateTimeFormat(locale.split(/[-_]/)[0], options);
      } catch {
        format = new Intl.DateTimeFormat(undefined, options);
      }
    }
    timeFormats.set(locale, format);
  }
  return format.format(at);
}

/** The next node up the tree, from a shadow root to its host: where `lang` is inherited from. */
export function up(node: Node): Node | null {
  return node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
}

/**
 * The console's locale, as the widget resolves its own: the element's `lang`, else the nearest
 * one up the tree through shadow roots to their hosts, else `<html lang>`, else the browser's.
 */
export function consoleLocale(element: Element): string {
  let lang: string | null | undefined = element.getAttribute('lang');
  for (let node = up(element); !lang && node; node = up(node)) {
    lang = node instanceof Element ? node.getAttribute('lang') : null;
  }
  return lang || document.documentElement.lang || navigator.language;
}
