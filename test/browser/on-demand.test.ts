// A part in a chunk of its own (src/components/on-demand/on-demand.ts): fetched ahead of need
// when the page is idle, at once when needed, and never again behind the customer's back once a
// load they needed failed (their "Try again" does that). In a browser, for requestIdleCallback.
import { expect } from '@open-wc/testing';
import { lazyModule } from '../../src/components/lazy-module.js';
import { OnDemand } from '../../src/components/on-demand/on-demand.js';

/** A module whose import fails while `down`, counting the imports. */
function flakyModule() {
  const state = { down: true, imports: 0 };
  const lazy = lazyModule(() => {
    state.imports += 1;
    return state.down
      ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
      : Promise.resolve({ name: 'part' });
  });
  return { state, lazy };
}

/** A host that counts its renders. */
const host = () => ({
  renders: 0,
  requestUpdate() {
    this.renders += 1;
  },
  addController() {},
  removeController() {},
  updateComplete: Promise.resolve(true),
});

/** Resolves once the page has been idle (after any idle callback scheduled before it). */
const idle = () => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 }));

describe('a part loaded on demand', () => {
  it('is fetched when the page is idle after prefetch()', async () => {
    const { state, lazy } = flakyModule();
    state.down = false;
    const part = new OnDemand(host(), lazy, () => {});
    part.prefetch();
    expect(state.imports).to.equal(0);
    await idle();
    await lazy.loading;
    expect(state.imports).to.equal(1);
    expect(lazy.module).to.deep.equal({ name: 'part' });
  });

  it('is not fetched again at idle once a load it needed failed; load() tries again', async () => {
    const { state, lazy } = flakyModule();
    const h = host();
    let ready = 0;
    const part = new OnDemand(h, lazy, () => (ready += 1));
    part.prefetch();
    expect(await part.load()).to.equal(undefined);
    expect([state.imports, part.failed, h.renders]).to.deep.equal([1, true, 1]);
    await idle();
    await idle();
    expect(state.imports, 'the prefetch stood down').to.equal(1);
    state.down = false;
    expect(await part.load()).to.deep.equal({ name: 'part' });
    expect([state.imports, part.failed, ready]).to.deep.equal([2, false, 1]);
    expect(part.module).to.deep.equal({ name: 'part' });
  });
});
