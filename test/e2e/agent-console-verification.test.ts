// The identity check from the agent console against the reference server (demo device on):
// "Verify identity" in the conversation's facts, the status the agent sees (requested, then
// verified by push, or not verified), said once, on an axe-clean pane; the customer is a socket of
// the demo account, and the push prompt is answered as the demo phone does.
import { expect } from '@open-wc/testing';
import type { AgentConsoleElement } from '../../demo/agent-console.js';
import { PROTOCOL_VERSION } from '../../src/protocol.js';
import type { ServerFrame } from '../../src/protocol.js';
import { axeCheck, waitFor } from '../support/helpers.js';
import {
  $,
  acceptFirst,
  byText,
  cards,
  consoleSuite,
  mount,
  recordAnnouncements,
  signIn,
} from '../support/agent-console.js';

const suite = consoleSuite('Identity check – Agent console', { demoDevice: true });

/** A customer of the demo account (1005), in line for a person. */
async function queuedCardmember(endpoint: string): Promise<{ ws: WebSocket; frames: ServerFrame[] }> {
  const ws = new WebSocket(endpoint);
  const frames: ServerFrame[] = [];
  ws.addEventListener('message', (e) => frames.push(JSON.parse(String(e.data)) as ServerFrame));
  await new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve, { once: true });
    ws.addEventListener('error', reject, { once: true });
  });
  ws.send(JSON.stringify({ type: 'hello', v: PROTOCOL_VERSION, lang: 'en', account: '1005' }));
  await waitFor(() => frames.some((f) => f.type === 'welcome'), 'welcome');
  ws.send(JSON.stringify({ type: 'message', id: `c-${Date.now()}`, text: 'I want to talk to an agent' }));
  await waitFor(() => frames.some((f) => f.type === 'queue' && f.waiting), 'in line');
  return { ws, frames };
}

function check(frames: ServerFrame[], state: string): Extract<ServerFrame, { type: 'verify' }> | undefined {
  return frames.find(
    (f): f is Extract<ServerFrame, { type: 'verify' }> => f.type === 'verify' && f.state === state,
  );
}

function identity(el: AgentConsoleElement): string {
  return $(el, '.ac-identity__status')?.textContent?.trim() ?? '';
}

describe('agent console: identity check', () => {
  it('has no axe violations with "Verification requested" in the facts', async () => {
    const el = await mount(suite.endpoint.replace(/\/chat$/, '/agent'));
    await signIn(el, 'Kim');
    const customer = await queuedCardmember(suite.endpoint);
    try {
      await acceptFirst(el);
      byText(el, 'button', /^\s*Verify identity\s*$/)!.click();
      await waitFor(() => identity(el) === 'Verification requested', 'requested');
      await axeCheck(el);
      // Ended, so that it is not back in line for the cases below (they count who is waiting).
      customer.ws.send(JSON.stringify({ type: 'end' }));
      await waitFor(() => $(el, '.ac-case__number')?.textContent?.trim(), 'the chat ended');
    } finally {
      customer.ws.close();
    }
  });

  it('asks, shows "Verification requested", then "Verified by push" once the phone approves', async () => {
    const el = await mount(suite.endpoint.replace(/\/chat$/, '/agent'));
    const said = recordAnnouncements(el);
    await signIn(el, 'Maria');
    const customer = await queuedCardmember(suite.endpoint);
    try {
      await acceptFirst(el);
      expect(identity(el)).to.equal('Not verified');
      await axeCheck(el);
      const server = new URL(suite.endpoint.replace(/^ws/, 'http')).origin;
      const phone = new EventSource(`${server}/demo/device?account=1005`);
      const prompts: { conversationId: string; prompt: string }[] = [];
      phone.addEventListener('message', (e: MessageEvent<string>) =>
        prompts.push(JSON.parse(e.data) as { conversationId: string; prompt: string }),
      );
      await new Promise((resolve) => phone.addEventListener('open', resolve, { once: true }));
      try {
        byText(el, 'button', /^\s*Verify identity\s*$/)!.click();
        await waitFor(() => identity(el) === 'Verification requested', 'requested');
        expect((byText(el, 'button', /Verify identity/) as HTMLButtonElement).disabled).to.equal(true);
        const choose = await waitFor(() => check(customer.frames, 'choose'), 'the check at the customer');
        customer.ws.send(JSON.stringify({ type: 'verify-start', id: choose.id, method: 'push' }));
        const prompt = await waitFor(() => prompts[0], 'the prompt on the phone');
        const res = await fetch(`${server}/demo/device/answer`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...prompt, approve: true }),
        });
        expect(res.status).to.equal(200);
        await waitFor(() => identity(el) === 'Verified by push', 'verified');
        expect(said.polite.filter((t) => t === 'Customer 1: Verified by push.')).to.have.length(1);
        expect(byText(el, 'button', /Verify again/)).to.exist;
        await axeCheck(el);
      } finally {
        phone.close();
      }
    } finally {
      customer.ws.close();
    }
  });

  it('shows "Not verified" when the customer declines; the board shows who was verified', async () => {
    const el = await mount(suite.endpoint.replace(/\/chat$/, '/agent'));
    await signIn(el, 'Luis');
    const customer = await queuedCardmember(suite.endpoint);
    try {
      // The first test's customer is back in line (its agent's console is gone), verified by push:
      // the board says so; this test takes the new one.
      await waitFor(() => cards(el).length === 2, 'two customers waiting');
      const [verified, fresh] = cards(el);
      expect(verified?.textContent).to.match(/Identity\s*Verified by push/);
      expect(fresh?.textContent).not.to.include('Identity');
      (fresh!.querySelector('button') as HTMLButtonElement).click();
      await waitFor(() => $(el, '.ac-identity__status'), 'the conversation');
      byText(el, 'button', /^\s*Verify identity\s*$/)!.click();
      const choose = await waitFor(() => check(customer.frames, 'choose'), 'the check at the customer');
      customer.ws.send(JSON.stringify({ type: 'verify-cancel', id: choose.id }));
      await waitFor(() => check(customer.frames, 'failed'), 'cancelled');
      await waitFor(() => identity(el) === 'Not verified', 'not verified');
      expect((byText(el, 'button', /Verify identity/) as HTMLButtonElement).disabled).to.equal(false);
    } finally {
      customer.ws.close();
    }
  });
});
