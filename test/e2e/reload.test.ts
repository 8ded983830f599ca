// A message sent while the server is unreachable survives a reload of the page (in
// sessionStorage, redacted) and is delivered once, and shown once, when the server is back; and a
// card typed in parts cannot be completed across a reload (what the server stored is checked).
import { expect } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import { axeInFrame, startReferenceServer, stopReferenceServers, waitFor } from '../support/helpers.js';
import { saidByCustomer, storedConversations } from '../support/debug-hooks.js';
import { addFrame, chatIn, loadFrame } from '../support/page.js';

function customerTexts(el: AmexChatElement): string[] {
  return [...(el.shadowRoot?.querySelectorAll('.message.customer .bubble') ?? [])].map(
    (b) => b.textContent ?? '',
  );
}

/** A reference server and a page with the chat in a frame, its greeting shown. */
async function openChat(): Promise<{ port: number; frame: HTMLIFrameElement; el: AmexChatElement }> {
  const endpoint = await startReferenceServer({ replyDelay: 5, debug: true });
  const port = Number(new URL(endpoint.replace(/^ws/, 'http')).port);
  const frame = addFrame();
  await loadFrame(frame, `/test/fixtures/chat-page.html?endpoint=${encodeURIComponent(endpoint)}`);
  const el = await chatIn(frame);
  await waitFor(() => el.shadowRoot?.querySelector('.message.assistant'), 'the greeting');
  return { port, frame, el };
}

/** Waits until `count` of the customer's messages show "Sent" (the server stored them). */
async function delivered(el: AmexChatElement, count: number, timeout?: number): Promise<void> {
  await waitFor(
    () =>
      [...(el.shadowRoot?.querySelectorAll('.message.customer .status') ?? [])].filter(
        (status) => status.textContent?.trim() === 'Sent',
      ).length === count,
    `${count} delivered`,
    timeout,
  );
}

