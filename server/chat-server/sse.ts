/**
 * The event-stream transport, for networks that block WebSockets: GET `/chat/sse?connection=ID`
 * opens a stream of server frames; POST to the same URL sends one client frame. A stream's POSTs
 * must bring the key only its reader got and come from the Origin that opened it. With several
 * instances, a POST may reach another instance than the one holding the stream: it is read and
 * checked there, and travels through the store (in order) to the stream's instance.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Backpressure, SseConnection, originAllowed, readBody } from '../connections.js';
import { AddressTable, RateLimiter, clientAddress } from '../limits.js';
import { keyMatches, mintKey } from '../resume-key.js';
import { tx } from '../store.js';
import type { Effect, Store } from '../store.js';
import type { Customers, Session } from './customer-session.js';
import { MAX_FRAME_BYTES, RETRY_AFTER_SECONDS } from './options.js';
import type { Settings } from './options.js';
import { failNow, readClient, redactAgain, workOf } from './pipeline.js';
import { corsHeaders, json } from './respond.js';
import type { Reports } from './stats.js';

export interface SseDeps {
  readonly settings: Settings;
  readonly store: Store;
  readonly addresses: AddressTable;
  readonly backpressure: Backpressure;
  readonly customers: Customers;
  readonly reports: Reports;
  /** Shutting down: no new streams. */
  readonly draining: () => boolean;
  /** Tests only (`debug`): every raw frame received. */
  readonly received: string[];
}

export interface SseEndpoint {
  /** A request for `/chat/sse`. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  /** A frame POSTed (to any instance) for a stream held here. */
  deliver(effect: Extract<Effect, { to: 'stream' }>): void;
  /** Streams open on this instance. */
  readonly size: number;
  /** Closes every stream (`code` as a WebSocket close code, in the stream's `close` event). */
  closeAll(code: number, reason: string): void;
}

/** What a stream's POSTs must bring: its key (hashed here) and the Origin its GET had. */
function streamGrant(keyHash: string, origin: string | undefined): string {
  return JSON.stringify([keyHash, origin ?? null]);
}

function grantMatches(grant: string, key: string | undefined, origin: string | undefined): boolean {
  const [hash, from] = JSON.parse(grant) as [string, string | null];
  return keyMatches([hash], key) && (from === null || from === origin);
}

export function createSse(deps: SseDeps): SseEndpoint {
  const { settings, store, addresses, customers, reports } = deps;
  const sessions = new Map<string, Session>();
  /** What a POST for a stream held here must match (see `streamGrant`). */
  const grants = new Map<string, string>();

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
    if (settings.debug) deps.received.push(raw);
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
      read.frame = { ...read.frame, text: redactAgain(reports, read.frame.text) };
    }
    try {
      await store.run(() => tx().emit({ to: 'stream', connectionId, grant, read }));
      return true;
    } catch (error) {
      reports.internalError('event-stream POST (store)', error);
      return false;
    }
  }

  async function open(
    req: IncomingMessage,
    res: ServerResponse,
    id: string,
    headers: Record<string, string>,
  ) {
    if (deps.draining()) {
      json(res, 503, { error: 'shutting-down' }, { ...headers, 'retry-after': '1', connection: 'close' });
      return;
    }
    if (sessions.has(id)) {
      json(res, 409, { error: 'connection-exists' }, headers);
      return;
    }
    const address = clientAddress(req, settings.trustProxy);
    const admission = addresses.admit(address, 'customer');
    if (!admission.ok) {
      reports.refused(admission, address, 'sse');
      json(res, 429, { error: admission.reason }, { ...headers, 'retry-after': String(RETRY_AFTER_SECONDS) });
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
    const stream = new SseConnection(res, headers, deps.backpressure);
    const session = customers.open(stream, admission.bucket, admission.work);
    stream.sendKey(key.key);
    sessions.set(id, session);
    grants.set(id, grant);
    res.on('close', () => {
      if (sessions.get(id) === session) {
        sessions.delete(id);
        grants.delete(id);
        store.streams?.release(id);
      }
      admission.release();
      customers.closed(session);
    });
  }

  async function post(
    req: IncomingMessage,
    res: ServerResponse,
    id: string,
    headers: Record<string, string>,
  ) {
    const session = sessions.get(id);
    // With several instances the stream may be held by another one.
    const grant = grants.get(id) ?? (await store.streams?.held(id));
    if (grant === undefined) {
      json(res, 404, { error: 'unknown-connection' }, { ...headers, connection: 'close' });
      return;
    }
    const key = req.headers['x-chat-key'];
    if (!grantMatches(grant, typeof key === 'string' ? key : undefined, req.headers.origin)) {
      reports.log({ msg: 'stream post refused', transport: 'sse' });
      json(res, 403, { error: 'forbidden' }, { ...headers, connection: 'close' });
      return;
    }
    const body = await readBody(req, MAX_FRAME_BYTES, settings.bodyTimeoutMs);
    if (body.kind === 'aborted') return;
    if (body.kind === 'too-large') {
      if (session) failNow(session.port, reports, 'bad-frame', 'The frame is too large.');
      json(res, 413, { error: 'too-large' }, { ...headers, connection: 'close' });
      return;
    }
    if (body.kind === 'timeout') {
      json(res, 408, { error: 'body-timeout' }, { ...headers, connection: 'close' });
      return;
    }
    if (session && store.streams === undefined) {
      customers.receive(session, body.text);
    } else {
      // Several instances: every POST of a stream goes through the store, so that the
      // instance holding the stream handles them in the order they were answered.
      if (!(await forward(id, grant, body.text, addresses.work(clientAddress(req, settings.trustProxy))))) {
        json(res, 503, { error: 'try-again' }, { ...headers, 'retry-after': '1', connection: 'close' });
        return;
      }
    }
    res.writeHead(204, headers);
    res.end();
  }

  return {
    async handle(req, res, url) {
      if (!originAllowed(req.headers.origin, settings.options.allowedOrigins)) {
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
      if (req.method === 'GET') await open(req, res, id, headers);
      else if (req.method === 'POST') await post(req, res, id, headers);
      else json(res, 405, { error: 'method-not-allowed' }, headers);
    },
    deliver(effect) {
      const session = sessions.get(effect.connectionId);
      if (session && grants.get(effect.connectionId) === effect.grant) customers.handle(session, effect.read);
    },
    get size() {
      return sessions.size;
    },
    closeAll(code, reason) {
      for (const session of sessions.values()) session.connection.close(code, reason);
    },
  };
}
