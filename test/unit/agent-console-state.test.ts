// The agent console's reducer (demo/agent-console/state.ts) in Node: real frames of
// src/agent-protocol.ts, one table row per rule, each row checking the state it makes and what it
// asks the element to say and do.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  AgentServerFrame,
  AssignedFrame,
  BoardFrame,
  WaitingConversation,
} from '../../src/agent-protocol.js';
import type { ChatEvent, ErrorFrame } from '../../src/protocol.js';
import { plainText } from '../../demo/agent-console-announcer.js';
import {
  connectFailed,
  connectionLost,
  initialState,
  patch,
  reduce,
  requested,
  signedOut,
  signingIn,
} from '../../demo/agent-console/state.js';
import type { ConsoleState, Effects } from '../../demo/agent-console/state.js';

const at = Date.UTC(2026, 11, 7, 9, 30);

function waiting(conversationId: string, team: WaitingConversation['team'] = 'general'): WaitingConversation {
  return { conversationId, lang: 'en', team, position: 1, since: at, summary: 'Lost card' };
}

function board(list: WaitingConversation[], simulate = false): BoardFrame {
  return { type: 'board', waiting: list, agents: [], simulate };
}

function message(seq: number, from: ChatEvent['from'], text: string, id = `e${seq}`): ChatEvent {
  return { id, seq, kind: 'message', from, name: from === 'agent' ? 'Maria' : '', text, at };
}

function assigned(conversationId: string, overrides: Partial<AssignedFrame> = {}): AssignedFrame {
  return {
    type: 'assigned',
    conversationId,
    lang: 'es',
    team: 'disputes',
    summary: 'Disputes a charge',
    recap: 'Resumen',
    events: [message(2, 'customer', 'Hola'), message(1, 'assistant', 'Hi')],
    ...overrides,
  };
}

function error(code: string, message: string, extra: Partial<ErrorFrame> = {}): ErrorFrame {
  return { type: 'error', code, message, ...extra } as ErrorFrame;
}

/** Runs frames from a state. */
function after(state: ConsoleState, ...frames: AgentServerFrame[]): ConsoleState {
  return frames.reduce(reduce, state);
}

/** Signed in as Maria of `team`, the first board seen, no conversations. */
function signedIn(team: ConsoleState['agentTeam'] = 'general'): ConsoleState {
  return after(
    signingIn(initialState, 'Maria', team),
    { type: 'agent-welcome', v: '1', agentId: 'a1' },
    board([waiting('w1')]),
  );
}

/** Signed in, chatting with Customer 1 (c1, selected) and Customer 2 (c2). */
function chatting(): ConsoleState {
  return after(signedIn(), assigned('c1'), assigned('c2', { lang: 'en', team: 'general' }));
}

/** The plain text of each announcement, with its politeness when assertive. */
function said(effects: Effects): string[] {
  return effects.announce.map(([what, politeness]) => {
    const text = typeof what === 'string' ? what : plainText(what);
    return politeness === 'assertive' ? `! ${text}` : text;
  });
}

function conversation(state: ConsoleState, id: string): NonNullable<ConsoleState['conversations'][number]> {
  const found = state.conversations.find((c) => c.id === id);
  assert.ok(found, `conversation ${id}`);
  return found;
}

interface Case {
  name: string;
  given: () => ConsoleState;
  frame: AgentServerFrame;
  /** Every announcement of the step, in order ("! " marks assertive ones). */
  said: string[];
  then: (state: ConsoleState, before: ConsoleState) => void;
}

