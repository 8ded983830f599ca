/**
 * The reference chat server: speaks `src/protocol.ts` over a WebSocket at `/chat`, and over
 * Server-Sent Events (GET `/chat/sse?connection=ID`) plus POST (`/chat/sse?connection=ID`)
 * for networks that block WebSockets. In-memory conversations with sequence-numbered events,
 * dedupe by message id, replay on resume. Checks `Origin`, rate-limits each connection,
 * answers bad input with error frames and never crashes on it. Logs never contain message text.
 *
 * The contact center (contact-center.ts) lives on the same HTTP server: agent consoles speak
 * `src/agent-protocol.ts` over a WebSocket at `/agent` (same Origin check, rate limit and frame
 * size limit), the queue for a person, transfers, case numbers and the simulated agent.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { MAX_MESSAGE_LENGTH, PROTOCOL_VERSION, majorVersion, parseClientFrame } from '../src/protocol.js';
import type { ErrorCode, HelloFrame, MessageFrame, ServerFrame } from '../src/protocol.js';
import { redact } from '../src/redaction/index.js';
import { ASSISTANT_NAME, wantsToLeaveQueue } from './assistant/index.js';
import type { AssistantReply, Lang } from './assistant/index.js';
import { RateLimiter, SseConnection, WebSocketConnection, originAllowed, readBody } from './connections.js';
import type { Connection } from './connections.js';
import { createContactCenter } from './contact-center.js';
import type { ContactCenterOptions, ContactCenterStats } from './contact-center.js';
import { append, broadcast, createConversation, later, say } from './conversation.js';
import type { Conversation, Said } from './conversation.js';

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
  rateLimit?: { burst: number; perSecond: number };
  /**
   * Checks the token of each hello. Without it, tokens are ignored. `expired` makes the
   * client refresh its token once and retry; `invalid` ends the conversation.
   */
  verifyToken?: (token: string | undefined) => 'ok' | 'expired' | 'invalid';
  /**
   * Tests only: keep every raw frame received (`GET /debug/frames`) and let a test speak as an
   * agent (`POST /debug/say` with `{conversationId, text, name?}`). Never enable in production.
   */
  debug?: boolean;
}

export interface ChatServer {
  readonly port: number;
  /** WebSocket endpoint; the SSE endpoint is the same URL with `http:`. */
  readonly url: string;
  /** The agent console's WebSocket endpoint (`/agent`). */
  readonly agentUrl: string;
  readonly stats: ContactCenterStats & {
    messages: number;
    /** Customer text the second-line redaction had to change (stays 0 with our widget). */
    redactedByServer: number;
    connections: number;
    errors: number;
  };
  close(): Promise<void>;
}

interface Session {
  connection: Connection;
  conversation: Conversation | undefined;
  limiter: RateLimiter;
}

const HEARTBEAT_MS = 15_000;

/** What goes into a message event: text, quick replies and the urgent flag, never the assistant's bookkeeping. */
function said(reply: AssistantReply): Said {
  const out: Said = { text: reply.text };
  if (reply.quickReplies) out.quickReplies = [...reply.quickReplies];
  if (reply.action === 'urgent-phone') out.urgent = true;
  return out;
}

const MAX_FRAME_BYTES = 64 * 1024;

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return data instanceof ArrayBuffer ? Buffer.from(data).toString('utf8') : data.toString('utf8');
}

