// The in-memory reference server restarts (same port, every conversation forgotten) while the
// customer is with a live agent, and the widget reconnects by itself. The new conversation opens
// with the server's notice that the previous chat could not be continued: the element shows it
// once, says it once, and shows the greeting and then the messages it resent in the order the
// server stored them; a reload (a further reconnect) and a second tab show it once too.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { AmexChatElement } from '../../src/index.js';
import {
  axeInFrame,
  framesReceivedByServer,
  startReferenceServer,
  stopReferenceServers,
  waitFor,
} from '../support/helpers.js';
import { storedConversations } from '../support/debug-hooks.js';
import { recordLiveRegions } from '../support/live-regions.js';
import { addFrame, chatIn, loadFrame, removeAfterTest } from '../support/page.js';

const RESTARTED =
  'We could not continue your previous chat, so a new one has started. If you were chatting with an agent, type "agent" to reach one again.';
const RESTARTED_ES =
  'No pudimos continuar su chat anterior, así que comenzó uno nuevo. Si estaba conversando con un agente, escriba "agente" para volver a hablar con uno.';

interface StoredEvent {
  seq: number;
  from: string;
  text: string;
}

/** Every message the element shows, as "role: text", top to bottom. */
function shown(el: AmexChatElement): string[] {
  return [...el.shadowRoot!.querySelectorAll('.message')].map((m) => {
    const role = ['customer', 'assistant', 'agent', 'system'].find((r) => m.classList.contains(r));
    return `${role}: ${m.querySelector('.bubble')?.textContent?.trim() ?? ''}`;
  });
}

async function record(port: number): Promise<StoredEvent[][]> {
  return (await storedConversations<{ events: StoredEvent[] }>(port)).map((c) => c.events);
}

/**
 * The new conversation as the server stored it, once it holds the notice, the greeting, the two
 * resent messages and the answers to them (the answers come as they really did: with the event
 * stream's POSTs, the first can be answered before the second arrives).
 */
async function newConversation(port: number): Promise<string[]> {
  let stored: StoredEvent[] = [];
  const deadline = performance.now() + 15_000;
  while (stored.length < 6) {
    if (performance.now() > deadline) throw new Error('timed out waiting for the new conversation stored');
    await new Promise((resolve) => setTimeout(resolve, 20));
    [stored = []] = await record(port);
  }
  return stored.slice(0, 6).map((e) => `${e.from}: ${e.text}`);
}

function allSent(el: AmexChatElement): boolean {
  return [...el.shadowRoot!.querySelectorAll('.message.customer .status')].every(
    (s) => s.textContent?.trim() === 'Sent',
  );
}

type Tab = { frame: HTMLIFrameElement; el: AmexChatElement };

/** A page with the chat in a frame, its greeting shown. */
async function openTab(endpoint: string): Promise<Tab> {
  const frame = addFrame();
  frame.style.width = '1280px';
  frame.style.height = '900px';
  await loadFrame(frame, `/test/fixtures/chat-page.html?endpoint=${encodeURIComponent(endpoint)}`);
  const el = await chatIn(frame);
  await waitFor(() => el.shadowRoot?.querySelector('.message.assistant'), 'the greeting');
  return { frame, el };
}

/** A server whose simulated agent takes a waiting customer at once; its port to restart it on. */
async function server(port?: number): Promise<{ endpoint: string; port: number }> {
  const endpoint = await startReferenceServer({ replyDelay: 5, debug: true, agentDelay: 100, port });
  return { endpoint, port: Number(new URL(endpoint.replace(/^ws/, 'http')).port) };
}

/**
 * The customer (writing in the first tab) with the simulated agent, then the server restarted
 * while they write; resolves with how many messages the first tab showed before.
 */
async function restartWithAgent(tabs: [Tab, ...Tab[]], port: number): Promise<number> {
  const { el } = tabs[0];
  await el.send('I want to talk to an agent');
  for (const tab of tabs)
    await waitFor(() => tab.el.shadowRoot!.querySelector('.message.agent'), "the agent's greeting", 10_000);
  const before = shown(el).length;
  await stopReferenceServers();
  for (const tab of tabs) await waitFor(() => tab.el.shadowRoot?.querySelector('.notice'), 'the outage');
  await el.send('first, typed while down');
  await el.send('second, my card is 4111 1111 1111 1111');
  await server(port);
  for (const tab of tabs) tab.frame.contentWindow!.dispatchEvent(new Event('online'));
  await waitFor(() => allSent(el), 'the resent messages stored', 15_000);
  return before;
}

