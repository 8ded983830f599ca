/**
 * `npm start`: the reference chat server and Vite's dev server with the demo, in one process.
 * Ports: CHAT_SERVER_PORT (default 8787) and DEMO_PORT (default 5173), on 127.0.0.1.
 * Contact center: CHAT_MAX_QUEUE (default 20), CHAT_SIMULATED_AGENT (on/off, default on) and
 * CHAT_AGENT_DELAY (ms before the simulated agent takes a waiting chat, default 4000).
 * Hardening (docs/server-hardening.md): CHAT_ALLOWED_ORIGINS, CHAT_AGENT_SECRET or
 * CHAT_AGENT_SECRET_FILE, CHAT_TRUST_PROXY, CHAT_MAX_CONNECTIONS_PER_IP, CHAT_IP_RATE_LIMIT.
 * External bot (docs/assistant.md): CHAT_BOT_URL and CHAT_BOT_TIMEOUT_MS.
 * DEMO_CONSOLE_DEV=on: the agent console's development mode (its page's `?endpoint=` may name
 * another server; vite.config.ts writes the attribute that allows it).
 * Ctrl-C stops both.
 */
import { createServer } from 'vite';
import { startChatServer } from '../server/chat-server.js';
import { UNPROTECTED_CONSOLE_WARNING, hardeningFromEnv } from '../server/env.js';
import { botFromEnv } from '../server/external-bot.js';

const host = '127.0.0.1';
const chatPort = Number(process.env['CHAT_SERVER_PORT'] ?? 8787);
const demoPort = Number(process.env['DEMO_PORT'] ?? 5173);
const maxQueue = process.env['CHAT_MAX_QUEUE'];
const simulatedAgent = process.env['CHAT_SIMULATED_AGENT'];
const agentDelay = process.env['CHAT_AGENT_DELAY'];

const chat = await startChatServer({
  host,
  port: chatPort,
  ...(maxQueue ? { maxQueue: Number(maxQueue) } : {}),
  ...(simulatedAgent ? { simulatedAgent: simulatedAgent !== 'off' } : {}),
  ...(agentDelay ? { simulatedAgentDelay: Number(agentDelay) } : {}),
  // CHAT_ALLOWED_ORIGINS, CHAT_AGENT_SECRET(_FILE), CHAT_TRUST_PROXY, per-address limits.
  ...hardeningFromEnv(process.env),
  // CHAT_BOT_URL, CHAT_BOT_TIMEOUT_MS: an external bot takes the assistant's turns.
  ...botFromEnv(process.env),
  // The demo page's simulated phone (demo/phone.ts) receives identity checks' prompts and codes.
  demoDevice: true,
  log: (entry) => console.error(JSON.stringify({ time: new Date().toISOString(), ...entry })),
});
process.env['AMEX_CHAT_ENDPOINT'] = chat.url;
if (!chat.agentConsoleProtected) console.warn(UNPROTECTED_CONSOLE_WARNING);

const vite = await createServer({ server: { host, port: demoPort, strictPort: true } });
await vite.listen();
const demo = `http://${host}:${demoPort}/`;
const consoleDev =
  process.env['DEMO_CONSOLE_DEV'] === 'on'
    ? '\n  Console dev mode:   on (DEMO_CONSOLE_DEV): ?endpoint= may name another server, never given the passcode'
    : '';

console.log(`
  amex-chat is running

  Demo (host page):   ${demo}
  Spanish demo:       ${demo}demo/es.html
  Agent console:      ${demo}demo/agent.html
  Script-tag demo:    ${demo}demo/script-tag.html   (after npm run build)
  Chat server:        ${chat.url}
  Agent endpoint:     ${chat.agentUrl}${consoleDev}

  Press Ctrl-C to stop.
`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await Promise.allSettled([vite.close(), chat.close()]);
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
