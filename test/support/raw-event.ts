/**
 * Test support (not a test file): a conversation event as it comes on the wire, before
 * `parseServerFrame` checks it, so a test can give any field a bad value.
 */

/** Message `seq` from the virtual assistant (id `s<seq>`), with `extra` fields over it. */
export function rawEvent(seq: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    seq,
    id: `s${seq}`,
    kind: 'message',
    from: 'assistant',
    name: 'Virtual assistant',
    text: `message ${seq}`,
    at: 1_764_067_200_000,
    ...extra,
  };
}
