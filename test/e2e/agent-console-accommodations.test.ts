// Accommodations from the customer to the agent console against the reference server: what the
// customer stated shows on the board's card and in the conversation's facts, in words, with the
// note redacted; a change while the agent holds the chat shows at once; English and Spanish
// customers; the pane stays axe-clean.
import { expect } from '@open-wc/testing';
import type { AgentConsoleElement } from '../../demo/agent-console.js';
import { axeCheck, waitFor } from '../support/helpers.js';
import { $, Customer, acceptFirst, cards, consoleSuite, mount, signIn } from '../support/agent-console.js';

const suite = consoleSuite('Accommodations – Agent console');

function needsText(root: ParentNode): string {
  return [...root.querySelectorAll('.ac-needs__item')].map((n) => n.textContent?.trim() ?? '').join(' | ');
}

/** A console signed in as Maria, and a waiting customer who stated two needs and a note with a card. */
async function signedInWithNeeds(): Promise<{ el: AgentConsoleElement; customer: Customer }> {
  const el = await mount(suite.endpoint.replace(/\/chat$/, '/agent'));
  await signIn(el, 'Maria');
  const customer = await Customer.queued(suite.endpoint);
  suite.customers.push(customer);
  customer.send({
    type: 'accommodations',
    needs: ['more-time', 'written-summary'],
    note: 'Please type slowly, my card is 4111 1111 1111 1111',
  });
  return { el, customer };
}

describe('agent console: accommodations', () => {
  it('has no axe violations with the needs on the board and in the facts', async () => {
    const { el } = await signedInWithNeeds();
    await waitFor(() => cards(el).find((c) => c.querySelector('.ac-needs')), 'needs on the card');
    await axeCheck(el);
    await acceptFirst(el);
    await waitFor(() => $(el, '.ac-pane .ac-needs'), 'needs in the facts');
    await axeCheck(el);
  });

  it('shows the needs on the board and in the facts, the note redacted; a change shows at once', async () => {
    const { el, customer } = await signedInWithNeeds();
    await customer.event((e) => e.notice?.code === 'accommodations', 'the notice');
    const card = await waitFor(
      () => cards(el).find((c) => c.querySelector('.ac-needs')),
      'needs on the card',
    );
    expect(needsText(card)).to.match(
      /^Needs more time \| Wants a written summary \| Note: “Please type slowly, my card is .+”$/,
    );
    expect(card.textContent).to.not.contain('4111 1111');
    await acceptFirst(el);
    const pane = await waitFor(() => $(el, '.ac-pane'), 'the pane');
    await waitFor(() => pane.querySelector('.ac-needs'), 'needs in the facts');
    expect(needsText(pane)).to.contain('Needs more time | Wants a written summary');
    customer.send({ type: 'accommodations', needs: ['hearing'] });
    await waitFor(() => needsText($(el, '.ac-pane')!) === 'Deaf or hard of hearing', 'the change');
    customer.send({ type: 'accommodations', needs: [] });
    await waitFor(() => !$(el, '.ac-pane .ac-needs'), 'cleared');
  });

  it('a Spanish customer: the notice says usted, the agent reads the needs in English', async () => {
    const el = await mount(suite.endpoint.replace(/\/chat$/, '/agent'));
    await signIn(el, 'Maria');
    const customer = await Customer.queued(suite.endpoint, 'es');
    suite.customers.push(customer);
    customer.send({ type: 'accommodations', needs: ['screen-reader', 'hearing'] });
    const notice = await customer.event((e) => e.notice?.code === 'accommodations', 'the notice');
    expect(notice.text).to.equal(
      'Tomamos nota de lo que nos indicó: usa un lector de pantalla y es una persona sorda o con dificultad auditiva. El agente que le atienda también lo verá.',
    );
    const card = await waitFor(
      () => cards(el).find((c) => c.querySelector('.ac-needs')),
      'needs on the card',
    );
    expect(needsText(card)).to.equal('Uses a screen reader | Deaf or hard of hearing');
  });
});
