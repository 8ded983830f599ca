/**
 * Test support (not a test file): the one real-time wait that proves an absence. Where what must
 * not happen has no event to wait for (a real server that could still send, a handler a hostile
 * payload could have set, a module load that fails without a word), a test waits this long and
 * says why at the call. Everything else waits for an event, an update or a fake clock
 * (test/support/fake-clock.ts).
 */
export function quietFor(ms: number, why: string): Promise<void> {
  // (The reason is also marked on the page's timeline, where a trace of a slow run shows it.)
  performance.mark(`quiet for ${ms} ms: ${why}`);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
