// The whole journey a cardmember and an agent take (issue 26, "how it is checked"), in English
// and in Spanish: the demo page (demo/index.html, demo/es.html) against the real reference
// server; the customer asks for something the assistant does only with its details and a yes,
// then for a person; the agent console, signed in with the conversation's language and team,
// takes the chat, both sides write, the chat is transferred with a note or ended with the
// summary, and the customer sees the end card with the case number. Every visible text (the
// widget's transcript and end card; the console's board, header, transcript and End-chat
// dialog) is checked against the server's record of that conversation (`/debug/conversations`):
// nothing is claimed that the record lacks, and both sides show the record's case number.
import { expect } from '@open-wc/testing';
import type { AgentConsoleElement } from '../../demo/agent-console.js';
import type { AmexChatElement } from '../../src/index.js';
import { axeCheck, axeInFrame, waitFor } from '../support/helpers.js';
import { storedConversations } from '../support/debug-hooks.js';
import { desktopPage, removeAfterTest } from '../support/page.js';
import {
  $,
  acceptFirst,
  byText,
  cards,
  composer,
  consoleSuite,
  mount,
  transcript,
} from '../support/agent-console.js';

/** A fact of the assistant's record (server/assistant/types.ts `Fact`), as the debug hook gives it. */
interface Fact {
  kind: string;
  intent?: string;
  details?: Record<string, string>;
  team?: string;
  name?: string;
  note?: string | null;
  summary?: string;
}

/** One conversation as the server holds it (`GET /debug/conversations`). */
interface Held {
  lang: string;
  account: string | null;
  topic: string | null;
  team: string;
  caseNumber: string | null;
  summary: string | null;
  events: { kind: string; from?: string; text?: string; notice?: { code: string; agent?: string } }[];
  record: Fact[];
  /** The board line of the record (server/assistant/record.ts `summaryOf`). */
  recordSummary: string;
  /** The end summary built from the record (`recapOf`): the End-chat prefill. */
  recap: string;
}

/** The one conversation `agent` took, as the server holds it now. */
async function held(endpoint: string, agent: string): Promise<Held> {
  const all = await storedConversations<Held>(endpoint);
  const found = all.filter((c) => c.record.some((f) => f.kind === 'agent' && f.name === agent));
  expect(found, `one conversation taken by ${agent}`).to.have.length(1);
  return found[0]!;
}

/**
 * What a text claims was done: the action (`lock` also for the lock that comes with a lost or
 * stolen card or urgent fraud), and the card or the charge it names ('' when it names none).
 */
function claims(text: string): { intent: string; about: string }[] {
  const found: { intent: string; about: string }[] = [];
  const patterns: [string, RegExp][] = [
    ['lock', /card ending in (\d{4}) (?:is|was) locked/gi],
    ['lock', /Card ending in (\d{4}) locked/g],
    ['lock', /tarjeta terminada en (\d{4}) (?:está bloqueada|se bloqueó)/gi],
    ['dispute', /opened a dispute for (.+?), and/gi],
    ['dispute', /A dispute was opened for (.+?)\.(?:\s|$)/g],
    ['dispute', /Your dispute for (.+?) is open/g],
    ['dispute', /Dispute opened: ([^;]+?)(?:;|$| \(Spanish\))/g],
    ['dispute', /Abrí una disputa por el cargo de (.+?) y/g],
    ['dispute', /Se abrió una disputa por el cargo de (.+?)\.(?:\s|$)/g],
    ['dispute', /Su disputa por el cargo de (.+?) está abierta/g],
    ['lost-stolen', /replacement (?:with a new number )?(?:is on its way|was sent)()/gi],
    ['lost-stolen', /reemplazo (?:con un número nuevo )?(?:va en camino|se envió)()/gi],
  ];
  for (const [intent, re] of patterns)
    for (const m of text.matchAll(re)) found.push({ intent, about: m[1]! });
  return found;
}

/**
 * Every claim of every text is a done fact of the record, about the same card or charge.
 * Returns how many claims were checked.
 */
