// The background-tab nudge against the reference server, in English and Spanish: the assistant's
// answer arrives while the page is hidden, the title counts it, one notification (permission
// granted by Chromium for the test) says only that a message came, and the customer's return
// gives the title back.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { AmexChatElement } from '../../src/index.js';
import '../../src/define.js';
import { axeCheck, startReferenceServer, stopReferenceServers, waitFor } from '../support/helpers.js';

const PAGE_TITLE = document.title;

function pageIs(state: 'hidden' | 'visible'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

async function permission(setting: 'granted' | 'prompt'): Promise<void> {
  await executeServerCommand('amex-chat-notification-permission', { origin: location.origin, setting });
}

const JOURNEYS = {
  en: {
    ask: 'When is my payment due?',
    title: '(1) New message – Card account',
    notification: 'New message from Customer Care',
  },
  es: {
    ask: '¿Cuándo vence mi pago?',
    title: '(1) Mensaje nuevo – Card account',
    notification: 'Nuevo mensaje de Atención al cliente',
  },
} as const;

describe('<amex-chat> in a background tab, with the reference server', () => {
  const RealNotification = window.Notification;

  // Test files run in parallel tabs, so this one may really be in the background: each test
  // starts with the page reported in front.
  beforeEach(() => pageIs('visible'));

  afterEach(async () => {
    pageIs('visible');
    delete (document as { visibilityState?: string }).visibilityState;
    document.title = PAGE_TITLE;
    Object.defineProperty(window, 'Notification', {
      configurable: true,
      writable: true,
      value: RealNotification,
    });
    await permission('prompt');
    await stopReferenceServers();
  });

  it('has no axe violations with an answer that arrived while hidden', async () => {
    const endpoint = await startReferenceServer({ replyDelay: 5 });
    const el = await fixture<AmexChatElement>(
      html`<amex-chat persist="none" notify endpoint=${endpoint}></amex-chat>`,
    );
    await el.show();
    await waitFor(() => el.shadowRoot!.querySelector('.message.assistant'), 'the greeting');
    pageIs('hidden');
    await el.send(JOURNEYS.en.ask);
    await waitFor(() => el.shadowRoot!.querySelectorAll('.message.assistant').length > 1, 'the answer');
    await axeCheck(el);
  });

  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: the answer that arrives while hidden is counted and notified, without its text`, async () => {
      const journey = JOURNEYS[lang];
      await permission('granted');
      const made: { title: string; options: NotificationOptions }[] = [];
      Object.defineProperty(window, 'Notification', {
        configurable: true,
        writable: true,
        value: class extends RealNotification {
          constructor(title: string, options: NotificationOptions = {}) {
            super(title, options);
            made.push({ title, options });
          }
        },
      });
      document.title = 'Card account';
      const endpoint = await startReferenceServer({ replyDelay: 5 });
      const el = await fixture<AmexChatElement>(
        html`<amex-chat persist="none" notify lang=${lang} endpoint=${endpoint}></amex-chat>`,
      );
      await el.show();
      await waitFor(() => el.shadowRoot!.querySelector('.message.assistant'), 'the greeting');
      const answers = (): Element[] => [...el.shadowRoot!.querySelectorAll('.message.assistant')];
      const before = answers().length;
      pageIs('hidden');
      await el.send(journey.ask);
      await waitFor(() => answers().length > before, 'the answer');
      const answer = answers().at(-1)!.querySelector('.bubble')!.textContent;
      expect(document.title).to.equal(journey.title);
      expect(made.map((n) => n.title)).to.deep.equal([journey.notification]);
      expect(made[0]!.options.body ?? '').to.equal('');
      // Not a word of the answer, nor of the question, outside the page.
      const outside = `${document.title} ${JSON.stringify(made)}`;
      for (const word of `${answer} ${journey.ask}`.split(/\s+/).filter((w) => w.length > 5))
        expect(outside).not.to.include(word);
      pageIs('visible');
      expect(document.title).to.equal('Card account');
    });
  }
});
