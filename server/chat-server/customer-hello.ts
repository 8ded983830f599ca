/**
 * A customer's hello, inside its transaction: the version check, the token check, a new
 * conversation (with its resume key) or the resume of one (its key, and its customer when it
 * was started with a token), the welcome and the replay. Also a tab's join: whether another
 * tab's sealed token is of this conversation's customer.
 */
import type { KeyObject } from 'node:crypto';
import { PROTOCOL_VERSION, acceptsEventBatches, knowsResumeKeys } from '../../src/protocol.js';
import type { ErrorCode, HelloFrame, ServerFrame } from '../../src/protocol.js';
import { redact } from '../../src/redaction/index.js';
import { ASSISTANT_NAME } from '../assistant/index.js';
import type { Lang } from '../assistant/index.js';
import type { Connection } from '../connections.js';
import type { ContactCenter } from '../contact-center.js';
import { said } from '../contact-center.js';
import { createConversation, notify, say } from '../conversation.js';
import type { Conversation } from '../conversation.js';
import { keyMatches, mintKey, openSealed, subjectHash } from '../resume-key.js';
import { tx } from '../store.js';
import type { Delivery, Follower } from './delivery.js';
import type { TokenVerdict } from './options.js';
import { versionRefusal } from './pipeline.js';
import type { Reports } from './stats.js';
import type { Verifications } from '../verification/index.js';

export interface HelloDeps {
  readonly conversations: Map<string, Conversation>;
  readonly center: Pick<ContactCenter, 'queueFrame'>;
  readonly delivery: Pick<Delivery, 'catchUp'>;
  readonly reports: Reports;
  /** Checks a hello's token (`ChatServerOptions.verifyToken`); without it tokens are ignored. */
  readonly verifyToken: ((token: string | undefined) => TokenVerdict) | undefined;
  /** With tokens, other tabs prove their session by sealing their token to this key (tab-join). */
  readonly seal: { publicKey: string; privateKey: KeyObject } | undefined;
  /** A frame to the request's connection, once the transaction is stored. */
  readonly reply: (connection: Connection, frame: ServerFrame) => void;
  /** An error to the request's connection, once the transaction is stored (counted). */
  readonly fail: (connection: Connection, code: ErrorCode, text: string, id?: string) => void;
  /** Where an open identity check stands, for a widget that (re)connects. */
  readonly verifications: Pick<Verifications, 'resumeFrame'>;
  /** Documents an agent asked for and not yet sent, for a widget that (re)connects (server/uploads). */
  readonly uploads?: {
    resend(conversation: Conversation, send: (frame: ServerFrame) => void): Promise<void>;
  };
}

/** A connection that has not said hello yet. */
export interface Greeting extends Follower {
  helloTimer: ReturnType<typeof setTimeout> | undefined;
}

export function hello(deps: HelloDeps, session: Greeting, frame: HelloFrame): void {
  const { conversations, center, reports, fail } = deps;
  const { log } = reports;
  const { connection } = session;
  const refusal = versionRefusal(frame.v);
  if (refusal !== undefined) {
    fail(connection, 'unsupported-version', refusal);
    tx().after(() => connection.close(4000, 'unsupported-version'));
    return;
  }
  const verdict = deps.verifyToken?.(frame.token) ?? 'ok';
  if (verdict === 'expired' || verdict === 'invalid') {
    const code =
      frame.token === undefined ? 'auth-required' : verdict === 'expired' ? 'auth-expired' : 'auth-failed';
    fail(connection, code, verdict === 'expired' ? 'The token has expired.' : 'The token was refused.');
    tx().after(() => connection.close(verdict === 'expired' ? 4001 : 4003, code));
    log({ msg: 'auth refused', code, transport: connection.kind });
    return;
  }
  const subject = typeof verdict === 'object' ? subjectHash(verdict.subject) : undefined;
  const lang: Lang = frame.lang === 'es' || frame.lang.startsWith('es-') ? 'es' : 'en';
  const resumed = frame.resume ? conversations.get(frame.resume.conversationId) : undefined;
  if (resumed && !mayResume(deps, connection, frame, resumed, subject)) return;
  const account = frame.account === undefined ? undefined : redact(frame.account).text;
  const minted = resumed ? undefined : mintKey();
  const conversation: Conversation =
    resumed ?? createConversation(lang, account, minted ? [minted.hash] : [], subject);
  if (!resumed) {
    conversations.set(conversation.id, conversation);
    tx().touch(conversation);
  }
  session.conversation = conversation.id;
  session.batches = acceptsEventBatches(frame.v);
  clearTimeout(session.helloTimer);
  // What the replay covers: everything up to now. The session follows the conversation from
  // the moment its replay is sent, so that it gets each later event once.
  const from = resumed && frame.resume ? Math.min(frame.resume.lastSeq, resumed.events.length) : 0;
  const id = conversation.id;
  tx().after(() => {
    if (connection.closed) return;
    // How far the replay that follows goes (1.3), so the client renders it once it is all in.
    const lastSeq = conversations.get(id)?.events.length ?? 0;
    const welcome: ServerFrame = { type: 'welcome', v: PROTOCOL_VERSION, conversationId: id, lastSeq };
    // The key goes out once, to the connection that started the conversation.
    if (minted) welcome.resumeKey = minted.key;
    if (deps.seal && knowsResumeKeys(frame.v)) welcome.sealKey = deps.seal.publicKey;
    connection.send(welcome);
    session.sentSeq = from;
    deps.delivery
      .catchUp(session, id)
      .then(() => {
        // The queue as it is once the replay is out (its notices are older than this).
        const now = conversations.get(id);
        if (!connection.closed && now?.phase === 'queued') connection.send(center.queueFrame(now));
        // An identity check still open: the widget shows it again.
        const check = now && deps.verifications.resumeFrame(now);
        if (!connection.closed && check) connection.send(check);
        // Documents an agent asked for and not yet sent: the widget shows the request again.
        if (now && deps.uploads) {
          deps.uploads
            .resend(now, (f) => !connection.closed && connection.send(f))
            .catch((error: unknown) => reports.internalError('upload request', error));
        }
      })
      .catch((error: unknown) => reports.internalError('replay', error));
  });
  if (resumed) {
    log({ msg: 'resumed', conversation: id, from, transport: connection.kind });
    return;
  }
  log({ msg: 'conversation started', conversation: id, lang, transport: connection.kind });
  // Asked to resume a conversation this server does not have (the in-memory store forgot it in
  // a restart, or it expired): the new one says so first, so that the customer, the record and
  // any agent later read the same thing; the greeting and then the messages the widget resends
  // follow in the order they arrive.
  if (frame.resume) {
    log({ msg: 'resume unknown', conversation: id, transport: connection.kind });
    notify(conversation, { code: 'restarted' }, RESTARTED[lang]);
  }
  say(conversation, 'assistant', ASSISTANT_NAME[lang], said(conversation.assistant.greet()));
}

