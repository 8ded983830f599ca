import { randomId } from '../random-id.js';
import { TransportBase } from './base.js';
import { receive } from './receive.js';
import type { WireFrame } from './types.js';

/**
 * A `Transport` for networks that block WebSockets: Server-Sent Events carry server frames
 * down, `fetch` POSTs carry client frames up, in order (each POST waits for the one before).
 * `url` is the chat endpoint over http(s) (e.g. `https://chat.example.com/chat`); the stream
 * and the posts go to `${url}/sse?connection=<random id>`. Nothing secret is in the URL: the
 * stream's first event (1.4) is a key that only its reader learns, and every POST carries it in
 * a header; the transport opens once it has the key.
 */
export class SseTransport extends TransportBase {
  readonly #url: string;
  #source: EventSource | undefined;
  #open = false;
  #key = '';
  #posting: Promise<void> = Promise.resolve();

  constructor(url: string) {
    super();
    this.#url = `${url.replace(/\/+$/, '')}/sse?connection=${randomId()}`;
  }

  connect(): void {
    if (this.#source || this.closed) return;
    let source: EventSource;
    try {
      source = new EventSource(this.#url);
    } catch {
      queueMicrotask(() => this.finish(1006, 'invalid endpoint'));
      return;
    }
    this.#source = source;
    source.addEventListener('key', (event: Event) => {
      if (this.#open) return;
      this.#key = (event as MessageEvent<string>).data;
      this.#open = true;
      this.events.emit('open', undefined);
    });
    source.addEventListener('message', (event: MessageEvent<string>) => receive(this.events, event.data));
    // The server's in-band close (EventSource has no close frame of its own).
    source.addEventListener('close', (event: Event) => {
      let code = 1000;
      try {
        code = (JSON.parse((event as MessageEvent<string>).data) as { code?: number }).code ?? 1000;
      } catch {
        // keep 1000
      }
      this.finish(code, 'server closed');
    });
    // EventSource would reconnect on its own with a new stream but the same connection id;
    // the conversation layer owns reconnects, so any error ends this transport.
    source.addEventListener('error', () => this.finish(1006, 'stream error'));
  }

  send(frame: WireFrame): boolean {
    if (!this.#open || this.closed) return false;
    this.#posting = this.#posting.then(async () => {
      if (this.closed) return;
      try {
        const response = await fetch(this.#url, {
          method: 'POST',
          body: frame,
          headers: { 'content-type': 'text/plain;charset=UTF-8', 'x-chat-key': this.#key },
          credentials: 'omit',
          cache: 'no-store',
        });
        if (!response.ok) this.finish(1011, `post failed with ${response.status}`);
      } catch {
        this.finish(1006, 'post failed');
      }
    });
    return true;
  }

  protected override release(): void {
    this.#open = false;
    this.#source?.close();
  }
}
