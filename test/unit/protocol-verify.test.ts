// The identity check's frames (protocol 1.5, src/protocol/verify.ts): the customer's three frames
// as the one check of client frames reads them (a refused code is never quoted), and the server's
// `verify` frame as the widget reads it, every field checked.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseServerFrame } from '../../src/protocol.js';
import { checkClientFrame } from '../../src/protocol/check.js';
import { checkAgentFrame } from '../../src/protocol/check-agent.js';

describe('protocol 1.5: identity check frames', () => {
  it('reads verify-start, verify-code and verify-cancel, and nothing else of them', () => {
    assert.deepEqual(checkClientFrame({ type: 'verify-start', id: 'v1', method: 'push', extra: 1 }), {
      ok: true,
      frame: { type: 'verify-start', id: 'v1', method: 'push' },
    });
    assert.deepEqual(checkClientFrame({ type: 'verify-code', id: 'v1', code: '012345' }), {
      ok: true,
      frame: { type: 'verify-code', id: 'v1', code: '012345' },
    });
    assert.deepEqual(checkClientFrame({ type: 'verify-cancel', id: 'v1' }), {
      ok: true,
      frame: { type: 'verify-cancel', id: 'v1' },
    });
  });

  it('refuses a bad method, a code that is not 4–10 digits, without quoting it', () => {
    const method = checkClientFrame({ type: 'verify-start', id: 'v1', method: 'sms' });
    assert.deepEqual(method, { ok: false, error: 'verify-start.method must be one of push, code.' });
    for (const code of ['123', '12345678901', '12a456', 123456, '', ' 123456']) {
      const checked = checkClientFrame({ type: 'verify-code', id: 'v1', code });
      assert.equal(checked.ok, false, `code ${String(code)}`);
      assert.ok(!checked.ok && checked.error === 'verify-code.code must be 4–10 digits.');
    }
    assert.equal(checkClientFrame({ type: 'verify-cancel' }).ok, false);
  });

  it('reads the console verify frame', () => {
    assert.deepEqual(checkAgentFrame({ type: 'verify', conversationId: 'c1' }), {
      ok: true,
      frame: { type: 'verify', conversationId: 'c1' },
    });
    assert.equal(checkAgentFrame({ type: 'verify' }).ok, false);
  });

  it('parses each state of the server verify frame, and drops a malformed one', () => {
    const good = [
      { type: 'verify', id: 'v1', state: 'choose', methods: ['push', 'code'], expiresIn: 300 },
      { type: 'verify', id: 'v1', state: 'push-sent', expiresIn: 10 },
      { type: 'verify', id: 'v1', state: 'code-sent', expiresIn: 10, triesLeft: 2, wrong: true },
      { type: 'verify', id: 'v1', state: 'verified', method: 'code' },
      { type: 'verify', id: 'v1', state: 'failed', reason: 'too-many-tries' },
    ];
    for (const frame of good) assert.deepEqual(parseServerFrame(JSON.stringify(frame)), frame);
    const bad = [
      { type: 'verify', id: '', state: 'verified', method: 'code' },
      { type: 'verify', id: 'v1', state: 'choose', methods: [], expiresIn: 300 },
      { type: 'verify', id: 'v1', state: 'choose', methods: ['fax'], expiresIn: 300 },
      { type: 'verify', id: 'v1', state: 'push-sent', expiresIn: -1 },
      { type: 'verify', id: 'v1', state: 'code-sent', expiresIn: 10, triesLeft: 1.5 },
      { type: 'verify', id: 'v1', state: 'verified', method: 'sms' },
      { type: 'verify', id: 'v1', state: 'failed', reason: 'bored' },
      { type: 'verify', id: 'v1', state: 'unknown' },
    ];
    for (const frame of bad) {
      let dropped = 0;
      assert.equal(
        parseServerFrame(JSON.stringify(frame), () => (dropped += 1)),
        undefined,
        JSON.stringify(frame),
      );
      assert.equal(dropped, 1);
    }
    // Only `wrong: true` is kept; other fields are not carried.
    assert.deepEqual(
      parseServerFrame(
        JSON.stringify({
          type: 'verify',
          id: 'v1',
          state: 'code-sent',
          expiresIn: 1,
          triesLeft: 1,
          wrong: 'yes',
          x: 1,
        }),
      ),
      { type: 'verify', id: 'v1', state: 'code-sent', expiresIn: 1, triesLeft: 1 },
    );
  });
});
