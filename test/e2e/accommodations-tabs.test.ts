// Needs stated in a tab that does not hold the connection (two same-origin frames share Web
// Locks and BroadcastChannel as two tabs do): the tab that holds it passes them on to the server,
// the note redacted again, and both tabs get the server's notice.
import { expect } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import { axeInFrame, startReferenceServer, stopReferenceServers, waitFor } from '../support/helpers.js';
import { storedConversations } from '../support/debug-hooks.js';
import { addFrame, chatIn, loadFrame } from '../support/page.js';

const NOTED = /^We've noted what you told us: you use a screen reader/;

async function openTab(endpoint: string): Promise<AmexChatElement> {
  const frame = addFrame();
  await loadFrame(frame, `/test/fixtures/chat-page.html?endpoint=${encodeURIComponent(endpoint)}`);
  return chatIn(frame);
}

function $(el: AmexChatElement, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

function noted(el: AmexChatElement): Element | undefined {
  return [...el.shadowRoot!.querySelectorAll('.message.system .bubble')].find((b) =>
    NOTED.test(b.textContent ?? ''),
  );
}

describe('<amex-chat> accommodations in two tabs', () => {
  after(async () => {
    await stopReferenceServers();
  });

  it('has no axe violations in either tab with the form open in the tab without the connection', async () => {
    const endpoint = await startReferenceServer({ replyDelay: 5 });
    const first = await openTab(endpoint);
    await first.show();
    await waitFor(() => $(first, '.message.assistant'), 'the greeting in the first tab');
    const second = await openTab(endpoint);
    await second.show();
    await waitFor(() => $(second, '#needs-toggle'), '"Your needs" in the second tab');
    $(second, '#needs-toggle')!.click();
    await waitFor(() => $(second, '#needs-form'), 'the form');
    ($(second, '#need-screen-reader') as HTMLInputElement).click();
    expect(
      await axeInFrame(first.ownerDocument.defaultView!),
      'the tab holding the connection',
    ).to.deep.equal([]);
    expect(await axeInFrame(second.ownerDocument.defaultView!), 'the tab with the form').to.deep.equal([]);
  });

  it('needs saved in the tab without the connection reach the server, and both tabs hear back', async () => {
    const endpoint = await startReferenceServer({ replyDelay: 5, debug: true });
    const first = await openTab(endpoint);
    await first.show();
    await waitFor(() => $(first, '.message.assistant'), 'the greeting in the first tab');
    const second = await openTab(endpoint);
    await second.show();
    await waitFor(() => $(second, '.message.assistant'), 'the greeting in the second tab');
    await waitFor(() => $(second, '#needs-toggle'), '"Your needs" in the second tab');
    $(second, '#needs-toggle')!.click();
    await waitFor(() => $(second, '#needs-form'), 'the form');
    ($(second, '#need-screen-reader') as HTMLInputElement).click();
    const note = $(second, '#needs-note') as HTMLTextAreaElement;
    note.value = 'My card is 4111 1111 1111 1111, call me slowly';
    note.dispatchEvent(new Event('input'));
    $(second, '#needs-save')!.click();
    await waitFor(() => noted(second), 'the notice in the second tab');
    await waitFor(() => noted(first), 'the notice in the first tab');
    type Notice = { code: string; needs?: string[]; note?: string };
    const all = await storedConversations<{ events: { notice?: Notice }[] }>(endpoint);
    const stated = all.flatMap((c) =>
      c.events.flatMap((e) => (e.notice?.code === 'accommodations' ? [e.notice] : [])),
    );
    expect(stated, 'stated once, in one conversation').to.have.length(1);
    expect(stated[0]!.needs).to.deep.equal(['screen-reader']);
    expect(stated[0]!.note).to.be.a('string');
    expect(stated[0]!.note).to.not.include('4111');
  });
});
