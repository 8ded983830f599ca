// The print view of an ended chat (issue 24, item 11): a document of its own with a title that
// names the chat once, in the conversation's language, styled for reading and printing (system
// font, who said what and when), built without markup strings, inline styles or scripts, so a
// strict Content Security Policy allows it (test/e2e/csp.test.ts runs it under one).
import { expect } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import { axeInFrame, waitFor } from '../support/helpers.js';
import { scriptedChat } from '../support/scripted-chat.js';

const CASE = 'AMX-4KF7-Q2ZD';
const SUMMARY = 'Duplicate charge disputed.\nA temporary credit posts within 2 business days.';

const SAYS = {
  en: {
    greeting: 'Hi, how can I help?',
    assistant: 'Virtual assistant',
    customer: 'You',
    agent: 'Maria, live agent',
    notice: 'Notice',
    title: 'Customer Care chat transcript',
    reference: 'Reference number',
  },
  es: {
    greeting: 'Hola, ¿en qué te ayudo?',
    assistant: 'Asistente virtual',
    customer: 'Usted',
    agent: 'Maria, agente',
    notice: 'Aviso',
    title: 'Transcripción del chat de Atención al cliente',
    reference: 'Número de referencia',
  },
};

/** An ended chat: a greeting, the customer's two-line message, an agent's answer, the case. */
async function endedChat(lang: 'en' | 'es', heading?: string): Promise<AmexChatElement> {
  const says = SAYS[lang];
  const { el, server } = await scriptedChat({
    greeting: { from: 'assistant', name: says.assistant, text: says.greeting },
    lang,
    heading,
    idleTimeout: 0,
  });
  server.event({ from: 'customer', name: '', text: 'My card was charged twice\nfor one coffee' });
  server.event({ from: 'agent', name: 'Maria', text: 'I have disputed the second charge.' });
  server.event({
    kind: 'notice',
    from: 'system',
    name: '',
    text: 'The chat has ended.',
    notice: { code: 'ended', caseNumber: CASE, summary: SUMMARY },
  });
  await waitFor(() => el.shadowRoot!.querySelector('#print'), 'the Print transcript button');
  return el;
}

const views: Window[] = [];
afterEach(() => {
  for (const view of views.splice(0)) view.close();
});

/** Presses Print transcript and returns the view it opened (with the print dialog stubbed). */
function printView(el: AmexChatElement): { view: Window; printed: () => number } {
  const opened: Window[] = [];
  let printed = 0;
  const open = window.open.bind(window);
  window.open = (...args: Parameters<typeof window.open>) => {
    const view = open(...args);
    if (view) {
      view.print = () => {
        printed += 1;
      };
      opened.push(view);
    }
    return view;
  };
  try {
    el.shadowRoot!.querySelector<HTMLButtonElement>('#print')!.click();
  } finally {
    window.open = open;
  }
  expect(opened.length, 'the print view').to.equal(1);
  views.push(opened[0]!);
  return { view: opened[0]!, printed: () => printed };
}

describe('<amex-chat>', () => {
  describe('accessibility', () => {
    it('has no axe violations in the print view', async () => {
      const { view } = printView(await endedChat('en'));
      expect(await axeInFrame(view)).to.deep.equal([]);
    });
  });

  describe('print view', () => {
    for (const lang of ['en', 'es'] as const) {
      it(`is titled once, in the conversation's language, and says who said what and when (${lang})`, async () => {
        const says = SAYS[lang];
        const { view, printed } = printView(await endedChat(lang));
        const doc = view.document;
        expect(printed(), 'the print dialog opened once').to.equal(1);
        expect(doc.documentElement.lang).to.equal(lang);
        expect(doc.querySelector('h1')!.textContent).to.equal(says.title);
        // The tab and a saved PDF are named by the title: the chat and its reference number.
        expect(doc.title).to.equal(`${says.title} – ${CASE}`);
        expect(doc.querySelectorAll('h1').length).to.equal(1);
        const facts = [...doc.querySelectorAll('dt')].map((dt) => dt.textContent);
        expect(facts[0]).to.equal(says.reference);
        expect(doc.querySelector('dd')!.textContent).to.equal(CASE);

        const entries = [...doc.querySelectorAll('ol > li')];
        expect(entries.map((li) => li.querySelector('strong')?.textContent)).to.deep.equal([
          says.assistant,
          says.customer,
          says.agent,
          says.notice,
        ]);
        for (const li of entries) {
          const time = li.querySelector('time')!;
          expect(time.textContent, 'a time of day').to.match(/\d{1,2}:\d{2}/);
        }
        const text = entries[1]!.querySelector('p')!;
        expect(text.textContent).to.equal('My card was charged twice\nfor one coffee');
        expect(view.getComputedStyle(text).whiteSpace, 'line breaks kept').to.equal('pre-wrap');
      });
    }

    it('names a host heading once: "<heading> chat transcript"', async () => {
      const { view } = printView(await endedChat('en', 'Platinum Card Concierge'));
      expect(view.document.querySelector('h1')!.textContent).to.equal(
        'Platinum Card Concierge chat transcript',
      );
      expect(view.document.title).to.equal(`Platinum Card Concierge chat transcript – ${CASE}`);
    });

    it('is styled for reading: system font, readable sizes, the sender in bold, times muted', async () => {
      const { view } = printView(await endedChat('en'));
      const doc = view.document;
      const style = (node: Element): CSSStyleDeclaration => view.getComputedStyle(node);
      const body = style(doc.body);
      expect(body.fontFamily).to.match(/^system-ui\b/);
      expect(parseFloat(body.fontSize)).to.be.at.least(16);
      expect(parseFloat(body.lineHeight)).to.be.at.least(parseFloat(body.fontSize) * 1.4);
      expect(parseFloat(body.maxWidth), 'a readable line length').to.be.within(500, 800);
      expect(parseFloat(style(doc.querySelector('h1')!).fontSize)).to.be.greaterThan(
        parseFloat(body.fontSize),
      );
      const entry = doc.querySelector('ol > li')!;
      expect(Number(style(entry.querySelector('strong')!).fontWeight)).to.be.at.least(600);
      expect(style(entry).breakInside, 'an entry is not split across pages').to.equal('avoid');
      expect(style(doc.querySelector('ol')!).listStyleType).to.equal('none');
      expect(style(doc.querySelector('dd:last-of-type')!).whiteSpace).to.equal('pre-wrap');
    });

    it('carries no script, style element or style attribute (a strict CSP allows it)', async () => {
      const { view } = printView(await endedChat('en'));
      const doc = view.document;
      // (Only strings and numbers go to expect: a node of another window would be walked whole.)
      expect(doc.querySelector('script, style, link, [style]')?.outerHTML ?? 'none').to.equal('none');
      expect(doc.adoptedStyleSheets.length).to.equal(1);
    });
  });
});
