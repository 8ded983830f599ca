// The demo host pages as a person loads them: axe over the whole page (landmarks, regions,
// contrast) with the chat closed and open, in English and Spanish.
import { expect } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import { axeInFrame, waitFor } from '../support/helpers.js';
import { removeAfterTest } from '../support/page.js';

async function loadPage(src: string): Promise<HTMLIFrameElement> {
  const frame = removeAfterTest(document.createElement('iframe'));
  frame.style.width = '1280px';
  frame.style.height = '900px';
  document.body.append(frame);
  await new Promise((resolve) => {
    frame.addEventListener('load', resolve, { once: true });
    frame.src = src;
  });
  return frame;
}

describe('demo pages', () => {
  for (const page of ['/demo/index.html', '/demo/es.html']) {
    it(`${page} has no axe violations with the chat closed and open`, async () => {
      const frame = await loadPage(page);
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
