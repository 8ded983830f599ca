/**
 * The agent console's pure reducer over the server's frames, with no DOM, socket or timer, so
 * that Node tests can drive it frame by frame.
 *
 * Each step returns a new state whose `effects` say what that step asks of the element (what to
 * announce, where focus goes, which typing spell to stop): the element carries them out, the
 * reducer never does. The transitions that do not come from a frame (signing in, the connection
 * lost, a request sent) are pure functions here too, so the rules live in one place.
 */
import { TEAMS } from '../../src/agent-protocol.js';
import type {
  AgentServerFrame,
  AssignedFrame,
  BoardFrame,
  ReleasedFrame,
  Team,
} from '../../src/agent-protocol.js';
import type { ChatEvent, ErrorFrame } from '../../src/protocol.js';
import type { Announcement } from '../agent-console-announcer.js';
import { contentLang, languageLabel, teamLabel, teamPhrase } from '../agent-console-format.js';
import { findConversation, patched } from './model.js';
import type { ConsoleState, Conversation, Effects, Outstanding, SignInField } from './model.js';
import { uploadAfter, uploadStatus } from './upload-status.js';
import { verification, verifiedOf } from './verification.js';

export * from './model.js';

/** The requests the server may refuse by naming the conversation they were about. */
const REFUSALS = ['taken', 'forbidden', 'not-found', 'too-long'];

const ACCEPT_REFUSED: Record<string, string> = {
  taken: 'Another agent took that conversation.',
  forbidden: 'Your team may not take that conversation.',
  'not-found': 'That conversation is no longer waiting.',
};

/** A step: the state with its changes and a fresh set of effects. */
function next(
  state: ConsoleState,
  changes: Partial<ConsoleState>,
  effects: Partial<Effects> = {},
): ConsoleState {
  return { ...state, ...changes, effects: { announce: [], ...effects } };
}

/** The state with one conversation changed and no effects. */
export function patch(
  state: ConsoleState,
  conversationId: string,
  changes: Partial<Conversation>,
): ConsoleState {
  return next(state, { conversations: patched(state.conversations, conversationId, changes) });
}

/** The outstanding requests without the first of this kind for this conversation, and that one. */
function take(
  outstanding: readonly Outstanding[],
  kind: Outstanding['kind'],
  conversationId: string,
): [Outstanding[], Outstanding | undefined] {
  const index = outstanding.findIndex((o) => o.kind === kind && o.conversationId === conversationId);
  if (index < 0) return [[...outstanding], undefined];
  return [outstanding.filter((_, i) => i !== index), outstanding[index]];
}

// ---- frames --------------------------------------------------------------------------------

/**
 * The console's state after one frame from the server. A frame that changes nothing returns the
 * state it was given, whose effects were carried out already.
 */
export function reduce(state: ConsoleState, frame: AgentServerFrame): ConsoleState {
  switch (frame.type) {
    case 'agent-welcome':
      return welcome(state);
    case 'board':
      return board(state, frame);
    case 'assigned':
      return assigned(state, frame);
    case 'conversation-event':
      return event(state, frame.conversationId, frame.event);
    case 'customer-typing':
      return customerTyping(state, frame.conversationId, frame.active);
    case 'released':
      return released(state, frame);
    case 'ack':
      return ack(state, frame.id, frame.seq);
    case 'verification':
      return verification(state, frame);
    case 'upload-status':
      return uploadStatus(state, frame);
    case 'error':
      return error(state, frame);
    case 'document-key':
      return next(state, { documentKey: frame.key });
    case 'pong':
      return state;
  }
}

function welcome(state: ConsoleState): ConsoleState {
  const reconnected = state.connection === 'reconnecting';
  const changes = {
    connection: 'signed-in',
    firstBoard: true,
    signInError: '',
    nameError: '',
    languagesError: '',
    passcodeError: '',
  } as const;
  return reconnected
    ? next(state, changes, { announce: [['Reconnected.', 'polite']] })
    : next(state, changes, {
        focus: 'board-heading',
        announce: [[`Signed in as ${state.agentName}, ${teamLabel(state.agentTeam)} team.`, 'polite']],
      });
}

