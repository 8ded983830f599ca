// The agent console (demo/agent-console.ts) against the real reference server: signing in (and
// its errors), the board, accepting with the keyboard, chatting with the customer's typing
// indicator, transfer, ending with a summary and case number, several conversations at once,
// reconnecting, and the demo page itself, which talks only to its configured server (a server
// its address names gets nothing, unless in development mode, and never the passcode).
// Customers are plain WebSocket clients of /chat.
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { AgentConsoleElement } from '../../demo/agent-console.js';
import {
  DEAD_ENDPOINT,
  axeCheck,
  axeInFrame,
  recordWireFrames,
  startReferenceServer,
  stopReferenceServers,
  waitFor,
  wireFramesSent,
} from '../support/helpers.js';
import { serverForTest } from '../support/suite-server.js';
import {
  $,
  Customer,
  FakeClock,
  acceptFirst,
  byText,
  cards,
  composer,
  loadStyles,
  mount,
  recordAnnouncements,
  signIn,
  transcript,
  consoleSuite,
} from '../support/agent-console.js';
import { AgentSocket } from '../support/agent-socket.js';
import { closeAfterTest, removeAfterTest } from '../support/page.js';

describe('agent console', () => {
  const suite = consoleSuite('Agent console test');
  const { customers } = suite;

  async function customer(lang = 'en'): Promise<Customer> {
    const c = await Customer.queued(suite.endpoint, lang);
    customers.push(c);
    return c;
  }

  it('has no axe violations with a conversation open and another customer waiting', async () => {
    const el = await mount(suite.endpoint);
    await signIn(el, 'Alex');
    await customer();
    await acceptFirst(el);
    await waitFor(() => transcript(el).some((t) => t.endsWith('I want to talk to an agent')), 'the message');
    await customer();
    await waitFor(() => cards(el).length === 1, 'the waiting customer');
    await axeCheck();
  });

  it('derives the /agent endpoint from the customer endpoint', () => {
    const el = document.createElement('agent-console');
    el.endpoint = 'ws://127.0.0.1:8787/chat';
    expect(el.agentUrl).to.equal('ws://127.0.0.1:8787/agent');
    el.endpoint = 'wss://chat.example.com/x/agent/';
    expect(el.agentUrl).to.equal('wss://chat.example.com/x/agent');
    el.endpoint = 'https://chat.example.com';
    expect(el.agentUrl).to.equal('wss://chat.example.com/agent');
    el.endpoint = '';
    expect(el.agentUrl, "without an endpoint: the page's own origin").to.equal(`ws://${location.host}/agent`);
  });

  it('signed out: labelled fields; an empty name is an error tied to the field and announced once', async () => {
    const el = await mount(suite.endpoint);
    const said = recordAnnouncements(el);
    await axeCheck();
    const name = $(el, 'input[name="name"]') as HTMLInputElement;
    expect(name.labels?.[0]?.textContent).to.equal('Your name');
    expect(($(el, 'select[name="team"]') as HTMLSelectElement).labels?.[0]?.textContent).to.equal('Team');
    expect(
      [...($(el, 'select[name="team"]') as HTMLSelectElement).options].map((o) => o.value),
    ).to.deep.equal(['general', 'disputes', 'credit', 'rewards', 'travel', 'supervisor']);
    expect(name.maxLength).to.equal(40);

    name.value = '   ';
    name.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => name.getAttribute('aria-invalid') === 'true', 'the field marked invalid');
    const error = document.getElementById(`${name.id}-error`)!;
    expect(error.textContent).to.equal('Error: Enter your name.');
    expect(document.activeElement).to.equal(name);
    await waitFor(() => said.assertive.some((t) => t.includes('Enter your name.')), 'the error announced');
    // Focus stayed on the field: announced, and tied to it once focus leaves (agent-console-errors.test.ts).
    await sendKeys({ press: 'Tab' });
    await waitFor(
      () => name.getAttribute('aria-describedby')?.split(' ')[1] === error.id,
      'tied to the field',
    );
    await axeCheck();
  });

  it('says when it cannot connect, under the Sign in button, and announces it', async () => {
    const el = await mount(DEAD_ENDPOINT);
    const said = recordAnnouncements(el);
    await signInFails(el);
    const button = $(el, 'button[type="submit"]') as HTMLButtonElement;
    const status = document.getElementById(button.id.replace(/submit$/, 'status'))!;
    expect(button.hasAttribute('aria-describedby'), 'announced, not also its description').to.equal(false);
    expect(status.textContent?.trim()).to.match(
      /^Error: Cannot connect to the chat server \(ws:\/\/127\.0\.0\.1:9\/agent\)/,
    );
    await waitFor(() => said.assertive.some((t) => t.startsWith('Cannot connect')), 'announced');
    await axeCheck();

    async function signInFails(console: AgentConsoleElement): Promise<void> {
      ($(console, 'input[name="name"]') as HTMLInputElement).value = 'Maria';
      ($(console, 'button[type="submit"]') as HTMLButtonElement).click();
      await waitFor(() => /Cannot connect/.test(console.textContent ?? ''), 'the connection error');
    }
  });

  it('with CHAT_AGENT_SECRET: a wrong passcode is an error on its field; the right one signs in', async () => {
    const secret = 'console-passcode-0123456789';
    const guarded = await serverForTest({ replyDelay: 5, simulatedAgent: false, agentSecret: secret });
    // Reconnects run on the console's clock (a fake one here); its sockets are kept to see them close.
    const clock = new FakeClock(Date.now());
    const sockets: WebSocket[] = [];
    const el = await mount(guarded, (console) => {
      console.clock = clock;
      console.socketFactory = (url) => {
        const ws = new WebSocket(url);
        sockets.push(ws);
        return ws;
      };
    });
    const said = recordAnnouncements(el);
    const passcode = $(el, 'input[name="passcode"]') as HTMLInputElement;
    expect(passcode.type).to.equal('password');
    expect(passcode.labels?.[0]?.textContent).to.equal('Console passcode');
    ($(el, 'input[name="name"]') as HTMLInputElement).value = 'Maria';
    passcode.value = 'wrong-passcode-000000';
    ($(el, 'button[type="submit"]') as HTMLButtonElement).click();
    await waitFor(() => passcode.getAttribute('aria-invalid') === 'true', 'the passcode marked invalid');
    const error = document.getElementById(passcode.getAttribute('aria-describedby')!.split(' ')[1]!)!;
    expect(error.textContent?.trim()).to.match(/^Error: The passcode is missing or wrong/);
    await waitFor(() => document.activeElement === passcode, 'focus on the passcode');
    // Focus moved to the field, which says it: not announced as well (agent-console-errors.test.ts).
    expect(said.assertive.some((t) => t.startsWith('The passcode is missing'))).to.equal(false);
    await axeCheck();
    // The server closes the refused socket; a reconnect would follow within the longest backoff:
    // after both, nothing of one on screen.
    await waitFor(() => sockets.at(-1)?.readyState === WebSocket.CLOSED, 'the refused socket closed');
    clock.advance(15_000);
    await el.updateComplete;
    // On screen, that is: the live regions keep what they said for a few seconds.
    const onScreen = [...el.children].filter((c) => !c.hasAttribute('data-announcer'));
    expect(onScreen.map((c) => c.textContent).join(' '), 'no reconnect loop').to.not.match(
      /Reconnecting|Signing in…/,
    );

    passcode.value = secret;
    ($(el, 'button[type="submit"]') as HTMLButtonElement).click();
    await waitFor(() => /Connected/.test($(el, '.ac-conn')?.textContent ?? ''), 'signed in');
    expect(location.href).to.not.include(secret);
  });

  it('signs in with the keyboard only, moves focus to the board, and announces a new customer once', async () => {
    // The board's waits tick on the console's clock: a fake one moves them on without waiting.
    const clock = new FakeClock(Date.now());
    const el = await mount(suite.endpoint, (console) => (console.clock = clock));
    const said = recordAnnouncements(el);
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.getAttribute('name')).to.equal('name');
    await sendKeys({ type: 'Priya' });
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.getAttribute('name')).to.equal('team');
    await sendKeys({ type: 'd' }); // type-ahead: Disputes
    // The languages (both checked) and more teams (none) are left as they are (their own test:
    // agent-console-sign-in.test.ts).
    for (const box of ['en', 'es', 'disputes', 'credit', 'rewards', 'travel']) {
      await sendKeys({ press: 'Tab' });
      expect((document.activeElement as HTMLInputElement | null)?.value).to.equal(box);
    }
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.getAttribute('name')).to.equal('passcode'); // optional: left empty
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.textContent?.trim()).to.equal('Sign in');
    await sendKeys({ press: 'Enter' });

    const heading = await waitFor(
      () => (document.activeElement?.tagName === 'H2' ? document.activeElement : null),
      'focus on the board heading',
    );
    expect(heading.textContent).to.equal('Waiting customers');
    expect($(el, '.ac-bar__who')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      'Signed in as Priya, Disputes team',
    );
    await waitFor(() => said.polite.some((t) => t.includes('Signed in as Priya')), 'sign-in announced');

    await customer();
    const card = await waitFor(() => cards(el)[0], 'the waiting customer');
    const facts = card.querySelector('dl')!.textContent.replace(/\s+/g, ' ');
    expect(facts).to.match(/Team ?General/);
    expect(facts).to.match(/Language ?English/);
    expect(facts).to.match(/Waiting ?less than a minute \(since \d{1,2}:\d\d [AP]M\)/);
    expect(facts).to.match(/Position ?1/);
    expect(card.querySelector('.ac-card__summary')?.textContent?.replace(/\s+/g, ' ').trim()).to.match(
      /^Summary: \S/,
    );
    const accept = card.querySelector('button')!;
    expect(accept.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Accept General queue, number 1');
    await waitFor(() => said.polite.some((t) => t.includes('New customer waiting')), 'the arrival announced');

    // More board updates (another agent signs in, the wait ticks on): no second announcement.
    // The customer arrived by the real clock, after the fake one started: move past both.
    clock.advance(Date.now() - clock.now() + 61_000);
    await el.updateComplete;
    expect(card.querySelector('dl')!.textContent, 'the wait ticked on').to.not.match(/less than a minute/);
    closeAfterTest(await AgentSocket.signIn(suite.endpoint, 'Sam', 'rewards'));
    await waitFor(() => /Sam/.test($(el, '.ac-agents')?.textContent ?? ''), 'Sam on the board');
    expect(said.polite.filter((t) => t.includes('New customer waiting'))).to.have.length(1);
    expect(document.activeElement).to.equal(heading);
    await axeCheck();
  });

  it('accepts with Enter, shows the transcript and the typing indicator, and Enter sends', async () => {
    const el = await mount(suite.endpoint);
    const said = recordAnnouncements(el);
    await signIn(el, 'Alex');
    const alice = await customer();
    const accept = await waitFor(
      () => $(el, '.ac-card button') as HTMLButtonElement | null,
      'the Accept button',
    );
    accept.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => document.activeElement === composer(el), 'focus on the composer');
    await alice.event((e) => e.notice?.code === 'agent-joined', 'the agent-joined notice');

    const log = $(el, '[role="log"]')!;
    expect(log.getAttribute('aria-label')).to.equal('Transcript, Customer 1');
    await waitFor(
      () => transcript(el).some((t) => /^Customer, \d{1,2}:\d\d [AP]M I want to talk to an agent$/.test(t)),
      'the customer message',
    );
    expect(el.querySelector('.ac-msg--customer time')?.getAttribute('datetime')).to.match(
      /^\d{4}-\d\d-\d\dT/,
    );
    expect(
      el.querySelector('.ac-conv[aria-current="true"]')?.textContent?.replace(/\s+/g, ' ').trim(),
    ).to.match(/^Customer 1 General, English, active$/);

    // The customer types: the console says so, without any text of theirs.
    alice.send({ type: 'typing', active: true });
    const typing = await waitFor(
      () => ($(el, '.ac-typing')?.textContent ? $(el, '.ac-typing') : null),
      'the typing indicator',
    );
    expect(typing.textContent).to.equal('Customer 1 is typing…');
    // (What the region was given within the same frame is joined, not replaced: the newest is last.)
    await waitFor(() => said.polite.some((t) => t.endsWith('Customer 1 is typing…')), 'typing announced');
    alice.send({ type: 'typing', active: true });
    alice.say('Thanks for taking this');
    await waitFor(() => transcript(el).some((t) => t.endsWith('Thanks for taking this')), 'the next message');
    expect($(el, '.ac-typing')?.textContent).to.equal('');
    expect(said.polite.filter((t) => t.endsWith('is typing…'))).to.have.length(1);
    expect(document.activeElement, 'frames never move focus').to.equal(composer(el));
    alice.send({ type: 'typing', active: true });
    await waitFor(() => $(el, '.ac-typing')?.textContent, 'typing again');
    await axeCheck();

    // Shift+Enter is a new line; Enter sends; the customer sees the agent typing, then the message.
    await sendKeys({ type: 'Hello,' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'how can I help?' });
    expect(composer(el).value).to.equal('Hello,\nhow can I help?');
    await alice.next('typing', (f) => f.from === 'agent' && f.active);
    await sendKeys({ press: 'Enter' });
    const sent = await alice.event((e) => e.from === 'agent' && e.kind === 'message', "the agent's message");
    expect(sent.text).to.equal('Hello,\nhow can I help?');
    expect(sent.name).to.equal('Alex');
    expect(composer(el).value).to.equal('');
    expect(document.activeElement).to.equal(composer(el));
    await alice.next('typing', (f) => f.from === 'agent' && !f.active);
    await waitFor(
      () => transcript(el).some((t) => /^Alex \(agent\), \d{1,2}:\d\d [AP]M Hello,/.test(t)),
      'own message in the log',
    );
    await waitFor(() => !el.querySelector('.ac-msg--pending'), 'the message acknowledged');
  });

  it('shows customer text as plain text, never markup', async () => {
    const el = await mount(suite.endpoint);
    await signIn(el, 'Alex');
    const bob = await customer();
    await acceptFirst(el);
    await bob.event((e) => e.notice?.code === 'agent-joined', 'joined');
    bob.say('<img src=x onerror="window.__pwned=1"><b>bold</b>');
    await waitFor(() => transcript(el).some((t) => t.includes('<b>bold</b>')), 'the literal text');
    expect(el.querySelector('[role="log"] img, [role="log"] b')).to.equal(null);
  });

  it('transfers: the customer hears of it, the board shows the row to a team that may not take it', async () => {
    const el = await mount(suite.endpoint);
    const said = recordAnnouncements(el);
    await signIn(el, 'Alex');
    const carol = await customer();
    await acceptFirst(el);
    await carol.event((e) => e.notice?.code === 'agent-joined', 'joined');

    const select = $(el, '.ac-transfer select') as HTMLSelectElement;
    expect(select.labels?.[0]?.textContent).to.equal('Transfer to');
    expect([...select.options].map((o) => o.value)).to.not.include('general');
    select.value = 'disputes';
    select.dispatchEvent(new Event('change'));
    const transfer = byText(el, '.ac-transfer button', /Transfer/) as HTMLButtonElement;
    transfer.focus();
    await sendKeys({ press: 'Enter' });

    const notice = await carol.event((e) => e.notice?.code === 'transferred', 'the transfer notice');
    expect(notice.notice).to.deep.equal({ code: 'transferred', team: 'disputes' });
    expect(notice.text).to.match(/disputes team/);
    await carol.next('queue', (f) => f.waiting && f.team === 'disputes');

    await waitFor(
      () => /^Transferred to the disputes team/.test($(el, '.ac-status')?.textContent?.trim() ?? ''),
      'transferred',
    );
    expect(document.activeElement, 'focus kept in the pane').to.equal($(el, '.ac-status'));
    expect(composer(el).disabled).to.equal(true);
    expect(($(el, '.ac-composer button') as HTMLButtonElement).disabled).to.equal(true);
    await waitFor(
      () => said.polite.some((t) => t.endsWith('Customer 1 transferred to the disputes team.')),
      'announced',
    );

    // A general agent may not take it back: the row says why instead of an Accept button.
    const card = await waitFor(
      () =>
        cards(el).find((c) => /Transferred from ?General/.test(c.textContent?.replace(/\s+/g, ' ') ?? '')),
      'the transferred row',
    );
    expect(card.querySelector('button')).to.equal(null);
    expect(card.querySelector('.ac-note')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      'You cannot accept this: only the disputes team or a supervisor can.',
    );
    await axeCheck();
  });

  it('ends with a summary in a modal dialog: Escape returns focus; Confirm sends the summary and shows the case number', async () => {
    const el = await mount(suite.endpoint);
    const said = recordAnnouncements(el);
    await signIn(el, 'Alex');
    const dan = await customer();
    await acceptFirst(el);
    await dan.event((e) => e.notice?.code === 'agent-joined', 'joined');

    const end = byText(el, 'button', /^\s*End chat\s*$/) as HTMLButtonElement;
    end.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    await waitFor(() => dialog.open, 'the dialog');
    expect(dialog.matches(':modal')).to.equal(true);
    const summary = dialog.querySelector('textarea')!;
    expect(document.activeElement).to.equal(summary);
    expect(summary.labels?.[0]?.textContent).to.equal('Summary for the customer');
    expect(summary.maxLength).to.equal(2000);
    expect(summary.value.length, 'pre-filled with the recap').to.be.greaterThan(0);
    await axeCheck();

    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialog.open, 'the dialog closed');
    await waitFor(() => document.activeElement === end, 'focus back on End chat');
    expect(dan.events().some((e) => e.notice?.code === 'ended')).to.equal(false);

    await sendKeys({ press: 'Enter' });
    await waitFor(() => dialog.open, 'the dialog again');
    summary.value = 'We opened a dispute for the charge; expect a letter within 30 days.';
    summary.dispatchEvent(new Event('input'));
    (byText(dialog, 'button', /Confirm/) as HTMLButtonElement).click();

    const ended = await dan.event((e) => e.notice?.code === 'ended', 'the ended notice');
    const notice = ended.notice as { code: 'ended'; caseNumber: string; summary: string };
    expect(notice.summary).to.equal('We opened a dispute for the charge; expect a letter within 30 days.');
    expect(notice.caseNumber).to.match(/^AMX-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const number = await waitFor(() => $(el, '.ac-case__number'), 'the case number');
    expect(number.textContent).to.equal(notice.caseNumber);
    expect($(el, '.ac-status')?.textContent?.trim()).to.equal('You ended this chat.');
    expect(byText(el, '.ac-case button', /Copy case number/)).to.exist;
    expect(composer(el).disabled).to.equal(true);
    expect(end.disabled).to.equal(true);
    expect(el.querySelector('.ac-conv[aria-current="true"]')?.textContent).to.match(/ended/);
    await waitFor(
      () =>
        said.polite.some((t) => t.includes(`Chat with Customer 1 ended. Case number ${notice.caseNumber}.`)),
      'the end announced',
    );
    expect(el.contains(document.activeElement), 'focus stays in the console').to.equal(true);
    await axeCheck();
  });

  it('shows the case number when the customer ends the chat', async () => {
    const el = await mount(suite.endpoint);
    await signIn(el, 'Alex');
    const erin = await customer();
    await acceptFirst(el);
    await erin.event((e) => e.notice?.code === 'agent-joined', 'joined');
    composer(el).focus();
    erin.send({ type: 'end' });
    const ended = await erin.event((e) => e.notice?.code === 'ended', 'the ended notice');
    const caseNumber = (ended.notice as { caseNumber: string }).caseNumber;
    await waitFor(() => $(el, '.ac-case__number')?.textContent === caseNumber, 'the case number');
    expect($(el, '.ac-status')?.textContent?.trim()).to.equal('The customer ended this chat.');
    expect(composer(el).disabled).to.equal(true);
    expect(document.activeElement, 'focus kept in the pane, not dropped').to.equal($(el, '.ac-status'));
  });

  it('holds several conversations; a message in another one marks it unread without moving focus', async () => {
    const el = await mount(suite.endpoint);
    await signIn(el, 'Alex');
    const first = await customer();
    await acceptFirst(el);
    const second = await customer();
    await acceptFirst(el);
    await first.event((e) => e.notice?.code === 'agent-joined', 'joined 1');
    await second.event((e) => e.notice?.code === 'agent-joined', 'joined 2');

    const buttons = (): HTMLButtonElement[] => [...el.querySelectorAll<HTMLButtonElement>('.ac-conv')];
    expect(buttons()).to.have.length(2);
    expect(buttons()[1]!.getAttribute('aria-current')).to.equal('true');
    buttons()[0]!.click();
    await el.updateComplete;
    expect(buttons()[0]!.getAttribute('aria-current')).to.equal('true');
    expect(buttons()[1]!.hasAttribute('aria-current')).to.equal(false);
    composer(el).focus();

    second.say('Are you still there?');
    await waitFor(() => /1 new message/.test(buttons()[1]!.textContent ?? ''), 'the unread count');
    expect(buttons()[1]!.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      'Customer 2 General, English, active 1 new message',
    );
    expect(document.activeElement).to.equal(composer(el));
    expect(transcript(el).some((t) => t.includes('Are you still there?'))).to.equal(false);

    buttons()[1]!.click();
    await el.updateComplete;
    expect(buttons()[1]!.textContent).to.not.match(/new message/);
    expect(transcript(el).some((t) => t.endsWith('Are you still there?'))).to.equal(true);
    await axeCheck();
  });

  it('switches the simulated agent for everyone', async () => {
    const el = await mount(suite.endpoint);
    const said = recordAnnouncements(el);
    await signIn(el, 'Alex');
    const box = $(el, 'input[type="checkbox"]') as HTMLInputElement;
    expect(box.labels?.[0]?.textContent).to.equal(
      'Simulated agent answers when nobody of a team is signed in',
    );
    expect(box.checked).to.equal(false);
    box.click();
    await waitFor(() => said.polite.some((t) => t.includes('Simulated agent turned on')), 'on');
    expect(box.checked).to.equal(true);
    box.click();
    await waitFor(() => said.polite.some((t) => t.includes('Simulated agent turned off')), 'off');
    expect(box.checked).to.equal(false);
  });
});

