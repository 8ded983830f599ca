/**
 * English, the element's own words: the launcher and the panel's frame (heading, Close, and the
 * error with Retry shown when the panel's module could not load). They come with the element;
 * the panel's words (./en.ts) come with the panel's module. This file's type is the contract of
 * every other language's `*-element.ts`. See docs/i18n.md.
 */
import type { ElementFormat } from '../i18n-format.js';

export const enElement = (f: ElementFormat) => ({
  launcher: 'Chat with us',
  /** Launcher name with unread messages, e.g. "Chat with us, 2 new messages". */
  launcherUnread: (n: number) =>
    `Chat with us, ${f.plural(n, { one: '# new message', other: '# new messages' })}`,
  heading: 'Customer Care',
  close: 'Close chat',
  /** The panel's module (a file next to the script) could not be loaded. */
  errorLoad: 'The chat could not load. Check your connection and try again, or reload the page.',
  /** Loads the panel's module again; also a message's button when it was not sent. */
  retry: 'Retry',
});
