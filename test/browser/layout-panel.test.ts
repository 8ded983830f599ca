// Issue 24, item 10: what a new user met in the demo, as geometry in the real browser. The
// launcher does not read "Chat with us" under the open panel; the greeting's sender line stays in
// view above six quick replies, laid out as a wrapping row of chips; the end card's rating is in
// view when the chat ends; on a phone the header, the end question and the queue banner leave the
// transcript at least 60 % of the panel; the Spanish heading fits on one line. Viewports: the
// demo's 1280 × 800 desktop and a 375 × 740 phone (CDP device metrics).
import { expect } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import '../../src/define.js';
import { axeCheck, deepActiveElement, setViewportSize, waitFor } from '../support/helpers.js';
import { fixtureFor } from '../../demo/fixtures/states.js';
import { scriptedChat } from '../support/scripted-chat.js';
import type { ScriptedServer } from '../support/scripted-transport.js';
import type { ScriptedEvent } from '../support/scripted-transport.js';

type Lang = 'en' | 'es';
type Size = { width: number; height: number };

const DESKTOP: Size = { width: 1280, height: 800 };
const PHONE: Size = { width: 375, height: 740 };

/** The reference server's greeting and menu, as the states gallery shows them. */
function greeting(lang: Lang): ScriptedEvent {
  const [first] = fixtureFor('assistant', lang).script;
  if (!first || !('event' in first)) throw new Error('the assistant state starts with its greeting');
  return first.event;
}

const SUMMARY =
  "Dispute opened for the $127.43 charge from Blue Bottle Coffee on 08/15. We acknowledge it within 30 days and resolve it within two billing cycles, at most 90 days; you don't need to pay the disputed amount meanwhile.";

const VIEWPORT = { width: window.innerWidth, height: window.innerHeight };

afterEach(async () => {
  if (window.innerWidth !== VIEWPORT.width || window.innerHeight !== VIEWPORT.height) {
    await setViewportSize(VIEWPORT);
  }
});

