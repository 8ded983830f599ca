// The agent console page (demo/agent.html) audited by the IBM Equal Access engine in each of its
// states, against the real reference server: signed out, a sign-in error, the board with a
// waiting customer, a conversation, the end-of-chat dialog and the ended chat. Findings on the
// console are 0 but for the allow-list in test/support/ibm-allowed.ts (each justified in
// docs/accessibility.md). axe audits the same page in agent-console.test.ts.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { AgentConsoleElement } from '../../demo/agent-console.js';
import { startReferenceServer, stopReferenceServers, waitFor } from '../support/helpers.js';
import { allowListUsed, ibmCheck, ibmReady } from '../support/ibm-audit.js';
import { IBM_ALLOWED } from '../support/ibm-allowed.js';
import { Customer } from '../support/agent-console.js';

describe('demo/agent.html: IBM Equal Access', () => {
  let endpoint: string;
  let frame: HTMLIFrameElement;
  let el: AgentConsoleElement;
  let customer: Customer | undefined;

  function $(selector: string): HTMLElement | null {
    return el.querySelector<HTMLElement>(selector);
  }

  async function audit(state: string): Promise<void> {
    await el.updateComplete;
    const left = await ibmCheck(el, { page: 'agent-console', state, theme: 'light' });
    expect(left, left.join('\n')).to.deep.equal([]);
  }

  before(async function () {
    this.timeout(60_000);
    // The focus check of the allow-list focuses controls: the page must act as focused.
    await executeServerCommand('amex-chat-focus-emulation');
    endpoint = await startReferenceServer({ replyDelay: 5, simulatedAgent: false });
    frame = document.createElement('iframe');
    frame.style.width = '1280px';
    frame.style.height = '900px';
    frame.title = 'Agent console page';
    document.body.append(frame);
    await new Promise((resolve) => {
      frame.addEventListener('load', resolve, { once: true });
      frame.src = '/demo/agent.html';
    });
    const doc = frame.contentDocument!;
    el = await waitFor(
      () => doc.querySelector('agent-console')?.querySelector('input') && doc.querySelector('agent-console'),
      'the console',
    );
    // The test's server, written where a deployment writes its own.
    el.setAttribute('endpoint', endpoint);
    await ibmReady(doc); // 0.7 MB of script, parsed once per page
  });

  after(async () => {
    customer?.close();
    frame.remove();
    await stopReferenceServers();
  });

  it('passes the audit signed out: the sign-in form', async () => {
    expect($('input[name="name"]')).to.not.equal(null);
    await audit('signed-out');
  });

  it('a sign-in error on the name field', async () => {
    ($('input[name="name"]') as HTMLInputElement).value = '   ';
    ($('button[type="submit"]') as HTMLButtonElement).click();
    await waitFor(
      () => $('input[name="name"]')?.getAttribute('aria-invalid') === 'true',
      'the name marked invalid',
    );
    await audit('sign-in-error');
  });

  it('the board with a waiting customer', async () => {
    ($('input[name="name"]') as HTMLInputElement).value = 'Kim';
    ($('button[type="submit"]') as HTMLButtonElement).click();
    await waitFor(() => /Connected/.test($('.ac-conn')?.textContent ?? ''), 'signed in');
    customer = await Customer.queued(endpoint);
    await waitFor(() => $('.ac-card button'), 'the waiting customer');
    await audit('board');
  });

  it('a conversation: messages both ways and the typing indicator', async () => {
    ($('.ac-card button') as HTMLButtonElement).click();
    await waitFor(() => $('[role="log"] li'), 'the conversation');
    await customer!.event((e) => e.notice?.code === 'agent-joined', 'joined');
    customer!.say('A charge from "Blue Bottle Coffee" on 08/15 is not mine.');
    const composer = $('.ac-composer textarea') as HTMLTextAreaElement;
    composer.value = 'I can help with that. Which card is it on?';
    composer.dispatchEvent(new Event('input'));
    composer.form!.requestSubmit();
    await customer!.event((e) => e.from === 'agent' && e.kind === 'message', "the agent's message");
    customer!.send({ type: 'typing', active: true });
    await waitFor(() => $('.ac-typing')?.textContent, 'the typing indicator');
    await waitFor(() => !el.querySelector('.ac-msg--pending'), 'the message acknowledged');
    await audit('conversation');
  });

  it('the end-of-chat dialog', async () => {
    const end = [...el.querySelectorAll<HTMLButtonElement>('button')].find(
      (b) => b.textContent?.trim() === 'End chat',
    )!;
    end.click();
    const dialog = $('dialog') as HTMLDialogElement;
    await waitFor(() => dialog.open, 'the dialog');
    await audit('end-dialog');
  });

  it('the ended chat with its case number', async () => {
    const dialog = $('dialog') as HTMLDialogElement;
    [...dialog.querySelectorAll('button')].find((b) => /Confirm/.test(b.textContent ?? ''))!.click();
    await waitFor(() => $('.ac-case__number'), 'the case number');
    await audit('ended');
  });

  it("names only findings the console's states still have", () => {
    const stale = IBM_ALLOWED.filter(
      (entry) => entry.pages.includes('agent-console') && !allowListUsed.has(entry),
    );
    expect(stale.map((entry) => `${entry.rule}: ${entry.where}`)).to.deep.equal([]);
  });
});
