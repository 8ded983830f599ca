/**
 * An external bot that takes the virtual assistant's turn, over HTTP in the Rasa REST channel
 * format: `POST {url}` with `{"sender": "<conversation id>", "message": "<text>", "metadata":
 * {"lang": "en" | "es"}}` (Rasa passes `metadata` to the bot's custom actions), answered by a
 * JSON array of messages `[{"recipient_id"?, "text"?, "buttons"?: [{"title", "payload"}]}]`.
 *
 * The bot is untrusted: its answer is read up to `MAX_BOT_BODY_BYTES`, must be a JSON array,
 * and only string `text` and `buttons` of string `title`/`payload` are kept, cut to the limits
 * below (anything else in an item is ignored). Buttons become quick replies that show and send
 * their title; the caller gives the bot the payload when the customer sends a title back. Every
 * string is passed through `clean` (the caller's redactor) before it goes anywhere. A bot that
 * does not answer within the timeout,
 * cannot be reached, answers other than 2xx, or answers nothing usable gives a `BotFailure`,
 * never an exception: the caller falls back to the built-in assistant.
 *
 * This module only talks to the bot; server/chat-server/bot-turn.ts decides which turns go to
 * it and what the customer sees.
 */
import { MAX_MESSAGE_LENGTH } from '../src/protocol.js';
import { wholeNumber } from './option-values.js';

/** Messages of one answer kept (the rest are dropped). */
export const MAX_BOT_MESSAGES = 5;
/** Buttons of one message kept, as quick replies. */
export const MAX_BOT_BUTTONS = 6;
/** Longest button title kept (longer ones are cut). */
export const MAX_BUTTON_TITLE = 80;
/** Longest button payload (what the bot gets when its title is sent back); a longer button is dropped. */
export const MAX_BUTTON_PAYLOAD = 500;
/** Items of the answer, and buttons of an item, looked at (the rest are ignored unread). */
export const MAX_BOT_ITEMS = 20;
/** Largest answer body read; a larger one is a failure. */
export const MAX_BOT_BODY_BYTES = 64 * 1024;
/** How long the bot has to answer by default, in ms. */
export const DEFAULT_BOT_TIMEOUT_MS = 3000;

export interface ExternalBot {
  /** http or https URL the turns are POSTed to (Rasa: `…/webhooks/rest/webhook`). */
  readonly url: string;
  /** How long the bot has to answer, in ms. */
  readonly timeoutMs: number;
}

/** A button of the bot's: the customer sees and sends `title`; the bot gets `payload` back. */
export interface BotButton {
  title: string;
  payload: string;
}

/** One message of the bot's answer, as the customer will see it. */
export interface BotMessage {
  text: string;
  buttons?: BotButton[];
}

/** Why the bot's turn went to the built-in assistant (logged; never the text). */
export type BotFailureReason = 'timeout' | 'network' | 'status' | 'too-large' | 'malformed' | 'empty';

export type BotAnswer = { ok: true; messages: BotMessage[] } | BotFailure;

export interface BotFailure {
  ok: false;
  reason: BotFailureReason;
  /** The HTTP status, for `status`. */
  status?: number;
}