function $(el: AmexChatElement, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

function must(el: AmexChatElement, selector: string): HTMLElement {
  const node = $(el, selector);
  if (!node) throw new Error(`no ${selector} in the shadow root`);
  return node;
}

/** A floating widget (the default position) at `size`, opened, its greeting shown. */
async function open(size: Size, lang: Lang = 'en'): Promise<{ el: AmexChatElement; server: ScriptedServer }> {
  await setViewportSize(size);
  const { el, server } = await scriptedChat({ greeting: greeting(lang), lang, idleTimeout: 0 });
  await waitFor(() => $(el, '[part="quick-reply"]'), 'the quick replies');
  await el.updateComplete;
  return { el, server };
}

/**
 * Resolves once the transcript follows its last message (the widget pins it to the bottom on the
 * next frame, or 100 ms later in a background tab): either nothing overflows, or it is at the end.
 */
async function settled(el: AmexChatElement): Promise<HTMLElement> {
  await el.updateComplete;
  const transcript = must(el, '#transcript');
  await waitFor(() => {
    const { scrollTop, scrollHeight, clientHeight } = transcript;
    return scrollHeight <= clientHeight || scrollTop + clientHeight >= scrollHeight - 1;
  }, 'the transcript at its last message');
  return transcript;
}

/** Whether `inner` lies inside `outer` (0.5 px slack for subpixel layout). */
function inside(inner: DOMRect, outer: DOMRect): boolean {
  return (
    inner.top >= outer.top - 0.5 &&
    inner.bottom <= outer.bottom + 0.5 &&
    inner.left >= outer.left - 0.5 &&
    inner.right <= outer.right + 0.5
  );
}

/** The part of the transcript its scroll box shows (inside its padding edge). */
function viewOf(transcript: HTMLElement): DOMRect {
  const box = transcript.getBoundingClientRect();
  return new DOMRect(
    box.left + transcript.clientLeft,
    box.top + transcript.clientTop,
    transcript.clientWidth,
    transcript.clientHeight,
  );
}

const say = (r: DOMRect): string =>
  `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`;

/** Lines of text in `node`, from its height and computed line height. */
function lines(node: HTMLElement): number {
  return Math.round(node.getBoundingClientRect().height / parseFloat(getComputedStyle(node).lineHeight));
}

describe('<amex-chat>', () => {
  describe('layout', () => {
    it('has no axe violations with the panel open at 1280 × 800', async () => {
      const { el } = await open(DESKTOP);
      await axeCheck(el);
    });

    it('at 1280 × 800 the open panel turns the launcher into its compact close toggle', async () => {
      const { el } = await open(DESKTOP);
      const launcher = must(el, '#launcher');
      const panel = must(el, '#panel');
      const label = launcher.querySelector('span')!;
      const box = launcher.getBoundingClientRect();
      expect(
        label.getBoundingClientRect().width,
        '"Chat with us" is not shown under the open panel',
      ).to.be.at.most(1);
      expect(box.width, 'a round button (width)').to.be.within(44, 56);
      expect(box.height, 'a round button (height)').to.be.within(44, 56);
      expect(
        panel.getBoundingClientRect().bottom,
        `the toggle sits below the panel (${say(box)})`,
      ).to.be.at.most(box.top);
      // Still the launcher for assistive technology: its name and its state.
      expect(launcher.getAttribute('aria-expanded')).to.equal('true');
      expect(label.textContent?.trim()).to.equal('Chat with us');
      // Closing with it puts the panel away and leaves focus on it, reading "Chat with us" again.
      launcher.focus();
      launcher.click();
      await waitFor(() => !el.open, 'the panel to close');
      await el.updateComplete;
      expect(deepActiveElement()?.id).to.equal('launcher');
      expect(
        label.getBoundingClientRect().width,
        'the closed launcher reads "Chat with us"',
      ).to.be.greaterThan(40);
      // Opened again and closed from the header: focus returns to the launcher.
      launcher.click();
      await waitFor(() => el.open && $(el, '.close'), 'the panel to open');
      must(el, '.close').click();
      await waitFor(() => deepActiveElement()?.id === 'launcher', 'focus back on the launcher');
      expect(label.getBoundingClientRect().width).to.be.greaterThan(40);
    });

    for (const size of [DESKTOP, PHONE]) {
      for (const lang of ['en', 'es'] as const) {
        it(`at ${size.width} × ${size.height} (${lang}) shows the greeting's sender line above six quick replies in a row of chips`, async () => {
          const { el } = await open(size, lang);
          const transcript = await settled(el);
          const meta = must(el, '.message.assistant .meta');
          expect(
            inside(meta.getBoundingClientRect(), viewOf(transcript)),
            `sender line ${say(meta.getBoundingClientRect())} in the transcript's view ${say(viewOf(transcript))}`,
          ).to.equal(true);
          expect(
            inside(must(el, '.message.assistant .bubble').getBoundingClientRect(), viewOf(transcript)),
          ).to.equal(true);
          // A wrapping row: several chips a row, rows and chips evenly spaced, all the same height.
          const chips = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="quick-reply"]')].map((b) =>
            b.getBoundingClientRect(),
          );
          expect(chips).to.have.length(6);
          for (const chip of chips)
            expect(inside(chip, viewOf(transcript)), `chip ${say(chip)} in view`).to.equal(true);
          const rows = [...new Set(chips.map((c) => Math.round(c.top)))];
          expect(rows.length, `rows of chips (tops ${rows.join(', ')})`).to.be.at.most(4);
          const heights = new Set(chips.map((c) => Math.round(c.height)));
          expect(heights.size, 'one chip height').to.equal(1);
          const gaps = new Set<number>();
          for (let i = 1; i < chips.length; i += 1) {
            const [a, b] = [chips[i - 1]!, chips[i]!];
            gaps.add(
              Math.round(Math.round(a.top) === Math.round(b.top) ? b.left - a.right : b.top - a.bottom),
            );
          }
          expect([...gaps], 'one gap between chips, across and down').to.have.length(1);
        });
      }
    }

    for (const size of [DESKTOP, PHONE]) {
      it(`at ${size.width} × ${size.height} shows the end card's rating when the chat ends`, async () => {
        const { el, server } = await open(size);
        server.event({
          from: 'customer',
          name: '',
          text: "I don't recognize a charge from Blue Bottle Coffee",
        });
        server.event({
          from: 'agent',
          name: 'Maria',
          text: "I've opened a dispute for the $127.43 charge from Blue Bottle Coffee. You don't need to pay that amount while we review it. Is there anything else I can help you with?",
        });
        server.event({ from: 'customer', name: '', text: "That's all, thanks" });
        server.event({
          kind: 'notice',
          from: 'system',
          name: '',
          text: `This chat has ended. Your reference number is AMX-4KF7-Q2ZD. Summary: ${SUMMARY}`,
          notice: { code: 'ended', caseNumber: 'AMX-4KF7-Q2ZD', summary: SUMMARY },
        });
        await waitFor(() => $(el, '.rating'), 'the rating form');
        await el.updateComplete;
        const view = viewOf(must(el, '#transcript'));
        const rating = must(el, '.rating').getBoundingClientRect();
        expect(inside(rating, view), `rating ${say(rating)} in the transcript's view ${say(view)}`).to.equal(
          true,
        );
        // From its top (the reference number) when the whole card fits; else down to the rating.
        const card = must(el, '[part="ended"]').getBoundingClientRect();
        const reference = must(el, '#case-number').getBoundingClientRect();
        if (card.height <= view.height) {
          expect(inside(reference, view), `reference number ${say(reference)} in view too`).to.equal(true);
        } else {
          expect(card.bottom, `card ${say(card)} ends at the view's end`).to.be.closeTo(view.bottom, 13);
        }
        if (size === PHONE) expect(card.height, 'the whole card fits a phone').to.be.at.most(view.height);
      });
    }

    it('at 375 × 740 leaves the transcript 60 % of the panel under the header, the end question and the queue', async () => {
      const { el, server } = await open(PHONE);
      server.event({ from: 'customer', name: '', text: 'I want to talk to an agent' });
      server.event({
        kind: 'notice',
        from: 'system',
        name: '',
        text: "You're in line for a live agent. You can keep chatting with the virtual assistant while you wait, or leave the line at any time.",
        notice: { code: 'queued', team: 'general' },
      });
      server.push({ type: 'queue', waiting: true, position: 3, etaSeconds: 240, team: 'general' });
      await waitFor(() => $(el, '#leave-queue'), 'the queue banner');
      must(el, '#end').click();
      await waitFor(() => $(el, '#end-yes'), 'the end question');
      await el.updateComplete;
      const panel = must(el, '#panel').getBoundingClientRect();
      const transcript = must(el, '#transcript').getBoundingClientRect();
      const heights = ['.header', '.end-confirm', '.queue', '.typing', '.composer']
        .map((s) => `${s} ${Math.round(must(el, s).getBoundingClientRect().height)}`)
        .join(', ');
      expect(panel.height).to.equal(PHONE.height);
      expect(
        transcript.height / panel.height,
        `transcript ${Math.round(transcript.height)} px; ${heights}`,
      ).to.be.at.least(0.6);
      // Compact, not cut: the heading, the question and the place in line are all there.
      for (const selector of [
        '#heading',
        '#end-question',
        '#queue-status',
        '#end-yes',
        '#end-no',
        '#leave-queue',
      ]) {
        const node = must(el, selector);
        expect(node.scrollHeight, `${selector} is not clipped`).to.be.at.most(node.clientHeight + 1);
        expect(inside(node.getBoundingClientRect(), panel), `${selector} in the panel`).to.equal(true);
      }
    });

    for (const lang of ['es', 'en'] as const) {
      it(`at the default width (${lang}) keeps the heading on one line beside End chat and Close`, async () => {
        const { el } = await open(DESKTOP, lang);
        await waitFor(() => $(el, '#end'), 'End chat');
        const heading = must(el, '#heading');
        expect(must(el, '#panel').getBoundingClientRect().width).to.be.closeTo(384, 1);
        expect(lines(heading), `"${heading.textContent}" ${say(heading.getBoundingClientRect())}`).to.equal(
          1,
        );
        // One row: the buttons beside the heading, not wrapped under it; nothing cut or shortened.
        const top = heading.getBoundingClientRect().top;
        const bottom = heading.getBoundingClientRect().bottom;
        for (const selector of ['#end', '.close']) {
          const button = must(el, selector).getBoundingClientRect();
          expect(button.top, `${selector} on the heading's row`).to.be.below(bottom);
          expect(button.bottom, `${selector} on the heading's row`).to.be.above(top);
        }
        expect(heading.scrollWidth).to.be.at.most(heading.clientWidth);
        expect(getComputedStyle(heading).textOverflow).to.not.equal('ellipsis');
      });
    }
  });
});
