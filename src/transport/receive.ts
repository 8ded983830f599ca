import type { Emitter } from './emitter.js';
import { parseServerFrame } from '../protocol.js';
import type { TransportEvents } from './types.js';

/**
 * Parses one server frame and emits it, then `invalid` for each frame or event in it that was
 * dropped as malformed: after the frame, so that a dropped event's seq follows its frame's others.
 */
export function receive(events: Emitter<TransportEvents>, raw: string): void {
  const dropped: (number | undefined)[] = [];
  const frame = parseServerFrame(raw, (seq) => dropped.push(seq));
  if (frame) events.emit('frame', frame);
  for (const seq of dropped) events.emit('invalid', seq);
}
