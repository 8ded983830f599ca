// The customer's side of the contact center, against the real reference server: waiting in
// line, an agent (driven here over the real /agent protocol) joining, typing, transfer and
// ending, then the ended state: reference number, summary, transcript download, print view and
// rating. The two-page test with the real console is in agent-handoff.test.ts.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement, AmexChatStateDetail } from '../../src/index.js';
import type { BoardFrame } from '../../src/agent-protocol.js';
import '../../src/define.js';
import { axeCheck, deepActiveElement, waitFor } from '../support/helpers.js';
import { storedConversations } from '../support/debug-hooks.js';
import { serverForSuite } from '../support/suite-server.js';
import { AgentSocket } from '../support/agent-socket.js';
import { blobsCreatedBy, closeAfterTest } from '../support/page.js';

/** A test-side agent over the real console protocol, who talks and watches the board. */
class Agent extends AgentSocket {
  #n = 0;

  say(conversationId: string, text: string): void {
    this.#n += 1;
    this.send({ type: 'say', conversationId, id: `agent-msg-${this.#n}`, text });
  }

  /** Ids waiting on the board the agent got at sign-in (earlier tests leave customers in line). */
  async waitingNow(): Promise<Set<string>> {
    const board = await this.next('board');
    return new Set(board.waiting.map((w) => w.conversationId));
  }

  /** The id of a conversation that was not waiting before. */
  async newlyWaiting(before: Set<string>): Promise<string> {
    const board = await this.next('board', (b: BoardFrame) =>
      b.waiting.some((w) => !before.has(w.conversationId)),
    );
    return board.waiting.find((w) => !before.has(w.conversationId))!.conversationId;
  }
}

const shadow = (el: AmexChatElement): ShadowRoot => el.shadowRoot!;

function texts(el: AmexChatElement, from: string): string[] {
  return [...shadow(el).querySelectorAll(`.message.${from} .bubble`)].map((b) => b.textContent ?? '');
}

async function queued(el: AmexChatElement): Promise<string> {
  await waitFor(() => texts(el, 'assistant').length >= 1, 'the greeting');
  await el.send('I want to talk to a live agent');
  return waitFor(() => shadow(el).querySelector('#queue-status')?.textContent?.trim(), 'the place in line');
}