const cases: Case[] = [
  {
    name: 'a welcome signs in and sends focus to the board',
    given: () => signingIn(initialState, 'Maria', 'credit'),
    frame: { type: 'agent-welcome', v: '1', agentId: 'a1' },
    said: ['Signed in as Maria, Credit team.'],
    then: (s) => {
      assert.equal(s.connection, 'signed-in');
      assert.equal(s.effects.focus, 'board-heading');
    },
  },
  {
    name: 'a welcome after a lost connection says it reconnected, and leaves focus alone',
    given: () => connectionLost(signedIn()),
    frame: { type: 'agent-welcome', v: '1', agentId: 'a1' },
    said: ['Reconnected.'],
    then: (s) => {
      assert.equal(s.connection, 'signed-in');
      assert.equal(s.firstBoard, true);
      assert.equal(s.effects.focus, undefined);
    },
  },
  {
    name: 'the first board is summed up',
    given: () =>
      after(signingIn(initialState, 'Maria', 'general'), { type: 'agent-welcome', v: '1', agentId: 'a' }),
    frame: board([waiting('w1'), waiting('w2')]),
    said: ['2 customers waiting.'],
    then: (s) => {
      assert.equal(s.firstBoard, false);
      assert.deepEqual(
        s.board?.waiting.map((w) => w.conversationId),
        ['w1', 'w2'],
      );
    },
  },
  {
    name: 'an empty first board says nobody is waiting',
    given: () =>
      after(signingIn(initialState, 'Maria', 'general'), { type: 'agent-welcome', v: '1', agentId: 'a' }),
    frame: board([]),
    said: ['Nobody is waiting.'],
    then: (s) => assert.deepEqual(s.board?.waiting, []),
  },
  {
    name: 'a later board names one arrival by its queue',
    given: () => signedIn(),
    frame: board([waiting('w1'), waiting('w2', 'travel')]),
    said: ['New customer waiting, Travel queue.'],
    then: (s) => assert.equal(s.board?.waiting.length, 2),
  },
  {
    name: 'a later board counts several arrivals, and says the simulated agent switched',
    given: () => signedIn(),
    frame: board([waiting('w1'), waiting('w2'), waiting('w3')], true),
    said: ['2 new customers waiting.', 'Simulated agent turned on.'],
    then: (s) => assert.equal(s.board?.simulate, true),
  },
  {
    name: 'a board with someone gone says nothing',
    given: () => signedIn(),
    frame: board([]),
    said: [],
    then: (s) => assert.deepEqual(s.board?.waiting, []),
  },
  {
    name: 'an assignment the agent asked for is numbered, selected, its events in order',
    given: () => requested(signedIn(), { kind: 'accept', conversationId: 'c1' }),
    frame: assigned('c1', { account: 'acct-9' }),
    said: ['You are now chatting with Customer 1, Disputes queue, Spanish.'],
    then: (s) => {
      const c = conversation(s, 'c1');
      assert.equal(c.number, 1);
      assert.equal(c.status, 'active');
      assert.equal(c.account, 'acct-9');
      assert.equal(c.endSummary, 'Resumen');
      assert.equal(c.transferTeam, 'general');
      assert.deepEqual(
        c.events.map((e) => e.seq),
        [1, 2],
      );
      assert.equal(s.selectedId, 'c1');
      assert.deepEqual(s.outstanding, []);
      assert.equal(s.effects.focus, 'composer');
    },
  },
  {
    name: 'an assignment nobody asked for does not take the screen from another conversation',
    given: () => after(signedIn(), assigned('c1')),
    frame: assigned('c2', { team: 'general', lang: 'en' }),
    said: ['You are now chatting with Customer 2, General queue, English.'],
    then: (s) => {
      assert.equal(conversation(s, 'c2').number, 2);
      assert.equal(conversation(s, 'c2').transferTeam, 'disputes');
      assert.equal(s.selectedId, 'c1');
      assert.equal(s.effects.focus, undefined);
    },
  },
  {
    name: 'a conversation assigned again keeps its number and the draft',
    given: () => patch(connectionLost(chatting()), 'c1', { draft: 'Un momento' }),
    frame: assigned('c1'),
    said: ['You are now chatting with Customer 1, Disputes queue, Spanish.'],
    then: (s) => {
      const c = conversation(s, 'c1');
      assert.equal(c.number, 1);
      assert.equal(c.draft, 'Un momento');
      assert.equal(c.status, 'active');
      assert.equal(s.conversationCount, 2);
    },
  },
  {
    name: "the customer's message on screen is said in their language",
    given: () => patch(chatting(), 'c1', { customerTyping: true }),
    frame: { type: 'conversation-event', conversationId: 'c1', event: message(3, 'customer', 'Gracias') },
    said: ['Customer 1: Gracias'],
    then: (s) => {
      const c = conversation(s, 'c1');
      assert.deepEqual(
        c.events.map((e) => e.seq),
        [1, 2, 3],
      );
      assert.equal(c.customerTyping, false);
      assert.equal(c.unread, 0);
      const [[parts]] = s.effects.announce as [[readonly unknown[], string]];
      assert.deepEqual(parts[1], { text: 'Gracias', lang: 'es' });
    },
  },
  {
    name: 'a message in another conversation counts as unread',
    given: () => chatting(),
    frame: { type: 'conversation-event', conversationId: 'c2', event: message(3, 'customer', 'Hello') },
    said: ['New message from Customer 2.'],
    then: (s) => assert.equal(conversation(s, 'c2').unread, 1),
  },
  {
    name: "the agent's own message, stored, replaces the pending one",
    given: () => patch(chatting(), 'c1', { pending: [{ id: 'm1', text: 'Claro', at }] }),
    frame: { type: 'conversation-event', conversationId: 'c1', event: message(3, 'agent', 'Claro', 'm1') },
    said: [],
    then: (s) => {
      const c = conversation(s, 'c1');
      assert.deepEqual(c.pending, []);
      assert.equal(c.events.at(-1)?.text, 'Claro');
    },
  },
  {
    name: 'the customer typing on screen is said once per spell',
    given: () => chatting(),
    frame: { type: 'customer-typing', conversationId: 'c1', active: true },
    said: ['Customer 1 is typing…'],
    then: (s) => assert.equal(conversation(s, 'c1').customerTyping, true),
  },
  {
    name: 'the customer typing elsewhere is shown, not said',
    given: () => chatting(),
    frame: { type: 'customer-typing', conversationId: 'c2', active: true },
    said: [],
    then: (s) => assert.equal(conversation(s, 'c2').customerTyping, true),
  },
  {
    name: 'a transfer the agent asked for names the team, and ends their typing spell',
    given: () =>
      patch(requested(chatting(), { kind: 'transfer', conversationId: 'c1', team: 'travel' }), 'c1', {
        status: 'transferring',
      }),
    frame: { type: 'released', conversationId: 'c1', reason: 'transferred' },
    said: ['Customer 1 transferred to the travel team.'],
    then: (s) => {
      const c = conversation(s, 'c1');
      assert.equal(c.status, 'transferred');
      assert.equal(c.transferredTo, 'travel');
      assert.deepEqual(s.outstanding, []);
      assert.equal(s.effects.stopTyping, 'c1');
      assert.equal(s.effects.closeEndDialog, undefined);
    },
  },
  {
    name: 'the end of the chat on screen gives the case number and closes the end dialog',
    given: () => requested(chatting(), { kind: 'end', conversationId: 'c1' }),
    frame: { type: 'released', conversationId: 'c1', reason: 'ended', caseNumber: 'CASE-7' },
    said: ['Chat with Customer 1 ended. Case number CASE-7.'],
    then: (s) => {
      const c = conversation(s, 'c1');
      assert.equal(c.status, 'ended');
      assert.equal(c.caseNumber, 'CASE-7');
      assert.deepEqual(s.outstanding, []);
      assert.equal(s.effects.closeEndDialog, true);
    },
  },
  {
    name: 'the customer ending a chat off screen leaves the end dialog alone',
    given: () => chatting(),
    frame: { type: 'released', conversationId: 'c2', reason: 'customer-ended' },
    said: ['Customer 2 ended the chat.'],
    then: (s) => {
      assert.equal(conversation(s, 'c2').status, 'customer-ended');
      assert.equal(s.effects.closeEndDialog, undefined);
    },
  },
  {
    name: 'an ack of a message not yet stored keeps it pending, with its seq',
    given: () => patch(chatting(), 'c1', { pending: [{ id: 'm1', text: 'Claro', at }] }),
    frame: { type: 'ack', id: 'm1', seq: 9 },
    said: [],
    then: (s) => assert.deepEqual(conversation(s, 'c1').pending, [{ id: 'm1', text: 'Claro', at, seq: 9 }]),
  },
  {
    name: 'an ack of a message already stored drops it from pending',
    given: () => patch(chatting(), 'c1', { pending: [{ id: 'm1', text: 'Hola', at }] }),
    frame: { type: 'ack', id: 'm1', seq: 2 },
    said: [],
    then: (s) => assert.deepEqual(conversation(s, 'c1').pending, []),
  },
  {
    name: 'an error about a message marks it not sent, at once',
    given: () => patch(chatting(), 'c1', { pending: [{ id: 'm1', text: 'x', at }] }),
    frame: error('too-long', 'Too long.', { id: 'm1' }),
    said: ['! Message not sent: Too long.'],
    then: (s) => assert.equal(conversation(s, 'c1').pending[0]?.error, 'Too long.'),
  },
  {
    name: 'a refused accept is said on the board',
    given: () => requested(signedIn(), { kind: 'accept', conversationId: 'w1' }),
    frame: error('taken', 'Taken.', { conversationId: 'w1' }),
    said: ['! Another agent took that conversation.'],
    then: (s) => {
      assert.equal(s.boardMessage, 'Another agent took that conversation.');
      assert.deepEqual(s.outstanding, []);
    },
  },
  {
    name: 'a refused transfer puts the conversation back, with why',
    given: () =>
      patch(requested(chatting(), { kind: 'transfer', conversationId: 'c1', team: 'travel' }), 'c1', {
        status: 'transferring',
      }),
    frame: error('forbidden', 'Not allowed.', { conversationId: 'c1' }),
    said: ['! Transfer failed: Not allowed.'],
    then: (s) => {
      assert.equal(conversation(s, 'c1').status, 'active');
      assert.equal(conversation(s, 'c1').composerError, 'Transfer failed: Not allowed.');
      assert.deepEqual(s.outstanding, []);
    },
  },
  {
    name: 'a refusal without a conversation goes to the oldest request',
    given: () =>
      requested(requested(chatting(), { kind: 'end', conversationId: 'c1' }), {
        kind: 'accept',
        conversationId: 'w1',
      }),
    frame: error('not-found', 'Gone.'),
    said: ['! Ending the chat failed: Gone.'],
    then: (s) => assert.deepEqual(s.outstanding, [{ kind: 'accept', conversationId: 'w1' }]),
  },
  {
    name: 'any other error is what the server said, on the board',
    given: () => chatting(),
    frame: error('rate-limited', 'Slow down.'),
    said: ['! The server said: Slow down.'],
    then: (s) => assert.equal(s.boardMessage, 'The server said: Slow down.'),
  },
  {
    name: 'a wrong passcode refuses the sign-in on the passcode field, for good',
    given: () => signingIn(initialState, 'Maria', 'general'),
    frame: error('auth-failed', 'No.'),
    said: [],
    then: (s) => {
      assert.equal(s.connection, 'signed-out');
      assert.match(s.passcodeError, /passcode is missing or wrong/);
      assert.equal(s.nameError, '');
      assert.equal(s.effects.refused?.field, 'passcode');
    },
  },
  {
    name: "the server's refusal of the languages lands on the languages group, with what it chose kept",
    given: () =>
      signingIn(initialState, 'Maria', 'general', { agentTeams: ['credit'], agentLanguages: ['es'] }),
    frame: error('bad-frame', 'agent-hello.languages[0] is not a known language; use en, es.'),
    said: [],
    then: (s) => {
      assert.equal(s.connection, 'signed-out');
      assert.equal(
        s.languagesError,
        'The server refused the sign-in: agent-hello.languages[0] is not a known language; use en, es.',
      );
      assert.equal(s.nameError, '');
      assert.equal(s.effects.refused?.field, 'languages');
      assert.deepEqual([s.agentTeams, s.agentLanguages], [['credit'], ['es']]);
    },
  },
  {
    name: 'a refused sign-in on reconnecting signs the agent out and clears the console',
    given: () => connectionLost(chatting()),
    frame: error('bad-name', 'Name taken.'),
    said: [],
    then: (s) => {
      assert.equal(s.connection, 'signed-out');
      assert.equal(s.nameError, 'The server refused the sign-in: Name taken.');
      assert.equal(s.signInError, 'You were signed out.');
      assert.deepEqual(s.conversations, []);
      assert.equal(s.board, undefined);
      assert.equal(s.effects.refused?.field, 'name');
    },
  },
];

