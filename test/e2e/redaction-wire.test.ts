// The redaction invariant, proven on the wire: each kind of secret is typed into the real
// composer of the running widget and sent; neither the frames Chromium sent (CDP
// Network.webSocketFrameSent) nor the frames the real server received contain it, typing
// indicators included.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement, AmexChatRedactedDetail } from '../../src/index.js';
import '../../src/define.js';
import {
  axeCheck,
  framesReceivedByServer,
  recordWireFrames,
  startReferenceServer,
  stopReferenceServers,
  waitFor,
  wireFramesSent,
  bodiesPosted,
} from '../support/helpers.js';

interface Secret {
  kind: string;
  typed: string;
  /** What must never appear: digits are compared after mapping every Unicode digit to ASCII. */
  forbidden: string;
}

const secrets: Secret[] = [
  { kind: 'card', typed: 'my card is 3782 822463 10005 thanks', forbidden: '378282246310005' },
  { kind: 'card', typed: 'visa 4111-1111-1111-1111', forbidden: '4111111111111111' },
  { kind: 'card', typed: 'full width ４１１１ １１１１ １１１１ １１１１', forbidden: '4111111111111111' },
  { kind: 'cvv', typed: 'the security code on the front is 7391', forbidden: '7391' },
  { kind: 'ssn', typed: 'my SSN is 219-09-9999', forbidden: '219099999' },
  { kind: 'otp', typed: 'the one-time code is 482913', forbidden: '482913' },
  { kind: 'password', typed: 'my password is Tr0ub4dor&3', forbidden: 'Tr0ub4dor&3' },
];

/** Maps every Unicode decimal digit to ASCII and drops everything else. */
function digitsOf(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC')) {
    if (/\p{Nd}/u.test(ch)) {
      const cp = ch.codePointAt(0)!;
      // Every Unicode Nd block is a run of ten starting at a code point ≡ 0 (mod 16) or so;
      // compute the value by walking back to the block's zero.
      let zero = cp;
      while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1)) && cp - zero < 9) zero--;
      out += String(cp - zero);
    }
  }
  return out;
}

/** The customer-controlled content of a frame: everything but ids and resume cursors. */
function content(frame: string): string {
  try {
    const data = JSON.parse(frame) as Record<string, unknown>;
    delete data['id'];
    delete data['resume'];
    return JSON.stringify(data);
  } catch {
    return frame;
  }
}

function leaks(frames: string[], secret: Secret): string[] {
  return frames.filter((frame) => {
    const body = content(frame);
    return /^\d+$/.test(secret.forbidden)
      ? digitsOf(body).includes(secret.forbidden)
      : body.includes(secret.forbidden);
  });
}

function bubbles(el: AmexChatElement, from: string): string[] {
  return [...(el.shadowRoot?.querySelectorAll(`.message.${from} .bubble`) ?? [])].map(
    (b) => b.textContent ?? '',
  );
}

/** Types each secret into the real composer and sends it with Enter, then waits for every reply. */
async function typeEverySecret(el: AmexChatElement): Promise<void> {
  await el.focusComposer();
  await waitFor(() => bubbles(el, 'assistant').length === 1, 'the greeting');
  for (const [index, secret] of secrets.entries()) {
    await sendKeys({ type: secret.typed });
    await sendKeys({ press: 'Enter' });
    await waitFor(
      () => bubbles(el, 'customer').length === index + 1,
      `message ${index + 1} in the transcript`,
    );
  }
  await waitFor(() => bubbles(el, 'assistant').length === secrets.length + 1, 'every reply');
}

describe('<amex-chat>', () => {
  describe('redaction', () => {
    let endpoint: string;

    before(async () => {
      endpoint = await startReferenceServer({ replyDelay: 5, debug: true });
      await recordWireFrames();
    });
    after(async () => {
      await stopReferenceServers();
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
      new MutationObserver(() => {
        if (polite.textContent?.trim()) announced.push(polite.textContent.trim());
      }).observe(polite, { childList: true, characterData: true, subtree: true });

      await sendKeys({ type: 'it is 4111 1111 1111 1111' });
      const warning = await waitFor(() => el.shadowRoot?.querySelector('#warning'), 'the warning');
      expect(warning.textContent).to.match(/card number/);
      const input = el.shadowRoot!.querySelector('textarea')!;
      expect(input.getAttribute('aria-describedby')).to.contain('warning');
      const mark = el.shadowRoot!.querySelector('.backdrop mark')!;
      expect(mark.textContent).to.equal('4111 1111 1111 1111');
      expect(mark.closest('[aria-hidden="true"]')).to.exist;
      await waitFor(() => announced.some((a) => a.startsWith('Warning')), 'the announcement');
      await sendKeys({ type: ' ok' });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(
        announced.filter((a) => a.includes('Warning')),
        announced.join(' | '),
      ).to.deep.equal([
        'Warning: your message contains a card number. For your security it will be removed before sending.',
      ]);
      await axeCheck(el);
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
      const after = (await wireFramesSent(endpoint)).slice(before);
      expect(after.some((f) => digitsOf(content(f)).includes('5555555555554444'))).to.equal(false);
      expect(after.some((f) => f.includes('"type":"message"'))).to.equal(false);
      await axeCheck(el);
    });
  });
});
