// Test-runner plugin (plain ESM: web-test-runner loads its config with Node, no TypeScript).
import { createServer } from 'node:http';

/**
 * An external bot in the Rasa REST channel format (server/external-bot.ts) for browser tests:
 * `executeServerCommand('external-bot-start')` starts one on a free loopback port and returns
 * `{ url }` (its webhook URL, for the reference server's `botUrl`). It records every request
 * body and answers each with two messages: `You said: <message>. The card on file is 4111 1111
 * 1111 1111.` (an echo, and a card number the server must redact) and `Which card?` with the
 * buttons Gold (`/choose{"card":"gold"}`) and Platinum. `external-bot-requests` with `{ url }`
 * returns the bodies received; `external-bot-stop` closes this session's bots.
 */
export function externalBotPlugin() {
  /** @type {Map<string, { server: import('node:http').Server, requests: unknown[] }>} */
  const byUrl = new Map();
  /** @type {Map<string, string[]>} */
  const bySession = new Map();

  async function stop(url) {
    const bot = byUrl.get(url);
    if (!bot) return;
    byUrl.delete(url);
    bot.server.closeAllConnections();
    await new Promise((resolve) => bot.server.close(resolve));
  }

  function answer(body) {
    const message = typeof body?.message === 'string' ? body.message : '';
    return [
      { recipient_id: body?.sender, text: `You said: ${message}. The card on file is 4111 1111 1111 1111.` },
      {
        text: 'Which card?',
        buttons: [
          { title: 'Gold', payload: '/choose{"card":"gold"}' },
          { title: 'Platinum', payload: '/choose{"card":"platinum"}' },
        ],
      },
    ];
  }

  return {
    name: 'amex-chat-external-bot',
    async executeCommand({ command, payload, session }) {
      if (command === 'external-bot-start') {
        const requests = [];
        const server = createServer((req, res) => {
          let raw = '';
          req.setEncoding('utf8');
          req.on('data', (chunk) => (raw += chunk));
          req.on('end', () => {
            let body;
            try {
              body = JSON.parse(raw);
            } catch {
              body = { unreadable: raw };
            }
            requests.push(body);
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify(answer(body)));
          });
        });
        await new Promise((resolve, reject) => {
          server.once('listening', resolve);
          server.once('error', reject);
          server.listen(0, '127.0.0.1');
        });
        const url = `http://127.0.0.1:${server.address().port}/webhooks/rest/webhook`;
        byUrl.set(url, { server, requests });
        bySession.set(session.id, [...(bySession.get(session.id) ?? []), url]);
        return { url };
      }
      if (command === 'external-bot-requests') {
        return byUrl.get(payload?.url)?.requests ?? null;
      }
      if (command === 'external-bot-stop') {
        await Promise.all((bySession.get(session.id) ?? []).map(stop));
        bySession.delete(session.id);
        return true;
      }
      return undefined;
    },
    async serverStop() {
      await Promise.all([...byUrl.keys()].map(stop));
    },
  };
}
