/**
 * The customer's record of a conversation: a plain-text transcript to download and a
 * print-friendly view. Both are built from the transcript as shown, which holds only redacted
 * text, and only with text APIs (no HTML is parsed, so nothing in a message can become markup).
 * Every server string goes through `displayText` (no bidi controls or invisible characters).
 *
 * The file: UTF-8, LF line breaks; a title line ("Customer Care chat transcript"), a `Saved …`
 * line, `Reference number: …` once the chat ended, a blank line, one `[time] sender: text` entry
 * per message, then a blank line and `Summary: …`. Only the widget writes at the start of a
 * line: every further line of a text or summary (whatever break it held: LF, CR, CRLF, NEL, LS,
 * PS, VT, FF) starts with four spaces, and names and the reference number are one line each, so
 * no sender can be forged.
 */
import type { CaseInfo, TranscriptMessage } from '../conversation/index.js';
import type { Locale, Strings } from './i18n.js';
import { displayText } from './display-text.js';

export interface TranscriptInput {
  /** The widget's strings and formats (times and dates for the page's whole tag). */
  t: Strings;
  /** The language of the strings (the print view's `lang`). */
  locale: Locale;
  heading: string;
  messages: readonly TranscriptMessage[];
  case?: CaseInfo | undefined;
  /** When the record is made (tests pass a fixed time). */
  now?: Date;
}

interface Line {
  when: string;
  who: string;
  text: string;
}

function lines(input: TranscriptInput): Line[] {
  const { t } = input;
  return input.messages
    .filter((m) => m.status !== 'failed')
    .map((m) => ({
      when: t.time(new Date(m.at)),
      who: t.senderPrefix(displayText(m.name, 'name'), m.from),
      text: displayText(m.text),
    }));
}

function savedLine({ t, now }: TranscriptInput): string {
  return t.transcriptSaved(t.date(now ?? new Date()));
}

/** A text's further lines start with four spaces, where no sender is ever written. */
const indent = (text: string): string => text.replace(/\n/g, '\n    ');

/** The transcript as plain text (LF line breaks, UTF-8 when downloaded; the format is above). */
export function transcriptText(input: TranscriptInput): string {
  const { t } = input;
  const info = input.case;
  const out = [t.transcriptTitle(input.heading), savedLine(input)];
  if (info) out.push(`${t.referenceNumber}: ${displayText(info.caseNumber, 'case')}`);
  out.push('');
  for (const line of lines(input)) out.push(`[${line.when}] ${line.who}: ${indent(line.text)}`);
  if (info) out.push('', `${t.summary}: ${indent(displayText(info.summary, 'summary'))}`);
  return `${out.join('\n')}\n`;
}

/** A file name such as `chat-transcript-AMX-4KF7-Q2ZD.txt`. */
export function transcriptFileName(caseInfo: CaseInfo | undefined, now = new Date()): string {
  const id = caseInfo?.caseNumber.replace(/[^A-Za-z0-9-]/g, '') || now.toISOString().slice(0, 10);
  return `chat-transcript-${id}.txt`;
}

/** Starts a download of the transcript as a `.txt` file. */
export function downloadTranscript(input: TranscriptInput, root: Node & ParentNode): void {
  const blob = new Blob([transcriptText(input)], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = transcriptFileName(input.case, input.now);
  link.hidden = true;
  root.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The print view's look: a readable page in the system font (adopted, so a strict CSP allows it). */
const PRINT_STYLES =
  'body{max-width:40em;margin:auto;padding:1em;font:1rem/1.5 system-ui,sans-serif;overflow-wrap:anywhere}dt{font-weight:600}ol{list-style:none;padding:0}li{margin-block:1em;break-inside:avoid}time{color:#555}dd,li p{margin:0;white-space:pre-wrap}';

/**
 * Opens a print-friendly view of the transcript in a new window and opens the print dialog.
 * The page is built with DOM text APIs and styled with an adopted stylesheet: no markup, inline
 * style or script, so it works under a strict Content Security Policy. Titled by the panel
 * heading and the reference number (the name a saved PDF gets), in the conversation's language.
 * Returns false when the browser blocked the window.
 */
export function printTranscript(input: TranscriptInput): boolean {
  const view = window.open('', '_blank') as (Window & typeof globalThis) | null;
  if (!view) return false;
  const doc = view.document;
  const { t } = input;
  const title = t.transcriptTitle(input.heading);
  const caseNumber = input.case && displayText(input.case.caseNumber, 'case');
  doc.title = caseNumber ? `${title} – ${caseNumber}` : title;
  doc.documentElement.lang = input.locale;
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(PRINT_STYLES);
  doc.adoptedStyleSheets = [sheet];
  const add = <K extends keyof HTMLElementTagNameMap>(
    parent: HTMLElement,
    tag: K,
    text?: string,
  ): HTMLElementTagNameMap[K] => {
    const el = doc.createElement(tag);
    if (text !== undefined) el.textContent = text;
    parent.append(el);
    return el;
  };
  const body = doc.body;
  body.replaceChildren();
  const main = add(body, 'main');
  add(main, 'h1', title);
  add(main, 'p', savedLine(input));
  if (input.case) {
    const facts = add(main, 'dl');
    add(facts, 'dt', t.referenceNumber);
    add(facts, 'dd', caseNumber);
    add(facts, 'dt', t.summary);
    add(facts, 'dd', displayText(input.case.summary, 'summary'));
  }
  add(main, 'h2', t.conversation);
  const list = add(main, 'ol');
  for (const line of lines(input)) {
    const item = add(list, 'li');
    add(item, 'strong', line.who);
    item.append(' ');
    add(item, 'time', line.when);
    add(item, 'p', line.text);
  }
  view.focus();
  view.print();
  return true;
}
