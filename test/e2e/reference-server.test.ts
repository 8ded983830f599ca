import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement, AmexChatMessageDetail, AmexChatStateDetail } from '../../src/index.js';
import '../../src/define.js';
import { axeCheck, deepActiveElement, waitFor } from '../support/helpers.js';
import { serverForSuite } from '../support/suite-server.js';

function messages(el: AmexChatElement): HTMLElement[] {
  return [...(el.shadowRoot?.querySelectorAll<HTMLElement>('.message') ?? [])];
}

function bubbleTexts(el: AmexChatElement, from: string): string[] {
  return messages(el)
    .filter((m) => m.classList.contains(from))
    .map((m) => m.querySelector('.bubble')?.textContent ?? '');
}

describe('<amex-chat>', () => {
  let endpoint: string;
  serverForSuite({ replyDelay: 20 }, (url) => (endpoint = url));

  describe('transport', () => {
    it('has no axe violations during a conversation with quick replies', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${endpoint} open></amex-chat>`);
      await waitFor(() => el.shadowRoot?.querySelector('[part="quick-reply"]'), 'the greeting quick replies');
      await el.send('hello');
      await waitFor(() => bubbleTexts(el, 'assistant').length >= 2, 'the assistant reply');
      await axeCheck(el);
    });

    it("sends a message typed in the real composer and shows the assistant's reply", async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${endpoint}></amex-chat>`);
      const received: AmexChatMessageDetail[] = [];
      el.addEventListener('amex-chat-message', (e) => received.push(e.detail));
      el.shadowRoot?.querySelector<HTMLElement>('#launcher')?.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => deepActiveElement()?.id === 'input', 'focus in the composer');
      await waitFor(() => bubbleTexts(el, 'assistant').length === 1, 'the greeting');

      await sendKeys({ type: 'I lost my card' });
      await sendKeys({ press: 'Enter' });

      await waitFor(() => bubbleTexts(el, 'assistant').length === 2, 'the reply');
      expect(bubbleTexts(el, 'customer')).to.deep.equal(['I lost my card']);
      expect(bubbleTexts(el, 'assistant')[1]).to.match(/last four digits/);
      const input = el.shadowRoot?.querySelector('textarea');
      expect(input?.value).to.equal('');
      expect(deepActiveElement()).to.equal(input);
      await waitFor(
        () => el.shadowRoot?.querySelector('.message.customer .status')?.textContent?.trim() === 'Sent',
        'the sent status',
      );
      expect(received.map((d) => d.message.from)).to.deep.equal(['assistant', 'customer', 'assistant']);
      expect(received[1]?.message.text).to.equal('I lost my card');
    });

    it('announces incoming messages once with the sender and role', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${endpoint} open></amex-chat>`);
      const polite = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
      const text = await waitFor(() => polite.textContent?.trim(), 'an announcement');
      expect(text).to.match(/^Virtual assistant: Hi, I'm the virtual assistant/);
    });

    it('sends a quick reply as the customer', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${endpoint} open></amex-chat>`);
      const button = await waitFor(
        () => el.shadowRoot?.querySelector<HTMLButtonElement>('[part="quick-reply"]'),
        'a quick reply',
      );
      const label = button.textContent?.trim();
      button.click();
      await waitFor(() => bubbleTexts(el, 'assistant').length === 2, 'the reply');
      expect(bubbleTexts(el, 'customer')).to.have.length(1);
      expect(label).to.equal('Dispute a charge');
      expect(bubbleTexts(el, 'assistant')[1]).to.match(/dispute/i);
    });

    it('counts unread messages on the launcher while the panel is closed', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${endpoint} open></amex-chat>`);
      await waitFor(() => bubbleTexts(el, 'assistant').length === 1, 'the greeting');
      await el.hide();
      await el.send('hello');
      await waitFor(() => el.shadowRoot?.querySelector('[part="badge"]'), 'the unread badge');
      const launcher = el.shadowRoot!.querySelector('#launcher')!;
      expect(launcher.getAttribute('aria-label')).to.equal('Chat with us, 1 new message');
      await axeCheck(el);
      await el.show();
      expect(el.shadowRoot?.querySelector('[part="badge"]')).to.be.null;
    });

    it('reports the connection state to the host', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${endpoint}></amex-chat>`);
      const connecting = oneEvent<CustomEvent<AmexChatStateDetail>>(el, 'amex-chat-state');
      await el.show();
      expect((await connecting).detail.state).to.equal('connecting');
      const next = await oneEvent<CustomEvent<AmexChatStateDetail>>(el, 'amex-chat-state');
      expect(next.detail.state).to.equal('connected');
    });
  });
});

describe('<amex-chat transport="sse">', () => {
  let endpoint: string;
  serverForSuite({ replyDelay: 20 }, (url) => (endpoint = url));

  describe('transport', () => {
    it('holds the same conversation over Server-Sent Events and POST', async () => {
      const el = await fixture<AmexChatElement>(
        html`<amex-chat endpoint=${endpoint} transport="sse" open></amex-chat>`,
      );
      await waitFor(() => bubbleTexts(el, 'assistant').length === 1, 'the greeting');
      el.shadowRoot?.querySelector('textarea')?.focus();
      await sendKeys({ type: 'I lost my card' });
      await sendKeys({ press: 'Enter' });
      await waitFor(() => bubbleTexts(el, 'assistant').length === 2, 'the reply');
      expect(bubbleTexts(el, 'customer')).to.deep.equal(['I lost my card']);
      expect(bubbleTexts(el, 'assistant')[1]).to.match(/last four digits/);
      await waitFor(
        () => el.shadowRoot?.querySelector('.message.customer .status')?.textContent?.trim() === 'Sent',
        'the sent status',
      );
    });

    it('accepts an http endpoint and picks Server-Sent Events by itself', async () => {
      const httpEndpoint = endpoint.replace(/^ws/, 'http');
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${httpEndpoint} open></amex-chat>`);
      await waitFor(() => bubbleTexts(el, 'assistant').length === 1, 'the greeting');
      await el.send('payment due date');
      await waitFor(() => bubbleTexts(el, 'assistant').length === 2, 'the reply');
      expect(bubbleTexts(el, 'assistant')[1]).to.match(/due date/);
    });
  });
});
