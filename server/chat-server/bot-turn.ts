/**
 * The assistant's turn handed to an external bot (server/external-bot.ts), when the server has
 * one (`botUrl`).
 *
 * Which turns go to the bot: every customer message the built-in assistant would answer,
 * except those whose answer changes where the conversation goes or keeps the customer safe: a
 * request for a person (the queue), urgent fraud (the phone route at once), questions about the
 * case just closed or a reference number's status, and the answers to an action the built-in
 * assistant is in the middle of (it asked for the card's last four digits, say). Those the
 * built-in assistant answers as it would without a bot. The decision is taken on a copy of the
 * assistant, so the one that keeps the record changes only for a turn it answers.
 *
 * What the bot gets: `sender`, the conversation's id (random, never the account or who the
 * customer is), `message`, the customer's text as stored, after the widget's redaction and the
 * server's second line, and `metadata.lang`, the conversation's language. What comes back is redacted again (a bot that echoes a card number
 * does not put it in the transcript or the store) and checked (external-bot.ts).
 *
 * The bot's buttons become quick replies that show and send their title, as the built-in
 * assistant's do, so the transcript reads as the customer sees it; when the customer sends one
 * of the titles of the bot's last answer, the bot gets that button's payload (Rasa's
 * `/intent{…}`). This instance remembers those titles (for `MAX_OFFERED` conversations): after
 * a reconnection to another instance, the bot gets the title as typed.
 *
 * The request is made once the message is stored, outside the transaction; the answer is said
 * in a transaction of its own. The turns of one conversation go to the bot one at a time, in
 * order, at most `MAX_WAITING_TURNS` waiting (beyond them the built-in assistant answers). When
 * the bot fails (timeout, network, non-2xx, an answer that is not the format, or nothing to
 * say), one line is logged (the reason, never the text) and the built-in assistant answers the
 * message as usual. An answer that arrives after a person took the conversation is dropped:
 * with a person the assistant stays quiet.
 */
import { redact } from '../../src/redaction/index.js';
import { ASSISTANT_NAME, createAssistant } from '../assistant/index.js';
import type { ContactCenter } from '../contact-center.js';
import { broadcast, say } from '../conversation.js';
import type { Conversation } from '../conversation.js';
import { askBot } from '../external-bot.js';
import type { BotAnswer, BotMessage, ExternalBot } from '../external-bot.js';
import type { Said } from '../model.js';
import type { Store } from '../store.js';
import { tx } from '../store.js';
import type { Reports } from './stats.js';

export interface BotTurns {
  /**
   * Inside the message's transaction: true when the bot takes this turn (the built-in
   * assistant then does not answer it now), false when the built-in assistant should.
   */
  take(conversation: Conversation, text: string): boolean;
  /** Aborts the requests in flight (server shutdown); their turns are dropped. */
  close(): void;
}

export interface BotTurnDeps {
  readonly bot: ExternalBot;
  readonly store: Store;
  readonly center: ContactCenter;
  readonly reports: Reports;
}

/**
 * The built-in assistant's answers that read or change what only this server knows: the case
 * just closed ("what was agreed?"), the status of a reference number, and needs stated in words
 * (recorded as the "Your needs" form records them).
 */
const BUILT_IN_INTENTS: ReadonlySet<string> = new Set(['case', 'case-status', 'needs']);

/**
 * Whether the built-in assistant keeps this turn (see the module comment). An action it started
 * (urgent fraud's lock, or one begun in a turn it answered for a failed bot) stays with it until
 * done or dropped, so the customer's answer reaches the one that asked. Otherwise a copy made
 * from the stored state decides; with no action pending, one message cannot complete one, so
 * the copy changes and files nothing.
 */
function builtInKeeps(conversation: Conversation, text: string): boolean {
  const state = conversation.assistant.state();
  if (state.pending !== null) return true;
  const probe = createAssistant(conversation.lang, state).reply(text);
  return probe.action !== undefined || BUILT_IN_INTENTS.has(probe.intent);
}

/**
 * Turns of one conversation waiting for the bot (asked, or queued behind the one asked); a
 * message beyond them is answered by the built-in assistant, so that a customer who sends
 * faster than the bot answers does not pile up requests and late answers.
 */
export const MAX_WAITING_TURNS = 3;

/** Hosts a plain-http bot may be on without a warning. */
const LOOPBACK: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Conversations whose last bot buttons this instance remembers (the oldest are forgotten). */
export const MAX_OFFERED = 10_000;

/** What the customer sees of a bot message: its text, and its buttons' titles as quick replies. */
function saidOf(message: BotMessage): Said {
  const out: Said = { text: message.text };
  if (message.buttons) out.quickReplies = message.buttons.map((b) => ({ label: b.title, value: b.title }));
  return out;
}

