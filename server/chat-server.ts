/**
 * The reference chat server: speaks `src/protocol.ts` over a WebSocket at `/chat`, and over
 * Server-Sent Events (GET `/chat/sse?connection=ID`) plus POST (`/chat/sse?connection=ID`)
 * for networks that block WebSockets. Conversations with sequence-numbered events, dedupe by
 * message id, replay on resume (in `events` frames to 1.2 clients: server/replay.ts), kept by
 * a store (server/store.ts): in memory by default, or in Redis shared by several instances
 * behind a load balancer (server/redis-store.ts, docs/deploy.md). Every change runs in a store
 * transaction; a client hears `ack` only once its message is stored. `/healthz`, `/readyz` and
 * a graceful `shutdown()` (close 1012) are for the balancer. Logs are structured (JSON objects)
 * and never contain message text.
 *
 * Hardening (docs/server-hardening.md): an `Origin` allow-list; per connection and per client
 * address frame budgets, with a connection that keeps flooding closed (1008); a cap on open
 * connections per address (429 on upgrade or event-stream GET); 64 KiB frames (1009, 413);
 * every frame checked against the protocol with a `bad-frame` error that names the field;
 * outgoing buffers bounded (a client that does not read is dropped, 1013); HTTP header, request
 * and body timeouts, a hello timeout (4008) and ping/pong heartbeats against slowloris and
 * half-open sockets; an unexpected exception answers `internal` without details.
 *
 * The contact center (contact-center.ts) lives on the same HTTP server: agent consoles speak
 * `src/agent-protocol.ts` over a WebSocket at `/agent` (same Origin check, rate limit and frame
 * size limit), the queue for a person, transfers, case numbers and the simulated agent.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import {
  MAX_MESSAGE_LENGTH,
  PROTOCOL_VERSION,
  acceptsEventBatches,
  knowsResumeKeys,
  majorVersion,
} from '../src/protocol.js';
import type {
  ChatEvent,
  ClientFrame,
  ErrorCode,
  HelloFrame,
  MessageFrame,
  ServerFrame,
} from '../src/protocol.js';
import { redact } from '../src/redaction/index.js';
import { ASSISTANT_NAME, wantsToLeaveQueue } from './assistant/index.js';
import type { Lang } from './assistant/index.js';
import { Backpressure, SseConnection, WebSocketConnection, originAllowed, readBody } from './connections.js';
import type { Connection } from './connections.js';
import { INTERNAL_ERROR_TEXT, describeError } from './errors.js';
import { AddressTable, FrameBudget, RateLimiter, WorkBudget, clientAddress } from './limits.js';
import type { Admission, Rate } from './limits.js';

/** An admission that let a connection in. */
type Admitted = Extract<Admission, { ok: true }>;
import { addKey, keyMatches, mintKey, openSealed, sealKey, sealKeyPair, subjectHash } from './resume-key.js';
import { secretProblem } from './secret.js';
import { checkClientFrame, messageIdOf, readFrame } from './validate.js';
import { createContactCenter, said } from './contact-center.js';
import type { ContactCenterOptions, ContactCenterStats } from './contact-center.js';
import { append, createConversation, say } from './conversation.js';
import type { Conversation } from './conversation.js';
import { MemoryStore, tx } from './store.js';
import type { Effect, ReadFrame, Store } from './store.js';
import { RedisStore } from './redis-store.js';
import { replayBatches, replayFrames } from './replay.js';

/**
 * `maxQueue`, `handleSeconds`, `queueUpdateMs`, `simulatedAgent` and `simulatedAgentDelay`
 * configure the contact center (see contact-center.ts).
 */
export interface ChatServerOptions extends ContactCenterOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Delay before the assistant answers, in ms (it "types" meanwhile). */
  replyDelay?: number;
  /** Structured log sink; defaults to no logging. Never receives message text. */
  log?: (entry: Record<string, unknown>) => void;
  /** Browser origins allowed to connect; default: any loopback origin. `['*']` allows all. */
  allowedOrigins?: string[];
  /** Per-connection rate limit: burst size and frames per second. Default 40 and 20. */
  rateLimit?: Rate;
  /**
   * Frames per client address, all its connections together (opening one counts as a frame).
   * Default five times `rateLimit` (200 and 100).
   */
  ipRateLimit?: Rate;
  /**
   * Work per connection, in characters (`workOf`: a message's length plus 100 for its frame;
   * the server's time per message grows with its length: redaction, the assistant). A message
   * that finds the budget in debt is refused `rate-limited`. Default 8,000 at once and 4,000
   * per second: a person never comes near it.
   */
  workBudget?: Rate;
  /** The same per client address, all its connections together. Default 8,000 and 8,000 per second. */
  ipWorkBudget?: Rate;
  /** Most open connections (WebSockets and event streams) per client address. Default 20. */
  maxConnectionsPerIp?: number;
  /**
   * Agent consoles in their own per-address pool with this limit (a contact center behind one
   * NAT address). Default: consoles count with customers under `maxConnectionsPerIp`.
   */
  maxAgentConnectionsPerIp?: number;
  /** Frames refused within 10 s after which a connection is closed with 1008. Default 100. */
  floodLimit?: number;
  /**
   * How many reverse proxies stand in front of the server: the client address is then taken
   * from `X-Forwarded-For` (the entry the outermost of them added). Default 0: the socket's
   * address; never trust the header when clients can reach the server directly.
   */
  trustProxy?: number;
  /** Most bytes waiting to go out to one client; beyond it the client is dropped. Default 1 MiB. */
  maxBufferedBytes?: number;
  /**
   * A replay waits for a client that is behind in reading it (rather than overflow that bound);
   * one that reads nothing of it for this long is dropped (1013). Default 30 s.
   */
  replayStallMs?: number;
  /** A connection that has not said hello (or agent-hello) by then is closed with 4008. Default 10 s. */
  helloTimeoutMs?: number;
  /** Time for a request's headers (slowloris), and for the whole request. Default 10 s and 30 s. */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Time for the body of an event-stream POST. Default 10 s. */
  bodyTimeoutMs?: number;
  /** WebSocket ping interval; a socket that misses a pong is dropped. Default 15 s. */
  heartbeatMs?: number;
  /**
   * The agent console's shared secret: consoles must send it in `agent-hello` (`secret`),
   * else `auth-failed` and close 4003. 16–256 characters. Without it the console is open
   * to anyone who can reach the server (a warning is logged at start).
   */
  agentSecret?: string;
  /** Failed console sign-ins per address within 10 minutes before its consoles get 429. Default 10. */
  maxAuthFailuresPerIp?: number;
  /**
   * Checks the token of each hello. Without it, tokens are ignored. `expired` makes the
   * client refresh its token once and retry; `invalid` ends the conversation. `{subject}`
   * (who the token says the customer is) binds a conversation it starts to that subject: a
   * resume with a token of another subject is refused (`forbidden`), whatever the key.
   */
  verifyToken?: (token: string | undefined) => TokenVerdict;
  /**
   * Where conversations live: `memory` (the default; one process) or a Redis URL
   * (`redis://host:6379`, `rediss://…`), shared by every instance behind a load balancer
   * (server/redis-store.ts, docs/deploy.md).
   */
  store?: string;
  /** Prefix of every Redis key (several deployments, or tests, on one Redis). Default `amex-chat:`. */
  storePrefix?: string;
  /** How long an ended conversation is kept in Redis after its last change, in s. Default 30 days. */
  retentionSeconds?: number;
  /**
   * Redis store: how long an ended conversation stays in an instance's memory once idle, in s
   * (it is fetched again from Redis when needed). Default 600.
   */
  storeIdleSeconds?: number;
  /**
   * Graceful shutdown (`shutdown()`): how long to wait for clients to leave after they were told
   * to reconnect elsewhere (close 1012), in ms. Default 5000.
   */
  drainMs?: number;
  /**
   * Tests only: keep every raw frame received (`GET /debug/frames`) and let a test speak as an
   * agent (`POST /debug/say` with `{conversationId, text, name?}`). Never enable in production.
   */
  debug?: boolean;
}

