import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { AmexChatElement } from '../../src/index.js';
import { axeCheck, waitFor } from '../support/helpers.js';
import { ScriptedServer } from '../support/scripted-transport.js';
import { history } from '../support/scripted-chat.js';
import { FakeClock } from '../support/fake-clock.js';

// Long transcripts render in blocks: older, settled messages once into plain DOM (newest first,
// a little per task), the recent tail through Lit. These tests prove the log stays complete and
// in order, keeps growing correctly, and re-renders settled messages when the language changes.

/**
 * Resolves once the tasks queued now have run (the scripted server's deliveries, each a timer of
 * 0 ms) and one task after them (the task a burst's render waits).
 */
const drained = (): Promise<void> =>
  new Promise((resolve) =>
    setTimeout(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    }, 0),
  );

const chats: AmexChatElement[] = [];
afterEach(() => {
  for (const el of chats.splice(0)) el.remove();
});

/** `lastSeq`: what the welcome says the replay goes up to (protocol 1.3); left out if undefined. */
async function chat(lastSeq?: number): Promise<{ el: AmexChatElement; server: ScriptedServer }> {
  const server = new ScriptedServer();
  server.welcomeLastSeq = lastSeq;
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
  it('has no axe violations with a long history in blocks', async () => {
    const { el, server } = await chat();
    server.events(
      Array.from({ length: 120 }, (_, i) => ({
        from: i % 2 ? ('assistant' as const) : ('customer' as const),
        name: i % 2 ? 'Virtual assistant' : '',
        text: `Message ${i + 1}`,
      })),
    );
    await waitFor(() => el.shadowRoot!.querySelector('#transcript .block'), 'settled messages in blocks');
    await axeCheck(el);
  });

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

describe('<amex-chat> a replay the welcome announced (protocol 1.3)', () => {
  // The wait for a replay runs on the element's clock: on a fake one, a render or an event held
  // for it never comes unless a test moves the clock, so "at once" needs no stopwatch.
  let time: FakeClock;
  beforeEach(() => {
    time = new FakeClock(Date.now()).install();
  });
  afterEach(() => time.uninstall());

  it('renders once its last frame is in, never with half of it', async () => {
    const { el, server } = await chat(1000);
    // Every state of the transcript the page could have shown: its last message at each change.
    const lasts: (string | undefined)[] = [];
    const watch = new MutationObserver(() => lasts.push(bubbles(el).at(-1)));
    watch.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    server.events(history(500));
    await drained();
    // Past the task a burst waits, well short of the longest wait for a replay (500 ms).
    time.advance(150);
    await drained();
    expect(bubbles(el)).to.deep.equal([]);
    server.events(history(500, 500));
    await waitFor(() => bubbles(el).at(-1) === 'answer 1000', 'the last message');
    await waitFor(() => bubbles(el).length === 1000, 'the whole log');
    watch.disconnect();
    expect(lasts.filter((last) => last !== undefined && last !== 'answer 1000')).to.deep.equal([]);
  });

  it('shows what came of a replay that stops short (after 500 ms), and what follows at once', async () => {
    const { el, server } = await chat(1000);
    server.events(history(300));
    await drained();
    time.advance(150);
    await drained();
    expect(bubbles(el)).to.deep.equal([]);
    time.advance(350);
    await waitFor(() => bubbles(el).at(-1) === 'answer 300', 'the messages that came');
    await waitFor(() => bubbles(el).length === 300, 'the whole log');
    // The wait was for this replay: later events do not wait again (the clock stays where it is),
    // nor do their public events.
    const events: string[] = [];
    el.addEventListener('amex-chat-message', (event) => events.push(event.detail.message.text));
    let inItsTask: string[] | undefined;
    server.afterDeliver = () => {
      server.afterDeliver = undefined;
      inItsTask = [...events];
    };
    server.event({ from: 'agent', name: 'Maria', text: 'a live answer' });
    await waitFor(() => bubbles(el).at(-1) === 'a live answer', 'the live message');
    expect(inItsTask).to.deep.equal(['a live answer']);
  });

  it('does not hold back the customer: typing while a replay arrives is checked and shown at once', async () => {
    const { el, server } = await chat(1000);
    server.events(history(300));
    await drained();
    const input = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#input')!;
    input.focus();
    // What the browser does for a paste: one input event. The clock does not move: a render that
    // waited for the replay would never come.
    input.value = 'my security code is 7391';
    input.dispatchEvent(
      new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }),
    );
    const warning = await waitFor(() => el.shadowRoot!.querySelector('#warning'), 'the warning');
    expect(warning.textContent).to.include('security code');
    // That render showed the transcript as it was, too.
    expect(bubbles(el).at(-1)).to.equal('answer 300');
  });

  it('does not hold back what the customer sends while a replay arrives', async () => {
    const { el, server } = await chat(1000);
    const events: string[] = [];
    el.addEventListener('amex-chat-message', (event) => events.push(event.detail.message.text));
    const replayed = server.events(history(300));
    await drained();
    // The clock does not move: a render that waited for the replay would never come.
    await el.send('my reply');
    await waitFor(() => bubbles(el).at(-1) === 'my reply', 'the sent message');
    // Its event comes after those of the replay it was sent during, never before them.
    await waitFor(() => events.length === 301, 'every event');
    expect(events).to.deep.equal([...replayed.map((e) => e.text), 'my reply']);
  });

  it("sends a replay's public events after the render that shows it, all in order; later ones at once", async () => {
    const { el, server } = await chat(300);
    const seen: { text: string; last: string | undefined }[] = [];
    el.addEventListener('amex-chat-message', (event) =>
      seen.push({ text: event.detail.message.text, last: bubbles(el).at(-1) }),
    );
    // (The connection's own state events may come too, depending on when the welcome lands.)
    const phases: string[] = [];
    el.addEventListener('amex-chat-state', (event) => {
      if (event.detail.phase !== 'assistant') phases.push(`${event.detail.phase} after ${seen.length}`);
    });
    const sent = server.events([
      ...history(150),
      {
        kind: 'notice',
        notice: { code: 'agent-joined', agent: 'Maria', team: 'general' },
        from: 'system',
        name: '',
        text: 'Maria joined',
      },
      ...history(149, 150),
    ]);
    await waitFor(() => seen.length === 300, 'all 300 events');
    expect(seen.map((s) => s.text)).to.deep.equal(sent.map((e) => e.text));
    // None before the replay's last message was in the DOM (they came before its render).
    expect(seen.filter((s) => s.last !== sent.at(-1)!.text)).to.deep.equal([]);
    // The phase change the notice made comes right after that notice's message event, as before.
    expect(phases).to.deep.equal(['agent after 151']);
    // Once they are out, an event comes in the task that delivers its message.
    let inItsTask: number | undefined;
    server.afterDeliver = () => {
      server.afterDeliver = undefined;
      inItsTask = seen.length;
    };
    server.event({ from: 'agent', name: 'Maria', text: 'a live answer' });
    await waitFor(() => inItsTask !== undefined, 'the delivery');
    expect(inItsTask).to.equal(301);
  });

  it('without lastSeq (a 1.2 server), renders as the frames come', async () => {
    const { el, server } = await chat();
    server.events(history(300));
    // The clock does not move: had they waited for a replay, they would not show.
    await waitFor(() => bubbles(el).at(-1) === 'answer 300', 'the messages');
  });

  it('once the replay is in, shows a live event in the task that brought it', async () => {
    const { el, server } = await chat(300);
    server.events(history(300));
    await waitFor(() => bubbles(el).length === 300, 'the replay');
    expect(await shownInItsTask(el, server, 'a live answer')).to.equal(true);
    expect(await shownInItsTask(el, server, 'and another')).to.equal(true);
  });

  it('with nothing to replay (lastSeq 0), shows the first live event in its task', async () => {
    const { el, server } = await chat(0);
    expect(await shownInItsTask(el, server, 'hello there')).to.equal(true);
  });

  it('during a replay, and without lastSeq, a live event waits for the burst (a task later)', async () => {
    const replaying = await chat(1000);
    replaying.server.events(history(300));
    expect(await shownInItsTask(replaying.el, replaying.server, 'mid-replay')).to.equal(false);
    const old = await chat();
    old.server.events(history(3));
    await waitFor(() => bubbles(old.el).length === 3, 'the replay (1.2)');
    expect(await shownInItsTask(old.el, old.server, 'a live answer')).to.equal(false);
    await waitFor(() => bubbles(old.el).at(-1) === 'a live answer', 'the live message, a task later');
  });
});

