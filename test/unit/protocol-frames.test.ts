// Issue 22, finding 6: every field of every server frame is checked by parseServerFrame. A frame
// (or one event of an `events` frame) with a bad field is dropped and reported through the
// `dropped` callback, with the event's seq when it had a valid one; the rest still applies.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_EVENTS_PER_FRAME, parseClientFrame, parseServerFrame } from '../../src/protocol.js';
import { checkClientFrame } from '../../src/protocol/check.js';
import type { ServerFrame } from '../../src/protocol.js';
import { rawEvent as event } from '../support/raw-event.js';

type Json = Record<string, unknown>;

/** Parses `frame`; returns what came out and every report of something dropped. */
function parse(frame: unknown): { frame: ServerFrame | undefined; dropped: (number | undefined)[] } {
  const dropped: (number | undefined)[] = [];
  const raw = typeof frame === 'string' ? frame : JSON.stringify(frame);
  return { frame: parseServerFrame(raw, (seq) => dropped.push(seq)), dropped };
}

/** `frame` is refused and reported once (with `seq`, when given). */
function refused(frame: unknown, why: string, seq?: number): void {
  const result = parse(frame);
  assert.equal(result.frame, undefined, `${why}: refused`);
  assert.deepEqual(result.dropped, [seq], `${why}: reported once`);
}

/** `frame` is kept as it is (nothing reported). */
function kept(frame: Json, why: string): ServerFrame {
  const result = parse(frame);
  assert.equal(result.frame?.type, frame['type'], `${why}: kept`);
  assert.deepEqual(result.dropped, [], `${why}: nothing reported`);
  return result.frame as ServerFrame;
}

const TOO_LONG = 'x'.repeat(257);
/** A value as a test name shows it. */
const show = (value: unknown): string => JSON.stringify(value) ?? 'missing';
/** A string that parses to undefined (a missing field) once `JSON.stringify` has run. */
const MISSING = undefined;

/** Values each event field must refuse. */
const BAD_EVENT_FIELDS: Record<string, unknown[]> = {
  seq: [0, -1, 1.5, '3', null, 2 ** 53, 1e300, true, MISSING],
  id: ['', 42, null, TOO_LONG, ['s1'], MISSING],
  kind: ['alert', 'Message', 1, null, MISSING],
  from: ['hacker', 'Customer', 'agent x', '__proto__', 'constructor', '', 1, null, {}, MISSING],
  name: [42, null, {}, ['Maria'], TOO_LONG, MISSING],
  text: [42, null, {}, ['hi'], true, MISSING],
  at: [null, -1, 1.5, 1e300, 8.64e15 + 1, '1764067200000', {}, MISSING],
  quickReplies: [
    'yes',
    null,
    {},
    [null],
    ['yes'],
    [{ label: 1, value: 'a' }],
    [{ label: 'a' }],
    [{ value: 'a' }],
    [{ label: 'a', value: {} }],
    [{ label: 'x'.repeat(2001), value: 'a' }],
    [{ label: 'a', value: 'x'.repeat(2001) }],
    Array.from({ length: 21 }, (_, i) => ({ label: `${i}`, value: `${i}` })),
  ],
  notice: [
    'ended',
    null,
    42,
    [],
    {},
    { code: 42 },
    { code: 'queued' },
    { code: 'queued', team: 'hackers' },
    { code: 'queued', team: 42 },
    { code: 'agent-joined', team: 'disputes' },
    { code: 'agent-joined', agent: 42, team: 'disputes' },
    { code: 'agent-joined', agent: 'Maria', team: '__proto__' },
    { code: 'agent-joined', agent: TOO_LONG, team: 'disputes' },
    { code: 'transferred' },
    { code: 'transferred', team: null },
    { code: 'agent-left', agent: null },
    { code: 'agent-left' },
    { code: 'ended', caseNumber: 42, summary: 'ok' },
    { code: 'ended', caseNumber: ['AMX'], summary: 'ok' },
    { code: 'ended', caseNumber: 'AMX-4KF7-Q2ZD' },
    { code: 'ended', caseNumber: 'AMX-4KF7-Q2ZD', summary: 42 },
    { code: 'ended', caseNumber: TOO_LONG, summary: 'ok' },
  ],
  urgent: ['yes', 1, null, {}],
};

