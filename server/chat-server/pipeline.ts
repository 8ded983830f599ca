/**
 * The frame pipeline of a client connection: read (raw decoding, the protocol check) → budget
 * (frames and work, per connection and per address; a flood closes with 1008) → validate →
 * transaction (`store.run`; an exception answers `internal`, a store failure closes with 1011)
 * → effects. The steps every endpoint shares are written here once, with the hello timer
 * (4008), the version check and the second-line redaction; an endpoint composes them around
 * its own frames.
 */
import type { RawData } from 'ws';
import { MAX_MESSAGE_LENGTH, PROTOCOL_VERSION, majorVersion } from '../../src/protocol.js';
import type { ClientFrame, ErrorCode, ErrorFrame } from '../../src/protocol.js';
import { redact } from '../../src/redaction/index.js';
import type { FrameBudget } from '../limits.js';
import type { ReadFrame, Store } from '../store.js';
import { checkClientFrame, messageIdOf } from '../../src/protocol/check.js';
import { readFrame } from '../../src/protocol/parse.js';

/**
 * What the pipeline reports (the server's `Reports` is one): the counters it moves, the log,
 * and the two events it cannot answer alone. Narrow, so that any endpoint can use the pipeline.
 */
export interface PipelineReports {
  readonly stats: { errors: number; workRefused: number; helloTimeouts: number; redactedByServer: number };
  readonly log: (entry: Record<string, unknown>) => void;
  readonly internalError: (where: string, error: unknown) => void;
  readonly flooded: (transport: string) => void;
}

/** The side of a connection the pipeline needs: what it answers at once, and how it closes. */
export interface FramePort {
  /** The transport, as logs name it. */
  readonly kind: string;
  readonly closed: boolean;
  /** Sends a frame now, outside any transaction. */
  sendNow(frame: ErrorFrame | { type: 'pong' }): void;
  /** `hard`: stop reading and cut the connection soon even if the peer does not answer. */
  close(code: number, reason: string, hard?: boolean): void;
}

/** The text of a WebSocket frame; `null` for a binary one (which no protocol has). */
export function decodeRaw(data: RawData, isBinary: boolean): string | null {
  if (isBinary) return null;
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return data instanceof ArrayBuffer ? Buffer.from(data).toString('utf8') : data.toString('utf8');
}

/** An error frame, counted in `stats.errors`. */
export function errorFrame(
  reports: PipelineReports,
  code: ErrorCode,
  message: string,
  id?: string,
): ErrorFrame {
  reports.stats.errors += 1;
  const frame: ErrorFrame = { type: 'error', code, message };
  if (id !== undefined) frame.id = id;
  return frame;
}

/** An error sent at once (before any transaction: rate limits, malformed frames). */
export function failNow(
  port: FramePort,
  reports: PipelineReports,
  code: ErrorCode,
  text: string,
  id?: string,
): void {
  port.sendNow(errorFrame(reports, code, text, id));
}

/** A connection refused too often is a flood: counted, logged and cut (1008). */
function refusedFrame(port: FramePort, reports: PipelineReports, verdict: 'limited' | 'flood'): void {
  if (verdict !== 'flood') return;
  reports.flooded(port.kind);
  port.close(1008, 'rate limit exceeded', true);
}

/**
 * The frame budget step: every frame, well-formed or not, takes from its connection's and its
 * address's budget. False (answered `rate-limited` about message `id`) when it found none.
 */
export function takeFrame(
  port: FramePort,
  reports: PipelineReports,
  budget: FrameBudget,
  id?: string,
): boolean {
  const verdict = budget.take();
  if (verdict === 'ok') return true;
  failNow(port, reports, 'rate-limited', 'Too many frames; slow down.', id);
  refusedFrame(port, reports, verdict);
  return false;
}

