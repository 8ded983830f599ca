// The identity check's strip (protocol 1.5 `verify` frames): outside the transcript, in the
// customer's language, its keyboard journey (focus follows the customer, never taken from the
// page), errors said once, and the one-time code in its own frame and nowhere else: not in an
// event that leaves the widget, not in the transcript, not left in its field.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement } from '../../src/index.js';
import type { VerifyFrame } from '../../src/protocol.js';
import { CHOOSE, CODE_SENT } from '../support/verify-frames.js';
import '../../src/define.js';
import { axeCheck, deepActiveElement, waitFor } from '../support/helpers.js';
import { recordLiveRegions } from '../support/live-regions.js';
import { NOTICES, part, scriptedChat } from '../support/scripted-chat.js';

type Server = Awaited<ReturnType<typeof scriptedChat>>['server'];

async function ask(server: Server, el: AmexChatElement, frame: VerifyFrame = CHOOSE): Promise<void> {
  server.push(frame);
  await waitFor(() => part(el, '#verify'), 'the identity check');
}

function focusedId(): string {
  return deepActiveElement()?.id ?? '';
}

describe('<amex-chat> identity check', () => {
  describe('accessibility', () => {
    it('has no axe violations at each step', async () => {
      const { el, server } = await scriptedChat();
      await ask(server, el);
      await axeCheck(el);
      server.push(CODE_SENT);
      await waitFor(() => part(el, '#verify-input'), 'the code field');
      await axeCheck(el);
      server.push({ ...CODE_SENT, triesLeft: 2, wrong: true });
      await waitFor(() => part(el, '#verify-error'), 'the error');
      await axeCheck(el);
      server.push({ type: 'verify', id: 'v1', state: 'verified', method: 'code' });
      await waitFor(() => part(el, '#verify-close'), 'the result');
      await axeCheck(el);
    });

    it('is outside the transcript, and the code field is one the browser can fill', async () => {
      const { el, server } = await scriptedChat();
      await ask(server, el, CODE_SENT);
      const strip = part(el, '#verify')!;
      expect(part(el, '#transcript')!.contains(strip)).to.equal(false);
      const input = part(el, '#verify-input') as HTMLInputElement;
      expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
      expect(input.getAttribute('inputmode')).to.equal('numeric');
      expect(part(el, 'label[for="verify-input"]')!.textContent).to.equal('One-time code');
    });

    it('speaks Spanish with lang="es"', async () => {
      const { el, server } = await scriptedChat({ lang: 'es' });
      await ask(server, el);
      expect(part(el, '#verify-heading')!.textContent).to.equal('Confirme que es usted');
      expect(part(el, '#verify-push')!.textContent.trim()).to.equal('Aprobar en mi teléfono');
      server.push({ ...CODE_SENT, triesLeft: 1, wrong: true });
      await waitFor(() => part(el, '#verify-error'), 'the error');
      expect(part(el, '#verify-error')!.textContent).to.equal(
        'El código no es correcto. Le queda 1 intento.',
      );
    });
  });

  describe('keyboard', () => {
    it('takes focus when it appears only if the customer is in the widget', async () => {
      const outside = document.createElement('button');
      outside.textContent = 'Page button';
      document.body.append(outside);
      try {
        const { el, server } = await scriptedChat();
        outside.focus();
        await ask(server, el);
        await el.updateComplete;
        expect(deepActiveElement()).to.equal(outside);
        server.push({ ...CHOOSE, id: 'v2' });
        await el.focusComposer();
        expect(focusedId()).to.equal('input');
        server.push({ ...CHOOSE, id: 'v3' });
        await waitFor(() => focusedId() === 'verify-push', 'focus on the first method');
      } finally {
        outside.remove();
      }
    });

    it('goes from the choice to the code and the result by keyboard, each error said once', async () => {
      const { el, server } = await scriptedChat({ open: 'keyboard' });
      const live = recordLiveRegions(el.shadowRoot!);
      await ask(server, el);
      await waitFor(() => focusedId() === 'verify-push', 'focus on the first method');
      await sendKeys({ press: 'Tab' });
      expect(focusedId()).to.equal('verify-code');
      await sendKeys({ press: 'Enter' });
      const start = await server.sent('verify-start');
      expect(start).to.deep.equal({ type: 'verify-start', id: 'v1', method: 'code' });
      server.push(CODE_SENT);
      await waitFor(() => focusedId() === 'verify-input', 'focus on the code field');
      await sendKeys({ type: '12' });
      await sendKeys({ press: 'Enter' });
      await waitFor(() => part(el, '#verify-error'), 'the format error');
      expect(part(el, '#verify-error')!.textContent).to.equal('Enter the code: digits only.');
      expect(server.received.some((f) => f.type === 'verify-code')).to.equal(false);
      (part(el, '#verify-input') as HTMLInputElement).value = '';
      await sendKeys({ type: '123456' });
      await sendKeys({ press: 'Enter' });
      const sent = await server.sent('verify-code');
      expect(sent).to.deep.equal({ type: 'verify-code', id: 'v1', code: '123456' });
      expect((part(el, '#verify-input') as HTMLInputElement).value).to.equal('', 'the field is emptied');
      server.push({ ...CODE_SENT, triesLeft: 2, wrong: true });
      await waitFor(
        () => part(el, '#verify-error')?.textContent?.includes('You have 2 more tries.'),
        'the wrong code',
      );
      expect(focusedId()).to.equal('verify-input');
      server.push({ type: 'verify', id: 'v1', state: 'verified', method: 'code' });
      await waitFor(() => focusedId() === 'verify-close', 'focus on Close');
      const assertive = live.texts('assertive');
      expect(assertive.filter((text) => text === 'Enter the code: digits only.')).to.have.length(1);
      expect(assertive.filter((text) => text.startsWith('That code is incorrect.'))).to.have.length(1);
      expect(live.texts('polite')).to.include('Your identity is confirmed with the code.');
      await sendKeys({ press: 'Escape' });
      await waitFor(() => !part(el, '#verify'), 'the strip closes');
      expect(focusedId()).to.equal('input');
      expect(el.open).to.equal(true, 'Escape in the strip does not close the panel');
    });

    it('says a code the server refused as too fast, and asks for it again', async () => {
      const { el, server } = await scriptedChat();
      const live = recordLiveRegions(el.shadowRoot!);
      await ask(server, el, CODE_SENT);
      (part(el, '#verify-input') as HTMLInputElement).value = '123456';
      (part(el, '#verify-submit') as HTMLButtonElement).click();
      await server.sent('verify-code');
      server.push({ type: 'error', code: 'rate-limited', message: 'Too much work at once; slow down.' });
      const said = 'That was too quick. Wait a moment, then type the code again.';
      await waitFor(() => part(el, '#verify-error')?.textContent === said, 'the refusal in the strip');
      expect(live.texts('assertive').filter((text) => text === said)).to.have.length(1);
    });

    it('Escape declines an open check (verify-cancel) and says how it ended', async () => {
      const { el, server } = await scriptedChat({ open: 'keyboard' });
      await ask(server, el);
      await waitFor(() => focusedId() === 'verify-push', 'focus on the first method');
      await sendKeys({ press: 'Escape' });
      expect(await server.sent('verify-cancel')).to.deep.equal({ type: 'verify-cancel', id: 'v1' });
      server.push({ type: 'verify', id: 'v1', state: 'failed', reason: 'cancelled' });
      await waitFor(() => focusedId() === 'verify-close', 'focus on Close');
      expect(part(el, '#verify-text')!.textContent.trim()).to.equal(
        'You chose not to confirm your identity now.',
      );
    });

    it('says an expired request, a denied prompt and too many tries', async () => {
      const { el, server } = await scriptedChat();
      const live = recordLiveRegions(el.shadowRoot!);
      for (const [reason, text] of [
        ['expired', 'The request expired. The agent can send a new one.'],
        ['denied', 'You declined the prompt on your phone, so your identity was not confirmed.'],
        ['too-many-tries', 'Too many incorrect codes. The agent can send a new request.'],
      ] as const) {
        server.push({ type: 'verify', id: `v-${reason}`, state: 'push-sent', expiresIn: 100 });
        await waitFor(() => part(el, '#verify-use-code'), 'the prompt sent');
        server.push({ type: 'verify', id: `v-${reason}`, state: 'failed', reason });
        await waitFor(() => part(el, '#verify-text')?.textContent?.trim() === text, reason);
        expect(live.texts('assertive').filter((said) => said === text)).to.have.length(1);
      }
    });

    it('push sent: focus on Use a code instead, Not now declines it, Close returns to the message box', async () => {
      const { el, server } = await scriptedChat({ open: 'keyboard' });
      await ask(server, el);
      await waitFor(() => focusedId() === 'verify-push', 'focus on the first method');
      await sendKeys({ press: 'Enter' });
      expect(await server.sent('verify-start')).to.deep.equal({
        type: 'verify-start',
        id: 'v1',
        method: 'push',
      });
      server.push({ type: 'verify', id: 'v1', state: 'push-sent', expiresIn: 290 });
      await waitFor(() => focusedId() === 'verify-use-code', 'focus on Use a code instead');
      await sendKeys({ press: 'Tab' });
      expect(focusedId()).to.equal('verify-cancel');
      await sendKeys({ press: 'Enter' });
      expect(await server.sent('verify-cancel')).to.deep.equal({ type: 'verify-cancel', id: 'v1' });
      server.push({ type: 'verify', id: 'v1', state: 'failed', reason: 'cancelled' });
      await waitFor(() => focusedId() === 'verify-close', 'focus on Close');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => !part(el, '#verify'), 'the strip closes');
      expect(focusedId()).to.equal('input');
    });

    it('push sent: Use a code instead by keyboard goes on to the code field', async () => {
      const { el, server } = await scriptedChat({ open: 'keyboard' });
      await ask(server, el);
      await waitFor(() => focusedId() === 'verify-push', 'focus on the first method');
      server.push({ type: 'verify', id: 'v1', state: 'push-sent', expiresIn: 290 });
      await waitFor(() => focusedId() === 'verify-use-code', 'focus on Use a code instead');
      await sendKeys({ press: 'Enter' });
      expect(await server.sent('verify-start')).to.deep.equal({
        type: 'verify-start',
        id: 'v1',
        method: 'code',
      });
      server.push(CODE_SENT);
      await waitFor(() => focusedId() === 'verify-input', 'focus on the code field');
    });

    // Each way a check fails, from the step it ends: the customer's focus in the strip moves to
    // Close (the control left), the reason is said once, and Close hands focus back.
    for (const [reason, before, from, text] of [
      ['expired', CHOOSE, 'verify-push', 'The request expired. The agent can send a new one.'],
      [
        'denied',
        { type: 'verify', id: 'v1', state: 'push-sent', expiresIn: 290 },
        'verify-use-code',
        'You declined the prompt on your phone, so your identity was not confirmed.',
      ],
      [
        'too-many-tries',
        { ...CODE_SENT, triesLeft: 1, wrong: true },
        'verify-input',
        'Too many incorrect codes. The agent can send a new request.',
      ],
    ] as const satisfies readonly (readonly [string, VerifyFrame, string, string])[]) {
      it(`${reason}: focus moves from the strip's control to Close, said once; Close goes back to the message box`, async () => {
        const { el, server } = await scriptedChat({ open: 'keyboard' });
        const live = recordLiveRegions(el.shadowRoot!);
        await ask(server, el);
        await waitFor(() => focusedId() === 'verify-push', 'focus on the first method');
        server.push(before);
        await waitFor(() => focusedId() === from, `focus on ${from}`);
        server.push({ type: 'verify', id: 'v1', state: 'failed', reason });
        await waitFor(() => focusedId() === 'verify-close', 'focus on Close');
        expect(part(el, '#verify-text')!.textContent.trim()).to.equal(text);
        await sendKeys({ press: 'Enter' });
        await waitFor(() => !part(el, '#verify'), 'the strip closes');
        expect(focusedId()).to.equal('input');
        expect(live.texts('assertive').filter((said) => said === text)).to.have.length(1);
        expect(live.texts('polite').filter((said) => said === text)).to.have.length(0);
      });
    }
  });

  describe('when the chat ends', () => {
    const PUSH_SENT: VerifyFrame = { type: 'verify', id: 'v1', state: 'push-sent', expiresIn: 250 };
    const CLOSED: VerifyFrame = { type: 'verify', id: 'v1', state: 'failed', reason: 'cancelled' };

    it('the strip goes with the chat: focus to the message box, only the end is said', async () => {
      const { el, server } = await scriptedChat({ open: 'keyboard' });
      const live = recordLiveRegions(el.shadowRoot!);
      await ask(server, el, PUSH_SENT);
      (part(el, '#verify-use-code') as HTMLButtonElement).focus();
      const before = live.said.length;
      // As the reference server says it: the end's notice, then the check it closed.
      server.event(NOTICES.ended);
      server.push(CLOSED);
      await waitFor(() => part(el, '#ended-heading'), 'the end card');
      await waitFor(() => !part(el, '#verify'), 'the strip goes');
      await waitFor(() => focusedId() === 'input', 'focus on the message box');
      await el.updateComplete;
      const after = live.said.slice(before).map((s) => s.text);
      expect(after.filter((text) => text.includes('This chat has ended'))).to.have.length(1);
      expect(after.filter((text) => !text.includes('This chat has ended'))).to.deep.equal([]);
      // A frame about that check again (the answer to a late code) does not bring it back.
      server.push(CLOSED);
      await el.updateComplete;
      expect(part(el, '#verify')).to.equal(null);
    });

    it('goes without the server closing it too, and leaves focus where it was outside the strip', async () => {
      const { el, server } = await scriptedChat({ open: 'keyboard' });
      await ask(server, el, CODE_SENT);
      await el.focusComposer();
      server.event(NOTICES.ended);
      await waitFor(() => part(el, '#ended-heading'), 'the end card');
      await waitFor(() => !part(el, '#verify'), 'the strip goes');
      expect(focusedId()).to.equal('input');
    });

    it('a check asked for after the end shows as any other', async () => {
      const { el, server } = await scriptedChat();
      server.event(NOTICES.ended);
      await waitFor(() => part(el, '#ended-heading'), 'the end card');
      await ask(server, el, { ...CHOOSE, id: 'v9' });
      server.push({ type: 'verify', id: 'v9', state: 'failed', reason: 'denied' });
      await waitFor(() => part(el, '#verify-close'), 'how it ended');
    });
  });

  describe("the redactor's history", () => {
    /** Types `code` in the strip's field and sends it, as the customer does. */
    async function typeInStrip(el: AmexChatElement, server: Server, code: string): Promise<void> {
      (part(el, '#verify-input') as HTMLInputElement).focus();
      await sendKeys({ type: code });
      await sendKeys({ press: 'Enter' });
      expect(await server.sent('verify-code')).to.deep.equal({ type: 'verify-code', id: 'v1', code });
    }

    /** Sends `text` from the message box (the composer's own path), and what left: its text. */
    async function sendFromComposer(el: AmexChatElement, server: Server, text: string): Promise<string> {
      await el.focusComposer();
      await sendKeys({ type: text });
      await sendKeys({ press: 'Enter' });
      return (await server.sent('message')).text;
    }

    it("a code typed in the strip does not answer the agent's question: the same code typed next is removed", async () => {
      const { el, server } = await scriptedChat();
      // The agent asks for a code: the redactor expects one in the customer's next messages.
      server.event({ from: 'agent', name: 'Maria', text: 'Please type the code we texted you.' });
      await waitFor(() => part(el, '.message.agent'), "the agent's question");
      await ask(server, el, CODE_SENT);
      await typeInStrip(el, server, '482917');
      // Had the strip's code gone through the redactor, it would have answered the question and
      // this one would leave as typed.
      expect(await sendFromComposer(el, server, '482917')).to.equal('[code removed]');
    });

    it('a code typed in the strip is no part of a number typed over several messages', async () => {
      const { el, server } = await scriptedChat();
      await ask(server, el, CODE_SENT);
      await typeInStrip(el, server, '411111');
      // With 411111 before it, these ten digits would complete the card 4111 1111 1111 1111 and be
      // masked by the split-number rule; on their own they are nothing.
      expect(await sendFromComposer(el, server, '1111111111')).to.equal('1111111111');
    });
  });

  describe('redaction', () => {
    it('no event that leaves the widget carries the code, and the transcript never has it', async () => {
      const { el, server } = await scriptedChat();
      const seen: string[] = [];
      const types = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'change', 'paste'];
      const listen = (event: Event): void => {
        const e = event as KeyboardEvent & InputEvent;
        seen.push(`${event.type}:${e.key ?? ''}:${e.data ?? ''}`);
      };
      for (const type of types) document.addEventListener(type, listen);
      const amex: string[] = [];
      const record = (event: Event): void =>
        void amex.push(JSON.stringify((event as CustomEvent).detail ?? null));
      for (const name of ['message', 'redacted', 'error', 'state'] as const)
        el.addEventListener(`amex-chat-${name}`, record);
      try {
        await ask(server, el, CODE_SENT);
        (part(el, '#verify-input') as HTMLInputElement).focus();
        await sendKeys({ type: '975310' });
        await sendKeys({ press: 'Enter' });
        expect(await server.sent('verify-code')).to.deep.equal({
          type: 'verify-code',
          id: 'v1',
          code: '975310',
        });
        expect(seen.filter((s) => /[0-9]/.test(s))).to.deep.equal([]);
        expect(amex.join(' ')).not.to.include('975310');
        expect(el.shadowRoot!.querySelector('#transcript')!.textContent).not.to.include('975310');
        // Only the verify-code frame carried it.
        expect(server.raw.filter((raw) => raw.includes('975310'))).to.have.length(1);
        const stored = Object.keys(sessionStorage).map((key) => sessionStorage.getItem(key) ?? '');
        expect(stored.join(' ')).not.to.include('975310');
      } finally {
        for (const type of types) document.removeEventListener(type, listen);
      }
    });
  });
});
