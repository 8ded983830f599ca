/**
 * The reference chat server: speaks `src/protocol.ts` over a WebSocket at `/chat`, and over
 * Server-Sent Events (GET `/chat/sse?connection=ID`) plus POST (`/chat/sse?connection=ID`)
 * for networks that block WebSockets. In-memory conversations with sequence-numbered events,
 * dedupe by message id, replay on resume. Checks `Origin`, rate-limits each connection,
 * answers bad input with error frames and never crashes on it. Logs never contain message text.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { RawData } from 'ws';
import { MAX_MESSAGE_LENGTH, PROTOCOL_VERSION, majorVersion, parseClientFrame } from '../src/protocol.js';
import type {
  ChatEvent,
  ErrorCode,
  HelloFrame,
  MessageFrame,
  QuickReply,
  Role,
  ServerFrame,
} from '../src/protocol.js';
import { redact } from '../src/redaction/index.js';
import { ASSISTANT_NAME, createAssistant } from './assistant/index.js';
import type { Assistant, AssistantReply, Lang } from './assistant/index.js';
import { RateLimiter, SseConnection, WebSocketConnection, originAllowed, readBody } from './connections.js';
import type { Connection } from './connections.js';

export interface ChatServerOptions {
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
  readonly stats: {
    messages: number;
    /** Customer text the second-line redaction had to change (stays 0 with our widget). */
    redactedByServer: number;
    connections: number;
    errors: number;
  };
  close(): Promise<void>;
}

interface Conversation {
  id: string;
  lang: Lang;
  /** The virtual assistant of this conversation (it keeps the conversation's state). */
  assistant: Assistant;
  events: ChatEvent[];
  /** customer message id → seq, for dedupe. */
  seen: Map<string, number>;
  clients: Set<Connection>;
  timers: Set<ReturnType<typeof setTimeout>>;
}

interface Session {
  connection: Connection;
  conversation: Conversation | undefined;
  limiter: RateLimiter;
}

const HEARTBEAT_MS = 15_000;

/** What goes into a message event: text and quick replies, never the assistant's bookkeeping. */
interface Said {
  text: string;
  quickReplies?: QuickReply[];
}

function said(reply: AssistantReply): Said {
  return reply.quickReplies
    ? { text: reply.text, quickReplies: [...reply.quickReplies] }
    : { text: reply.text };
}

/**
 * The assistant can tell when a customer wants a person; the queue and the agent console are
 * not built yet (issue 5), so say so plainly instead of promising a connection.
 */
const NO_AGENTS_YET: Record<Lang, Said> = {
  en: {
    text: "Live agents aren't connected to this demo server yet, so I can't transfer you. I can still help with disputes, lost or stolen cards, payments, rewards and more.",
  },
  es: {
    text: 'Los agentes todavía no están conectados a este servidor de demostración, así que no puedo transferirte. Aun así puedo ayudarte con disputas, tarjetas perdidas o robadas, pagos, recompensas y más.',
  },
};
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
  const stats = { messages: 0, redactedByServer: 0, connections: 0, errors: 0 };
  const received: string[] = [];

  // ---- conversation logic, shared by both transports ------------------------------------

  function broadcast(conversation: Conversation, frame: ServerFrame): void {
    for (const client of conversation.clients) client.send(frame);
  }

  function append(conversation: Conversation, event: Omit<ChatEvent, 'seq'>): ChatEvent {
    const full: ChatEvent = { ...event, seq: conversation.events.length + 1 };
    conversation.events.push(full);
    broadcast(conversation, { type: 'event', event: full });
    return full;
  }

  function say(conversation: Conversation, from: Role, name: string, answer: Said): ChatEvent {
    const event: Omit<ChatEvent, 'seq'> = {
      id: randomUUID(),
      kind: 'message',
      from,
      name,
      text: answer.text,
      at: Date.now(),
    };
    if (answer.quickReplies) event.quickReplies = answer.quickReplies;
    return append(conversation, event);
  }

  function answerLater(conversation: Conversation, answer: Said): void {
    const name = ASSISTANT_NAME[conversation.lang];
    broadcast(conversation, { type: 'typing', from: 'assistant', name, active: true });
    const timer = setTimeout(() => {
      conversation.timers.delete(timer);
      broadcast(conversation, { type: 'typing', from: 'assistant', name, active: false });
      say(conversation, 'assistant', name, answer);
    }, replyDelay);
    conversation.timers.add(timer);
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
    const conversation: Conversation = resumed ?? {
      id: randomUUID(),
      lang,
      assistant: createAssistant(lang),
      events: [],
      seen: new Map(),
      clients: new Set(),
      timers: new Set(),
    };
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
    const answer = conversation.assistant.reply(checked.text);
    answerLater(
      conversation,
      answer.action === 'queue-for-agent' ? NO_AGENTS_YET[conversation.lang] : said(answer),
    );
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
    switch (frame.type) {
      case 'ping':
        session.connection.send({ type: 'pong' });
        return;
      case 'hello':
        if (!session.conversation) hello(session, frame);
        return;
      case 'message':
        if (session.conversation) message(session, session.conversation, frame);
        else fail(session.connection, 'not-ready', 'Send hello first.', frame.id);
        return;
      case 'typing':
        // Customer typing reaches agents in a later issue; it carries no text by construction.
        if (!session.conversation) fail(session.connection, 'not-ready', 'Send hello first.');
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
        [...conversations.values()].map((c) => ({ id: c.id, events: c.events })),
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

  http.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/chat' || !originAllowed(req.headers.origin, options.allowedOrigins)) {
      socket.end(
        `HTTP/1.1 ${path === '/chat' ? '403 Forbidden' : '404 Not Found'}\r\nconnection: close\r\n\r\n`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });

  wss.on('connection', (ws) => {
    const session = open(new WebSocketConnection(ws));
    let alive = true;
    ws.on('pong', () => {
      alive = true;
    });
    const heartbeat = setInterval(() => {
      if (!alive) {
        ws.terminate();
        return;
      }
      alive = false;
      ws.ping();
    }, HEARTBEAT_MS);
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        fail(session.connection, 'bad-frame', 'Binary frames are not supported.');
        return;
      }
      receive(session, rawToString(data));
    });
    // An oversized frame makes ws close the socket with 1009; nothing else to do.
    ws.on('error', () => undefined);
    ws.on('close', () => {
      clearInterval(heartbeat);
      closed(session);
    });
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
    stats,
    async close() {
      for (const conversation of conversations.values()) {
        for (const timer of conversation.timers) clearTimeout(timer);
      }
      for (const session of sseSessions.values()) session.connection.close(1001, 'server shutting down');
      for (const client of wss.clients) client.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
