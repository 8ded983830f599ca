// The shared test helpers themselves (test/support/helpers.ts), where a mistake would let many
// tests pass without checking anything.
import { expect } from '@open-wc/testing';
import { waitFor } from '../support/helpers.js';

describe('test helpers', () => {
  describe('waitFor', () => {
    it('awaits an async check until it resolves to a truthy value', async () => {
      let looks = 0;
      const value = await waitFor(async () => {
        looks += 1;
        await Promise.resolve();
        return looks >= 3 ? 'ready' : undefined;
      }, 'the third look');
      expect(value).to.equal('ready');
      expect(looks).to.equal(3);
    });

    it('times out on an async check that never resolves to a truthy value', async () => {
      const outcome = await waitFor(() => Promise.resolve(undefined), 'nothing', 50).then(
        (value) => `resolved with ${String(value)}`,
        (error: unknown) => (error as Error).message,
      );
      expect(outcome).to.equal('timed out waiting for nothing');
    });
  });
});