describe('parseServerFrame: events', () => {
  it('keeps a well-formed event with every optional field, and extra fields', () => {
    const full = event(1, {
      quickReplies: [{ label: 'Dispute a charge', value: 'I want to dispute a charge' }],
      urgent: true,
      newField: { from: 'the future' },
    });
    const frame = kept({ type: 'event', event: full, extra: 1 }, 'full event');
    assert.deepEqual(frame.type === 'event' && frame.event.quickReplies, full['quickReplies']);
    kept({ type: 'event', event: event(1, { name: '', kind: 'notice', from: 'system' }) }, 'empty name');
    kept({ type: 'event', event: event(1, { at: 0 }) }, 'at 0');
    kept({ type: 'event', event: event(2 ** 53 - 1) }, 'the largest safe seq');
    kept({ type: 'event', event: event(1, { quickReplies: [] }) }, 'no quick replies');
    kept({ type: 'event', event: event(1, { urgent: false }) }, 'urgent: false');
    for (const from of ['customer', 'assistant', 'agent', 'system'])
      kept({ type: 'event', event: event(1, { from }) }, `from ${from}`);
    const notices = [
      { code: 'queued', team: 'general' },
      { code: 'left-queue' },
      { code: 'agent-joined', agent: 'Maria', team: 'disputes' },
      { code: 'transferred', team: 'supervisor' },
      { code: 'agent-left', agent: 'Maria' },
      { code: 'ended', caseNumber: 'AMX-4KF7-Q2ZD', summary: 'Dispute opened.' },
    ];
    for (const notice of notices)
      kept(
        { type: 'event', event: event(1, { kind: 'notice', from: 'system', name: '', notice }) },
        notice.code,
      );
  });

  it("keeps an event whose notice code is a newer server's, without the notice", () => {
    const frame = kept(
      {
        type: 'event',
        event: event(1, { kind: 'notice', from: 'system', notice: { code: 'survey', url: 'x' } }),
      },
      'unknown notice code',
    );
    assert.equal(frame.type === 'event' && 'notice' in frame.event, false);
    assert.equal(frame.type === 'event' && frame.event.text, 'message 1');
  });

  for (const [field, values] of Object.entries(BAD_EVENT_FIELDS)) {
    it(`drops an event whose ${field} is wrong, and reports it once`, () => {
      for (const value of values) {
        const bad = event(3, { [field]: value });
        const why = `${field} ${show(value)}`;
        const seq = field === 'seq' ? undefined : 3;
        refused({ type: 'event', event: bad }, `event frame, ${why}`, seq);
        const batch = parse({ type: 'events', events: [event(2), bad, event(4)] });
        assert.deepEqual(
          batch.frame?.type === 'events' ? batch.frame.events.map((e) => e.seq) : undefined,
          [2, 4],
          `events frame, ${why}: the others are kept`,
        );
        assert.deepEqual(batch.dropped, [seq], `events frame, ${why}: reported once`);
      }
    });
  }

  it('drops an event frame without an event object', () => {
    refused({ type: 'event' }, 'no event');
    refused({ type: 'event', event: 'hello' }, 'a string');
    refused({ type: 'event', event: [event(1)] }, 'an array');
  });

  it('reports each dropped event of an events frame, in order', () => {
    const result = parse({
      type: 'events',
      events: [event(1, { from: 'x' }), null, event(3), event(4, { at: 'now' }), 'junk', event(6)],
    });
    assert.deepEqual(result.frame?.type === 'events' ? result.frame.events.map((e) => e.seq) : [], [3, 6]);
    assert.deepEqual(result.dropped, [1, undefined, 4, undefined]);
  });

  it(`drops a whole events frame that is not an array of at most ${MAX_EVENTS_PER_FRAME}`, () => {
    refused({ type: 'events', events: 'nope' }, 'a string');
    refused({ type: 'events' }, 'missing');
    refused({ type: 'events', events: { 0: event(1) } }, 'an object');
    const many = Array.from({ length: MAX_EVENTS_PER_FRAME + 1 }, (_, i) => event(i + 1));
    refused({ type: 'events', events: many }, 'too many');
  });
});

