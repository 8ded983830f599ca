/**
 * The one check of client frames, against the protocol (frames.ts for customers; check-agent.ts
 * holds the agent console's frames): the reference server answers its error, which names the
 * field at fault ("hello.lang must be a string of at most 16 characters."), as `bad-frame`; a
 * leader tab reads its followers' frames with it (`parseClientFrame`). Fields a frame does not
 * define are ignored; the frame returned is rebuilt from the known fields only.
 *
 * Lengths that are the customer's or agent's own text (`message.text`, `say.text`,
 * `end.summary`) are checked by the server's handlers, which answer `too-long` with the message
 * id. Error texts never quote what the client sent.
 */
import { CODE_PATTERN, TEAMS, VERIFY_METHODS, isTeam, isVerifyMethod } from './frames.js';
import type { ClientFrame, HelloFrame } from './frames.js';
import { isObject, parseFrameObject } from './parse.js';
import { ACCOMMODATIONS, readNeeds } from './accommodations.js';

/** Field limits (UTF-16 code units). */
export const FIELD_LIMITS = {
  version: 16,
  lang: 16,
  account: 64,
  token: 4096,
  /** Message ids and conversation ids. */
  id: 64,
  agentName: 40,
  secret: 256,
  /** A resume key (43 base64url characters as minted; a little room). */
  resumeKey: 64,
  /** A tab's public key (RSA-2048 SPKI in base64 is 392 characters). */
  publicKey: 1024,
} as const;

export type Checked<F> =
  | { ok: true; frame: F }
  /** `id`: the message id the error is about, when the frame had a usable one. */
  | { ok: false; error: string; id?: string };

export type Data = Record<string, unknown>;

/** Thrown inside a check; caught by `run`. Never leaves the checks. */
export class FieldError extends Error {}

/** A field of the frame's own (never one inherited from the prototype). */
export function field(data: Data, name: string): unknown {
  return Object.hasOwn(data, name) ? data[name] : undefined;
}

/** A string field of `frame`, `min`–`max` long; `optional`: it may be absent (undefined). */
export function text(
  data: Data,
  frame: string,
  name: string,
  min: number,
  max: number,
  optional: boolean,
): string | undefined {
  const value = field(data, name);
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string') throw new FieldError(`${frame}.${name} must be a string.`);
  if (value.length < min || value.length > max) {
    throw new FieldError(
      min > 0
        ? `${frame}.${name} must be ${min}–${max} characters.`
        : `${frame}.${name} must be at most ${max} characters.`,
    );
  }
  return value;
}

/** A boolean field of `frame`. */
export function flag(data: Data, frame: string, name: string): boolean {
  const value = field(data, name);
  if (typeof value !== 'boolean') throw new FieldError(`${frame}.${name} must be true or false.`);
  return value;
}

/** The `team` field of `frame`: one of TEAMS. */
export function team(data: Data, frame: string): (typeof TEAMS)[number] {
  const value = field(data, 'team');
  if (!isTeam(value)) throw new FieldError(`${frame}.team must be one of ${TEAMS.join(', ')}.`);
  return value;
}

/** The message id of a frame, if it has a usable one (for errors about that message). */
export function messageIdOf(data: Data): string | undefined {
  const id = field(data, 'id');
  return typeof id === 'string' && id.length > 0 && id.length <= FIELD_LIMITS.id ? id : undefined;
}

/** Runs a check: its frame, or the error of the first field at fault (with the message id). */
export function run<F>(data: Data, check: () => F): Checked<F> {
  try {
    return { ok: true, frame: check() };
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    const id = data['type'] === 'message' || data['type'] === 'say' ? messageIdOf(data) : undefined;
    return id === undefined ? { ok: false, error: error.message } : { ok: false, error: error.message, id };
  }
}

