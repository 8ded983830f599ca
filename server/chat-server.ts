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
 *
 * This file wires the parts in server/chat-server/: options.ts (defaults), stats.ts (counters
 * and reports), pipeline.ts (the steps every client frame goes through), customer-session.ts
 * and customer-hello.ts (the customer endpoint), delivery.ts (fan-out and replay), sse.ts (the
 * event stream), websocket.ts (the upgrade), agent-endpoint.ts (consoles), http.ts (routes).
 */
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Backpressure } from './connections.js';
import { createContactCenter } from './contact-center.js';
import { AddressTable } from './limits.js';
import { RedisStore } from './redis-store.js';
import { sealKeyPair } from './resume-key.js';
import { secretProblem } from './secret.js';
import { MemoryStore } from './store.js';
import type { Store } from './store.js';
import { createBotTurns } from './chat-server/bot-turn.js';
import { createCustomers } from './chat-server/customer-session.js';
import { createDelivery } from './chat-server/delivery.js';
import { createHttpServer } from './chat-server/http.js';
import { CLOSE_RESTART, settingsOf } from './chat-server/options.js';
import type { ChatServerOptions } from './chat-server/options.js';
import { createSse } from './chat-server/sse.js';
import { createReports, createStats } from './chat-server/stats.js';
import type { ServerStats } from './chat-server/stats.js';
import { acceptWebSockets } from './chat-server/websocket.js';
import { createUploads } from './uploads/index.js';
import { createVerifications } from './verification/index.js';
import type { Verifications } from './verification/index.js';
import { createDemoDevice } from './verification/device.js';
import { verifiedAnswer } from './verification/assistant.js';

export { CLOSE_RESTART } from './chat-server/options.js';
export type { ChatServerOptions, TokenVerdict } from './chat-server/options.js';
export type { HardeningStats, ServerStats } from './chat-server/stats.js';

