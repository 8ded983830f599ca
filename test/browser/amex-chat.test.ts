import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AmexChatElement, AmexChatError, PROTOCOL_VERSION } from '../../src/index.js';
import { PROTOCOL_VERSION as WIRE_VERSION } from '../../src/protocol.js';
import { panelStyles, styles } from '../../src/components/amex-chat.styles.js';
import { isolationStyles } from '../../src/components/isolation.styles.js';
import { positionStyles } from '../../src/components/position.styles.js';
import '../../src/define.js';
import { DEAD_ENDPOINT, axeCheck, deepActiveElement, waitFor } from '../support/helpers.js';
import { removeAfterTest } from '../support/page.js';

function part(el: AmexChatElement, selector: string): HTMLElement {
  const node = el.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!node) throw new Error(`no ${selector} in the shadow root`);
  return node;
}

describe('<amex-chat>', () => {
  describe('accessibility', () => {
    it('has no axe violations with the panel closed', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat></amex-chat>`);
      await expect(el).to.be.accessible();
      await axeCheck(el);
    });

    it('has no axe violations with the panel open', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat open></amex-chat>`);
      await expect(el).to.be.accessible();
      await axeCheck(el);
    });

    it('renders a polite and an assertive announcer outside the panel from the first render', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat></amex-chat>`);
      const polite = part(el, '[aria-live="polite"]');
      const assertive = part(el, '[aria-live="assertive"]');
      expect(polite.parentNode).to.equal(el.shadowRoot);
      expect(assertive.parentNode).to.equal(el.shadowRoot);
      // Each announcement is a node of its own, read whole; the region is not atomic (issue 24, item 6).
      expect(polite.hasAttribute('aria-atomic')).to.be.false;
      await el.show();
      expect(part(el, '#panel').contains(polite)).to.be.false;
      expect(part(el, '#panel').contains(assertive)).to.be.false;
    });

    it('exposes the launcher as a button that controls a labelled non-modal dialog', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat heading="Card help"></amex-chat>`);
      const launcher = part(el, '#launcher');
      expect(launcher.localName).to.equal('button');
      expect(launcher.getAttribute('aria-expanded')).to.equal('false');
      // A closed launcher does not build the panel (startup work); the first open does, and
      // closing then hides it (the draft and the scroll position stay). aria-controls names it
      // once it exists (issue 24, item 7).
      expect(el.shadowRoot!.querySelector('#panel')).to.equal(null);
      expect(launcher.hasAttribute('aria-controls')).to.equal(false);
      await el.show();
      await el.hide();
      expect(launcher.getAttribute('aria-controls')).to.equal('panel');
      const panel = part(el, '#panel');
      expect(launcher.getAttribute('aria-expanded')).to.equal('false');
      expect(panel.getAttribute('role')).to.equal('dialog');
      expect(panel.hasAttribute('aria-modal')).to.be.false;
      expect(
        el.shadowRoot?.getElementById(panel.getAttribute('aria-labelledby') ?? '')?.textContent,
      ).to.equal('Card help');
      expect(panel.hidden).to.be.true;
    });

    it('has a focusable, labelled log transcript that does not announce by itself', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat open></amex-chat>`);
      const transcript = part(el, '#transcript');
      expect(transcript.getAttribute('role')).to.equal('log');
      expect(transcript.getAttribute('aria-live')).to.equal('off');
      expect(transcript.getAttribute('aria-label')).to.equal('Conversation');
      expect(transcript.tabIndex).to.equal(0);
      expect(transcript.querySelector('[role="list"]')).to.exist;
    });

    it('labels the composer with visible text', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat open></amex-chat>`);
      const input = part(el, '#input') as HTMLTextAreaElement;
      expect(input.labels[0]?.textContent).to.equal('Type your message');
    });
  });

  describe('stylesheets', () => {
    it("adopts the panel's rules only when it first renders, right after the launcher's", async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat></amex-chat>`);
      const root = el.shadowRoot!;
      const sheetOf = (result: { styleSheet?: CSSStyleSheet }): CSSStyleSheet => result.styleSheet!;
      expect(root.adoptedStyleSheets).to.deep.equal([
        sheetOf(isolationStyles),
        sheetOf(styles),
        sheetOf(positionStyles),
      ]);
      await el.show();
      expect(root.adoptedStyleSheets).to.deep.equal([
        sheetOf(isolationStyles),
        sheetOf(styles),
        sheetOf(panelStyles),
        sheetOf(positionStyles),
      ]);
      expect(getComputedStyle(part(el, '#panel')).position).to.equal('fixed');
      await el.hide();
      await el.show();
      expect(root.adoptedStyleSheets).to.have.length(4);
      // A second element shares the parsed sheet.
      const other = await fixture<AmexChatElement>(html`<amex-chat open></amex-chat>`);
      expect(other.shadowRoot!.adoptedStyleSheets[2]).to.equal(sheetOf(panelStyles));
    });
  });

  describe('properties', () => {
    it('exports the protocol version its frames carry', () => {
      expect(PROTOCOL_VERSION).to.equal(WIRE_VERSION);
    });

    it('reflects open and shows or hides the panel through show() and hide()', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat></amex-chat>`);
      await el.show();
      expect(el.hasAttribute('open')).to.be.true;
      expect(part(el, '#panel').hidden).to.be.false;
      expect(part(el, '#launcher').getAttribute('aria-expanded')).to.equal('true');
      await el.hide();
      expect(el.hasAttribute('open')).to.be.false;
      expect(part(el, '#panel').hidden).to.be.true;
    });

    it('speaks Spanish with lang="es" and marks the panel language', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat lang="es" open></amex-chat>`);
      expect(part(el, '#panel').getAttribute('lang')).to.equal('es');
      expect(part(el, '#launcher').textContent?.trim()).to.equal('Chatear con nosotros');
      expect(part(el, '.send').textContent?.trim()).to.equal('Enviar');
      await axeCheck(el);
    });

    it("takes the page's language when it has no lang of its own", async () => {
      const page = removeAfterTest(document.createElement('div'));
      page.lang = 'es-MX';
      document.body.append(page);
      const el = document.createElement('amex-chat');
      el.open = true;
      page.append(el);
      await el.updateComplete;
      expect(part(el, '#panel').getAttribute('lang')).to.equal('es');
      expect(part(el, 'h2').textContent).to.equal('Atención al cliente');
    });

    it('does not connect before the panel is first opened', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${DEAD_ENDPOINT}></amex-chat>`);
      let states = 0;
      el.addEventListener('amex-chat-state', () => states++);
      await el.updateComplete;
      expect(states).to.equal(0);
      await el.show();
      expect(states).to.be.greaterThan(0);
    });
  });

  describe('events', () => {
    it('fires amex-chat-open and amex-chat-close for the customer, not for show() and hide()', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat></amex-chat>`);
      const seen: string[] = [];
      el.addEventListener('amex-chat-open', (e) => seen.push(`${e.type}:${String(e.composed && e.bubbles)}`));
      el.addEventListener('amex-chat-close', (e) =>
        seen.push(`${e.type}:${String(e.composed && e.bubbles)}`),
      );
      await el.show();
      await el.hide();
      expect(seen).to.deep.equal([]);
      part(el, '#launcher').click();
      await el.updateComplete;
      part(el, '.close').click();
      await el.updateComplete;
      expect(seen).to.deep.equal(['amex-chat-open:true', 'amex-chat-close:true']);
    });

    it('rejects send() of an empty message with an AmexChatError and an amex-chat-error event', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${DEAD_ENDPOINT} open></amex-chat>`);
      const event = oneEvent(el, 'amex-chat-error');
      let error: unknown;
      try {
        await el.send('   ');
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(AmexChatError);
      expect((error as AmexChatError).code).to.equal('empty');
      expect((await event).detail).to.deep.equal({
        code: 'empty',
        message: 'Type a message before sending.',
      });
      expect(part(el, '#error').textContent).to.equal('Type a message before sending.');
    });

    it('rejects a message over 2,000 characters and keeps the draft', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${DEAD_ENDPOINT} open></amex-chat>`);
      const input = part(el, '#input') as HTMLTextAreaElement;
      input.value = 'a'.repeat(2001);
      input.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(input.value).to.have.length(2001);
      expect(part(el, '#error').textContent).to.match(/too long/);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.contain('error');
    });
  });

  describe('placeholder', () => {
    it('shows only while the message box is empty: gone while typing, back when emptied or sent', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${DEAD_ENDPOINT} open></amex-chat>`);
      const input = part(el, '#input') as HTMLTextAreaElement;
      expect(input.placeholder).to.equal('Ask us anything');
      input.focus();
      await sendKeys({ type: 'hi' });
      await el.updateComplete;
      expect(input.hasAttribute('placeholder'), 'while typing').to.equal(false);
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await el.updateComplete;
      expect(input.value).to.equal('');
      expect(input.placeholder, 'emptied by the customer').to.equal('Ask us anything');
      await sendKeys({ type: 'hello' });
      await el.updateComplete;
      expect(input.hasAttribute('placeholder')).to.equal(false);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(input.value).to.equal('');
      expect(input.placeholder, 'after sending').to.equal('Ask us anything');
      await axeCheck(el);
    });
  });

  describe('redaction', () => {
    it('warns in Spanish and sends the Spanish placeholder with lang="es"', async () => {
      const el = await fixture<AmexChatElement>(
        html`<amex-chat endpoint=${DEAD_ENDPOINT} lang="es" open></amex-chat>`,
      );
      const input = part(el, '#input') as HTMLTextAreaElement;
      input.focus();
      await sendKeys({ type: 'mi código de seguridad es 7391' });
      const warning = await waitFor(() => el.shadowRoot?.querySelector('#warning'), 'the warning');
      expect(warning.textContent).to.equal(
        'Aviso: su mensaje contiene un código de seguridad. Por su seguridad, se eliminará antes de enviarlo.',
      );
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.shadowRoot?.querySelector('.message.customer .bubble')?.textContent).to.equal(
        'mi código de seguridad es [código eliminado]',
      );
      expect(input.value).to.equal('');
      expect(el.shadowRoot?.querySelector('#warning')).to.be.null;
      await axeCheck(el);
    });
  });

  describe('keyboard', () => {
    it('opens from the launcher with Enter and puts focus in the composer', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat></amex-chat>`);
      part(el, '#launcher').focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => deepActiveElement()?.id === 'input', 'focus in the composer');
      expect(el.open).to.be.true;
    });

    it('closes with Escape and returns focus to the launcher', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat></amex-chat>`);
      part(el, '#launcher').focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => deepActiveElement()?.id === 'input', 'focus in the composer');
      const closed = oneEvent(el, 'amex-chat-close');
      await sendKeys({ press: 'Escape' });
      await closed;
      await waitFor(() => deepActiveElement()?.id === 'launcher', 'focus on the launcher');
      expect(el.open).to.be.false;
      expect(part(el, '#panel').hidden).to.be.true;
    });

    it('inserts a new line with Shift+Enter instead of sending', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${DEAD_ENDPOINT} open></amex-chat>`);
      const input = part(el, '#input') as HTMLTextAreaElement;
      input.focus();
      await sendKeys({ type: 'first line' });
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ type: 'second line' });
      expect(input.value).to.equal('first line\nsecond line');
      expect(el.shadowRoot?.querySelectorAll('.message')).to.have.length(0);
    });

    it('leaves the panel with Tab: it is not a focus trap', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${DEAD_ENDPOINT} open></amex-chat>`);
      const after = document.createElement('button');
      after.id = 'after';
      after.textContent = 'After';
      el.after(after);
      part(el, '#input').focus();
      for (let i = 0; i < 5 && document.activeElement?.id !== 'after'; i++) await sendKeys({ press: 'Tab' });
      expect(document.activeElement?.id).to.equal('after');
    });
  });

  describe('transport', () => {
    it('shows and announces a notice when the server cannot be reached', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${DEAD_ENDPOINT}></amex-chat>`);
      await el.show();
      const notice = await waitFor(() => el.shadowRoot?.querySelector('.notice'), 'a connection notice');
      expect(notice.textContent).to.match(/Connecting|Trying again/);
      await waitFor(
        () => el.shadowRoot?.querySelector('[aria-live="assertive"]')?.textContent?.includes('Trying again'),
        'an assertive connection-problem announcement',
      );
      await axeCheck(el);
    });

    it('keeps at most 50 unsent messages and then refuses, keeping the draft', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${DEAD_ENDPOINT} open></amex-chat>`);
      for (let i = 1; i <= 50; i++) await el.send(`message ${i}`);
      const input = part(el, '#input') as HTMLTextAreaElement;
      input.focus();
      await sendKeys({ type: 'one more' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(input.value).to.equal('one more');
      expect(part(el, '#error').textContent).to.match(/Too many messages are waiting/);
      expect(el.shadowRoot?.querySelectorAll('.message.customer')).to.have.length(50);
    });

    it('queues a message while disconnected and shows it as sending', async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${DEAD_ENDPOINT} open></amex-chat>`);
      const message = await el.send('Is anyone there?');
      expect(message.status).to.equal('sending');
      const item = part(el, '.message.customer');
      expect(item.querySelector('.bubble')?.textContent).to.equal('Is anyone there?');
      expect(item.querySelector('.status')?.textContent?.trim()).to.equal('Sending…');
    });

    it("writes each message's time as this browser's Intl.DateTimeFormat does, in English and Spanish", async () => {
      for (const lang of ['en', 'es']) {
        const el = await fixture<AmexChatElement>(
          html`<amex-chat lang=${lang} endpoint=${DEAD_ENDPOINT} open></amex-chat>`,
        );
        await el.send('What time is it?');
        await el.updateComplete;
        const time = part(el, '.message.customer time');
        const at = new Date(time.getAttribute('datetime') ?? '');
        const intl = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' });
        expect(time.textContent).to.equal(intl.format(at));
      }
    });
  });
});
