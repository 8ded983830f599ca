// Two tabs of one session (two same-origin frames here: they share Web Locks and
// BroadcastChannel like tabs do) hold one conversation over one connection; when the tab
// that holds the connection closes, the other takes over without losing or repeating anything.
import { expect } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import { axeInFrame, startReferenceServer, stopReferenceServers, waitFor } from '../support/helpers.js';
import { debugUrl, saidByCustomer, storedConversations } from '../support/debug-hooks.js';
import { addFrame, chatIn, closeAfterTest, loadFrame } from '../support/page.js';

async function openTab(
  endpoint: string,
  token?: string,
): Promise<{ frame: HTMLIFrameElement; el: AmexChatElement }> {
  const frame = addFrame();
  await loadFrame(
    frame,
    `/test/fixtures/chat-page.html?endpoint=${encodeURIComponent(endpoint)}${
      token ? `&token=${encodeURIComponent(token)}` : ''
    }`,
  );
  const el = await chatIn(frame);
  return { frame, el };
}

function texts(el: AmexChatElement, from: string): string[] {
  return [...(el.shadowRoot?.querySelectorAll(`.message.${from} .bubble`) ?? [])].map(
    (b) => b.textContent ?? '',
  );
}

async function connections(endpoint: string): Promise<number> {
  const response = await fetch(debugUrl(endpoint, 'frames'));
  return ((await response.json()) as { stats: { connections: number } }).stats.connections;
}

