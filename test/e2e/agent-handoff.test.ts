// The whole hand-off with real pages: a customer page with the widget and two agent-console
// pages (demo/agent.html), all against the real reference server. The customer asks for a
// person and waits; Alex (general) accepts, they exchange messages, the customer's typing shows
// on the console without its text; Alex transfers to disputes; Maria (disputes) accepts and ends
// with a summary; the customer sees the reference number and downloads the transcript.
import { expect } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import { axeInFrame, startReferenceServer, stopReferenceServers, waitFor } from '../support/helpers.js';
import { serverForTest } from '../support/suite-server.js';
import { removeAfterTest } from '../support/page.js';

function page(src: string): Promise<HTMLIFrameElement> {
  const frame = removeAfterTest(document.createElement('iframe'));
  frame.style.width = '900px';
  frame.style.height = '800px';
  document.body.append(frame);
  return new Promise((resolve) => {
    frame.addEventListener('load', () => resolve(frame), { once: true });
    frame.src = src;
  });
}

function doc(frame: HTMLIFrameElement): Document {
  return frame.contentDocument!;
}

/** Sets a form control's value the way typing does (the console listens to input/change). */
function fill(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

function buttonIn(root: ParentNode, text: RegExp): HTMLButtonElement | undefined {
  return [...root.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => text.test(b.textContent?.trim() ?? '') && !b.disabled,
  );
}

/**
 * Points a console page at the test's server the way a deployment does, in the page (demo/agent.html
 * writes the demo's endpoint): the console takes no server from its address (issue 22, finding 3).
 */
function configure(frame: HTMLIFrameElement, endpoint: string): HTMLIFrameElement {
  doc(frame).querySelector('agent-console')!.setAttribute('endpoint', endpoint);
  return frame;
}

async function signIn(frame: HTMLIFrameElement, name: string, team: string): Promise<Document> {
  const d = doc(frame);
  const nameInput = await waitFor(() => d.querySelector<HTMLInputElement>('#ac1-name'), 'the sign-in form');
  fill(nameInput, name);
  fill(d.querySelector<HTMLSelectElement>('#ac1-team')!, team);
  d.querySelector<HTMLButtonElement>('#ac1-signin-submit')!.click();
  await waitFor(() => d.querySelector('#ac1-board-heading'), `${name} signed in`);
  return d;
}

async function accept(d: Document): Promise<void> {
  const button = await waitFor(
    () => buttonIn(d.querySelector('.ac-queue') ?? d, /^Accept/),
    'an Accept button',
  );
  button.click();
  await waitFor(() => d.querySelector<HTMLTextAreaElement>('#ac1-composer:not([disabled])'), 'the composer');
}

async function agentSays(d: Document, text: string): Promise<void> {
  const composer = d.querySelector<HTMLTextAreaElement>('#ac1-composer')!;
  fill(composer, text);
  buttonIn(composer.form!, /^Send$/)!.click();
  await waitFor(() => logTexts(d).includes(text), 'the agent message in the console log');
}

function logTexts(d: Document): string {
  return d.querySelector('#ac1-log')?.textContent ?? '';
}

function widgetTexts(el: AmexChatElement, from: string): string[] {
  return [...el.shadowRoot!.querySelectorAll(`.message.${from} .bubble`)].map((b) => b.textContent ?? '');
}

describe('agent console and widget', () => {
  let endpoint: string;

  before(async () => {
    endpoint = await startReferenceServer({ replyDelay: 10, simulatedAgent: false });
  });
  after(async () => {
    await stopReferenceServers();
  });

  it('has no axe violations in the widget and the console once an agent has accepted and written', async function () {
    this.timeout(40_000);
    // A server of its own: the next case's agent accepts the first customer waiting on `endpoint`.
    const own = await serverForTest({ replyDelay: 10, simulatedAgent: false });
    const customerPage = await page(`/test/fixtures/chat-page.html?endpoint=${encodeURIComponent(own)}`);
    const alexPage = configure(await page('/demo/agent.html'), own);
    const alex = await signIn(alexPage, 'Alex', 'general');
    const el = await waitFor(() => doc(customerPage).querySelector('amex-chat'), 'the widget');
    await waitFor(() => widgetTexts(el, 'assistant').length >= 1, 'the greeting');
    await el.send('I lost my card, can I talk to a live person?');
    await accept(alex);
    await agentSays(alex, 'Hi, this is Alex. I can help with that.');
    await waitFor(() => widgetTexts(el, 'agent').includes('Hi, this is Alex. I can help with that.'), 'Alex');
    expect(await axeInFrame(customerPage), "the customer's page").to.deep.equal([]);
    expect(await axeInFrame(alexPage), "the agent's console").to.deep.equal([]);
  });

  it('hands a customer from the assistant to an agent, through a transfer, to a case number and a transcript', async () => {
    const q = `?endpoint=${encodeURIComponent(endpoint)}`;
    const customerPage = await page(`/test/fixtures/chat-page.html${q}`);
    const alexPage = configure(await page('/demo/agent.html'), endpoint);
    const mariaPage = configure(await page('/demo/agent.html'), endpoint);
    const alex = await signIn(alexPage, 'Alex', 'general');

    // The customer asks for a person and waits in line.
    const el = await waitFor(() => doc(customerPage).querySelector('amex-chat'), 'the widget');
    await waitFor(() => widgetTexts(el, 'assistant').length >= 1, 'the greeting');
    await el.send('I lost my card, can I talk to a live person?');
    await waitFor(() => el.shadowRoot!.querySelector('#queue-status'), 'the place in line');
    await waitFor(() => alex.querySelector('.ac-queue'), 'the customer on the board');
    expect(alex.querySelector('.ac-queue')?.textContent).to.match(/Summary:/);

    // Alex accepts; the customer is told who joined.
    await accept(alex);
    await waitFor(
      () => widgetTexts(el, 'system').includes("You're now chatting with Alex, a live agent."),
      'the agent-joined notice',
    );
    expect(el.shadowRoot!.querySelector('#queue-status')).to.equal(null);

    // They exchange messages.
    await agentSays(alex, 'Hi, this is Alex. I can help with that.');
    await waitFor(() => widgetTexts(el, 'agent').includes('Hi, this is Alex. I can help with that.'), 'Alex');
    expect(el.shadowRoot!.querySelector('.message.agent .meta')?.textContent).to.match(/Alex, live agent/);

    // The customer types a card number: the console shows that they type, never what.
    const input = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#input')!;
    fill(input, 'my card is 3782 822463 10005');
    await waitFor(
      () => /is typing/.test(alex.querySelector('.ac-typing')?.textContent ?? ''),
      'typing on the console',
    );
    expect(alex.body.textContent).to.not.include('822463');
    fill(input, '');
    await el.send('Also I want to dispute a charge from Acme for $45');
    await waitFor(() => logTexts(alex).includes('dispute a charge from Acme'), 'the message on the console');

    // Alex transfers to the disputes team.
    fill(alex.querySelector<HTMLSelectElement>('#ac1-transfer')!, 'disputes');
    buttonIn(alex.querySelector('.ac-transfer')!, /^Transfer$/)!.click();
    await waitFor(
      () => widgetTexts(el, 'system').some((t) => /Alex is transferring you to the disputes team/.test(t)),
      'the transfer notice',
    );
    await waitFor(() => el.shadowRoot!.querySelector('#queue-status'), 'waiting for the disputes team');

    // Maria of disputes accepts, writes, and ends the chat with a summary.
    const maria = await signIn(mariaPage, 'Maria', 'disputes');
    await accept(maria);
    await waitFor(
      () => widgetTexts(el, 'system').includes("You're now chatting with Maria from the disputes team."),
      'Maria joined',
    );
    await agentSays(maria, "I've opened the dispute for the Acme charge.");
    await waitFor(
      () => widgetTexts(el, 'agent').includes("I've opened the dispute for the Acme charge."),
      'Maria',
    );
    maria.querySelector<HTMLButtonElement>('#ac1-end-button')!.click();
    const summary = await waitFor(
      () => maria.querySelector<HTMLDialogElement>('#ac1-end-dialog[open]')?.querySelector('textarea'),
      'the end dialog',
    );
    expect(summary.value.length, 'the recap pre-filled').to.be.greaterThan(10);
    fill(summary, 'Dispute opened for $45 at Acme. A replacement card is on its way.');
    buttonIn(summary.form!, /^Confirm$/)!.click();

    const caseOnConsole = await waitFor(
      () => maria.querySelector('#ac1-case-number')?.textContent?.trim(),
      'the case number on the console',
    );
    const caseNumber = await waitFor(
      () => el.shadowRoot!.querySelector('#case-number')?.textContent?.trim(),
      'the case number in the widget',
    );
    expect(caseNumber).to.equal(caseOnConsole);
    expect(caseNumber).to.match(/^AMX-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(el.shadowRoot!.querySelector('#case-summary')?.textContent).to.equal(
      'Dispute opened for $45 at Acme. A replacement card is on its way.',
    );

    // The transcript the customer downloads.
    const win = customerPage.contentWindow as Window & typeof globalThis;
    const blobs: Blob[] = [];
    const create = win.URL.createObjectURL.bind(win.URL);
    win.URL.createObjectURL = (blob: Blob | MediaSource) => {
      if (blob instanceof win.Blob) blobs.push(blob);
      return create(blob);
    };
    el.shadowRoot!.querySelector<HTMLButtonElement>('#download')!.click();
    expect(blobs).to.have.length(1);
    const transcript = await blobs[0]!.text();
    expect(transcript).to.include(`Reference number: ${caseNumber}`);
    expect(transcript).to.include('Alex, live agent: Hi, this is Alex. I can help with that.');
    expect(transcript).to.include("Maria, live agent: I've opened the dispute for the Acme charge.");
    expect(transcript).to.include('You: Also I want to dispute a charge from Acme for $45');
    expect(transcript).to.include('Summary: Dispute opened for $45 at Acme.');
    expect(transcript).to.not.include('822463');
  });
});