export function createBotTurns(deps: BotTurnDeps): BotTurns {
  const { bot, store, center, reports } = deps;
  const stopping = new AbortController();
  /** The last turn of each conversation still in flight: the next one waits for it. */
  const chains = new Map<string, Promise<void>>();
  /** How many turns of each conversation wait for the bot. */
  const waiting = new Map<string, number>();
  /** The buttons of each conversation's last bot answer: title → payload. */
  const offered = new Map<string, Map<string, string>>();

  /** Remembers the buttons of the bot's last answer (none: forgets the earlier ones). */
  function offer(conversationId: string, messages: BotMessage[]): void {
    offered.delete(conversationId);
    const buttons = new Map<string, string>();
    for (const m of messages)
      for (const b of m.buttons ?? []) if (!buttons.has(b.title)) buttons.set(b.title, b.payload);
    if (buttons.size === 0) return;
    offered.set(conversationId, buttons);
    if (offered.size > MAX_OFFERED) offered.delete(offered.keys().next().value as string);
  }

  /** Says the bot's answer, or lets the built-in assistant answer; inside a transaction. */
  function answer(conversationId: string, text: string, answer: BotAnswer): void {
    const conversation = store.world.conversations.get(conversationId);
    if (!conversation) return;
    const name = ASSISTANT_NAME[conversation.lang];
    if (conversation.phase === 'agent') {
      reports.log({
        msg: 'external bot answer dropped: a person has the conversation',
        conversation: conversationId,
      });
      broadcast(conversation, { type: 'typing', from: 'assistant', name, active: false });
      return;
    }
    if (!answer.ok) {
      reports.log({
        msg: 'external bot failed; the built-in assistant answers',
        conversation: conversationId,
        reason: answer.reason,
        ...(answer.status === undefined ? {} : { status: answer.status }),
      });
      reports.stats.botFallbacks += 1;
      center.answerLater(conversation, conversation.assistant.reply(text));
      return;
    }
    // The record keeps what the customer asked about, never something the bot says it did.
    conversation.assistant.observe(text);
    tx().touch(conversation);
    broadcast(conversation, { type: 'typing', from: 'assistant', name, active: false });
    reports.stats.botTurns += 1;
    offer(conversationId, answer.messages);
    for (const message of answer.messages) say(conversation, 'assistant', name, saidOf(message));
  }

  /** Redacts a string of the bot's answer in the conversation's language; counts what it found. */
  function cleaner(conversationId: string, lang: Conversation['lang']): (text: string) => string {
    return (text) => {
      const checked = redact(text, { lang });
      if (checked.findings.length > 0) {
        reports.stats.botRedacted += checked.findings.length;
        reports.log({
          msg: 'external bot redaction',
          conversation: conversationId,
          findings: checked.findings.length,
        });
      }
      return checked.text;
    };
  }

  async function turn(conversationId: string, lang: Conversation['lang'], text: string): Promise<void> {
    // A title of the bot's last buttons, sent back: the bot gets that button's payload.
    const message = offered.get(conversationId)?.get(text) ?? text;
    const result = await askBot(
      bot,
      { sender: conversationId, message, lang },
      cleaner(conversationId, lang),
      stopping.signal,
    );
    if (stopping.signal.aborted) return;
    await store.run(() => answer(conversationId, text, result), conversationId);
  }

  function queue(conversationId: string, lang: Conversation['lang'], text: string): void {
    waiting.set(conversationId, (waiting.get(conversationId) ?? 0) + 1);
    const before = chains.get(conversationId) ?? Promise.resolve();
    const next = before
      .then(() => turn(conversationId, lang, text))
      .catch((error: unknown) => reports.internalError('external bot turn', error))
      .finally(() => {
        const left = (waiting.get(conversationId) ?? 1) - 1;
        if (left > 0) waiting.set(conversationId, left);
        else waiting.delete(conversationId);
      });
    chains.set(conversationId, next);
    void next.then(() => {
      if (chains.get(conversationId) === next) chains.delete(conversationId);
    });
  }

  const url = new URL(bot.url);
  reports.log({ msg: 'external bot on', origin: url.origin, timeoutMs: bot.timeoutMs });
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    reports.log({
      msg: 'external bot over plain http beyond this machine: customer messages travel unencrypted; use https',
      level: 'warn',
    });
  }

  return {
    take(conversation, text) {
      if (builtInKeeps(conversation, text)) return false;
      if ((waiting.get(conversation.id) ?? 0) >= MAX_WAITING_TURNS) {
        reports.log({
          msg: 'external bot busy; the built-in assistant answers',
          conversation: conversation.id,
        });
        reports.stats.botFallbacks += 1;
        return false;
      }
      const name = ASSISTANT_NAME[conversation.lang];
      broadcast(conversation, { type: 'typing', from: 'assistant', name, active: true });
      const { id, lang } = conversation;
      tx().after(() => queue(id, lang, text));
      return true;
    },
    close() {
      stopping.abort();
    },
  };
}
