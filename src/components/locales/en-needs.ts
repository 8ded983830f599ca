/**
 * English, the needs form's words (../accommodations/needs-form.ts): they come with the form's
 * chunk (../accommodations/needs-strings.ts), not with the panel's catalogue (./en.ts, which has
 * the "Your needs" button's). Its type is the contract of every other language's.
 */
export const needsEn = {
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
