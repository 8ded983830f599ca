/**
 * Test support for browser tests (not a test file): an agent console's socket on the reference
 * server's /agent, signed in over the console protocol (as demo/agent-console.ts speaks it),
 * keeping every frame it gets. Files whose agent does more (takes the next customer, asks for
 * documents) extend it.
 */
import type { AgentServerFrame } from '../../src/agent-protocol.js';
import { PROTOCOL_VERSION } from '../../src/protocol.js';
import { waitFor } from './helpers.js';

export type AgentFrame<T extends AgentServerFrame['type']> = Extract<AgentServerFrame, { type: T }>;

export class AgentSocket {
  /** Every frame, parsed, in order. */
  readonly frames: AgentServerFrame[] = [];
  /** Every frame as it came. */
  readonly raw: string[] = [];
  readonly ws: WebSocket;

  constructor(ws: WebSocket) {
    this.ws = ws;
    ws.addEventListener('message', (event: MessageEvent<string>) => {
      this.raw.push(event.data);
      this.frames.push(JSON.parse(event.data) as AgentServerFrame);
    });
  }

  /**
   * Signs in as `name` of `team` at the server whose customer endpoint (`…/chat`) or agent URL
   * (`…/agent`) is `url`; resolves once welcomed.
   */
  static async signIn<A extends AgentSocket>(
    this: new (ws: WebSocket) => A,
    url: string,
    name = 'Maria',
    team = 'general',
  ): Promise<A> {
    const ws = new WebSocket(url.replace(/\/chat$/, '/agent'));
    const agent = new this(ws);
    await new Promise((resolve, reject) => {
      ws.addEventListener('open', resolve, { once: true });
      ws.addEventListener('error', reject, { once: true });
    });
    agent.send({ type: 'agent-hello', v: PROTOCOL_VERSION, name, team });
    await agent.next('agent-welcome', () => true, 'signed in');
    return agent;
  }

  send(frame: unknown): void {
    this.ws.send(JSON.stringify(frame));
  }

  /** The first frame of `type` from index `from` of `frames` on that passes `test`, once it came. */
  next<T extends AgentServerFrame['type']>(
    type: T,
    test: (frame: AgentFrame<T>) => boolean = () => true,
    what = `a ${type} frame`,
    from = 0,
  ): Promise<AgentFrame<T>> {
    return waitFor(
      () =>
        this.frames.slice(from).find((f): f is AgentFrame<T> => f.type === type && test(f as AgentFrame<T>)),
      what,
    );
  }

  close(): void {
    this.ws.close();
  }
}
