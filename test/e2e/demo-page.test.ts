// The demo host pages as a person loads them: axe over the whole page (landmarks, regions,
// contrast) with the chat closed and open, in English and Spanish.
import { expect } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import { axeInFrame, waitFor } from '../support/helpers.js';
import { desktopPage, removeAfterTest } from '../support/page.js';

describe('demo pages', () => {
  for (const page of ['/demo/index.html', '/demo/es.html']) {
    it(`${page} has no axe violations with the chat closed and open`, async () => {
      const frame = removeAfterTest(await desktopPage(page));
      const el = await waitFor(
        () =>
          frame.contentDocument?.querySelector<AmexChatElement>('amex-chat')?.shadowRoot &&
          frame.contentDocument.querySelector<AmexChatElement>('amex-chat'),
        'the chat element',
      );
      await el.updateComplete;
      expect(await axeInFrame(frame)).to.deep.equal([]);
      await el.show();
      expect(await axeInFrame(frame)).to.deep.equal([]);
    });
  }
});
