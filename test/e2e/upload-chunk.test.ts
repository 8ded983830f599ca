// The built ES module for script tags loads the document upload strip (`document-upload-*.js`) as
// a chunk of its own: not for a chat with the assistant alone, ahead of need once an agent joins,
// and on an agent's request. When the chunk cannot load, the strip's place says so with "Try
// again", announced, and the request is kept: once the chunk loads, the strip shows it and sends
// documents for it. The agent is a real one over the reference server's /agent socket.
// `npm test` builds first; `/dist-flaky-<name>/` (test/support/wtr-plugins.mjs) is a copy of dist
// whose upload chunk fails until it is put up.
import { expect } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import { axeCheck, startReferenceServer, stopReferenceServers, waitFor } from '../support/helpers.js';
import { recordLiveRegions } from '../support/live-regions.js';
import { AgentSocket } from '../support/agent-socket.js';
import { closeAfterTest, removeAfterTest } from '../support/page.js';

type Module = typeof import('../../src/index.js');

/** The chunks named `prefix-*.js` fetched from the folder `dir` itself. */
const chunkRequests = (dir: string, prefix: string): string[] =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter(
      (path) => path.startsWith(dir) && new RegExp(`^${prefix}-[^/]*\\.js$`).test(path.slice(dir.length)),
    );

const uploadRequests = (dir: string): string[] => chunkRequests(dir, 'document-upload');

/** Resolves when the page has been idle (the widget's idle work has run). */
const idle = (): Promise<void> =>
  new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 50), { timeout: 3000 }));

/** A person on the reference server's agent socket, who takes the next conversation and asks for documents. */
class Agent extends AgentSocket {
  #conversation = '';

