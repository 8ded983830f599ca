/**
 * English, the accommodations strip's words (../accommodations/accommodations.ts), spread into
 * the panel's catalogue (./en.ts). Its type is the contract of every other language's.
 */
export const needsEn = {
  /** The disclosure on the message box's label row (short: it shares the row). */
  needsButton: 'Your needs',
  /** The button's description for screen readers: what the short name is for. */
  needsAbout:
    'Tell us if you use a screen reader, need more time or a written summary, or are deaf or hard of hearing.',
  /** The form's heading. */
  needsToggle: 'Tell us what you need',
  needsIntro: 'Optional. The agent who helps you will see it.',
  needsLegend: 'What would help you in this chat?',
  needs: {
    'screen-reader': 'I use a screen reader',
    'more-time': 'I need more time',
    'written-summary': 'Please send a written summary',
    hearing: 'I am deaf or hard of hearing',
  },
  needsNote: 'Other (optional)',
  needsNoteHint: 'Do not include card numbers, codes or passwords.',
  needsSave: 'Save',
  needsSkip: 'Not now',
  /** Said when the chat's server is older than the needs feature: nothing was sent, nothing lost. */
  needsRefused:
    'This chat cannot take your needs, so nothing was sent. Your choices are still here; you can tell us in a message instead.',
};
