// Accommodations up front (issue 27 item 3): "Your needs", a disclosure on the message box's label
// row from the start of a chat, opens one form ("Tell us what you need"): four needs and "Other", whose text is
// checked live and redacted like a message; the host's `accommodations` attribute pre-ticks them;
// "more time" lengthens the inactivity timeout once stated.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement } from '../../src/index.js';
import type { Accommodation, ClientFrame } from '../../src/protocol.js';
import '../../src/define.js';
import { axeCheck, deepActiveElement, waitFor } from '../support/helpers.js';
import { FakeClock } from '../support/fake-clock.js';
import { recordLiveRegions } from '../support/live-regions.js';
import { GREETING, part, scriptedChat, scriptedElement } from '../support/scripted-chat.js';
import { ScriptedServer } from '../support/scripted-transport.js';

type NeedsFrame = Extract<ClientFrame, { type: 'accommodations' }>;

/** What has focus: its id, else its part. */
function focused(): string {
  const active = deepActiveElement();
  if (!active || active === document.body) return 'body';
  return active.id || active.getAttribute('part') || active.localName;
}

/** Presses Tab (or Shift+Tab) until `name` has focus (at most 16 times). */
async function tabTo(name: string, backwards = false): Promise<void> {
  for (let i = 0; i < 16 && focused() !== name; i += 1) {
    if (backwards) await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    if (backwards) await sendKeys({ up: 'Shift' });
  }
  expect(focused(), `reached ${name} with the keyboard`).to.equal(name);
}

/** The server's acknowledgement, as the reference server words it. */
function acknowledge(server: ScriptedServer, needs: Accommodation[], note?: string): void {
  server.event({
    kind: 'notice',
    from: 'system',
    name: '',
    text: "We've noted what you told us.",
    notice: { code: 'accommodations', needs, ...(note ? { note } : {}) },
  });
}

function checked(el: AmexChatElement): string[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="need"]')]
    .filter((box) => box.checked)
    .map((box) => box.value);
}

