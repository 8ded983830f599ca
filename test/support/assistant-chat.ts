/**
 * Test support for the assistant's protocol tests (not a test file): a customer of a real
 * server who said hello, sends messages and reads the assistant's answer to each.
 */
import type { ChatServer } from '../../server/chat-server.js';
import { PROTOCOL_VERSION } from '../../src/protocol.js';
import { eventOf, isEvent } from './actors.js';
import type { Frame } from './actors.js';
import { Peer } from './peer.js';

/** A customer who said hello with `fields` (lang, account, token) and got the greeting. */
export class Customer {
  #n = 0;
  constructor(
    readonly peer: Peer<Frame>,
    readonly id: string,
  ) {}

  static async start(server: ChatServer, fields: Record<string, unknown> = {}): Promise<Customer> {
    const peer = await Peer.open<Frame>(server.url);
    peer.send({ type: 'hello', v: PROTOCOL_VERSION, lang: 'en', ...fields });
    const welcome = await peer.next((f) => f.type === 'welcome', 'welcome');
    await peer.next((f) => isEvent(f) && eventOf(f).from === 'assistant', 'the greeting');
    return new Customer(peer, welcome['conversationId'] as string);
  }

  /** Sends `text`; the assistant's answer to it. */
  async say(text: string): Promise<string> {
    const id = `m-${this.id}-${this.#n++}`;
    this.peer.send({ type: 'message', id, text });
    const ack = await this.peer.next((f) => f.type === 'ack' && f['id'] === id, `ack of ${id}`);
    const seq = ack['seq'] as number;
    const answer = await this.peer.next(
      (f) => isEvent(f) && eventOf(f).from === 'assistant' && eventOf(f).seq > seq,
      `the answer to "${text}"`,
    );
    return eventOf(answer).text;
  }

  /** Ends the chat; the summary of the `ended` notice. */
  async end(): Promise<string> {
    this.peer.send({ type: 'end' });
    const ended = await this.peer.next(
      (f) => isEvent(f) && (eventOf(f).notice as { code?: string } | undefined)?.code === 'ended',
      'ended',
    );
    return (eventOf(ended).notice as { summary: string }).summary;
  }

  /** Every event text it received (frames as they came). */
  get seen(): string {
    return this.peer.raw.join('\n');
  }
}
