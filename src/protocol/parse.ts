/**
 * Reading frames off the wire: the JSON object with a string `type` every frame is, and the
 * server frames a client reads, every field checked, so that nothing a server got wrong reaches
 * the transcript or the DOM. (Client frames are checked in check.ts.)
 */
import { MAX_EVENTS_PER_FRAME, MAX_MESSAGE_LENGTH, isTeam } from './frames.js';
import { parseUploadRequestFrame } from './upload.js';
import { readAccommodationsNotice } from './accommodations.js';
import { parseVerifyFrame } from './verify.js';
import type {
  AckFrame,
  ChatEvent,
  ErrorFrame,
  EventFrame,
  EventsFrame,
  QueueFrame,
  Role,
  ServerFrame,
  TypingStateFrame,
  WelcomeFrame,
} from './frames.js';

/** Whether `value` is a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads one frame: JSON, an object, a string `type`; otherwise an error that says which (and
 * never quotes the frame).
 */
export function readFrame(
  raw: string,
): { data: Record<string, unknown> & { type: string } } | { error: string } {
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
  return { data: data as Record<string, unknown> & { type: string } };
}

/** Parses one frame's JSON; `undefined` unless it is an object with a string `type`. */
export function parseFrameObject(raw: string): (Record<string, unknown> & { type: string }) | undefined {
  const read = readFrame(raw);
  return 'data' in read ? read.data : undefined;
}

/**
 * Parses a server frame; `undefined` for anything that is not a well-formed frame, every field
 * checked (one bad field must not break the widget's rendering), or of a type this client does
 * not know. `dropped` is called once per malformed frame, and once per malformed event of an
 * `events` frame (dropped alone: the others apply), with the event's `seq` when that is valid;
 * not for an unknown type (a newer server's), which is ignored.
 */
export function parseServerFrame(raw: string, dropped?: (seq?: number) => void): ServerFrame | undefined {
  const data = parseFrameObject(raw);
  const frame = data && serverFrame(data, dropped);
  if (frame === undefined) dropped?.(seqOf(data?.['event']));
  return frame || undefined;
}

/** A frame; `undefined` when malformed, `false` when of a type this client does not know. */
function serverFrame(
  data: Record<string, unknown>,
  dropped?: (seq?: number) => void,
): ServerFrame | false | undefined {
  switch (data['type']) {
    case 'welcome': {
      if (!isId(data['conversationId']) || typeof data['v'] !== 'string') return undefined;
      const lastSeq = data['lastSeq'];
      if (!(Number.isSafeInteger(lastSeq) && (lastSeq as number) >= 0)) delete data['lastSeq'];
      // (1.4) Like a bad lastSeq, a resume key that is not a string is left out.
      if (!isString(data['resumeKey'], SHORT)) delete data['resumeKey'];
      if (!isString(data['sealKey'], 1024)) delete data['sealKey'];
      return data as unknown as WelcomeFrame;
    }
    case 'event':
      return isEvent(data['event']) ? (data as unknown as EventFrame) : undefined;
    case 'events': {
      // A malformed event is dropped alone (and its seq skipped: see Conversation).
      const events = data['events'];
      if (!Array.isArray(events) || events.length > MAX_EVENTS_PER_FRAME) return undefined;
      data['events'] = events.filter((event) => {
        if (isEvent(event)) return true;
        dropped?.(seqOf(event));
        return false;
      });
      return data as unknown as EventsFrame;
    }
    case 'ack':
      return isId(data['id']) && isCount(data['seq'], 1) ? (data as unknown as AckFrame) : undefined;
    case 'typing':
      return isRole(data['from']) && isString(data['name'], SHORT) && typeof data['active'] === 'boolean'
        ? (data as unknown as TypingStateFrame)
        : undefined;
    case 'pong':
      return { type: 'pong' };
    case 'tab-join':
      return isId(data['ref']) && typeof data['ok'] === 'boolean'
        ? { type: 'tab-join', ref: data['ref'], ok: data['ok'] }
        : undefined;
    case 'tab-key':
      // A sealed 256-bit key is 344 base64 characters for RSA-2048, 684 for RSA-4096.
      return isId(data['ref']) && isString(data['sealed'], 1024)
        ? { type: 'tab-key', ref: data['ref'], sealed: data['sealed'] }
        : undefined;
    case 'queue':
      if (data['waiting'] === false) return { type: 'queue', waiting: false };
      return data['waiting'] === true &&
        isCount(data['position']) &&
        isCount(data['etaSeconds']) &&
        isTeam(data['team'])
        ? (data as unknown as QueueFrame)
        : undefined;
    case 'verify':
      return parseVerifyFrame(data);
    case 'upload-request':
      return parseUploadRequestFrame(data);
    case 'error':
      // A code this client does not know (a newer server's) is kept: it acts only on those it knows.
      return isId(data['code']) &&
        typeof data['message'] === 'string' &&
        [data['id'], data['conversationId']].every((value) => value === undefined || isId(value))
        ? (data as unknown as ErrorFrame)
        : undefined;
    default:
      return false;
  }
}