function board(state: ConsoleState, frame: BoardFrame): ConsoleState {
  const previous = state.board;
  const count = frame.waiting.length;
  if (state.firstBoard) {
    const summary =
      count === 0 ? 'Nobody is waiting.' : `${count} ${count === 1 ? 'customer' : 'customers'} waiting.`;
    return next(state, { board: frame, firstBoard: false }, { announce: [[summary, 'polite']] });
  }
  const announce: Effects['announce'] = [];
  const known = new Set(previous?.waiting.map((w) => w.conversationId));
  const arrivals = frame.waiting.filter((w) => !known.has(w.conversationId));
  const [first] = arrivals;
  if (arrivals.length === 1 && first) {
    announce.push([`New customer waiting, ${teamLabel(first.team)} queue.`, 'polite']);
  } else if (arrivals.length > 1) {
    announce.push([`${arrivals.length} new customers waiting.`, 'polite']);
  }
  if (previous && previous.simulate !== frame.simulate) {
    announce.push([`Simulated agent turned ${frame.simulate ? 'on' : 'off'}.`, 'polite']);
  }
  return next(state, { board: frame }, { announce });
}

function assigned(state: ConsoleState, frame: AssignedFrame): ConsoleState {
  const [outstanding, requested] = take(state.outstanding, 'accept', frame.conversationId);
  const existing = findConversation(state, frame.conversationId);
  const conversationCount = existing ? state.conversationCount : state.conversationCount + 1;
  const conversation: Conversation = {
    id: frame.conversationId,
    number: existing?.number ?? conversationCount,
    lang: frame.lang,
    team: frame.team,
    summary: frame.summary,
    recap: frame.recap,
    ...(frame.account === undefined ? {} : { account: frame.account }),
    events: [...frame.events].sort((a, b) => a.seq - b.seq),
    pending: [],
    status: 'active',
    customerTyping: false,
    unread: 0,
    draft: existing?.draft ?? '',
    composerError: '',
    endSummary: frame.recap,
    transferTeam: TEAMS.find((t) => t !== frame.team) ?? 'general',
    transferNote: existing?.transferNote ?? '',
    transferNoteError: '',
    ...verifiedOf(frame.verified ?? existing?.verification),
    ...(existing?.upload ? { upload: existing.upload } : {}),
  };
  const conversations = existing
    ? state.conversations.map((c) => (c.id === frame.conversationId ? conversation : c))
    : [...state.conversations, conversation];
  return next(
    state,
    {
      outstanding,
      conversations,
      conversationCount,
      boardMessage: '',
      selectedId: requested || !state.selectedId ? conversation.id : state.selectedId,
    },
    {
      ...(requested ? { focus: 'composer' as const } : {}),
      announce: [
        [
          `You are now chatting with Customer ${conversation.number}, ${teamLabel(frame.team)} queue, ${languageLabel(frame.lang)}.`,
          'polite',
        ],
      ],
    },
  );
}

function event(state: ConsoleState, conversationId: string, event: ChatEvent): ConsoleState {
  const conversation = findConversation(state, conversationId);
  if (!conversation || conversation.events.some((e) => e.seq === event.seq)) return state;
  const events = [...conversation.events, event].sort((a, b) => a.seq - b.seq);
  const pending = conversation.pending.filter((p) => p.id !== event.id && p.seq !== event.seq);
  const fromCustomer = event.from === 'customer' && event.kind === 'message';
  const selected = conversation.id === state.selectedId;
  const conversations = patched(state.conversations, conversationId, {
    events,
    pending,
    ...uploadAfter(conversation, event),
    ...(fromCustomer ? { customerTyping: false } : {}),
    ...(fromCustomer && !selected ? { unread: conversation.unread + 1 } : {}),
  });
  // The customer's words in their language; the console's around them in its own.
  const said: Announcement | string = selected
    ? [`Customer ${conversation.number}: `, { text: event.text, lang: contentLang(conversation.lang) }]
    : `New message from Customer ${conversation.number}.`;
  return next(state, { conversations }, { announce: fromCustomer ? [[said, 'polite']] : [] });
}

