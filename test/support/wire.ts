/**
 * Test support (not a test file): server frames as the widget applies them. Since protocol 1.2
 * the server may send a run of replayed events in one `events` frame; the widget applies it
 * exactly as that many `event` frames, and so do the test clients: `asEventFrames` turns it into
 * one `{type: 'event', event}` per event (in order), so assertions about events stay as strict
 * as with single frames. It also checks what the server promises about such a frame: two to
 * MAX_EVENTS_PER_FRAME events with consecutive `seq`s (a lone event comes as an `event` frame).
 */
import assert from 'node:assert/strict';
import { MAX_EVENTS_PER_FRAME } from '../../src/protocol.js';

interface Seq {
  seq: number;
}

/** `frame`, or the `event` frames an `events` frame stands for. */
export function asEventFrames<F extends { type: string }>(frame: F): F[] {
  if (frame.type !== 'events') return [frame];
  const events = (frame as unknown as { events: unknown }).events;
  assert.ok(Array.isArray(events), 'an events frame carries an array');
  const run = events as Seq[];
  assert.ok(
    run.length >= 2 && run.length <= MAX_EVENTS_PER_FRAME,
    `an events frame carries 2 to ${MAX_EVENTS_PER_FRAME} events (got ${run.length})`,
  );
  run.forEach((event, i) => {
    if (i > 0) assert.equal(event.seq, (run[i - 1]?.seq ?? 0) + 1, 'the events of a frame are consecutive');
  });
  return run.map((event) => ({ type: 'event', event }) as unknown as F);
}
