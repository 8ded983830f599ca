/**
 * Test support (not a test file): a transport a test plays the server of, frame by frame. The
 * frames it pushes go through the real transports' parsing (src/transport/receive.ts), from text,
 * as a server sends them; what the conversation sends is kept in `sent`.
 */
import mitt from 'mitt';
import type { Transport, TransportEvents, WireFrame } from '../../src/transport/index.js';
import { receive } from '../../src/transport/receive.js';

export class RawTransport implements Transport {
  readonly events = mitt<TransportEvents>();
  /** Every frame the conversation sent, as text. */
  readonly sent: string[] = [];
  connect(): void {}
  send(frame: WireFrame): boolean {
    this.sent.push(frame);
    return frame.length > 0;
  }
  close(): void {
    this.events.emit('close', { code: 1006, reason: 'closed' });
  }
  /** A frame as the server would send it (text), through the transports' own parsing. */
  push(frame: unknown): void {
    receive(this.events, typeof frame === 'string' ? frame : JSON.stringify(frame));
  }
}
