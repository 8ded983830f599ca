/**
 * Test support for browser tests (not a test file): one reference server for a whole suite,
 * started before its first test and stopped after its last, as most e2e suites want it.
 */
import { recordWireFrames, startReferenceServer, stopReferenceServers } from './helpers.js';

/**
 * Starts a reference server with `options` before the enclosing suite's tests and hands its
 * endpoint to `started`; with `recordWire`, also records the frames this page sends from then
 * on. Every reference server is stopped after the suite.
 */
export function serverForSuite(
  options: Parameters<typeof startReferenceServer>[0],
  started: (endpoint: string) => void,
  { recordWire = false }: { recordWire?: boolean } = {},
): void {
  before(async () => {
    started(await startReferenceServer(options));
    if (recordWire) await recordWireFrames();
  });
  after(async () => {
    await stopReferenceServers();
  });
}
