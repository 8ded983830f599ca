/**
 * The reference server's options (`ChatServerOptions`) and the settings they resolve to, with
 * every default in one place. The other parts read `Settings` (the raw options only for what
 * has no default: the token check, the store, the allowed origins).
 */
import type { ContactCenterOptions } from '../contact-center.js';
import type { Rate } from '../limits.js';
import { DEFAULT_BOT_TIMEOUT_MS, botUrl } from '../external-bot.js';
import type { ExternalBot } from '../external-bot.js';
import type { UploadOptions } from '../uploads/options.js';
import type { OutOfBand } from '../verification/index.js';
import { DEFAULT_VERIFY_TRIES, DEFAULT_VERIFY_TTL_MS } from '../verification/verifier.js';
import type { VerifierOptions } from '../verification/verifier.js';

/**
 * `maxQueue`, `handleSeconds`, `queueUpdateMs`, `simulatedAgent` and `simulatedAgentDelay`
 * configure the contact center (see contact-center.ts).
 */
export interface ChatServerOptions extends ContactCenterOptions, UploadOptions {
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
   * An external bot that takes the assistant's turn (server/external-bot.ts, docs/assistant.md):
   * the URL the customer's redacted messages are POSTed to in the Rasa REST channel format.
   * Requests for a person, urgent fraud and questions about a closed case stay with the
   * built-in assistant, which also answers whenever the bot fails. Default: none.
   */
  botUrl?: string;
  /** How long the external bot has to answer before the built-in assistant does, in ms. Default 3000. */
  botTimeoutMs?: number;
  /**
   * The identity check (server/verification, docs/security.md): how long a check stays open, in
   * ms (default 5 minutes), how many codes may be typed (default 3), and its clock (tests).
   */
  verification?: { ttlMs?: number; maxTries?: number; now?: () => number };
  /**
   * The bank's out-of-band service that puts a prompt on the cardmember's device or sends them a
   * code. Without it (and without `demoDevice`) the identity check is not offered.
   */
  outOfBand?: OutOfBand;
  /**
   * Demo and development only: a simulated phone (`/demo/device`, server/verification/device.ts)
   * stands in for `outOfBand`; anyone who can reach it sees the demo account's codes.
   */
  demoDevice?: boolean;
  /**
   * Tests only: keep every raw frame received (`GET /debug/frames`) and let a test speak as an
   * agent (`POST /debug/say` with `{conversationId, text, name?}`). Never enable in production.
   */
  debug?: boolean;
}

/** What `verifyToken` says of a token: `ok` without a subject binds nothing. */
export type TokenVerdict = 'ok' | 'expired' | 'invalid' | { subject: string };

/** Close code that tells a client to reconnect (to another instance): 1012, "service restart". */
export const CLOSE_RESTART = 1012;
/** Largest frame a client may send (WebSocket message or event-stream POST body). */
export const MAX_FRAME_BYTES = 64 * 1024;
/** Most TCP connections the HTTP server holds at once, all addresses together. */
export const MAX_SOCKETS = 10_000;
/** What a refused connection is told to wait (`retry-after`), in s. */
export const RETRY_AFTER_SECONDS = 10;

/** The options with their defaults applied: what the parts of the server read. */
export interface Settings {
  readonly options: ChatServerOptions;
  readonly host: string;
  readonly port: number;
  readonly replyDelay: number;
  /** Conversations live in Redis, shared by several instances. */
  readonly distributed: boolean;
  readonly rate: Rate;
  readonly ipRate: Rate;
  readonly floodLimit: number;
  readonly work: Rate;
  readonly ipWork: Rate;
  readonly maxConnectionsPerIp: number;
  readonly maxAuthFailuresPerIp: number;
  readonly trustProxy: number;
  readonly maxBufferedBytes: number;
  readonly helloTimeoutMs: number;
  readonly heartbeatMs: number;
  readonly bodyTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly drainMs: number;
  readonly replayStallMs: number;
  readonly queueUpdateMs: number;
  readonly agentSecret: string | undefined;
  /** The external bot, when one is configured. */
  readonly bot: ExternalBot | undefined;
  /** The identity check's limits and clock. */
  readonly verifier: VerifierOptions;
  readonly debug: boolean;
}

export function settingsOf(options: ChatServerOptions): Settings {
  const rate = options.rateLimit ?? { burst: 40, perSecond: 20 };
  const headersTimeoutMs = options.headersTimeoutMs ?? 10_000;
  return {
    options,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 8787,
    replyDelay: options.replyDelay ?? 600,
    distributed: options.store !== undefined && options.store !== 'memory',
    rate,
    ipRate: options.ipRateLimit ?? { burst: rate.burst * 5, perSecond: rate.perSecond * 5 },
    floodLimit: options.floodLimit ?? 100,
    work: options.workBudget ?? { burst: 8000, perSecond: 4000 },
    ipWork: options.ipWorkBudget ?? { burst: 8000, perSecond: 8000 },
    maxConnectionsPerIp: options.maxConnectionsPerIp ?? 20,
    maxAuthFailuresPerIp: options.maxAuthFailuresPerIp ?? 10,
    trustProxy: options.trustProxy ?? 0,
    maxBufferedBytes: options.maxBufferedBytes ?? 1024 * 1024,
    helloTimeoutMs: options.helloTimeoutMs ?? 10_000,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    bodyTimeoutMs: options.bodyTimeoutMs ?? 10_000,
    headersTimeoutMs,
    requestTimeoutMs: Math.max(options.requestTimeoutMs ?? 30_000, headersTimeoutMs),
    drainMs: options.drainMs ?? 5000,
    replayStallMs: options.replayStallMs ?? 30_000,
    queueUpdateMs: Math.max(10, options.queueUpdateMs ?? 15_000),
    agentSecret: options.agentSecret,
    bot:
      options.botUrl === undefined
        ? undefined
        : {
            url: botUrl('botUrl', options.botUrl),
            timeoutMs: Math.max(1, options.botTimeoutMs ?? DEFAULT_BOT_TIMEOUT_MS),
          },
    verifier: {
      ttlMs: Math.max(1, options.verification?.ttlMs ?? DEFAULT_VERIFY_TTL_MS),
      maxTries: Math.max(1, options.verification?.maxTries ?? DEFAULT_VERIFY_TRIES),
      now: options.verification?.now ?? Date.now,
    },
    debug: options.debug === true,
  };
}