describe('<amex-chat> redaction context after a replay (a reload, another tab)', () => {
  const QUESTION = 'What is the security code on the back of your card?';
  /** The text of the customer's message frames as the widget put them on the wire. */
  const sent = (server: ScriptedServer): string[] =>
    server.raw
      .map((raw) => JSON.parse(raw) as { type: string; text?: string })
      .flatMap((f) => (f.type === 'message' ? [f.text ?? ''] : []));

  async function replayThenSend(replayed: string[], text: string): Promise<string> {
    const { el, server } = await chat(replayed.length + 1);
    server.events([
      { from: 'agent', name: 'Maria', text: QUESTION },
      ...replayed.map((t) => ({ from: 'customer' as const, name: '', text: t })),
    ]);
    await waitFor(() => bubbles(el).length === replayed.length + 1, 'the replay');
    await el.send(text);
    await waitFor(() => sent(server).length === 1, 'the message frame');
    return sent(server)[0]!;
  }

  it("counts the customer's replayed messages against the agent's question, as when they were sent", async () => {
    // The question had its two replies before the reload: a bare number now is just a number
    // (as it would have been in the page that sent them).
    expect(await replayThenSend(['[code removed]', 'Did that go through?'], '839')).to.equal('839');
  });

  it('keeps a card typed over several messages from leaving across a reload: the split-number rule', async () => {
    // The first ten digits left before the reload (all the rule allows); the rest must not.
    const { el, server } = await chat(2);
    server.events([
      { from: 'agent', name: 'Maria', text: 'How can I help?' },
      { from: 'customer', name: '', text: '3782 822463' },
    ]);
    await waitFor(() => bubbles(el).length === 2, 'the replay');
    await el.send('10005');
    await waitFor(() => sent(server).length === 1, 'the message frame');
    expect(sent(server)[0]).to.equal('•••••');
  });

  it('re-redacts unsent messages saved before a reload in order, card parts included', async () => {
    // What a page script could have written into the saved outbox (storage is writable by it).
    const endpoint = 'ws://scripted.invalid/restore';
    const key = `amex-chat:v1:${endpoint}`;
    const at = Date.now();
    sessionStorage.setItem(
      key,
      JSON.stringify({
        conversationId: 'restored',
        lastSeq: 0,
        outbox: [
          { id: 'm1', text: '3782 822463', at },
          { id: 'm2', text: '10005', at },
          { id: 'm3', text: 'card 4111 1111 1111 1111', at },
        ],
      }),
    );
    const server = new ScriptedServer();
    const el = document.createElement('amex-chat');
    el.transportFactory = server.factory;
    el.endpoint = endpoint;
    document.body.append(el);
    chats.push(el);
    try {
      await el.show();
      await waitFor(() => sent(server).length === 3, 'the restored messages sent');
      expect(sent(server)).to.deep.equal(['3782 822463', '•••••', 'card •••• •••• •••• 1111']);
    } finally {
      sessionStorage.removeItem(key);
    }
  });

  it('never less: with one replayed reply, the question still applies to the next message', async () => {
    expect(await replayThenSend(['One moment, finding my card.'], '839')).to.equal('[code removed]');
    // And with none (the question is the history's last word), as before.
    expect(await replayThenSend([], '839')).to.equal('[code removed]');
  });
});

/**
 * Sends `text` as a live agent message and tells whether it is in the transcript when the task
 * that delivered it (and that task's microtasks, where Lit renders) is over: a task posted from
 * the delivering task runs then, before any task the element posts while rendering.
 */
function shownInItsTask(el: AmexChatElement, server: ScriptedServer, text: string): Promise<boolean> {
  return new Promise((resolve) => {
    server.afterDeliver = () => {
      server.afterDeliver = undefined;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(bubbles(el).at(-1) === text);
      };
      channel.port2.postMessage(undefined);
    };
    server.event({ from: 'agent', name: 'Maria', text });
  });
}
