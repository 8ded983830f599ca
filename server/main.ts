/**
 * Runs the reference server: `tsx server/main.ts [--port N] [--reply-delay MS] [--quiet]
 * [--debug] [--rate-limit BURST,PER_SECOND] [--tokens [SUBJECT:]A,B --expired-tokens C]
 * [--max-queue N] [--handle-seconds N] [--queue-update MS] [--simulated-agent on|off]
 * [--agent-delay MS] [--agent-secret-file PATH] [--trust-proxy HOPS] [--max-connections-per-ip N]
 * [--max-agent-connections-per-ip N] [--ip-rate-limit BURST,PER_SECOND] [--bot-url URL]
 * [--bot-timeout MS] [--demo-device] [--verify-ttl MS]` (--debug is for tests: /debug/frames, /debug/say;
 * --demo-device, or CHAT_DEMO_DEVICE=1, is for demos: the simulated phone at /demo/device).
 *
 * Contact center: --max-queue (most customers waiting, all teams; default 20), --handle-seconds
 * (average time per conversation for the wait estimate; default 120), --queue-update (how often
 * a waiting customer's place is re-sent; default 15000 ms), --simulated-agent (whether a
 * simulated agent takes conversations no person is signed in for; default on) and
 * --agent-delay (how long it waits first; default 4000 ms). Agent consoles connect to /agent.
 *
 * Browser origins allowed: CHAT_ALLOWED_ORIGINS (comma-separated), default any loopback origin.
 * Hardening (docs/server-hardening.md, server/env.ts): CHAT_AGENT_SECRET or
 * CHAT_AGENT_SECRET_FILE / --agent-secret-file (the agent console's shared secret; there is no
 * flag for the secret itself, which would show in `ps`), CHAT_TRUST_PROXY / --trust-proxy,
 * CHAT_MAX_CONNECTIONS_PER_IP, CHAT_MAX_AGENT_CONNECTIONS_PER_IP, CHAT_IP_RATE_LIMIT (flags of
 * the same names win over the environment). Without a secret a warning goes to stderr.
 * Port: `--port`, else `CHAT_SERVER_PORT`, else 8787 (0 = any free port). Always 127.0.0.1
 * unless `CHAT_SERVER_HOST` says otherwise. Prints one line with the URL when listening.
 *
 * Store (docs/deploy.md): `CHAT_STORE` (or `--store`) is `memory` (default: one process) or a
 * Redis URL (`redis://127.0.0.1:6379`) shared by several instances behind a load balancer;
 * `CHAT_STORE_PREFIX` (key prefix, default `amex-chat:`), `CHAT_RETENTION_SECONDS` (how long
 * an ended conversation is kept, default 30 days), `CHAT_DRAIN_MS` (graceful shutdown: how long
 * clients get to leave, default 5000). SIGTERM or SIGINT: graceful shutdown (readyz 503, clients
 * told to reconnect with close 1012, drain, exit 0); a second signal exits at once.
 * Logs: one JSON object per line on stderr, never message text.
 *
 * External bot (server/external-bot.ts, docs/assistant.md): `CHAT_BOT_URL` (or `--bot-url`), the
 * Rasa REST channel URL that takes the assistant's turns, and `CHAT_BOT_TIMEOUT_MS` (or
 * `--bot-timeout`; default 3000) before the built-in assistant answers instead.
 *
 * Document upload (server/uploads, docs/security.md): `CHAT_UPLOAD_DIR` (where files are kept;
 * default a directory in the system's temporary one), `CHAT_UPLOAD_MAX_BYTES` (default 10 MiB),
 * `CHAT_DOCUMENT_MAX_AGE_SECONDS` (how long a document is kept; default 30 days).
 */
import { parseArgs } from 'node:util';
import { startChatServer } from './chat-server.js';
import { UNPROTECTED_CONSOLE_WARNING, agentSecret, hardeningFromEnv, rate, wholeNumber } from './env.js';
import type { HardeningOptions } from './env.js';
import type { TokenVerdict } from './chat-server.js';
import { botFromEnv, botUrl } from './external-bot.js';
import { uploadsFromEnv } from './uploads/options.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'reply-delay': { type: 'string' },
    quiet: { type: 'boolean', default: false },
    debug: { type: 'boolean', default: false },
    'demo-device': { type: 'boolean', default: false },
    'verify-ttl': { type: 'string' },
    'rate-limit': { type: 'string' },
    tokens: { type: 'string' },
    'expired-tokens': { type: 'string' },
    'max-queue': { type: 'string' },
    'handle-seconds': { type: 'string' },
    'queue-update': { type: 'string' },
    'simulated-agent': { type: 'string' },
    'agent-delay': { type: 'string' },
    'agent-secret-file': { type: 'string' },
    'trust-proxy': { type: 'string' },
    'max-connections-per-ip': { type: 'string' },
    'max-agent-connections-per-ip': { type: 'string' },
    'ip-rate-limit': { type: 'string' },
    store: { type: 'string' },
    'bot-url': { type: 'string' },
    'bot-timeout': { type: 'string' },
  },
});