/** What `verifyToken` says of a token: `ok` without a subject binds nothing. */
export type TokenVerdict = 'ok' | 'expired' | 'invalid' | { subject: string };

export interface ChatServer {
  readonly port: number;
  /** WebSocket endpoint; the SSE endpoint is the same URL with `http:`. */
  readonly url: string;
  /** The agent console's WebSocket endpoint (`/agent`). */
  readonly agentUrl: string;
  readonly stats: ContactCenterStats &
    HardeningStats & {
      messages: number;
      /** Customer text the second-line redaction had to change (stays 0 with our widget). */
      redactedByServer: number;
      connections: number;
      errors: number;
    };
  /** Whether agent consoles need the shared secret. */
  readonly agentConsoleProtected: boolean;
  /** `memory` or `redis`. */
  readonly storeKind: 'memory' | 'redis';
  /** This instance's id (random per process; it appears in the logs). */
  readonly instance: string;
  /**
   * Graceful shutdown: `/readyz` answers 503 and the port stops accepting; every client is told
   * to reconnect (WebSocket close 1012 "service restart", the event stream's `close` event with
   * 1012), which the widget and the console retry at once, on another instance behind the load
   * balancer; transactions in flight are stored; then everything closes.
   */
  shutdown(): Promise<void>;
  /** Stops at once (tests; a crash is `kill -9`). */
  close(): Promise<void>;
}

/** What the defences did, for tests and monitoring. */
export interface HardeningStats {
  /** Upgrades and event-stream GETs refused with 429 (too many connections, budget, lockout). */
  refusedConnections: number;
  /** Connections closed for flooding (1008). */
  floods: number;
  /** Clients dropped because too much waited to go out to them (1013). */
  droppedSlow: number;
  /** Most bytes seen waiting for one client, right after a write. */
  peakBuffered: number;
  /** Connections closed for not saying hello in time (4008). */
  helloTimeouts: number;
  /** Agent sign-ins refused for a wrong or missing secret. */
  authFailures: number;
  /** Unexpected exceptions in handlers (answered with `internal`). */
  internalErrors: number;
  /** Messages refused because their connection's or address's work budget was in debt. */
  workRefused: number;
}

interface Session {
  connection: Connection;
  /** The id of its conversation, once welcomed. */
  conversation: string | undefined;
  /** The last event sent to it (events go out once each, in order). */
  sentSeq: number;
  /** Its hello said 1.2 or later: replayed events go out in `events` frames (server/replay.ts). */
  batches: boolean;
  budget: FrameBudget;
  work: WorkBudget;
  helloTimer: ReturnType<typeof setTimeout> | undefined;
}

const HEARTBEAT_MS = 15_000;
/** Most TCP connections the HTTP server holds at once, all addresses together. */
const MAX_SOCKETS = 10_000;
const RETRY_AFTER_SECONDS = 10;
/** Close code that tells a client to reconnect (to another instance): 1012, "service restart". */
export const CLOSE_RESTART = 1012;

const MAX_FRAME_BYTES = 64 * 1024;

/**
 * The work a frame costs, in characters (0: too little to count): a message its length
 * (redaction and the assistant read every one; a longer one is refused `too-long` unread) plus
 * 100 for the frame; a tab key or a tab's join (RSA, storing) as much as the longest message.
 * Counted, not timed, so that a busy or cold server does not turn its own slowness into refusals.
 */
function workOf(frame: ClientFrame | undefined): number {
  if (frame?.type === 'message') return Math.min(frame.text.length, MAX_MESSAGE_LENGTH) + 100;
  return frame?.type === 'tab-key' || frame?.type === 'tab-join' ? MAX_MESSAGE_LENGTH + 100 : 0;
}
/** A replay waits for the client once this many bytes wait for it (or half the drop limit). */
const REPLAY_HIGH_WATER = 256 * 1024;

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return data instanceof ArrayBuffer ? Buffer.from(data).toString('utf8') : data.toString('utf8');
}