function customerTyping(state: ConsoleState, conversationId: string, active: boolean): ConsoleState {
  const conversation = findConversation(state, conversationId);
  if (!conversation || conversation.customerTyping === active) return state;
  // Said once per spell (the start), and only for the conversation on screen.
  const said = active && conversationId === state.selectedId;
  return next(
    state,
    { conversations: patched(state.conversations, conversationId, { customerTyping: active }) },
    { announce: said ? [[`Customer ${conversation.number} is typing…`, 'polite']] : [] },
  );
}

function released(state: ConsoleState, frame: ReleasedFrame): ConsoleState {
  const conversation = findConversation(state, frame.conversationId);
  const [afterTransfer, transfer] = take(state.outstanding, 'transfer', frame.conversationId);
  const [outstanding] = take(afterTransfer, 'end', frame.conversationId);
  if (!conversation)
    return transfer || outstanding.length < afterTransfer.length ? next(state, { outstanding }) : state;
  const who = `Customer ${conversation.number}`;
  if (frame.reason === 'transferred') {
    const team = transfer?.kind === 'transfer' ? transfer.team : conversation.transferredTo;
    return next(
      state,
      {
        outstanding,
        conversations: patched(state.conversations, conversation.id, {
          status: 'transferred',
          customerTyping: false,
          ...(team ? { transferredTo: team } : {}),
        }),
      },
      {
        stopTyping: conversation.id,
        announce: [[team ? `${who} transferred to ${teamPhrase(team)}.` : `${who} transferred.`, 'polite']],
      },
    );
  }
  const caseNumber = frame.caseNumber ?? conversation.caseNumber;
  const what = frame.reason === 'customer-ended' ? `${who} ended the chat.` : `Chat with ${who} ended.`;
  return next(
    state,
    {
      outstanding,
      conversations: patched(state.conversations, conversation.id, {
        status: frame.reason,
        customerTyping: false,
        ...(caseNumber ? { caseNumber } : {}),
      }),
    },
    {
      stopTyping: conversation.id,
      announce: [[caseNumber ? `${what} Case number ${caseNumber}.` : what, 'polite']],
      ...(state.selectedId === conversation.id ? { closeEndDialog: true } : {}),
    },
  );
}

function ack(state: ConsoleState, id: string, seq: number): ConsoleState {
  const conversation = state.conversations.find((c) => c.pending.some((p) => p.id === id));
  if (!conversation) return state;
  const stored = conversation.events.some((e) => e.seq === seq);
  return patch(state, conversation.id, {
    pending: stored
      ? conversation.pending.filter((p) => p.id !== id)
      : conversation.pending.map((p) => (p.id === id ? { ...p, seq } : p)),
  });
}

function error(state: ConsoleState, frame: ErrorFrame): ConsoleState {
  if (state.connection !== 'signed-in') return refusedSignIn(state, frame);
  if (frame.id) {
    const conversation = state.conversations.find((c) => c.pending.some((p) => p.id === frame.id));
    if (conversation) {
      const pending = conversation.pending.map((p) =>
        p.id === frame.id ? { ...p, error: frame.message } : p,
      );
      return next(
        state,
        { conversations: patched(state.conversations, conversation.id, { pending }) },
        { announce: [[`Message not sent: ${frame.message}`, 'assertive']] },
      );
    }
  }
  // The server names the conversation a refused request was about; requests are answered in
  // order, so the oldest outstanding one is the fallback.
  const index = REFUSALS.includes(frame.code)
    ? Math.max(
        0,
        state.outstanding.findIndex((o) => o.conversationId === frame.conversationId),
      )
    : -1;
  const request = index >= 0 ? state.outstanding[index] : undefined;
  const outstanding = request ? state.outstanding.filter((_, i) => i !== index) : state.outstanding;
  if (request?.kind === 'accept') {
    const boardMessage = ACCEPT_REFUSED[frame.code] ?? frame.message;
    return next(state, { outstanding, boardMessage }, { announce: [[boardMessage, 'assertive']] });
  }
  const conversation = request && findConversation(state, request.conversationId);
  if (request && conversation) {
    const failed = `${request.kind === 'transfer' ? 'Transfer' : 'Ending the chat'} failed: ${frame.message}`;
    const status =
      conversation.status === 'ending' || conversation.status === 'transferring'
        ? 'active'
        : conversation.status;
    return next(
      state,
      {
        outstanding,
        conversations: patched(state.conversations, conversation.id, { status, composerError: failed }),
      },
      { announce: [[failed, 'assertive']] },
    );
  }
  const boardMessage = `The server said: ${frame.message}`;
  return next(state, { outstanding, boardMessage }, { announce: [[boardMessage, 'assertive']] });
}

