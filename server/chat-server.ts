/**
 * The reference chat server: HTTP for health checks, WebSocket at `/chat` speaking
 * `src/protocol.ts`. In-memory conversations with sequence-numbered events, dedupe by
 * message id, replay on resume. Logs are structured and never contain message text.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { MAX_MESSAGE_LENGTH, PROTOCOL_VERSION, majorVersion, parseClientFrame } from '../src/protocol.js';
import type { ChatEvent, ErrorCode, HelloFrame, MessageFrame, ServerFrame } from '../src/protocol.js';
import { redact } from '../src/redaction/index.js';
import { ASSISTANT_NAME, greeting, reply } from './assistant.js';
import type { AssistantReply, Lang } from './assistant.js';

export interface ChatServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Delay before the assistant answers, in ms (it "types" meanwhile). */
  replyDelay?: number;
  /** Structured log sink; defaults to no logging. Never receives message text. */
  log?: (entry: Record<string, unknown>) => void;
  /**
   * Tests only: keep every raw frame received and serve them at `GET /debug/frames`, so a test
   * can check the bytes that reached the server. Off by default; never enable in production.
   */
  recordFrames?: boolean;
}

export interface ChatServer {
  readonly port: number;
  readonly url: string;
  /** Customer text the second-line redaction had to change (should stay 0 with our widget). */
  readonly stats: { messages: number; redactedByServer: number; connections: number };
  close(): Promise<void>;
}

interface Conversation {
  id: string;
  lang: Lang;
  events: ChatEvent[];
  /** customer message id → seq, for dedupe. */
  seen: Map<string, number>;
  clients: Set<WebSocket>;
  timers: Set<ReturnType<typeof setTimeout>>;
}

const HEARTBEAT_MS = 15_000;

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return data instanceof ArrayBuffer ? Buffer.from(data).toString('utf8') : data.toString('utf8');
}

export async function startChatServer(options: ChatServerOptions = {}): Promise<ChatServer> {
  const host = options.host ?? '127.0.0.1';
  const replyDelay = options.replyDelay ?? 600;
  const log = options.log ?? (() => undefined);
  const conversations = new Map<string, Conversation>();
  const stats = { messages: 0, redactedByServer: 0, connections: 0 };
  const received: string[] = [];

  const http = createServer((req, res) => {
    if (req.url === '/healthz' || req.url === '/readyz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, version: PROTOCOL_VERSION }));
      return;
    }
    if (options.recordFrames && req.url === '/debug/frames') {
      // Loopback test pages on another port read this; it is only served with recordFrames.
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end(JSON.stringify({ frames: received, stats }));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

  http.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/chat') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });

  function send(ws: WebSocket, frame: ServerFrame): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  }

  function broadcast(conversation: Conversation, frame: ServerFrame): void {
    for (const client of conversation.clients) send(client, frame);
  }

  function append(conversation: Conversation, event: Omit<ChatEvent, 'seq'>): ChatEvent {
    const full: ChatEvent = { ...event, seq: conversation.events.length + 1 };
    conversation.events.push(full);
    broadcast(conversation, { type: 'event', event: full });
    return full;
  }

  function assistantSays(conversation: Conversation, answer: AssistantReply): void {
    const event: Omit<ChatEvent, 'seq'> = {
      id: randomUUID(),
      kind: 'message',
      from: 'assistant',
      name: ASSISTANT_NAME[conversation.lang],
      text: answer.text,
      at: Date.now(),
    };
    if (answer.quickReplies) event.quickReplies = answer.quickReplies;
    append(conversation, event);
  }

  function answerLater(conversation: Conversation, answer: AssistantReply): void {
    const name = ASSISTANT_NAME[conversation.lang];
    broadcast(conversation, { type: 'typing', from: 'assistant', name, active: true });
    const timer = setTimeout(() => {
      conversation.timers.delete(timer);
      broadcast(conversation, { type: 'typing', from: 'assistant', name, active: false });
      assistantSays(conversation, answer);
    }, replyDelay);
    conversation.timers.add(timer);
  }

  function hello(ws: WebSocket, frame: HelloFrame): Conversation | undefined {
    if (majorVersion(frame.v) !== majorVersion(PROTOCOL_VERSION)) {
      fail(
        ws,
        'unsupported-version',
        `Protocol ${frame.v} is not supported; this server speaks ${PROTOCOL_VERSION}.`,
      );
      ws.close(4000, 'unsupported-version');
      return undefined;
    }
    const lang: Lang = frame.lang === 'es' ? 'es' : 'en';
    const resumed = frame.resume ? conversations.get(frame.resume.conversationId) : undefined;
    const conversation: Conversation = resumed ?? {
      id: randomUUID(),
      lang,
      events: [],
      seen: new Map(),
      clients: new Set(),
      timers: new Set(),
    };
    conversations.set(conversation.id, conversation);
    conversation.clients.add(ws);
    send(ws, { type: 'welcome', v: PROTOCOL_VERSION, conversationId: conversation.id });
    if (resumed && frame.resume) {
      for (const event of resumed.events.slice(Math.max(0, frame.resume.lastSeq))) {
        send(ws, { type: 'event', event });
      }
      log({ msg: 'resumed', conversation: conversation.id, from: frame.resume.lastSeq });
    } else {
      log({ msg: 'conversation started', conversation: conversation.id, lang });
      assistantSays(conversation, greeting(lang));
    }
    return conversation;
  }

  function message(ws: WebSocket, conversation: Conversation, frame: MessageFrame): void {
    const known = conversation.seen.get(frame.id);
    if (known !== undefined) {
      send(ws, { type: 'ack', id: frame.id, seq: known });
      return;
    }
    if (frame.text.length > MAX_MESSAGE_LENGTH) {
      fail(ws, 'too-long', `Messages are limited to ${MAX_MESSAGE_LENGTH} characters.`, frame.id);
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
    send(ws, { type: 'ack', id: frame.id, seq: event.seq });
    answerLater(conversation, reply(checked.text, conversation.lang));
  }

  function fail(ws: WebSocket, code: ErrorCode, text: string, id?: string): void {
    const frame: ServerFrame = { type: 'error', code, message: text };
    if (id) frame.id = id;
    send(ws, frame);
  }

  wss.on('connection', (ws) => {
    stats.connections += 1;
    let conversation: Conversation | undefined;
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
      const text = rawToString(data);
      if (options.recordFrames) received.push(text);
      const frame = isBinary ? undefined : parseClientFrame(text);
      if (!frame) {
        fail(ws, 'bad-frame', 'The frame is not valid JSON of a known type.');
        return;
      }
      if (frame.type === 'ping') {
        send(ws, { type: 'pong' });
        return;
      }
      if (frame.type === 'hello') {
        if (!conversation) conversation = hello(ws, frame);
        return;
      }
      if (!conversation) {
        fail(ws, 'not-ready', 'Send hello first.', frame.type === 'message' ? frame.id : undefined);
        return;
      }
      if (frame.type === 'message') message(ws, conversation, frame);
      // Customer typing reaches agents in a later issue; it carries no text by construction.
    });
    ws.on('close', () => {
      clearInterval(heartbeat);
      conversation?.clients.delete(ws);
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
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
