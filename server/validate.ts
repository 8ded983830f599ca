/**
 * The reference server's check of every client frame against the protocol (src/protocol.ts
 * for customers, src/agent-protocol.ts for agent consoles), with an error that names the field
 * at fault ("hello.lang must be a string of at most 16 characters."). Fields a frame does not
 * define are ignored; the frame returned is rebuilt from the known fields only.
 *
 * Lengths that are the customer's or agent's own text (`message.text`, `say.text`,
 * `end.summary`) are checked by the handlers, which answer `too-long` with the message id.
 * Error texts never quote what the client sent.
 */
import type { AgentClientFrame } from '../src/agent-protocol.js';
import { TEAMS, isTeam } from '../src/protocol.js';
import type { ClientFrame, HelloFrame } from '../src/protocol.js';

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

/** An agent-hello, with the console's shared secret if it sent one. */
export type AgentHello = Extract<AgentClientFrame, { type: 'agent-hello' }> & { secret?: string };
export type CheckedAgentFrame = Exclude<AgentClientFrame, { type: 'agent-hello' }> | AgentHello;

export type Checked<F> =
  | { ok: true; frame: F }
  /** `id`: the message id the error is about, when the frame had a usable one. */
  | { ok: false; error: string; id?: string };

type Data = Record<string, unknown>;

/** Thrown inside a check; caught by it. Never leaves this module. */
class FieldError extends Error {}

function isObject(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses one frame: JSON, an object, a string `type`. `undefined` plus an error otherwise.
 */
export function readFrame(raw: string): { data: Data & { type: string } } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { error: 'The frame is not valid JSON.' };
  }
  if (!isObject(data)) return { error: 'The frame must be a JSON object.' };
  if (!Object.hasOwn(data, 'type') || typeof data['type'] !== 'string') {
    return { error: 'The frame has no string type.' };
  }
  return { data: data as Data & { type: string } };
}

function field(data: Data, name: string): unknown {
  return Object.hasOwn(data, name) ? data[name] : undefined;
}

function text(
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

function flag(data: Data, frame: string, name: string): boolean {
  const value = field(data, name);
  if (typeof value !== 'boolean') throw new FieldError(`${frame}.${name} must be true or false.`);
  return value;
}

function team(data: Data, frame: string): (typeof TEAMS)[number] {
  const value = field(data, 'team');
  if (!isTeam(value)) throw new FieldError(`${frame}.team must be one of ${TEAMS.join(', ')}.`);
  return value;
}

/** The message id of a frame, if it has a usable one (for errors about that message). */
export function messageIdOf(data: Data): string | undefined {
  const id = field(data, 'id');
  return typeof id === 'string' && id.length > 0 && id.length <= FIELD_LIMITS.id ? id : undefined;
}

function run<F>(data: Data, check: () => F): Checked<F> {
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
      default:
        throw new FieldError('type is not a known frame type.');
    }
  });
}

/** Checks an agent console frame (src/agent-protocol.ts). */
export function checkAgentFrame(data: Data & { type: string }): Checked<CheckedAgentFrame> {
  const conversationId = (frame: string): string =>
    text(data, frame, 'conversationId', 1, FIELD_LIMITS.id, false) ?? '';
  return run<CheckedAgentFrame>(data, () => {
    switch (data.type) {
      case 'agent-hello': {
        const v = text(data, 'agent-hello', 'v', 1, FIELD_LIMITS.version, false) ?? '';
        const name = (text(data, 'agent-hello', 'name', 1, FIELD_LIMITS.agentName, false) ?? '').trim();
        if (name === '') throw new FieldError('agent-hello.name must not be blank.');
        const frame: AgentHello = { type: 'agent-hello', v, name, team: team(data, 'agent-hello') };
        const secret = text(data, 'agent-hello', 'secret', 0, FIELD_LIMITS.secret, true);
        if (secret !== undefined) frame.secret = secret;
        return frame;
      }
      case 'accept':
        return { type: 'accept', conversationId: conversationId('accept') };
      case 'say': {
        const id = conversationId('say');
        const messageId = text(data, 'say', 'id', 1, FIELD_LIMITS.id, false) ?? '';
        const body = text(data, 'say', 'text', 0, Number.MAX_SAFE_INTEGER, false) ?? '';
        return { type: 'say', conversationId: id, id: messageId, text: body };
      }
      case 'typing':
        return {
          type: 'typing',
          conversationId: conversationId('typing'),
          active: flag(data, 'typing', 'active'),
        };
      case 'transfer':
        return { type: 'transfer', conversationId: conversationId('transfer'), team: team(data, 'transfer') };
      case 'end': {
        const id = conversationId('end');
        const summary = text(data, 'end', 'summary', 0, Number.MAX_SAFE_INTEGER, false) ?? '';
        return { type: 'end', conversationId: id, summary };
      }
      case 'simulate':
        return { type: 'simulate', enabled: flag(data, 'simulate', 'enabled') };
      case 'ping':
        return { type: 'ping' };
      default:
        throw new FieldError('type is not a known frame type.');
    }
  });
}