/** An error before the welcome: the server refused the sign-in, which is final (no reconnect loop). */
function refusedSignIn(state: ConsoleState, frame: ErrorFrame): ConsoleState {
  const refused: { field: SignInField; message: string } =
    frame.code === 'auth-failed'
      ? {
          field: 'passcode',
          message: 'The passcode is missing or wrong. Ask your supervisor for the console passcode.',
        }
      : {
          // The server names the field at fault (src/protocol/check-agent.ts).
          field: frame.message.startsWith('agent-hello.languages') ? 'languages' : 'name',
          message: `The server refused the sign-in: ${frame.message}`,
        };
  return next(
    state,
    {
      connection: 'signed-out',
      conversations: [],
      selectedId: '',
      board: undefined,
      ...fieldError(refused.field, refused.message),
      ...(state.connection === 'reconnecting' ? { signInError: 'You were signed out.' } : {}),
    },
    { refused },
  );
}

// ---- the console's own transitions ----------------------------------------------------------

/** The state's error of a sign-in field. */
export function fieldError(
  field: SignInField,
  message: string,
): Partial<Pick<ConsoleState, 'nameError' | 'languagesError' | 'passcodeError'>> {
  if (field === 'name') return { nameError: message };
  return field === 'languages' ? { languagesError: message } : { passcodeError: message };
}

/**
 * The agent submitted the sign-in form with a valid name; `chosen`: the teams and languages they
 * chose (kept as they were when absent).
 */
export function signingIn(
  state: ConsoleState,
  agentName: string,
  agentTeam: Team,
  chosen?: Pick<ConsoleState, 'agentTeams' | 'agentLanguages'>,
): ConsoleState {
  return next(
    state,
    {
      agentName,
      agentTeam,
      ...(chosen ? { agentTeams: [...chosen.agentTeams], agentLanguages: [...chosen.agentLanguages] } : {}),
      connection: 'connecting',
      nameError: '',
      languagesError: '',
      passcodeError: '',
      signInError: '',
    },
    { announce: [['Signing in…', 'polite']] },
  );
}

/** The first connection of a sign-in closed (or never opened): back to the form, with why. */
export function connectFailed(state: ConsoleState, url: string): ConsoleState {
  const signInError = `Cannot connect to the chat server (${url}). Check that it is running, then sign in again.`;
  return next(state, { connection: 'signed-out', signInError }, { announce: [[signInError, 'assertive']] });
}

/**
 * The signed-in connection dropped: the console reconnects, and the server has put the open
 * conversations back in line meanwhile, so they are lost and no request is answered any more.
 */
export function connectionLost(state: ConsoleState): ConsoleState {
  return next(
    state,
    {
      connection: 'reconnecting',
      outstanding: [],
      conversations: state.conversations.map((c) =>
        c.status === 'active' || c.status === 'transferring' || c.status === 'ending'
          ? { ...c, status: 'lost', customerTyping: false }
          : c,
      ),
    },
    { announce: [['Connection lost. Reconnecting…', 'assertive']] },
  );
}

export function signedOut(state: ConsoleState): ConsoleState {
  return next(
    state,
    {
      connection: 'signed-out',
      board: undefined,
      conversations: [],
      selectedId: '',
      outstanding: [],
      boardMessage: '',
    },
    { focus: 'name', announce: [['Signed out.', 'polite']] },
  );
}

/** Changes to the form's and the board's messages, or to which conversation is on screen. */
export function edited(
  state: ConsoleState,
  changes: Partial<
    Pick<
      ConsoleState,
      | 'agentName'
      | 'nameError'
      | 'languagesError'
      | 'passcodeError'
      | 'signInError'
      | 'boardMessage'
      | 'selectedId'
    >
  >,
): ConsoleState {
  return next(state, changes);
}

/** A request went to the server; its answer (or refusal) is matched to it. */
export function requested(state: ConsoleState, request: Outstanding): ConsoleState {
  return next(state, { outstanding: [...state.outstanding, request] });
}
