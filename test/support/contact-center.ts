/**
 * Test support for the contact center's tests (not a test file): a customer who said hello and
 * an agent console that signed in, each over a `Peer` (test/support/peer.ts) of a server from
 * `withServer` (test/support/server.ts), with the frames they wait for named.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROTOCOL_VERSION, parseServerFrame } from '../../src/protocol.js';
import type { ChatEvent, ServerFrame, Team } from '../../src/protocol.js';
import { parseAgentServerFrame } from '../../src/agent-protocol.js';
import type { AgentServerFrame } from '../../src/agent-protocol.js';
import type { ChatServer } from '../../server/chat-server.js';
import { Peer } from './peer.js';
import { rememberKey, withKey } from './keys.js';

export { Peer } from './peer.js';
// The one server per test; these tests start it with `debug: true`, the hooks `stored` reads.
export { stored, withServer } from './server.js';

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

  /** Signs in; `more`: the teams and languages the console declares (absent: none said). */
  static async signIn(
    server: ChatServer,
    name: string,
    team: Team,
    more: { teams?: Team[]; languages?: string[] } = {},
  ): Promise<Agent> {
    const peer = await Peer.open(server.agentUrl, parseAgentServerFrame);
    peer.send({ type: 'agent-hello', v: PROTOCOL_VERSION, name, team, ...more });
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
