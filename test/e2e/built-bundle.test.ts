// The drop-in promise: the built classic script works from a plain <script src>, with no
// bundler, and a second copy of the widget on the page does not throw. `npm test` builds first.
import { expect } from '@open-wc/testing';
import { axeCheck, startReferenceServer, stopReferenceServers, waitFor } from '../support/helpers.js';
import { removeAfterTest } from '../support/page.js';

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load: run npm run build`));
    document.head.append(script);
  });
}

describe('<amex-chat>', () => {
  describe('transport', () => {
    let endpoint: string;
    const errors: string[] = [];
    const onError = (event: ErrorEvent): void => {
      errors.push(event.message);
    };

    before(async () => {
      window.addEventListener('error', onError);
      endpoint = await startReferenceServer({ replyDelay: 20 });
      await loadScript('/dist/cdn/amex-chat.iife.js');
    });
    after(async () => {
      window.removeEventListener('error', onError);
      await stopReferenceServers();
    });

    it('has no axe violations in the open panel of the built bundle', async () => {
      document.body.insertAdjacentHTML(
        'beforeend',
        `<amex-chat id="built-audit" endpoint="${endpoint}" persist="none" open></amex-chat>`,
      );
      const el = removeAfterTest(document.getElementById('built-audit')!);
      await waitFor(() => el.shadowRoot?.querySelector('.message.assistant'), 'the greeting');
      await axeCheck(el);
    });

    it('registers the tag from the classic script and survives a second copy of the widget', async () => {
      expect(customElements.get('amex-chat')).to.be.a('function');
      await loadScript('/dist/cdn/amex-chat.iife.js');
      await import(/* @vite-ignore */ `${location.origin}/dist/cdn/amex-chat.js`);
      expect(errors).to.deep.equal([]);
    });

    it('chats with the reference server from the built bundle', async () => {
      document.body.insertAdjacentHTML('beforeend', `<amex-chat heading="Built bundle" open></amex-chat>`);
      const el = document.body.querySelector('amex-chat')!;
      removeAfterTest(el);
      el.setAttribute('endpoint', endpoint);
      el.removeAttribute('open');
      el.setAttribute('open', '');
      await el.updateComplete;
      expect(el.shadowRoot?.querySelector('h2')?.textContent).to.equal('Built bundle');
      await waitFor(() => el.shadowRoot?.querySelector('.message.assistant'), 'the greeting');
      await el.send('hello');
      await waitFor(() => el.shadowRoot?.querySelectorAll('.message.assistant').length === 2, 'the reply');
      const texts = [...el.shadowRoot!.querySelectorAll('.message .bubble')].map((b) => b.textContent);
      expect(texts[1]).to.equal('hello');
      expect(texts[2]).to.match(/help/);
    });
  });
});
