// Issue 24, item 12: reloading mid-chat closed the panel. The open state is kept with the
// conversation for the tab (sessionStorage, persist="session"): a panel the customer left open
// opens again after a reload, without taking focus from the page; one they closed stays closed.
import { expect } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import { axeInFrame, startReferenceServer, stopReferenceServers, waitFor } from '../support/helpers.js';
import { addFrame, chatIn, loadFrame } from '../support/page.js';
import { quietFor } from '../support/quiet.js';

const part = (el: AmexChatElement, selector: string): HTMLElement | null =>
  el.shadowRoot!.querySelector<HTMLElement>(selector);

describe('<amex-chat>', () => {
  describe('properties', () => {
    afterEach(async () => {
      await stopReferenceServers();
    });

    it('has no axe violations in the host page with the panel opened again after a reload', async () => {
      const endpoint = await startReferenceServer({ replyDelay: 5 });
      const frame = addFrame();
      frame.style.width = '1280px';
      frame.style.height = '900px';
      await loadFrame(frame, `/test/fixtures/host-page.html?endpoint=${encodeURIComponent(endpoint)}`);
      let el = await chatIn(frame);
      await el.show();
      await waitFor(() => part(el, '.message.assistant'), 'the greeting');
      await loadFrame(frame);
      el = await chatIn(frame);
      await waitFor(() => part(el, '.message.assistant'), 'the greeting after the reload');
      expect(await axeInFrame(frame)).to.deep.equal([]);
    });

    it('opens again after a reload when the customer left it open, without taking focus; stays closed when closed', async () => {
      const endpoint = await startReferenceServer({ replyDelay: 5 });
      const frame = addFrame();
      await loadFrame(frame, `/test/fixtures/host-page.html?endpoint=${encodeURIComponent(endpoint)}`);
      let el = await chatIn(frame);
      expect(el.open, 'closed at first').to.equal(false);
      const events: string[] = [];
      part(el, '#launcher')!.click();
      await waitFor(() => part(el, '.message.assistant'), 'the greeting');
      await el.send('payment due date');
      await waitFor(() => el.shadowRoot!.querySelectorAll('.message.assistant').length === 2, 'the answer');

      await loadFrame(frame);
      el = await chatIn(frame);
      for (const type of ['amex-chat-open', 'amex-chat-close'])
        el.addEventListener(type, () => events.push(type));
      expect(el.open, 'open again').to.equal(true);
      expect(el.hasAttribute('open')).to.equal(true);
      await waitFor(() => part(el, '#panel') && !part(el, '#panel')!.hidden, 'the panel shown');
      await waitFor(() => el.shadowRoot!.querySelectorAll('.message.customer').length === 1, 'the history');
      expect(part(el, '#launcher')!.getAttribute('aria-expanded')).to.equal('true');
      // The page keeps its focus: restoring the panel is not the customer moving to it.
      expect(frame.contentDocument!.activeElement).to.equal(frame.contentDocument!.body);
      expect(el.shadowRoot!.activeElement).to.equal(null);
      expect(events, 'no event for a state the page restored').to.deep.equal([]);

      part(el, '#launcher')!.click();
      await el.updateComplete;
      expect(el.open).to.equal(false);
      await loadFrame(frame);
      el = await chatIn(frame);
      // The saved state is read at the first update (awaited); a closed launcher shows no sign of
      // what follows (its panel loads when idle, unseen), so a later reopening has no event.
      await quietFor(100, 'a reopening after the first update');
      expect(el.open, 'closed by the customer, closed after the reload').to.equal(false);
    });

    it('keeps nothing with persist="none"', async () => {
      const endpoint = await startReferenceServer({ replyDelay: 5 });
      const frame = addFrame();
      await loadFrame(frame, `/test/fixtures/host-page.html?endpoint=${encodeURIComponent(endpoint)}`);
      let el = await chatIn(frame);
      el.persist = 'none';
      await el.show();
      await waitFor(() => part(el, '.message.assistant'), 'the greeting');
      const storage = frame.contentWindow!.sessionStorage;
      expect(Object.keys(storage).filter((k) => k.startsWith('amex-chat:'))).to.deep.equal([]);
      await loadFrame(frame);
      el = await chatIn(frame);
      expect(el.open).to.equal(false);
    });
  });
});
