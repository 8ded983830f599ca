// The console's sign-in errors are each said once (issue 24, item 7): by the live region, or by
// the description of the field focus is on, never both. A connection error belongs to no field:
// it is announced, and no control or group is described by it. A field's error is said by the
// field: focus moves there and its description reads it; when focus is already there, it is
// announced instead, and joins the field's description once focus leaves (a description that
// changes under the focus is read again by screen readers that report description changes).
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AgentConsoleElement } from '../../demo/agent-console.js';
import { DEAD_ENDPOINT, axTree, axeCheck, stopReferenceServers, waitFor } from '../support/helpers.js';
import { serverForTest } from '../support/suite-server.js';
import type { AxNode } from '../support/helpers.js';
import { $, loadStyles, mount, recordAnnouncements } from '../support/agent-console.js';

/** AX nodes whose description includes `text`. */
async function describedBy(text: string): Promise<AxNode[]> {
  return (await axTree()).filter((n) => n.description.includes(text));
}

async function axNode(role: string, name: string): Promise<AxNode> {
  const node = (await axTree()).find((n) => n.role === role && n.name === name);
  if (!node) throw new Error(`no ${role} named ${name}`);
  return node;
}

/** Waits until both live regions are empty again (the console clears them after a second). */
async function regionsCleared(el: AgentConsoleElement): Promise<void> {
  await waitFor(
    () => [...el.querySelectorAll('[data-announcer]')].every((r) => !r.textContent?.trim()),
    'the live regions cleared',
  );
}

describe('agent console: sign-in errors are said once (issue 24, item 7)', () => {
  before(async () => {
    await loadStyles();
    document.title = 'Agent console errors test';
    document.documentElement.lang = 'en';
  });
  after(async () => {
    await stopReferenceServers();
  });

  it('has no axe violations with an error on the name field, then the connection error', async () => {
    const el = await mount(DEAD_ENDPOINT);
    const name = $(el, 'input[name="name"]') as HTMLInputElement;
    name.value = '   ';
    ($(el, 'button[type="submit"]') as HTMLButtonElement).click();
    await waitFor(() => name.getAttribute('aria-invalid') === 'true', 'the name marked invalid');
    await axeCheck();
    name.value = 'Maria';
    ($(el, 'button[type="submit"]') as HTMLButtonElement).click();
    await waitFor(() => byTextIn(el, /^Error: Cannot connect to the chat server/), 'the error on screen');
    await axeCheck();
  });

  it('announces a connection error once; no control or group is described by it', async () => {
    const el = await mount(DEAD_ENDPOINT);
    const said = recordAnnouncements(el);
    ($(el, 'input[name="name"]') as HTMLInputElement).value = 'Maria';
    const submit = $(el, 'button[type="submit"]') as HTMLButtonElement;
    submit.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => said.assertive.some((t) => t.includes('Cannot connect')), 'the error announced');
    const status = await waitFor(
      () => byTextIn(el, /^Error: Cannot connect to the chat server/),
      'the error on screen',
    );
    expect(document.activeElement, 'focus stays on Sign in').to.equal(submit);
    expect(await describedBy('Cannot connect'), 'described by the error').to.deep.equal([]);
    expect(submit.getAttribute('aria-describedby') ?? '').to.not.include(status.id || '(no id)');
    await regionsCleared(el);
    expect(said.assertive.filter((t) => t.includes('Cannot connect'))).to.have.length(1);
    // Once in the tree: the visible text after the button, read where it stands.
    const mentions = (await axTree()).filter(
      (n) => n.name.includes('Cannot connect') || n.description.includes('Cannot connect'),
    );
    expect(
      mentions.filter((n) => !['StaticText', 'InlineTextBox', 'paragraph'].includes(n.role)),
      'only the text itself',
    ).to.deep.equal([]);
    expect(mentions.filter((n) => n.role === 'StaticText')).to.have.length(1);
    // "Signing in…" was said once too (announced; no description).
    expect(said.polite.filter((t) => t.includes('Signing in'))).to.have.length(1);
    expect(await describedBy('Signing in')).to.deep.equal([]);
    await axeCheck();
  });

  it('says a refused passcode once: focus moves to the field, its description says it, no announcement', async () => {
    const secret = 'console-passcode-0123456789';
    const guarded = await serverForTest({ replyDelay: 5, simulatedAgent: false, agentSecret: secret });
    const el = await mount(guarded);
    const said = recordAnnouncements(el);
    ($(el, 'input[name="name"]') as HTMLInputElement).value = 'Maria';
    const passcode = $(el, 'input[name="passcode"]') as HTMLInputElement;
    passcode.value = 'wrong-passcode-000000';
    ($(el, 'button[type="submit"]') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => document.activeElement === passcode, 'focus on the passcode');
    expect(passcode.getAttribute('aria-invalid')).to.equal('true');
    const field = await axNode('textbox', 'Console passcode');
    expect(field.description).to.match(/Error: The passcode is missing or wrong/);
    await regionsCleared(el);
    expect(
      [...said.assertive, ...said.polite].filter((t) => t.includes('passcode is missing')),
      'not announced as well',
    ).to.deep.equal([]);
    await axeCheck();
  });

  it('announces an error about the focused field once, and adds it to its description when focus leaves', async () => {
    const el = await mount(DEAD_ENDPOINT);
    const said = recordAnnouncements(el);
    const name = $(el, 'input[name="name"]') as HTMLInputElement;
    name.value = '   ';
    name.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => said.assertive.some((t) => t.includes('Enter your name.')), 'announced');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(document.activeElement).to.equal(name);
    expect(byTextIn(el, /^Error: Enter your name\.$/), 'shown').to.not.equal(undefined);
    expect((await axNode('textbox', 'Your name')).description, 'not also its description now').to.not.include(
      'Enter your name',
    );
    await regionsCleared(el);
    expect(said.assertive.filter((t) => t.includes('Enter your name.'))).to.have.length(1);

    await sendKeys({ press: 'Tab' });
    await waitFor(() => document.activeElement !== name, 'focus moved on');
    await el.updateComplete;
    expect((await axNode('textbox', 'Your name')).description).to.include('Error: Enter your name.');
    const error = document.getElementById(name.getAttribute('aria-describedby')!.split(' ')[1]!)!;
    expect(error.textContent).to.equal('Error: Enter your name.');

    // Sent again from the Sign in button: focus moves to the field, which says it; no announcement.
    const before = said.assertive.length;
    ($(el, 'button[type="submit"]') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => document.activeElement === name, 'focus back on the name');
    await regionsCleared(el);
    expect(said.assertive.slice(before).filter((t) => t.includes('Enter your name.'))).to.deep.equal([]);
    expect((await axNode('textbox', 'Your name')).description).to.include('Error: Enter your name.');
  });
});

function byTextIn(el: ParentNode, text: RegExp): HTMLElement | undefined {
  return [...el.querySelectorAll<HTMLElement>('p')].find((p) =>
    text.test(p.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
  );
}
