// The agent console's connection controller (demo/agent-console/connection.ts) in Node, over a
// scripted socket and a hand-moved clock: the hello, which socket is heard, the sign-in deadline,
// pings, and retries on the widget's backoff curve.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AgentHelloFrame, AgentServerFrame } from '../../src/agent-protocol.js';
import { ConsoleConnection } from '../../demo/agent-console/connection.js';
import type { ConsoleClock } from '../../demo/agent-console/connection.js';

// Node 20 has no WebSocket; the controller reads only its readyState constants.
const states = { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 };
(globalThis as { WebSocket?: unknown }).WebSocket ??= states;

class ScriptedSocket extends EventTarget {
  readyState = states.CONNECTING;
  readonly sent: unknown[] = [];
  closedWith: number | undefined;

  constructor(readonly url: string) {
    super();
  }

  open(): void {
    this.readyState = states.OPEN;
    this.dispatchEvent(new Event('open'));
  }

  deliver(data: unknown): void {
    const event = new Event('message') as Event & { data: unknown };
    event.data = data;
    this.dispatchEvent(event);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(code?: number): void {
    if (this.readyState === states.CLOSED) return;
    this.closedWith = code;
    this.readyState = states.CLOSED;
    this.dispatchEvent(new Event('close'));
  }
}

class HandClock implements ConsoleClock {
  at = 0;
  timers: { at: number; run: () => void; ms: number }[] = [];
  now(): number {
    return this.at;
  }
  setTimeout(run: () => void, ms: number): unknown {
    const timer = { at: this.at + ms, run, ms };
    this.timers.push(timer);
    return timer;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t !== handle);
  }
  advance(ms: number): void {
    this.at += ms;
    for (const timer of this.timers.filter((t) => t.at <= this.at)) {
      this.clearTimeout(timer);
      timer.run();
    }
  }
}

const host: ReactiveControllerHost & { controllers: ReactiveController[] } = {
  controllers: [],
  addController(controller) {
    this.controllers.push(controller);
  },
  removeController() {},
  requestUpdate() {},
  updateComplete: Promise.resolve(true),
};

const hello: AgentHelloFrame = { type: 'agent-hello', v: '1', name: 'Maria', team: 'general' };

let sockets: ScriptedSocket[];
let frames: AgentServerFrame[];
let closes: number;
let clock: HandClock;
let connection: ConsoleConnection;

beforeEach(() => {
  sockets = [];
  frames = [];
  closes = 0;
  clock = new HandClock();
  connection = new ConsoleConnection(host, {
    clock: () => clock,
    socket: (url) => {
      const socket = new ScriptedSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    onFrame: (frame) => frames.push(frame),
    onClose: () => (closes += 1),
  });
});

// Closing clears the sign-in deadline and the pings, so no timer outlives a test.
afterEach(() => connection.close());

describe('agent console connection', () => {
  it('says hello once the socket opens, and passes on only well-formed frames', () => {
    connection.connect('ws://x/agent', hello);
    const [socket] = sockets;
    assert.ok(socket);
    assert.deepEqual(socket.sent, []);
    socket.open();
    assert.deepEqual(socket.sent, [hello]);
    socket.deliver(JSON.stringify({ type: 'pong' }));
    socket.deliver('{"type":"nonsense"}');
    socket.deliver('not json');
    socket.deliver(new ArrayBuffer(2));
    assert.deepEqual(frames, [{ type: 'pong' }]);
    assert.equal(connection.open, true);
  });

  it('hears nothing more from a socket it replaced or closed', () => {
    connection.connect('ws://x/agent', hello);
    const [first] = sockets;
    first!.open();
    connection.connect('ws://x/agent', hello);
    assert.equal(first!.closedWith, 1000);
    first!.deliver(JSON.stringify({ type: 'pong' }));
    assert.deepEqual(frames, []);
    assert.equal(closes, 0, 'closing the replaced socket is not a drop');
    connection.close();
    assert.equal(sockets[1]!.closedWith, 1000);
    assert.equal(closes, 0);
    assert.equal(connection.send({ type: 'ping' }), false);
  });

  it('reports a drop once, and a socket that cannot be opened as one', () => {
    connection.connect('ws://x/agent', hello);
    sockets[0]!.open();
    sockets[0]!.close(1006);
    assert.equal(closes, 1);
    assert.equal(connection.open, false);
    const failing = new ConsoleConnection(host, {
      clock: () => clock,
      socket: () => {
        throw new SyntaxError('bad URL');
      },
      onFrame: () => undefined,
      onClose: () => (closes += 1),
    });
    failing.connect('nope', hello);
    assert.equal(closes, 2);
  });

  it('closes a sign-in that gets no welcome in 10 s, and pings every 25 s once welcomed', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
    connection.connect('ws://x/agent', hello);
    sockets[0]!.open();
    t.mock.timers.tick(9_999);
    assert.equal(sockets[0]!.readyState, states.OPEN);
    t.mock.timers.tick(1);
    assert.equal(sockets[0]!.readyState, states.CLOSED);
    assert.equal(closes, 1);

    connection.connect('ws://x/agent', hello);
    const socket = sockets[1]!;
    socket.open();
    connection.welcomed();
    t.mock.timers.tick(50_000);
    assert.equal(socket.readyState, states.OPEN, 'welcomed: no deadline');
    assert.deepEqual(socket.sent, [hello, { type: 'ping' }, { type: 'ping' }]);
    connection.close();
    t.mock.timers.tick(25_000);
    assert.equal(socket.sent.length, 3, 'no ping after closing');
  });

  it("retries on the widget's backoff curve, from 500 ms, starting over on `first` and on a welcome", () => {
    // The backoff draws its jitter from Math.random, read when the connection is made.
    const random = mock.method(Math, 'random', () => 0.999);
    try {
      const connection = new ConsoleConnection(host, {
        clock: () => clock,
        socket: () => new ScriptedSocket('') as unknown as WebSocket,
        onFrame: () => undefined,
        onClose: () => undefined,
      });
      const delays: number[] = [];
      const retry = (first: boolean): void => {
        connection.retry(first, () => undefined);
        delays.push(clock.timers.at(-1)!.ms);
      };
      retry(true);
      retry(false);
      retry(false);
      assert.deepEqual(delays, [999, 1998, 3996]);
      for (let i = 0; i < 6; i += 1) retry(false);
      assert.equal(delays.at(-1), 14_985, 'capped at 15 s');
      assert.equal(clock.timers.length, 1, 'one retry pending at a time');
      connection.welcomed();
      retry(false);
      assert.equal(delays.at(-1), 999);
      random.mock.mockImplementation(() => 0);
      retry(true);
      assert.equal(delays.at(-1), 500, 'never sooner than 500 ms');
      connection.close();
    } finally {
      random.mock.restore();
    }
  });

  it('reconnects when the retry falls due, unless cancelled or the host went away', () => {
    let reconnects = 0;
    connection.retry(true, () => (reconnects += 1));
    clock.advance(15_000);
    assert.equal(reconnects, 1);
    connection.retry(true, () => (reconnects += 1));
    connection.cancelRetry();
    clock.advance(15_000);
    connection.connect('ws://x/agent', hello);
    connection.retry(true, () => (reconnects += 1));
    connection.hostDisconnected();
    clock.advance(15_000);
    assert.equal(reconnects, 1);
    assert.equal(sockets[0]!.closedWith, 1000);
  });
});