/** Longest id, name or other short string a server may send (ids, names, case numbers). */
const SHORT = 256;
/** Most quick replies one event may carry. */
const MAX_QUICK_REPLIES = 20;
/** The last time a `Date` can hold, in ms since the epoch. */
const MAX_TIME = 8.64e15;
const ROLES: readonly unknown[] = ['customer', 'assistant', 'agent', 'system'];
/** The fields of each notice besides `code`: `team` a team, the others strings. */
const NOTICES: Record<string, string[]> = {
  queued: ['team'],
  'left-queue': [],
  'agent-joined': ['agent', 'team'],
  transferred: ['team'],
  'agent-left': ['agent'],
  'any-agent': [],
  restarted: [],
  ended: ['caseNumber', 'summary'],
  // Its list is for agent consoles; the widget shows the text.
  documents: [],
};

const isString = (value: unknown, max = Infinity): value is string =>
  typeof value === 'string' && value.length <= max;
const isId = (value: unknown): value is string => isString(value, SHORT) && value !== '';
/** A whole number ≥ `min` (default 0) that a double holds exactly. */
const isCount = (value: unknown, min = 0): value is number =>
  Number.isSafeInteger(value) && (value as number) >= min;
const isRole = (value: unknown): value is Role => ROLES.includes(value);

function seqOf(event: unknown): number | undefined {
  return isObject(event) && isCount(event['seq'], 1) ? event['seq'] : undefined;
}

/** Every field of the event checked: nothing a server got wrong reaches the transcript or the DOM. */
function isEvent(event: unknown): event is ChatEvent {
  if (!isObject(event)) return false;
  const { kind, at, urgent, quickReplies: replies, notice } = event;
  const valid =
    isCount(event['seq'], 1) &&
    isId(event['id']) &&
    (kind === 'message' || kind === 'notice') &&
    isRole(event['from']) &&
    isString(event['name'], SHORT) &&
    isString(event['text']) &&
    isCount(at) &&
    at <= MAX_TIME &&
    (urgent === undefined || typeof urgent === 'boolean') &&
    (replies === undefined ||
      (Array.isArray(replies) &&
        replies.length <= MAX_QUICK_REPLIES &&
        replies.every(
          (reply) =>
            isObject(reply) &&
            isString(reply['label'], MAX_MESSAGE_LENGTH) &&
            isString(reply['value'], MAX_MESSAGE_LENGTH),
        )));
  if (!valid || notice === undefined) return valid;
  if (!isObject(notice) || typeof notice['code'] !== 'string') return false;
  if (notice['code'] === 'accommodations') return readAccommodationsNotice(notice);
  const fields = Object.hasOwn(NOTICES, notice['code']) ? NOTICES[notice['code']] : undefined;
  // A notice code this client does not know (a newer server's): the text shows, as a message.
  if (!fields) delete event['notice'];
  return (
    !fields ||
    fields.every((field) =>
      field === 'team'
        ? isTeam(notice[field])
        : isString(notice[field], field === 'summary' ? Infinity : SHORT),
    )
  );
}
