// The agent console's sign-in declares the languages the agent chats in and more teams they take
// (issue 26, item 6): two groups of checkboxes under their legends, used with the keyboard alone,
// sent in agent-hello to the real reference server, which then offers the agent only what they
// may take (the board says why not). A missing language is said once, by the box focus moves to.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AgentConsoleElement } from '../../demo/agent-console.js';
import { axTree, axeCheck, waitFor } from '../support/helpers.js';
import type { AxNode } from '../support/helpers.js';
import { $, Customer, cards, consoleSuite, mount, recordAnnouncements } from '../support/agent-console.js';

/** The boxes of each group, by their names (the tree is not in document order). */
const BOXES: Record<string, string[]> = {
  'Languages you chat in': ['English', 'Spanish'],
  'Also take conversations for': ['Disputes', 'Credit', 'Rewards', 'Travel'],
};

/** A group of the accessibility tree, by its legend, and its checkboxes in form order. */
async function group(legend: string): Promise<{ group: AxNode; boxes: AxNode[] }> {
  const tree = await axTree();
  const found = tree.find((n) => n.role === 'group' && n.name === legend);
  if (!found) throw new Error(`no group named ${legend}`);
  const boxes = (BOXES[legend] ?? []).map((name) => {
    const node = tree.find((n) => n.role === 'checkbox' && n.name === name);
    if (!node) throw new Error(`no checkbox named ${name}`);
    return node;
  });
  return { group: found, boxes };
}

function box(el: AgentConsoleElement, name: string, value: string): HTMLInputElement {
  return $(el, `input[name="${name}"][value="${value}"]`) as HTMLInputElement;
}