  /** Takes the conversation that started waiting last. */
  async accept(): Promise<void> {
    const waiting = await waitFor(() => {
      const board = this.frames.findLast((frame) => frame.type === 'board');
      return board?.type === 'board' ? board.waiting.toSorted((a, b) => b.since - a.since)[0] : undefined;
    }, 'a customer waiting on the board');
    this.#conversation = waiting.conversationId;
    this.ws.send(JSON.stringify({ type: 'accept', conversationId: this.#conversation }));
    await waitFor(() => this.frames.some((f) => f.type === 'assigned'), 'the conversation assigned');
  }

  ask(text: string): void {
    this.ws.send(JSON.stringify({ type: 'request-upload', conversationId: this.#conversation, text }));
  }
}

/** A file whose first bytes are a PDF's (the server checks them). */
const pdf = (name: string): File =>
  new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x20])], name, {
    type: 'application/pdf',
  });

describe('the document upload chunk of the built bundle', () => {
  let endpoint: string;

  before(async () => {
    endpoint = await startReferenceServer({ replyDelay: 5, simulatedAgent: false });
    // The built entry defines `amex-chat`, so that copies of it define only the tags given them.
    await import(/* @vite-ignore */ `${location.origin}/dist/cdn/amex-chat.js`);
  });
  const chats: AmexChatElement[] = [];
  afterEach(async () => {
    // Its conversation leaves the server, so the next test's agent takes the next test's customer.
    for (const el of chats.splice(0)) await el.end();
  });
  after(async () => {
    await stopReferenceServers();
  });

  /** An element of the copy at `dir` (its tag defined as `tag`), open, talking to the reference server. */
  async function chat(dir: string, tag: string): Promise<AmexChatElement> {
    const module = (await import(/* @vite-ignore */ `${location.origin}${dir}amex-chat.js`)) as Module;
    module.AmexChatElement.define(tag);
    const el = removeAfterTest(new module.AmexChatElement());
    chats.push(el);
    el.endpoint = endpoint;
    el.persist = 'none';
    document.body.append(el);
    await el.show();
    await waitFor(() => el.shadowRoot!.querySelector('.message.assistant'), 'the greeting');
    return el;
  }

  /** The customer asks for a person and `Maria` takes the conversation. */
  async function withAgent(el: AmexChatElement): Promise<Agent> {
    await el.send('I want to talk to an agent');
    const agent = closeAfterTest(await Agent.signIn(endpoint));
    await agent.accept();
    await waitFor(
      () => [...el.shadowRoot!.querySelectorAll('.message')].some((m) => m.textContent?.includes('Maria')),
      'the agent joined',
    );
    return agent;
  }

  it('has no axe violations with the strip that could not load, then the strip', async () => {
    // A copy of its own, so that the cases below count only their own fetches.
    await fetch('/dist-flaky-uploadaudit/fail/document-upload');
    const el = await chat('/dist-flaky-uploadaudit/cdn/', 'audit-upload-chat');
    const root = el.shadowRoot!;
    const agent = await withAgent(el);
    agent.ask('The receipt for the disputed charge');
    await waitFor(() => root.querySelector('#upload-retry'), 'the error strip');
    await axeCheck(el);
    await fetch('/dist-flaky-uploadaudit/up');
    root.querySelector<HTMLButtonElement>('#upload-retry')!.click();
    await waitFor(() => root.querySelector('#upload-text'), 'the upload strip');
    await axeCheck(el);
  });

  it('is not fetched for a chat with the assistant alone; an agent joining fetches it, and a request shows it', async () => {
    const dir = '/dist/cdn/';
    const el = await chat(dir, 'amex-chat');
    await el.send('What is my balance?');
    await waitFor(() => el.shadowRoot!.querySelectorAll('.message.assistant').length === 2, 'the reply');
    await idle();
    expect(chunkRequests(dir, 'panel'), 'the panel chunk').to.have.length(1);
    expect(uploadRequests(dir), 'no request, no upload chunk').to.deep.equal([]);

    const agent = await withAgent(el);
    // Ahead of need, when the page is idle.
    await waitFor(() => uploadRequests(dir).length === 1, 'the upload chunk, once an agent joined');
    expect(el.shadowRoot!.querySelector('[part="upload"]'), 'no strip without a request').to.equal(null);
    agent.ask('The receipt for the disputed charge');
    await waitFor(() => el.shadowRoot!.querySelector('#upload-text'), 'the upload strip');
    expect(el.shadowRoot!.querySelector('#upload-text')!.textContent).to.contain(
      'receipt for the disputed charge',
    );
    expect(uploadRequests(dir), 'fetched once').to.have.length(1);
    // Its rules came with it.
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="upload"]')!).display).to.equal('flex');
    await axeCheck(el);
  });

  it('is fetched on a request; failing, it says so with Try again, which then shows the same request', async () => {
    const dir = '/dist-flaky-upload/cdn/';
    // This copy's upload chunk fails (the connection closed) until it is put up; its panel loads.
    await fetch('/dist-flaky-upload/fail/document-upload');
    const el = await chat(dir, 'flaky-upload-chat');
    const root = el.shadowRoot!;
    const said = recordLiveRegions(root);
    const agent = await withAgent(el);
    // The load ahead of need fails, unseen and unsaid.
    await waitFor(() => uploadRequests(dir).length === 1, 'the load ahead of need');
    await idle();
    expect(root.querySelector('[part="part-failed"]')).to.equal(null);
    expect(said.texts('assertive').filter((t) => t.includes('could not load'))).to.deep.equal([]);

    // The request fetches it again; it fails: its place says so, once, assertively.
    agent.ask('The receipt for the disputed charge');
    const failed = await waitFor(() => root.querySelector('[part="part-failed"]'), 'the error strip');
    expect(uploadRequests(dir), 'fetched on the request').to.have.length(2);
    expect(failed.textContent).to.contain(
      'Customer Care asked for documents, but the form to send them could not load.',
    );
    const retry = root.querySelector<HTMLButtonElement>('#upload-retry')!;
    expect(retry.textContent?.trim()).to.equal('Try again');
    await waitFor(() => said.texts('assertive').some((t) => t.includes('could not load')), 'announced');
    expect(said.texts('assertive').filter((t) => t.includes('could not load'))).to.have.length(1);
    expect(root.querySelector('[part="upload"]')).to.equal(null);
    await axeCheck(el);

    // Still down: Try again fetches again, fails again, says so again; focus stays on it.
    retry.focus();
    retry.click();
    await waitFor(() => uploadRequests(dir).length === 3, 'fetched again');
    await waitFor(
      () => said.texts('assertive').filter((t) => t.includes('could not load')).length === 2,
      'the second failure announced',
    );
    await el.updateComplete;
    expect(root.activeElement).to.equal(root.querySelector('#upload-retry'));

    // Back up: Try again shows the strip with the same request; focus moves to Choose files.
    await fetch('/dist-flaky-upload/up');
    root.querySelector<HTMLButtonElement>('#upload-retry')!.click();
    await waitFor(() => root.querySelector('#upload-text'), 'the upload strip');
    expect(uploadRequests(dir)).to.have.length(4);
    expect(root.querySelector('[part="part-failed"]')).to.equal(null);
    expect(root.querySelector('#upload-text')!.textContent).to.contain('receipt for the disputed charge');
    await waitFor(() => root.activeElement?.id === 'upload-choose', 'focus on Choose files');
    await waitFor(
      () => said.texts('polite').some((t) => t.startsWith('Customer Care asked for documents:')),
      'the request announced',
    );
    await axeCheck(el);

    // The kept request is the agent's: a document sent with its token arrives.
    const input = root.querySelector<HTMLInputElement>('#upload-input')!;
    const data = new DataTransfer();
    data.items.add(pdf('receipt.pdf'));
    input.files = data.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('#upload-send')!.click();
    await waitFor(
      () => root.querySelector('[part="upload"]')?.textContent?.includes('1 document sent.'),
      'sent',
    );
    await waitFor(
      () => agent.frames.some((f) => f.type === 'conversation-event' && f.event.notice?.code === 'documents'),
      'the documents notice for the agent',
    );
    said.stop();
  });
});
