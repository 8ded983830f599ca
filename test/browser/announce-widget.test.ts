// Issue 24, item 7 (the widget's parts): nothing said twice, nothing misleading. The rating's
// thanks and its error are each said once; the close button has no description that repeats its
// name; the end question lands on the safe choice; aria-controls never names an element that does
// not exist; and a message that arrives while the panel is closed is said briefly, not read out.
// Live regions are recorded node by node (test/support/live-regions.ts), descriptions read in the
// accessibility tree.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement } from '../../src/index.js';
import '../../src/define.js';
import { KEEP } from '../../src/components/announcer.js';
import { axTree, axeCheck, deepActiveElement, waitFor } from '../support/helpers.js';
import { FakeClock } from '../support/fake-clock.js';
import { recordLiveRegions } from '../support/live-regions.js';
import { GREETING, NOTICES, part, scriptedChat } from '../support/scripted-chat.js';
import { ScriptedServer } from '../support/scripted-transport.js';

const MISSING = 'Choose a rating from 1 to 5 first.';

function chat(): ReturnType<typeof scriptedChat> {
  return scriptedChat({ idleTimeout: 0 });
}

/** Ends the chat from the server and waits for the end card's rating form. */
async function ended(el: AmexChatElement, server: ScriptedServer): Promise<HTMLFormElement> {
  server.event(NOTICES.ended);
  return waitFor(() => el.shadowRoot!.querySelector<HTMLFormElement>('form.rating'), 'the rating form');
}

