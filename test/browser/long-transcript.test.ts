import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { AmexChatElement } from '../../src/index.js';
import { waitFor } from '../support/helpers.js';
import { ScriptedServer } from '../support/scripted-transport.js';
import type { ScriptedEvent } from '../support/scripted-transport.js';

// Long transcripts render in blocks: older, settled messages once into plain DOM (newest first,
// a little per task), the recent tail through Lit. These tests prove the log stays complete and
// in order, keeps growing correctly, and re-renders settled messages when the language changes.

const history = (n: number): ScriptedEvent[] =>
  Array.from({ length: n }, (_, k) =>
    k % 2
      ? { from: 'agent', name: 'Maria', text: `answer ${k + 1}` }
      : { from: 'customer', name: '', text: `question ${k + 1}` },
  );

const chats: AmexChatElement[] = [];
afterEach(() => {
  for (const el of chats.splice(0)) el.remove();
});

async function chat(): Promise<{ el: AmexChatElement; server: ScriptedServer }> {
  const server = new ScriptedServer();
  const el = document.createElement('amex-chat');
  el.persist = 'none';
  el.transportFactory = server.factory;
  el.endpoint = 'ws://scripted.invalid/chat';
  document.body.append(el);
  chats.push(el);
  await el.show();
  await server.sent('hello');
  await waitFor(() => el.shadowRoot!.querySelector('#transcript'), 'the transcript');
  return { el, server };
}

const bubbles = (el: AmexChatElement): string[] =>
  [...el.shadowRoot!.querySelectorAll('#transcript .message .bubble')].map((b) => b.textContent.trim());

describe('<amex-chat> long transcripts', () => {
  it('announces the newest five messages of a burst that arrives at once; the log has them all', async () => {
    const { el, server } = await chat();
    const polite = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    const texts: string[] = [];
    const watch = new MutationObserver(() => texts.push(polite.textContent.trim()));
    watch.observe(polite, { subtree: true, childList: true, characterData: true });
    const sent = server.events(
      Array.from({ length: 40 }, (_, k) => ({
        from: 'agent' as const,
        name: 'Maria',
        text: `caught up ${k + 1}.`,
      })),
    );
    await waitFor(() => bubbles(el).length === 40, 'all 40 messages in the log');
    await waitFor(() => texts.some((t) => t.includes('caught up 40.')), 'the newest announced');
    watch.disconnect();
    const spoken = texts.filter(Boolean).join(' ');
    for (let k = 36; k <= 40; k += 1) expect(spoken, `message ${k}`).to.include(`caught up ${k}.`);
    expect(spoken).to.not.include('caught up 35.');
    expect(spoken).to.not.include('caught up 1.');
    expect(bubbles(el)).to.deep.equal(sent.map((e) => e.text));
  });

  it('renders a 1,234-message history completely and in order, settling all but the tail', async () => {
    const { el, server } = await chat();
    const sent = server.events(history(1234));
    await waitFor(() => bubbles(el).length === 1234, 'all 1,234 messages in the DOM');
    expect(bubbles(el)).to.deep.equal(sent.map((e) => e.text));
    const settled = el.shadowRoot!.querySelectorAll('#transcript .block > .message').length;
    // Blocks of 25; the block holding the last message stays live.
    expect(settled).to.equal(1225);
    expect(el.shadowRoot!.querySelectorAll('#transcript .block').length).to.equal(49);
    // All in one box next to the tail (an append lays out that box, unchanged, not 49 blocks).
    expect(el.shadowRoot!.querySelectorAll('#transcript .messages > .settled > .block').length).to.equal(49);
    expect(el.shadowRoot!.querySelectorAll('#transcript .messages > .message').length).to.equal(9);
    // One list; every message is a list item whose nearest list is that one (the blocks are
    // generic boxes in between, which the accessibility tree skips).
    const lists = el.shadowRoot!.querySelectorAll('#transcript [role="list"]');
    expect(lists.length).to.equal(1);
    const items = [...el.shadowRoot!.querySelectorAll('#transcript .message')];
    expect(items.every((item) => item.getAttribute('role') === 'listitem')).to.equal(true);
    expect(items.every((item) => item.parentElement!.closest('[role="list"]') === lists[0])).to.equal(true);
    // Nothing Lit left behind in the settled blocks: no marker comments.
    const comments = document.createNodeIterator(
      el.shadowRoot!.querySelector('#transcript .block')!,
      NodeFilter.SHOW_COMMENT,
    );
    expect(comments.nextNode()).to.equal(null);
  });

  it('keeps appending in order after a long history, live and sent messages included', async () => {
    const { el, server } = await chat();
    const sent = server.events(history(160));
    await waitFor(() => bubbles(el).length === 160, 'the history');
    const more = [server.event({ from: 'agent', name: 'Maria', text: 'one more' })];
    await el.send('and my reply');
    await waitFor(() => bubbles(el).length === 162, 'the two new messages');
    more.push(server.event({ from: 'agent', name: 'Maria', text: 'last one' }));
    await waitFor(() => bubbles(el).at(-1) === 'last one', 'the last message');
    expect(bubbles(el)).to.deep.equal([...sent.map((e) => e.text), 'one more', 'and my reply', 'last one']);
    // The customer's own message was acknowledged: it shows as sent.
    const own = [...el.shadowRoot!.querySelectorAll('#transcript .message.customer')].at(-1)!;
    await waitFor(() => own.querySelector('.status')?.textContent?.trim() === 'Sent', 'sent status');
  });

  it('re-renders settled messages in the new language when lang changes', async () => {
    const { el, server } = await chat();
    server.events(history(120));
    await waitFor(
      () => el.shadowRoot!.querySelectorAll('.block > .message').length === 100,
      'settled blocks',
    );
    const firstStatus = (): string =>
      el.shadowRoot!.querySelector('#transcript .message.customer .status')?.textContent?.trim() ?? '';
    expect(firstStatus()).to.equal('Sent');
    el.lang = 'es';
    // The blocks are made again, newest first, over as many updates as their time budget takes.
    await waitFor(
      () =>
        el.shadowRoot!.querySelectorAll('.block > .message').length === 100 && firstStatus() === 'Enviado',
      'the first (settled) message in Spanish',
    );
    expect(bubbles(el).length).to.equal(120);
    expect(el.shadowRoot!.querySelectorAll('.block > .message').length).to.equal(100);
  });
});
