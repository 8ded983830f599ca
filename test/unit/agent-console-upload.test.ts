// The agent console's request for documents (demo/agent-console/upload-status.ts through the
// reducer in state.ts): pending from the server's `upload-status`, then received (the
// conversation's documents notice), declined ("Not now") or expired (the console's clock past the
// request's expiry), each said as the pane and the list show it; another request replaces it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AgentServerFrame, AssignedFrame, UploadStatusFrame } from '../../src/agent-protocol.js';
import type { ChatEvent } from '../../src/protocol.js';
import { plainText } from '../../demo/agent-console-announcer.js';
import { initialState, reduce } from '../../demo/agent-console/state.js';
import type { ConsoleState } from '../../demo/agent-console/state.js';
import { nextUploadChange, uploadLine } from '../../demo/agent-console/upload-status.js';

const assigned: AssignedFrame = {
  type: 'assigned',
  conversationId: 'c1',
  lang: 'en',
  team: 'general',
  summary: 'Disputed charge',
  recap: 'Recap',
  events: [],
};

const EXPIRES = 1_000_000;

const requested = (ref = 'r1', text = 'receipt for the disputed charge'): UploadStatusFrame => ({
  type: 'upload-status',
  conversationId: 'c1',
  ref,
  state: 'requested',
  text,
  expiresAt: EXPIRES,
});

const declined = (ref = 'r1'): UploadStatusFrame => ({
  type: 'upload-status',
  conversationId: 'c1',
  ref,
  state: 'declined',
});

function documents(seq: number, count: number): AgentServerFrame {
  const event: ChatEvent = {
    id: `e${seq}`,
    seq,
    kind: 'notice',
    from: 'system',
    name: '',
    text: `You sent ${count} documents.`,
    at: 0,
    notice: {
      code: 'documents',
      documents: Array.from({ length: count }, (_, i) => ({
        id: `d${i}`,
        name: `file${i}.pdf`,
        type: 'application/pdf' as const,
        size: 100,
      })),
    },
  };
  return { type: 'conversation-event', conversationId: 'c1', event };
}

const after = (state: ConsoleState, ...frames: AgentServerFrame[]): ConsoleState =>
  frames.reduce(reduce, state);
const said = (state: ConsoleState): string[] =>
  state.effects.announce.map(([text]) => (typeof text === 'string' ? text : plainText(text)));
const line = (state: ConsoleState, now = EXPIRES - 1): string =>
  uploadLine(state.conversations[0]?.upload, now);

describe('agent console: a request for documents', () => {
  const signedIn = after({ ...initialState, connection: 'signed-in' as const }, assigned);

  it('shows nothing before a request', () => {
    assert.equal(signedIn.conversations[0]?.upload, undefined);
    assert.equal(line(signedIn), '');
  });

  it('is pending until the documents arrive, then says how many', () => {
    let state = after(signedIn, requested());
    assert.equal(line(state), 'Documents requested: receipt for the disputed charge');
    state = after(state, documents(1, 2));
    assert.equal(line(state), '2 documents received');
    // Received stays received, whatever the clock says.
    assert.equal(line(state, EXPIRES + 60_000), '2 documents received');
    assert.equal(uploadLine({ ...state.conversations[0]!.upload!, count: 1 }, 0), '1 document received');
  });

  it('declined ("Not now"): not sent, and said once', () => {
    let state = after(signedIn, requested());
    state = after(state, declined());
    assert.equal(line(state), 'Not sent: the customer chose not to send them now');
    assert.deepEqual(said(state), ['Customer 1 did not send the documents requested.']);
    // The same again changes nothing.
    assert.equal(after(state, declined()), state);
  });

  it('expired: not sent once the console clock passes the expiry', () => {
    const state = after(signedIn, requested());
    assert.equal(line(state, EXPIRES - 1), 'Documents requested: receipt for the disputed charge');
    assert.equal(line(state, EXPIRES), 'Not sent: the request expired');
  });

  it('a new request replaces the last; a decline of the old one changes nothing', () => {
    let state = after(signedIn, requested('r1'), requested('r2', 'bank statement'));
    assert.equal(line(state), 'Documents requested: bank statement');
    const before = state;
    state = after(state, declined('r1'));
    assert.equal(state, before);
    // Documents that arrive with no request pending do not make one up.
    state = after(signedIn, documents(1, 1));
    assert.equal(line(state), '');
  });

  it('a frame for a conversation the console does not have changes nothing', () => {
    const other = { ...requested(), conversationId: 'c9' };
    assert.equal(after(signedIn, other), signedIn);
  });

  it('tells the console when the line next changes: at the expiry of a pending request only', () => {
    const pending = after(signedIn, requested());
    assert.equal(nextUploadChange(pending.conversations, EXPIRES - 10), EXPIRES);
    assert.equal(nextUploadChange(pending.conversations, EXPIRES), undefined);
    const done = after(pending, documents(1, 1));
    assert.equal(nextUploadChange(done.conversations, 0), undefined);
  });
});
