/**
 * The HTTP routes: `/healthz` (alive), `/readyz` (takes new clients), the event-stream
 * endpoint (sse.ts) and, with `debug` only, the test hooks under `/debug/`. The HTTP server
 * itself bounds headers and requests in time (slowloris) and sockets in number.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { PROTOCOL_VERSION } from '../../src/protocol.js';
import { originAllowed, readBody } from '../connections.js';
import { say, snapshot } from '../conversation.js';
import type { Conversation } from '../conversation.js';
import type { Store } from '../store.js';
import { MAX_FRAME_BYTES, MAX_SOCKETS } from './options.js';
import type { Settings } from './options.js';
import { corsHeaders, json } from './respond.js';
import type { SseEndpoint } from './sse.js';
import type { Reports } from './stats.js';
import type { DemoDevice } from '../verification/device.js';
import type { Uploads } from '../uploads/index.js';

export interface HttpDeps {
  readonly settings: Settings;
  readonly store: Store;
  readonly conversations: ReadonlyMap<string, Conversation>;
  readonly sse: Pick<SseEndpoint, 'handle'>;
  readonly reports: Reports;
  /** Shutting down: `/readyz` answers 503. */
  readonly draining: () => boolean;
  /** Tests only (`debug`): every raw frame received. */
  readonly received: readonly string[];
  /** Demo and development only: the simulated phone's routes (`/demo/device`). */
  readonly device?: DemoDevice;
  /** Secure document upload's routes (`/chat/upload`, `/chat/documents/`). */
  readonly uploads?: Pick<Uploads, 'handle'>;
}

export function createHttpServer(deps: HttpDeps): Server {
  const { settings, store, reports } = deps;
  const { log } = reports;

  /**
   * The test hooks read every conversation and speak as an agent: only from an allowed Origin
   * (or none), and with the console's secret (`authorization: Bearer …`) when there is one;
   * without one, only from this machine. Never `access-control-allow-origin: *`.
   */
  function debugAllowed(req: IncomingMessage): 'ok' | 'origin' | 'secret' {
    if (!originAllowed(req.headers.origin, settings.options.allowedOrigins)) return 'origin';
    if (settings.agentSecret !== undefined) {
      const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const a = Buffer.from(given ?? '');
      const b = Buffer.from(settings.agentSecret);
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
      json(res, 200, { frames: deps.received, stats: reports.stats }, headers);
      return;
    }
    if (url.pathname === '/debug/conversations') {
      json(
        res,
        200,
        [...deps.conversations.values()].map((c) => ({
          id: c.id,
          lang: c.lang,
          account: c.account ?? null,
          topic: c.topic ?? null,
          events: c.events,
          phase: c.phase,
          team: c.team,
          agent: c.owner?.name ?? null,
          agentId: c.owner?.agentId ?? null,
          caseNumber: c.caseNumber ?? null,
          // The end summary as sent, and the assistant's record of what was done, with the
          // summaries built from it: what an end-to-end test checks every visible text against.
          summary: c.summary ?? null,
          record: c.assistant.record(),
          recordSummary: c.assistant.summary(),
          recap: c.assistant.recap(),
          rating: c.rating ?? null,
        })),
        headers,
      );
      return;
    }
    if (url.pathname === '/debug/snapshots') {
      // What the memory store holds of each conversation, as a store would write it (tests scan it).
      json(
        res,
        200,
        [...deps.conversations.values()].map((c) => ({ ...snapshot(c), events: c.events })),
        headers,
      );
      return;
    }
    if (url.pathname === '/debug/say' && req.method === 'POST') {
      const read = await readBody(req, MAX_FRAME_BYTES, settings.bodyTimeoutMs);
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
        const conversation = deps.conversations.get(body.conversationId ?? '');
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

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') {
      // Alive: the process answers. (A load balancer restarts it when this fails.)
      json(res, 200, { ok: true, version: PROTOCOL_VERSION });
      return;
    }
    if (url.pathname === '/readyz') {
      // Ready for new clients: not shutting down, and the store takes transactions.
      const draining = deps.draining();
      const ready = !draining && store.ready;
      json(res, ready ? 200 : 503, {
        ok: ready,
        version: PROTOCOL_VERSION,
        store: store.kind,
        ...(draining ? { draining: true } : {}),
      });
      return;
    }
    if (deps.uploads && (await deps.uploads.handle(req, res, url))) return;
    if (deps.device && (await deps.device.handle(req, res, url))) return;
    if (settings.debug && url.pathname.startsWith('/debug/')) {
      await handleDebug(req, res, url);
      return;
    }
    if (url.pathname !== '/chat/sse') {
      json(res, 404, { error: 'not-found' });
      return;
    }
    await deps.sse.handle(req, res, url);
  }

  const http = createServer(
    {
      // Slowloris: a request must bring its headers within headersTimeout and all of itself
      // within requestTimeout; Node checks both every connectionsCheckingInterval.
      headersTimeout: settings.headersTimeoutMs,
      requestTimeout: settings.requestTimeoutMs,
      connectionsCheckingInterval: Math.max(100, Math.min(1000, settings.headersTimeoutMs / 4)),
      keepAliveTimeout: 5000,
    },
    (req, res) => {
      handleHttp(req, res).catch((error: unknown) => {
        reports.internalError(`http ${req.method ?? ''}`, error);
        if (!res.headersSent) json(res, 500, { error: 'internal' });
        else res.destroy();
      });
    },
  );
  http.maxConnections = MAX_SOCKETS;
  return http;
}