export interface ChatServer {
  readonly port: number;
  /** WebSocket endpoint; the SSE endpoint is the same URL with `http:`. */
  readonly url: string;
  /** The agent console's WebSocket endpoint (`/agent`). */
  readonly agentUrl: string;
  readonly stats: ServerStats;
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

export async function startChatServer(options: ChatServerOptions = {}): Promise<ChatServer> {
  const settings = settingsOf(options);
  const { host, agentSecret } = settings;
  const instance = randomUUID();
  const baseLog = options.log ?? (() => undefined);
  // With several instances, every line says which one wrote it.
  const log = settings.distributed
    ? (entry: Record<string, unknown>) => baseLog({ ...entry, instance })
    : baseLog;
  if (agentSecret !== undefined) {
    const problem = secretProblem(agentSecret);
    if (problem) throw new Error(problem);
  }
  // With tokens, other tabs prove their session by sealing their token to this key (tab-join).
  const seal = options.verifyToken ? await sealKeyPair() : undefined;
  const addresses = new AddressTable({
    maxConnections: settings.maxConnectionsPerIp,
    maxAgentConnections: options.maxAgentConnectionsPerIp,
    rate: settings.ipRate,
    work: settings.ipWork,
    maxAuthFailures: settings.maxAuthFailuresPerIp,
    authRequired: agentSecret !== undefined,
  });
  const backpressure = new Backpressure(settings.maxBufferedBytes, (transport) =>
    log({ msg: 'slow client dropped', transport }),
  );
  const store: Store =
    settings.distributed && options.store
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
  let draining = false;
  const isDraining = (): boolean => draining;
  const stats = createStats(backpressure);
  const reports = createReports(stats, log);
  /** Raw frames received, kept for the test hooks (`debug`) only. */
  const received: string[] = [];
  // The identity check, with the bank's out-of-band service or (demo and development) the phone.
  const device = options.demoDevice
    ? createDemoDevice({
        store,
        conversations,
        verifications: () => verifications,
        allowedOrigins: options.allowedOrigins,
        bodyTimeoutMs: settings.bodyTimeoutMs,
      })
    : undefined;
  const verifications: Verifications = createVerifications({
    options: settings.verifier,
    outOfBand: options.outOfBand ?? device,
    log,
    // Verified where the assistant asked for the ZIP: it goes on with the profile's (assistant.ts).
    assistantVerified: (conversation) => {
      const reply = verifiedAnswer(conversation);
      if (reply) center.answerLater(conversation, reply);
    },
  });
  const uploads = await createUploads({ options, store, log });
  const center = createContactCenter({
    uploads,
    verifications,
    options,
    replyDelay: settings.replyDelay,
    store,
    stats,
    log,
    agentSecret,
    helloTimeoutMs: settings.helloTimeoutMs,
    backpressure,
    internalError: reports.internalError,
    flooded: reports.flooded,
  });
  if (settings.debug) {
    log({ msg: 'debug hooks on (/debug/*): for tests only; they read every conversation', level: 'warn' });
  }
  if (agentSecret === undefined) {
    log({
      msg: 'agent console unprotected: anyone who can reach /agent can sign in; set CHAT_AGENT_SECRET',
      level: 'warn',
    });
  }

  const delivery = createDelivery({ conversations, backpressure, replayStallMs: settings.replayStallMs });
  const bot = settings.bot ? createBotTurns({ bot: settings.bot, store, center, reports }) : undefined;
  const customers = createCustomers({
    settings,
    store,
    center,
    delivery,
    reports,
    ...(bot ? { bot } : {}),
    conversations,
    verifyToken: options.verifyToken,
    seal,
    received,
    verifications,
    uploads,
  });
  const sse = createSse({
    settings,
    store,
    addresses,
    backpressure,
    customers,
    reports,
    draining: isDraining,
    received,
  });
  const http = createHttpServer({
    uploads,
    settings,
    store,
    conversations,
    sse,
    reports,
    draining: isDraining,
    received,
    ...(device ? { device } : {}),
  });
  const sockets = acceptWebSockets(http, {
    settings,
    addresses,
    backpressure,
    customers,
    center,
    reports,
    draining: isDraining,
  });

  /** Consoles whose sign-out was not stored (Redis was unreachable) are signed out later. */
  const orphans = setInterval(() => {
    if (!center.hasOrphans || !store.ready) return;
    store
      .run(() => center.signOutOrphans())
      .catch((error: unknown) => reports.internalError('orphans', error));
  }, 5000);
  orphans.unref();

  /** Every waiting customer on this instance gets a fresh estimate now and then. */
  const refresh = setInterval(() => {
    for (const [id, followers] of delivery.followed()) {
      const conversation = conversations.get(id);
      if (conversation?.phase !== 'queued') continue;
      const frame = center.queueFrame(conversation);
      for (const follower of followers) follower.connection.send(frame);
    }
  }, settings.queueUpdateMs);

  await store.start({
    // What a transaction emitted, to this instance's connections.
    deliver(effect) {
      // An upload request gets its token here, on the instance of each connection (never stored).
      if (effect.to === 'customers')
        delivery.toFollowers(effect.conversationId, uploads.withToken(effect.conversationId, effect.frame));
      else if (effect.to === 'stream') sse.deliver(effect);
      else center.deliver(effect.to === 'agent' ? effect.agentId : undefined, effect.frame);
    },
    timerDue(conversationId, timerId) {
      // Already run (by the instance that set it, as the feed showed): no transaction needed.
      if (!conversations.get(conversationId)?.timers.some((t) => t.id === timerId)) return;
      store
        .run(() => center.timerDue(conversationId, timerId))
        .catch((error: unknown) => reports.internalError('timer', error));
    },
    // The world was reloaded from Redis: events the sessions missed go out with the next ones.
    reloaded: () => delivery.reloaded(),
    deadInstances(instances) {
      store
        .run(() => center.signOutAgentsOf(instances))
        .catch((error: unknown) => reports.internalError('agents of a lost instance', error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(settings.port, host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  log({ msg: 'listening', host, port, store: store.kind });

  let stopped: Promise<void> | undefined;
  /** Stops the heartbeats, the consoles, the HTTP server and every socket; then the store. */
  async function stop(): Promise<void> {
    clearInterval(refresh);
    clearInterval(orphans);
    bot?.close();
    device?.close();
    center.close();
    addresses.close();
    sse.closeAll(1001, 'server shutting down');
    sockets.terminate();
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await store.close();
    await uploads.close();
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
        sse.closeAll(CLOSE_RESTART, 'service restart');
        for (const client of sockets.customers) client.close(CLOSE_RESTART, 'service restart');
        center.close(CLOSE_RESTART, 'service restart');
        const deadline = Date.now() + settings.drainMs;
        while (sockets.customers.size + sockets.agents.size + sse.size > 0 && Date.now() < deadline) {
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
