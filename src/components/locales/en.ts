/**
 * English, the panel's words: everything but the element's own (./en-element.ts). They come with
 * the panel's module, not with the launcher. This file's type is the contract of every other
 * language's catalogue (a key missing from one is a type error). Numbers, plurals, lists,
 * durations and times come from `f` (Intl, for the page's whole tag: "en-GB" writes 19:34).
 * See docs/i18n.md.
 */
import type { Format } from '../i18n-format.js';

export const en = (f: Format) => ({
  /** A part in a chunk of its own could not load (on-demand/on-demand.ts): what it was for, then Retry. */
  partRetry: 'Try again',
  verifyUnavailable:
    'Customer Care asked to confirm your identity, but this step could not load. Check your connection, then try again.',
  uploadUnavailable:
    'Customer Care asked for documents, but the form to send them could not load. Check your connection, then try again.',
  /** The disclosure on the message box's label row (short: it shares the row). */
  needsButton: 'Your needs',
  /** The button's description for screen readers: what the short name is for. */
  needsAbout:
    'Tell us if you use a screen reader, need more time or a written summary, or are deaf or hard of hearing.',
  needsUnavailable: 'The form for your needs could not load. Check your connection, then try again.',
  /** Said when a message arrives while the panel is closed: "New message from Maria, live agent." */
  newMessage: (sender: string) => `New message from ${sender}.`,
  conversation: 'Conversation',
  composerLabel: 'Type your message',
  composerPlaceholder: 'Ask us anything',
  composerHint: 'Enter sends, Shift+Enter adds a line.',
  send: 'Send',
  /** Sender names, lower case; capitalized on their own ("Virtual assistant", "Notice", "You"). */
  roles: { customer: 'you', assistant: 'virtual assistant', agent: 'live agent', system: 'notice' },
  sending: 'Sending…',
  sent: 'Sent',
  failed: 'Not sent.',
  typing: (name: string) => `${name} is typing…`,
  connecting: 'Connecting…',
  connected: 'Connected.',
  reconnecting: 'Connection lost. Reconnecting…',
  unreachable: "We can't reach Customer Care right now. Trying again…",
  offline: "You're offline. We'll send your messages when you're back.",
  restarted:
    'We could not restore the earlier part of this chat, so a new conversation has started. Messages that had not been sent yet were sent now.',
  errorEmpty: 'Type a message before sending.',
  errorTooLong: (max: number) => `Your message is too long. Shorten it to ${f.num(max)} characters or fewer.`,
  errorClosed: 'This chat has ended. Your message was not sent.',
  errorServer: 'The message could not be sent. You can retry.',
  errorEndpoint: 'Chat is not available right now.',
  errorAuth: "We couldn't verify your session. Sign in again to chat with us.",
  /** In the transcript: a malformed frame from the server was dropped. */
  errorInvalidFrame: 'Part of this conversation could not be shown.',
  errorOutboxFull:
    'Too many messages are waiting to be sent. Your message is kept here; send it when you are back online.',
  /** Shown when `redaction="block"` stopped a message; `what` lists what to remove. */
  errorBlocked: (what: string) =>
    `Not sent: remove ${what} first. For your security, never share it in chat.`,
  /** Live warning while typing; `what` names the kinds ("a card number and a security code"). */
  warning: (what: string) =>
    `Warning: your message contains ${what}. For your security it will be removed before sending.`,
  warningMasked: 'Some details were removed from your message for your security.',
  kinds: {
    card: 'a card number',
    cvv: 'a security code',
    ssn: 'a Social Security number',
    otp: 'a one-time code or PIN',
    password: 'a password',
  },
  /** "You're number 2 in line." */
  queuePosition: (p: number) =>
    p === 1 ? "You're next in line for an agent." : `You're number ${f.num(p)} in line for an agent.`,
  /** "Estimated wait: about 4 minutes." (`s` in seconds) */
  queueWait: (s: number) =>
    s < 60
      ? 'Estimated wait: less than a minute.'
      : s < 90
        ? 'Estimated wait: about a minute.'
        : `Estimated wait: about ${f.duration(s)}.`,
  leaveQueue: 'Leave the line',
  endChat: 'End chat',
  endConfirm: "End this chat? You'll get a reference number and a summary.",
  endConfirmYes: 'Yes, end chat',
  keepChatting: 'Keep chatting',
  endedHeading: 'Chat ended',
  referenceNumber: 'Reference number',
  summary: 'Summary',
  downloadTranscript: 'Download transcript',
  printTranscript: 'Print transcript',
  /** Title of the transcript file and print view: "Customer Care chat transcript" (the panel heading). */
  transcriptTitle: (heading: string) => `${heading} chat transcript`,
  /** "Saved November 25, 2026 at 2:05 PM" line of the transcript (`when` as Intl writes it). */
  transcriptSaved: (when: string) => `Saved ${when}`,
  popupBlocked: 'The print view could not open. Allow pop-ups for this site, or download the transcript.',
  ratingLegend: 'How was this chat?',
  /** Names of the scores 1–5. */
  ratingLabels: ['1, poor', '2, fair', '3, good', '4, very good', '5, excellent'] as [
    string,
    string,
    string,
    string,
    string,
  ],
  ratingSubmit: 'Send rating',
  ratingThanks: 'Thank you for rating this chat.',
  ratingMissing: 'Choose a rating from 1 to 5 first.',
  /** Inactivity warning with the time left: "Are you still there? …". */
  idleWarning: (s: number) =>
    `Are you still there? This chat will end in ${f.duration(s)} because there has been no activity.`,
  idleContinue: 'Continue chat',
  idleEnded: 'This chat ended because there was no activity for a while.',
  /** Live while typing: the draft is `over` characters longer than `max`. */
  tooLong: (over: number, max: number) =>
    `Your message is ${f.plural(over, { one: '# character', other: '# characters' })} too long. Shorten it to ${f.num(max)} characters or fewer.`,
  /** The urgent call link: "Call us now: 1-800-…". */
  callUrgent: (phone: string) => `Call us now: ${phone}`,
  /** The tab's title while replies wait in a background tab: "(2) New messages – Your account". */
  titleCount: (n: number, title: string) =>
    `${f.plural(n, { one: '(#) New message', other: '(#) New messages' })}${title ? ` – ${title}` : ''}`,
  /** A system notification's only text (`notify`): no message, no name. */
  notificationTitle: (heading: string) => `New message from ${heading}`,
  notifyOffer: 'Get a notification when a reply arrives while this tab is in the background.',
  notifyButton: 'Turn on notifications',
  notifyGranted: 'Notifications are on.',
  notifyDenied: "Notifications are off. You can allow them in your browser's settings for this site.",
});
