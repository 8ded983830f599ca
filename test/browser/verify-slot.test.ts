// The identity check's chunk (verify-panel/identity-check.ts) loads when the first `verify` frame
// arrives: the frames that arrive while it loads are kept, and only the latest is shown and said
// once it is here. (The first test of this file is the page's first check: the chunk is not
// loaded before it. The built bundle's chunk, and its failure: e2e/identity-check-module.test.ts.)
import { expect } from '@open-wc/testing';
import { CHOOSE, CODE_SENT } from '../support/verify-frames.js';
import '../../src/define.js';
import { waitFor } from '../support/helpers.js';
import { recordLiveRegions } from '../support/live-regions.js';
import { part, scriptedChat } from '../support/scripted-chat.js';

/** The identity check's module has been requested by this page. */
const requested = (): boolean =>
  performance
    .getEntriesByType('resource')
    .some((entry) => new URL(entry.name).pathname.endsWith('/verify-panel/identity-check.ts'));

describe('<amex-chat> identity check, loaded on demand', () => {
  it('keeps the frames that arrive while its chunk loads, and shows and says only the latest', async () => {
    const { el, server } = await scriptedChat();
    const live = recordLiveRegions(el.shadowRoot!);
    expect(requested(), 'not loaded before a check').to.equal(false);
    server.push(CHOOSE);
    server.push(CODE_SENT);
    await waitFor(() => part(el, '#verify-input'), 'the code field');
    expect(requested()).to.equal(true);
    expect(part(el, '#verify-push'), 'the choice it replaced').to.equal(null);
    await waitFor(() => live.texts('polite').includes('We sent a one-time code to your phone.'), 'said');
    expect(
      live.texts('polite').filter((text) => text === 'We sent a one-time code to your phone.'),
    ).to.have.length(1);
    expect(live.texts('assertive').some((text) => text.startsWith('Confirm it’s you'))).to.equal(false);
  });
});
