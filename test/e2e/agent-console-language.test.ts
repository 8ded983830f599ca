// The agent console speaks two languages at once (issue 24, items 4 and 12): its own words
// (English) and each conversation's (the customer's). Every text node carries the language it is
// in: a Spanish conversation's messages, notices, the summary for the customer and what the live
// regions say of them are `lang="es"`; the console's own words `lang="en"`. Times follow the
// console's locale with the widget's rules (Intl, hour numeric, minute 2-digit).
import { expect } from '@open-wc/testing';
import { axeCheck, waitFor } from '../support/helpers.js';
import {
  $,
  Customer,
  ScriptedAgentServer,
  acceptFirst,
  byText,
  cards,
  composer,
  langOf,
  loadStyles,
  mount,
  recordAnnouncements,
  signIn,
  transcript,
  consoleSuite,
} from '../support/agent-console.js';
import type { Said } from '../support/agent-console.js';

/** The console's text nodes outside its live regions, with their language. */
function consoleTexts(el: HTMLElement): Said[] {
  const found: Said[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    if (text && !node.parentElement?.closest('[data-announcer]')) found.push({ text, lang: langOf(node) });
  }
  return found;
}

/** The pieces whose language is not the expected one: `es` for the conversation's texts, else `en`. */
function mislabelled(pieces: Said[], spanish: Set<string>): string[] {
  return pieces
    .filter((p) => p.lang !== (spanish.has(p.text) ? 'es' : 'en'))
    .map((p) => `${p.lang || '(none)'}: ${p.text}`);
}

describe('agent console: languages (issue 24, item 4)', () => {
  const suite = consoleSuite('Agent console language test');
  const { customers } = suite;

  it('has no axe violations with a Spanish conversation open and its end dialog', async () => {
    const el = await mount(suite.endpoint);
    await signIn(el, 'Alex');
    const cliente = await Customer.queued(suite.endpoint, 'es');
    customers.push(cliente);
    await acceptFirst(el);
    cliente.say('Tengo un cargo que no reconozco');
    await waitFor(
      () => transcript(el).some((t) => t.endsWith('Tengo un cargo que no reconozco')),
      'the message',
    );
    await axeCheck();
    (byText(el, 'button', /^\s*End chat\s*$/) as HTMLButtonElement).click();
    await waitFor(() => $(el, 'dialog[open]'), 'the dialog');
    await axeCheck();
  });

  it("marks a Spanish conversation's messages, notices, summary and announcements es, its own words en", async () => {
    const el = await mount(suite.endpoint);
    const said = recordAnnouncements(el);
    await signIn(el, 'Alex');
    const cliente = await Customer.queued(suite.endpoint, 'es');
    customers.push(cliente);
    const card = await waitFor(() => cards(el)[0], 'the waiting customer');
    expect(card.textContent?.replace(/\s+/g, ' ')).to.match(/Language ?Spanish/);

    await acceptFirst(el);
    await cliente.event((e) => e.notice?.code === 'agent-joined', 'the agent-joined notice');
    const question = 'Tengo un cargo que no reconozco';
    cliente.say(question);
    await waitFor(() => transcript(el).some((t) => t.endsWith(question)), "the customer's message");
    await waitFor(() => said.polite.some((t) => t.includes(question)), 'the message announced');

    const answer = 'Hola, soy Alex. ¿Me dice la fecha y el importe del cargo?';
    const box = composer(el);
    expect(langOf(box), 'what the agent writes to this customer is Spanish').to.equal('es');
    box.value = answer;
    box.dispatchEvent(new Event('input'));
    (byText(el, '.ac-composer button', /Send/) as HTMLButtonElement).click();
    await cliente.event((e) => e.from === 'agent' && e.text === answer, "the agent's message");
    await waitFor(() => !el.querySelector('.ac-msg--pending'), 'the message acknowledged');

    // The end dialog: the summary for the customer (a recap in their language) is Spanish.
    (byText(el, 'button', /^\s*End chat\s*$/) as HTMLButtonElement).click();
    const dialog = await waitFor(() => $(el, 'dialog[open]') as HTMLDialogElement | null, 'the dialog');
    const summary = dialog.querySelector('textarea')!;
    expect(summary.value.length, 'pre-filled with the recap').to.be.greaterThan(0);
    expect(langOf(summary), 'the summary for the customer').to.equal('es');
    expect(langOf(dialog.querySelector('label')!), 'its label').to.equal('en');

    // Everything on screen with a Spanish conversation open, dialog included.
    const spanish = new Set([...cliente.events().map((e) => e.text.trim()), question, answer]);
    expect(mislabelled(consoleTexts(el), spanish)).to.deep.equal([]);
    const shown = consoleTexts(el).filter((p) => p.lang === 'es');
    expect(shown.length, 'Spanish texts found on screen').to.be.at.least(5);
    await axeCheck();

    (byText(dialog, 'button', /Confirm/) as HTMLButtonElement).click();
    const ended = await cliente.event((e) => e.notice?.code === 'ended', 'the ended notice');
    await waitFor(() => transcript(el).some((t) => t.endsWith(ended.text.trim())), 'the ended notice shown');
    spanish.add(ended.text.trim());
    expect(mislabelled(consoleTexts(el), spanish)).to.deep.equal([]);

    // What the live regions said: the customer's words in Spanish, the console's in English.
    const announced = said.pieces.polite.find((pieces) => pieces.some((p) => p.text.includes(question)));
    expect(announced, 'the announcement of the message').to.not.equal(undefined);
    expect(announced).to.deep.include({ text: question, lang: 'es' });
    expect(mislabelled(announced!, spanish)).to.deep.equal([]);
    for (const pieces of [...said.pieces.polite, ...said.pieces.assertive]) {
      expect(mislabelled(pieces, spanish)).to.deep.equal([]);
    }
    await axeCheck();
  });

  it("marks an English conversation's texts en, and the console's own words en on a Spanish page", async () => {
    document.documentElement.lang = 'es';
    try {
      const el = await mount(suite.endpoint);
      const said = recordAnnouncements(el);
      await signIn(el, 'Alex');
      const customer = await Customer.queued(suite.endpoint, 'en');
      customers.push(customer);
      await acceptFirst(el);
      await customer.event((e) => e.notice?.code === 'agent-joined', 'the agent-joined notice');
      customer.say('Hello there');
      await waitFor(() => said.polite.some((t) => t.includes('Hello there')), 'the message announced');
      // No Spanish anywhere: the page's language is not the console's, nor this customer's.
      expect(mislabelled(consoleTexts(el), new Set())).to.deep.equal([]);
      for (const pieces of said.pieces.polite) expect(mislabelled(pieces, new Set())).to.deep.equal([]);
      expect(langOf(composer(el))).to.equal('en');
    } finally {
      document.documentElement.lang = 'en';
    }
  });
});