describe('<amex-chat>', () => {
  describe('transport', () => {
    afterEach(async () => {
      await stopReferenceServers();
    });

    it('has no axe violations in the page reloaded during an outage, its unsent message restored', async function () {
      this.timeout(30_000);
      const opened = await openChat();
      const { frame } = opened;
      let { el } = opened;
      frame.style.width = '1280px';
      frame.style.height = '900px';
      await stopReferenceServers();
      await waitFor(() => el.shadowRoot?.querySelector('.notice'), 'the connection notice');
      await el.send('I did not authorize this charge');
      await loadFrame(frame);
      el = await chatIn(frame);
      await waitFor(
        () => el.shadowRoot?.querySelector('.message.customer .status')?.textContent?.trim() === 'Sending…',
        'the unsent message restored',
      );
      expect(await axeInFrame(frame)).to.deep.equal([]);
    });

    it('delivers a message sent during an outage once, across a page reload', async () => {
      const opened = await openChat();
      const { port, frame } = opened;
      let { el } = opened;

      await stopReferenceServers();
      await waitFor(() => el.shadowRoot?.querySelector('.notice'), 'the connection notice');
      await el.send('I did not authorize this charge');
      expect(customerTexts(el)).to.deep.equal(['I did not authorize this charge']);

      await loadFrame(frame);
      el = await chatIn(frame);
      await waitFor(() => customerTexts(el).length === 1, 'the unsent message restored');
      expect(el.shadowRoot?.querySelector('.message.customer .status')?.textContent?.trim()).to.equal(
        'Sending…',
      );
      const saved = frame.contentWindow!.sessionStorage;
      expect(Object.keys(saved).some((k) => k.startsWith('amex-chat:'))).to.equal(true);

      await startReferenceServer({ replyDelay: 5, debug: true, port });
      frame.contentWindow!.dispatchEvent(new Event('online'));
      await delivered(el, 1, 15_000);
      expect(customerTexts(el)).to.deep.equal(['I did not authorize this charge']);
      // The restarted server forgot the conversation: it says so in the new one, shown once.
      const notices = [...el.shadowRoot!.querySelectorAll('.message.system .bubble')].map(
        (b) => b.textContent,
      );
      expect(notices).to.deep.equal([
        'We could not continue your previous chat, so a new one has started. If you were chatting with an agent, type "agent" to reach one again.',
      ]);

      expect((await storedConversations(port)).flatMap(saidByCustomer)).to.deep.equal([
        'I did not authorize this charge',
      ]);
    });

    it('resumes after a reload with the key only this tab was given (protocol 1.4)', async () => {
      const { port, frame, el: first } = await openChat();
      await first.send('payment due date');
      await delivered(first, 1);
      const storage = frame.contentWindow!.sessionStorage;
      const entry = Object.keys(storage).find((k) => k.startsWith('amex-chat:'));
      const saved = JSON.parse(storage.getItem(entry!)!) as { conversationId: string; resumeKey?: string };
      expect(saved.resumeKey).to.match(/^[\w-]{43}$/, 'the key is saved with the conversation');
      await loadFrame(frame);
      const el = await chatIn(frame);
      await waitFor(() => customerTexts(el).length === 1, 'the history replayed');
      expect(el.shadowRoot!.querySelectorAll('.message.system').length).to.equal(0, 'no new conversation');
      expect(await storedConversations(port)).to.have.length(1);
    });

    it('starts a new conversation, and says so, when the server refuses the saved key', async () => {
      const { port, frame } = await openChat();
      const storage = frame.contentWindow!.sessionStorage;
      const entry = Object.keys(storage).find((k) => k.startsWith('amex-chat:'))!;
      // A page script (or another customer's session) left an id with a key that is not its own.
      const saved = JSON.parse(storage.getItem(entry)!) as Record<string, unknown>;
      storage.setItem(entry, JSON.stringify({ ...saved, resumeKey: 'x'.repeat(43) }));
      await loadFrame(frame);
      const el = await chatIn(frame);
      await el.send('I lost my card');
      await delivered(el, 1, 15_000);
      const notices = [...el.shadowRoot!.querySelectorAll('.message.system .bubble')].map(
        (b) => b.textContent,
      );
      expect(notices).to.deep.equal([
        'We could not restore the earlier part of this chat, so a new conversation has started. Messages that had not been sent yet were sent now.',
      ]);
      const conversations = await storedConversations(port);
      expect(conversations.length).to.equal(2, 'the refused conversation was left alone');
      const first = conversations.find((c) => c.id === saved['conversationId']);
      expect(first?.events.filter((e) => e.from === 'customer')).to.deep.equal([]);
      const next = JSON.parse(frame.contentWindow!.sessionStorage.getItem(entry)!) as {
        conversationId: string;
        resumeKey?: string;
      };
      expect(next.conversationId).to.not.equal(saved['conversationId']);
      expect(next.resumeKey).to.match(/^[\w-]{43}$/);
    });

    it('does not let a card typed in parts while the server is unreachable be completed across a reload', async () => {
      const opened = await openChat();
      const { port, frame } = opened;
      let { el } = opened;
      await stopReferenceServers();
      await waitFor(() => el.shadowRoot?.querySelector('.notice'), 'the connection notice');
      // Ten digits, kept for later in the page's storage (unsent) …
      await el.send('3782 822463');
      await loadFrame(frame);
      el = await chatIn(frame);
      await waitFor(() => customerTexts(el).length === 1, 'the unsent part restored');
      // … and the rest typed after the reload: held back before anything is sent.
      await el.send('10005');
      expect(customerTexts(el)).to.deep.equal(['3782 822463', '•••••']);
      await startReferenceServer({ replyDelay: 5, debug: true, port });
      frame.contentWindow!.dispatchEvent(new Event('online'));
      await delivered(el, 2, 15_000);
      expect((await storedConversations(port)).flatMap(saidByCustomer)).to.deep.equal([
        '3782 822463',
        '•••••',
      ]);
    });

    it('does not let a card typed over several messages be completed across a reload', async () => {
      const opened = await openChat();
      const { port, frame } = opened;
      let { el } = opened;
      // Ten digits may leave (as much as a "first six + last four" display shows) …
      await el.send('3782 822463');
      await delivered(el, 1);
      await loadFrame(frame);
      el = await chatIn(frame);
      await waitFor(() => customerTexts(el).length === 1, 'the history replayed');
      // … and after the reload, the rest of the card may not.
      await el.send('10005');
      await delivered(el, 2);
      expect((await storedConversations(port)).flatMap(saidByCustomer)).to.deep.equal([
        '3782 822463',
        '•••••',
      ]);
      expect(customerTexts(el)).to.deep.equal(['3782 822463', '•••••']);
    });
  });
});
