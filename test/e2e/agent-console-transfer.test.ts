// The console's transfer note (issue 26, item 7), against the real reference server with two
// real consoles: the note field is labelled and described, a note over the limit is an error
// said once (focus moves to the field, whose description says it; nothing is announced as well)
// and nothing is transferred; a note within the limit reaches the next team's board and their
// conversation's summary, and never the customer; the next agent's End-chat prefill is the record.
import { expect } from '@open-wc/testing';
import type { AgentConsoleElement } from '../../demo/agent-console.js';
import { MAX_TRANSFER_NOTE } from '../../src/agent-protocol.js';
import { axTree, axeCheck, waitFor } from '../support/helpers.js';
import {
  $,
  Customer,
  acceptFirst,
  cards,
  mount,
  recordAnnouncements,
  signIn,
  consoleSuite,
} from '../support/agent-console.js';

describe('agent console: the transfer note', () => {
  const suite = consoleSuite('Agent console transfer test');
  const { customers } = suite;

  async function chatting(): Promise<{ el: AgentConsoleElement; note: HTMLTextAreaElement }> {
    const el = await mount(suite.endpoint);
    await signIn(el, 'Ana');
    customers.push(await Customer.queued(suite.endpoint));
    await acceptFirst(el);
    const note = $(el, 'textarea[name="note"]') as HTMLTextAreaElement;
    return { el, note };
  }

  it('passes axe with the note field on screen', async () => {
    await chatting();
    await axeCheck();
  });

  it('a note too long: said once by the field it is about, and nothing is transferred', async () => {
    const { el, note } = await chatting();
    const said = recordAnnouncements(el);
    expect(note.labels?.[0]?.textContent).to.equal('Note for the next team (optional)');
    const hint = document.getElementById(`${note.id}-hint`)!;
    expect(hint.textContent).to.match(
      new RegExp(`Only the next team sees it.*${MAX_TRANSFER_NOTE} characters`),
    );
    note.value = 'x'.repeat(MAX_TRANSFER_NOTE + 1);
    note.dispatchEvent(new Event('input'));
    const transfer = [...el.querySelectorAll<HTMLButtonElement>('.ac-transfer button')].find(
      (b) => b.textContent?.trim() === 'Transfer',
    )!;
    transfer.focus();
    transfer.click();
    await waitFor(() => note.getAttribute('aria-invalid') === 'true', 'the field marked invalid');
    await waitFor(() => document.activeElement === note, 'focus on the note field');
    const error = document.getElementById(`${note.id}-error`)!;
    expect(error.textContent).to.match(/too long: it has 501 characters/);
    const node = (await axTree()).find((n) => n.name === 'Note for the next team (optional)');
    expect(node?.description).to.include('too long');
    expect(said.assertive.join(' ')).not.to.include('too long');
    expect($(el, '.ac-status')?.textContent).to.equal('You are chatting with this customer.');
    await axeCheck();
  });

  it('a note within the limit reaches the next team, redacted; the customer never sees it', async () => {
    const { el, note } = await chatting();
    const maria = await mount(suite.endpoint);
    await signIn(maria, 'Maria', 'disputes');
    const [customer] = customers;
    const select = $(el, 'select[name="team"]') as HTMLSelectElement;
    select.value = 'disputes';
    select.dispatchEvent(new Event('change'));
    note.value = 'Disputes $20 at ACME; read me 4111 1111 1111 1111';
    note.dispatchEvent(new Event('input'));
    [...el.querySelectorAll<HTMLButtonElement>('.ac-transfer button')]
      .find((b) => b.textContent?.trim() === 'Transfer')!
      .click();
    await waitFor(() => /Transferred to/.test($(el, '.ac-status')?.textContent ?? ''), 'transferred');
    const card = await waitFor(
      () =>
        cards(maria).find((c) => /Transferred to disputes: Disputes \$20 at ACME/.test(c.textContent ?? '')),
      "the note on the next team's board",
    );
    expect(card.textContent).not.to.include('4111');
    await acceptFirst(maria);
    expect($(maria, '.ac-pane__summary')?.textContent).to.match(
      /Transferred to disputes: Disputes \$20 at ACME/,
    );
    expect(JSON.stringify(customer?.events())).not.to.include('ACME');
    // The End-chat prefill is the record: who took the chat and the transfer, nothing claimed.
    const prefill = ($(maria, 'dialog textarea') as HTMLTextAreaElement).value;
    expect(prefill).to.equal(
      'We talked about your account; no request was opened and nothing was changed in this chat. You chatted with Ana from the general team. You were transferred to the disputes team. You chatted with Maria from the disputes team.',
    );
    const hint = document.getElementById(`${$(maria, 'dialog textarea')!.id}-hint`)!;
    expect(hint.textContent).to.match(/^\s*Started from the record of what was done in this chat/);
  });
});
