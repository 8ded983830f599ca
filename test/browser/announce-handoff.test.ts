// Issue 24, item 6: during a hand-off the widget says five things within a few seconds, three of
// them within ~10 ms. Each must reach a screen reader: its own node in the live region, never
// rewritten or replaced, present for at least KEEP ms, none dropped, and a text said twice at
// different moments said twice. The live regions are recorded with a fake clock: no real waiting
// for their removal.
import { expect } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import { KEEP } from '../../src/components/announcer.js';
import { axeCheck, axTree, waitFor } from '../support/helpers.js';
import { FakeClock } from '../support/fake-clock.js';
import { recordLiveRegions } from '../support/live-regions.js';
import { NOTICES, inLine, scriptedChat } from '../support/scripted-chat.js';

describe('<amex-chat>', () => {
  describe('accessibility', () => {
    let time: FakeClock;
    beforeEach(() => (time = new FakeClock().install()));
    afterEach(() => time.uninstall());

    async function chat(): ReturnType<typeof scriptedChat> {
      const opened = await scriptedChat({ idleTimeout: 0 });
      // The greeting's announcement has had its time.
      time.advance(KEEP);
      await opened.el.updateComplete;
      return opened;
    }

    it('has no axe violations while waiting for an agent', async () => {
      const { el, server } = await chat();
      server.event(NOTICES.queued);
      inLine(server, 2, 120);
      await waitFor(() => el.shadowRoot!.querySelector('.message.system'), 'the notice');
      await axeCheck(el);
    });

    const count = (el: AmexChatElement, selector: string): number =>
      el.shadowRoot!.querySelectorAll(selector).length;

    it('says every step of a hand-off in a node of its own, kept for a while, none dropped or replaced', async () => {
      const { el, server } = await chat();
      const live = recordLiveRegions(el.shadowRoot!);
      // As the reference server does: the answer, the notice and the place in line, a few ms apart.
      await el.send('I want to talk to an agent');
      server.event({
        from: 'assistant',
        name: 'Virtual assistant',
        text: "I'll connect you with an agent now.",
      });
      server.event(NOTICES.queued);
      inLine(server, 2, 240);
      await waitFor(() => el.shadowRoot!.querySelector('#queue-status'), 'the place in line');
      await waitFor(() => live.said.some((s) => s.text.includes('number 2 in line')), 'the place said');
      time.advance(1000);
      inLine(server, 1, 60);
      await waitFor(
        () => el.shadowRoot!.querySelector('#queue-status')?.textContent?.includes('next'),
        'next',
      );
      time.advance(1000);
      // The agent joins and greets at once.
      server.event(NOTICES.agentJoined);
      server.event({ from: 'agent', name: 'Maria', text: "Hi, I'm Maria. How can I help?" });
      await waitFor(() => count(el, '.message.agent') === 1, "Maria's greeting");
      // The same words twice, a moment apart.
      time.advance(500);
      server.event({ from: 'agent', name: 'Maria', text: 'Are you still there?' });
      await waitFor(() => count(el, '.message.agent') === 2, 'the question');
      await el.updateComplete;
      time.advance(1200);
      server.event({ from: 'agent', name: 'Maria', text: 'Are you still there?' });
      await waitFor(() => count(el, '.message.agent') === 3, 'the question again');
      await el.updateComplete;
      const expected = [
        "Virtual assistant: I'll connect you with an agent now.",
        "Notice: You're in line for a live agent.",
        "You're number 2 in line for an agent. Estimated wait: about 4 minutes.",
        "You're next in line for an agent. Estimated wait: about a minute.",
        "Notice: You're now chatting with Maria, a live agent.",
        "Maria, live agent: Hi, I'm Maria. How can I help?",
        'Maria, live agent: Are you still there?',
        'Maria, live agent: Are you still there?',
      ];
      expect(live.texts('polite'), 'each said once, in order, in a node of its own').to.deep.equal(expected);
      expect(live.texts('assertive')).to.deep.equal([]);
      expect(live.present().length, 'nothing removed or replaced yet').to.equal(expected.length);
      expect(
        live.said.every((s) => s.atomic),
        'each node read whole',
      ).to.equal(true);
      // The region is not atomic (an addition would make it read every node again): its nodes are.
      const regions = (await axTree()).filter((n) => n.properties['live']);
      expect(regions.map((n) => [n.properties['live'], n.properties['atomic'] ?? false])).to.deep.equal([
        ['polite', false],
        ['assertive', false],
      ]);

      // All stay until KEEP ms after the newest, then go together.
      time.advance(KEEP - 1);
      await el.updateComplete;
      expect(live.present().length).to.equal(expected.length);
      time.advance(1);
      await el.updateComplete;
      await waitFor(() => live.present().length === 0, 'the region emptied');
      const last = Math.max(...live.said.map((s) => s.added));
      for (const s of live.said) {
        expect(s.removed! - s.added, `"${s.text}" present long enough`).to.be.at.least(KEEP);
        expect(s.removed, `"${s.text}" removed with the others`).to.equal(last + KEEP);
      }
      live.stop();
    });
  });
});
