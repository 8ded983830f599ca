// The customer's experience of a conversation in its states, played by a scripted server in the
// page (test/support/scripted-transport.ts): what is announced and when, where focus goes (and
// that it does not move by itself), the inactivity timeout, the live too-long error, the urgent
// call link, and attribute changes that must not disturb the conversation.
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement } from '../../src/index.js';
import '../../src/define.js';
import { FakeClock } from '../support/fake-clock.js';
import { axeCheck, deepActiveElement, mount, waitFor } from '../support/helpers.js';
import { recordLiveRegions } from '../support/live-regions.js';
import { GREETING, NOTICES, inLine, part, scriptedChat } from '../support/scripted-chat.js';

/** The quick replies of the assistant's greeting. */
const MENU = [{ label: 'Lost card', value: 'I lost my card' }];

/**
 * What each live region says, one entry per announcement as assistive technology gets it: each
 * announcement is a node of its own in its region (see test/support/live-regions.ts).
 */
function recordAnnouncements(el: AmexChatElement): { polite: string[]; assertive: string[] } {
  const live = recordLiveRegions(el.shadowRoot!);
  return {
    get polite() {
      return live.texts('polite');
    },
    get assertive() {
      return live.texts('assertive');
    },
  };
}

function chat(
  attributes: { idleTimeout?: number; urgentPhone?: string; lang?: string } = {},
): ReturnType<typeof scriptedChat> {
  return scriptedChat({ greeting: { ...GREETING, quickReplies: MENU }, idleTimeout: 0, ...attributes });
}

