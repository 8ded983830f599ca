// Issue 24, item 6: during a hand-off the widget says five things within a few seconds, three of
// them within ~10 ms. Each must reach a screen reader: its own node in the live region, never
// rewritten or replaced, present for at least KEEP ms, none dropped, and a text said twice at
// different moments said twice. The live regions are recorded with a fake clock: no real waiting
// for their removal.
import { expect, fixture, html } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import '../../src/define.js';
import { KEEP } from '../../src/components/announcer.js';
import { axeCheck, axTree, waitFor } from '../support/helpers.js';
import { FakeClock } from '../support/fake-clock.js';
import { recordLiveRegions } from '../support/live-regions.js';
import { ScriptedServer } from '../support/scripted-transport.js';

const GREETING = { from: 'assistant' as const, name: 'Virtual assistant', text: 'Hi, how can I help?' };

describe('<amex-chat>', () => {
  describe('accessibility', () => {
    let time: FakeClock;
    beforeEach(() => (time = new FakeClock().install()));
    afterEach(() => time.uninstall());

    async function chat(): Promise<{ el: AmexChatElement; server: ScriptedServer }> {
      const server = new ScriptedServer([GREETING]);
      const el = await fixture<AmexChatElement>(
        html`<amex-chat
          persist="none"
          lang="en"
          idle-timeout="0"
          .transportFactory=${server.factory}
          endpoint="ws://scripted.invalid/chat"
        ></amex-chat>`,
      );
      await el.show();
      await waitFor(() => el.shadowRoot!.querySelector('.message.assistant'), 'the greeting');
      // The greeting's announcement has had its time.
      time.advance(KEEP);
      await el.updateComplete;
      return { el, server };
    }

    it('has no axe violations while waiting for an agent', async () => {
      const { el, server } = await chat();
      server.event({
        kind: 'notice',
        from: 'system',
        name: '',
        text: 'You are in line for an agent.',
        notice: { code: 'queued', team: 'general' },
      });
      server.push({ type: 'queue', waiting: true, position: 2, etaSeconds: 120, team: 'general' });
      await waitFor(() => el.shadowRoot!.querySelector('.message.system'), 'the notice');
      await axeCheck(el);
    });

    const count = (el: AmexChatElement, selector: string): number =>
      el.shadowRoot!.querySelectorAll(selector).length;

    it('says every step of a hand-off in a node of its own, kept for a while, none dropped or replaced', async () => {
      const { el, server } = await chat();
      const live = recordLiveRegions(el.shadowRoot!);
      const notice = (text: string, code: 'queued' | 'agent-joined'): void =>
        void server.event({
          kind: 'notice',
          from: 'system',
          name: '',
          text,
          notice: code === 'queued' ? { code, team: 'general' } : { code, agent: 'Maria', team: 'general' },
        });
      // As the reference server does: the answer, the notice and the place in line, a few ms apart.
      await el.send('I want to talk to an agent');
      server.event({
        from: 'assistant',
        name: 'Virtual assistant',
        text: "I'll connect you with an agent now.",
      });
      notice("You're in line for a live agent.", 'queued');
      server.push({ type: 'queue', waiting: true, position: 2, etaSeconds: 240, team: 'general' });
      await waitFor(() => el.shadowRoot!.querySelector('#queue-status'), 'the place in line');
      await waitFor(() => live.said.some((s) => s.text.includes('number 2 in line')), 'the place said');
      time.advance(1000);
      server.push({ type: 'queue', waiting: true, position: 1, etaSeconds: 60, team: 'general' });
      await waitFor(
        () => el.shadowRoot!.querySelector('#queue-status')?.textContent?.includes('next'),
        'next',
      );
      time.advance(1000);
      // The agent joins and greets at once.
      notice("You're now chatting with Maria, a live agent.", 'agent-joined');
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