describe('<amex-chat>', () => {
  describe('transport', () => {
    afterEach(async () => {
      await stopReferenceServers();
    });

    it('has no axe violations with the notice of a restarted server shown', async function () {
      this.timeout(40_000);
      const { endpoint, port } = await server();
      const tab = await openTab(endpoint);
      await restartWithAgent([tab], port);
      await waitFor(() => shown(tab.el).includes(`system: ${RESTARTED}`), 'the notice');
      expect(await axeInFrame(tab.frame)).to.deep.equal([]);
    });

    it('says once that the chat could not be continued, then the greeting, then the resent messages', async function () {
      this.timeout(40_000);
      const { endpoint, port } = await server();
      const tab = await openTab(endpoint);
      const { el } = tab;
      const live = recordLiveRegions(el.shadowRoot!);
      const before = await restartWithAgent([tab], port);
      const first = await newConversation(port);
      expect(first[0]).to.equal(`system: ${RESTARTED}`);
      expect(first[1]).to.match(/^assistant: Hi, I'm the virtual assistant/);
      expect(first.filter((m) => m.startsWith('customer: '))).to.deep.equal([
        'customer: first, typed while down',
        'customer: second, my card is •••• •••• •••• 1111',
      ]);
      // The element: the old conversation, then the new one as the server stored it.
      await waitFor(() => shown(el).length >= before + first.length, 'the new conversation shown');
      expect(shown(el).slice(before, before + first.length)).to.deep.equal(first);
      expect(shown(el).filter((m) => m.includes('could not'))).to.deep.equal([`system: ${RESTARTED}`]);
      // Said once, as a notice, and nothing else said of a new conversation.
      await waitFor(() => live.texts().some((t) => t.includes(RESTARTED)), 'the notice said');
      expect(live.texts().filter((t) => t.includes('could not'))).to.deep.equal([`Notice: ${RESTARTED}`]);

      // A reload resumes the new conversation: the notice shows once, as history, unsaid.
      await loadFrame(tab.frame);
      const again = await chatIn(tab.frame);
      const replayLive = recordLiveRegions(again.shadowRoot!);
      await waitFor(() => shown(again).length >= first.length, 'the replay');
      expect(shown(again).slice(0, first.length)).to.deep.equal(first);
      expect(shown(again).filter((m) => m.includes('could not'))).to.have.length(1);
      expect(replayLive.texts().filter((t) => t.includes('could not'))).to.deep.equal([]);
      expect(await record(port)).to.have.length(1, 'one conversation on the restarted server');
      // What the widget resent reached the new server redacted (its outbox holds redacted text).
      const received = await framesReceivedByServer(endpoint);
      expect(received.some((f) => f.includes('second, my card is'))).to.equal(true);
      expect(received.filter((f) => /4111[\s-]*1111[\s-]*1111/.test(f))).to.deep.equal([]);
    });

    it('says it in Spanish to a Spanish customer', async function () {
      this.timeout(40_000);
      const { endpoint, port } = await server();
      const el: AmexChatElement = removeAfterTest(document.createElement('amex-chat'));
      el.setAttribute('lang', 'es');
      el.endpoint = endpoint;
      el.persist = 'none';
      el.idleTimeout = 0;
      document.body.append(el);
      await el.show();
      await waitFor(() => el.shadowRoot!.querySelector('.message.assistant'), 'el saludo');
      await el.send('quiero hablar con un agente');
      await waitFor(() => el.shadowRoot!.querySelector('.message.agent'), 'el agente', 10_000);
      const live = recordLiveRegions(el.shadowRoot!);
      await stopReferenceServers();
      await waitFor(() => el.shadowRoot?.querySelector('.notice'), 'the outage');
      await el.send('escrito sin conexión');
      await server(port);
      window.dispatchEvent(new Event('online'));
      await waitFor(() => shown(el).includes(`system: ${RESTARTED_ES}`), 'el aviso', 15_000);
      expect(shown(el).filter((m) => m.includes('pudimos'))).to.deep.equal([`system: ${RESTARTED_ES}`]);
      await waitFor(() => shown(el).at(-1)?.startsWith('assistant: '), 'the answer to the resent message');
      const start = shown(el).indexOf(`system: ${RESTARTED_ES}`);
      expect(shown(el)[start + 1]).to.match(/^assistant: Hola, soy el asistente virtual/);
      expect(shown(el)[start + 2]).to.equal('customer: escrito sin conexión');
      await waitFor(() => live.texts().some((t) => t.includes(RESTARTED_ES)), 'the notice said');
      expect(live.texts().filter((t) => t.includes('pudimos'))).to.deep.equal([`Aviso: ${RESTARTED_ES}`]);
    });

    it('shows the notice once in a second tab, in the same order', async function () {
      this.timeout(40_000);
      const { endpoint, port } = await server();
      const first = await openTab(endpoint);
      const second = await openTab(endpoint);
      await restartWithAgent([first, second], port);
      const expected = await newConversation(port);
      for (const [name, tab] of [
        ['first', first],
        ['second', second],
      ] as const) {
        await waitFor(
          () => shown(tab.el).includes(expected.at(-1)!),
          `the new conversation in the ${name} tab`,
        );
        const start = shown(tab.el).indexOf(`system: ${RESTARTED}`);
        expect(start, `${name} tab: the notice`).to.be.greaterThan(0);
        expect(shown(tab.el).slice(start, start + expected.length), `${name} tab`).to.deep.equal(expected);
        expect(
          shown(tab.el).filter((m) => m.includes('could not')),
          `${name} tab`,
        ).to.have.length(1);
      }
    });
  });
});
