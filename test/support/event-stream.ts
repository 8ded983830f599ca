/**
 * Test support for Node tests (not a test file): the reference server's event-stream transport
 * read with plain HTTP. `openStream` opens `GET /chat/sse?connection=ID` and reads its frames
 * into a `Peer`; the stream's post key (its first event, protocol 1.4) is kept by connection id,
 * and `postFrame` sends it with each POST, as the widget does.
 */
import { EventEmitter } from 'node:events';
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { WebSocket } from 'ws';
import { Peer } from './peer.js';

type AnyFrame = { type: string; [key: string]: unknown };

/** The post key each stream opened here was given, by connection id. */
const streamKeys = new Map<string, string>();

/** The key of a stream opened here, once its first event is in ('' for a stream not opened here). */
export async function streamKey(id: string): Promise<string> {
  const deadline = Date.now() + 2000;
  while (!streamKeys.has(id) && Date.now() < deadline) await sleep(5);
  return streamKeys.get(id) ?? '';
}

/**
 * An event stream read with plain HTTP (sent from `origin`, if given): its status, and a `Peer`
 * that keeps its frames (read by `parse`, by default `JSON.parse`).
 */
export function openStream<F extends { type: string } = AnyFrame>(
  port: number,
  id: string,
  options: { origin?: string; parse?: (raw: string) => F | undefined } = {},
): Promise<{ status: number; peer: Peer<F>; close(): void }> {
  return new Promise((resolve, reject) => {
    // The Peer reads an emitter that speaks like a WebSocket: 'message' with each data payload.
    const emitter = new EventEmitter() as unknown as WebSocket;
    const headers = options.origin ? { origin: options.origin } : {};
    const req = request({ host: '127.0.0.1', port, path: `/chat/sse?connection=${id}`, headers }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          if (block.startsWith('event: key')) streamKeys.set(id, data);
          else if (data && !block.startsWith('event:')) emitter.emit('message', Buffer.from(data));
        }
      });
      resolve({
        status: res.statusCode ?? 0,
        peer: new Peer<F>(emitter, options.parse),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * POSTs one frame (a string as it is, anything else as JSON) for an event stream, with its key
 * (or `key`); the HTTP status.
 */
export async function postFrame(port: number, id: string, frame: unknown, key?: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/chat/sse?connection=${id}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'x-chat-key': key ?? (await streamKey(id)) },
    body: typeof frame === 'string' ? frame : JSON.stringify(frame),
  });
  await res.body?.cancel();
  return res.status;
}