describe('agent console state', () => {
  describe('reduce', () => {
    for (const c of cases) {
      it(c.name, () => {
        const before = c.given();
        const state = reduce(before, c.frame);
        assert.deepEqual(said(state.effects), c.said);
        c.then(state, before);
      });
    }

    const unchanged: [string, () => ConsoleState, AgentServerFrame][] = [
      ['a pong', signedIn, { type: 'pong' }],
      [
        'an event already shown',
        chatting,
        { type: 'conversation-event', conversationId: 'c1', event: message(2, 'customer', 'Hola') },
      ],
      [
        "an event of a conversation that is not the agent's",
        chatting,
        { type: 'conversation-event', conversationId: 'zz', event: message(5, 'customer', 'Hi') },
      ],
      [
        'typing that did not change',
        chatting,
        { type: 'customer-typing', conversationId: 'c1', active: false },
      ],
      ['an ack of nothing pending', chatting, { type: 'ack', id: 'nope', seq: 4 }],
    ];
    for (const [name, given, frame] of unchanged) {
      it(`returns the same state for ${name}`, () => {
        const before = given();
        assert.equal(reduce(before, frame), before);
      });
    }

    it('does not change the state it was given', () => {
      const before = chatting();
      const copy = structuredClone(before);
      reduce(before, { type: 'released', conversationId: 'c1', reason: 'ended', caseNumber: 'C-1' });
      reduce(before, {
        type: 'conversation-event',
        conversationId: 'c2',
        event: message(3, 'customer', 'x'),
      });
      assert.deepEqual(before, copy);
    });
  });

  describe("the console's own transitions", () => {
    it('loses the open conversations and the requests when the connection drops', () => {
      const state = connectionLost(
        requested(patch(chatting(), 'c2', { status: 'ended' }), { kind: 'end', conversationId: 'c1' }),
      );
      assert.equal(state.connection, 'reconnecting');
      assert.deepEqual(
        state.conversations.map((c) => c.status),
        ['lost', 'ended'],
      );
      assert.deepEqual(state.outstanding, []);
      assert.deepEqual(said(state.effects), ['! Connection lost. Reconnecting…']);
    });

    it('goes back to the form, with why, when the first connection fails', () => {
      const state = connectFailed(signingIn(initialState, 'Maria', 'general'), 'ws://x/agent');
      assert.equal(state.connection, 'signed-out');
      assert.match(state.signInError, /^Cannot connect to the chat server \(ws:\/\/x\/agent\)/);
      assert.equal(said(state.effects).length, 1);
    });

    it('forgets everything but the name on signing out, and sends focus to it', () => {
      const state = signedOut(chatting());
      assert.equal(state.connection, 'signed-out');
      assert.deepEqual(state.conversations, []);
      assert.equal(state.board, undefined);
      assert.equal(state.agentName, 'Maria');
      assert.equal(state.effects.focus, 'name');
      assert.deepEqual(said(state.effects), ['Signed out.']);
    });
  });
});
