/**
 * The server's counters (`ChatServer.stats`) and the reports that move them: an unexpected
 * exception, a flood, a refused connection. Each report logs one structured line without
 * message text.
 */
import type { Backpressure } from '../connections.js';
import type { ContactCenterStats } from '../contact-center.js';
import { describeError } from '../errors.js';
import type { Admission } from '../limits.js';

/** What the defences did, for tests and monitoring. */
export interface HardeningStats {
  /** Upgrades and event-stream GETs refused with 429 (too many connections, budget, lockout). */
  refusedConnections: number;
  /** Connections closed for flooding (1008). */
  floods: number;
  /** Clients dropped because too much waited to go out to them (1013). */
  droppedSlow: number;
  /** Most bytes seen waiting for one client, right after a write. */
  peakBuffered: number;
  /** Connections closed for not saying hello in time (4008). */
  helloTimeouts: number;
  /** Agent sign-ins refused for a wrong or missing secret. */
  authFailures: number;
  /** Unexpected exceptions in handlers (answered with `internal`). */
  internalErrors: number;
  /** Messages refused because their connection's or address's work budget was in debt. */
  workRefused: number;
}

export type ServerStats = ContactCenterStats &
  HardeningStats & {
    messages: number;
    /** Customer text the second-line redaction had to change (stays 0 with our widget). */
    redactedByServer: number;
    /** Turns an external bot answered (chat-server/bot-turn.ts). */
    botTurns: number;
    /** Turns meant for the external bot that the built-in assistant answered (failed or busy). */
    botFallbacks: number;
    /** What the redactor found in the external bot's answers. */
    botRedacted: number;
    connections: number;
    errors: number;
  };

export type Log = (entry: Record<string, unknown>) => void;

/** The counters, with those the outgoing-buffer bound keeps read through from it. */
export function createStats(backpressure: Backpressure): ServerStats {
  const stats = {
    messages: 0,
    redactedByServer: 0,
    botTurns: 0,
    botFallbacks: 0,
    botRedacted: 0,
    connections: 0,
    errors: 0,
    queued: 0,
    accepted: 0,
    transfers: 0,
    cases: 0,
    ratings: 0,
    ratingTotal: 0,
    refusedConnections: 0,
    floods: 0,
    droppedSlow: 0,
    peakBuffered: 0,
    helloTimeouts: 0,
    authFailures: 0,
    internalErrors: 0,
    workRefused: 0,
  };
  // Read through, so that the counters stay in one place.
  Object.defineProperties(stats, {
    droppedSlow: { get: () => backpressure.dropped, enumerable: true },
    peakBuffered: { get: () => backpressure.peak, enumerable: true },
  });
  return stats;
}

/** What the parts of the server report; each counts and logs. */
export interface Reports {
  readonly stats: ServerStats;
  readonly log: Log;
  /** An exception a handler did not expect: logged by class and place, answered without detail. */
  readonly internalError: (where: string, error: unknown) => void;
  /** A connection was closed for flooding (1008). */
  readonly flooded: (transport: string) => void;
  /** A connection attempt was refused (429). */
  readonly refused: (admission: Extract<Admission, { ok: false }>, address: string, kind: string) => void;
}

export function createReports(stats: ServerStats, log: Log): Reports {
  return {
    stats,
    log,
    internalError(where, error) {
      stats.internalErrors += 1;
      log({ msg: 'internal error', where, ...describeError(error) });
    },
    flooded(transport) {
      stats.floods += 1;
      log({ msg: 'flood closed', transport });
    },
    refused(admission, address, kind) {
      stats.refusedConnections += 1;
      // At most one line per address every 10 s: a refusal storm must not become a log storm.
      if (admission.log) log({ msg: 'connection refused', reason: admission.reason, address, kind });
    },
  };
}
