/**
 * Runs the reference server: `tsx server/main.ts [--port N] [--reply-delay MS] [--quiet]
 * [--debug] [--rate-limit BURST,PER_SECOND] [--tokens A,B --expired-tokens C]
 * [--max-queue N] [--handle-seconds N] [--queue-update MS] [--simulated-agent on|off]
 * [--agent-delay MS]` (--debug is for tests: /debug/frames, /debug/say).
 *
 * Contact center: --max-queue (most customers waiting, all teams; default 20), --handle-seconds
 * (average time per conversation for the wait estimate; default 120), --queue-update (how often
 * a waiting customer's place is re-sent; default 15000 ms), --simulated-agent (whether a
 * simulated agent takes conversations no person is signed in for; default on) and
 * --agent-delay (how long it waits first; default 4000 ms). Agent consoles connect to /agent.
 *
 * Browser origins allowed: CHAT_ALLOWED_ORIGINS (comma-separated), default any loopback origin.
 * Port: `--port`, else `CHAT_SERVER_PORT`, else 8787 (0 = any free port). Always 127.0.0.1
 * unless `CHAT_SERVER_HOST` says otherwise. Prints one line with the URL when listening.
 */
import { parseArgs } from 'node:util';
import { startChatServer } from './chat-server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'reply-delay': { type: 'string' },
    quiet: { type: 'boolean', default: false },
    debug: { type: 'boolean', default: false },
    'rate-limit': { type: 'string' },
    tokens: { type: 'string' },
    'expired-tokens': { type: 'string' },
    'max-queue': { type: 'string' },
    'handle-seconds': { type: 'string' },
    'queue-update': { type: 'string' },
    'simulated-agent': { type: 'string' },
    'agent-delay': { type: 'string' },
  },
});

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
// and demos of tokenProvider. Without --tokens, tokens are not checked.
const list = (value: string | undefined): string[] => (value ? value.split(',').filter(Boolean) : []);
const valid = new Set(list(values.tokens));
const expired = new Set(list(values['expired-tokens']));
function verifyToken(token: string | undefined): 'ok' | 'expired' | 'invalid' {
  if (token && valid.has(token)) return 'ok';
  return token && expired.has(token) ? 'expired' : 'invalid';
}

const server = await startChatServer({
  host: process.env['CHAT_SERVER_HOST'] ?? '127.0.0.1',
  port,
  ...(replyDelay === undefined ? {} : { replyDelay }),
  ...Object.fromEntries(Object.entries(center).filter(([, v]) => v !== undefined)),
  debug: values.debug,
  ...(rateLimit ? { rateLimit } : {}),
  ...(valid.size > 0 ? { verifyToken } : {}),
  ...(process.env['CHAT_ALLOWED_ORIGINS']
    ? { allowedOrigins: process.env['CHAT_ALLOWED_ORIGINS'].split(',').map((o) => o.trim()) }
    : {}),
  ...(quiet
    ? {}
    : { log: (entry) => console.error(JSON.stringify({ time: new Date().toISOString(), ...entry })) }),
});
console.log(`amex-chat reference server listening on ${server.url}`);

function stop(): void {
  void server.close().then(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
