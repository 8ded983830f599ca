// The identity check in the agent console's reducer (demo/agent-console/state.ts with
// verification.ts): the result only, said once per change, kept across a re-assignment, and the
// request refused aloud when the console is offline.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AgentServerFrame, AssignedFrame } from '../../src/agent-protocol.js';
import { plainText } from '../../demo/agent-console-announcer.js';
import { initialState, reduce } from '../../demo/agent-console/state.js';
import type { ConsoleState } from '../../demo/agent-console/state.js';
import { VERIFICATION_LABEL, requestVerification } from '../../demo/agent-console/verification.js';

const assigned = (overrides: Partial<AssignedFrame> = {}): AssignedFrame => ({
  type: 'assigned',
  conversationId: 'c1',
  lang: 'en',
  team: 'general',
  summary: 'Lost card',
  recap: 'Recap',
  events: [],
  ...overrides,
});

const after = (state: ConsoleState, ...frames: AgentServerFrame[]): ConsoleState =>
  frames.reduce(reduce, state);
const said = (state: ConsoleState): string[] =>
  state.effects.announce.map(([text]) => (typeof text === 'string' ? text : plainText(text)));

describe('agent console: identity check', () => {
  const signedIn = { ...initialState, connection: 'signed-in' as const };

  it('shows each status once, the result only', () => {
    let state = after(signedIn, assigned());
    assert.equal(state.conversations[0]?.verification, undefined);
    for (const [status, text] of [
      ['requested', 'Customer 1: Verification requested.'],
      ['code', 'Customer 1: Verified by code.'],
    ] as const) {
      state = after(state, { type: 'verification', conversationId: 'c1', status });
      assert.equal(state.conversations[0]?.verification, status);
      assert.deepEqual(said(state), [text]);
    }
    // The same status again changes nothing and says nothing.
    const again = after(state, { type: 'verification', conversationId: 'c1', status: 'code' });
    assert.equal(again, state);
  });

  it('labels every status as the agent reads it', () => {
    assert.deepEqual(VERIFICATION_LABEL, {
      requested: 'Verification requested',
      push: 'Verified by push',
      code: 'Verified by code',
      'not-verified': 'Not verified',
    });
  });

  it('takes the status from an assigned frame, and keeps it when assigned again', () => {
    let state = after(signedIn, assigned({ verified: 'push' }));
    assert.equal(state.conversations[0]?.verification, 'push');
    state = after(state, assigned());
    assert.equal(state.conversations[0]?.verification, 'push');
  });

  it('ignores a status for a conversation it does not hold', () => {
    const state = after(signedIn, assigned());
    assert.equal(after(state, { type: 'verification', conversationId: 'other', status: 'push' }), state);
  });

  it('sends the request, and says so when it could not', () => {
    const sent: unknown[] = [];
    assert.equal(
      requestVerification('c1', (f) => sent.push(f) > 0),
      undefined,
    );
    assert.deepEqual(sent, [{ type: 'verify', conversationId: 'c1' }]);
    const refused = requestVerification('c1', () => false);
    assert.equal(refused?.[1], 'assertive');
    assert.match(refused?.[0] ?? '', /not sent/);
  });
});
