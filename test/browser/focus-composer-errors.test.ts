// Issue 24, item 5: only an error about the draft's text marks the message box invalid. A
// refused or failed send, a closed chat or a full outbox are not the customer's text at fault:
// they are announced and shown under the message box (and describe it), but an empty box is
// never `aria-invalid="true"` for them. Empty, too long and blocked sensitive data still mark it.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement } from '../../src/index.js';
import '../../src/define.js';
import { DEAD_ENDPOINT, axTree, axeCheck, waitFor } from '../support/helpers.js';
import { GREETING, part, scriptedChat } from '../support/scripted-chat.js';
import type { ScriptedServer } from '../support/scripted-transport.js';

async function chat(
  redaction: 'mask' | 'block' = 'mask',
): Promise<{ el: AmexChatElement; server: ScriptedServer }> {
  const { el, server } = await scriptedChat({ greeting: { ...GREETING, text: 'Hi!' }, redaction });
  (part(el, '#input') as HTMLTextAreaElement).focus();
  return { el, server };
}

/** Types `text` and presses Enter in the message box. */
async function sendTyped(text: string): Promise<void> {
  if (text) await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
}

/** The message box's state as the DOM and a screen reader get it. */
async function box(
  el: AmexChatElement,
): Promise<{ invalid: string | null; error: string; described: string }> {
  await el.updateComplete;
  const input = part(el, '#input') as HTMLTextAreaElement;
  const node = (await axTree()).find((n) => n.role === 'textbox');
  // (Chromium writes the state as a token: "false", "true", "grammar", "spelling".)
  const invalid = (node?.properties['invalid'] as string | undefined) ?? 'false';
  expect(invalid, 'the accessibility tree agrees').to.equal(
    input.getAttribute('aria-invalid') === 'true' ? 'true' : 'false',
  );
  return {
    invalid: input.getAttribute('aria-invalid'),
    error: part(el, '#error')?.textContent?.trim() ?? '',
    described: node?.description ?? '',
  };
}

describe('<amex-chat>', () => {
  describe('accessibility: errors and the message box', () => {
    it('has no axe violations with an error that is not about the text', async () => {
      const { el, server } = await chat();
      server.push({ type: 'error', code: 'auth-failed', message: 'Sign in again.' });
      await waitFor(() => part(el, '#error'), 'the error');
      await axeCheck(el);
    });

    it('does not mark the box invalid when the server refuses a sent message', async () => {
      const { el, server } = await chat();
      const handle = server.handle.bind(server);
      server.handle = (raw: string): void => {
        const frame = JSON.parse(raw) as { type: string; id?: string };
        if (frame.type === 'message')
          server.push({ type: 'error', code: 'rate-limited', message: 'Slow down.', id: frame.id! });
        else handle(raw);
      };
      await sendTyped('where is my card');
      await waitFor(() => part(el, '.status.failed'), 'the message marked not sent');
      const state = await box(el);
      expect(state.error).to.match(/could not be sent/);
      expect(state.described, 'the error still describes the box').to.include(state.error);
      expect(state.invalid).to.equal('false');
    });

    it('does not mark the box invalid when a failed sign-in closes the chat', async () => {
      const { el, server } = await chat();
      await sendKeys({ type: 'half a question' });
      server.push({ type: 'error', code: 'auth-failed', message: 'Sign in again.' });
      await waitFor(() => part(el, '#error'), 'the sign-in error');
      const state = await box(el);
      expect(state.error).to.match(/Sign in again/);
      expect(state.described, 'the error still describes the box').to.include(state.error);
      expect(state.invalid).to.equal('false');
    });

    it('does not mark the box invalid when too many messages wait to be sent', async () => {
      const el = await fixture<AmexChatElement>(
        html`<amex-chat persist="none" endpoint=${DEAD_ENDPOINT} open></amex-chat>`,
      );
      for (let i = 1; i <= 50; i++) await el.send(`message ${i}`);
      (part(el, '#input') as HTMLTextAreaElement).focus();
      await sendTyped('one more');
      await waitFor(() => /Too many messages/.test(part(el, '#error')?.textContent ?? ''), 'the error');
      expect((await box(el)).invalid).to.equal('false');
    });

    it('marks the box invalid for an empty message, one too long and blocked sensitive data', async () => {
      const { el } = await chat('block');
      await sendTyped('');
      await waitFor(() => part(el, '#error'), 'the empty error');
      expect((await box(el)).invalid, 'empty').to.equal('true');

      const refused = await el.send('x'.repeat(2001)).catch((error: unknown) => error);
      expect((refused as { code?: string }).code).to.equal('too-long');
      expect((await box(el)).invalid, 'too long').to.equal('true');

      await sendTyped('my card is 4111 1111 1111 1111');
      await waitFor(() => /remove/i.test(part(el, '#error')?.textContent ?? ''), 'the blocked error');
      expect((await box(el)).invalid, 'blocked').to.equal('true');
      // Editing the text clears the error and the mark.
      await sendKeys({ press: 'Backspace' });
      expect((await box(el)).invalid, 'edited').to.equal('false');
    });
  });
});
