/**
 * The widget benchmark's loopback server: the pages (bench/pages/, served as files or inlined into
 * a few lines of HTML), each system's script, and a minimal server side of the chat protocol.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { replayFrames } from '../../server/replay.js';
import { acceptsEventBatches } from '../../src/protocol.js';
import type { ChatEvent, Role } from '../../src/protocol.js';
import { root, SYSTEMS } from './bundles.js';
import type { Bundles, System } from './bundles.js';

const pages = join(root, 'bench/pages');

export const scriptPath: Record<System, string> = {
  'amex-chat': '/amex-chat.js',
  'bare Lit': '/floor.js',
  'deep-chat': '/deep-chat.js',
};
const tag: Record<System, string> = {
  'amex-chat': 'amex-chat',
  'bare Lit': 'bench-floor',
  'deep-chat': 'deep-chat',
};
/** What counts as each system's launcher in its shadow root (deep-chat has none: its text input). */
const launcher: Record<System, string> = {
  'amex-chat': '#launcher',
  'bare Lit': '#launcher',
  'deep-chat': '#text-input',
};
/** The harness module of each system in bench/pages/. */
const harnessModule: Record<System, string> = {
  'amex-chat': '/pages/amex-chat.js',
  'bare Lit': '/pages/bare-lit.js',
  'deep-chat': '/pages/deep-chat.js',
};
export const slug = (system: System): string => system.replace(/\W+/g, '-');

/**
 * The startup page: bench/pages/startup.js inline (a classic script, so its marks and its wrapper
 * of `customElements.define` are in place before the bundle is even requested), then the bundle.
 */
function startupPage(system: System): string {
  const script = readFileSync(join(pages, 'startup.js'), 'utf8');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${system}</title></head><body>
<${tag[system]}></${tag[system]}>
<script data-tag="${tag[system]}" data-probe="${launcher[system]}">${script}</script>
<script type="module" src="${scriptPath[system]}"></script>
</body></html>`;
}

/** The harness page: the system's bundle, then its harness module (bench/pages/). */
function harnessPage(system: System): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${system}</title></head><body>
<script type="module">
import ${JSON.stringify(scriptPath[system])};
import { createSystem } from ${JSON.stringify(harnessModule[system])};
import { installHarness } from '/pages/harness.js';
window.BENCH_DEBUG = ${process.env.BENCH_DEBUG ? 'true' : 'false'};
window.BENCH_PROFILE = ${process.env.PROFILE === 'dom' ? 'true' : 'false'};
await customElements.whenDefined(${JSON.stringify(tag[system])});
installHarness(await createSystem());
window.harnessReady = true;
</script>
</body></html>`;
}

const MSG = (i: number): string =>
  `Hi, this is message ${i} about a charge of $${i % 97}.42 I do not recognise.`;
const eventFrame = (
  seq: number,
  text: string,
  from: Role = seq % 2 ? 'customer' : 'assistant',
): { type: 'event'; event: ChatEvent } => ({
  type: 'event',
  event: {
    seq,
    id: `s${seq}`,
    kind: 'message',
    from,
    name: from === 'customer' ? '' : 'Virtual assistant',
    text,
    at: Date.now() - 3_600_000 + seq * 100,
  },
});

export interface BenchServer {
  origin: string;
  close(): void;
}

export async function startBenchServer(bundles: Bundles): Promise<BenchServer> {
  const routes = new Map<string, { type: string; body: string }>();
  for (const system of SYSTEMS) {
    // The mark says when the script's evaluation began (after its download and compile).
    routes.set(scriptPath[system], {
      type: 'text/javascript',
      body: `performance.mark('bench-eval');\n${bundles.scripts[system]}`,
    });
    routes.set(`/startup-${slug(system)}.html`, { type: 'text/html', body: startupPage(system) });
    routes.set(`/harness-${slug(system)}.html`, { type: 'text/html', body: harnessPage(system) });
  }
  for (const [name, source] of bundles.chunks)
    routes.set(`/${name}`, { type: 'text/javascript', body: source });
  for (const name of readdirSync(pages)) {
    if (name.endsWith('.js') && name !== 'floor.js' && name !== 'startup.js') {
      routes.set(`/pages/${name}`, {
        type: 'text/javascript',
        body: readFileSync(join(pages, name), 'utf8'),
      });
    }
  }
  const server = createServer((req, res) => {
    const route = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': `${route.type}; charset=utf-8`, 'cache-control': 'no-store' });
    res.end(route.body);
  });

  /**
   * A minimal server side of the chat protocol: hello → welcome and the N-message history, one
   * `event` frame each (as the reference server replays); a customer message → ack and its event;
   * ping → pong. A `/control` socket's "push" sends one more assistant message on the latest chat.
   */
  const wss = new WebSocketServer({ server });
  let latestChat: { socket: WebSocket; seq: number } | undefined;
  wss.on('connection', (socket, req) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/control') {
      socket.on('message', () => {
        const chat = latestChat;
        if (!chat) return;
        chat.seq += 1;
        chat.socket.send(JSON.stringify(eventFrame(chat.seq, MSG(chat.seq), 'assistant')));
      });
      return;
    }
    const history = Number(path.split('/')[2] ?? 0);
    const chat = { socket, seq: 0 };
    latestChat = chat;
    socket.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString()) as { type: string; v?: string; id?: string; text?: string };
      if (frame.type === 'hello') {
        // The replay in the reference server's frames (to 1.2 clients `events` frames of up to 500
        // events and 64,000 bytes), made before the welcome, so that making them is not timed.
        const events = Array.from({ length: history }, (_, k) => eventFrame(k + 1, MSG(k + 1)).event);
        const replay = [...replayFrames(events, { batches: acceptsEventBatches(frame.v ?? '1.0') })];
        // As the reference server: the welcome says how far the replay goes (protocol 1.3).
        socket.send(
          JSON.stringify({
            type: 'welcome',
            v: frame.v,
            conversationId: `bench-${history}`,
            lastSeq: history,
          }),
        );
        for (const text of replay) socket.send(text);
        chat.seq = history;
      } else if (frame.type === 'message') {
        chat.seq += 1;
        socket.send(JSON.stringify({ type: 'ack', id: frame.id, seq: chat.seq }));
      } else if (frame.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      wss.close();
      server.close();
    },
  };
}
