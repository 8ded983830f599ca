import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_EVENTS_PER_FRAME, acceptsEventBatches, parseServerFrame } from '../../src/protocol.js';
import { rawEvent } from '../support/raw-event.js';

const event = (seq: number): Record<string, unknown> => rawEvent(seq, { at: 1 });

describe('protocol 1.2: events frames', () => {
  it('parses a run of events, in order', () => {
    const frame = parseServerFrame(
      JSON.stringify({ type: 'events', events: [event(1), event(2), event(3)] }),
    );
    assert.equal(frame?.type, 'events');
    assert.deepEqual(frame?.type === 'events' ? frame.events.map((e) => e.seq) : [], [1, 2, 3]);
  });

  it('drops a malformed event alone; the others are kept (issue 22: its seq is skipped)', () => {
    const bad = { ...event(2), text: 42 };
    const frame = parseServerFrame(JSON.stringify({ type: 'events', events: [event(1), bad, event(3)] }));
    assert.deepEqual(frame?.type === 'events' ? frame.events.map((e) => e.seq) : [], [1, 3]);
    assert.equal(parseServerFrame(JSON.stringify({ type: 'events', events: 'nope' })), undefined);
  });

  it(`refuses more than ${MAX_EVENTS_PER_FRAME} events in one frame`, () => {
    const events = Array.from({ length: MAX_EVENTS_PER_FRAME + 1 }, (_, i) => event(i + 1));
    assert.equal(parseServerFrame(JSON.stringify({ type: 'events', events })), undefined);
    assert.equal(
      parseServerFrame(JSON.stringify({ type: 'events', events: events.slice(0, MAX_EVENTS_PER_FRAME) }))
        ?.type,
      'events',
    );
  });

  it("(1.3) keeps a welcome's lastSeq when it is a whole number ≥ 0, and drops it otherwise", () => {
    const welcome = (lastSeq: unknown): ReturnType<typeof parseServerFrame> =>
      parseServerFrame(JSON.stringify({ type: 'welcome', v: '1.3', conversationId: 'c', lastSeq }));
    for (const good of [0, 1, 10_000]) {
      const frame = welcome(good);
      assert.equal(frame?.type === 'welcome' && frame.lastSeq, good);
    }
    for (const bad of [-1, 1.5, '12', null, 1e300]) {
      const frame = welcome(bad);
      assert.equal(frame?.type, 'welcome', `a welcome with lastSeq ${String(bad)} is still a welcome`);
      assert.equal(
        frame?.type === 'welcome' && 'lastSeq' in frame,
        false,
        `lastSeq ${String(bad)} is dropped`,
      );
    }
    const older = parseServerFrame(JSON.stringify({ type: 'welcome', v: '1.2', conversationId: 'c' }));
    assert.equal(older?.type === 'welcome' && older.lastSeq, undefined);
  });

  it('is for clients that say 1.2 or later', () => {
    assert.equal(acceptsEventBatches('1.1'), false);
    assert.equal(acceptsEventBatches('1.0'), false);
    assert.equal(acceptsEventBatches('1.2'), true);
    assert.equal(acceptsEventBatches('1.10'), true);
    assert.equal(acceptsEventBatches('2.0'), true);
    assert.equal(acceptsEventBatches('garbage'), false);
  });
});