export async function startChatServer(options: ChatServerOptions = {}): Promise<ChatServer> {
  const host = options.host ?? '127.0.0.1';
  const replyDelay = options.replyDelay ?? 600;
  const distributed = options.store !== undefined && options.store !== 'memory';
  const instance = randomUUID();
  const baseLog = options.log ?? (() => undefined);
  // With several instances, every line says which one wrote it.
  const log = distributed ? (entry: Record<string, unknown>) => baseLog({ ...entry, instance }) : baseLog;
  const rate = options.rateLimit ?? { burst: 40, perSecond: 20 };
  const ipRate = options.ipRateLimit ?? { burst: rate.burst * 5, perSecond: rate.perSecond * 5 };
  const floodLimit = options.floodLimit ?? 100;
  const work = options.workBudget ?? { burst: 8000, perSecond: 4000 };
  const trustProxy = options.trustProxy ?? 0;
  const helloTimeoutMs = options.helloTimeoutMs ?? 10_000;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000;
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? 30_000, headersTimeout);
  const agentSecret = options.agentSecret;
  if (agentSecret !== undefined) {
    const problem = secretProblem(agentSecret);
    if (problem) throw new Error(problem);
  }
  // With tokens, other tabs prove their session by sealing their token to this key (tab-join).
  const seal = options.verifyToken ? await sealKeyPair() : undefined;
  const addresses = new AddressTable({
    maxConnections: options.maxConnectionsPerIp ?? 20,
    maxAgentConnections: options.maxAgentConnectionsPerIp,
    rate: ipRate,
    work: options.ipWorkBudget ?? { burst: 8000, perSecond: 8000 },
    maxAuthFailures: options.maxAuthFailuresPerIp ?? 10,
    authRequired: agentSecret !== undefined,
  });
  const backpressure = new Backpressure(options.maxBufferedBytes ?? 1024 * 1024, (transport) =>
    log({ msg: 'slow client dropped', transport }),
  );
  const drainMs = options.drainMs ?? 5000;
  const replayStallMs = options.replayStallMs ?? 30_000;
  const store: Store =
    distributed && options.store
      ? new RedisStore({
          instance,
          url: options.store,
          prefix: options.storePrefix,
          simulate: options.simulatedAgent ?? true,
          retentionSeconds: options.retentionSeconds,
          idleMs: options.storeIdleSeconds === undefined ? undefined : options.storeIdleSeconds * 1000,
          log,
        })
      : new MemoryStore(options.simulatedAgent ?? true, instance);
  const conversations = store.world.conversations;
  /** Customer sessions on this instance, by conversation id. */
  const following = new Map<string, Set<Session>>();
  const sseSessions = new Map<string, Session>();
  /** What a POST for a stream held here must match (see `streamGrant`). */
  const sseGrants = new Map<string, string>();
  let draining = false;
  const stats = {
    messages: 0,
    redactedByServer: 0,
    connections: 0,
    errors: 0,
    queued: 0,
    accepted: 0,
    transfers: 0,
    cases: 0,
    ratings: 0,
    ratingTotal: 0,
    refusedConnections: 0,
    floods: 0,
    droppedSlow: 0,
    peakBuffered: 0,
    helloTimeouts: 0,
    authFailures: 0,
    internalErrors: 0,
    workRefused: 0,
  };
  // Read through, so that the counters stay in one place.
  Object.defineProperties(stats, {
    droppedSlow: { get: () => backpressure.dropped, enumerable: true },
    peakBuffered: { get: () => backpressure.peak, enumerable: true },
  });
  const received: string[] = [];
  const center = createContactCenter({
    options,
    replyDelay,
    store,
    stats,
    log,
    agentSecret,
    helloTimeoutMs,
    backpressure,
    internalError,
    flooded,
  });
  if (options.debug) {
    log({ msg: 'debug hooks on (/debug/*): for tests only; they read every conversation', level: 'warn' });
  }
  if (agentSecret === undefined) {
    log({
      msg: 'agent console unprotected: anyone who can reach /agent can sign in; set CHAT_AGENT_SECRET',
      level: 'warn',
    });
  }

  // ---- delivery: what a transaction emitted, to this instance's connections ---------------

  /** Sends a conversation's frame to one session; events once each, in seq order. */
  function sendTo(session: Session, frame: ServerFrame): void {
    if (frame.type !== 'event') {
      session.connection.send(frame);
      return;
    }
    const { seq } = frame.event;
    if (seq <= session.sentSeq) return;
    if (seq > session.sentSeq + 1) {
      // A gap (this instance applied a change late): fill it from the conversation.
      const events = conversations.get(session.conversation ?? '')?.events ?? [];
      if (!replay(session.connection, session.batches, events.slice(session.sentSeq, seq - 1))) return;
    }
    session.sentSeq = seq;
    session.connection.send(frame);
  }

  /**
   * Sends consecutive events a connection has not had (a replay, or a gap): in `events` frames
   * when `batches` (its hello said 1.2 or later), else one `event` frame each. Stops, returning
   * false, once the connection is closed (or dropped for not reading).
   */
  function replay(connection: Connection, batches: boolean, events: readonly ChatEvent[]): boolean {
    for (const text of replayFrames(events, { batches })) {
      if (connection.closed) return false;
      connection.sendText(text);
    }
    return !connection.closed;
  }

  function deliver(effect: Effect): void {
    if (effect.to === 'customers') {
      const sessions = following.get(effect.conversationId);
      if (sessions) for (const session of sessions) sendTo(session, effect.frame);
      return;
    }
    if (effect.to === 'stream') {
      // A frame POSTed (to any instance) for an event stream held here, under this grant.
      const session = sseSessions.get(effect.connectionId);
      if (session && sseGrants.get(effect.connectionId) === effect.grant) handle(session, effect.read);
      return;
    }
    center.deliver(effect.to === 'agent' ? effect.agentId : undefined, effect.frame);
  }

  function follow(session: Session, conversationId: string): void {
    let set = following.get(conversationId);
    if (!set) {
      set = new Set();
      following.set(conversationId, set);
    }
    set.add(session);
  }

  function unfollow(session: Session): void {
    if (session.conversation === undefined) return;
    const set = following.get(session.conversation);
    set?.delete(session);
    if (set?.size === 0) following.delete(session.conversation);
  }

  /** Consoles whose sign-out was not stored (Redis was unreachable) are signed out later. */
  const orphans = setInterval(() => {
    if (!center.hasOrphans || !store.ready) return;
    store.run(() => center.signOutOrphans()).catch((error: unknown) => internalError('orphans', error));
  }, 5000);
  orphans.unref();

  /** Every waiting customer on this instance gets a fresh estimate now and then. */
  const refresh = setInterval(
    () => {
      for (const [id, sessions] of following) {
        const conversation = conversations.get(id);
        if (conversation?.phase !== 'queued') continue;
        const frame = center.queueFrame(conversation);
        for (const session of sessions) session.connection.send(frame);
      }
    },
    Math.max(10, options.queueUpdateMs ?? 15_000),
  );

  // ---- conversation logic, shared by both transports; runs in store transactions --------

  /** A frame to the connection of the transaction's request, once the transaction is stored. */
  function reply(connection: Connection, frame: ServerFrame): void {
    tx().after(() => connection.send(frame));
  }

  function fail(connection: Connection, code: ErrorCode, text: string, id?: string): void {
    stats.errors += 1;
    const frame: ServerFrame = { type: 'error', code, message: text };
    if (id) frame.id = id;
    reply(connection, frame);
  }

  /** An error sent at once (before any transaction: rate limits, malformed frames). */
  function failNow(connection: Connection, code: ErrorCode, text: string, id?: string): void {
    stats.errors += 1;
    const frame: ServerFrame = { type: 'error', code, message: text };
    if (id) frame.id = id;
    connection.send(frame);
  }

  /** An exception a handler did not expect: logged by class and place, answered without detail. */
  function internalError(where: string, error: unknown): void {
    stats.internalErrors += 1;
    log({ msg: 'internal error', where, ...describeError(error) });
  }

  function flooded(transport: string): void {
    stats.floods += 1;
    log({ msg: 'flood closed', transport });
  }

  function hello(session: Session, frame: HelloFrame): void {
    const { connection } = session;
    if (majorVersion(frame.v) !== majorVersion(PROTOCOL_VERSION)) {
      fail(
        connection,
        'unsupported-version',
        `Protocol ${frame.v} is not supported; this server speaks ${PROTOCOL_VERSION}.`,
      );
      tx().after(() => connection.close(4000, 'unsupported-version'));
      return;
    }
    const verdict = options.verifyToken?.(frame.token) ?? 'ok';
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
    if (resumed && !mayResume(session, frame, resumed, subject)) return;
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
      if (seal && knowsResumeKeys(frame.v)) welcome.sealKey = seal.publicKey;
      connection.send(welcome);
      session.sentSeq = from;
      catchUp(session, id)
        .then(() => {
          // The queue as it is once the replay is out (its notices are older than this).
          const now = conversations.get(id);
          if (!connection.closed && now?.phase === 'queued') connection.send(center.queueFrame(now));
        })
        .catch((error: unknown) => internalError('replay', error));
    });
    if (resumed) {
      log({ msg: 'resumed', conversation: id, from, transport: connection.kind });
    } else {
      log({ msg: 'conversation started', conversation: id, lang, transport: connection.kind });
      say(conversation, 'assistant', ASSISTANT_NAME[lang], said(conversation.assistant.greet()));
    }
  }

  /**
   * Whether a hello may resume `conversation`: the token's subject must be the one that started
   * it (when it was started with one), and the key must be one of its keys. A refusal says
   * `forbidden` and closes (4003); a client older than 1.4 (which has no key) is told its
   * version cannot resume (4000) rather than retrying for ever. The log has no key or token.
   */
  function mayResume(
    session: Session,
    frame: HelloFrame,
    conversation: Conversation,
    subject: string | undefined,
  ): boolean {
    const { connection } = session;
    const reason =
      conversation.subject !== undefined && conversation.subject !== subject
        ? 'subject'
        : keyMatches(conversation.keys, frame.resume?.key)
          ? undefined
          : 'key';
    if (reason === undefined) return true;
    log({ msg: 'resume refused', reason, conversation: conversation.id, transport: connection.kind });
    if (reason === 'key' && !knowsResumeKeys(frame.v)) {
      fail(connection, 'unsupported-version', `Resuming a conversation needs protocol ${PROTOCOL_VERSION}.`);
      tx().after(() => connection.close(4000, 'unsupported-version'));
      return false;
    }
    fail(
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
  function tabJoin(session: Session, conversation: Conversation, ref: string, sealed: string): void {
    const token = seal ? openSealed(sealed, seal.privateKey) : undefined;
    const verdict = token === undefined ? undefined : options.verifyToken?.(token);
    const ok =
      conversation.subject !== undefined &&
      typeof verdict === 'object' &&
      subjectHash(verdict.subject) === conversation.subject;
    if (!ok)
      log({ msg: 'tab join refused', conversation: conversation.id, transport: session.connection.kind });
    reply(session.connection, { type: 'tab-join', ref, ok });
  }

  /** A resume key of its own for another tab of the conversation, sealed to that tab's key. */
  function tabKey(session: Session, conversation: Conversation, ref: string, publicKey: string): void {
    const minted = mintKey();
    const sealed = sealKey(minted.key, publicKey);
    if (sealed === undefined) {
      fail(
        session.connection,
        'bad-frame',
        'tab-key.publicKey must be an RSA-OAEP public key (SPKI, base64).',
      );
      return;
    }
    addKey(conversation.keys, minted.hash);
    tx().touch(conversation);
    reply(session.connection, { type: 'tab-key', ref, sealed });
  }

  /**
   * Sends a session what its conversation holds after `session.sentSeq`, then has it follow the
   * conversation. A long replay (10,000 events are ~1.3 MB) goes out in steps: whenever more
   * than REPLAY_HIGH_WATER bytes wait for the client, it waits until they are down to half, so
   * that a client on a slow network is not dropped (1013) for a replay it is reading; one that
   * reads nothing for `replayStallMs` is. Events stored meanwhile join the replay, and the
   * session follows only once it has everything (nothing is sent twice or out of order).
   */
  async function catchUp(session: Session, conversationId: string): Promise<void> {
    const { connection } = session;
    const high = Math.min(REPLAY_HIGH_WATER, backpressure.limit / 2);
    // (A function: sending can close the connection, which a plain read would narrow away.)
    const gone = (): boolean => connection.closed;
    for (;;) {
      if (gone()) return;
      const events = conversations.get(conversationId)?.events ?? [];
      if (session.sentSeq >= events.length) {
        follow(session, conversationId);
        return;
      }
      for (const frame of replayBatches(events.slice(session.sentSeq), { batches: session.batches })) {
        connection.sendText(frame.text);
        if (gone()) return;
        session.sentSeq += frame.count;
        if (connection.buffered > high) break;
      }
      const waitingSince = Date.now();
      while (!gone() && connection.buffered > high / 2) {
        if (Date.now() - waitingSince > replayStallMs) {
          backpressure.drop(connection.kind);
          connection.close(1013, 'too slow', true);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  }

  function message(session: Session, conversation: Conversation, frame: MessageFrame): void {
    const { connection } = session;
    const known = conversation.seen.get(frame.id);
    if (known !== undefined) {
      reply(connection, { type: 'ack', id: frame.id, seq: known });
      return;
    }
    if (frame.text.length > MAX_MESSAGE_LENGTH) {
      fail(connection, 'too-long', `Messages are limited to ${MAX_MESSAGE_LENGTH} characters.`, frame.id);
      return;
    }
    // Second line of defence: the widget already redacted; count anything it missed.
    const checked = redact(frame.text);
    if (checked.findings.length > 0) {
      stats.redactedByServer += checked.findings.length;
      log({ msg: 'server redaction', conversation: conversation.id, findings: checked.findings.length });
    }
    stats.messages += 1;
    const event = append(conversation, {
      id: frame.id,
      kind: 'message',
      from: 'customer',
      name: '',
      text: checked.text,
      at: Date.now(),
    });
    conversation.seen.set(frame.id, event.seq);
    reply(connection, { type: 'ack', id: frame.id, seq: event.seq });
    // With a person, the person answers; the assistant stays quiet.
    if (conversation.phase === 'agent') {
      center.customerMessage(conversation, checked.text);
      return;
    }
    if (conversation.phase === 'queued' && wantsToLeaveQueue(checked.text)) {
      center.leave(conversation);
      return;
    }
    center.answerLater(conversation, conversation.assistant.reply(checked.text));
  }

  /**
   * One raw client frame from either transport (`null`: a binary WebSocket frame). Every frame,
   * well-formed or not, takes from the connection's and the address's budget. Never throws.
   */
  function receive(session: Session, raw: string | null): void {
    if (session.connection.closed) return;
    if (options.debug && raw !== null) received.push(raw);
    handle(session, readClient(raw));
  }

  /** Reads and checks a raw client frame (`null`: a binary WebSocket frame). */
  function readClient(raw: string | null): ReadFrame {
    const read = raw === null ? { error: 'Binary frames are not supported.' } : readFrame(raw);
    if ('error' in read) return { error: read.error };
    const messageId = read.data.type === 'message' ? messageIdOf(read.data) : undefined;
    const checked = checkClientFrame(read.data);
    const out: ReadFrame = checked.ok ? { frame: checked.frame } : { error: checked.error };
    if (!checked.ok && checked.id !== undefined) out.errorId = checked.id;
    if (messageId !== undefined) out.messageId = messageId;
    return out;
  }

  /** A frame read and checked (here, or by the instance its event stream's POST reached). */
  function handle(session: Session, read: ReadFrame): void {
    const { connection } = session;
    if (connection.closed) return;
    const budget = session.budget.take();
    if (budget !== 'ok') {
      failNow(connection, 'rate-limited', 'Too many frames; slow down.', read.messageId);
      if (budget === 'flood') {
        flooded(connection.kind);
        connection.close(1008, 'rate limit exceeded', true);
      }
      return;
    }
    const frame = read.frame;
    // Work costs budget; a message or tab key that finds the connection's or the address's work
    // in debt waits (a POST's instance may have found its address so already: `refused`).
    const work = read.charged ? 0 : workOf(frame);
    if (read.refused || (work > 0 && !session.work.left)) {
      stats.workRefused += 1;
      failNow(connection, 'rate-limited', 'Too much work at once; slow down.', read.messageId);
      if (session.budget.refuse() === 'flood') {
        flooded(connection.kind);
        connection.close(1008, 'rate limit exceeded', true);
      }
      return;
    }
    if (!frame) {
      failNow(connection, 'bad-frame', read.error ?? 'Bad frame.', read.errorId);
      return;
    }
    if (work > 0) session.work.charge(work);
    if (frame.type === 'ping') {
      connection.send({ type: 'pong' });
      return;
    }
    // The conversation the frame is about (the store may have to fetch it).
    const about = session.conversation ?? (frame.type === 'hello' ? frame.resume?.conversationId : undefined);
    store
      .run(() => {
        try {
          dispatch(session, frame);
        } catch (error) {
          internalError(`customer ${frame.type}`, error);
          reply(connection, { type: 'error', code: 'internal', message: INTERNAL_ERROR_TEXT });
        }
      }, about)
      .catch((error: unknown) => {
        // The store failed (Redis unreachable, or this instance lost its lock): nothing was
        // acknowledged; the client reconnects (to another instance) and resends its outbox.
        internalError(`customer ${frame.type} (store)`, error);
        connection.close(1011, 'try again');
      });
  }

  function dispatch(session: Session, frame: ClientFrame): void {
    if (frame.type === 'ping') {
      reply(session.connection, { type: 'pong' });
      return;
    }
    if (frame.type === 'hello') {
      if (session.conversation === undefined) hello(session, frame);
      return;
    }
    const conversation = conversations.get(session.conversation ?? '');
    if (!conversation) {
      fail(
        session.connection,
        'not-ready',
        'Send hello first.',
        frame.type === 'message' ? frame.id : undefined,
      );
      return;
    }
    switch (frame.type) {
      case 'message':
        message(session, conversation, frame);
        return;
      case 'typing':
        // Reaches the agent as "typing" or not; the frame carries no text by construction.
        center.customerTyping(conversation, frame.active);
        return;
      case 'leave-queue':
        center.leave(conversation);
        return;
      case 'end':
        center.customerEnd(conversation);
        return;
      case 'rating':
        center.rating(conversation, frame.score);
        return;
      case 'tab-key':
        tabKey(session, conversation, frame.ref, frame.publicKey);
        return;
      case 'tab-join':
        tabJoin(session, conversation, frame.ref, frame.sealed);
        return;
    }
  }

  /** A new customer connection from an address that was admitted (its slot and shared bucket). */
  function open(connection: Connection, address: RateLimiter, addressWork: RateLimiter): Session {
    stats.connections += 1;
    const session: Session = {
      connection,
      conversation: undefined,
      sentSeq: 0,
      batches: false,
      budget: new FrameBudget(new RateLimiter(rate.burst, rate.perSecond), address, floodLimit),
      work: new WorkBudget(new RateLimiter(work.burst, work.perSecond), addressWork),
      helloTimer: undefined,
    };
    session.helloTimer = setTimeout(() => {
      if (session.conversation !== undefined || connection.closed) return;
      stats.helloTimeouts += 1;
      log({ msg: 'hello timeout', transport: connection.kind });
      connection.close(4008, 'hello timeout', true);
    }, helloTimeoutMs);
    session.helloTimer.unref();
    return session;
  }

  function closed(session: Session): void {
    clearTimeout(session.helloTimer);
    unfollow(session);
  }

  /** Answers a refused connection attempt (429) on an HTTP response or a raw upgrade socket. */
  function refuse(admission: Extract<Admission, { ok: false }>, address: string, kind: string): void {
    stats.refusedConnections += 1;
    // At most one line per address every 10 s: a refusal storm must not become a log storm.
    if (admission.log) log({ msg: 'connection refused', reason: admission.reason, address, kind });
  }

  // ---- HTTP: health, SSE, debug ---------------------------------------------------------

  function corsHeaders(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    return origin
      ? { 'access-control-allow-origin': origin, vary: 'Origin', 'access-control-max-age': '600' }
      : {};
  }

  function json(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    res.writeHead(status, { ...headers, 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  }

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') {
      // Alive: the process answers. (A load balancer restarts it when this fails.)
      json(res, 200, { ok: true, version: PROTOCOL_VERSION });
      return;
    }
    if (url.pathname === '/readyz') {
      // Ready for new clients: not shutting down, and the store takes transactions.
      const ready = !draining && store.ready;
      json(res, ready ? 200 : 503, {
        ok: ready,
        version: PROTOCOL_VERSION,
        store: store.kind,
        ...(draining ? { draining: true } : {}),
      });
      return;
    }
    if (options.debug && url.pathname.startsWith('/debug/')) {
      await handleDebug(req, res, url);
      return;
    }
    if (url.pathname !== '/chat/sse') {
      json(res, 404, { error: 'not-found' });
      return;
    }
    if (!originAllowed(req.headers.origin, options.allowedOrigins)) {
      json(res, 403, { error: 'origin-not-allowed' });
      return;
    }
    const headers = corsHeaders(req);
    const id = url.searchParams.get('connection') ?? '';
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...headers,
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'content-type, x-chat-key',
      });
      res.end();
      return;
    }
    if (!/^[\w-]{8,64}$/.test(id)) {
      json(res, 400, { error: 'bad-connection-id' }, headers);
      return;
    }
    if (req.method === 'GET') {
      if (draining) {
        json(res, 503, { error: 'shutting-down' }, { ...headers, 'retry-after': '1', connection: 'close' });
        return;
      }
      if (sseSessions.has(id)) {
        json(res, 409, { error: 'connection-exists' }, headers);
        return;
      }
      const address = clientAddress(req, trustProxy);
      const admission = addresses.admit(address, 'customer');
      if (!admission.ok) {
        refuse(admission, address, 'sse');
        json(
          res,
          429,
          { error: admission.reason },
          { ...headers, 'retry-after': String(RETRY_AFTER_SECONDS) },
        );
        return;
      }
      // The stream's id is in URLs (logs, proxies): writing as it takes a key that only its
      // reader gets, and the Origin that opened it. With several instances, an id that one of
      // them holds is not taken over elsewhere (its grant stays).
      const key = mintKey();
      const grant = streamGrant(key.hash, req.headers.origin);
      if (store.streams && !(await store.streams.claim(id, grant))) {
        admission.release();
        json(res, 409, { error: 'connection-exists' }, headers);
        return;
      }
      if (res.destroyed) {
        // The client left while the id was claimed.
        admission.release();
        store.streams?.release(id);
        return;
      }
      const stream = new SseConnection(res, headers, backpressure);
      const session = open(stream, admission.bucket, admission.work);
      stream.sendKey(key.key);
      sseSessions.set(id, session);
      sseGrants.set(id, grant);
      res.on('close', () => {
        if (sseSessions.get(id) === session) {
          sseSessions.delete(id);
          sseGrants.delete(id);
          store.streams?.release(id);
        }
        admission.release();
        closed(session);
      });
      return;
    }
    if (req.method === 'POST') {
      const session = sseSessions.get(id);
      // With several instances the stream may be held by another one.
      const grant = sseGrants.get(id) ?? (await store.streams?.held(id));
      if (grant === undefined) {
        json(res, 404, { error: 'unknown-connection' }, { ...headers, connection: 'close' });
        return;
      }
      const key = req.headers['x-chat-key'];
      if (!grantMatches(grant, typeof key === 'string' ? key : undefined, req.headers.origin)) {
        log({ msg: 'stream post refused', transport: 'sse' });
        json(res, 403, { error: 'forbidden' }, { ...headers, connection: 'close' });
        return;
      }
      const body = await readBody(req, MAX_FRAME_BYTES, bodyTimeoutMs);
      if (body.kind === 'aborted') return;
      if (body.kind === 'too-large') {
        if (session) failNow(session.connection, 'bad-frame', 'The frame is too large.');
        json(res, 413, { error: 'too-large' }, { ...headers, connection: 'close' });
        return;
      }
      if (body.kind === 'timeout') {
        json(res, 408, { error: 'body-timeout' }, { ...headers, connection: 'close' });
        return;
      }
      if (session && store.streams === undefined) {
        receive(session, body.text);
      } else {
        // Several instances: every POST of a stream goes through the store, so that the
        // instance holding the stream handles them in the order they were answered.
        if (!(await forward(id, grant, body.text, addresses.work(clientAddress(req, trustProxy))))) {
          json(res, 503, { error: 'try-again' }, { ...headers, 'retry-after': '1', connection: 'close' });
          return;
        }
      }
      res.writeHead(204, headers);
      res.end();
      return;
    }
    json(res, 405, { error: 'method-not-allowed' }, headers);
  }

  /** What a stream's POSTs must bring: its key (hashed here) and the Origin its GET had. */
  function streamGrant(keyHash: string, origin: string | undefined): string {
    return JSON.stringify([keyHash, origin ?? null]);
  }

  function grantMatches(grant: string, key: string | undefined, origin: string | undefined): boolean {
    const [hash, from] = JSON.parse(grant) as [string, string | null];
    return keyMatches([hash], key) && (from === null || from === origin);
  }

  /**
   * Sends a POSTed frame to the instance holding its event stream (through a transaction, so
   * in order). Only the checked frame travels, a message's text redacted again; never the raw
   * text. Resolves false when the store failed.
   */
  async function forward(
    connectionId: string,
    grant: string,
    raw: string,
    addressWork: RateLimiter,
  ): Promise<boolean> {
    if (options.debug) received.push(raw);
    let read = readClient(raw);
    const work = workOf(read.frame);
    // Charged once, here where the work is done; the stream's instance answers a refusal.
    if (work > 0 && !addressWork.left) {
      read = { refused: true, ...(read.messageId === undefined ? {} : { messageId: read.messageId }) };
    } else if (read.frame) {
      addressWork.spend(work);
      read.charged = true;
    }
    if (read.frame?.type === 'message') {
      const checked = redact(read.frame.text);
      if (checked.findings.length > 0) {
        stats.redactedByServer += checked.findings.length;
        log({ msg: 'server redaction', findings: checked.findings.length });
      }
      read.frame = { ...read.frame, text: checked.text };
    }
    try {
      await store.run(() => tx().emit({ to: 'stream', connectionId, grant, read }));
      return true;
    } catch (error) {
      internalError('event-stream POST (store)', error);
      return false;
    }
  }

  /**
   * The test hooks read every conversation and speak as an agent: only from an allowed Origin
   * (or none), and with the console's secret (`authorization: Bearer …`) when there is one;
   * without one, only from this machine. Never `access-control-allow-origin: *`.
   */
  function debugAllowed(req: IncomingMessage): 'ok' | 'origin' | 'secret' {
    if (!originAllowed(req.headers.origin, options.allowedOrigins)) return 'origin';
    if (agentSecret !== undefined) {
      const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const a = Buffer.from(given ?? '');
      const b = Buffer.from(agentSecret);
      return a.length === b.length && timingSafeEqual(a, b) ? 'ok' : 'secret';
    }
    const from = req.socket.remoteAddress ?? '';
    return from === '127.0.0.1' || from === '::1' || from === '::ffff:127.0.0.1' ? 'ok' : 'secret';
  }

  async function handleDebug(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const headers = corsHeaders(req);
    const allowed = debugAllowed(req);
    if (req.method === 'OPTIONS' && allowed !== 'origin') {
      res.writeHead(204, {
        ...headers,
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'content-type, authorization',
      });
      res.end();
      return;
    }
    if (allowed !== 'ok') {
      log({ msg: 'debug refused', reason: allowed });
      json(
        res,
        allowed === 'origin' ? 403 : 401,
        { error: 'forbidden' },
        allowed === 'origin' ? {} : headers,
      );
      return;
    }
    if (url.pathname === '/debug/frames') {
      json(res, 200, { frames: received, stats }, headers);
      return;
    }
    if (url.pathname === '/debug/conversations') {
      json(
        res,
        200,
        [...conversations.values()].map((c) => ({
          id: c.id,
          events: c.events,
          phase: c.phase,
          team: c.team,
          agent: c.owner?.name ?? null,
          agentId: c.owner?.agentId ?? null,
          caseNumber: c.caseNumber ?? null,
          rating: c.rating ?? null,
        })),
        headers,
      );
      return;
    }
    if (url.pathname === '/debug/say' && req.method === 'POST') {
      const read = await readBody(req, MAX_FRAME_BYTES, bodyTimeoutMs);
      let parsed: unknown;
      try {
        parsed = JSON.parse(read.kind === 'ok' ? read.text : '{}');
      } catch {
        parsed = undefined;
      }
      if (typeof parsed !== 'object' || parsed === null) {
        json(res, 400, { error: 'bad-body' }, headers);
        return;
      }
      const body = parsed as { conversationId?: string; text?: string; name?: string };
      const text = body.text;
      const seq = await store.run(() => {
        const conversation = conversations.get(body.conversationId ?? '');
        if (!conversation || typeof text !== 'string') return undefined;
        return say(conversation, 'agent', body.name ?? 'Maria', { text }).seq;
      }, body.conversationId);
      if (seq === undefined) {
        json(res, 404, { error: 'unknown-conversation' }, headers);
        return;
      }
      json(res, 200, { seq }, headers);
      return;
    }
    json(res, 404, { error: 'not-found' }, headers);
  }

  const http = createServer(
    {
      // Slowloris: a request must bring its headers within headersTimeout and all of itself
      // within requestTimeout; Node checks both every connectionsCheckingInterval.
      headersTimeout,
      requestTimeout,
      connectionsCheckingInterval: Math.max(100, Math.min(1000, headersTimeout / 4)),
      keepAliveTimeout: 5000,
    },
    (req, res) => {
      handleHttp(req, res).catch((error: unknown) => {
        internalError(`http ${req.method ?? ''}`, error);
        if (!res.headersSent) json(res, 500, { error: 'internal' });
        else res.destroy();
      });
    },
  );
  http.maxConnections = MAX_SOCKETS;

  // ---- WebSocket --------------------------------------------------------------------------

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const agentWss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  /** Refuses an upgrade with a bare HTTP status, and cuts the socket soon after. */
  function refuseUpgrade(socket: Duplex, status: string, extra = ''): void {
    socket.end(`HTTP/1.1 ${status}\r\n${extra}connection: close\r\ncontent-length: 0\r\n\r\n`);
    setTimeout(() => socket.destroy(), 1000).unref();
  }

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Until ws takes the socket, a reset must not become an unhandled 'error'.
    socket.on('error', () => undefined);
    if (draining) {
      refuseUpgrade(socket, '503 Service Unavailable', 'retry-after: 1\r\n');
      return;
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const target = path === '/chat' ? wss : path === '/agent' ? agentWss : undefined;
    if (!target) {
      refuseUpgrade(socket, '404 Not Found');
      return;
    }
    if (!originAllowed(req.headers.origin, options.allowedOrigins)) {
      refuseUpgrade(socket, '403 Forbidden');
      return;
    }
    const kind = target === agentWss ? 'agent' : 'customer';
    const address = clientAddress(req, trustProxy);
    const admission = addresses.admit(address, kind);
    if (!admission.ok) {
      refuse(admission, address, kind);
      refuseUpgrade(socket, '429 Too Many Requests', `retry-after: ${RETRY_AFTER_SECONDS}\r\n`);
      return;
    }
    // The slot is taken until the socket closes, whether the handshake completes or not.
    socket.once('close', admission.release);
    target.handleUpgrade(req, socket, head, (ws) => {
      if (kind === 'agent') agentSocket(ws, admission);
      else customerSocket(ws, admission.bucket, admission.work);
    });
  });

  /** Pings the socket every heartbeatMs and drops it when a pong does not come back. */
  function heartbeat(ws: WebSocket): void {
    let alive = true;
    ws.on('pong', () => {
      alive = true;
    });
    const timer = setInterval(() => {
      if (!alive) {
        ws.terminate();
        return;
      }
      alive = false;
      ws.ping();
    }, heartbeatMs);
    ws.on('close', () => clearInterval(timer));
  }

  function agentSocket(ws: WebSocket, admission: Admitted): void {
    heartbeat(ws);
    // An oversized frame makes ws close the socket with 1009; nothing else to do.
    ws.on('error', () => undefined);
    center.connectAgent(ws, {
      budget: new FrameBudget(new RateLimiter(rate.burst, rate.perSecond), admission.bucket, floodLimit),
      signedIn: admission.signedIn,
      authFailed: () => {
        stats.authFailures += 1;
        admission.authFailed();
      },
    });
  }

  function customerSocket(ws: WebSocket, bucket: RateLimiter, addressWork: RateLimiter): void {
    const session = open(new WebSocketConnection(ws, backpressure), bucket, addressWork);
    heartbeat(ws);
    ws.on('message', (data, isBinary) => receive(session, isBinary ? null : rawToString(data)));
    // An oversized frame makes ws close the socket with 1009; nothing else to do.
    ws.on('error', () => undefined);
    ws.on('close', () => closed(session));
  }

  await store.start({
    deliver,
    timerDue(conversationId, timerId) {
      // Already run (by the instance that set it, as the feed showed): no transaction needed.
      if (!conversations.get(conversationId)?.timers.some((t) => t.id === timerId)) return;
      store
        .run(() => center.timerDue(conversationId, timerId))
        .catch((error: unknown) => internalError('timer', error));
    },
    reloaded() {
      // The world was reloaded from Redis: events the sessions missed go out with the next ones.
      for (const [id, sessions] of following) {
        const events = conversations.get(id)?.events ?? [];
        for (const session of sessions) {
          if (session.sentSeq >= events.length) continue;
          if (replay(session.connection, session.batches, events.slice(session.sentSeq))) {
            session.sentSeq = events.length;
          }
        }
      }
    },
    deadInstances(instances) {
      store
        .run(() => center.signOutAgentsOf(instances))
        .catch((error: unknown) => internalError('agents of a lost instance', error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 8787, host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  log({ msg: 'listening', host, port, store: store.kind });

  let stopped: Promise<void> | undefined;
  /** Stops the heartbeats, the consoles, the HTTP server and every socket; then the store. */
  async function stop(): Promise<void> {
    clearInterval(refresh);
    clearInterval(orphans);
    center.close();
    addresses.close();
    for (const session of sseSessions.values()) session.connection.close(1001, 'server shutting down');
    for (const client of [...wss.clients, ...agentWss.clients]) client.terminate();
    wss.close();
    agentWss.close();
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await store.close();
  }

  return {
    port,
    url: `ws://${host}:${port}/chat`,
    agentUrl: `ws://${host}:${port}/agent`,
    stats,
    agentConsoleProtected: agentSecret !== undefined,
    storeKind: store.kind,
    instance: store.instance,
    shutdown() {
      if (stopped) return stopped;
      draining = true;
      log({ msg: 'shutting down', store: store.kind });
      stopped = (async () => {
        // Stop accepting: no new TCP connections; upgrades and streams on kept-alive
        // connections get 503 meanwhile.
        http.close();
        // Tell everyone to reconnect (elsewhere): their next connection lands on another instance.
        for (const session of sseSessions.values())
          session.connection.close(CLOSE_RESTART, 'service restart');
        for (const client of wss.clients) client.close(CLOSE_RESTART, 'service restart');
        center.close(CLOSE_RESTART, 'service restart');
        const deadline = Date.now() + drainMs;
        while (wss.clients.size + agentWss.clients.size + sseSessions.size > 0 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        // What is still in flight is stored before the store lets go (store.close waits for it).
        await stop();
        log({ msg: 'stopped' });
      })();
      return stopped;
    },
    close() {
      if (!stopped) {
        draining = true;
        stopped = stop();
      }
      return stopped;
    },
  };
}
