import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { AmexChatElement, AmexChatErrorDetail } from '../../src/index.js';
import '../../src/define.js';
import { axeCheck, waitFor, wireFramesSent } from '../support/helpers.js';
import { serverForSuite, serverForTest } from '../support/suite-server.js';

describe('<amex-chat>', () => {
  describe('transport', () => {
    let endpoint: string;

    serverForSuite(
      {
        replyDelay: 5,
        tokens: 'fresh-token-123',
        expiredTokens: 'stale-token-456',
      },
      (url) => (endpoint = url),
      { recordWire: true },
    );

    it('has no axe violations with the error shown when the token is refused', async () => {
      // A server of its own: the recorded hello frames of the next case are those on `endpoint`.
      const own = await serverForTest({ replyDelay: 5, tokens: 'fresh-token-123' });
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${own}></amex-chat>`);
      el.tokenProvider = () => Promise.resolve('forged-token');
      const error = oneEvent<CustomEvent<AmexChatErrorDetail>>(el, 'amex-chat-error');
      await el.show();
      expect((await error).detail.code).to.equal('auth');
      await el.updateComplete;
      await waitFor(() => el.shadowRoot?.querySelector('#error'), 'the error in the open panel');
      await axeCheck(el);
    });

    it('refreshes an expired token once and carries it only in the hello frame', async () => {
      const tokens = ['stale-token-456', 'fresh-token-123'];
      let calls = 0;
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${endpoint}></amex-chat>`);
      el.tokenProvider = () => Promise.resolve(tokens[Math.min(calls++, 1)]!);
      await el.show();
      await waitFor(() => el.shadowRoot?.querySelector('.message.assistant'), 'the greeting after a refresh');
      expect(calls).to.equal(2);
      // Frames are filtered by socket URL === endpoint: the token is not in the URL. The browser's
      // reports of sent frames reach the recorder on a channel of their own, so they may still be
      // on their way when the greeting shows (CI once read none): wait for both hellos.
      let hellos: string[] = [];
      for (let tries = 0; tries < 100 && hellos.length < 2; tries += 1) {
        if (tries) await new Promise((resolve) => setTimeout(resolve, 50));
        hellos = (await wireFramesSent(endpoint)).filter((f) => f.includes('"type":"hello"'));
      }
      expect(hellos.map((f) => (JSON.parse(f) as { token?: string }).token)).to.deep.equal(tokens);
      const storage = JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage)]);
      expect(storage).to.not.contain('token-');
      expect(el.shadowRoot?.querySelector('#error')).to.be.null;
    });

    it('ends with an accessible error when the token is refused', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${endpoint}></amex-chat>`);
      el.tokenProvider = () => Promise.resolve('forged-token');
      const error = oneEvent<CustomEvent<AmexChatErrorDetail>>(el, 'amex-chat-error');
      await el.show();
      expect((await error).detail.code).to.equal('auth');
      await el.updateComplete;
      expect(el.shadowRoot?.querySelector('#error')?.textContent).to.match(/couldn't verify your session/);
      await waitFor(
        () => el.shadowRoot?.querySelector('[aria-live="assertive"]')?.textContent?.includes('verify'),
        'an assertive announcement',
      );
    });
  });
});
