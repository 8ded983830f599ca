// The built ES module for script tags, `dist/cdn/amex-chat.js`, loads the panel's module
// (redaction, conversation, transports) as a chunk of its own: not before the launcher shows, when the page is idle or at
// once when the panel opens. Hosted without that chunk, the panel says it could not load; when
// the chunk fails for a while (a flaky network), opening the panel again or its Retry button
// loads it once it can.
// The npm build (`dist/element.js`, importing `lit`) does the same with its own chunk.
// `npm test` builds first; `/dist-no-panel/` serves dist/ with the chunk answering 404.
import { expect, oneEvent } from '@open-wc/testing';
import type { AmexChatElement, AmexChatErrorDetail } from '../../src/index.js';
import { axeCheck, startReferenceServer, stopReferenceServers, waitFor } from '../support/helpers.js';
import { removeAfterTest } from '../support/page.js';
import { quietFor } from '../support/quiet.js';

type Module = typeof import('../../src/index.js');

/** The panel chunks fetched from the folder `dir` itself (`/dist/` is not `/dist/cdn/`). */
const panelRequests = (dir: string): string[] =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith(dir) && /^panel-[^/]*\.js$/.test(path.slice(dir.length)));

/** Puts `el` on the page (removed after the test), talking to `endpoint`, saving nothing; once rendered. */
async function placed<T extends AmexChatElement>(el: T, endpoint: string): Promise<T> {
  removeAfterTest(el);
  el.endpoint = endpoint;
  el.persist = 'none';
  document.body.append(el);
  await el.updateComplete;
  return el;
}