function onlyRecordedClaims(texts: readonly string[], record: readonly Fact[]): number {
  const done = record.filter((f) => f.kind === 'done');
  const locks = ['lock', 'lost-stolen', 'urgent-fraud'];
  let checked = 0;
  for (const text of texts) {
    for (const claim of claims(text)) {
      checked += 1;
      const fact = done.find((f) =>
        claim.intent === 'lock'
          ? locks.includes(f.intent!) && f.details?.['last4'] === claim.about
          : f.intent === claim.intent,
      );
      expect(fact, `"${text}" claims a ${claim.intent} the record lacks`).to.exist;
      if (claim.intent === 'dispute')
        for (const value of Object.values(fact!.details ?? {})) expect(claim.about, text).to.include(value);
    }
  }
  return checked;
}

// ---- the customer's side: the demo page and its chat

/** The demo page in a desktop-sized frame (`pageFrame`), its chat pointed at `endpoint` and opened. */
let pageFrame: HTMLIFrameElement;
async function demoPage(src: string, endpoint: string): Promise<AmexChatElement> {
  const frame = removeAfterTest(await desktopPage(src));
  pageFrame = frame;
  const doc = frame.contentDocument!;
  const el = await waitFor(
    () =>
      doc.querySelector<AmexChatElement>('amex-chat')?.shadowRoot &&
      doc.querySelector<AmexChatElement>('amex-chat'),
    'the chat element',
  );
  el.setAttribute('endpoint', endpoint);
  // The page's own "Chat with us" button opens it, as a cardmember would.
  doc.querySelector<HTMLButtonElement>('[data-open-chat]')!.click();
  await waitFor(() => el.shadowRoot!.querySelector('#input'), 'the open panel');
  await waitFor(() => bubbles(el, 'assistant').length >= 1, 'the greeting');
  return el;
}

function bubbles(el: AmexChatElement, from?: string): string[] {
  return [...el.shadowRoot!.querySelectorAll(`.message${from ? `.${from}` : ''} .bubble`)].map(
    (b) => b.textContent?.trim() ?? '',
  );
}

/** The widget's transcript: who said each message (its class) and what. */
function widgetTranscript(el: AmexChatElement): { from: string; text: string }[] {
  return [...el.shadowRoot!.querySelectorAll('.message')].map((m) => ({
    from: ['customer', 'assistant', 'agent', 'system'].find((c) => m.classList.contains(c)) ?? '',
    text: m.querySelector('.bubble')?.textContent?.trim() ?? '',
  }));
}

/** Types into the widget's message box and sends with its button. */
async function type(el: AmexChatElement, text: string): Promise<void> {
  const input = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#input')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  el.shadowRoot!.querySelector<HTMLButtonElement>('button.send')!.click();
  await waitFor(() => bubbles(el, 'customer').includes(text), `"${text}" in the transcript`);
}

/** Sends `text` and returns the assistant's answer to it. */
async function ask(el: AmexChatElement, text: string): Promise<string> {
  const before = bubbles(el, 'assistant').length;
  await type(el, text);
  await waitFor(() => bubbles(el, 'assistant').length > before, `the answer to "${text}"`);
  return bubbles(el, 'assistant').at(-1)!;
}

/** Clicks the quick reply `label` under the newest message and returns the answer. */
async function choose(el: AmexChatElement, label: string): Promise<string> {
  const before = bubbles(el, 'assistant').length;
  const button = await waitFor(
    () =>
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.quick-replies button')].find(
        (b) => b.textContent?.trim() === label,
      ),
    `the quick reply "${label}"`,
  );
  button.click();
  await waitFor(() => bubbles(el, 'assistant').length > before, `the answer to "${label}"`);
  return bubbles(el, 'assistant').at(-1)!;
}

interface EndCard {
  caseNumber: string;
  summary: string;
}

async function endCard(el: AmexChatElement): Promise<EndCard> {
  const caseNumber = await waitFor(
    () => el.shadowRoot!.querySelector('#case-number')?.textContent?.trim(),
    'the end card',
  );
  return { caseNumber, summary: text(el.shadowRoot!.querySelector('#case-summary')) };
}

