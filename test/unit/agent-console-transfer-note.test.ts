// The console's transfer note (issue 26, item 7): what the team select and the note field change,
// the frame a Transfer press sends (the note trimmed, none when empty, refused over the limit),
// and the reducer keeping a typed note when a conversation is assigned again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_TRANSFER_NOTE } from '../../src/agent-protocol.js';
import type { AgentServerFrame, AssignedFrame } from '../../src/agent-protocol.js';
import { connectionLost, initialState, patch, reduce, signingIn } from '../../demo/agent-console/state.js';
import type { ConsoleState, Conversation } from '../../demo/agent-console/state.js';
import { transferFieldChange, transferRequest } from '../../demo/agent-console/transfer-note.js';

const frame: AssignedFrame = {
  type: 'assigned',
  conversationId: 'c1',
  lang: 'en',
  team: 'general',
  summary: 'Lost card',
  recap: 'We talked about your account.',
  events: [],
};

function chatting(): ConsoleState {
  const frames: AgentServerFrame[] = [
    { type: 'agent-welcome', v: '1', agentId: 'a1' },
    { type: 'board', waiting: [], agents: [], simulate: false },
    frame,
  ];
  return frames.reduce(reduce, signingIn(initialState, 'Maria', 'general'));
}

function only(state: ConsoleState): Conversation {
  const [c] = state.conversations;
  assert.ok(c);
  return c;
}

describe('agent console: the transfer note', () => {
  it('starts empty, with no error, and the first other team chosen', () => {
    const c = only(chatting());
    assert.equal(c.transferNote, '');
    assert.equal(c.transferNoteError, '');
    assert.equal(c.transferTeam, 'disputes');
  });

  it('keeps the typed note, and drops its error, when the conversation is assigned again', () => {
    const typed = patch(chatting(), 'c1', { transferNote: 'Wants a refund', transferNoteError: 'Too long' });
    const again = reduce(connectionLost(typed), frame);
    assert.equal(only(again).transferNote, 'Wants a refund');
    assert.equal(only(again).transferNoteError, '');
  });

  it('the fields change the team (only a real one) or the note', () => {
    assert.deepEqual(transferFieldChange({ name: 'note', value: 'x' }), { transferNote: 'x' });
    assert.deepEqual(transferFieldChange({ name: 'team', value: 'travel' }), { transferTeam: 'travel' });
    assert.equal(transferFieldChange({ name: 'team', value: 'nobody' }), null);
  });

  it('sends the note trimmed, none when blank, and refuses one over the limit with its length', () => {
    const c = only(chatting());
    assert.deepEqual(transferRequest({ ...c, transferTeam: 'travel', transferNote: '  Trip to Lima  ' }), {
      type: 'transfer',
      conversationId: 'c1',
      team: 'travel',
      note: 'Trip to Lima',
    });
    assert.deepEqual(transferRequest({ ...c, transferNote: '   ' }), {
      type: 'transfer',
      conversationId: 'c1',
      team: 'disputes',
    });
    assert.ok(!('error' in transferRequest({ ...c, transferNote: 'x'.repeat(MAX_TRANSFER_NOTE) })));
    const refused = transferRequest({ ...c, transferNote: 'x'.repeat(MAX_TRANSFER_NOTE + 1) });
    assert.ok('error' in refused);
    assert.match(
      refused.error,
      new RegExp(`has ${MAX_TRANSFER_NOTE + 1} characters.*at most ${MAX_TRANSFER_NOTE}`),
    );
  });
});
