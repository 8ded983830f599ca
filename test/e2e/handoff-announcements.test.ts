// A hand-off with the reference server (issue 24, item 6): asked for a person, the server sends
// the assistant's answer, the "in line" notice and the place in line within a few milliseconds;
// then the simulated agent joins and greets. The widget said these into one live region, each
// replacing the last within 8–15 ms, so a screen reader got some of them at best. Now each is a
// node of its own in the region, kept until a while after the newest (the element's clock, a
// fake one here: the removal is checked without waiting for it).
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { KEEP } from '../../src/components/announcer.js';
import type { AmexChatElement } from '../../src/index.js';
import { FakeClock } from '../support/fake-clock.js';
import { axeCheck, startReferenceServer, stopReferenceServers, waitFor } from '../support/helpers.js';
import { removeAfterTest } from '../support/page.js';
import { recordLiveRegions } from '../support/live-regions.js';

/**
 * A chat on a new reference server whose simulated agent joins soon after a customer asks,
 * open and greeted.
 */
async function chatWithAgent(): Promise<AmexChatElement> {
  const endpoint = await startReferenceServer({ replyDelay: 20, agentDelay: 300 });
  const el: AmexChatElement = removeAfterTest(document.createElement('amex-chat'));
  el.endpoint = endpoint;
  el.persist = 'none';
  el.idleTimeout = 0;
  document.body.append(el);
  await el.show();
  await waitFor(() => el.shadowRoot!.querySelector('.message.assistant'), 'the greeting');
  return el;
}

describe('announcements of a hand-off', () => {
  let time: FakeClock;
  beforeEach(() => (time = new FakeClock().install()));
  afterEach(async () => {
    time.uninstall();
    await stopReferenceServers();
  });

  it('has no axe violations once the agent has joined and greeted, the announcements kept', async () => {
    const el = await chatWithAgent();
    await el.send('I want to talk to an agent');
    await waitFor(() => el.shadowRoot!.querySelector('.message.agent'), "the agent's greeting", 10_000);
    await el.updateComplete;
    await axeCheck(el);
  });

  it('says the answer, the notice, the place, the agent joining and her greeting, each in its own node, kept', async () => {
    const el = await chatWithAgent();
    time.advance(KEEP);
    await el.updateComplete;
    const live = recordLiveRegions(el.shadowRoot!);
    await el.send('I want to talk to an agent');
    await waitFor(() => el.shadowRoot!.querySelector('.message.agent'), "the agent's greeting", 10_000);
    await el.updateComplete;
    const polite = live.texts('polite');
    const patterns = [
      /^Virtual assistant: .*connect you with an agent/,
      /^Notice: You're in line for a live agent\./,
      /^You're (next|number \d+) in line for an agent\. Estimated wait: /,
      /^Notice: You're now chatting with \w+/,
      /^\w+, live agent: Hi, I'm \w+/,
    ];
    for (const pattern of patterns)
      expect(
        polite.filter((text) => pattern.test(text)),
        `${String(pattern)} said once, on its own, in: ${polite.join(' | ')}`,
      ).to.have.length(1);
    // In that order, and nothing replaced or removed while the clock stood still.
    const order = patterns.map((pattern) => polite.findIndex((text) => pattern.test(text)));
    expect(order).to.deep.equal([...order].sort((a, b) => a - b));
    expect(live.present().length).to.equal(live.said.length);
    expect(live.said.every((s) => s.atomic)).to.equal(true);

    time.advance(KEEP - 1);
    await el.updateComplete;
    expect(live.present().length, 'still there just before KEEP').to.equal(live.said.length);
    time.advance(1);
    await waitFor(() => live.present().length === 0, 'the regions emptied');
    for (const s of live.said) expect(s.removed! - s.added, s.text).to.be.at.least(KEEP);
    live.stop();
  });
});
