/**
 * Test support for the contact center's tests (not a test file): a fresh server per test with
 * quick replies and its debug hooks (`withServer`, `stored`), a customer who said hello and an
 * agent console that signed in, each over a `Peer` that keeps every frame, with the frames they
 * wait for named.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket } from 'ws';
import { PROTOCOL_VERSION, parseServerFrame } from '../../src/protocol.js';
import type { ChatEvent, ServerFrame, Team } from '../../src/protocol.js';
import { parseAgentServerFrame } from '../../src/agent-protocol.js';
import type { AgentServerFrame } from '../../src/agent-protocol.js';
import { startChatServer } from '../../server/chat-server.js';
import type { ChatServer, ChatServerOptions } from '../../server/chat-server.js';
import { rememberKey, withKey } from './keys.js';
import { asEventFrames } from './wire.js';

/**
 * A WebSocket peer that keeps every frame. `next(test)` resolves with the next frame that
 * matches and that no earlier `next` took (already received or still to come), so repeated
 * frames (queue updates, boards) are read in order.
 */
export class Peer<F extends { type: string }> {
  readonly frames: F[] = [];
  readonly raw: string[] = [];
  readonly #taken = new Set<number>();
  readonly #waiters: { test: (f: F) => boolean; resolve: (f: F) => void }[] = [];
  readonly #ws: WebSocket;
  /** Resolves with the close code when the socket closes. */
  readonly closed: Promise<number>;

  constructor(ws: WebSocket, parse: (raw: string) => F | undefined) {
    this.#ws = ws;
    this.closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      const parsed = parse(text);
      assert.ok(parsed, `malformed frame: ${text}`);
      this.raw.push(text);
      // A replay in `events` frames counts as that many `event` frames (test/server/wire.ts).
      for (const frame of asEventFrames(parsed)) {
        this.frames.push(frame);
        const index = this.frames.length - 1;
        const waiter = this.#waiters.find((w) => w.test(frame));
        if (waiter) {
          this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
          this.#taken.add(index);
          waiter.resolve(frame);
        }
      }
    });
  }

  static async open<F extends { type: string }>(
    url: string,
    parse: (raw: string) => F | undefined,
  ): Promise<Peer<F>> {
    const ws = new WebSocket(url);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    return new Peer(ws, parse);
  }

  send(frame: unknown): void {
    this.#ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  next<G extends F>(test: (f: F) => f is G, what?: string, timeout?: number): Promise<G>;
  next(test: (f: F) => boolean, what?: string, timeout?: number): Promise<F>;
  next(test: (f: F) => boolean, what = 'a frame', timeout = 3000): Promise<F> {
    const index = this.frames.findIndex((f, i) => !this.#taken.has(i) && test(f));
    const found = this.frames[index];
    if (found) {
      this.#taken.add(index);
      return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeout);
      const waiter = {
        test,
        resolve: (f: F) => {
          clearTimeout(timer);
          resolve(f);
        },
      };
      this.#waiters.push(waiter);
    });
  }

  /** Every frame received so far that matches. */
  all(test: (f: F) => boolean): F[] {
    return this.frames.filter(test);
  }

  close(): Promise<void> {
    if (this.#ws.readyState === this.#ws.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.#ws.once('close', () => resolve());
      this.#ws.close();
    });
  }
}

export type Frame<T extends string> = Extract<ServerFrame, { type: T }>;
export type AgentFrame<T extends string> = Extract<AgentServerFrame, { type: T }>;
export type Waiting = Extract<Frame<'queue'>, { waiting: true }>;

let ids = 0;

/** A customer who said hello and got the greeting. */
export class Customer {
  readonly peer: Peer<ServerFrame>;
  readonly id: string;
  readonly lang: 'en' | 'es';

  private constructor(peer: Peer<ServerFrame>, id: string, lang: 'en' | 'es') {
    this.peer = peer;
    this.id = id;
    this.lang = lang;
  }

  static async join(
    server: ChatServer,
    lang: 'en' | 'es' = 'en',
    resume?: { conversationId: string; lastSeq: number },
  ): Promise<Customer> {
    const peer = await Peer.open(server.url, parseServerFrame);
    peer.send({
      type: 'hello',
      v: PROTOCOL_VERSION,
      lang,
      account: 'card-1005',
      ...(resume ? { resume: withKey(resume) } : {}),
    });
    const welcome = await peer.next((f): f is Frame<'welcome'> => f.type === 'welcome', 'welcome');
    rememberKey(welcome);
    if (!resume) await peer.next((f) => f.type === 'event' && f.event.seq === 1, 'the greeting');
    return new Customer(peer, welcome.conversationId, lang);
  }

  /** Sends a message; resolves with its ack. */
  async say(text: string): Promise<Frame<'ack'>> {
    const id = `c-${++ids}`;
    this.peer.send({ type: 'message', id, text });
    return this.peer.next((f): f is Frame<'ack'> => f.type === 'ack' && f.id === id, `the ack of ${id}`);
  }

