// Issue 24, item 1 (WCAG 2.4.3): a control that goes away while it has focus never leaves focus
// on <body>. Each control that can disappear is reached and used with real key presses; focus
// must land in the widget (the message box by default, or what replaced the control), and
// Escape must still close the panel afterwards.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement } from '../../src/index.js';
import { axeCheck, deepActiveElement, waitFor } from '../support/helpers.js';
import { FakeClock } from '../support/fake-clock.js';
import { GREETING, NOTICES, inLine, part, scriptedChat } from '../support/scripted-chat.js';

/** The quick replies of the assistant's greeting. */
const MENU = [
  { label: 'Lost card', value: 'I lost my card' },
  { label: 'Payments', value: 'A question about a payment' },
];

/** The chat opened as a customer opens it: Enter on the launcher puts focus in the message box. */
function chat(idleTimeout = 0): ReturnType<typeof scriptedChat> {
  return scriptedChat({ greeting: { ...GREETING, quickReplies: MENU }, idleTimeout, open: 'keyboard' });
}

/** What has focus, named as the tests name it: its id, else its part. */
function focused(): string {
  const active = deepActiveElement();
  if (!active || active === document.body) return 'body';
  return active.id || active.getAttribute('part') || active.localName;
}

/** Presses Shift+Tab (or Tab) until `name` has focus (at most 12 times). */
async function tabTo(name: string, backwards = true): Promise<void> {
  for (let i = 0; i < 12 && focused() !== name; i += 1) {
    if (backwards) await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    if (backwards) await sendKeys({ up: 'Shift' });
  }
  expect(focused(), `reached ${name} with the keyboard`).to.equal(name);
}

/**
 * After the control went away: focus is `expected` (in the widget, not <body>), and Escape still
 * closes the panel and puts focus on the launcher.
 */
async function expectFocusKept(el: AmexChatElement, expected: string): Promise<void> {
  await el.updateComplete;
  expect(focused(), 'where focus went').to.equal(expected);
  await sendKeys({ press: 'Escape' });
  await waitFor(() => !el.open, 'Escape to close the panel');
  await waitFor(() => focused() === 'launcher', 'focus back on the launcher');
}

describe('<amex-chat>', () => {
  describe('keyboard: focus never drops to <body>', () => {
    it('has no axe violations once focus has moved to the end card', async () => {
      const { el, server } = await chat();
      await tabTo('end');
      server.event(NOTICES.ended);
      await waitFor(() => focused() === 'download', 'focus on the end card');
      await axeCheck(el);
    });

    it('Enter on a quick reply sends it and leaves focus in the message box', async () => {
      const { el, server } = await chat();
      await tabTo('quick-reply');
      await sendKeys({ press: 'Enter' });
      await server.sent('message');
      await waitFor(() => !part(el, '[part="quick-reply"]'), 'the quick replies to go');
      await expectFocusKept(el, 'input');
    });

    it('a focused quick reply replaced by a new message leaves focus in the message box', async () => {
      const { el, server } = await chat();
      await tabTo('quick-reply');
      server.event({ from: 'assistant', name: 'Virtual assistant', text: 'Anything else?' });
      await waitFor(() => !part(el, '[part="quick-reply"]'), 'the quick replies to go');
      await expectFocusKept(el, 'input');
    });

    it('a focused "Leave the line" goes to the message box when the agent joins', async () => {
      const { el, server } = await chat();
      server.event(NOTICES.queued);
      inLine(server, 2, 120);
      await waitFor(() => part(el, '#leave-queue'), 'Leave the line');
      await tabTo('leave-queue');
      server.event(NOTICES.agentJoined);
      await waitFor(() => !part(el, '#leave-queue'), 'the queue banner to go');
      await expectFocusKept(el, 'input');
    });

    it('a focused "End chat" goes to the end card\'s first control when the agent ends the chat', async () => {
      const { el, server } = await chat();
      server.event({ from: 'agent', name: 'Maria', text: 'Anything else?' });
      await waitFor(() => part(el, '#end'), 'End chat');
      await tabTo('end');
      server.event(NOTICES.ended);
      await waitFor(() => !part(el, '#end') && part(el, '#download'), 'the end card');
      await expectFocusKept(el, 'download');
    });

    it('"Yes, end chat" that the agent ended first goes to the end card', async () => {
      const { el, server } = await chat();
      await tabTo('end');
      await sendKeys({ press: 'Enter' });
      // (The question takes focus on "Keep chatting"; "Yes, end chat" is before it.)
      await waitFor(() => focused() === 'end-no', 'the question');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await waitFor(() => focused() === 'end-yes', 'Yes, end chat');
      server.event(NOTICES.ended);
      await waitFor(() => !part(el, '#end-yes') && part(el, '#download'), 'the end card');
      await expectFocusKept(el, 'download');
    });

    it('Retry on a message that was not sent leaves focus in the message box', async () => {
      const { el, server } = await chat();
      // The server refuses the first message (as a rate limit would), then accepts again.
      let refuse = true;
      const handle = server.handle.bind(server);
      server.handle = (raw: string): void => {
        const frame = JSON.parse(raw) as { type: string; id?: string };
        if (refuse && frame.type === 'message') {
          refuse = false;
          server.push({ type: 'error', code: 'rate-limited', message: 'Slow down.', id: frame.id! });
          return;
        }
        handle(raw);
      };
      await sendKeys({ type: 'where is my card' });
      await sendKeys({ press: 'Enter' });
      await waitFor(() => part(el, '.status.failed'), 'the message marked not sent');
      await tabTo('retry-button');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => !part(el, '[part="retry-button"]'), 'Retry to go');
      await expectFocusKept(el, 'input');
    });

    it('a focused "Continue chat" goes to the message box when the timeout ends the chat', async () => {
      // idle-timeout 100 s: the warning 50 s before the end, on a fake clock.
      const clock = new FakeClock().install();
      try {
        const { el, server } = await chat(100);
        clock.advance(50_000); // the warning: focus was in the widget, so it moves to Continue
        await waitFor(() => focused() === 'idle-continue', 'focus on Continue');
        clock.advance(50_000); // the end
        await server.sent('end');
        await waitFor(() => !part(el, '#idle-continue'), 'the warning to go');
        await expectFocusKept(el, 'input');
      } finally {
        clock.uninstall();
      }
    });

    it('a focused control in a panel the host hides goes to the launcher', async () => {
      const { el } = await chat();
      await tabTo('quick-reply');
      await el.hide();
      await el.updateComplete;
      expect(focused()).to.equal('launcher');
    });

    it('never takes focus that was outside the widget', async () => {
      const { el, server } = await chat();
      const outside = document.createElement('button');
      outside.textContent = 'Outside';
      el.after(outside);
      outside.focus();
      server.event({ from: 'assistant', name: 'Virtual assistant', text: 'Anything else?' });
      await waitFor(() => !part(el, '[part="quick-reply"]'), 'the quick replies to go');
      await el.updateComplete;
      expect(document.activeElement).to.equal(outside);
      outside.remove();
    });
  });
});