describe('parseServerFrame: the other frames', () => {
  it('checks ack: id a non-empty bounded string, seq a safe integer ≥ 1', () => {
    kept({ type: 'ack', id: 'm1', seq: 1 }, 'ack');
    for (const id of ['', 42, null, TOO_LONG, MISSING])
      refused({ type: 'ack', id, seq: 1 }, `ack id ${show(id)}`);
    for (const seq of [0, -1, 1.5, '1', null, 2 ** 53, MISSING])
      refused({ type: 'ack', id: 'm1', seq }, `ack seq ${show(seq)}`);
  });

  it('checks typing: from a role, name a bounded string, active a boolean', () => {
    kept({ type: 'typing', from: 'agent', name: 'Maria', active: true }, 'typing');
    for (const from of ['hacker', 1, null, MISSING])
      refused({ type: 'typing', from, name: 'Maria', active: true }, `typing from ${show(from)}`);
    for (const name of [1, null, {}, TOO_LONG, MISSING])
      refused({ type: 'typing', from: 'agent', name, active: true }, `typing name ${show(name)}`);
    for (const active of ['true', 1, null, MISSING])
      refused({ type: 'typing', from: 'agent', name: 'Maria', active }, `typing active ${show(active)}`);
  });

  it('checks queue: position and etaSeconds whole numbers ≥ 0, a known team', () => {
    kept({ type: 'queue', waiting: true, position: 1, etaSeconds: 0, team: 'general' }, 'queue');
    kept({ type: 'queue', waiting: false }, 'not waiting');
    const waiting = { type: 'queue', waiting: true, position: 2, etaSeconds: 120, team: 'disputes' };
    for (const bad of [-1, 1.5, '2', null, 1e300, 2 ** 53, MISSING]) {
      refused({ ...waiting, position: bad }, `position ${show(bad)}`);
      refused({ ...waiting, etaSeconds: bad }, `etaSeconds ${show(bad)}`);
    }
    for (const team of ['hackers', 1, null, MISSING]) refused({ ...waiting, team }, `team ${show(team)}`);
    for (const state of ['yes', 1, null, MISSING])
      refused({ ...waiting, waiting: state }, `waiting ${show(state)}`);
  });

  it('checks error: code and message strings, id and conversationId optional strings', () => {
    kept({ type: 'error', code: 'rate-limited', message: 'Slow down.', id: 'm1' }, 'error');
    kept({ type: 'error', code: 'taken', message: 'Taken.', conversationId: 'c1' }, 'with conversationId');
    // A code this client does not know (a newer server's) is kept: it is treated as a plain error.
    const newer = kept({ type: 'error', code: 'maintenance', message: 'Back soon.' }, 'an unknown code');
    assert.equal(newer.type === 'error' && newer.code, 'maintenance');
    for (const code of [1, null, '', TOO_LONG, MISSING])
      refused({ type: 'error', code, message: 'x' }, `error code ${show(code)}`);
    for (const message of [1, null, {}, MISSING])
      refused({ type: 'error', code: 'internal', message }, `error message ${show(message)}`);
    for (const id of [1, null, '', TOO_LONG])
      refused({ type: 'error', code: 'too-long', message: 'x', id }, `error id ${show(id)}`);
    for (const conversationId of [1, null, '', TOO_LONG])
      refused(
        { type: 'error', code: 'taken', message: 'x', conversationId },
        `conversationId ${show(conversationId)}`,
      );
  });

  it('checks welcome: v and conversationId strings; drops a bad optional field rather than the frame', () => {
    const welcome = { type: 'welcome', v: '1.4', conversationId: 'c1', lastSeq: 3 };
    kept(welcome, 'welcome');
    const withKey = kept({ ...welcome, resumeKey: 'k'.repeat(43), extra: { any: 1 } }, 'resumeKey and extra');
    assert.equal((withKey as Json)['resumeKey'], 'k'.repeat(43));
    for (const resumeKey of [42, null, {}, ['k']]) {
      const frame = kept({ ...welcome, resumeKey }, `resumeKey ${show(resumeKey)}`);
      assert.equal('resumeKey' in frame, false, `resumeKey ${show(resumeKey)} is dropped`);
    }
    for (const conversationId of ['', 42, null, {}, TOO_LONG, MISSING])
      refused({ ...welcome, conversationId }, `conversationId ${show(conversationId)}`);
    for (const v of [1.4, null, {}, MISSING]) refused({ ...welcome, v }, `v ${show(v)}`);
  });

  it('keeps pong', () => {
    kept({ type: 'pong' }, 'pong');
  });

  it('reports what is not a frame at all; ignores a frame type it does not know (a newer server’s)', () => {
    for (const raw of ['not json', '[]', '42', 'null', '{"type":1}', '{}', '"event"']) refused(raw, raw);
    const newer = parse({ type: 'poll', question: 'How did we do?' });
    assert.equal(newer.frame, undefined);
    assert.deepEqual(newer.dropped, [], 'an unknown type is not reported');
  });

  it('never throws, whatever the input', () => {
    const inputs: unknown[] = [
      { type: 'event', event: { ...event(1), toString: 'x', __proto__: { from: 'agent' } } },
      { type: 'events', events: [Object.create(null)] },
      '{"type":"event","event":{"__proto__":{"seq":1}}}',
      '{"type":"welcome","conversationId":"c","v":"1","lastSeq":{"valueOf":1}}',
    ];
    for (const input of inputs) assert.doesNotThrow(() => parse(input));
  });
});

