// A Transport that plays a server from a script, in the page: for component tests that need a
// conversation in a given state without a server. The real protocol frames go through it (the
// widget builds and parses them as usual); the test pushes server frames and reads what was sent.
import mitt from 'mitt';
import { MAX_EVENTS_PER_FRAME, PROTOCOL_VERSION, parseClientFrame } from '../../src/protocol.js';
import type { ChatEvent, ClientFrame, ServerFrame } from '../../src/protocol.js';
import type { Transport, TransportEvents, TransportFactory, WireFrame } from '../../src/transport/index.js';
import { receive } from '../../src/transport/receive.js';

/** An event as a test writes it: seq, id, time and kind are filled in. */
export type ScriptedEvent = Omit<ChatEvent, 'seq' | 'id' | 'at' | 'kind'> & Partial<ChatEvent>;

export class ScriptedServer {
  /** Every frame the widget sent, parsed. */
  readonly received: ClientFrame[] = [];
  /** Raw frames as the widget sent them. */
  readonly raw: string[] = [];
  /** (1.3) Where the welcome says the replay ends; left out when undefined (a 1.2 server). */
  welcomeLastSeq: number | undefined;
  /** Runs in the task that delivered a frame, right after the widget handled it. */
  afterDeliver: ((frame: ServerFrame) => void) | undefined;
  #transport: ScriptedTransport | undefined;
  #seq = 0;
  readonly #initial: ScriptedEvent[];

  /** `initial`: the events every new conversation starts with (a greeting, by default none). */
  constructor(initial: ScriptedEvent[] = []) {
    this.#initial = initial;
  }

  readonly factory: TransportFactory = () => {
    this.#transport = new ScriptedTransport(this);
    return this.#transport;
  };

  /** Sends a frame to the widget (if connected). */
  push(frame: ServerFrame): void {
    this.#transport?.deliver(frame);
  }

  /**
   * Sends a frame as text, parsed by the widget as a real transport does (malformed ones are
   * dropped and reported there); numbers nothing.
   */
  pushRaw(raw: string): void {
    this.#transport?.deliverRaw(raw);
  }

  /** The next event's seq (a test that writes raw frames numbers them itself). */
  nextSeq(): number {
    return (this.#seq += 1);
  }

  /** Sends a numbered event to the widget. */
  event(event: ScriptedEvent): ChatEvent {
    this.#seq += 1;
    const full: ChatEvent = {
      kind: 'message',
      id: `server-${this.#seq}`,
      at: Date.now(),
      ...event,
      seq: this.#seq,
    };
    this.push({ type: 'event', event: full });
    return full;
  }

  /** Sends numbered events in `events` frames (protocol 1.2) of up to 500, as a replay does. */
  events(events: ScriptedEvent[]): ChatEvent[] {
    const full = events.map((event): ChatEvent => {
      this.#seq += 1;
      return {
        kind: 'message',
        id: `server-${this.#seq}`,
        at: Date.now(),
        ...event,
        seq: this.#seq,
      };
    });
    for (let i = 0; i < full.length; i += MAX_EVENTS_PER_FRAME)
      this.push({ type: 'events', events: full.slice(i, i + MAX_EVENTS_PER_FRAME) });
    return full;
  }

  /** Drops the connection, as a network failure would. */
  drop(): void {
    this.#transport?.close();
  }

  /** Called by the transport for each client frame. */
  handle(raw: string): void {
    this.raw.push(raw);
    const frame = parseClientFrame(raw);
    if (!frame) return;
    this.received.push(frame);
    if (frame.type === 'hello') {
      this.push({
        type: 'welcome',
        v: PROTOCOL_VERSION,
        conversationId: 'scripted',
        ...(this.welcomeLastSeq === undefined ? {} : { lastSeq: this.welcomeLastSeq }),
      });
      if (this.#seq === 0) for (const event of this.#initial) this.event(event);
    } else if (frame.type === 'message') {
      // Like the real server: the message becomes a numbered event (echoed), then an ack.
      const event = this.event({ id: frame.id, from: 'customer', name: '', text: frame.text });
      this.push({ type: 'ack', id: frame.id, seq: event.seq });
    } else if (frame.type === 'ping') {
      this.push({ type: 'pong' });
    }
  }

  /** Resolves when the widget has sent a frame of this type. */
  async sent<T extends ClientFrame['type']>(type: T): Promise<Extract<ClientFrame, { type: T }>> {
    for (let i = 0; i < 500; i += 1) {
      const found = this.received.find((f): f is Extract<ClientFrame, { type: T }> => f.type === type);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`the widget sent no ${type} frame`);
  }
}

class ScriptedTransport implements Transport {
  readonly events = mitt<TransportEvents>();
  readonly #server: ScriptedServer;
  #open = false;

  constructor(server: ScriptedServer) {
    this.#server = server;
  }

  connect(): void {
    setTimeout(() => {
      this.#open = true;
      this.events.emit('open', undefined);
    }, 0);
  }

  send(frame: WireFrame): boolean {
    if (!this.#open) return false;
    this.#server.handle(frame);
    return true;
  }

  deliver(frame: ServerFrame): void {
    if (!this.#open) return;
    setTimeout(() => {
      this.events.emit('frame', frame);
      this.#server.afterDeliver?.(frame);
    }, 0);
  }

  deliverRaw(raw: string): void {
    if (!this.#open) return;
    setTimeout(() => receive(this.events, raw), 0);
  }

  close(): void {
    if (!this.#open) return;
    this.#open = false;
    this.events.emit('close', { code: 1006, reason: 'dropped' });
  }
}
