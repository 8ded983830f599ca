// The redaction invariant, proven on the wire: each kind of secret is typed into the real
// composer of the running widget and sent; neither the frames Chromium sent (CDP
// Network.webSocketFrameSent) nor the frames the real server received contain it, typing
// indicators included.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement, AmexChatRedactedDetail } from '../../src/index.js';
import '../../src/define.js';
import { FakeClock } from '../support/fake-clock.js';
import { content, digitsOf, leaks, secrets, typeEverySecret } from '../support/secrets.js';
import {
  axeCheck,
  framesReceivedByServer,
  waitFor,
  wireFramesSent,
  bodiesPosted,
} from '../support/helpers.js';
import { serverForSuite, serverForTest } from '../support/suite-server.js';

function bubbles(el: AmexChatElement, from: string): string[] {
  return [...(el.shadowRoot?.querySelectorAll(`.message.${from} .bubble`) ?? [])].map(
    (b) => b.textContent ?? '',
  );
}

describe('<amex-chat>', () => {
  describe('redaction', () => {
    let endpoint: string;
    serverForSuite({ replyDelay: 5, debug: true }, (url) => (endpoint = url), { recordWire: true });

    it('has no axe violations with the card-number warning, then the error of redaction="block"', async function () {
      this.timeout(30_000);
      // A server of its own: the next cases count the frames sent to `endpoint`.
      const own = await serverForTest({ replyDelay: 5 });
      const el = await fixture<AmexChatElement>(
        html`<amex-chat endpoint=${own} redaction="block"></amex-chat>`,
      );
      await el.focusComposer();
      await waitFor(() => bubbles(el, 'assistant').length === 1, 'the greeting');
      await sendKeys({ type: 'charge it to 5555 5555 5555 4444' });
      await waitFor(() => el.shadowRoot?.querySelector('#warning'), 'the warning');
      await axeCheck(el);
      await sendKeys({ press: 'Enter' });
      await waitFor(() => el.shadowRoot?.querySelector('#error'), 'the error saying what to remove');
      expect(bubbles(el, 'customer')).to.deep.equal([]);
      await axeCheck(el);
    });

    it('never puts a typed secret on the wire, typing indicators included', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${endpoint}></amex-chat>`);
      await typeEverySecret(el);

      const sent = await wireFramesSent(endpoint);
      const received = await framesReceivedByServer(endpoint);
      expect(sent.filter((f) => f.includes('"type":"message"'))).to.have.length(secrets.length);
      expect(sent.some((f) => f.includes('"type":"typing"'))).to.equal(true, 'typing frames were sent');
      expect(received.length).to.be.at.least(sent.length);
      for (const secret of secrets) {
        expect(leaks(sent, secret), `${secret.kind} in frames Chromium sent`).to.deep.equal([]);
        expect(leaks(received, secret), `${secret.kind} in frames the server received`).to.deep.equal([]);
        expect(
          leaks(bubbles(el, 'customer'), secret),
          `${secret.kind} in the customer's own transcript`,
        ).to.deep.equal([]);
      }
      // Typing frames carry nothing but the flag.
      for (const frame of sent.filter((f) => f.includes('"type":"typing"'))) {
        expect(Object.keys(JSON.parse(frame) as object).sort()).to.deep.equal(['active', 'type']);
      }
    });

    it('never puts a typed secret in the POST bodies of the SSE transport either', async () => {
      const el = await fixture<AmexChatElement>(
        html`<amex-chat endpoint=${endpoint} transport="sse"></amex-chat>`,
      );
      const sseBase = `${endpoint.replace(/^ws/, 'http')}/sse`;
      const before = (await bodiesPosted(sseBase)).length;
      await typeEverySecret(el);
      const posted = (await bodiesPosted(sseBase)).slice(before);
      expect(posted.filter((f) => f.includes('"type":"message"'))).to.have.length(secrets.length);
      for (const secret of secrets) {
        expect(leaks(posted, secret), `${secret.kind} in POST bodies`).to.deep.equal([]);
      }
    });

    it('shows the customer exactly what was sent, with the card masked to its last four', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${endpoint} open></amex-chat>`);
      const redacted = oneEvent<CustomEvent<AmexChatRedactedDetail>>(el, 'amex-chat-redacted');
      const message = await el.send('card 3782 822463 10005 please');
      expect(message.text).to.match(/0005/);
      expect(digitsOf(message.text)).to.not.include('822463');
      expect(bubbles(el, 'customer')).to.deep.equal([message.text]);
      expect((await redacted).detail).to.deep.equal({ kinds: ['card'], count: 1, action: 'mask' });
    });

    it('warns while typing, marks the composer, and announces the warning once', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${endpoint}></amex-chat>`);
      await el.focusComposer();
      const polite = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
      const announced: string[] = [];
      // Each announcement is a node of its own, added once and never rewritten (see Announcer), so
      // the nodes added are what was said, whatever else the region still shows beside them.
      new MutationObserver((records) => {
        for (const node of records.flatMap((r) => [...r.addedNodes])) {
          if (node.textContent?.trim()) announced.push(node.textContent.trim());
        }
      }).observe(polite, { childList: true, subtree: true });

      // The warning is said once typing pauses, on the element's clock: a fake one makes the
      // pauses without waiting.
      const time = new FakeClock(Date.now()).install();
      try {
        await sendKeys({ type: 'it is 4111 1111 1111 1111' });
        const warning = await waitFor(() => el.shadowRoot?.querySelector('#warning'), 'the warning');
        expect(warning.textContent).to.match(/card number/);
        const input = el.shadowRoot!.querySelector('textarea')!;
        expect(input.getAttribute('aria-describedby')).to.contain('warning');
        const mark = el.shadowRoot!.querySelector('.backdrop mark')!;
        expect(mark.textContent).to.equal('4111 1111 1111 1111');
        expect(mark.closest('[aria-hidden="true"]')).to.exist;
        time.advance(1000);
        await waitFor(() => announced.some((a) => a.includes('Warning')), 'the announcement');
        await sendKeys({ type: ' ok' });
        // A second pause: a second announcement would be made in the update it asks for.
        time.advance(1000);
        await el.updateComplete;
      } finally {
        time.uninstall();
      }
      // Once: one node says the warning, whether the greeting is announced in the same update or not.
      const said =
        'Warning: your message contains a card number. For your security it will be removed before sending.';
      expect(
        announced.filter((a) => a.includes(said)),
        announced.join(' | '),
      ).to.have.length(1);
      expect(announced.filter((a) => a.includes('Warning') && !a.includes(said))).to.deep.equal([]);
    });

    it('with redaction="block", does not send, keeps the draft and says what to remove', async () => {
      const el = await fixture<AmexChatElement>(
        html`<amex-chat endpoint=${endpoint} redaction="block"></amex-chat>`,
      );
      await el.focusComposer();
      await waitFor(() => bubbles(el, 'assistant').length === 1, 'the greeting');
      const before = (await wireFramesSent(endpoint)).length;
      const redacted = oneEvent<CustomEvent<AmexChatRedactedDetail>>(el, 'amex-chat-redacted');
      await sendKeys({ type: 'charge it to 5555 5555 5555 4444' });
      await sendKeys({ press: 'Enter' });
      expect((await redacted).detail).to.deep.equal({ kinds: ['card'], count: 1, action: 'block' });
      await el.updateComplete;
      const input = el.shadowRoot!.querySelector('textarea')!;
      expect(input.value).to.equal('charge it to 5555 5555 5555 4444');
      expect(el.shadowRoot?.querySelector('#error')?.textContent).to.match(/remove a card number/);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(bubbles(el, 'customer')).to.deep.equal([]);
      // A message sent afterwards marks the end: once the recorder has it, it has every frame
      // sent before it (its reports come on a channel of their own, and may lag).
      await el.send('a later message');
      let after: string[] = [];
      for (let tries = 0; tries < 100 && !after.some((f) => f.includes('a later message')); tries += 1) {
        if (tries) await new Promise((resolve) => setTimeout(resolve, 50));
        after = (await wireFramesSent(endpoint)).slice(before);
      }
      expect(after.some((f) => digitsOf(content(f)).includes('5555555555554444'))).to.equal(false);
      expect(after.filter((f) => f.includes('"type":"message"'))).to.have.length(1);
      expect(after.find((f) => f.includes('"type":"message"'))).to.include('a later message');
    });
  });
});
