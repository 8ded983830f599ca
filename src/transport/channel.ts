import { parseServerFrame } from '../protocol.js';
import type { ServerFrame } from '../protocol.js';
import { TransportBase } from './base.js';
import type { WireFrame } from './types.js';

/** What the tabs of one conversation say on their BroadcastChannel (see conversation/tabs.ts). */
export type ChannelMessage =
  | { t: 'ask'; from: string }
  | { t: 'seal'; to: string; key?: string | undefined }
  | { t: 'up'; from: string; frame: string }
  | { t: 'down'; to?: string; frame: ServerFrame }
  | { t: 'leader'; id: string }
  | { t: 'lost' };

/** A follower's connection: client frames go up the channel to the leader, server frames come down. */
export class ChannelTransport extends TransportBase {
  readonly relayed = true;
  /** The server's seal key as the leader gave it (none: no session to prove). */
  sealKey: string | undefined;
  #asked = false;
  readonly #channel: BroadcastChannel;
  readonly #from: string;
  readonly #done: () => void;
  #open = false;

  constructor(channel: BroadcastChannel, from: string, done: () => void) {
    super();
    this.#channel = channel;
    this.#from = from;
    this.#done = done;
  }

  /** Asks the leader for the server's seal key; the connection opens with its answer. */
  connect(): void {
    if (this.closed || this.#open || this.#asked) return;
    this.#asked = true;
    this.#channel.postMessage({ t: 'ask', from: this.#from } satisfies ChannelMessage);
  }

  /** The leader's answer to `ask`. */
  sealed(key: string | undefined): void {
    if (this.closed || this.#open || !this.#asked) return;
    this.sealKey = key;
    this.#open = true;
    this.events.emit('open', undefined);
  }

  send(frame: WireFrame): boolean {
    if (!this.#open || this.closed) return false;
    this.#channel.postMessage({ t: 'up', from: this.#from, frame } satisfies ChannelMessage);
    return true;
  }

  deliver(frame: ServerFrame): void {
    // Structured clone keeps the object; parse a copy through the protocol's own checks.
    const checked = parseServerFrame(JSON.stringify(frame));
    if (this.#open && !this.closed && checked) this.events.emit('frame', checked);
  }

  /** The leader changed: end this connection so the conversation reconnects. */
  lost(): void {
    this.finish(1012, 'leader changed');
  }

  protected override release(): void {
    this.#open = false;
    this.#done();
  }
}
