// Issue 24, item 12 (the widget's parts), on a fake clock (no real waiting): the inactivity
// warning counts down on screen every second but is said only at its start, at 60 s and at 10 s;
// the wait estimate follows time (counted down from the server's estimate, shown anew at most every
// 30 s) and is said again only when it moved by two minutes or more, or fell under a minute.
import { expect } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import { KEEP } from '../../src/components/announcer.js';
import { strings } from '../../src/components/i18n.js';
import { axeCheck, axTree, deepActiveElement, waitFor } from '../support/helpers.js';
import { FakeClock } from '../support/fake-clock.js';
import { recordLiveRegions } from '../support/live-regions.js';
import { NOTICES, inLine, part, scriptedChat } from '../support/scripted-chat.js';

const en = strings('en');

describe('<amex-chat>', () => {
  describe('accessibility', () => {
    let time: FakeClock;
    beforeEach(() => (time = new FakeClock().install()));
    afterEach(() => time.uninstall());

    function chat(idleTimeout: number): ReturnType<typeof scriptedChat> {
      return scriptedChat({ idleTimeout });
    }

    /** Moves the fake clock on a second at a time, letting the element render after each. */
    async function seconds(el: AmexChatElement, n: number, each?: (s: number) => void): Promise<void> {
      for (let s = 1; s <= n; s += 1) {
        time.advance(1000);
        await el.updateComplete;
        each?.(s);
      }
    }

    it('has no axe violations with the inactivity warning counting down', async () => {
      const { el } = await chat(900);
      await seconds(el, 790);
      await waitFor(() => part(el, '#idle-continue'), 'the inactivity warning');
      await axeCheck(el);
    });

    it('counts the inactivity warning down every second on screen, and says it at the start, at 60 s and at 10 s', async () => {
      const { el, server } = await chat(900);
      (part(el, '#input') as HTMLTextAreaElement).focus();
      const live = recordLiveRegions(el.shadowRoot!);
      // 15 minutes of inactivity: the warning comes 2 minutes before the end.
      await seconds(el, 779);
      expect(part(el, '#idle-continue')).to.equal(null);
      await seconds(el, 1);
      await waitFor(() => deepActiveElement()?.id === 'idle-continue', 'focus on Continue');
      const shown: string[] = [];
      const heard: string[] = [];
      const look = (): void => {
        shown.push(part(el, '#idle-text')?.textContent?.trim() ?? '');
        heard.push(part(el, '#idle-said')?.textContent?.trim() ?? '');
      };
      look();
      await seconds(el, 119, look);
      // On screen, the time left every second: 120 s, 119 s, … 1 s (in the catalogue's words).
      expect(shown).to.deep.equal(Array.from({ length: 120 }, (_, k) => en.idleWarning(120 - k)));
      // For assistive technology, the group's name changes only when it is said.
      const steps = [...new Set(heard)];
      expect(steps).to.deep.equal([en.idleWarning(120), en.idleWarning(60), en.idleWarning(10)]);
      expect(heard.indexOf(en.idleWarning(60))).to.equal(60);
      expect(heard.indexOf(en.idleWarning(10))).to.equal(110);
      const group = (await axTree()).find(
        (n) => n.role === 'group' && n.name.startsWith('Are you still there?'),
      );
      expect(group?.name).to.equal(en.idleWarning(10));
      expect(live.texts('assertive')).to.deep.equal([
        en.idleWarning(120),
        en.idleWarning(60),
        en.idleWarning(10),
      ]);
      expect(live.texts('polite').filter((t) => t.includes('still there'))).to.deep.equal([]);
      // At the end, the chat ends and says so.
      await seconds(el, 1);
      await waitFor(() => server.received.some((f) => f.type === 'end'), 'the end frame');
      expect(part(el, '#idle-continue')).to.equal(null);
      expect(live.texts('assertive').at(-1)).to.equal(en.idleEnded);
    });

    it('says the shortest warning (20 s) at its start and at 10 s, and Continue stops the countdown', async () => {
      const { el, server } = await chat(21);
      time.advance(1000);
      await el.updateComplete;
      const live = recordLiveRegions(el.shadowRoot!);
      await waitFor(() => part(el, '#idle-continue'), 'the warning');
      await seconds(el, 12);
      expect(part(el, '#idle-text')?.textContent?.trim()).to.equal(en.idleWarning(8));
      expect(live.texts('assertive')).to.deep.equal([en.idleWarning(20), en.idleWarning(10)]);
      part(el, '#idle-continue')!.click();
      await el.updateComplete;
      expect(part(el, '#idle-continue')).to.equal(null);
      // The clock starts again: the next warning 1 s later, said from its start.
      await seconds(el, 1);
      await waitFor(() => part(el, '#idle-continue'), 'the warning again');
      expect(part(el, '#idle-text')?.textContent?.trim()).to.equal(en.idleWarning(20));
      expect(live.texts('assertive').at(-1)).to.equal(en.idleWarning(20));
      expect(server.received.some((f) => f.type === 'end')).to.equal(false);
    });

    it('counts the wait estimate down as time passes, shown at most every 30 s, said when it moved by 2 minutes', async () => {
      const { el, server } = await chat(0);
      time.advance(KEEP);
      await el.updateComplete;
      const live = recordLiveRegions(el.shadowRoot!);
      server.event(NOTICES.queued);
      inLine(server, 3, 600);
      const status = (): string => part(el, '#queue-status')?.textContent?.trim() ?? '';
      await waitFor(() => status(), 'the place in line');
      expect(status()).to.equal(`${en.queuePosition(3)} ${en.queueWait(600)}`);
      const changes: { at: number; text: string }[] = [{ at: 0, text: status() }];
      await seconds(el, 300, (s) => {
        if (status() !== changes.at(-1)!.text) changes.push({ at: s, text: status() });
      });
      // Five minutes later the estimate is five minutes shorter.
      expect(status()).to.equal(`${en.queuePosition(3)} ${en.queueWait(300)}`);
      for (let i = 1; i < changes.length; i += 1)
        expect(changes[i]!.at - changes[i - 1]!.at, 'shown anew at most every 30 s').to.be.at.least(30);
      // The server's own estimate for the same place is shown at once (new information), and not
      // said: 7 minutes is one from the 6 said last.
      inLine(server, 3, 400);
      await waitFor(
        () => status() === `${en.queuePosition(3)} ${en.queueWait(400)}`,
        "the server's estimate",
      );
      // A new place is said at once, with the estimate.
      inLine(server, 2, 200);
      await waitFor(() => status().includes('number 2'), 'the new place');
      await seconds(el, 150);
      expect(status()).to.equal(`${en.queuePosition(2)} ${en.queueWait(50)}`);
      const said = live.texts('polite').filter((t) => t.includes('in line for an agent.'));
      expect(said).to.deep.equal([
        `${en.queuePosition(3)} ${en.queueWait(600)}`,
        `${en.queuePosition(3)} ${en.queueWait(480)}`,
        `${en.queuePosition(3)} ${en.queueWait(360)}`,
        `${en.queuePosition(2)} ${en.queueWait(200)}`,
        // Two minutes from the 3 said, then under a minute.
        `${en.queuePosition(2)} ${en.queueWait(80)}`,
        `${en.queuePosition(2)} ${en.queueWait(50)}`,
      ]);
    });
  });
});