/** Environment, then flags; exits with the problem (never a secret) on a bad value. */
function hardening(): HardeningOptions {
  try {
    const options = hardeningFromEnv(process.env);
    const file = values['agent-secret-file'];
    if (file !== undefined) {
      const secret = agentSecret(undefined, file);
      if (secret !== undefined) options.agentSecret = secret;
    }
    const trustProxy = wholeNumber('--trust-proxy', values['trust-proxy']);
    if (trustProxy !== undefined) options.trustProxy = trustProxy;
    const max = wholeNumber('--max-connections-per-ip', values['max-connections-per-ip'], 1);
    if (max !== undefined) options.maxConnectionsPerIp = max;
    const agents = wholeNumber('--max-agent-connections-per-ip', values['max-agent-connections-per-ip'], 1);
    if (agents !== undefined) options.maxAgentConnectionsPerIp = agents;
    const ipRate = rate('--ip-rate-limit', values['ip-rate-limit']);
    if (ipRate !== undefined) options.ipRateLimit = ipRate;
    return options;
  } catch (error) {
    console.error(error instanceof Error ? error.message : 'bad configuration');
    process.exit(2);
  }
}

/** The external bot: environment, then flags; exits with the problem on a bad value. */
function externalBot(): { botUrl?: string; botTimeoutMs?: number } {
  try {
    const options = botFromEnv(process.env);
    if (values['bot-url'] !== undefined) options.botUrl = botUrl('--bot-url', values['bot-url']);
    const timeout = wholeNumber('--bot-timeout', values['bot-timeout'], 1);
    if (timeout !== undefined) options.botTimeoutMs = timeout;
    return options;
  } catch (error) {
    console.error(error instanceof Error ? error.message : 'bad configuration');
    process.exit(2);
  }
}

/** A non-negative number flag, or undefined when absent; exits on anything else. */
function count(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`--${name} must be a non-negative number, not "${value}"`);
    process.exit(2);
  }
  return n;
}

function onOff(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'on' || value === 'off') return value === 'on';
  console.error(`--${name} must be on or off, not "${value}"`);
  process.exit(2);
}

const center = {
  maxQueue: count('max-queue', values['max-queue']),
  handleSeconds: count('handle-seconds', values['handle-seconds']),
  queueUpdateMs: count('queue-update', values['queue-update']),
  simulatedAgent: onOff('simulated-agent', values['simulated-agent']),
  simulatedAgentDelay: count('agent-delay', values['agent-delay']),
};

const port = Number(values.port ?? process.env['CHAT_SERVER_PORT'] ?? 8787);
const replyDelay = values['reply-delay'] === undefined ? undefined : Number(values['reply-delay']);
const quiet = values.quiet;
// --rate-limit BURST,PER_SECOND (tests use a tiny budget to make the server refuse messages).
const [burst, perSecond] = (values['rate-limit'] ?? '').split(',').map(Number);
const rateLimit = burst && perSecond ? { burst, perSecond } : undefined;
// --tokens a,b (accepted) and --expired-tokens c,d: a stand-in for a real token check, for tests
// and demos of tokenProvider. Without --tokens, tokens are not checked. Each token stands for a
// customer (its subject): `alice:t1,alice:t2,bob:t3` gives two tokens to alice; a bare token is
// its own subject. A conversation is bound to the subject that started it.
const list = (value: string | undefined): string[] => (value ? value.split(',').filter(Boolean) : []);
const valid = new Map(
  list(values.tokens).map((entry) => {
    const at = entry.indexOf(':');
    return at > 0 ? [entry.slice(at + 1), entry.slice(0, at)] : [entry, entry];
  }),
);
const expired = new Set(list(values['expired-tokens']));
function verifyToken(token: string | undefined): TokenVerdict {
  const subject = token === undefined ? undefined : valid.get(token);
  if (subject !== undefined) return { subject };
  return token && expired.has(token) ? 'expired' : 'invalid';
}

const store = values.store ?? process.env['CHAT_STORE'] ?? 'memory';
if (store !== 'memory' && !/^rediss?:\/\//.test(store)) {
  console.error(`CHAT_STORE must be memory or a redis:// URL, not "${store}"`);
  process.exit(2);
}
const retention = process.env['CHAT_RETENTION_SECONDS'];
const drain = process.env['CHAT_DRAIN_MS'];

const server = await startChatServer({
  host: process.env['CHAT_SERVER_HOST'] ?? '127.0.0.1',
  port,
  store,
  ...(process.env['CHAT_STORE_PREFIX'] ? { storePrefix: process.env['CHAT_STORE_PREFIX'] } : {}),
  ...(retention ? { retentionSeconds: count('retention-seconds', retention) ?? 0 } : {}),
  ...(drain ? { drainMs: count('drain-ms', drain) ?? 0 } : {}),
  ...(replyDelay === undefined ? {} : { replyDelay }),
  ...Object.fromEntries(Object.entries(center).filter(([, v]) => v !== undefined)),
  debug: values.debug,
  // Demo and development only: the simulated phone (/demo/device) for identity checks.
  demoDevice: values['demo-device'] || process.env['CHAT_DEMO_DEVICE'] === '1',
  // How long an identity check stays open (ms; default 5 minutes).
  ...(values['verify-ttl']
    ? { verification: { ttlMs: count('verify-ttl', values['verify-ttl']) ?? 0 } }
    : {}),
  ...(rateLimit ? { rateLimit } : {}),
  ...(valid.size > 0 ? { verifyToken } : {}),
  ...hardening(),
  ...externalBot(),
  ...uploadsFromEnv(process.env),
  ...(quiet
    ? {}
    : { log: (entry) => console.error(JSON.stringify({ time: new Date().toISOString(), ...entry })) }),
});
console.log(`amex-chat reference server listening on ${server.url}`);
if (!server.agentConsoleProtected && !quiet) console.error(UNPROTECTED_CONSOLE_WARNING);

let stopping = false;
/** First signal: graceful shutdown; a second one: now. */
function stop(): void {
  if (stopping) process.exit(1);
  stopping = true;
  void server.shutdown().then(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