function hello(data: Data): HelloFrame {
  const frame: HelloFrame = {
    type: 'hello',
    v: text(data, 'hello', 'v', 1, FIELD_LIMITS.version, false) ?? '',
    lang: text(data, 'hello', 'lang', 0, FIELD_LIMITS.lang, false) ?? '',
  };
  const account = text(data, 'hello', 'account', 0, FIELD_LIMITS.account, true);
  if (account !== undefined) frame.account = account;
  const token = text(data, 'hello', 'token', 0, FIELD_LIMITS.token, true);
  if (token !== undefined) frame.token = token;
  const resume = field(data, 'resume');
  if (resume !== undefined) {
    if (!isObject(resume)) throw new FieldError('hello.resume must be an object.');
    const conversationId = text(resume, 'hello.resume', 'conversationId', 1, FIELD_LIMITS.id, false) ?? '';
    const lastSeq = field(resume, 'lastSeq');
    if (typeof lastSeq !== 'number' || !Number.isSafeInteger(lastSeq) || lastSeq < 0) {
      throw new FieldError('hello.resume.lastSeq must be a non-negative integer.');
    }
    frame.resume = { conversationId, lastSeq };
    const key = text(resume, 'hello.resume', 'key', 1, FIELD_LIMITS.resumeKey, true);
    if (key !== undefined) frame.resume.key = key;
  }
  return frame;
}

/** Checks a customer frame (src/protocol.ts). */
export function checkClientFrame(data: Data & { type: string }): Checked<ClientFrame> {
  return run<ClientFrame>(data, () => {
    switch (data.type) {
      case 'hello':
        return hello(data);
      case 'message': {
        const id = text(data, 'message', 'id', 1, FIELD_LIMITS.id, false) ?? '';
        const body = text(data, 'message', 'text', 0, Number.MAX_SAFE_INTEGER, false) ?? '';
        if (body.trim() === '') throw new FieldError('message.text is empty.');
        return { type: 'message', id, text: body };
      }
      case 'typing':
        return { type: 'typing', active: flag(data, 'typing', 'active') };
      case 'ping':
        return { type: 'ping' };
      case 'leave-queue':
        return { type: 'leave-queue' };
      case 'end':
        return { type: 'end' };
      case 'rating': {
        const score = field(data, 'score');
        if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5) {
          throw new FieldError('rating.score must be an integer from 1 to 5.');
        }
        return { type: 'rating', score };
      }
      case 'accommodations': {
        const needs = readNeeds(field(data, 'needs'));
        if (!needs) {
          throw new FieldError(`accommodations.needs must list some of ${ACCOMMODATIONS.join(', ')}.`);
        }
        // Its length is checked by the server's handler (too-long), like a message's text.
        const note = text(data, 'accommodations', 'note', 0, Number.MAX_SAFE_INTEGER, true)?.trim();
        return note ? { type: 'accommodations', needs, note } : { type: 'accommodations', needs };
      }
      case 'tab-join':
        return {
          type: 'tab-join',
          ref: text(data, 'tab-join', 'ref', 1, FIELD_LIMITS.id, false) ?? '',
          sealed: text(data, 'tab-join', 'sealed', 1, FIELD_LIMITS.token * 2, false) ?? '',
        };
      case 'tab-key':
        return {
          type: 'tab-key',
          ref: text(data, 'tab-key', 'ref', 1, FIELD_LIMITS.id, false) ?? '',
          publicKey: text(data, 'tab-key', 'publicKey', 1, FIELD_LIMITS.publicKey, false) ?? '',
        };
      case 'verify-start': {
        const id = text(data, 'verify-start', 'id', 1, FIELD_LIMITS.id, false) ?? '';
        const method = field(data, 'method');
        if (!isVerifyMethod(method)) {
          throw new FieldError(`verify-start.method must be one of ${VERIFY_METHODS.join(', ')}.`);
        }
        return { type: 'verify-start', id, method };
      }
      case 'verify-code': {
        const id = text(data, 'verify-code', 'id', 1, FIELD_LIMITS.id, false) ?? '';
        const code = field(data, 'code');
        // The error never quotes the code.
        if (typeof code !== 'string' || !CODE_PATTERN.test(code)) {
          throw new FieldError('verify-code.code must be 4–10 digits.');
        }
        return { type: 'verify-code', id, code };
      }
      case 'verify-cancel':
        return {
          type: 'verify-cancel',
          id: text(data, 'verify-cancel', 'id', 1, FIELD_LIMITS.id, false) ?? '',
        };
      default:
        throw new FieldError('type is not a known frame type.');
    }
  });
}

/** Parses a client frame; `undefined` for anything that is not a well-formed frame. */
export function parseClientFrame(raw: string): ClientFrame | undefined {
  const data = parseFrameObject(raw);
  const checked = data && checkClientFrame(data);
  if (!data || !checked?.ok) return undefined;
  // Between tabs only (the server never reads it): a follower's proof, checked by the leader tab.
  const join = data['join'];
  if (checked.frame.type === 'hello' && typeof join === 'string') checked.frame.join = join;
  return checked.frame;
}
