/**
 * The identity check as the console shows it: the agent asks for it (`verify`) and learns only
 * the result (`verification`): verified by push, by code, or not verified. Never a code.
 */
import type { AgentVerifyFrame, VerificationFrame } from '../../src/agent-protocol.js';
import type { ConsoleState } from './model.js';

export type VerificationStatus = VerificationFrame['status'];

/** What the header and the list say of each status. */
export const VERIFICATION_LABEL: Readonly<Record<VerificationStatus, string>> = {
  requested: 'Verification requested',
  push: 'Verified by push',
  code: 'Verified by code',
  'not-verified': 'Not verified',
};

/** The console's state after a `verification` frame: the status, said once. */
export function verification(state: ConsoleState, frame: VerificationFrame): ConsoleState {
  const conversation = state.conversations.find((c) => c.id === frame.conversationId);
  if (!conversation || conversation.verification === frame.status) return state;
  return {
    ...state,
    conversations: state.conversations.map((c) =>
      c.id === frame.conversationId ? { ...c, verification: frame.status } : c,
    ),
    effects: {
      announce: [[`Customer ${conversation.number}: ${VERIFICATION_LABEL[frame.status]}.`, 'polite']],
    },
  };
}

/** The `verification` field of a conversation (for an `assigned` frame). */
export function verifiedOf(status: VerificationStatus | undefined): { verification?: VerificationStatus } {
  return status === undefined ? {} : { verification: status };
}

/**
 * Sends the request to verify a conversation's customer; what to say when it could not be sent
 * (the server's `verification` frame says the rest).
 */
export function requestVerification(
  conversationId: string,
  send: (frame: AgentVerifyFrame) => boolean,
): [string, 'assertive'] | undefined {
  return send({ type: 'verify', conversationId })
    ? undefined
    : [
        'Not connected: the verification request was not sent. Try again when the console reconnects.',
        'assertive',
      ];
}
