/**
 * What every view of the console is given: the state to show, the console's own language and
 * locale, and the handlers of what the agent does. Views are functions of this, with no state of
 * their own; they render into the console's light DOM, so the page's stylesheets (each view's
 * `.css` beside it) style them and their IDs (all prefixed with `ids`) share the page's scope.
 */
import type { nothing } from 'lit';
import type { ConsoleState, SignInField } from '../model.js';

export interface ConsoleHandlers {
  signIn: (event: SubmitEvent) => void;
  fieldBlur: (event: FocusEvent) => void;
  signOut: () => void;
  accept: (conversationId: string) => void;
  simulate: (event: Event) => void;
  select: (conversationId: string) => void;
  copyCaseNumber: (caseNumber: string) => void;
  logScroll: (event: Event) => void;
  composerInput: (conversationId: string, event: Event) => void;
  composerKeydown: (event: KeyboardEvent) => void;
  compositionStart: () => void;
  compositionEnd: () => void;
  composerSubmit: (conversationId: string, event: SubmitEvent) => void;
  /** The team select or the note field changed (told apart by the field's name). */
  transferField: (conversationId: string, event: Event) => void;
  transfer: (conversationId: string) => void;
  openEndDialog: () => void;
  closeEndDialog: () => void;
  endDialogClosed: () => void;
  endSummaryInput: (conversationId: string, event: Event) => void;
  confirmEnd: (conversationId: string, event: SubmitEvent) => void;
  /** "Verify identity": asks the server to verify the customer (the result comes back). */
  verify: (conversationId: string) => void;
  /** The documents section: a request for documents (its form's submit) or a Download (a click). */
  documents: (conversationId: string, event: Event) => void;
}

export interface ConsoleView {
  /** The per-instance prefix of every ID. */
  ids: string;
  state: ConsoleState;
  /** `lang` for the console's own words: `nothing` where they inherit English already. */
  lang: string | typeof nothing;
  /** The locale of times. */
  locale: string;
  /** The console clock's time, for waits. */
  now: number;
  /** In development mode, the server the page's address named instead of the configured one. */
  override: string | undefined;
  /** The `/agent` URL of the configured server. */
  configuredUrl: string;
  /** A sign-in field whose error was announced while it had focus (not yet in its description). */
  quietError: SignInField | undefined;
  /** What copying the case number did. */
  copyMessage: string;
  on: ConsoleHandlers;
}