describe('agent console: languages and teams at sign-in', () => {
  const suite = consoleSuite('Agent console sign-in test');
  const { customers } = suite;

  it('passes an axe audit of the sign-in form with its groups', async () => {
    const el = await mount(suite.endpoint);
    expect($(el, 'fieldset legend')?.textContent).to.equal('Languages you chat in');
    await axeCheck();
  });

  it('exposes each group by its legend and hint, and each box by its name and state', async () => {
    await mount(suite.endpoint);
    const languages = await group('Languages you chat in');
    expect(languages.group.description).to.equal(
      'A customer waits first for an agent who speaks their language.',
    );
    expect(languages.boxes.map((n) => [n.name, n.properties['checked']])).to.deep.equal([
      ['English', 'true'],
      ['Spanish', 'true'],
    ]);
    const teams = await group('Also take conversations for');
    expect(teams.group.description).to.equal(
      'Everyone takes the General queue; supervisors take every team.',
    );
    expect(teams.boxes.map((n) => [n.name, n.properties['checked']])).to.deep.equal([
      ['Disputes', 'false'],
      ['Credit', 'false'],
      ['Rewards', 'false'],
      ['Travel', 'false'],
    ]);
    for (const n of [...languages.boxes, ...teams.boxes]) expect(n.description, n.name).to.equal('');
  });

  it('signs in with the keyboard alone as a Spanish-speaking agent who also takes credit', async () => {
    const el = await mount(suite.endpoint);
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Lucía' });
    await sendKeys({ press: 'Tab' }); // the team: General
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(box(el, 'languages', 'en'));
    await sendKeys({ press: 'Space' }); // English off
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(box(el, 'languages', 'es'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(box(el, 'teams', 'credit'));
    await sendKeys({ press: 'Space' }); // Credit on
    expect(
      (await group('Also take conversations for')).boxes.map((n) => n.properties['checked']),
    ).to.deep.equal(['false', 'true', 'false', 'false']);
    expect((await group('Languages you chat in')).boxes.map((n) => n.properties['checked'])).to.deep.equal([
      'false',
      'true',
    ]);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.getAttribute('name')).to.equal('passcode');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => document.activeElement?.tagName === 'H2', 'focus on the board heading');

    // The server has what the agent chose: the board lists them with it.
    await waitFor(
      () =>
        /Lucía, General, Credit \(Spanish\)/.test(
          $(el, '.ac-agents')?.textContent?.replace(/\s+/g, ' ') ?? '',
        ),
      'the agent on the board with their teams and language',
    );

    // A Spanish customer may be accepted; an English one waits for someone who speaks English.
    const cliente = await Customer.queued(suite.endpoint, 'es');
    customers.push(cliente);
    const customer = await Customer.queued(suite.endpoint, 'en');
    customers.push(customer);
    await waitFor(() => cards(el).length === 2, 'both customers on the board');
    const [spanish, english] = cards(el);
    expect(spanish!.querySelector('button')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      'Accept General queue, number 1',
    );
    expect(english!.querySelector('button')).to.equal(null);
    expect(english!.querySelector('.ac-note')?.textContent?.trim()).to.equal(
      'You cannot accept this yet: it waits for an agent who speaks English.',
    );
    await axeCheck();
  });

  it('shows on the board what the customer asked a person about', async () => {
    const el = await mount(suite.endpoint);
    ($(el, 'input[name="name"]') as HTMLInputElement).value = 'Sam';
    box(el, 'teams', 'credit').checked = true;
    ($(el, 'button[type="submit"]') as HTMLButtonElement).click();
    await waitFor(() => /Connected/.test($(el, '.ac-conn')?.textContent ?? ''), 'signed in');
    const customer = await Customer.connect(suite.endpoint, 'en');
    customers.push(customer);
    customer.say('talk to an agent about my credit limit');
    await customer.next('queue', (f) => f.waiting);
    const card = await waitFor(() => cards(el)[0], 'the customer on the board');
    const facts = card.querySelector('dl')!.textContent.replace(/\s+/g, ' ');
    expect(facts).to.match(/Team ?Credit/);
    expect(facts).to.match(/Asked about ?their credit limit/);
    expect(card.querySelector('.ac-card__summary')?.textContent?.replace(/\s+/g, ' ').trim()).to.match(
      /^Summary: Asked for an agent about their credit limit\./,
    );
    expect(card.querySelector('button')).to.not.equal(null);
  });

  it('says a missing language once: focus moves to the first box, which is described by the error', async () => {
    const el = await mount(suite.endpoint);
    const said = recordAnnouncements(el);
    ($(el, 'input[name="name"]') as HTMLInputElement).value = 'Maria';
    box(el, 'languages', 'en').checked = false;
    box(el, 'languages', 'es').checked = false;
    ($(el, 'button[type="submit"]') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    const first = box(el, 'languages', 'en');
    await waitFor(() => document.activeElement === first, 'focus on the first language');
    expect(first.getAttribute('aria-invalid')).to.equal('true');
    const { boxes } = await group('Languages you chat in');
    for (const n of boxes) {
      expect(n.description, n.name).to.equal('Error: Choose at least one language you chat in.');
      expect(n.properties['invalid'], n.name).to.equal('true');
    }
    // Not announced as well, and nothing else is described by it.
    await el.updateComplete;
    expect(
      [...said.assertive, ...said.polite].filter((t) => t.includes('Choose at least one')),
    ).to.deep.equal([]);
    const mentions = (await axTree()).filter((n) => n.description.includes('Choose at least one'));
    expect(mentions.map((n) => n.role)).to.deep.equal(['checkbox', 'checkbox']);
    expect($(el, '.ac-conn')?.textContent ?? '').to.not.match(/Connected/);

    // The name typed is kept; checking a language and signing in clears the error.
    expect(($(el, 'input[name="name"]') as HTMLInputElement).value).to.equal('Maria');
    await sendKeys({ press: 'Space' });
    ($(el, 'button[type="submit"]') as HTMLButtonElement).click();
    await waitFor(() => /Connected/.test($(el, '.ac-conn')?.textContent ?? ''), 'signed in');
  });
});