describe('<amex-chat>', () => {
  let endpoint: string;

  serverForSuite({ replyDelay: 10, simulatedAgent: false, debug: true }, (url) => (endpoint = url));

  describe('contact center', () => {
    it('has no axe violations while waiting in line, and announces the place once', async () => {
      const el = await fixture<AmexChatElement>(
        html`<amex-chat endpoint=${endpoint} open persist="none"></amex-chat>`,
      );
      const status = await queued(el);
      expect(status).to.match(/^You're (next|number \d+) in line for an agent\. Estimated wait: /);
      expect(texts(el, 'system').at(-1)).to.match(/You're in line for a live agent/);
      const polite = shadow(el).querySelector('[aria-live="polite"]')!;
      await waitFor(() => polite.textContent?.includes('in line for an agent'), 'the place announced');
      await axeCheck(el);
    });

    it('keeps answering with the assistant while waiting, then leaves the line with the keyboard', async () => {
      const el = await fixture<AmexChatElement>(
        html`<amex-chat endpoint=${endpoint} open persist="none"></amex-chat>`,
      );
      const phases: string[] = [];
      el.addEventListener('amex-chat-state', (e: CustomEvent<AmexChatStateDetail>) =>
        phases.push(e.detail.phase),
      );
      await queued(el);
      const before = texts(el, 'assistant').length;
      await el.send('When is my payment due?');
      await waitFor(() => texts(el, 'assistant').length > before, "the assistant's answer");
      expect(shadow(el).querySelector('#queue-status')).to.exist;

      shadow(el).querySelector<HTMLButtonElement>('#leave-queue')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => !shadow(el).querySelector('#queue-status'), 'the place in line to go');
      await waitFor(
        () => texts(el, 'system').some((t) => /You left the line/.test(t)),
        'the left-line notice',
      );
      expect(deepActiveElement()?.id).to.equal('input');
      expect(phases).to.include.members(['queued', 'assistant']);
    });

    it('shows the agent joining, typing, their messages, a transfer, and the end with a reference number', async () => {
      const el = await fixture<AmexChatElement>(
        html`<amex-chat endpoint=${endpoint} open persist="none"></amex-chat>`,
      );
      const alex = closeAfterTest(await Agent.signIn(endpoint, 'Alex', 'general'));
      const before = await alex.waitingNow();
      await queued(el);
      const conversationId = await alex.newlyWaiting(before);
      alex.send({ type: 'accept', conversationId });
      await alex.next('assigned');
      await waitFor(
        () => texts(el, 'system').some((t) => t === "You're now chatting with Alex, a live agent."),
        'the agent-joined notice',
      );
      expect(shadow(el).querySelector('#queue-status')).to.not.exist;

      alex.send({ type: 'typing', conversationId, active: true });
      await waitFor(
        () => shadow(el).querySelector('.typing')?.textContent?.includes('Alex is typing'),
        'typing',
      );
      alex.say(conversationId, 'Hi, I can see you asked for a person. How can I help?');
      await waitFor(() => texts(el, 'agent').length === 1, "the agent's message");
      const meta = shadow(el).querySelector('.message.agent .meta')?.textContent ?? '';
      expect(meta).to.match(/Alex, live agent/);

      await el.send('I want to dispute a charge');
      await alex.next(
        'conversation-event',
        (f) => f.event.from === 'customer' && /dispute/.test(f.event.text),
      );
      alex.send({ type: 'transfer', conversationId, team: 'disputes' });
      await waitFor(
        () => texts(el, 'system').some((t) => /transferring you to the disputes team/.test(t)),
        'the transfer notice',
      );
      await waitFor(() => shadow(el).querySelector('#queue-status'), 'waiting again');

      const maria = closeAfterTest(await Agent.signIn(endpoint, 'Maria', 'disputes'));
      maria.send({ type: 'accept', conversationId });
      await waitFor(
        () => texts(el, 'system').some((t) => t === "You're now chatting with Maria from the disputes team."),
        'the disputes agent joined',
      );
      maria.send({
        type: 'end',
        conversationId,
        summary: 'Dispute opened for the charge; you will hear from us within 30 days.',
      });
      const caseNumber = await waitFor(
        () => shadow(el).querySelector('#case-number')?.textContent?.trim(),
        'the reference number',
      );
      expect(caseNumber).to.match(/^AMX-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(shadow(el).querySelector('#case-summary')?.textContent).to.equal(
        'Dispute opened for the charge; you will hear from us within 30 days.',
      );
      expect(texts(el, 'system').at(-1)).to.include(caseNumber);
      await axeCheck(el);
    });

    it('ends from the header with a confirmation, resolves end(), then downloads, prints and rates', async () => {
      const el = await fixture<AmexChatElement>(
        html`<amex-chat endpoint=${endpoint} open persist="none"></amex-chat>`,
      );
      await waitFor(() => texts(el, 'assistant').length >= 1, 'the greeting');
      await el.send('I lost my card');
      await waitFor(() => texts(el, 'assistant').length >= 2, 'the answer');

      const end = shadow(el).querySelector<HTMLButtonElement>('#end')!;
      end.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => deepActiveElement()?.id === 'end-no', 'focus on the safe choice');
      await axeCheck(el);
      await sendKeys({ press: 'Escape' });
      await waitFor(() => deepActiveElement()?.id === 'end', 'focus back on End chat');
      expect(el.open).to.equal(true);
      expect(shadow(el).querySelector('#end-confirm')).to.not.exist;

      await sendKeys({ press: 'Enter' });
      await waitFor(() => deepActiveElement()?.id === 'end-no', 'the question again');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await waitFor(() => deepActiveElement()?.id === 'end-yes', 'Yes, end chat');
      await sendKeys({ press: 'Enter' });
      const caseNumber = await waitFor(
        () => shadow(el).querySelector('#case-number')?.textContent?.trim(),
        'the reference number',
      );
      expect(shadow(el).querySelector('#end')).to.not.exist;
      expect((await el.end())?.caseNumber, 'end() once ended').to.equal(caseNumber);

      // Download: the bytes handed to the browser.
      const blobs = await blobsCreatedBy(async () => {
        shadow(el).querySelector<HTMLButtonElement>('#download')!.focus();
        await sendKeys({ press: 'Enter' });
      });
      expect(blobs).to.have.length(1);
      const text = await blobs[0]!.text();
      expect(text).to.include(`Reference number: ${caseNumber}`);
      expect(text).to.include('] You: I lost my card');
      expect(text).to.match(/\] Virtual assistant: Hi, I'm the virtual assistant/);

      // Print view: a real window, opened by a real key press.
      const opened: (Window | null)[] = [];
      const open = window.open.bind(window);
      window.open = (...args: Parameters<typeof window.open>) => {
        const view = open(...args);
        if (view) {
          closeAfterTest(view);
          view.print = () => undefined; // no dialog in the test run
        }
        opened.push(view);
        return view;
      };
      try {
        shadow(el).querySelector<HTMLButtonElement>('#print')!.focus();
        await sendKeys({ press: 'Enter' });
      } finally {
        window.open = open;
      }
      const view = opened[0];
      expect(view, 'the print view').to.exist;
      expect(view!.document.querySelector('h1')?.textContent).to.equal('Customer Care chat transcript');
      expect(view!.document.querySelector('dd')?.textContent).to.equal(caseNumber);
      expect(view!.document.querySelectorAll('li').length).to.be.greaterThan(2);
      expect(view!.document.querySelector('script, style, [style*="url"]')).to.equal(null);

      // Rating: refusing an empty choice with an error, then sending 4.
      const send = shadow(el).querySelector<HTMLButtonElement>('.rating button[type="submit"]')!;
      send.click();
      await waitFor(() => shadow(el).querySelector('#rating-error'), 'the rating error');
      expect(deepActiveElement()?.getAttribute('name')).to.equal('score');
      await axeCheck(el);
      shadow(el).querySelectorAll<HTMLInputElement>('input[name="score"]')[3]!.click();
      send.click();
      await waitFor(() => shadow(el).querySelector('#rating-thanks'), 'the thanks');
      const rating = await waitFor(async () => {
        const list = await storedConversations(endpoint);
        return list.find((c) => c.caseNumber === caseNumber)?.rating;
      }, 'the rating on the server');
      expect(rating).to.equal(4);

      // Follow-ups after the end are answered from the summary.
      const before = texts(el, 'assistant').length;
      await el.send('Please confirm next steps and the expected timeline');
      await waitFor(() => texts(el, 'assistant').length > before, 'the follow-up answer');
      expect(texts(el, 'assistant').at(-1)).to.include(caseNumber);
    });

    it('speaks Spanish in line and at the end', async () => {
      const el = await fixture<AmexChatElement>(
        html`<amex-chat endpoint=${endpoint} open lang="es" persist="none"></amex-chat>`,
      );
      await waitFor(() => texts(el, 'assistant').length >= 1, 'el saludo');
      await el.send('Quiero hablar con un agente');
      const status = await waitFor(
        () => shadow(el).querySelector('#queue-status')?.textContent?.trim(),
        'el lugar en la fila',
      );
      expect(status).to.match(
        /^Es (el siguiente|el número \d+) en la fila para hablar con un agente\. Espera estimada: /,
      );
      expect(shadow(el).querySelector('#leave-queue')?.textContent?.trim()).to.equal('Salir de la fila');
      const info = await el.end();
      expect(info?.caseNumber).to.match(/^AMX-/);
      await waitFor(() => shadow(el).querySelector('#case-number'), 'el número de referencia');
      expect(shadow(el).querySelector('#ended-heading')?.textContent).to.equal('Chat terminado');
      expect(shadow(el).querySelector('legend')?.textContent).to.equal('¿Qué le pareció este chat?');
      await axeCheck(el);
    });
  });
});
