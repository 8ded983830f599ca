/** The identity check's frames the browser tests push from a scripted server (protocol 1.5 `verify`). */
import type { VerifyFrame } from '../../src/protocol.js';

/** The check is asked for: push or a one-time code. */
export const CHOOSE: Extract<VerifyFrame, { state: 'choose' }> = {
  type: 'verify',
  id: 'v1',
  state: 'choose',
  methods: ['push', 'code'],
  expiresIn: 300,
};

/** A code went to the customer's phone; three tries. */
export const CODE_SENT: Extract<VerifyFrame, { state: 'code-sent' }> = {
  type: 'verify',
  id: 'v1',
  state: 'code-sent',
  expiresIn: 280,
  triesLeft: 3,
};