describe('agent console: reconnecting', () => {
  after(async () => {
    await stopReferenceServers();
  });

  it('says the connection was lost, reconnects with the same name and team, and says so', async () => {
    await loadStyles();
    const endpoint = await startReferenceServer({ replyDelay: 5, simulatedAgent: false });
    const port = Number(new URL(endpoint).port);
    const el = await mount(endpoint);
    const said = recordAnnouncements(el);
    await signIn(el, 'Robin', 'travel');
    await stopReferenceServers();
    await waitFor(
      () => /Connection lost/.test($(el, '.ac-conn')?.textContent ?? ''),
      'connection lost shown',
    );
    expect(said.assertive.some((t) => t.includes('Connection lost'))).to.equal(true);

    await startReferenceServer({ replyDelay: 5, simulatedAgent: false, port });
    await waitFor(() => $(el, '.ac-conn')?.textContent?.trim() === 'Connected', 'reconnected', 20_000);
    await waitFor(() => said.polite.some((t) => t.includes('Reconnected.')), 'reconnected announced');
    await waitFor(
      () => /Robin, Travel/.test($(el, '.ac-agents')?.textContent ?? ''),
      'signed in again as Robin',
    );
  }).timeout(30_000);
});

describe('demo/agent.html', () => {
  let endpoint: string;
  before(async () => {
    endpoint = await startReferenceServer({ replyDelay: 5, simulatedAgent: false });
  });
  after(async () => {
    await stopReferenceServers();
  });

  it('carries the demo endpoint (a deployment writes its own), has no axe violations and reflows at 320 px', async () => {
    const frame = removeAfterTest(document.createElement('iframe'));
    frame.style.width = '320px';
    frame.style.height = '640px';
    frame.title = 'Agent console page';
    document.body.append(frame);
    await new Promise((resolve) => {
      frame.addEventListener('load', resolve, { once: true });
      frame.src = '/demo/agent.html';
    });
    const doc = frame.contentDocument!;
    const el = await waitFor(
      () => doc.querySelector('agent-console')?.querySelector('input') && doc.querySelector('agent-console'),
      'the console',
    );
    expect(el.getAttribute('endpoint')).to.equal('ws://127.0.0.1:8787/chat');
    expect(el.agentUrl).to.equal('ws://127.0.0.1:8787/agent');
    // The test's server, written where a deployment writes its own (the page's address cannot).
    el.setAttribute('endpoint', endpoint);
    expect(el.agentUrl).to.equal(endpoint.replace(/\/chat$/, '/agent'));
    expect(await axeInFrame(frame)).to.deep.equal([]);

    el.querySelector<HTMLInputElement>('input[name="name"]')!.value = 'Kim';
    el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(() => doc.activeElement?.textContent === 'Waiting customers', 'signed in');
    const customer = closeAfterTest(await Customer.queued(endpoint));
    await waitFor(() => el.querySelector('.ac-card button'), 'a waiting customer');
    el.querySelector<HTMLButtonElement>('.ac-card button')!.click();
    await waitFor(() => el.querySelector('[role="log"] li'), 'the conversation');
    await customer.event((e) => e.notice?.code === 'agent-joined', 'joined');

    const root = doc.documentElement;
    expect(root.scrollWidth, 'no horizontal scrolling at 320 px').to.be.at.most(root.clientWidth);
    for (const button of el.querySelectorAll('button:not(dialog button)')) {
      const box = button.getBoundingClientRect();
      expect(box.height, `${button.textContent?.trim()} height`).to.be.at.least(24);
      expect(box.width, `${button.textContent?.trim()} width`).to.be.at.least(24);
    }
    expect(await axeInFrame(frame)).to.deep.equal([]);
  });
});

