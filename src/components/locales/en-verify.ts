/**
 * English, the identity check's words (../verify-panel/verify-panel.ts). They load with the
 * identity check's chunk, not with the panel's catalogue (./en.ts), and are read through
 * ../verify-panel/verify-strings.ts. Its type is the contract of every other language's.
 */
import type { Format } from '../i18n-format.js';

export const verifyEn = (f: Format) => ({
  verifyHeading: 'Confirm it’s you',
  verifyIntro: 'Customer Care asked to confirm your identity. Never share a code in the chat.',
  /** `at`: ms since the epoch. */
  verifyExpires: (at: number) => `This request expires at ${f.time(new Date(at))}.`,
  verifyPush: 'Approve on my phone',
  verifyCode: 'Send me a code',
  verifyCancel: 'Not now',
  verifyPushSent: 'We sent a prompt to your phone where you are signed in. Approve it there.',
  verifyCodeSent: 'We sent a one-time code to your phone.',
  verifyCodeLabel: 'One-time code',
  verifyCodeHint: 'Type it here, not in the chat.',
  verifySubmit: 'Confirm',
  verifyResend: 'Send a new code',
  verifyUseCode: 'Use a code instead',
  verifyCodeFormat: 'Enter the code: digits only.',
  verifyWrong: (left: number) =>
    `That code is incorrect. ${f.plural(left, { one: 'You have 1 more try.', other: `You have ${f.num(left)} more tries.` })}`,
  verifyOffline: 'You are not connected. Try again when the chat reconnects.',
  verifyOtherTab: 'Finish this in the tab where the chat started.',
  verifyTooFast: 'That was too quick. Wait a moment, then type the code again.',
  verified: (method: 'push' | 'code'): string =>
    method === 'push'
      ? 'Your identity is confirmed with the prompt on your phone.'
      : 'Your identity is confirmed with the code.',
  verifyFailed: {
    expired: 'The request expired. The agent can send a new one.',
    denied: 'You declined the prompt on your phone, so your identity was not confirmed.',
    'too-many-tries': 'Too many incorrect codes. The agent can send a new request.',
    cancelled: 'You chose not to confirm your identity now.',
  },
  verifyClose: 'Close',
});
