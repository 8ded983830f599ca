/**
 * The agent console endpoint (`/agent`): a console's socket, once upgraded, with its frame
 * budget (its own and its address's) and its address's sign-in bookkeeping, handed to the
 * contact center, which speaks src/agent-protocol.ts with it.
 */
import type { WebSocket } from 'ws';
import type { ContactCenter } from '../contact-center.js';
import { FrameBudget, RateLimiter } from '../limits.js';
import type { Admission } from '../limits.js';
import type { Settings } from './options.js';
import type { Reports } from './stats.js';

/** An admission that let a connection in. */
export type Admitted = Extract<Admission, { ok: true }>;

export function connectAgent(
  ws: WebSocket,
  admission: Admitted,
  deps: { settings: Settings; center: Pick<ContactCenter, 'connectAgent'>; reports: Reports },
): void {
  const { rate, floodLimit } = deps.settings;
  deps.center.connectAgent(ws, {
    budget: new FrameBudget(new RateLimiter(rate.burst, rate.perSecond), admission.bucket, floodLimit),
    signedIn: admission.signedIn,
    authFailed: () => {
      deps.reports.stats.authFailures += 1;
      admission.authFailed();
    },
  });
}
