// The board's "Waiting" and the bar's connection state change in steps an agent can follow,
// never every second (issue 24, item 7; WCAG 2.2.2): a wait reads "less than a minute", then
// whole minutes, with the time the customer started waiting; "Reconnecting…" does not count
// down. A fake clock (the console's injectable `clock`) and a scripted /agent server drive it:
// no real time passes.
import { expect } from '@open-wc/testing';
import { formatWait } from '../../demo/agent-console.js';
import type { AgentConsoleElement } from '../../demo/agent-console.js';
import type { WaitingConversation } from '../../src/agent-protocol.js';
import { axeCheck, waitFor } from '../support/helpers.js';
import {
  $,
  FakeClock,
  ScriptedAgentServer,
  cards,
  loadStyles,
  mount,
  recordAnnouncements,
  signIn,
} from '../support/agent-console.js';

/** The text of a card's fact (`Waiting`, `Position`…). */
function fact(card: HTMLElement, term: string): HTMLElement {
  const dt = [...card.querySelectorAll('dt')].find((d) => d.textContent?.trim() === term);
  if (!dt?.nextElementSibling) throw new Error(`no ${term} on the card`);
  return dt.nextElementSibling as HTMLElement;
}

function waiting(since: number, n = 1): WaitingConversation {
  return {
    conversationId: `c${n}`,
    lang: 'en',
    team: 'general',
    position: n,
    since,
    summary: 'Customer asks about a charge',
  };
}

/** A console on a scripted server whose board has two customers, waiting since `since` and 30 s later. */
async function twoWaiting(since: number, clock: FakeClock): Promise<AgentConsoleElement> {
  const server = new ScriptedAgentServer();
  server.board = {
    type: 'board',
    waiting: [waiting(since), waiting(since + 30_000, 2)],
    agents: [],
    simulate: false,
  };
  const el = await mount('ws://127.0.0.1:9/chat', (console) => {
    console.socketFactory = server.factory;
    console.clock = clock;
  });
  return el;
}

describe('agent console: waiting times (issue 24, item 7)', () => {
  before(async () => {
    await loadStyles();
    document.title = 'Agent console waiting test';
    document.documentElement.lang = 'en';
  });

  it('has no axe violations with two customers waiting for minutes', async () => {
    const since = Date.now();
    const clock = new FakeClock(since);
    const el = await twoWaiting(since, clock);
    await signIn(el, 'Alex');
    await waitFor(() => cards(el).length === 2, 'two cards');
    clock.advance(3 * 60_000);
    await el.updateComplete;
    await axeCheck();
  });

  it('writes a wait in whole minutes', () => {
    expect(formatWait(0)).to.equal('less than a minute');
    expect(formatWait(59_999)).to.equal('less than a minute');
    expect(formatWait(60_000)).to.equal('1 min');
    expect(formatWait(119_999)).to.equal('1 min');
    expect(formatWait(42 * 60_000 + 30_000)).to.equal('42 min');
    expect(formatWait(60 * 60_000)).to.equal('1 h');
    expect(formatWait(65 * 60_000)).to.equal('1 h 5 min');
    expect(formatWait(-5000), 'a server clock ahead of ours').to.equal('less than a minute');
  });

  it('changes "Waiting" once a minute, not every second, with the time waiting began; never announced', async () => {
    const since = new Date(2026, 10, 25, 15, 7, 0).getTime();
    const clock = new FakeClock(since + 5_000);
    const el = await twoWaiting(since, clock);
    const said = recordAnnouncements(el);
    await signIn(el, 'Alex');
    const [first, second] = await waitFor(() => (cards(el).length === 2 ? cards(el) : null), 'two cards');
    const startedAt = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(since);
    expect(fact(first!, 'Waiting').textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      `less than a minute (since ${startedAt})`,
    );

    // Every change to either card's facts, as the page sees it.
    const seen: string[] = [];
    let mutations = 0;
    const observer = new MutationObserver((records) => {
      mutations += records.length;
      seen.push(
        `${fact(first!, 'Waiting').textContent?.trim()} | ${fact(second!, 'Waiting').textContent?.trim()}`,
      );
    });
    for (const card of [first!, second!]) {
      observer.observe(card.querySelector('dl')!, { subtree: true, childList: true, characterData: true });
    }
    const wait = (card: HTMLElement): string =>
      (fact(card, 'Waiting').textContent ?? '')
        .replace(/\s+/g, ' ')
        .replace(/\(since .*\)/, '')
        .trim();

    // Ten minutes, a second at a time.
    for (let s = 1; s <= 600; s += 1) {
      clock.advance(1000);
      await el.updateComplete;
      if (s === 54) expect(wait(first!), 'at 59 s').to.equal('less than a minute');
      if (s === 55) expect(wait(first!), 'at 60 s').to.equal('1 min');
      if (s === 84) expect(wait(second!), 'the second at 59 s').to.equal('less than a minute');
      if (s === 85) expect(wait(second!), 'the second at 60 s').to.equal('1 min');
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.disconnect();
    expect(wait(first!)).to.equal('10 min');
    expect(wait(second!)).to.equal('9 min');
    // One change per card per minute: 10 for the first, 9 for the second (it came 30 s later and
    // our clock started 25 s before its server time: a wait is never negative).
    expect(mutations, `changes: ${seen.join(', ')}`).to.equal(19);
    expect(clock.fired, 'one timer per change, not a tick every second').to.be.at.most(21);
    expect(clock.pending, 'one timer waiting').to.equal(1);
    expect([...said.polite, ...said.assertive].filter((t) => /min|Waiting/.test(t))).to.deep.equal([]);
    await axeCheck();
  });

  it('says "Reconnecting…" without counting down, then "Connected"', async () => {
    const clock = new FakeClock(Date.now());
    const server = new ScriptedAgentServer();
    const el = await mount('ws://127.0.0.1:9/chat', (console) => {
      console.socketFactory = server.factory;
      console.clock = clock;
    });
    await signIn(el, 'Alex');
    const conn = $(el, '.ac-conn')!;
    const shown: string[] = [];
    const observer = new MutationObserver(() => {
      const text = conn.textContent?.trim() ?? '';
      if (text !== shown.at(-1)) shown.push(text);
    });
    observer.observe(conn, { subtree: true, childList: true, characterData: true });
    server.drop();
    await waitFor(() => /Connection lost/.test(conn.textContent ?? ''), 'connection lost');
    for (let s = 1; s <= 20 && !/^Connected$/.test(conn.textContent?.trim() ?? ''); s += 1) {
      clock.advance(1000);
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await waitFor(() => conn.textContent?.trim() === 'Connected', 'reconnected');
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.disconnect();
    expect(shown).to.deep.equal(['Connection lost. Reconnecting…', 'Connected']);
  });
});