// ---- the agent's side: the console

/** Signs in with a name, a team and the one language the agent chats in. */
async function signInAs(
  el: AgentConsoleElement,
  name: string,
  team: string,
  lang: 'en' | 'es',
): Promise<void> {
  ($(el, 'input[name="name"]') as HTMLInputElement).value = name;
  ($(el, 'select[name="team"]') as HTMLSelectElement).value = team;
  for (const box of el.querySelectorAll<HTMLInputElement>('input[name="languages"]')) {
    box.checked = box.value === lang;
    box.dispatchEvent(new Event('change', { bubbles: true }));
  }
  ($(el, 'button[type="submit"]') as HTMLButtonElement).click();
  await waitFor(() => /Connected/.test($(el, '.ac-conn')?.textContent ?? ''), 'signed in');
}

function text(node: Element | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The agent writes in the console and sends; the customer's widget shows it. */
async function agentSays(el: AgentConsoleElement, chat: AmexChatElement, words: string): Promise<void> {
  const box = composer(el);
  box.value = words;
  box.dispatchEvent(new Event('input'));
  ($(el, '.ac-composer button') as HTMLButtonElement).click();
  await waitFor(() => bubbles(chat, 'agent').includes(words), 'the agent message in the widget');
}

/** The customer writes in the widget; the console shows it. */
async function customerSays(chat: AmexChatElement, el: AgentConsoleElement, words: string): Promise<void> {
  await type(chat, words);
  await waitFor(() => transcript(el).some((t) => t.endsWith(words)), 'the customer message on the console');
}

/** Opens the End-chat dialog and returns it with its prefilled summary. */
async function endDialog(el: AgentConsoleElement): Promise<{ dialog: HTMLDialogElement; prefill: string }> {
  (byText(el, 'button', /^\s*End chat\s*$/) as HTMLButtonElement).click();
  const dialog = $(el, 'dialog') as HTMLDialogElement;
  await waitFor(() => dialog.open, 'the End-chat dialog');
  return { dialog, prefill: dialog.querySelector('textarea')!.value };
}

/** The console's board card and conversation header, as the agent reads them. */
interface ConsoleView {
  card: string;
  header: string;
}

const LANGUAGE: Record<string, string> = { en: 'English', es: 'Spanish' };
const TEAM: Record<string, string> = { general: 'General', disputes: 'Disputes' };

// ---- the checks against the record

/**
 * The widget's transcript is the server's events: each message with its text, in order, and a
 * notice for each notice (the widget words them in the customer's language), naming the agent
 * who joined and, at the end, the record's case number and summary.
 */
function expectTranscriptIsTheRecord(chat: AmexChatElement, h: Held): void {
  const shown = widgetTranscript(chat);
  const events = h.events.filter((e) => e.kind === 'message' || e.kind === 'notice');
  expect(shown.map((m) => (m.from === 'system' ? 'notice' : `${m.from}: ${m.text}`))).to.deep.equal(
    events.map((e) => (e.kind === 'notice' ? 'notice' : `${e.from}: ${e.text}`)),
  );
  for (const [i, e] of events.entries()) {
    const said = shown[i]!.text;
    if (e.notice?.code === 'agent-joined') expect(said).to.include(e.notice.agent!);
    if (e.notice?.code === 'ended') {
      expect(said).to.include(h.caseNumber!);
      expect(said).to.include(h.summary!);
    }
  }
  expect(events.filter((e) => e.notice?.code === 'ended')).to.have.length(1);
}

/** Each message line of the console's transcript is the server's message, in order. */
function expectConsoleTranscriptIsTheRecord(lines: readonly string[], h: Held): void {
  const messages = h.events.filter((e) => e.kind === 'message');
  const shown = lines.filter((l) => !l.startsWith('Notice,'));
  expect(shown).to.have.length(messages.length);
  expect(lines.length - shown.length, 'a notice line per notice').to.equal(
    h.events.filter((e) => e.kind === 'notice').length,
  );
  for (const [i, line] of shown.entries()) expect(line.endsWith(messages[i]!.text!), line).to.equal(true);
}

/** The board card and the header: language, team, account, topic and the record's board line. */
function expectConsoleIsTheRecord(view: ConsoleView, h: Held, team: string, topicLine: string): void {
  const line = `Summary: Asked for an agent about ${topicLine}. ${h.recordSummary}`;
  expect(view.card).to.include(`Language ${LANGUAGE[h.lang]!}`);
  expect(view.card).to.include(`Team ${TEAM[team]!}`);
  expect(view.card).to.include(`Account ${h.account!}`);
  expect(view.card).to.include(`Asked about ${topicLine}`);
  expect(view.card).to.include(line);
  expect(view.header).to.equal(line);
}

describe('journeys: the demo page, the agent console and the case number', () => {
  const suite = consoleSuite('Journey test', { debug: true });

  beforeEach(() => {
    // The demo page keeps its conversation for the tab (persist="session"): each journey starts anew.
    sessionStorage.clear();
  });

  it('has no axe violations on the demo page and the console once the agent has ended the chat', async () => {
    const chat = await demoPage('/demo/index.html', suite.endpoint);
    const kim = await mount(suite.endpoint);
    await signInAs(kim, 'Kim', 'general', 'en');
    await ask(chat, 'I want to talk to an agent');
    await acceptFirst(kim);
    await agentSays(kim, chat, 'Hi, this is Kim.');
    const { dialog } = await endDialog(kim);
    (byText(dialog, 'button', /Confirm/) as HTMLButtonElement).click();
    await endCard(chat);
    await waitFor(() => text($(kim, '.ac-case__number')), 'the case number on the console');
    expect(await axeInFrame(pageFrame)).to.deep.equal([]);
    await axeCheck(kim);
  });

  it('the claim check fails on a claim the record lacks', () => {
    const record: Fact[] = [{ kind: 'done', intent: 'lock', details: { last4: '1005' } }];
    expect(onlyRecordedClaims(['Done. The card ending in 1005 is locked.'], record)).to.equal(1);
    expect(() => onlyRecordedClaims(['The card ending in 2002 was locked.'], record)).to.throw();
    expect(() => onlyRecordedClaims(['Dispute opened: $20.00 at ACME on 08/15'], record)).to.throw();
    expect(() => onlyRecordedClaims(['Se abrió una disputa por el cargo de $5.00 en X.'], record)).to.throw();
    expect(() => onlyRecordedClaims(['A replacement with a new number is on its way.'], record)).to.throw();
    const dispute: Fact[] = [
      { kind: 'done', intent: 'dispute', details: { amount: '$20.00', merchant: 'ACME', date: '08/15' } },
    ];
    expect(onlyRecordedClaims(['Dispute opened: $20.00 at ACME on 08/15'], dispute)).to.equal(1);
    expect(() => onlyRecordedClaims(['Dispute opened: $25.00 at ACME on 08/15'], dispute)).to.throw();
  });

  it('English: a card locked after the yes, an agent, the end summary and the case number', async () => {
    const chat = await demoPage('/demo/index.html', suite.endpoint);
    // Nothing is done before the card and the yes.
    expect(await ask(chat, 'I want to lock my card')).to.match(/tell me only its last four digits/);
    expect(await ask(chat, '1005')).to.match(/^I'll lock the card ending in 1005: .* Shall I lock it\?/);
    expect(await choose(chat, 'Yes')).to.match(/^Done\. The card ending in 1005 is locked/);

    const ana = await mount(suite.endpoint);
    await signInAs(ana, 'Ana', 'general', 'en');
    await ask(chat, 'I want to talk to an agent');
    const card = text(await waitFor(() => cards(ana)[0], 'the waiting customer'));
    await acceptFirst(ana);
    await waitFor(() => bubbles(chat, 'system').some((t) => t.includes('Ana')), 'the agent joining');
    await agentSays(ana, chat, 'Hi, this is Ana. How can I help you today?');
    await customerSays(chat, ana, 'Thanks, the lock was all I needed');
    const header = text($(ana, '.ac-pane__summary'));

    const { dialog, prefill } = await endDialog(ana);
    const before = await held(suite.endpoint, 'Ana');
    // The prefill is the record's summary, this agent included; sent as it is.
    expect(prefill).to.equal(before.recap);
    expect(prefill).to.match(
      /The card ending in 1005 was locked\..* You chatted with Ana from the general team\.$/,
    );
    (byText(dialog, 'button', /Confirm/) as HTMLButtonElement).click();

    const end = await endCard(chat);
    const consoleCase = await waitFor(
      () => text($(ana, '.ac-case__number')),
      'the case number on the console',
    );
    const h = await held(suite.endpoint, 'Ana');
    expect(h.caseNumber).to.match(/^AMX-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(end.caseNumber).to.equal(h.caseNumber);
    expect(consoleCase).to.equal(h.caseNumber);
    expect(end.summary).to.equal(h.summary);
    expect(h.record.filter((f) => f.kind === 'done' || f.kind === 'agent')).to.deep.equal([
      { kind: 'done', intent: 'lock', details: { last4: '1005' } },
      { kind: 'agent', name: 'Ana', team: 'general' },
    ]);
    // "The lock was all I needed", told to Ana, is kept as the lock asked about again; the
    // summaries still say it was done, and nothing about it left undone.
    expect(h.record.filter((f) => f.kind === 'started')).to.deep.equal([
      { kind: 'started', intent: 'lock', details: {} },
    ]);
    expect(end.summary).not.to.match(/not completed|nothing done/);
    expect(h.record.at(-1)).to.deep.equal({ kind: 'agent-summary', summary: prefill });
    expect([h.lang, h.account, h.topic, h.team]).to.deep.equal(['en', '1005', 'lock', 'general']);

    expectTranscriptIsTheRecord(chat, h);
    expectConsoleTranscriptIsTheRecord(transcript(ana), h);
    expectConsoleIsTheRecord({ card, header }, h, 'general', 'locking their card');
    const seen = [...bubbles(chat), end.summary, card, header, prefill, ...transcript(ana)];
    expect(onlyRecordedClaims(seen, h.record)).to.be.greaterThan(4);
    // Where the journey ends, the page with its end card and the console pass axe.
    expect(await axeInFrame(pageFrame)).to.deep.equal([]);
    await axeCheck(ana);
  });

  it('Spanish: a dispute with its details and the sí, a transfer with a note, the summary and the case number', async () => {
    const chat = await demoPage('/demo/es.html', suite.endpoint);
    expect(await ask(chat, 'Quiero disputar un cargo')).to.match(/Dígame el comercio, la fecha y el importe/);
    expect(await ask(chat, 'Bella Trattoria, 15 de noviembre, $67.06')).to.match(
      /^Voy a disputar el cargo de \$67\.06 en Bella Trattoria del 15 de noviembre\. ¿Desea que la abra\?/,
    );
    expect(await choose(chat, 'Sí')).to.match(/^Listo\. Abrí una disputa por el cargo de \$67\.06/);

    // A Spanish-speaking disputes agent takes it; they transfer it, with a note, to general.
    const lucia = await mount(suite.endpoint);
    await signInAs(lucia, 'Lucía', 'disputes', 'es');
    await ask(chat, 'Quiero hablar con un agente');
    const card = text(await waitFor(() => cards(lucia)[0], 'the waiting customer'));
    await acceptFirst(lucia);
    await waitFor(() => bubbles(chat, 'system').some((t) => t.includes('Lucía')), 'the agent joining');
    await agentSays(lucia, chat, 'Hola, soy Lucía. Ya veo su disputa abierta.');
    await customerSays(chat, lucia, '¿Me pueden ayudar también con mi dirección?');
    const header = text($(lucia, '.ac-pane__summary'));
    const before = await held(suite.endpoint, 'Lucía');
    expectConsoleIsTheRecord({ card, header }, before, 'disputes', 'a charge they want to dispute');

    const mateo = await mount(suite.endpoint);
    await signInAs(mateo, 'Mateo', 'general', 'es');
    const select = $(lucia, '.ac-transfer select[name="team"]') as HTMLSelectElement;
    select.value = 'general';
    select.dispatchEvent(new Event('change'));
    const note = $(lucia, 'textarea[name="note"]') as HTMLTextAreaElement;
    note.value = 'Quiere cambiar su dirección';
    note.dispatchEvent(new Event('input'));
    (byText(lucia, '.ac-transfer button', /^\s*Transfer\s*$/) as HTMLButtonElement).click();

    const nextCard = text(
      await waitFor(
        () => cards(mateo).find((c) => /Transferred from ?Disputes/.test(text(c))),
        "the transfer on the next team's board",
      ),
    );
    await acceptFirst(mateo);
    await waitFor(() => bubbles(chat, 'system').some((t) => t.includes('Mateo')), 'the next agent joining');
    await agentSays(mateo, chat, 'Hola, soy Mateo. Con gusto le ayudo con su dirección.');
    await customerSays(chat, mateo, 'Gracias, eso es todo por ahora');
    const nextHeader = text($(mateo, '.ac-pane__summary'));
    const { dialog, prefill } = await endDialog(mateo);
    const atEnd = await held(suite.endpoint, 'Mateo');
    expect(prefill).to.equal(atEnd.recap);
    (byText(dialog, 'button', /Confirm/) as HTMLButtonElement).click();

    const end = await endCard(chat);
    const consoleCase = await waitFor(
      () => text($(mateo, '.ac-case__number')),
      'the case number on the console',
    );
    const h = await held(suite.endpoint, 'Mateo');
    expect(end.caseNumber).to.equal(h.caseNumber);
    expect(consoleCase).to.equal(h.caseNumber);
    expect(end.summary).to.equal(h.summary);
    expect(h.record.filter((f) => f.kind !== 'agent-summary')).to.deep.equal([
      {
        kind: 'done',
        intent: 'dispute',
        details: { amount: '$67.06', date: '15 de noviembre', merchant: 'Bella Trattoria' },
      },
      { kind: 'agent', name: 'Lucía', team: 'disputes' },
      { kind: 'transfer', team: 'general', note: 'Quiere cambiar su dirección' },
      { kind: 'agent', name: 'Mateo', team: 'general' },
    ]);
    expect([h.lang, h.account, h.topic, h.team]).to.deep.equal(['es', '1005', 'dispute', 'general']);
    // The customer's summary, in Spanish, says who they chatted with and the transfer, never the note.
    expect(end.summary).to.match(
      /^Hablamos de la disputa de un cargo\. Se abrió una disputa por el cargo de \$67\.06 en Bella Trattoria del 15 de noviembre\./,
    );
    expect(end.summary).to.include(
      'Conversó con Lucía, del equipo de disputas. Se le transfirió al equipo de atención general. Conversó con Mateo, del equipo de atención general.',
    );
    expect(
      widgetTranscript(chat)
        .map((m) => m.text)
        .join(' '),
    ).not.to.include('Quiere cambiar');
    // The next team reads the note on the board and in the header.
    expect(nextCard).to.include('Transferred to general: Quiere cambiar su dirección');
    expect(nextHeader).to.include('Transferred to general: Quiere cambiar su dirección');
    expect(nextHeader).to.include(h.recordSummary);

    expectTranscriptIsTheRecord(chat, h);
    expectConsoleTranscriptIsTheRecord(transcript(mateo), h);
    const seen = [
      ...bubbles(chat),
      end.summary,
      card,
      header,
      nextCard,
      nextHeader,
      prefill,
      ...transcript(mateo),
    ];
    expect(onlyRecordedClaims(seen, h.record)).to.be.greaterThan(4);
    expect(await axeInFrame(pageFrame)).to.deep.equal([]);
    await axeCheck(mateo);
  });
});