describe('agent console: times follow the locale (issue 24, item 12)', () => {
  before(async () => {
    await loadStyles();
    document.documentElement.lang = 'en';
  });

  /** 3:07 PM local time: 12-hour and 24-hour clocks write it differently. */
  const at = new Date(2026, 10, 25, 15, 7).getTime();

  async function consoleWithMessage(locale: string, where: 'console' | 'page'): Promise<HTMLElement> {
    const server = new ScriptedAgentServer();
    server.board = {
      type: 'board',
      waiting: [
        {
          conversationId: 'c1',
          lang: 'en',
          team: 'general',
          position: 1,
          since: at,
          summary: 'Customer asks about a charge',
        },
      ],
      agents: [],
      simulate: false,
    };
    server.onFrame = (frame) => {
      if (frame.type !== 'accept') return;
      server.send({
        type: 'assigned',
        conversationId: 'c1',
        lang: 'en',
        team: 'general',
        summary: 'Customer asks about a charge',
        recap: 'We talked about a charge.',
        events: [
          {
            seq: 1,
            id: 'm1',
            kind: 'message',
            from: 'customer',
            name: '',
            text: 'I want to talk to an agent',
            at,
          },
        ],
      });
    };
    const el = await mount('ws://127.0.0.1:9/chat', (console) => {
      console.socketFactory = server.factory;
      if (where === 'console') console.setAttribute('lang', locale);
    });
    if (where === 'page') el.parentElement!.setAttribute('lang', locale);
    await signIn(el, 'Alex');
    await acceptFirst(el);
    return el;
  }

  for (const [locale, where] of [
    ['en-US', 'console'],
    ['en-GB', 'page'],
    ['es', 'console'],
  ] as const) {
    it(`writes a message's time as Intl does for ${locale} (lang on the ${where})`, async () => {
      const el = await consoleWithMessage(locale, where);
      const time = await waitFor(() => el.querySelector('.ac-msg time'), 'the message time');
      const expected = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(at);
      expect(time.textContent?.trim()).to.equal(expected);
      expect(time.getAttribute('datetime')).to.equal(new Date(at).toISOString());
    });
  }

  it('12-hour for en-US, 24-hour for en-GB and es; a change of lang is followed', async () => {
    const format = (locale: string): string =>
      new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(at);
    expect(format('en-US')).to.match(/^3:07\sPM$/);
    expect(format('en-GB')).to.equal('15:07');
    expect(format('es')).to.equal('15:07');
    const el = await consoleWithMessage('en-US', 'page');
    const time = (): string => el.querySelector('.ac-msg time')?.textContent?.trim() ?? '';
    await waitFor(() => time() === format('en-US'), 'en-US');
    el.parentElement!.setAttribute('lang', 'en-GB');
    await waitFor(() => time() === format('en-GB'), 'en-GB after the page changed its lang');
  });
});
