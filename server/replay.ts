/**
 * How the reference server sends a run of consecutive events it replays (a resume, or events a
 * connection missed): to a client that speaks 1.2 or later, in `events` frames of at most
 * MAX_EVENTS_PER_FRAME events and MAX_REPLAY_FRAME_BYTES of JSON; to older clients, and for a
 * lone event, one `event` frame each. Live events never come through here.
 *
 * The byte cap keeps a batch no larger than the largest frame a client may send us (64 KiB), so
 * that the outgoing-buffer bound (connections.ts: a client is dropped once more than the limit
 * waits for it) is still overshot by at most one such frame, as with single events.
 */
import { MAX_EVENTS_PER_FRAME } from '../src/protocol.js';
import type { ChatEvent } from '../src/protocol.js';

/** Most bytes (UTF-8) of JSON in one `events` frame. */
export const MAX_REPLAY_FRAME_BYTES = 64_000;

const HEAD = '{"type":"events","events":[';
const TAIL = ']}';
const ENVELOPE_BYTES = Buffer.byteLength(HEAD) + Buffer.byteLength(TAIL);

export interface ReplayOptions {
  /** Whether the client understands `events` frames (`acceptsEventBatches(hello.v)`). */
  batches: boolean;
}

/**
 * The frames, serialized, that carry `events` in order. Each is exactly
 * `JSON.stringify({type: 'events', events: [...]})` or `JSON.stringify({type: 'event', event})`:
 * a run of two or more events that fits goes in one `events` frame; an event that does not fit
 * with another (or alone over the cap) goes in an `event` frame of its own.
 */
export function* replayFrames(events: readonly ChatEvent[], options: ReplayOptions): Generator<string> {
  for (const frame of replayBatches(events, options)) yield frame.text;
}

/** The same frames, each with how many events it carries (for a replay sent in steps). */
export function* replayBatches(
  events: readonly ChatEvent[],
  options: ReplayOptions,
): Generator<{ text: string; count: number }> {
  if (!options.batches) {
    for (const event of events) yield { text: JSON.stringify({ type: 'event', event }), count: 1 };
    return;
  }
  let run: { event: ChatEvent; json: string }[] = [];
  let bytes = ENVELOPE_BYTES;
  function* flush(): Generator<{ text: string; count: number }> {
    if (run.length === 1 && run[0])
      yield { text: JSON.stringify({ type: 'event', event: run[0].event }), count: 1 };
    else if (run.length > 1)
      yield { text: HEAD + run.map((r) => r.json).join(',') + TAIL, count: run.length };
    run = [];
    bytes = ENVELOPE_BYTES;
  }
  for (const event of events) {
    const json = JSON.stringify(event);
    const size = Buffer.byteLength(json);
    if (run.length > 0 && (run.length >= MAX_EVENTS_PER_FRAME || bytes + 1 + size > MAX_REPLAY_FRAME_BYTES))
      yield* flush();
    bytes += size + (run.length > 0 ? 1 : 0);
    run.push({ event, json });
  }
  yield* flush();
}