/** The next task: after the frames the scripted server delivered so far (each in a task of its own). */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('<amex-chat>', () => {
  describe('experience', () => {
    it('has no axe violations with the urgent call link, the too-long error and the inactivity warning', async () => {
      // The inactivity countdown runs on the element's clock, put in place before the chat opens
      // so that the countdown the opening starts is on it too.
      const time = new FakeClock().install();
      try {
        const { el, server } = await chat({ idleTimeout: 21, urgentPhone: '1-800-528-4800' });
        server.event({
          from: 'assistant',
          name: 'Virtual assistant',
          text: 'This is urgent: call us.',
          urgent: true,
        });
        await waitFor(() => part(el, 'a[part="urgent-phone"]'), 'the call link');
        const input = part(el, '#input') as HTMLTextAreaElement;
        input.value = 'x'.repeat(2010);
        input.dispatchEvent(new Event('input'));
        await waitFor(() => part(el, '#too-long'), 'the too-long error');
        // (Typing is activity: the warning comes 1 s after it, 20 s before the end.)
        time.advance(1000);
        await waitFor(() => part(el, '#idle-continue'), 'the inactivity warning');
        await axeCheck(el);
      } finally {
        time.uninstall();
      }
    });

    it('announces "Maria is typing" once per spell, after 2 s, and not when she stops', async () => {
      const { el, server } = await chat();
      const said = recordAnnouncements(el);
      // The typing delays run on the element's clock: a fake one moves them without waiting.
      const time = new FakeClock().install();
      try {
        const typing = async (active: boolean): Promise<void> => {
          server.push({ type: 'typing', from: 'agent', name: 'Maria', active });
          // (The frame arrives in a task of its own, as from a socket.)
          await new Promise((resolve) => setTimeout(resolve, 0));
          await el.updateComplete;
        };
        const pass = async (ms: number): Promise<void> => {
          time.advance(ms);
          await el.updateComplete;
        };
        await typing(true);
        await waitFor(() => part(el, '.typing')?.textContent?.includes('Maria is typing'), 'the typing line');
        await pass(1000);
        expect(
          said.polite.filter((t) => t.includes('typing')),
          'nothing before 2 s',
        ).to.have.length(0);
        await typing(true);
        await pass(1000);
        await waitFor(() => said.polite.some((t) => t.includes('Maria is typing')), 'the announcement');
        await typing(true);
        await pass(2500);
        await typing(false);
        await pass(300);
        expect(said.polite.filter((t) => t.includes('typing'))).to.deep.equal(['Maria is typing…']);
        expect(part(el, '.typing')?.textContent?.trim()).to.equal('');
        // A short burst (under 2 s) stays silent.
        await typing(true);
        await pass(800);
        await typing(false);
        await pass(1600);
        expect(said.polite.filter((t) => t.includes('typing'))).to.have.length(1);
      } finally {
        time.uninstall();
      }
    });

    it('announces the place in line only when it changes, the agent politely and the end assertively', async () => {
      const { el, server } = await chat();
      const said = recordAnnouncements(el);
      // The wait estimate and the announcements run on the element's clock: a fake one moves them.
      const time = new FakeClock().install();
      const pass = async (ms: number): Promise<void> => {
        // (Frames arrive in a task of their own, as from a socket.)
        await new Promise((resolve) => setTimeout(resolve, 0));
        time.advance(ms);
        await el.updateComplete;
      };
      try {
        server.event(NOTICES.queued);
        inLine(server, 3, 240);
        await waitFor(() => part(el, '#queue-status'), 'the place in line');
        inLine(server, 3, 230); // still "about 4 minutes": nothing new to say
        await pass(1200);
        inLine(server, 2, 120);
        await waitFor(() => part(el, '#queue-status')?.textContent?.includes('number 2'), 'the new place');
        await pass(1200);
        server.event(NOTICES.agentJoined);
        await waitFor(() => !part(el, '#queue-status'), 'the place to go');
        server.event(NOTICES.ended);
        await waitFor(() => said.assertive.length > 0, 'the end announced');
        // A burst of frames renders once, so the place in line may be joined to the "queued" notice
        // in one announcement: each place must still be said exactly once.
        const places = said.polite.flatMap(
          (t) => t.match(/You're number \d+ in line for an agent\. Estimated wait: about [^.]+\./g) ?? [],
        );
        expect(places).to.deep.equal([
          "You're number 3 in line for an agent. Estimated wait: about 4 minutes.",
          "You're number 2 in line for an agent. Estimated wait: about 2 minutes.",
        ]);
        expect(said.polite).to.include("Notice: You're now chatting with Maria, a live agent.");
        expect(said.assertive).to.deep.equal([
          'Notice: This chat has ended. Your reference number is AMX-4KF7-Q2ZD.',
        ]);
      } finally {
        time.uninstall();
      }
    });

    it('never moves focus when messages, notices and typing arrive', async () => {
      const { el, server } = await chat();
      const outside = document.createElement('input');
      outside.setAttribute('aria-label', 'Search the site');
      el.before(outside);
      outside.focus();
      server.push({ type: 'typing', from: 'agent', name: 'Maria', active: true });
      server.event(NOTICES.agentJoined);
      for (let i = 1; i <= 4; i += 1) server.event({ from: 'agent', name: 'Maria', text: `Message ${i}` });
      await waitFor(() => el.shadowRoot!.querySelectorAll('.message.agent').length === 4, 'the messages');
      expect(document.activeElement).to.equal(outside);
      outside.remove();
    });

    it('shows a live too-long error tied to the composer, announced once, and keeps the draft', async () => {
      const { el } = await chat();
      const said = recordAnnouncements(el);
      const input = part(el, '#input') as HTMLTextAreaElement;
      input.focus();
      input.value = 'a'.repeat(2000);
      input.dispatchEvent(new Event('input'));
      expect(part(el, '#too-long')).to.equal(null);
      await sendKeys({ type: 'bcd' });
      const error = await waitFor(() => part(el, '#too-long'), 'the error');
      expect(error.textContent).to.equal(
        'Your message is 3 characters too long. Shorten it to 2,000 characters or fewer.',
      );
      expect(input.getAttribute('aria-describedby')?.split(' ')).to.include('too-long');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      await sendKeys({ type: 'ef' });
      await waitFor(() => part(el, '#too-long')?.textContent?.includes('5 characters'), 'the count');
      // A second announcement would be made in the update the key presses asked for.
      await el.updateComplete;
      expect(said.polite.filter((t) => t.includes('too long'))).to.have.length(1);
      await sendKeys({ press: 'Enter' });
      expect(input.value).to.have.length(2005);
      expect(el.shadowRoot!.querySelectorAll('.message.customer')).to.have.length(0);
      for (let i = 0; i < 5; i += 1) await sendKeys({ press: 'Backspace' });
      await waitFor(() => !part(el, '#too-long'), 'the error to go');
      expect(input.getAttribute('aria-invalid')).to.equal('false');
    });

    it('warms the redaction engine up after opening without sending, showing or telling anything', async () => {
      const events: string[] = [];
      const listening = new AbortController();
      for (const type of ['amex-chat-message', 'amex-chat-redacted', 'amex-chat-error'])
        document.addEventListener(type, () => events.push(type), { signal: listening.signal });
      // The warm-up's delay runs on the element's clock: a fake one moves it without waiting.
      const time = new FakeClock().install();
      try {
        const { el, server } = await chat();
        const frames = server.raw.length;
        // The warm-up runs at the first idle time a second after the opening.
        time.advance(1000);
        await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
        expect(server.raw.slice(frames)).to.deep.equal([]);
        expect(server.raw.join()).not.to.include('4111');
        expect(events.filter((type) => type !== 'amex-chat-message')).to.deep.equal([]);
        expect(part(el, '#warning')).to.equal(null);
        expect(el.shadowRoot!.querySelectorAll('.backdrop mark')).to.have.length(0);
        expect((part(el, '#input') as HTMLTextAreaElement).value).to.equal('');
      } finally {
        time.uninstall();
      }
      listening.abort();
    });

    it('keeps the too-long count current without updating the whole element, in the current language', async () => {
      const { el } = await chat();
      const input = part(el, '#input') as HTMLTextAreaElement;
      input.focus();
      input.value = 'a'.repeat(2000);
      input.dispatchEvent(new Event('input'));
      await sendKeys({ type: 'b' });
      const error = await waitFor(() => part(el, '#too-long'), 'the error');
      await el.updateComplete;
      expect(error.textContent).to.include('1 character too long');
      // Each further key press changes only the count: it is written at once, with no update of
      // the element (counted by wrapping the instance's own update method).
      const host = el as unknown as { update(changed: unknown): void };
      const update = host.update.bind(el);
      let updates = 0;
      host.update = (changed) => {
        updates += 1;
        update(changed);
      };
      for (const [key, count] of [
        ['c', 2],
        ['d', 3],
      ] as const) {
        await sendKeys({ type: key });
        expect(error.textContent).to.include(`${count} characters too long`);
      }
      await el.updateComplete;
      expect(updates).to.equal(0);
      // A whole update (here a change of language) shows the current count, in the new language.
      el.lang = 'es';
      await el.updateComplete;
      expect(part(el, '#too-long')?.textContent).to.equal(
        'Su mensaje tiene 3 caracteres de más. Acórtelo a 2000 caracteres o menos.',
      );
      await sendKeys({ press: 'Backspace' });
      expect(part(el, '#too-long')?.textContent).to.include('2 caracteres de más');
      // Within the limit and over it again: the error goes, and comes back with the new count.
      for (let i = 0; i < 2; i += 1) await sendKeys({ press: 'Backspace' });
      await waitFor(() => !part(el, '#too-long'), 'the error to go');
      await sendKeys({ type: 'xyzw' });
      await waitFor(() => part(el, '#too-long'), 'the error again');
      await el.updateComplete;
      expect(part(el, '#too-long')?.textContent).to.include('4 caracteres de más');
    });

    it('checks a pasted document as far as twice the limit while it is too long, and all of it once it fits', async () => {
      const { el } = await chat();
      const input = part(el, '#input') as HTMLTextAreaElement;
      const marked = (): string[] =>
        [...el.shadowRoot!.querySelectorAll('.backdrop mark')].map((m) => m.textContent ?? '');
      const paste = (text: string): void => {
        input.value = text;
        input.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste' }));
      };
      input.focus();
      const filler = 'Statement line, nothing sensitive here. '.repeat(5000);
      // A card near the start and one 200,000 characters in: only the first is within reach.
      paste(`Card 4111 1111 1111 1111 charged. ${filler}Other card 5500 0000 0000 0004 too.`);
      await waitFor(() => part(el, '#too-long'), 'the too-long error');
      await waitFor(() => marked().length === 1, 'the first card highlighted');
      expect(marked()).to.deep.equal(['4111 1111 1111 1111']);
      expect(part(el, '#warning')?.textContent).to.include('card number');
      // Nothing over the limit is sent, so nothing beyond the check's reach can leave.
      const refused = await el.send(input.value).catch((error: unknown) => error);
      expect((refused as { code?: string }).code).to.equal('too-long');
      // Cut to what fits, the whole draft is checked again: the second card is found.
      paste(`${filler.slice(0, 1500)}Other card 5500 0000 0000 0004 too.`);
      await waitFor(() => !part(el, '#too-long'), 'the error to go');
      await waitFor(() => marked().join() === '5500 0000 0000 0004', 'the second card highlighted');
    });

    it('renders the urgent phone route as a tel: link only under urgent answers', async () => {
      const { el, server } = await chat({ urgentPhone: ' 1-800-528-4800 ext"><script>' });
      server.event({
        from: 'assistant',
        name: 'Virtual assistant',
        text: 'When is my payment due? The 5th.',
      });
      server.event({
        from: 'assistant',
        name: 'Virtual assistant',
        text: 'This is urgent: please call the phone number printed on the back of your card.',
        urgent: true,
      });
      const link = await waitFor(
        () => part(el, 'a[part="urgent-phone"]') as HTMLAnchorElement | null,
        'the link',
      );
      expect(link.getAttribute('href')).to.equal('tel:18005284800');
      expect(link.textContent).to.equal('Call us now: 1-800-528-4800 ext"><script>');
      expect(el.shadowRoot!.querySelectorAll('a[part="urgent-phone"]')).to.have.length(1);
      expect(link.closest('.message')?.textContent).to.include('This is urgent');
      expect(el.shadowRoot!.querySelector('script')).to.equal(null);

      // Without the attribute there is no link (the text still gives the route).
      el.urgentPhone = '';
      await el.updateComplete;
      expect(part(el, 'a[part="urgent-phone"]')).to.equal(null);
    });

    // The inactivity timeout runs on the element's clock: a fake one, put in place before the chat
    // opens (the opening starts the countdown), moves it without waiting. With idle-timeout 21 s
    // the warning comes 1 s after the last activity, 20 s before the end.
    it('warns before the inactivity timeout, moves focus to Continue, and continues any number of times', async () => {
      const time = new FakeClock().install();
      try {
        const { el, server } = await chat({ idleTimeout: 21 });
        const said = recordAnnouncements(el);
        (part(el, '#input') as HTMLTextAreaElement).focus();
        for (let round = 1; round <= 10; round += 1) {
          time.advance(1000);
          const button = await waitFor(
            () => (deepActiveElement()?.id === 'idle-continue' ? deepActiveElement() : null),
            `focus on Continue (round ${round})`,
          );
          expect(part(el, '#idle-text')?.textContent).to.equal(
            'Are you still there? This chat will end in 20 seconds because there has been no activity.',
          );
          expect(button.textContent?.trim()).to.equal('Continue chat');
          await sendKeys({ press: 'Enter' });
          await waitFor(() => !part(el, '#idle-continue'), 'the warning to go');
          expect(deepActiveElement()?.id).to.equal('input');
        }
        expect(said.assertive.filter((t) => t.startsWith('Are you still there?'))).to.have.length(10);
        expect(
          server.received.some((f) => f.type === 'end'),
          'still chatting',
        ).to.equal(false);
      } finally {
        time.uninstall();
      }
    });

    it('when focus is elsewhere, only announces the warning and counts it on the closed launcher', async () => {
      const time = new FakeClock().install();
      try {
        const { el } = await chat({ idleTimeout: 21 });
        await el.hide();
        const said = recordAnnouncements(el);
        time.advance(1000);
        await waitFor(() => said.assertive.some((t) => t.startsWith('Are you still there?')), 'the warning');
        expect(deepActiveElement()?.id ?? '').to.not.equal('idle-continue');
        expect(part(el, '.badge')?.textContent).to.equal('1');
      } finally {
        time.uninstall();
      }
    });

    it('ends the chat after the timeout with a notice when nobody continues', async () => {
      const time = new FakeClock().install();
      try {
        const { el, server } = await chat({ idleTimeout: 21 });
        time.advance(1000);
        await waitFor(() => part(el, '#idle-continue'), 'the warning');
        time.advance(20_000);
        const end = await waitFor(() => server.received.find((f) => f.type === 'end'), 'the end frame');
        expect(end).to.deep.equal({ type: 'end' });
        expect(
          [...el.shadowRoot!.querySelectorAll('.message.system .bubble')].map((b) => b.textContent),
        ).to.include('This chat ended because there was no activity for a while.');
        expect(part(el, '#idle-continue')).to.equal(null);
      } finally {
        time.uninstall();
      }
    });

    it('keeps the conversation and the draft when lang, theme and heading change at run time', async () => {
      const { el, server } = await chat();
      const input = part(el, '#input') as HTMLTextAreaElement;
      input.value = 'half-written question';
      input.dispatchEvent(new Event('input'));
      const hellos = server.received.filter((f) => f.type === 'hello').length;
      el.lang = 'es';
      el.theme = 'dark';
      el.heading = 'Ayuda con tu tarjeta';
      await el.updateComplete;
      expect(part(el, '#heading')?.textContent).to.equal('Ayuda con tu tarjeta');
      expect(part(el, 'label[for="input"]')?.textContent).to.equal('Escriba su mensaje');
      expect(part(el, '#input')).to.equal(input);
      expect(input.value).to.equal('half-written question');
      expect(el.shadowRoot!.querySelectorAll('.message.assistant')).to.have.length(1);
      // A new connection would say hello before anything sent after the changes: a message sent
      // now, once the server has it, proves none was made.
      await el.send('still the same chat');
      await server.sent('message');
      expect(server.received.filter((f) => f.type === 'hello')).to.have.length(hellos);
    });

    it('never takes focus on page load, open or closed', async () => {
      const before = document.activeElement;
      const root = mount(html`<div><amex-chat open></amex-chat><amex-chat></amex-chat></div>`);
      // Focus would be moved once an update is done (the open one's waits for its panel): after
      // each element's update, and the task after.
      const [open, closed] = [...root.querySelectorAll('amex-chat')] as AmexChatElement[];
      await Promise.all([open!.updateComplete, closed!.updateComplete]);
      await waitFor(() => part(open!, '#input'), 'the open panel');
      await Promise.all([open!.updateComplete, closed!.updateComplete]);
      await nextTask();
      expect(document.activeElement).to.equal(before);
    });

    it('never sends while an input method is composing', async () => {
      const { el, server } = await chat();
      const input = part(el, '#input') as HTMLTextAreaElement;
      input.focus();
      input.value = 'にほんご';
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true }));
      await el.updateComplete;
      await nextTask();
      expect(input.value).to.equal('にほんご');
      expect(server.received.filter((f) => f.type === 'message')).to.have.length(0);
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      await server.sent('message');
      expect(input.value).to.equal('');
      // Anything the first Enter had sent would have reached the server before this one.
      expect(server.received.filter((f) => f.type === 'message')).to.have.length(1);
    });

    it('tabs in reading order: launcher, End chat, close, transcript, quick reply, needs, composer, send', async () => {
      const { el } = await chat();
      part(el, '#launcher')!.focus();
      const order: string[] = [];
      for (let i = 0; i < 8; i += 1) {
        const active = deepActiveElement() as HTMLElement | null;
        order.push(active?.id || active?.getAttribute('part') || active?.localName || '');
        await sendKeys({ press: 'Tab' });
      }
      expect(order).to.deep.equal([
        'launcher',
        'end',
        'close-button',
        'transcript',
        'quick-reply',
        'needs-toggle',
        'input',
        'send-button',
      ]);
    });
  });

  describe('events', () => {
    it('fires amex-chat-redacted before amex-chat-message for one send', async () => {
      const { el, server } = await chat();
      const order: string[] = [];
      for (const type of ['amex-chat-redacted', 'amex-chat-message'] as const)
        el.addEventListener(type, (event) => {
          const { detail } = event as CustomEvent<{ message?: { from: string } }>;
          if (type === 'amex-chat-redacted' || detail.message?.from === 'customer') order.push(type);
        });
      const sent = await el.send('my card is 4111 1111 1111 1111');
      expect(sent.text).not.to.include('4111 1111 1111 1111');
      expect(order).to.deep.equal(['amex-chat-redacted', 'amex-chat-message']);
      await server.sent('message');
      // A message with nothing to remove fires only amex-chat-message.
      order.length = 0;
      await el.send('thank you');
      expect(order).to.deep.equal(['amex-chat-message']);
    });

    it('tells a sent message after the call that sent it returns, never inside it', async () => {
      const { el } = await chat();
      const heard: string[] = [];
      el.addEventListener('amex-chat-message', (event) => {
        const { message } = (event as CustomEvent<{ message: { from: string; text: string } }>).detail;
        if (message.from === 'customer') heard.push(message.text);
      });
      const input = part(el, '#input') as HTMLTextAreaElement;
      input.value = 'hello there';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      (part(el, 'form.composer') as HTMLFormElement).requestSubmit();
      // The submit ran to its end in this task: the conversation's events have not reached the
      // element yet, so no listener ran inside the element's own call.
      expect(heard).to.deep.equal([]);
      await Promise.resolve();
      expect(heard).to.deep.equal(['hello there']);
    });
  });
});