/**
 * The notice of a conversation that replaces one the server could not find: the earlier chat is
 * gone, a new one has started, and how to reach a person again (the assistant hands off on
 * "agent" / "agente"). Spanish in "usted", neutral Latin-American.
 */
export const RESTARTED: Readonly<Record<Lang, string>> = {
  en: 'We could not continue your previous chat, so a new one has started. If you were chatting with an agent, type "agent" to reach one again.',
  es: 'No pudimos continuar su chat anterior, así que comenzó uno nuevo. Si estaba conversando con un agente, escriba "agente" para volver a hablar con uno.',
};

/**
 * Whether a hello may resume `conversation`: the token's subject must be the one that started
 * it (when it was started with one), and the key must be one of its keys. A refusal says
 * `forbidden` and closes (4003); a client older than 1.4 (which has no key) is told its
 * version cannot resume (4000) rather than retrying for ever. The log has no key or token.
 */
function mayResume(
  deps: HelloDeps,
  connection: Connection,
  frame: HelloFrame,
  conversation: Conversation,
  subject: string | undefined,
): boolean {
  const reason =
    conversation.subject !== undefined && conversation.subject !== subject
      ? 'subject'
      : keyMatches(conversation.keys, frame.resume?.key)
        ? undefined
        : 'key';
  if (reason === undefined) return true;
  deps.reports.log({
    msg: 'resume refused',
    reason,
    conversation: conversation.id,
    transport: connection.kind,
  });
  if (reason === 'key' && !knowsResumeKeys(frame.v)) {
    deps.fail(
      connection,
      'unsupported-version',
      // The version that brought resume keys, not this server's: a newer protocol changes nothing here.
      'Resuming a conversation needs protocol 1.4 or later.',
    );
    tx().after(() => connection.close(4000, 'unsupported-version'));
    return false;
  }
  deps.fail(
    connection,
    'forbidden',
    reason === 'subject'
      ? 'This conversation belongs to another customer.'
      : 'This conversation cannot be resumed without its key.',
  );
  tx().after(() => connection.close(4003, 'forbidden'));
  return false;
}

/**
 * Whether another tab's sealed token (through this session's tab, the leader) is of this
 * conversation's customer: the leader serves that tab only if so. Without a subject on the
 * conversation (or tokens on the server) there is no session to prove: `ok: false`.
 */
export function tabJoin(
  deps: HelloDeps,
  session: Follower,
  conversation: Conversation,
  ref: string,
  sealed: string,
): void {
  const token = deps.seal ? openSealed(sealed, deps.seal.privateKey) : undefined;
  const verdict = token === undefined ? undefined : deps.verifyToken?.(token);
  const ok =
    conversation.subject !== undefined &&
    typeof verdict === 'object' &&
    subjectHash(verdict.subject) === conversation.subject;
  if (!ok)
    deps.reports.log({
      msg: 'tab join refused',
      conversation: conversation.id,
      transport: session.connection.kind,
    });
  deps.reply(session.connection, { type: 'tab-join', ref, ok });
}