describe('<amex-chat> accommodations', () => {
  describe('accessibility', () => {
    it('has no axe violations with the strip collapsed, open, and with a warning', async () => {
      const { el } = await scriptedChat();
      await waitFor(() => part(el, '#needs-toggle'), 'the button');
      await axeCheck(el);
      part(el, '#needs-toggle')!.click();
      await waitFor(() => part(el, '#needs-form'), 'the form');
      await axeCheck(el);
      const note = part(el, '#needs-note') as HTMLTextAreaElement;
      note.value = 'card 4111 1111 1111 1111';
      note.dispatchEvent(new Event('input'));
      await waitFor(() => part(el, '#needs-warning'), 'the warning');
      await axeCheck(el);
    });

    it('opens a group named by its heading, just before the message box', async () => {
      const { el } = await scriptedChat();
      const toggle = await waitFor(() => part(el, '#needs-toggle'), 'the button');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      toggle.click();
      const form = await waitFor(() => part(el, '[part="accommodations"]'), 'the form');
      expect(form.getAttribute('role')).to.equal('group');
      expect(form.getAttribute('aria-labelledby')).to.equal('needs-heading');
      expect(part(el, '#needs-heading')!.localName).to.equal('h3');
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(toggle.getAttribute('aria-controls')).to.equal('needs');
      const input = part(el, '#input')!;
      expect(form.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      expect(part(el, 'fieldset legend')!.textContent).to.equal('What would help you in this chat?');
    });
  });

  describe('keyboard', () => {
    it('states needs in one step: disclosure, boxes, note, Save; focus back to the message box', async () => {
      const { el, server } = await scriptedChat({ open: 'keyboard' });
      await tabTo('needs-toggle', true);
      await sendKeys({ press: 'Enter' });
      await waitFor(() => focused() === 'need-screen-reader', 'focus on the first need');
      await sendKeys({ press: 'Space' });
      await tabTo('need-written-summary');
      await sendKeys({ press: 'Space' });
      await tabTo('needs-note');
      await sendKeys({ type: 'Large text helps' });
      await tabTo('needs-save');
      await sendKeys({ press: 'Enter' });
      const frame: NeedsFrame = await server.sent('accommodations');
      expect(frame).to.deep.equal({
        type: 'accommodations',
        needs: ['screen-reader', 'written-summary'],
        note: 'Large text helps',
      });
      await waitFor(() => focused() === 'input', 'focus in the message box');
      expect(part(el, '#needs-form')).to.equal(null);
      acknowledge(server, frame.needs, frame.note);
      await waitFor(() => part(el, '.message.system'), 'the notice');
      // Again later: the form starts from what was stated.
      await tabTo('needs-toggle', true);
      await sendKeys({ press: 'Enter' });
      await waitFor(() => focused() === 'need-screen-reader', 'focus on the first need');
      expect(checked(el)).to.deep.equal(['screen-reader', 'written-summary']);
      expect((part(el, '#needs-note') as HTMLTextAreaElement).value).to.equal('Large text helps');
      await tabTo('needs-skip');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => focused() === 'input', 'focus back in the message box');
      expect(part(el, '#needs-form')).to.equal(null);
      expect(server.received.filter((f) => f.type === 'accommodations')).to.have.length(1);
    });

    it('"Not now" closes it and sends nothing; the button stays', async () => {
      const { el, server } = await scriptedChat({ open: 'keyboard' });
      await tabTo('needs-toggle', true);
      await sendKeys({ press: 'Enter' });
      await waitFor(() => focused() === 'need-screen-reader', 'focus on the first need');
      await sendKeys({ press: 'Space' });
      await tabTo('needs-skip');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => focused() === 'input', 'focus in the message box');
      expect(part(el, '#needs-form')).to.equal(null);
      expect(server.received.some((f) => f.type === 'accommodations')).to.equal(false);
      expect(part(el, '#needs-toggle')!.getAttribute('aria-expanded')).to.equal('false');
    });

    it('a card number typed in the note: warned and said once, saved masked, focus back to the message box', async () => {
      const { el, server } = await scriptedChat({ open: 'keyboard' });
      const live = recordLiveRegions(el.shadowRoot!);
      await tabTo('needs-toggle', true);
      await sendKeys({ press: 'Enter' });
      await waitFor(() => focused() === 'need-screen-reader', 'focus on the first need');
      await tabTo('needs-note');
      await sendKeys({ type: 'I read slowly. Card 4111 1111 1111 1111' });
      const warning = await waitFor(() => part(el, '#needs-warning'), 'the warning');
      expect(part(el, '#needs-note')!.getAttribute('aria-describedby')).to.contain('needs-warning');
      await waitFor(() => live.texts().includes(warning.textContent.trim()), 'the warning said');
      expect(focused(), 'the warning leaves focus in the note').to.equal('needs-note');
      await tabTo('needs-save');
      await sendKeys({ press: 'Enter' });
      const frame: NeedsFrame = await server.sent('accommodations');
      expect(frame.note).to.equal('I read slowly. Card •••• •••• •••• 1111');
      await waitFor(() => focused() === 'input', 'focus in the message box');
      expect(live.texts().filter((said) => said === warning.textContent.trim())).to.have.length(1);
      live.stop();
    });
  });

  describe('properties', () => {
    it('the accommodations attribute pre-ticks the boxes (unknown words ignored); nothing is sent before Save', async () => {
      const server = new ScriptedServer([GREETING]);
      const el = await scriptedElement(server, { lang: 'en' });
      el.setAttribute('accommodations', 'more-time  braille hearing');
      expect(el.accommodations).to.deep.equal(['more-time', 'hearing']);
      await el.show();
      await waitFor(() => part(el, '#needs-toggle'), 'the button');
      part(el, '#needs-toggle')!.click();
      await waitFor(() => part(el, '#needs-form'), 'the form');
      expect(checked(el)).to.deep.equal(['more-time', 'hearing']);
      expect(server.received.some((f) => f.type === 'accommodations')).to.equal(false);
      part(el, '#needs-save')!.click();
      const frame = await server.sent('accommodations');
      expect(frame).to.deep.equal({ type: 'accommodations', needs: ['more-time', 'hearing'] });
    });

    it('the property takes the typed list', async () => {
      const { el } = await scriptedChat();
      el.accommodations = ['written-summary'];
      await waitFor(() => part(el, '#needs-toggle'), 'the button');
      part(el, '#needs-toggle')!.click();
      await waitFor(() => part(el, '#needs-form'), 'the form');
      expect(checked(el)).to.deep.equal(['written-summary']);
    });

    it('speaks Spanish with usted', async () => {
      const { el } = await scriptedChat({ lang: 'es' });
      await waitFor(() => part(el, '#needs-toggle'), 'the button');
      expect(part(el, '#needs-toggle')?.textContent?.trim()).to.equal('Sus necesidades');
      part(el, '#needs-toggle')!.click();
      await waitFor(() => part(el, '#needs-form'), 'the form');
      expect(part(el, 'legend')!.textContent).to.equal('¿Qué le ayudaría en este chat?');
      expect(part(el, '#needs-heading')!.textContent).to.equal('Díganos qué necesita');
    });
  });

  describe('redaction', () => {
    it('the note warns live, is masked like a message, and fires amex-chat-redacted (no text)', async () => {
      const { el, server } = await scriptedChat();
      const live = recordLiveRegions(el.shadowRoot!);
      const events: unknown[] = [];
      el.addEventListener('amex-chat-redacted', (e) => events.push(e.detail));
      await waitFor(() => part(el, '#needs-toggle'), 'the button');
      part(el, '#needs-toggle')!.click();
      const note = await waitFor(() => part(el, '#needs-note') as HTMLTextAreaElement | null, 'the note');
      note.focus();
      await sendKeys({ type: 'my card is 4111 1111 1111 1111' });
      const warning = await waitFor(() => part(el, '#needs-warning'), 'the warning');
      expect(warning.textContent).to.match(/card number/i);
      expect(note.getAttribute('aria-describedby')).to.contain('needs-warning');
      await waitFor(() => live.texts().some((t) => /card number/i.test(t)), 'the warning said');
      part(el, '#needs-save')!.click();
      const frame = await server.sent('accommodations');
      expect(frame.note).to.equal('my card is •••• •••• •••• 1111');
      expect(server.raw.join('\n')).to.not.contain('4111 1111');
      expect(events).to.deep.equal([{ kinds: ['card'], count: 1, action: 'mask' }]);
      live.stop();
    });
  });

  describe('more time', () => {
    it('stated, the inactivity timeout is twice as long (fake clock)', async () => {
      const clock = new FakeClock().install();
      try {
        // idle-timeout 100 s: the warning 50 s before the end; with more time, 200 s.
        const { el, server } = await scriptedChat({ idleTimeout: 100 });
        clock.advance(50_000);
        await waitFor(() => part(el, '#idle-continue'), 'the usual warning at 50 s');
        part(el, '#idle-continue')!.click();
        await waitFor(() => !part(el, '#idle-continue'), 'the warning to go');
        part(el, '#needs-toggle')!.click();
        await waitFor(() => part(el, '#needs-form'), 'the form');
        (part(el, '#need-more-time') as HTMLInputElement).click();
        part(el, '#needs-save')!.click();
        await server.sent('accommodations');
        acknowledge(server, ['more-time']);
        await waitFor(() => part(el, '.message.system'), 'the notice');
        clock.advance(99_000);
        await el.updateComplete;
        expect(part(el, '#idle-continue'), 'no warning at 99 s').to.equal(null);
        clock.advance(1_000);
        await waitFor(() => part(el, '#idle-continue'), 'the warning at 100 s');
        clock.advance(100_000);
        await server.sent('end');
      } finally {
        clock.uninstall();
      }
    });

    it('a replayed notice (after a reload) keeps the longer timeout', async () => {
      const clock = new FakeClock().install();
      try {
        const server = new ScriptedServer([
          GREETING,
          {
            kind: 'notice',
            from: 'system',
            name: '',
            text: "We've noted what you told us.",
            notice: { code: 'accommodations', needs: ['more-time'] },
          },
        ]);
        const el = await scriptedElement(server, { lang: 'en', idleTimeout: 100 });
        await el.show();
        await waitFor(() => part(el, '.message.system'), 'the notice');
        part(el, '#needs-toggle')!.click();
        await waitFor(() => part(el, '#needs-form'), 'the form');
        expect(checked(el), 'the form starts from the notice').to.deep.equal(['more-time']);
        part(el, '#needs-skip')!.click();
        clock.advance(60_000);
        await el.updateComplete;
        expect(part(el, '#idle-continue'), 'no warning at 60 s').to.equal(null);
        clock.advance(40_000);
        await waitFor(() => part(el, '#idle-continue'), 'the warning at 100 s');
      } finally {
        clock.uninstall();
      }
    });
  });
});