/** The console page in a frame, once its console has rendered. */
async function openConsolePage(src: string): Promise<{ frame: HTMLIFrameElement; el: AgentConsoleElement }> {
  const frame = removeAfterTest(document.createElement('iframe'));
  frame.style.width = '900px';
  frame.style.height = '800px';
  frame.title = 'Agent console page';
  document.body.append(frame);
  await new Promise((resolve) => {
    frame.addEventListener('load', resolve, { once: true });
    frame.src = src;
  });
  const doc = frame.contentDocument!;
  const el = await waitFor(
    () => doc.querySelector('agent-console')?.querySelector('input') && doc.querySelector('agent-console'),
    'the console',
  );
  return { frame, el };
}

/** What reached a `ws-listener-start` server: one entry per connection, with its text frames. */
async function listenerReceived(url: string): Promise<{ path: string; frames: string[] }[]> {
  const received = await executeServerCommand<{ path: string; frames: string[] }[] | null, { url: string }>(
    'ws-listener-received',
    { url },
  );
  if (!received) throw new Error(`no listener at ${url}`);
  return received;
}

function text(element: Element | null | undefined): string {
  return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

describe('demo/agent.html: the passcode goes only to the configured server (issue 22, finding 3)', () => {
  const secret = 'console-passcode-issue22-finding3';
  /** The deployment's server, which asks for the passcode. */
  let configured: string;
  /** A server that only listens: what a phishing link's `?endpoint=` would name. */
  let attacker: string;

  before(async () => {
    await loadStyles();
    configured = await startReferenceServer({ replyDelay: 5, simulatedAgent: false, agentSecret: secret });
    const listener = await executeServerCommand<{ url: string }, undefined>('ws-listener-start');
    if (!listener?.url) throw new Error('the listener did not start');
    attacker = listener.url;
  });
  after(async () => {
    await stopReferenceServers();
    await executeServerCommand('ws-listener-stop');
  });

  function signInWith(el: AgentConsoleElement, name: string, passcode: string): void {
    el.querySelector<HTMLInputElement>('input[name="name"]')!.value = name;
    el.querySelector<HTMLInputElement>('input[name="passcode"]')!.value = passcode;
    el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  }

  it('ignores ?endpoint=: signs in at its configured server, and nothing reaches the named one', async () => {
    const { el } = await openConsolePage(
      `/demo/agent.html?endpoint=${encodeURIComponent(`${attacker}/agent`)}`,
    );
    // What the deployment writes in the page (here the test's server): the address cannot change it.
    el.setAttribute('endpoint', configured);
    expect(el.querySelector('.ac-devmode'), 'no development-mode notice').to.equal(null);

    signInWith(el, 'Kim', secret);
    // The sign-in ends at one server or the other: signed in, or something reached the listener.
    for (;;) {
      if (text(el.querySelector('.ac-conn')) === 'Connected') break;
      if ((await listenerReceived(attacker)).length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await listenerReceived(attacker), 'what reached the server the address named').to.deep.equal([]);
    expect(text(el.querySelector('.ac-conn')), 'signed in at the configured server').to.equal('Connected');
    expect(el.agentUrl).to.equal(configured.replace(/\/chat$/, '/agent'));
    expect(el.querySelector('.ac-devmode')).to.equal(null);
    expect(el.textContent).to.not.include(attacker);
  });

  it('in development mode: talks to the server ?endpoint= names, says so on screen, never sends it the passcode', async () => {
    const other = await serverForTest({ replyDelay: 5, simulatedAgent: false });
    const otherAgent = other.replace(/\/chat$/, '/agent');
    const configuredAgent = configured.replace(/\/chat$/, '/agent');
    await recordWireFrames();
    const { frame, el } = await openConsolePage(`/demo/agent.html?endpoint=${encodeURIComponent(other)}`);
    el.setAttribute('endpoint', configured);
    // What `DEMO_CONSOLE_DEV=on npm start` writes into the page (vite.config.ts): the URL alone cannot.
    el.toggleAttribute('dev-endpoint-from-query', true);
    await el.updateComplete;
    expect(el.agentUrl).to.equal(otherAgent);

    // The notice: text under the sign-in heading, before the form, visible, not a live region.
    const notice = el.querySelector<HTMLElement>('.ac-signin .ac-devmode')!;
    expect(text(notice)).to.equal(
      `Development mode: this console talks to ${otherAgent}, the server named in the page's address, ` +
        `not its configured server ${configuredAgent}. It sends that server no passcode.`,
    );
    const heading = el.querySelector('.ac-signin h2')!;
    const form = el.querySelector('.ac-signin form')!;
    expect(heading.compareDocumentPosition(notice) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(notice.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    const box = notice.getBoundingClientRect();
    expect(box.width > 0 && box.height > 0, 'the notice is on screen').to.equal(true);
    expect(notice.closest('[aria-live]'), 'not a live region').to.equal(null);
    const passcode = el.querySelector<HTMLInputElement>('input[name="passcode"]')!;
    const hint = frame.contentDocument!.getElementById(
      passcode.getAttribute('aria-describedby')!.split(' ')[0]!,
    )!;
    expect(text(hint)).to.match(/^Leave it empty: in development mode, the passcode is not sent/);
    expect(await axeInFrame(frame)).to.deep.equal([]);

    // A passcode typed here is refused on its field; nothing is sent anywhere.
    signInWith(el, 'Lee', secret);
    await waitFor(() => passcode.getAttribute('aria-invalid') === 'true', 'the passcode refused');
    const error = frame.contentDocument!.getElementById(
      passcode.getAttribute('aria-describedby')!.split(' ')[1]!,
    )!;
    expect(text(error)).to.equal(
      `Error: Development mode: the passcode goes only to this console's configured server, not to ${otherAgent}. ` +
        'Empty this field to sign in there without one.',
    );
    await waitFor(() => frame.contentDocument!.activeElement === passcode, 'focus on the passcode');
    expect(await wireFramesSent(otherAgent)).to.deep.equal([]);
    expect(await wireFramesSent(configuredAgent)).to.deep.equal([]);

    // Without one, it signs in there; the bar keeps saying which server and that it is development mode.
    signInWith(el, 'Lee', '');
    await waitFor(() => text(el.querySelector('.ac-conn')) === 'Connected', 'signed in at the named server');
    // The recorder's reports come on a channel of their own and may lag behind the socket.
    let hello: Record<string, unknown> | undefined;
    for (let tries = 0; hello === undefined && tries < 200; tries++) {
      hello = (await wireFramesSent(otherAgent))
        .map((payload) => JSON.parse(payload) as Record<string, unknown>)
        .find((frame) => frame['type'] === 'agent-hello');
      if (hello === undefined) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(hello, 'the agent-hello').to.not.equal(undefined);
    expect(hello).to.not.have.property('secret');
    expect((await wireFramesSent(otherAgent)).join('\n')).to.not.include(secret);
    expect(text(el.querySelector('.ac-bar .ac-devmode'))).to.equal(
      `Development mode: server ${otherAgent}, from the page's address (no passcode sent)`,
    );
    expect(await axeInFrame(frame)).to.deep.equal([]);
    expect(await listenerReceived(attacker)).to.deep.equal([]);
  }).timeout(30_000);
});
