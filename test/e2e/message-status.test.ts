import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement } from '../../src/index.js';
import '../../src/define.js';
import { axeCheck, deepActiveElement, waitFor } from '../support/helpers.js';
import { saidByCustomer, storedConversations } from '../support/debug-hooks.js';
import { atAPersonsPace } from '../support/pace.js';
import { serverForSuite, serverForTest } from '../support/suite-server.js';

describe('<amex-chat>', () => {
  describe('transport', () => {
    let endpoint: string;

    // A budget of 4 frames, refilled at 1 per second: hello and three messages pass at once.
    serverForSuite({ replyDelay: 5, debug: true, rateLimit: '4,1' }, (url) => (endpoint = url));

    it('has no axe violations with a message marked "Not sent" and its Retry', async () => {
      // A server of its own: the next case reads the first conversation of `endpoint`.
      const own = await serverForTest({ replyDelay: 5, rateLimit: '4,1' });
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${own} open></amex-chat>`);
      await waitFor(() => el.shadowRoot?.querySelector('.message.assistant'), 'the greeting');
      for (const n of [1, 2, 3, 4]) await el.send(`question ${n}`);
      await waitFor(
        () =>
          el.shadowRoot?.querySelector('.message.customer .status.failed') &&
          el.shadowRoot.querySelector('[part="retry-button"]'),
        'a failed message with its Retry',
      );
      await axeCheck(el);
    });

    it('marks a refused message "Not sent" with a Retry the keyboard reaches, and delivers it once on Retry', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${endpoint} open></amex-chat>`);
      await waitFor(() => el.shadowRoot?.querySelector('.message.assistant'), 'the greeting');
      for (const n of [1, 2, 3, 4]) await el.send(`question ${n}`);
      const failed = await waitFor(
        () => el.shadowRoot?.querySelector<HTMLElement>('.message.customer .status.failed'),
        'a failed message',
      );
      expect(failed.textContent).to.match(/Not sent\./);
      expect(el.shadowRoot?.querySelector('#error')?.textContent).to.match(/could not be sent/);

      // From the composer, Shift+Tab walks back to the Retry button.
      el.shadowRoot!.querySelector('textarea')!.focus();
      for (let i = 0; i < 20 && deepActiveElement()?.getAttribute('part') !== 'retry-button'; i++) {
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
      }
      expect(deepActiveElement()?.getAttribute('part')).to.equal('retry-button');
      // The server's rate limit refills in real time (a person presses Retry a moment later).
      await atAPersonsPace();
      await sendKeys({ press: 'Enter' });
      await waitFor(
        () =>
          [...el.shadowRoot!.querySelectorAll('.message.customer .status')].every(
            (s) => s.textContent?.trim() === 'Sent',
          ),
        'every message sent',
      );

      const [conversation] = await storedConversations(endpoint);
      const customer = saidByCustomer(conversation!);
      expect(customer).to.deep.equal(['question 1', 'question 2', 'question 3', 'question 4']);
    });
  });
});
