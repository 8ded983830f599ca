/**
 * Runs the reference server: `tsx server/main.ts [--port N] [--reply-delay MS] [--quiet]
 * [--debug] [--rate-limit BURST,PER_SECOND] [--tokens A,B --expired-tokens C]` (--debug is for tests: /debug/frames, /debug/say). Browser origins allowed:
 * CHAT_ALLOWED_ORIGINS (comma-separated), default any loopback origin.
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
  },
});

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
