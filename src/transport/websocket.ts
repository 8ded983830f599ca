import { TransportBase } from './base.js';
import { receive } from './receive.js';
import type { WireFrame } from './types.js';

/** A `Transport` over one WebSocket. Malformed server frames are dropped, never thrown. */
export class WebSocketTransport extends TransportBase {
  readonly #url: string;
  #socket: WebSocket | undefined;

  constructor(url: string) {
    super();
    this.#url = url;
  }

  connect(): void {
    if (this.#socket || this.closed) return;
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.#url);
    } catch {
      // An invalid URL throws synchronously; report it like any failed connection.
      queueMicrotask(() => this.finish(1006, 'invalid endpoint'));
      return;
    }
    this.#socket = socket;
    socket.addEventListener('open', () => this.events.emit('open', undefined));
    socket.addEventListener('message', (event: MessageEvent) => {
      if (typeof event.data === 'string') receive(this.events, event.data);
    });
    socket.addEventListener('close', (event: CloseEvent) => this.finish(event.code, event.reason));
    // Browsers follow an error with close; Node 20's WebSocket reports a refused connection
    // with error alone. finish runs once either way.
    socket.addEventListener('error', () => this.finish(1006, 'socket error'));
  }

  send(frame: WireFrame): boolean {
    const socket = this.#socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(frame);
    return true;
  }

  override close(): void {
    const socket = this.#socket;
    if (socket && socket.readyState < WebSocket.CLOSING) socket.close(1000, 'client closed');
    super.close();
  }
}
