/**
 * The identity check inside the reference server: an agent (console `verify`) or the assistant
 * asks for it; the customer's widget gets `verify` frames and answers with `verify-start`,
 * `verify-code` or `verify-cancel`; a push prompt is answered by the cardmember's device through
 * the out-of-band service (`OutOfBand`; the demo's is device.ts). The agent gets `verification`
 * frames with the result only; the conversation's record gets the outcome.
 *
 * Everything here runs inside a store transaction. The code is handed to the out-of-band service
 * after the transaction is stored (so a failed store sends nothing), and is never logged, stored,
 * put in an event or sent to a console: verifier.ts keeps its salted hash only.
 */
import type { VerifyClientFrame, VerifyFrame, VerifyMethod } from '../../src/protocol.js';
import type { Lang } from '../assistant/index.js';
import { broadcast, cancel, later, toOwner } from '../conversation.js';
import type { Conversation } from '../model.js';
import { tx } from '../transaction.js';
import {
  answerPush,
  cancelCheck,
  checkCode,
  expireIfDue,
  frameOf,
  isOpen,
  openCheck,
  startMethod,
  statusOf,
} from './verifier.js';
import type { Verification, VerifierOptions } from './verifier.js';

export type { Verification, VerifierOptions } from './verifier.js';

/** Who the check is for, as the bank's out-of-band service finds their devices. */
export interface Cardmember {
  /** The host's account reference (redacted), if the hello had one. */
  readonly account: string | undefined;
  /** The hash of the token's subject, when the server checks tokens. */
  readonly subject: string | undefined;
}

/**
 * The bank's out-of-band service (push notifications to the signed-in app, a text message):
 * the reference server has the demo's device (device.ts) and nothing else. Its calls happen
 * after the transaction is stored; they must not log or keep the code.
 */
export interface OutOfBand {
  /** The methods that can reach this cardmember (none: the check is not offered). */
  methods(to: Cardmember): VerifyMethod[];
  /** A prompt on the cardmember's devices; the device answers with `secret` (device.ts). */
  push(to: Cardmember, prompt: { conversationId: string; secret: string; lang: Lang }): void;
  /** A one-time code to the cardmember. */
  code(to: Cardmember, code: string, lang: Lang): void;
}

export interface VerificationDeps {
  readonly options: VerifierOptions;
  readonly outOfBand: OutOfBand | undefined;
  readonly log: (entry: Record<string, unknown>) => void;
  /** A check the assistant asked for verified the customer (inside the transaction). */
  readonly assistantVerified?: (conversation: Conversation) => void;
}

/** What a request for a check came to. */
export type RequestResult = 'requested' | 'already-open' | 'unavailable';

export type Verifications = ReturnType<typeof createVerifications>;

