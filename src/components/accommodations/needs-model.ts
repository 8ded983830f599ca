/**
 * What the "Your needs" strip (./accommodations.ts, in the panel's chunk) and its form
 * (./needs-form.ts, a chunk of its own) share: the strip's callbacks into the panel and the state
 * the form reads and changes. Types only, in a module of their own, so neither file imports the
 * other's types.
 */
import type { Conversation } from '../../conversation/index.js';
import type { Accommodation, Accommodations } from '../../protocol.js';
import type { Finding, SensitiveKind } from '../../redaction/index.js';
import type { Politeness } from '../announcer.js';
import type { Strings } from '../i18n.js';

/** What the strip asks of the panel it sits in. */
export interface NeedsCallbacks {
  t(): Strings;
  conversation(): Conversation | undefined;
  /** What the host knows the customer needs (the `accommodations` property): the first choices. */
  preset(): readonly Accommodation[];
  /** The live check's findings for the note. */
  check(text: string): readonly Finding[];
  announce(text: string, politeness?: Politeness): void;
  /** The note lost sensitive data on its way out: `amex-chat-redacted`, kinds and count only. */
  redacted(summary: { kinds: SensitiveKind[]; count: number }): void;
  focusAfter(id?: string): void;
  /** The customer did something (the inactivity clock starts again, at its new length). */
  active(): void;
}

/** The strip's state, which the form (in its own chunk) reads and changes. */
export interface NeedsState {
  /** The customer asked for the form (it shows once its chunk is here). */
  expanded: boolean;
  /** The boxes ticked in the open form. */
  choice: Set<Accommodation>;
  /** The note the open form starts with (the last stated, redacted). */
  noteFill: string;
  warningKinds: readonly SensitiveKind[];
  /** Sent and not yet acknowledged by the server's notice. */
  sent: Accommodations | undefined;
  /** Saved and not yet answered by the notice: the choices and the note as the customer typed them. */
  held: { needs: readonly Accommodation[]; note: string } | undefined;
  /** The server cannot take needs: the open form says so. */
  refused: boolean;
}
