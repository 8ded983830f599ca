/**
 * Test support for browser tests (not a test file): one reference server for a whole suite,
 * started before its first test and stopped after its last, as most e2e suites want it; and a
 * server of a test's own, stopped after that test whether it passed or not.
 */
import {
  recordWireFrames,
  startReferenceServer,
  stopReferenceServer,
  stopReferenceServers,
} from './helpers.js';
import { disposeAfterTest } from './page.js';

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

/**
 * A reference server with `options` for the running test alone (next to a suite's server);
 * resolves with its endpoint. It is stopped after the test, the suite's server left running.
 */
export async function serverForTest(options: Parameters<typeof startReferenceServer>[0]): Promise<string> {
  const endpoint = await startReferenceServer(options);
  disposeAfterTest(() => stopReferenceServer(endpoint));
  return endpoint;
}