export async function startChatServer(options: ChatServerOptions = {}): Promise<ChatServer> {
  const host = options.host ?? '127.0.0.1';
  const replyDelay = options.replyDelay ?? 600;
  const log = options.log ?? (() => undefined);
  const rate = options.rateLimit ?? { burst: 40, perSecond: 20 };
  const conversations = new Map<string, Conversation>();
  const sseSessions = new Map<string, Session>();
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
  };
  const received: string[] = [];
  const center = createContactCenter({
    options,
    replyDelay,
    conversations,
    stats,
    log,
    rateLimit: rate,
  });

  // ---- conversation logic, shared by both transports ------------------------------------

  /** The assistant types for `replyDelay`, then answers (or `act`s: a request for a person). */
  function answerLater(conversation: Conversation, reply: AssistantReply): void {
    const name = ASSISTANT_NAME[conversation.lang];
    broadcast(conversation, { type: 'typing', from: 'assistant', name, active: true });
    later(conversation, replyDelay, () => {
      broadcast(conversation, { type: 'typing', from: 'assistant', name, active: false });
      if (reply.action === 'queue-for-agent') center.requestAgent(conversation, said(reply));
      else say(conversation, 'assistant', name, said(reply));
    });
  }

  function fail(connection: Connection, code: ErrorCode, text: string, id?: string): void {
    stats.errors += 1;
    const frame: ServerFrame = { type: 'error', code, message: text };
    if (id) frame.id = id;
    connection.send(frame);
  }

  function hello(session: Session, frame: HelloFrame): void {
    const { connection } = session;
    if (majorVersion(frame.v) !== majorVersion(PROTOCOL_VERSION)) {
      fail(
        connection,
        'unsupported-version',
        `Protocol ${frame.v} is not supported; this server speaks ${PROTOCOL_VERSION}.`,
      );
      connection.close(4000, 'unsupported-version');
      return;
    }
    const verdict = options.verifyToken?.(frame.token) ?? 'ok';
    if (verdict !== 'ok') {
      const code =
        frame.token === undefined ? 'auth-required' : verdict === 'expired' ? 'auth-expired' : 'auth-failed';
      fail(connection, code, verdict === 'expired' ? 'The token has expired.' : 'The token was refused.');
      connection.close(verdict === 'expired' ? 4001 : 4003, code);
      log({ msg: 'auth refused', code, transport: connection.kind });
      return;
    }
    const lang: Lang = frame.lang === 'es' ? 'es' : 'en';
    const resumed = frame.resume ? conversations.get(frame.resume.conversationId) : undefined;
    const account = typeof frame.account === 'string' ? redact(frame.account.slice(0, 200)).text : undefined;
    const conversation: Conversation = resumed ?? createConversation(lang, account);
    conversations.set(conversation.id, conversation);
    conversation.clients.add(connection);
    session.conversation = conversation;
    connection.send({ type: 'welcome', v: PROTOCOL_VERSION, conversationId: conversation.id });
    if (resumed && frame.resume) {
      const from = Math.max(0, Math.floor(frame.resume.lastSeq));
      for (const event of resumed.events.slice(from)) connection.send({ type: 'event', event });
      log({ msg: 'resumed', conversation: conversation.id, from, transport: connection.kind });
    } else {
      log({ msg: 'conversation started', conversation: conversation.id, lang, transport: connection.kind });
      say(conversation, 'assistant', ASSISTANT_NAME[lang], said(conversation.assistant.greet()));
    }
    center.welcomed(conversation, connection);
  }

  function message(session: Session, conversation: Conversation, frame: MessageFrame): void {
    const { connection } = session;
    const known = conversation.seen.get(frame.id);
    if (known !== undefined) {
      connection.send({ type: 'ack', id: frame.id, seq: known });
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
    connection.send({ type: 'ack', id: frame.id, seq: event.seq });
    // With a person, the person answers; the assistant stays quiet.
    if (conversation.phase === 'agent') {
      center.customerMessage(conversation, checked.text);
      return;
    }
    if (conversation.phase === 'queued' && wantsToLeaveQueue(checked.text)) {
      center.leave(conversation);
      return;
    }
    answerLater(conversation, conversation.assistant.reply(checked.text));
  }

  /** One raw client frame from either transport. Never throws. */
  function receive(session: Session, raw: string): void {
    if (options.debug) received.push(raw);
    const frame = parseClientFrame(raw);
    if (!frame) {
      fail(session.connection, 'bad-frame', 'The frame is not valid JSON of a known type.');
      return;
    }
    if (!session.limiter.take()) {
      fail(
        session.connection,
        'rate-limited',
        'Too many frames; slow down.',
        frame.type === 'message' ? frame.id : undefined,
      );
      return;
    }
    if (frame.type === 'ping') {
      session.connection.send({ type: 'pong' });
      return;
    }
    if (frame.type === 'hello') {
      if (!session.conversation) hello(session, frame);
      return;
    }
    const conversation = session.conversation;
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
    }
  }

  function open(connection: Connection): Session {
    stats.connections += 1;
    return { connection, conversation: undefined, limiter: new RateLimiter(rate.burst, rate.perSecond) };
  }

  function closed(session: Session): void {
    if (session.conversation) session.conversation.clients.delete(session.connection);
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
    if (url.pathname === '/healthz' || url.pathname === '/readyz') {
      json(res, 200, { ok: true, version: PROTOCOL_VERSION });
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
        'access-control-allow-headers': 'content-type',
      });
      res.end();
      return;
    }
    if (!/^[\w-]{8,64}$/.test(id)) {
      json(res, 400, { error: 'bad-connection-id' }, headers);
      return;
    }
    if (req.method === 'GET') {
      if (sseSessions.has(id)) {
        json(res, 409, { error: 'connection-exists' }, headers);
        return;
      }
      const session = open(new SseConnection(res, headers));
      sseSessions.set(id, session);
      res.on('close', () => {
        sseSessions.delete(id);
        closed(session);
      });
      return;
    }
    if (req.method === 'POST') {
      const session = sseSessions.get(id);
      const body = await readBody(req, MAX_FRAME_BYTES);
      if (!session) {
        json(res, 404, { error: 'unknown-connection' }, headers);
        return;
      }
      if (body === undefined) {
        fail(session.connection, 'bad-frame', 'The frame is too large.');
        json(res, 413, { error: 'too-large' }, headers);
        return;
      }
      receive(session, body);
      res.writeHead(204, headers);
      res.end();
      return;
    }
    json(res, 405, { error: 'method-not-allowed' }, headers);
  }

  async function handleDebug(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const headers = { 'access-control-allow-origin': '*' };
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
          caseNumber: c.caseNumber ?? null,
          rating: c.rating ?? null,
        })),
        headers,
      );
      return;
    }
    if (url.pathname === '/debug/say' && req.method === 'POST') {
      const body = JSON.parse((await readBody(req, MAX_FRAME_BYTES)) ?? '{}') as {
        conversationId?: string;
        text?: string;
        name?: string;
      };
      const conversation = conversations.get(body.conversationId ?? '');
      if (!conversation || typeof body.text !== 'string') {
        json(res, 404, { error: 'unknown-conversation' }, headers);
        return;
      }
      const event = say(conversation, 'agent', body.name ?? 'Maria', { text: body.text });
      json(res, 200, { seq: event.seq }, headers);
      return;
    }
    json(res, 404, { error: 'not-found' }, headers);
  }

  const http = createServer((req, res) => {
    handleHttp(req, res).catch((error: unknown) => {
      log({ msg: 'http error', error: error instanceof Error ? error.name : 'unknown' });
      if (!res.headersSent) json(res, 500, { error: 'internal' });
      else res.end();
    });
  });

  // ---- WebSocket --------------------------------------------------------------------------

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const agentWss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  http.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const target = path === '/chat' ? wss : path === '/agent' ? agentWss : undefined;
    if (!target || !originAllowed(req.headers.origin, options.allowedOrigins)) {
      socket.end(`HTTP/1.1 ${target ? '403 Forbidden' : '404 Not Found'}\r\nconnection: close\r\n\r\n`);
      return;
    }
    target.handleUpgrade(req, socket, head, (ws) => target.emit('connection', ws));
  });

  /** Pings the socket every HEARTBEAT_MS and drops it when a pong does not come back. */
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
    }, HEARTBEAT_MS);
    ws.on('close', () => clearInterval(timer));
  }

  agentWss.on('connection', (ws) => {
    heartbeat(ws);
    // An oversized frame makes ws close the socket with 1009; nothing else to do.
    ws.on('error', () => undefined);
    center.connectAgent(ws);
  });

  wss.on('connection', (ws) => {
    const session = open(new WebSocketConnection(ws));
    heartbeat(ws);
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        fail(session.connection, 'bad-frame', 'Binary frames are not supported.');
        return;
      }
      receive(session, rawToString(data));
    });
    // An oversized frame makes ws close the socket with 1009; nothing else to do.
    ws.on('error', () => undefined);
    ws.on('close', () => closed(session));
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 8787, host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  log({ msg: 'listening', host, port });

  return {
    port,
    url: `ws://${host}:${port}/chat`,
    agentUrl: `ws://${host}:${port}/agent`,
    stats,
    async close() {
      center.close();
      for (const conversation of conversations.values()) {
        for (const timer of conversation.timers) clearTimeout(timer);
        conversation.timers.clear();
      }
      for (const session of sseSessions.values()) session.connection.close(1001, 'server shutting down');
      for (const client of [...wss.clients, ...agentWss.clients]) client.terminate();
      wss.close();
      agentWss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