export function createVerifications(deps: VerificationDeps) {
  const { options, outOfBand, log } = deps;

  const cardmember = (c: Conversation): Cardmember => ({ account: c.account, subject: c.subject });
  const methodsFor = (c: Conversation): VerifyMethod[] => outOfBand?.methods(cardmember(c)) ?? [];

  /** Tells the customer's widget and the agent where the check stands. */
  function tell(conversation: Conversation, v: Verification): void {
    broadcast(conversation, frameOf(v, methodsFor(conversation), options));
    toOwner(conversation.owner, {
      type: 'verification',
      conversationId: conversation.id,
      status: statusOf(v),
    });
  }

  /** The check ended: its timer goes, the record keeps the outcome, the log the result only. */
  function settled(conversation: Conversation, v: Verification): void {
    if (v.timer !== undefined) cancel(conversation, v.timer);
    delete v.timer;
    const method = v.status === 'verified' ? (v.method ?? null) : null;
    conversation.assistant.agentPart({ kind: 'identity', method });
    if (method !== null && v.by === 'assistant') deps.assistantVerified?.(conversation);
    log({
      msg: 'verification',
      conversation: conversation.id,
      result: v.status === 'verified' ? `verified-${v.method ?? ''}` : (v.reason ?? 'failed'),
    });
  }

  function changed(conversation: Conversation, v: Verification): void {
    tx().touch(conversation);
    if (!isOpen(v)) settled(conversation, v);
    tell(conversation, v);
  }

  /** An agent or the assistant asks for a check. */
  function request(conversation: Conversation, by: Verification['by']): RequestResult {
    if (methodsFor(conversation).length === 0) return 'unavailable';
    const current = conversation.verification;
    if (current !== undefined && isOpen(current) && !expireIfDue(current, options)) {
      tell(conversation, current);
      return 'already-open';
    }
    if (current !== undefined && isOpen(current)) changed(conversation, current);
    const v = openCheck(by, options);
    v.timer = later(conversation, options.ttlMs, { kind: 'verify-expire', id: v.id });
    conversation.verification = v;
    log({ msg: 'verification requested', conversation: conversation.id, by });
    changed(conversation, v);
    return 'requested';
  }

  /** A customer's `verify-*` frame; an error text when it is not about the open check. */
  function customerFrame(conversation: Conversation, frame: VerifyClientFrame): string | undefined {
    const v = conversation.verification;
    if (v === undefined || v.id !== frame.id) return 'No such identity check.';
    if (frame.type === 'verify-cancel') {
      if (cancelCheck(v)) changed(conversation, v);
      else tell(conversation, v);
      return undefined;
    }
    if (frame.type === 'verify-start') {
      if (!methodsFor(conversation).includes(frame.method)) return 'This method is not available.';
      const started = startMethod(v, frame.method, options);
      if ('secret' in started) send(conversation, frame.method, started.secret);
      changed(conversation, v);
      return undefined;
    }
    const verdict = checkCode(v, frame.code, options);
    if (verdict !== 'closed') changed(conversation, v);
    else tell(conversation, v);
    return undefined;
  }

  /** Hands the secret to the out-of-band service once the transaction is stored. */
  function send(conversation: Conversation, method: VerifyMethod, secret: string): void {
    const to = cardmember(conversation);
    const { id, lang } = conversation;
    tx().after(() => {
      if (method === 'code') outOfBand?.code(to, secret, lang);
      else outOfBand?.push(to, { conversationId: id, secret, lang });
    });
  }

  /** The device answered a push prompt; false when it was not this conversation's open prompt. */
  function deviceAnswer(conversation: Conversation, secret: string, approve: boolean): boolean {
    const v = conversation.verification;
    if (v === undefined) return false;
    const verdict = answerPush(v, secret, approve, options);
    if (verdict === 'unknown' || verdict === 'closed') return false;
    changed(conversation, v);
    return true;
  }

  /**
   * The conversation ended (the customer, the agent, the simulated agent): an open check ends with
   * it at once, not verified, before the agent lets go of it, so the console is told and the
   * record says so; a late approval or code then finds it closed. Called after the end's notice,
   * so the widget learns of the end first and closes the strip without a second announcement.
   */
  function conversationEnded(conversation: Conversation): void {
    const v = conversation.verification;
    if (v !== undefined && cancelCheck(v)) changed(conversation, v);
  }

  /** The check's timer is due. */
  function expire(conversation: Conversation, id: string): void {
    const v = conversation.verification;
    if (v?.id !== id) return;
    delete v.timer;
    if (isOpen(v)) {
      // The timer runs on the event loop's clock; the verifier's decides. When that one says it
      // is not due yet, the timer is set again for what is left: an open check always has one.
      if (!expireIfDue(v, options)) {
        const left = Math.max(1, v.expiresAt - options.now());
        v.timer = later(conversation, left, { kind: 'verify-expire', id: v.id });
        return;
      }
      changed(conversation, v);
    }
  }

  /**
   * After a welcome (outside a transaction: it changes nothing): where an open check stands, for
   * the customer's widget; one that has lapsed is said to have expired (its timer settles it).
   */
  function resumeFrame(conversation: Conversation): VerifyFrame | undefined {
    const v = conversation.verification;
    if (v === undefined || !isOpen(v)) return undefined;
    if (options.now() >= v.expiresAt) return { type: 'verify', id: v.id, state: 'failed', reason: 'expired' };
    return frameOf(v, methodsFor(conversation), options);
  }

  return {
    available: outOfBand !== undefined,
    request,
    customerFrame,
    deviceAnswer,
    conversationEnded,
    expire,
    resumeFrame,
  };
}

/** How the customer proved who they are in this conversation, for the board and the header. */
export function verifiedBy(conversation: Conversation): VerifyMethod | undefined {
  const v = conversation.verification;
  return v?.status === 'verified' ? v.method : undefined;
}
