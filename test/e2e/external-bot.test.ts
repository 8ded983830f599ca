// Issue 26, item 8, from the real widget: the reference server hands the assistant's turn to an
// external bot (Rasa REST channel, test/support/bot-plugin.mjs). Every kind of secret typed into
// the real composer reaches the bot masked; the bot's echo of a card number is masked in the
// transcript; its buttons are quick replies that send their title while the bot gets the payload.
// (The tap is in a conversation of its own: after "my password is …", the widget masks a
// one-word message as the password sent on its own.)
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement } from '../../src/index.js';
import '../../src/define.js';
import { digitsOf, leaks, secrets } from '../support/secrets.js';
import { axeCheck, startReferenceServer, stopReferenceServers, waitFor } from '../support/helpers.js';

interface BotRequest {
  sender?: unknown;
  message?: unknown;
}

function bubbles(el: AmexChatElement, from: string): string[] {
  return [...(el.shadowRoot?.querySelectorAll(`.message.${from} .bubble`) ?? [])].map(
    (b) => b.textContent ?? '',
  );
}

function chips(el: AmexChatElement): HTMLButtonElement[] {
  return [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part="quick-reply"]') ?? [])];
}

describe('<amex-chat>', () => {
  describe('redaction', () => {
    let endpoint: string;
    let botUrl: string;

    async function botRequests(): Promise<BotRequest[]> {
      const requests = await executeServerCommand<BotRequest[] | null, { url: string }>(
        'external-bot-requests',
        { url: botUrl },
      );
      if (!requests) throw new Error('the bot is not running');
      return requests;
    }

    before(async () => {
      const bot = await executeServerCommand<{ url: string }, undefined>('external-bot-start');
      botUrl = bot.url;
      endpoint = await startReferenceServer({ replyDelay: 5, simulatedAgent: false, botUrl });
    });
    after(async () => {
      await stopReferenceServers();
      await executeServerCommand('external-bot-stop');
    });

    it("has no axe violations with an external bot's answer and buttons", async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${endpoint}></amex-chat>`);
      await el.focusComposer();
      await waitFor(() => bubbles(el, 'assistant').length === 1, 'the greeting');
      await sendKeys({ type: 'hello' });
      await sendKeys({ press: 'Enter' });
      await waitFor(() => bubbles(el, 'assistant').length === 3, "the bot's two messages");
      await waitFor(() => chips(el).length === 2, "the bot's buttons");
      await axeCheck(el);
    });

    it('gives the bot only masked text and masks its echo', async function () {
      this.timeout(30_000);
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${endpoint}></amex-chat>`);
      await el.focusComposer();
      await waitFor(() => bubbles(el, 'assistant').length === 1, 'the greeting');
      const before = (await botRequests()).length;
      for (const [index, secret] of secrets.entries()) {
        await sendKeys({ type: secret.typed });
        await sendKeys({ press: 'Enter' });
        await waitFor(() => bubbles(el, 'customer').length === index + 1, `message ${index + 1}`);
        await waitFor(() => bubbles(el, 'assistant').length === 1 + 2 * (index + 1), `answer ${index + 1}`);
      }
      const requests = (await botRequests()).slice(before);
      expect(requests.map((r) => r.message)).to.deep.equal(bubbles(el, 'customer'));
      const sent = requests.map((r) => JSON.stringify(r));
      for (const secret of secrets) expect(leaks(sent, secret), secret.kind).to.deep.equal([]);
      // The sender is the conversation, never a card or an account.
      expect(new Set(requests.map((r) => r.sender)).size).to.equal(1);
      expect(String(requests[0]?.sender)).to.match(/^[0-9a-f-]{36}$/);
      // The bot's echo: the card it added and whatever it repeated are masked in the transcript.
      const shown = bubbles(el, 'assistant').join('\n');
      expect(digitsOf(shown)).not.to.include('4111111111111111');
      for (const secret of secrets) expect(leaks([shown], secret), secret.kind).to.deep.equal([]);
      expect(shown).to.include('The card on file is');
    });

    it("shows the bot's buttons as quick replies that send their title; the bot gets the payload", async () => {
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${endpoint}></amex-chat>`);
      await el.focusComposer();
      await waitFor(() => bubbles(el, 'assistant').length === 1, 'the greeting');
      await sendKeys({ type: 'hello' });
      await sendKeys({ press: 'Enter' });
      const gold = await waitFor(
        () => chips(el).find((b) => b.textContent?.trim() === 'Gold'),
        'the Gold button',
      );
      const before = (await botRequests()).length;
      gold.click();
      await waitFor(() => bubbles(el, 'customer').at(-1) === 'Gold', 'Gold in the transcript');
      await waitFor(() => bubbles(el, 'assistant').length === 5, 'the answer to the tap');
      const requests = await botRequests();
      expect(requests.length).to.equal(before + 1);
      expect(requests.at(-1)?.message).to.equal('/choose{"card":"gold"}');
    });
  });
});