describe('protocol 1.4: tab-key frames', () => {
  it('keeps a sealed key for a named request, and drops one without a ref or too long', () => {
    kept({ type: 'tab-key', ref: 'r-1', sealed: 'A'.repeat(344) }, 'an RSA-2048 sealed key');
    refused({ type: 'tab-key', ref: '', sealed: 'A'.repeat(344) }, 'an empty ref');
    refused({ type: 'tab-key', ref: 'r-1', sealed: 'A'.repeat(1025) }, 'a sealed key too long');
    refused({ type: 'tab-key', ref: 'r-1', sealed: 42 }, 'a sealed key that is not a string');
  });
});

// One check of client frames: the leader tab (parseClientFrame) reads its followers' frames with
// the check the server answers `bad-frame` from, so neither accepts what the other refuses.
describe('parseClientFrame: the check the server uses', () => {
  const hello = { type: 'hello', v: '1.4', lang: 'en' };

  it('agrees with the server check on every frame', () => {
    const frames: Json[] = [
      hello,
      { ...hello, lang: 'x'.repeat(17) },
      { ...hello, resume: { conversationId: 'c1', lastSeq: 3, key: 'k' } },
      { ...hello, resume: { conversationId: 'c1', lastSeq: -1 } },
      { type: 'message', id: 'm1', text: 'hi' },
      { type: 'message', id: 'm1', text: '  ' },
      { type: 'message', id: '', text: 'hi' },
      { type: 'typing', active: true },
      { type: 'typing', active: 'yes' },
      { type: 'rating', score: 5 },
      { type: 'rating', score: 6 },
      { type: 'tab-key', ref: 'r1', publicKey: 'AAAA' },
      { type: 'tab-join', ref: 'r1', sealed: 'a.b.c' },
      { type: 'ping' },
      { type: 'nope' },
    ];
    for (const frame of frames) {
      const checked = checkClientFrame(frame as Json & { type: string });
      assert.deepEqual(parseClientFrame(JSON.stringify(frame)), checked.ok ? checked.frame : undefined);
    }
  });

  it("keeps a follower's join (between tabs only) when it is a string", () => {
    assert.deepEqual(parseClientFrame(JSON.stringify({ ...hello, join: 'sealed' })), {
      ...hello,
      join: 'sealed',
    });
    assert.deepEqual(parseClientFrame(JSON.stringify({ ...hello, join: 42 })), hello);
    const checked = checkClientFrame({ ...hello, join: 'sealed' });
    assert.ok(checked.ok && !('join' in checked.frame), 'the server never carries it');
  });

  it('names the field at fault, and the message id when there is one', () => {
    assert.deepEqual(checkClientFrame({ type: 'message', id: 'm1', text: ' ' }), {
      ok: false,
      error: 'message.text is empty.',
      id: 'm1',
    });
    assert.deepEqual(checkClientFrame({ ...hello, lang: 'x'.repeat(17) }), {
      ok: false,
      error: 'hello.lang must be at most 16 characters.',
    });
  });
});