/** A frame refused for work (its connection's or address's work budget is in debt). */
export function refuseWork(
  port: FramePort,
  reports: PipelineReports,
  budget: FrameBudget,
  id?: string,
): void {
  reports.stats.workRefused += 1;
  failNow(port, reports, 'rate-limited', 'Too much work at once; slow down.', id);
  refusedFrame(port, reports, budget.refuse());
}

/**
 * The work a frame costs, in characters (0: too little to count): a message its length
 * (redaction and the assistant read every one; a longer one is refused `too-long` unread) plus
 * 100 for the frame; a tab key or a tab's join (RSA, storing) as much as the longest message.
 * Counted, not timed, so that a busy or cold server does not turn its own slowness into refusals.
 */
export function workOf(frame: ClientFrame | undefined): number {
  if (frame?.type === 'message') return Math.min(frame.text.length, MAX_MESSAGE_LENGTH) + 100;
  // An identity check's step sends a code or hashes one (slow on purpose): as much as a tab key.
  const heavy = ['tab-key', 'tab-join', 'verify-start', 'verify-code'];
  return frame !== undefined && heavy.includes(frame.type) ? MAX_MESSAGE_LENGTH + 100 : 0;
}

/** Reads and checks a raw customer frame (`null`: a binary WebSocket frame). */
export function readClient(raw: string | null): ReadFrame {
  const read = raw === null ? { error: 'Binary frames are not supported.' } : readFrame(raw);
  if ('error' in read) return { error: read.error };
  const messageId = read.data.type === 'message' ? messageIdOf(read.data) : undefined;
  const checked = checkClientFrame(read.data);
  const out: ReadFrame = checked.ok ? { frame: checked.frame } : { error: checked.error };
  if (!checked.ok && checked.id !== undefined) out.errorId = checked.id;
  if (messageId !== undefined) out.messageId = messageId;
  return out;
}

/**
 * The transaction step: `step` runs in `store.run` (about conversation `about`, which the store
 * may have to fetch). An exception it did not expect is logged and answered by `internal`;
 * a store failure (Redis unreachable, or this instance lost its lock) acknowledged nothing, so
 * the connection is closed (1011) and the client reconnects, to another instance, and resends.
 */
export function transact(
  store: Store,
  port: FramePort,
  reports: PipelineReports,
  where: string,
  step: () => void,
  internal: () => void,
  about?: string,
): void {
  store
    .run(() => {
      try {
        step();
      } catch (error) {
        reports.internalError(where, error);
        internal();
      }
    }, about)
    .catch((error: unknown) => {
      reports.internalError(`${where} (store)`, error);
      port.close(1011, 'try again');
    });
}

/** Closes a connection that has not said hello within `ms` (4008). */
export function startHelloTimer(
  port: FramePort,
  reports: PipelineReports,
  ms: number,
  greeted: () => boolean,
): ReturnType<typeof setTimeout> {
  const timer = setTimeout(() => {
    if (greeted() || port.closed) return;
    reports.stats.helloTimeouts += 1;
    reports.log({ msg: 'hello timeout', transport: port.kind });
    port.close(4008, 'hello timeout', true);
  }, ms);
  timer.unref();
  return timer;
}

/** Why a hello's version is refused (`unsupported-version`, then close 4000); undefined if it is not. */
export function versionRefusal(v: string): string | undefined {
  return majorVersion(v) === majorVersion(PROTOCOL_VERSION)
    ? undefined
    : `Protocol ${v} is not supported; this server speaks ${PROTOCOL_VERSION}.`;
}

/**
 * Second line of defence: the widget already redacted a customer's text; whatever it missed is
 * redacted here, counted and logged (by number of findings, never the text).
 */
export function redactAgain(reports: PipelineReports, text: string, conversationId?: string): string {
  const checked = redact(text);
  if (checked.findings.length > 0) {
    reports.stats.redactedByServer += checked.findings.length;
    reports.log({
      msg: 'server redaction',
      ...(conversationId === undefined ? {} : { conversation: conversationId }),
      findings: checked.findings.length,
    });
  }
  return checked.text;
}