describe('the panel module of the built bundle', () => {
  let built: Module;
  let endpoint: string;

  before(async () => {
    endpoint = await startReferenceServer({ replyDelay: 20 });
    built = (await import(/* @vite-ignore */ `${location.origin}/dist/cdn/amex-chat.js`)) as Module;
  });
  after(async () => {
    await stopReferenceServers();
  });

  it('has no axe violations in the panel that says the chat could not load', async () => {
    // The copy hosted without its chunk (below): nothing of `/dist/cdn/` is requested.
    const module = (await import(
      /* @vite-ignore */ `${location.origin}/dist-no-panel/cdn/amex-chat.js`
    )) as Module;
    module.AmexChatElement.define('broken-chat');
    const el = await placed(new module.AmexChatElement(), endpoint);
    el.shadowRoot!.querySelector<HTMLButtonElement>('#launcher')!.click();
    await waitFor(
      () => el.shadowRoot!.querySelector('#panel [part="error"]') && el.shadowRoot!.querySelector('#reload'),
      'the load error and its Retry in the open panel',
    );
    await el.updateComplete;
    await axeCheck(el);
  });

  it('is not requested before the launcher shows, then loads while the page is idle', async () => {
    expect(panelRequests('/dist/cdn/')).to.deep.equal([]);
    const el = await placed(document.createElement('amex-chat'), endpoint);
    expect(el.shadowRoot?.querySelector('#launcher')).to.exist;
    expect(panelRequests('/dist/cdn/'), 'requested before the launcher rendered').to.deep.equal([]);
    await waitFor(() => panelRequests('/dist/cdn/').length === 1, 'the panel chunk, when idle');
    el.open = true;
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('#input')).to.exist;
    await el.send('hello from the chunk');
    await waitFor(() => el.shadowRoot?.querySelectorAll('.message.assistant').length === 2, 'the reply');
  });

  it('exports the element class the tag is registered with', () => {
    expect(customElements.get('amex-chat')).to.equal(built.AmexChatElement);
  });

  it('send() on a launcher that never opened loads the chunk first, then sends the message redacted', async () => {
    // A fresh copy of the entry: its panel module is not loaded, not even by an idle callback yet.
    const fresh = (await import(
      /* @vite-ignore */ `${location.origin}/dist-fresh/cdn/amex-chat.js`
    )) as Module;
    fresh.AmexChatElement.define('fresh-chat');
    const el = await placed(new fresh.AmexChatElement(), endpoint);
    expect(panelRequests('/dist-fresh/cdn/'), 'nothing loaded before send()').to.deep.equal([]);
    const sent = await el.send('my card is 4111 1111 1111 1111');
    expect(panelRequests('/dist-fresh/cdn/')).to.have.length(1);
    expect(sent.text).to.not.include('4111 1111 1111 1111');
    expect(sent.text).to.include('1111');
    el.open = true;
    await el.updateComplete;
    await waitFor(
      () => el.shadowRoot?.querySelectorAll('.message.customer').length === 1,
      'the sent message',
    );
  });

  describe('hosted without its chunk', () => {
    let Broken: Module['AmexChatElement'];

    before(async () => {
      // A second copy of the entry under another path: its own module state, whose chunk is missing.
      const module = (await import(
        /* @vite-ignore */ `${location.origin}/dist-no-panel/cdn/amex-chat.js`
      )) as Module;
      Broken = module.AmexChatElement;
      Broken.define('broken-chat');
      expect(customElements.get('broken-chat')).to.equal(Broken);
    });

    it('opens a panel that says the chat could not load, with an error event, and stays usable', async () => {
      const el = await placed(new Broken(), endpoint);
      const launcher = el.shadowRoot!.querySelector<HTMLButtonElement>('#launcher')!;
      const errorEvent = oneEvent(el, 'amex-chat-error');
      launcher.click();
      const { detail } = (await errorEvent) as CustomEvent<AmexChatErrorDetail>;
      expect(detail.code).to.equal('load');
      expect(detail.message).to.match(/could not load/);
      await el.updateComplete;
      expect(panelRequests('/dist-no-panel/cdn/').length).to.be.greaterThan(0);
      const panel = el.shadowRoot!.querySelector<HTMLElement>('#panel')!;
      expect(panel.hidden).to.equal(false);
      expect(launcher.getAttribute('aria-expanded')).to.equal('true');
      expect(panel.querySelector('[part="error"]')?.textContent).to.equal(detail.message);
      // Announced, not only shown.
      await waitFor(
        () =>
          el.shadowRoot!.querySelector('[aria-live="assertive"]')?.textContent?.includes('could not load'),
        'the assertive announcement',
      );
      expect(panel.querySelector('#input'), 'no composer without redaction').to.equal(null);
      // Focus went to the panel's Retry button; Escape closes the panel and the launcher returns.
      await waitFor(() => el.shadowRoot!.activeElement?.id === 'reload', 'focus on Retry');
      expect(el.shadowRoot!.activeElement?.id).to.equal('reload');
      panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      await el.updateComplete;
      expect(el.open).to.equal(false);
      // send() refuses with the same code rather than sending anything unredacted.
      let refused: unknown;
      await el.send('my card is 4111 1111 1111 1111').catch((error: unknown) => (refused = error));
      expect((refused as { code?: string } | undefined)?.code).to.equal('load');
    });
  });

  describe('hosted without its chunk, in Spanish', () => {
    it("shows the launcher and the failed panel in the element's own words, which come without the chunk", async () => {
      // The panel's words load with its chunk; the launcher, the frame and the load error must not
      // need it (a string that moved to the panel's catalogue would read "undefined" here).
      const module = (await import(
        /* @vite-ignore */ `${location.origin}/dist-no-panel/cdn/amex-chat.js`
      )) as Module;
      module.AmexChatElement.define('broken-chat');
      const el = new module.AmexChatElement();
      el.lang = 'es-MX';
      await placed(el, endpoint);
      const root = el.shadowRoot!;
      const launcher = root.querySelector<HTMLButtonElement>('#launcher')!;
      expect(launcher.textContent?.trim()).to.equal('Chatear con nosotros');
      launcher.click();
      await waitFor(() => root.querySelector('#reload'), 'the load error and its Retry');
      await el.updateComplete;
      const panel = root.querySelector<HTMLElement>('#panel')!;
      expect(panel.getAttribute('lang')).to.equal('es');
      expect(root.querySelector('#heading')?.textContent).to.equal('Atención al cliente');
      expect(root.querySelector('.close')?.getAttribute('aria-label')).to.equal('Cerrar chat');
      expect(root.querySelector('#load-error')?.textContent).to.match(/^No se pudo cargar el chat\./);
      expect(root.querySelector('#reload')?.textContent?.trim()).to.equal('Reintentar');
      expect(panel.textContent).to.not.include('undefined');
    });
  });

  describe('when its chunk fails for a while', () => {
    /** A copy of the entry whose chunk answers 503 until `network(name, 'up')`. */
    const copy = async (name: string): Promise<Module['AmexChatElement']> => {
      const module = (await import(
        /* @vite-ignore */ `${location.origin}/dist-flaky-${name}/cdn/amex-chat.js`
      )) as Module;
      module.AmexChatElement.define(`flaky-${name}-chat`);
      return module.AmexChatElement;
    };
    const network = async (name: string, state: 'up' | 'down'): Promise<void> => {
      await fetch(`/dist-flaky-${name}/${state}`);
    };
    /** An element of that copy in the page (launcher rendered), and the codes of its error events. */
    const mount = async (
      name: string,
    ): Promise<{ el: InstanceType<Module['AmexChatElement']>; codes: string[] }> => {
      const Chat = await copy(name);
      const el = new Chat();
      const codes: string[] = [];
      el.addEventListener('amex-chat-error', (event) => codes.push(event.detail.code));
      await placed(el, endpoint);
      return { el, codes };
    };

    it('loads it when the panel opens after the idle load failed, with no error shown', async () => {
      const { el, codes } = await mount('idle');
      // The idle load: it fails, silently (the panel is closed).
      await waitFor(() => panelRequests('/dist-flaky-idle/cdn/').length === 1, 'the idle load');
      // A closed launcher's failed load says nothing: no event marks its end.
      await quietFor(100, 'the idle load failing, silently');
      expect(codes).to.deep.equal([]);
      await network('idle', 'up');
      el.shadowRoot!.querySelector<HTMLButtonElement>('#launcher')!.click();
      await el.updateComplete;
      expect(panelRequests('/dist-flaky-idle/cdn/'), 'loaded again on opening').to.have.length(2);
      const input = await waitFor(() => el.shadowRoot!.querySelector<HTMLTextAreaElement>('#input'));
      await waitFor(() => el.shadowRoot!.activeElement === input, 'focus in the message box');
      expect(codes).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('[part="error"]'), 'no error shown').to.equal(null);
    });

    it('has a Retry button that loads it again: each failure announced, then the conversation', async () => {
      const { el, codes } = await mount('retry');
      el.shadowRoot!.querySelector<HTMLButtonElement>('#launcher')!.click();
      await waitFor(() => codes.length === 1, 'the first error event');
      await el.updateComplete;
      // One failure, one event (the idle load may have been under way when the panel opened).
      await quietFor(100, 'a second error event for one failure');
      expect(codes).to.deep.equal(['load']);
      const root = el.shadowRoot!;
      const retry = await waitFor(() => root.querySelector<HTMLButtonElement>('#reload'));
      await waitFor(() => root.activeElement === retry, 'focus on Retry');
      expect(retry.textContent?.trim()).to.equal('Retry');
      // Its description is the error, so a screen reader that lands on it hears why.
      const describedBy = retry.getAttribute('aria-describedby')!;
      expect(root.getElementById(describedBy)?.textContent).to.match(/could not load.*try again/);
      await axeCheck(el);

      // Still down: Retry fetches again, fails again, and says so again.
      const requests = panelRequests('/dist-flaky-retry/cdn/').length;
      // (The live region clears 1 s after an announcement; an identical one before that is dropped.)
      await waitFor(() => !root.querySelector('[aria-live="assertive"]')?.textContent?.trim(), 'quiet');
      retry.click();
      await waitFor(() => codes.length === 2, 'the second error event');
      expect(codes).to.deep.equal(['load', 'load']);
      expect(panelRequests('/dist-flaky-retry/cdn/').length).to.equal(requests + 1);
      await waitFor(
        () => root.querySelector('[aria-live="assertive"]')?.textContent?.includes('could not load'),
        'the failure announced again',
      );
      await el.updateComplete;
      expect(root.activeElement, 'focus stays on Retry').to.equal(root.querySelector('#reload'));
      expect(root.querySelector('#input')).to.equal(null);

      // Back up: Retry loads it; the conversation replaces the error and focus moves to the box.
      await network('retry', 'up');
      root.querySelector<HTMLButtonElement>('#reload')!.click();
      const input = await waitFor(() => root.querySelector<HTMLTextAreaElement>('#input'), 'the composer');
      await waitFor(() => root.activeElement === input, 'focus in the message box');
      expect(codes).to.have.length(2);
      expect(root.querySelector('#reload')).to.equal(null);
      expect(root.querySelector('[part="error"]'), 'the load error is gone').to.equal(null);
      const sent = await el.send('my card is 4111 1111 1111 1111');
      expect(sent.text).to.not.include('4111 1111 1111 1111');
      await waitFor(() => root.querySelectorAll('.message.assistant').length === 2, 'the reply');
      await axeCheck(el);
    });

    it('send() loads it again too, and rejects only while it cannot', async () => {
      const { el } = await mount('send');
      let refused: unknown;
      await el.send('hello').catch((error: unknown) => (refused = error));
      expect((refused as { code?: string } | undefined)?.code).to.equal('load');
      await network('send', 'up');
      const sent = await el.send('my card is 4111 1111 1111 1111');
      expect(sent.text).to.not.include('4111 1111 1111 1111');
    });
  });
  describe('of the npm build', () => {
    it('loads its own chunk while the page is idle, from the side-effect-free entry', async () => {
      // dist/element.js imports `lit` (resolved here as a host's bundler would) and defines nothing.
      const npm = (await import(/* @vite-ignore */ `${location.origin}/dist/element.js`)) as Module;
      expect(npm.AmexChatElement).to.not.equal(built.AmexChatElement);
      expect(customElements.get('npm-build-chat'), 'nothing defined on import').to.equal(undefined);
      npm.AmexChatElement.define('npm-build-chat');
      expect(panelRequests('/dist/')).to.deep.equal([]);
      const el = await placed(new npm.AmexChatElement(), endpoint);
      expect(el.shadowRoot?.querySelector('#launcher')).to.exist;
      await waitFor(() => panelRequests('/dist/').length === 1, "the npm build's panel chunk, when idle");
      const sent = await el.send('my card is 4111 1111 1111 1111');
      expect(sent.text).to.not.include('4111 1111 1111 1111');
      el.open = true;
      await el.updateComplete;
      await waitFor(() => el.shadowRoot?.querySelectorAll('.message.assistant').length === 2, 'the reply');
    });
  });
});