describe('<amex-chat>', () => {
  describe('accessibility', () => {
    let time: FakeClock;
    beforeEach(() => (time = new FakeClock().install()));
    afterEach(() => time.uninstall());

    /** Records the live regions from now on, once what was said before has gone. */
    async function listen(el: AmexChatElement): Promise<ReturnType<typeof recordLiveRegions>> {
      time.advance(KEEP);
      await el.updateComplete;
      return recordLiveRegions(el.shadowRoot!);
    }

    it('has no axe violations with the rating error and with the end question', async () => {
      const { el, server } = await chat();
      part(el, '#end')!.click();
      await waitFor(() => part(el, '#end-confirm'), 'the question');
      await axeCheck(el);
      part(el, '#end-no')!.click();
      const form = await ended(el, server);
      form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitFor(() => part(el, '#rating-error'), 'the error');
      await axeCheck(el);
    });

    it('says the rating thanks once: it takes focus and is not announced as well', async () => {
      const { el, server } = await chat();
      const form = await ended(el, server);
      const live = await listen(el);
      form.querySelectorAll<HTMLInputElement>('input[name="score"]')[3]!.click();
      form.querySelector<HTMLButtonElement>('button[type="submit"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => deepActiveElement()?.id === 'rating-thanks', 'focus on the thanks');
      await el.updateComplete;
      expect(live.texts().filter((t) => t.includes('Thank you'))).to.deep.equal([]);
    });

    it('says a missing rating once: as the group’s description where focus goes, not announced as well', async () => {
      const { el, server } = await chat();
      const form = await ended(el, server);
      const live = await listen(el);
      form.querySelector<HTMLButtonElement>('button[type="submit"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => deepActiveElement()?.getAttribute('name') === 'score', 'focus on the first score');
      await el.updateComplete;
      expect(
        live.texts().filter((t) => t.includes(MISSING)),
        'not announced',
      ).to.deep.equal([]);
      const group = (await axTree()).find((n) => n.role === 'group' && n.name === 'How was this chat?');
      expect(group?.description, 'the group says it').to.equal(MISSING);
    });

    it('announces a missing rating when focus is in the group already, and describes the group once focus leaves', async () => {
      const { el, server } = await chat();
      const form = await ended(el, server);
      const live = await listen(el);
      const first = form.querySelector<HTMLInputElement>('input[name="score"]')!;
      first.focus();
      form.requestSubmit();
      await waitFor(() => part(el, '#rating-error'), 'the error');
      await el.updateComplete;
      expect(live.texts('assertive')).to.deep.equal([MISSING]);
      const fieldset = form.querySelector('fieldset')!;
      expect(fieldset.hasAttribute('aria-describedby'), 'no description changing under the focus').to.equal(
        false,
      );
      expect(deepActiveElement()).to.equal(first);
      form.querySelector<HTMLButtonElement>('button[type="submit"]')!.focus();
      await el.updateComplete;
      expect(fieldset.getAttribute('aria-describedby')).to.equal('rating-error');
      expect(live.texts().filter((t) => t.includes(MISSING))).to.have.length(1);
    });

    it('names the close button without a description that repeats the name', async () => {
      const { el } = await chat();
      const close = part(el, '[part="close-button"]')!;
      expect(close.hasAttribute('title')).to.equal(false);
      const node = (await axTree()).find((n) => n.role === 'button' && n.name === 'Close chat');
      expect(node, 'the close button').to.exist;
      expect(node?.description ?? '').to.equal('');
    });

    it('puts focus on "Keep chatting" when asking whether to end the chat, never on "Yes, end chat"', async () => {
      const { el } = await chat();
      part(el, '#end')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => part(el, '#end-confirm'), 'the question');
      await waitFor(() => deepActiveElement()?.id === 'end-no', 'focus on Keep chatting');
      expect(deepActiveElement()?.textContent?.trim()).to.equal('Keep chatting');
      // Enter on it keeps the chat, and focus returns to End chat.
      await sendKeys({ press: 'Enter' });
      await waitFor(() => !part(el, '#end-confirm'), 'the question to go');
      expect(deepActiveElement()?.id).to.equal('end');
    });

    it('sets aria-controls only while the element it names exists', async () => {
      const server = new ScriptedServer([GREETING]);
      const el = await fixture<AmexChatElement>(
        html`<amex-chat
          persist="none"
          idle-timeout="0"
          .transportFactory=${server.factory}
          endpoint="ws://scripted.invalid/chat"
        ></amex-chat>`,
      );
      const dangling = (): string[] =>
        [...el.shadowRoot!.querySelectorAll('[aria-controls]')].flatMap((node) =>
          node
            .getAttribute('aria-controls')!
            .split(/\s+/)
            .filter((id) => !el.shadowRoot!.getElementById(id))
            .map((id) => `${node.id || node.localName} → #${id}`),
        );
      expect(dangling(), 'closed, never opened').to.deep.equal([]);
      await el.show();
      await waitFor(() => part(el, '.message.assistant'), 'the greeting');
      expect(part(el, '#launcher')!.getAttribute('aria-controls')).to.equal('panel');
      expect(dangling(), 'open').to.deep.equal([]);
      part(el, '#end')!.click();
      await waitFor(() => part(el, '#end-confirm'), 'the question');
      expect(part(el, '#end')!.getAttribute('aria-controls')).to.equal('end-confirm');
      expect(dangling(), 'asking').to.deep.equal([]);
      part(el, '#end-no')!.click();
      await el.updateComplete;
      expect(dangling(), 'asked').to.deep.equal([]);
    });

    it('while the panel is closed, says only who wrote, not what; notices as they are', async () => {
      const { el, server } = await chat();
      await el.hide();
      const live = await listen(el);
      server.event({ from: 'agent', name: 'Maria', text: 'Your replacement card ships today.' });
      await waitFor(() => part(el, '.badge'), 'the unread badge');
      await el.updateComplete;
      expect(live.texts('polite')).to.deep.equal(['New message from Maria, live agent.']);
      // Two at once: said once (the launcher counts them).
      server.event({ from: 'agent', name: 'Maria', text: 'Anything else?' });
      server.event({ from: 'agent', name: 'Maria', text: 'I am here.' });
      await waitFor(() => part(el, '.badge')?.textContent === '3', 'three unread');
      await el.updateComplete;
      expect(live.texts('polite').slice(1)).to.deep.equal(['New message from Maria, live agent.']);
      server.event({
        kind: 'notice',
        from: 'system',
        name: '',
        text: 'Maria left the chat.',
        notice: { code: 'agent-left', agent: 'Maria' },
      });
      await waitFor(() => part(el, '.badge')?.textContent === '4', 'the notice counted');
      await el.updateComplete;
      expect(live.texts('polite').at(-1)).to.equal('Notice: Maria left the chat.');
      expect(live.texts().join(' ')).not.to.include('replacement card');
      // Open, messages are read out again.
      await el.show();
      server.event({ from: 'agent', name: 'Maria', text: 'Welcome back.' });
      await waitFor(() => live.texts().includes('Maria, live agent: Welcome back.'), 'read out');
    });
  });
});
