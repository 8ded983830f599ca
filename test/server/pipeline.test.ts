// The frame pipeline's steps, alone (server/chat-server/pipeline.ts): what each answers and
// closes with, so that every endpoint that composes them behaves the same.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_MESSAGE_LENGTH, PROTOCOL_VERSION } from '../../src/protocol.js';
import {
  decodeRaw,
  readClient,
  startHelloTimer,
  takeFrame,
  versionRefusal,
  workOf,
} from '../../server/chat-server/pipeline.js';
import type { FramePort, PipelineReports } from '../../server/chat-server/pipeline.js';
import { FrameBudget, RateLimiter } from '../../server/limits.js';

function fakes() {
  const sent: unknown[] = [];
  const closes: unknown[][] = [];
  const logs: Record<string, unknown>[] = [];
  const floods: string[] = [];
  const port: FramePort & { isClosed: boolean } = {
    kind: 'websocket',
    isClosed: false,
    get closed() {
      return this.isClosed;
    },
    sendNow: (frame) => sent.push(frame),
    close: (...args) => {
      closes.push(args);
      port.isClosed = true;
    },
  };
  const reports: PipelineReports = {
    stats: { errors: 0, workRefused: 0, helloTimeouts: 0, redactedByServer: 0 },
    log: (entry) => logs.push(entry),
    internalError: () => undefined,
    flooded: (transport) => floods.push(transport),
  };
  return { port, reports, sent, closes, logs, floods };
}

describe('frame pipeline', () => {
  it('decodes text frames and marks binary ones', () => {
    assert.equal(decodeRaw(Buffer.from('{"type":"ping"}'), false), '{"type":"ping"}');
    assert.equal(decodeRaw([Buffer.from('{"ty'), Buffer.from('pe":1}')], false), '{"type":1}');
    assert.equal(decodeRaw(Buffer.from('x'), true), null);
    assert.deepEqual(readClient(null), { error: 'Binary frames are not supported.' });
  });

  it('reads a frame with its message id, also when the check refuses it', () => {
    assert.deepEqual(readClient('{"type":"message","id":"m1","text":" "}'), {
      error: 'message.text is empty.',
      errorId: 'm1',
      messageId: 'm1',
    });
    assert.deepEqual(readClient('nope'), { error: 'The frame is not valid JSON.' });
  });

  it('counts a message by its length and a tab key as the longest message', () => {
    assert.equal(workOf({ type: 'message', id: 'm', text: 'abc' }), 103);
    assert.equal(workOf({ type: 'tab-key', ref: 'r', publicKey: 'k' }), MAX_MESSAGE_LENGTH + 100);
    assert.equal(workOf({ type: 'ping' }), 0);
    assert.equal(workOf(undefined), 0);
  });

  it('answers rate-limited past the budget, and closes a flood with 1008', () => {
    const { port, reports, sent, closes, floods } = fakes();
    const budget = new FrameBudget(new RateLimiter(1, 0.001), new RateLimiter(100, 100), 1);
    assert.equal(takeFrame(port, reports, budget, 'm1'), true);
    assert.equal(takeFrame(port, reports, budget, 'm2'), false);
    assert.deepEqual(sent, [
      { type: 'error', code: 'rate-limited', message: 'Too many frames; slow down.', id: 'm2' },
    ]);
    assert.equal(closes.length, 0);
    assert.equal(takeFrame(port, reports, budget), false);
    assert.deepEqual(closes, [[1008, 'rate limit exceeded', true]]);
    assert.deepEqual(floods, ['websocket']);
    assert.equal(reports.stats.errors, 2);
  });

  it('refuses another major version only', () => {
    assert.equal(versionRefusal(PROTOCOL_VERSION), undefined);
    assert.equal(versionRefusal('1.0'), undefined);
    assert.equal(
      versionRefusal('2.0'),
      `Protocol 2.0 is not supported; this server speaks ${PROTOCOL_VERSION}.`,
    );
  });

  it('closes a connection that has not said hello in time (4008), once', async () => {
    const { port, reports, closes, logs } = fakes();
    startHelloTimer(port, reports, 5, () => false);
    const greeted = fakes();
    startHelloTimer(greeted.port, greeted.reports, 5, () => true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.deepEqual(closes, [[4008, 'hello timeout', true]]);
    assert.deepEqual(logs, [{ msg: 'hello timeout', transport: 'websocket' }]);
    assert.equal(reports.stats.helloTimeouts, 1);
    assert.equal(greeted.closes.length, 0);
  });
});
