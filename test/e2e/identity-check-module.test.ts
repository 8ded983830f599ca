// The identity check of the built bundle (`dist/cdn/`) is a chunk of its own, `identity-check-*.js`:
// a chat with the virtual assistant alone never fetches it; an agent joining fetches it when the
// page is idle, so the agent's request finds it here. When it cannot load (a flaky network:
// `/dist-flaky-<name>/` with its identity check's chunk failing), the strip's place says so, once,
// with "Try again", and the request is kept: once the chunk loads, the strip shows it.
import { expect } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import {
  axeCheck,
  deepActiveElement,
  startReferenceServer,
  stopReferenceServers,
  waitFor,
} from '../support/helpers.js';
import { AgentSocket } from '../support/agent-socket.js';
import { recordLiveRegions } from '../support/live-regions.js';
import { removeAfterTest } from '../support/page.js';

type Module = typeof import('../../src/index.js');

const UNAVAILABLE =
  'Customer Care asked to confirm your identity, but this step could not load. Check your connection, then try again.';

/** The identity check's chunks fetched from the folder `dir` itself. */
const checkRequests = (dir: string): string[] =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith(dir) && /^identity-check-[^/]*\.js$/.test(path.slice(dir.length)));

/** The page's next idle time (when the panel's prefetch would run). */
const idle = (): Promise<void> => new Promise((resolve) => requestIdleCallback(() => resolve()));