/** The URL checked: http or https only (the customer's text goes there). Throws otherwise. */
export function botUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an http or https URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must be an http or https URL`);
  }
  return url.href;
}

/**
 * `CHAT_BOT_URL` and `CHAT_BOT_TIMEOUT_MS` (ms, at least 1) as server options; empty when
 * `CHAT_BOT_URL` is not set. Invalid values throw an Error that names the variable.
 */
export function botFromEnv(env: NodeJS.ProcessEnv = process.env): { botUrl?: string; botTimeoutMs?: number } {
  const out: { botUrl?: string; botTimeoutMs?: number } = {};
  const url = env['CHAT_BOT_URL'];
  if (url) out.botUrl = botUrl('CHAT_BOT_URL', url);
  const timeout = wholeNumber('CHAT_BOT_TIMEOUT_MS', env['CHAT_BOT_TIMEOUT_MS'], 1);
  if (timeout !== undefined) out.botTimeoutMs = timeout;
  return out;
}

/** One turn for the bot: nothing in it says who the customer is. */
export interface BotTurn {
  /** An opaque id of the conversation. */
  sender: string;
  /** The customer's text, already redacted. */
  message: string;
  /** The conversation's language. */
  lang: 'en' | 'es';
}

/**
 * Asks the bot for its answer to a turn. `clean` redacts each string of the answer. `stop`
 * aborts the request (server shutdown).
 */
export async function askBot(
  bot: ExternalBot,
  { sender, message, lang }: BotTurn,
  clean: (text: string) => string,
  stop?: AbortSignal,
): Promise<BotAnswer> {
  const timeout = AbortSignal.timeout(bot.timeoutMs);
  const signal = stop ? AbortSignal.any([timeout, stop]) : timeout;
  let body: string | undefined;
  let response: Response;
  try {
    response = await fetch(bot.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ sender, message, metadata: { lang } }),
      // The customer's text goes to the configured URL only, never where a redirect points.
      redirect: 'error',
      signal,
    });
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, reason: 'status', status: response.status };
    }
    body = await readCapped(response, MAX_BOT_BODY_BYTES);
  } catch {
    return { ok: false, reason: timeout.aborted ? 'timeout' : 'network' };
  }
  if (body === undefined) return { ok: false, reason: 'too-large' };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  return readAnswer(json, clean);
}

/** The body as text, or undefined when it is larger than `max` bytes (the rest is not read). */
async function readCapped(response: Response, max: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > max) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Control characters other than tab and line feed (the transcript shows plain text). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Characters past a cut that the redactor still reads, and that are then dropped: a secret the
 * cut would split (a card number's last digits past it) is recognized whole, and what remains
 * of one split at the end of what was read is not kept.
 */
const CUT_MARGIN = 100;

/**
 * A string of the bot's answer, redacted by `clean` and at most `max` characters: controls
 * removed, trimmed; '' for anything but a string. A longer one is redacted up to `max` plus the
 * margin, and cut after redaction, so that the redactor reads every secret whole; the redactor
 * never reads more than that, however long the bot's string.
 */
function textOf(value: unknown, max: number, clean: (text: string) => string): string {
  if (typeof value !== 'string') return '';
  const text = value.replace(CONTROL, '').trim();
  const long = text.length > max + CUT_MARGIN;
  const read = clean(long ? text.slice(0, max + CUT_MARGIN) : text);
  const kept = long ? read.slice(0, read.length - CUT_MARGIN) : read;
  return kept.length > max || long ? `${kept.slice(0, max - 1).trimEnd()}…` : kept;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The buttons of one item, redacted (a title that repeats one before it is dropped). */
function buttonsOf(value: unknown, clean: (text: string) => string): BotButton[] {
  if (!Array.isArray(value)) return [];
  const out: BotButton[] = [];
  for (const item of (value as unknown[]).slice(0, MAX_BOT_ITEMS)) {
    if (out.length >= MAX_BOT_BUTTONS) break;
    if (!isRecord(item)) continue;
    const title = textOf(item['title'], MAX_BUTTON_TITLE, clean);
    if (title === '') continue;
    const raw = item['payload'];
    // A payload is the bot's own words back to it: one too long is dropped, never cut.
    if (typeof raw === 'string' && raw.length > MAX_BUTTON_PAYLOAD) continue;
    const payload = raw === undefined ? title : textOf(raw, MAX_BUTTON_PAYLOAD + 1, clean);
    if (payload === '' || payload.length > MAX_BUTTON_PAYLOAD) continue;
    if (!out.some((b) => b.title === title)) out.push({ title, payload });
  }
  return out;
}

/**
 * The bot's answer checked: an array of items whose `text` becomes a message and whose
 * `buttons` its quick replies (buttons without text go with the message before them). Items
 * with nothing usable are skipped; an answer with no message at all is `empty`.
 */
export function readAnswer(json: unknown, clean: (text: string) => string): BotAnswer {
  if (!Array.isArray(json)) return { ok: false, reason: 'malformed' };
  const messages: BotMessage[] = [];
  for (const item of (json as unknown[]).slice(0, MAX_BOT_ITEMS)) {
    if (!isRecord(item)) continue;
    const said = typeof item['text'] === 'string' && item['text'].replace(CONTROL, '').trim() !== '';
    if (said && messages.length >= MAX_BOT_MESSAGES) break;
    const text = said ? textOf(item['text'], MAX_MESSAGE_LENGTH, clean) : '';
    const buttons = buttonsOf(item['buttons'], clean);
    let message: BotMessage | undefined;
    if (text !== '') {
      message = { text };
      messages.push(message);
    } else message = messages[messages.length - 1];
    if (message === undefined || buttons.length === 0) continue;
    const all = [...(message.buttons ?? []), ...buttons];
    message.buttons = all
      .filter((b, i) => all.findIndex((o) => o.title === b.title) === i)
      .slice(0, MAX_BOT_BUTTONS);
  }
  return messages.length > 0 ? { ok: true, messages } : { ok: false, reason: 'empty' };
}