  event(test: (e: ChatEvent) => boolean, what = 'an event', timeout?: number): Promise<ChatEvent> {
    return this.peer
      .next((f): f is Frame<'event'> => f.type === 'event' && test(f.event), what, timeout)
      .then((f) => f.event);
  }

  notice(code: string, timeout?: number): Promise<ChatEvent> {
    return this.event((e) => e.kind === 'notice' && e.notice?.code === code, `the ${code} notice`, timeout);
  }

  /** The next assistant (or agent) message. */
  reply(from: 'assistant' | 'agent' = 'assistant', timeout?: number): Promise<ChatEvent> {
    return this.event((e) => e.kind === 'message' && e.from === from, `a message from the ${from}`, timeout);
  }

  queue(test: (f: Frame<'queue'>) => boolean = () => true, what = 'a queue frame'): Promise<Frame<'queue'>> {
    return this.peer.next((f): f is Frame<'queue'> => f.type === 'queue' && test(f), what);
  }

  waiting(test: (f: Waiting) => boolean = () => true, what = 'a waiting queue frame'): Promise<Waiting> {
    return this.peer.next((f): f is Waiting => f.type === 'queue' && f.waiting && test(f), what);
  }

  /** Asks for a person; resolves with the first queue frame (the answer and notice are read). */
  async askForAgent(): Promise<Waiting> {
    await this.say(this.lang === 'es' ? 'Quiero hablar con un agente' : 'I want to talk to an agent');
    await this.reply();
    await this.notice('queued');
    return this.waiting();
  }

  events(): ChatEvent[] {
    return this.peer.frames.flatMap((f) => (f.type === 'event' ? [f.event] : []));
  }
}

/** An agent console that signed in. */
export class Agent {
  readonly peer: Peer<AgentServerFrame>;
  readonly name: string;

  private constructor(peer: Peer<AgentServerFrame>, name: string) {
    this.peer = peer;
    this.name = name;
  }

  static async signIn(server: ChatServer, name: string, team: Team): Promise<Agent> {
    const peer = await Peer.open(server.agentUrl, parseAgentServerFrame);
    peer.send({ type: 'agent-hello', v: PROTOCOL_VERSION, name, team });
    await peer.next((f) => f.type === 'agent-welcome', 'agent-welcome');
    await peer.next((f) => f.type === 'board', 'the first board');
    return new Agent(peer, name);
  }

  next<T extends AgentServerFrame['type']>(
    type: T,
    test: (f: AgentFrame<T>) => boolean = () => true,
    what: string = type,
    timeout?: number,
  ): Promise<AgentFrame<T>> {
    return this.peer.next(
      (f): f is AgentFrame<T> => f.type === type && test(f as AgentFrame<T>),
      what,
      timeout,
    );
  }

  /** The next board that satisfies `test`. */
  board(test: (b: AgentFrame<'board'>) => boolean, what = 'a board'): Promise<AgentFrame<'board'>> {
    return this.next('board', test, what);
  }

  async accept(conversationId: string): Promise<AgentFrame<'assigned'>> {
    this.peer.send({ type: 'accept', conversationId });
    return this.next('assigned', (f) => f.conversationId === conversationId);
  }

  error(code: string): Promise<AgentFrame<'error'>> {
    return this.next('error', (f) => f.code === code, `error ${code}`);
  }

  /** Says something to the customer; resolves with the ack. */
  async say(conversationId: string, text: string, id = `a-${++ids}`): Promise<AgentFrame<'ack'>> {
    this.peer.send({ type: 'say', conversationId, id, text });
    return this.next('ack', (f) => f.id === id, `the ack of ${id}`);
  }

  send(frame: unknown): void {
    this.peer.send(frame);
  }
}

/** A fresh server for one test: quick replies, no simulated agent unless asked. */
export async function withServer(
  options: ChatServerOptions,
  run: (server: ChatServer, logs: Record<string, unknown>[]) => Promise<void>,
): Promise<void> {
  const logs: Record<string, unknown>[] = [];
  const server = await startChatServer({
    port: 0,
    replyDelay: 5,
    simulatedAgent: false,
    debug: true,
    log: (entry) => logs.push(entry),
    ...options,
  });
  try {
    await run(server, logs);
  } finally {
    await server.close();
  }
}

export interface Stored {
  id: string;
  events: ChatEvent[];
  phase: string;
  team: string;
  agent: string | null;
  caseNumber: string | null;
  rating: number | null;
}

export async function stored(server: ChatServer, id: string): Promise<Stored> {
  const res = await fetch(`http://127.0.0.1:${server.port}/debug/conversations`);
  const all = (await res.json()) as Stored[];
  const found = all.find((c) => c.id === id);
  assert.ok(found, `conversation ${id} not stored`);
  return found;
}

/** Nothing matching arrives within `ms` (for what must not happen; kept short). */
export async function none<F extends { type: string }>(
  peer: Peer<F>,
  test: (f: F) => boolean,
  ms = 150,
): Promise<void> {
  const before = peer.all(test).length;
  await sleep(ms);
  assert.equal(peer.all(test).length, before, 'an unexpected frame arrived');
}

/** A case number as a customer sees it. */
export const CASE = /AMX-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/;