describe('<amex-chat>', () => {
  describe('transport', () => {
    afterEach(async () => {
      await stopReferenceServers();
    });

    it('has no axe violations in either tab of a shared conversation', async function () {
      this.timeout(30_000);
      const endpoint = await startReferenceServer({ replyDelay: 5 });
      const first = await openTab(endpoint);
      await waitFor(() => texts(first.el, 'assistant').length === 1, 'the greeting in the first tab');
      const second = await openTab(endpoint);
      await waitFor(() => texts(second.el, 'assistant').length === 1, 'the greeting in the second tab');
      await second.el.send('sent from the second tab');
      await waitFor(() => texts(first.el, 'assistant').length === 2, 'the reply in the first tab');
      await waitFor(() => texts(second.el, 'assistant').length === 2, 'the reply in the second tab');
      for (const { frame } of [first, second]) {
        frame.style.width = '1280px';
        frame.style.height = '900px';
      }
      expect(await axeInFrame(first.frame), 'the tab holding the connection').to.deep.equal([]);
      expect(await axeInFrame(second.frame), 'the other tab').to.deep.equal([]);
    });

    it('shares one conversation between tabs, and the other tab takes over when the first closes', async () => {
      const endpoint = await startReferenceServer({ replyDelay: 5, debug: true });
      const first = await openTab(endpoint);
      await waitFor(() => texts(first.el, 'assistant').length === 1, 'the greeting in the first tab');
      const second = await openTab(endpoint);
      await waitFor(
        () => texts(second.el, 'assistant').length === 1,
        'the greeting mirrored in the second tab',
      );

      await second.el.send('sent from the second tab');
      await waitFor(
        () => texts(first.el, 'customer').includes('sent from the second tab'),
        'the message in the first tab',
      );
      await waitFor(
        () =>
          second.el.shadowRoot?.querySelector('.message.customer .status')?.textContent?.trim() === 'Sent',
        'sent status in the second tab',
      );
      await waitFor(() => texts(second.el, 'assistant').length === 2, 'the reply in the second tab');

      expect(await connections(endpoint)).to.equal(1, 'only the first tab holds a connection');

      first.frame.remove();
      await second.el.send('after the first tab closed');
      await waitFor(() => texts(second.el, 'assistant').length === 3, 'the reply after the takeover', 15_000);

      expect(texts(second.el, 'customer')).to.deep.equal([
        'sent from the second tab',
        'after the first tab closed',
      ]);
      expect(await connections(endpoint)).to.equal(2, 'the second tab connected when it took over');
      const record = await storedConversations(endpoint);
      expect(record).to.have.length(1, 'one conversation on the server');
      expect(saidByCustomer(record[0]!)).to.deep.equal([
        'sent from the second tab',
        'after the first tab closed',
      ]);
    });

    it('puts neither the token nor a resume key on the channel a third same-origin page can read', async function () {
      this.timeout(40_000);
      const token = 'tok-tabs-0123456789-secret';
      const endpoint = await startReferenceServer({ replyDelay: 5, debug: true, tokens: `alice:${token}` });
      // A same-origin page without the widget, listening on the tabs' channel.
      const heard: string[] = [];
      const spy = closeAfterTest(new BroadcastChannel(`amex-chat:${endpoint}`));
      spy.addEventListener('message', (event: MessageEvent) => heard.push(JSON.stringify(event.data)));
      // A real second tab (a window of its own, so a sessionStorage of its own: frames of one
      // page share theirs), opened before the first tab saved anything (a window opened from a
      // page starts with a copy of its storage).
      const win = window.open('about:blank', '_blank');
      if (win) closeAfterTest(win);
      expect(win, 'the second window opened').to.not.equal(null);
      const first = await openTab(endpoint, token);
      await waitFor(() => texts(first.el, 'assistant').length === 1, 'the greeting in the first tab');
      win!.location.href = `/test/fixtures/chat-page.html?endpoint=${encodeURIComponent(endpoint)}&token=${token}`;
      const second = await waitFor(
        () => win!.document.querySelector<AmexChatElement>('amex-chat'),
        'the chat in the second tab',
      );
      await waitFor(() => texts(second, 'assistant').length === 1, 'the greeting in the second tab');
      const keyOf = (storage: Storage): string | undefined => {
        const entry = Object.keys(storage).find((k) => k === `amex-chat:v1:${endpoint}`);
        return entry ? (JSON.parse(storage.getItem(entry)!) as { resumeKey?: string }).resumeKey : undefined;
      };
      const firstKey = keyOf(first.frame.contentWindow!.sessionStorage);
      expect(firstKey).to.match(/^[\w-]{43}$/);
      const secondKey = await waitFor(() => keyOf(win!.sessionStorage), "the second tab's own key", 15_000);
      expect(secondKey).to.not.equal(firstKey);
      await second.send('sent from the second tab');
      await waitFor(() => texts(first.el, 'customer').length === 1, 'the message in the first tab');

      // The listening page asks to be served, with no token or a made-up one, and speaks as the
      // customer: the leader has the server check a sealed token first, and serves it nothing.
      const toSpy: { t: string; frame?: { type: string } }[] = [];
      let refusals = 0;
      spy.addEventListener('message', (event: MessageEvent) => {
        const data = event.data as { t: string; to?: string; frame?: { type: string; ok?: boolean } };
        if (data.to === 'spy') toSpy.push(data);
        if (data.frame?.type === 'tab-join' && data.frame.ok === false) refusals += 1;
      });
      const up = (frame: object): void =>
        spy.postMessage({ t: 'up', from: 'spy', frame: JSON.stringify(frame) });
      spy.postMessage({ t: 'ask', from: 'spy' });
      up({ type: 'hello', v: '1.4', lang: 'en' });
      up({ type: 'message', id: 'spy-0', text: 'Send my new card to 1 Attacker Street' });
      up({ type: 'hello', v: '1.4', lang: 'en', join: 'AAAA.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAA' });
      await waitFor(() => refusals > 0, "the server's refusal of the made-up proof");
      up({ type: 'message', id: 'spy-1', text: 'Send my new card to 1 Attacker Street' });
      await second.send('still only mine');
      await waitFor(() => texts(first.el, 'customer').length === 2, 'the second message in the first tab');
      expect(toSpy.map((m) => m.frame?.type ?? m.t)).to.deep.equal(['seal'], 'only the public seal key');
      const said = saidByCustomer((await storedConversations(endpoint))[0]!);
      expect(said).to.deep.equal(['sent from the second tab', 'still only mine']);

      // The second tab takes over with its own key: the same conversation.
      first.frame.remove();
      await second.send('after the first tab closed');
      await waitFor(() => texts(second, 'assistant').length === 4, 'the reply after the takeover', 15_000);
      expect(await storedConversations(endpoint)).to.have.length(1, 'one conversation on the server');

      const all = heard.join('\n');
      expect(all).to.include('tab-key', 'the sealed key went by');
      expect(all).to.not.include(token);
      expect(all).to.not.include(firstKey!);
      expect(all).to.not.include(secondKey);
    });

    it('does not let a card typed over several messages be completed from another tab', async () => {
      const endpoint = await startReferenceServer({ replyDelay: 5, debug: true });
      const first = await openTab(endpoint);
      await waitFor(() => texts(first.el, 'assistant').length === 1, 'the greeting in the first tab');
      const second = await openTab(endpoint);
      await waitFor(() => texts(second.el, 'assistant').length === 1, 'the greeting in the second tab');
      // Ten digits from one tab (all the split-number rule lets leave) …
      await first.el.send('3782 822463');
      await waitFor(() => texts(second.el, 'customer').length === 1, 'the first part in the second tab');
      // … and the rest from the other, through the first tab's connection: held back.
      await second.el.send('10005');
      await waitFor(() => texts(first.el, 'customer').length === 2, 'the second part in the first tab');
      await waitFor(
        () =>
          [...(second.el.shadowRoot?.querySelectorAll('.message.customer .status') ?? [])].some(
            (status) => status.textContent?.trim() === 'Sent',
          ),
        'the second part acknowledged',
      );
      const record = await storedConversations(endpoint);
      expect(saidByCustomer(record[0]!)).to.deep.equal(['3782 822463', '•••••']);
    });

    it('shows a lost connection in every tab, and recovers in every tab', async () => {
      const endpoint = await startReferenceServer({ replyDelay: 5, debug: true });
      const port = Number(new URL(endpoint.replace(/^ws/, 'http')).port);
      const first = await openTab(endpoint);
      await waitFor(() => texts(first.el, 'assistant').length === 1, 'the greeting in the first tab');
      const second = await openTab(endpoint);
      await waitFor(() => texts(second.el, 'assistant').length === 1, 'the greeting in the second tab');

      await stopReferenceServers();
      for (const tab of [first, second]) {
        await waitFor(
          () => tab.el.shadowRoot?.querySelector('.notice')?.textContent?.includes('Reconnecting'),
          'the reconnecting notice in each tab',
        );
      }
      await second.el.send('typed in the second tab during the outage');

      await startReferenceServer({ replyDelay: 5, debug: true, port });
      first.frame.contentWindow!.dispatchEvent(new Event('online'));
      await waitFor(
        () =>
          second.el.shadowRoot?.querySelector('.message.customer .status')?.textContent?.trim() === 'Sent',
        'the message delivered from the second tab',
        15_000,
      );
      await waitFor(
        () => !second.el.shadowRoot?.querySelector('.notice'),
        'the notice gone in the second tab',
      );
      const record = await storedConversations(endpoint);
      const customer = record.flatMap(saidByCustomer);
      expect(customer).to.deep.equal(['typed in the second tab during the outage']);
    });

    it('tells a tab that opens while the server cannot be reached so, and connects both when it can', async () => {
      const endpoint = await startReferenceServer({ replyDelay: 5, debug: true });
      const port = Number(new URL(endpoint.replace(/^ws/, 'http')).port);
      await stopReferenceServers();
      const notice = (el: AmexChatElement): string =>
        el.shadowRoot?.querySelector('.notice')?.textContent ?? '';
      const first = await openTab(endpoint);
      await waitFor(() => notice(first.el).includes("can't reach"), 'the first tab says it cannot connect');
      // The second tab talks to the first, which has no connection: it says the same, at once
      // (it used to show "Connecting…" until its own 25 s silence limit).
      const second = await openTab(endpoint);
      await waitFor(() => notice(second.el).includes("can't reach"), 'the second tab says so too', 5000);

      await startReferenceServer({ replyDelay: 5, debug: true, port });
      first.frame.contentWindow!.dispatchEvent(new Event('online'));
      await waitFor(() => texts(first.el, 'assistant').length === 1, 'the greeting in the first tab');
      // The first tab's announcement brings the second back without waiting out its backoff
      // (test/browser/tab-hub.test.ts checks that the announcement reaches it).
      await waitFor(() => texts(second.el, 'assistant').length === 1, 'the greeting in the second tab', 3000);
      await waitFor(() => notice(second.el) === '', 'the notice gone in the second tab', 3000);
      expect(await connections(endpoint)).to.equal(1, 'only the first tab connected');
    });

    it('copies server frames to the other tabs only once another tab has spoken', async () => {
      const endpoint = await startReferenceServer({ replyDelay: 5, debug: true });
      // A listener that never speaks, on the tabs' channel: it sees what the leader relays.
      const channel = closeAfterTest(new BroadcastChannel(`amex-chat:${endpoint}`));
      const relayed: string[] = [];
      channel.addEventListener('message', (event: MessageEvent<{ t: string; frame?: { type: string } }>) => {
        if (event.data.t === 'down') relayed.push(event.data.frame?.type ?? '?');
      });
      const first = await openTab(endpoint);
      await waitFor(() => texts(first.el, 'assistant').length === 1, 'the greeting');
      await first.el.send('alone in one tab');
      await waitFor(() => texts(first.el, 'assistant').length === 2, 'the answer');
      expect(relayed, 'nothing copied while no other tab is there').to.deep.equal([]);

      const second = await openTab(endpoint);
      await waitFor(() => texts(second.el, 'assistant').length === 2, 'the history in the second tab');
      await first.el.send('now with two tabs');
      await waitFor(() => texts(second.el, 'customer').includes('now with two tabs'), 'mirrored');
      expect(relayed.filter((type) => type === 'event').length).to.be.greaterThan(0);
    });

    it('tells a tab that opens later where the history it is given ends (protocol 1.3)', async () => {
      const endpoint = await startReferenceServer({ replyDelay: 5, debug: true });
      const channel = closeAfterTest(new BroadcastChannel(`amex-chat:${endpoint}`));
      const welcomes: { lastSeq?: number }[] = [];
      channel.addEventListener(
        'message',
        (event: MessageEvent<{ t: string; frame?: { type: string; lastSeq?: number } }>) => {
          if (event.data.t === 'down' && event.data.frame?.type === 'welcome')
            welcomes.push(event.data.frame);
        },
      );
      const first = await openTab(endpoint);
      await waitFor(() => texts(first.el, 'assistant').length === 1, 'the greeting');
      const [conversation] = await storedConversations(endpoint);
      for (let i = 2; i <= 30; i += 1) {
        const response = await fetch(debugUrl(endpoint, 'say'), {
          method: 'POST',
          body: JSON.stringify({ conversationId: conversation?.id, text: `note ${i}` }),
        });
        expect(response.status).to.equal(200);
      }
      await waitFor(() => texts(first.el, 'agent').length === 29, 'the notes in the first tab');

      const second = await openTab(endpoint);
      await waitFor(() => texts(second.el, 'agent').length === 29, 'the history in the second tab');
      expect(texts(second.el, 'agent')).to.deep.equal(texts(first.el, 'agent'));
      // The leader's welcome says the history ends at event 30 (the greeting and 29 notes), so
      // the new tab can render it once it is all in rather than event by event.
      expect(welcomes.length).to.be.greaterThan(0);
      expect(welcomes.map((welcome) => welcome.lastSeq)).to.deep.equal(welcomes.map(() => 30));
    });
  });
});