describe('the identity check chunk of the built bundle', () => {
  let endpoint = '';
  let agent: AgentSocket;
  const accepted = new Set<string>();

  before(async () => {
    endpoint = await startReferenceServer({ demoDevice: true, simulatedAgent: false, replyDelay: 5 });
    agent = await AgentSocket.signIn(endpoint);
  });
  after(async () => {
    agent.close();
    await stopReferenceServers();
  });

  /** A customer of the demo account, in the open panel, who has had the assistant's reply. */
  async function customer(Chat: Module['AmexChatElement']): Promise<AmexChatElement> {
    const el = removeAfterTest(new Chat());
    el.endpoint = endpoint;
    el.account = '1005';
    el.persist = 'none';
    document.body.append(el);
    await el.show();
    await el.send('I want to talk to an agent');
    await waitFor(() => el.shadowRoot!.querySelectorAll('.message.assistant').length >= 2, 'the reply');
    return el;
  }

  /** The agent takes the customer's chat (the one not taken before); its conversation's id. */
  async function takeChat(): Promise<string> {
    const waiting = (): string | undefined => {
      for (const f of agent.frames)
        if (f.type === 'board')
          for (const w of f.waiting) if (!accepted.has(w.conversationId)) return w.conversationId;
      return undefined;
    };
    const conversationId = await waitFor(waiting, 'the customer waiting');
    accepted.add(conversationId);
    agent.send({ type: 'accept', conversationId });
    await waitFor(
      () => agent.frames.some((f) => f.type === 'assigned' && f.conversationId === conversationId),
      'assigned',
    );
    return conversationId;
  }

  it('has no axe violations with the check that could not load, then the check', async () => {
    // The built entry owns `amex-chat`, as in the case below; a copy of its own, so that the
    // cases below count only their own fetches.
    await import(/* @vite-ignore */ `${location.origin}/dist/cdn/amex-chat.js`);
    await fetch('/dist-flaky-verifyaudit/fail/identity-check');
    const copy = (await import(
      /* @vite-ignore */ `${location.origin}/dist-flaky-verifyaudit/cdn/amex-chat.js`
    )) as Module;
    copy.AmexChatElement.define('audit-verify-chat');
    const el = await customer(copy.AmexChatElement);
    const root = el.shadowRoot!;
    const conversationId = await takeChat();
    agent.send({ type: 'verify', conversationId });
    await waitFor(() => root.querySelector('#verify-retry'), 'the error');
    await axeCheck(el);
    await fetch('/dist-flaky-verifyaudit/up');
    root.querySelector<HTMLButtonElement>('#verify-retry')!.click();
    await waitFor(() => root.querySelector('#verify-push'), 'the strip');
    await axeCheck(el);
  });

  it('is not fetched in a chat without a check, then when an agent joins, ahead of the check', async () => {
    const built = (await import(/* @vite-ignore */ `${location.origin}/dist/cdn/amex-chat.js`)) as Module;
    const el = await customer(built.AmexChatElement);
    await idle();
    expect(checkRequests('/dist/cdn/'), 'a chat with the assistant').to.deep.equal([]);
    const conversationId = await takeChat();
    await waitFor(() => checkRequests('/dist/cdn/').length === 1, 'fetched when the page is idle');
    agent.send({ type: 'verify', conversationId });
    const push = await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>('#verify-push'), 'the strip');
    expect(checkRequests('/dist/cdn/'), 'fetched once').to.have.length(1);
    // Its rules came with it: laid out as a strip, its first method in the accent colour.
    const strip = el.shadowRoot!.querySelector<HTMLElement>('#verify')!;
    expect(getComputedStyle(strip).display).to.equal('flex');
    expect(getComputedStyle(push).backgroundColor).to.not.equal(
      getComputedStyle(el.shadowRoot!.querySelector('#verify-cancel')!).backgroundColor,
    );
    await axeCheck(el);
  });

  it('says when it cannot load, once, keeps the request, and shows it after "Try again"', async () => {
    // A copy whose identity check's chunk fails (the connection closed) until it is back up.
    await fetch('/dist-flaky-verify/fail/identity-check');
    const copy = (await import(
      /* @vite-ignore */ `${location.origin}/dist-flaky-verify/cdn/amex-chat.js`
    )) as Module;
    copy.AmexChatElement.define('flaky-verify-chat');
    const el = await customer(copy.AmexChatElement);
    const root = el.shadowRoot!;
    const live = recordLiveRegions(root);
    const dir = '/dist-flaky-verify/cdn/';
    const conversationId = await takeChat();
    // The idle prefetch fails unseen and unsaid.
    await waitFor(() => checkRequests(dir).length === 1, 'the prefetch');
    await idle();
    expect(root.querySelector('.part-failed'), 'nothing shown before a check').to.equal(null);
    await el.focusComposer();

    agent.send({ type: 'verify', conversationId });
    const retry = await waitFor(() => root.querySelector<HTMLButtonElement>('#verify-retry'), 'the error');
    expect(checkRequests(dir), 'fetched again for the check').to.have.length(2);
    expect(root.querySelector('#verify-retry-text')?.textContent).to.equal(UNAVAILABLE);
    expect(retry.textContent?.trim()).to.equal('Try again');
    // As the strip would have: a new request takes focus from the message box, and is said.
    await waitFor(() => deepActiveElement() === retry, 'focus on Try again');
    await waitFor(() => live.texts('assertive').includes(UNAVAILABLE), 'said');
    await axeCheck(el);

    // Still down: tried again, said again, focus stays.
    await waitFor(() => !root.querySelector('[aria-live="assertive"]')?.textContent?.trim(), 'quiet');
    retry.click();
    await waitFor(
      () => live.texts('assertive').filter((text) => text === UNAVAILABLE).length === 2,
      'said again',
    );
    expect(checkRequests(dir)).to.have.length(3);
    expect(deepActiveElement()).to.equal(root.querySelector('#verify-retry'));
    expect(root.querySelector('#verify')).to.equal(null);

    // Back up: the request that was kept shows, and focus goes on into it.
    await fetch('/dist-flaky-verify/up');
    root.querySelector<HTMLButtonElement>('#verify-retry')!.click();
    const push = await waitFor(() => root.querySelector<HTMLElement>('#verify-push'), 'the strip');
    await waitFor(() => deepActiveElement() === push, 'focus on the first method');
    expect(root.querySelector('#verify-retry'), 'the error is gone').to.equal(null);
    expect(live.texts('assertive').filter((text) => text === UNAVAILABLE)).to.have.length(2);
    expect(live.texts('assertive').some((text) => text.startsWith('Confirm it’s you.'))).to.equal(true);
    expect(getComputedStyle(root.querySelector('#verify')!).display).to.equal('flex');
    await axeCheck(el);
  });

  it("goes with the chat's end while it could not load, and the ended check never shows", async () => {
    await fetch('/dist-flaky-verify-end/fail/identity-check');
    const copy = (await import(
      /* @vite-ignore */ `${location.origin}/dist-flaky-verify-end/cdn/amex-chat.js`
    )) as Module;
    copy.AmexChatElement.define('flaky-verifyend-chat');
    const el = await customer(copy.AmexChatElement);
    const root = el.shadowRoot!;
    const conversationId = await takeChat();
    await el.focusComposer();
    agent.send({ type: 'verify', conversationId });
    const retry = await waitFor(() => root.querySelector<HTMLButtonElement>('#verify-retry'), 'the error');
    await waitFor(() => deepActiveElement() === retry, 'focus on Try again');
    const fetched = checkRequests('/dist-flaky-verify-end/cdn/').length;
    agent.send({ type: 'end', conversationId, summary: 'Checked the charge.' });
    await waitFor(() => root.querySelector('.ended'), "the chat's end");
    await waitFor(() => !root.querySelector('#verify-retry'), 'the error goes');
    await waitFor(() => deepActiveElement()?.id === 'input', 'focus to the message box');
    // Loadable again: what the server says of the ended check is not shown, nor loaded for.
    await fetch('/dist-flaky-verify-end/up');
    await idle();
    expect(checkRequests('/dist-flaky-verify-end/cdn/')).to.have.length(fetched);
    expect(root.querySelector('#verify')).to.equal(null);
    expect(root.querySelector('.part-failed')).to.equal(null);
  });
});
