// Issue 23, item 7: the widget's language comes from the platform. `lang` is found up the tree
// through shadow roots (a host component's `lang` counts), a change of it on the page is followed
// without re-creating the element, times, numbers, plurals and lists are Intl's for the whole tag
// ("en-GB" is 24-hour), and a language without a catalogue is English with one warning per page.
import { expect, fixture, html } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import '../../src/define.js';
import { axeCheck, waitFor } from '../support/helpers.js';
import { GREETING, part, scriptedChat } from '../support/scripted-chat.js';

const launcherText = (el: AmexChatElement): string | undefined => part(el, '#launcher')?.textContent?.trim();

/** A component that renders `<amex-chat>` in its own shadow root (inside a `<div>`). */
class ChatHost extends HTMLElement {
  readonly root: ShadowRoot;
  constructor() {
    super();
    this.root = this.attachShadow({ mode: this.hasAttribute('closed') ? 'closed' : 'open' });
    this.root.innerHTML = '<div><amex-chat persist="none"></amex-chat></div>';
  }
  get chat(): AmexChatElement {
    return this.root.querySelector('amex-chat')!;
  }
}
customElements.define('language-test-host', ChatHost);

/** A component that renders a `<language-test-host>` in its own (closed) shadow root. */
class OuterHost extends HTMLElement {
  readonly inner: ChatHost;
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'closed' });
    this.inner = document.createElement('language-test-host');
    root.append(this.inner);
  }
}
customElements.define('language-test-outer-host', OuterHost);

declare global {
  interface HTMLElementTagNameMap {
    'language-test-host': ChatHost;
    'language-test-outer-host': OuterHost;
  }
}

/**
 * After a change of the DOM: the observer's callback (a microtask queued by the change, so before
 * this one) has asked for an update; wait for that render.
 */
async function rendered(el: AmexChatElement): Promise<void> {
  await Promise.resolve();
  await el.updateComplete;
}

/** A chat connected to a scripted server, with the panel open and the greeting shown. */
function chat(lang: string): ReturnType<typeof scriptedChat> {
  return scriptedChat({ greeting: { ...GREETING, text: 'Hi.' }, lang });
}

const pageLang = document.documentElement.getAttribute('lang');
const added: Element[] = [];

/** Appends `node` to the page for this test only. */
function add<T extends Element>(node: T): T {
  added.push(node);
  document.body.append(node);
  return node;
}

/** A `<div>` in language `lang`, on the page for this test only. */
function langDiv(lang: string): HTMLDivElement {
  const div = add(document.createElement('div'));
  div.lang = lang;
  return div;
}

/** A new chat (saving nothing) placed in `parent`, once rendered. */
async function placedIn(parent: Element): Promise<AmexChatElement> {
  const el = document.createElement('amex-chat');
  el.persist = 'none';
  parent.append(el);
  await el.updateComplete;
  return el;
}

afterEach(() => {
  for (const node of added.splice(0)) node.remove();
  if (pageLang === null) document.documentElement.removeAttribute('lang');
  else document.documentElement.setAttribute('lang', pageLang);
});

describe('<amex-chat> language', () => {
  describe('accessibility', () => {
    it("has no axe violations in Spanish taken from a host component's lang", async () => {
      const host = add(Object.assign(document.createElement('language-test-host'), { lang: 'es' }));
      const el = host.chat;
      await el.show();
      expect(part(el, '#panel')?.getAttribute('lang')).to.equal('es');
      await axeCheck(el);
    });
  });

  describe('properties', () => {
    it('takes lang from an ancestor outside the shadow root it is rendered in', async () => {
      document.documentElement.lang = 'en';
      const host = add(document.createElement('language-test-host'));
      host.setAttribute('lang', 'es');
      const el = host.chat;
      await el.show();
      expect(launcherText(el)).to.equal('Chatear con nosotros');
      expect(part(el, 'h2')?.textContent).to.equal('Atención al cliente');
      expect(part(el, '#panel')?.getAttribute('lang')).to.equal('es');
      // Its own lang comes first.
      el.setAttribute('lang', 'en');
      await el.updateComplete;
      expect(launcherText(el)).to.equal('Chat with us');
    });

    it('takes lang through two shadow roots, closed ones too, up to the nearest that has one', async () => {
      const page = langDiv('en');
      const section = document.createElement('section');
      section.lang = 'es-MX';
      const outer = document.createElement('language-test-outer-host');
      section.append(outer);
      page.append(section);
      const el = outer.inner.chat;
      await el.updateComplete;
      expect(launcherText(el)).to.equal('Chatear con nosotros');
      // The nearest lang wins: here the inner host's, inside the outer host's closed shadow root.
      outer.inner.lang = 'en';
      await rendered(el);
      expect(launcherText(el)).to.equal('Chat with us');
    });
  });

  describe('events', () => {
    it('follows a change of <html lang> without being re-created, keeping the draft', async () => {
      document.documentElement.lang = 'en';
      const el = await fixture<AmexChatElement>(html`<amex-chat persist="none"></amex-chat>`);
      await el.show();
      expect(launcherText(el)).to.equal('Chat with us');
      const input = part(el, 'textarea') as HTMLTextAreaElement;
      input.value = 'my draft';
      document.documentElement.lang = 'es';
      await rendered(el);
      expect(el.isConnected).to.be.true;
      expect(launcherText(el)).to.equal('Chatear con nosotros');
      expect(part(el, '#panel')?.getAttribute('lang')).to.equal('es');
      expect(input.placeholder).to.equal('Pregúntenos lo que quiera');
      expect(part(el, 'textarea')).to.equal(input);
      expect(input.value).to.equal('my draft');
      document.documentElement.removeAttribute('lang');
      document.documentElement.lang = 'en-GB';
      await rendered(el);
      expect(launcherText(el)).to.equal('Chat with us');
    });

    it("follows a change of a host component's lang, and of the nearer one that takes over", async () => {
      document.documentElement.lang = 'en';
      const host = add(document.createElement('language-test-host'));
      const el = host.chat;
      await el.updateComplete;
      expect(launcherText(el)).to.equal('Chat with us');
      host.lang = 'es';
      await rendered(el);
      expect(launcherText(el)).to.equal('Chatear con nosotros');
      // A lang added between the element and the host, inside the shadow root, takes over.
      const div = host.root.querySelector('div')!;
      div.lang = 'en';
      await rendered(el);
      expect(launcherText(el)).to.equal('Chat with us');
      div.removeAttribute('lang');
      await rendered(el);
      expect(launcherText(el)).to.equal('Chatear con nosotros');
    });

    it('follows its new ancestors once moved, not its old ones', async () => {
      const spanish = langDiv('es');
      const english = langDiv('en');
      const el = await placedIn(spanish);
      expect(launcherText(el)).to.equal('Chatear con nosotros');
      english.append(el);
      await rendered(el);
      expect(launcherText(el)).to.equal('Chat with us');
      english.lang = 'es';
      await rendered(el);
      expect(launcherText(el)).to.equal('Chatear con nosotros');
      // The old parent is no longer watched: a change there asks for no render.
      spanish.lang = 'en';
      await Promise.resolve();
      expect(el.isUpdatePending).to.be.false;
      expect(launcherText(el)).to.equal('Chatear con nosotros');
    });
  });

  describe('formatting', () => {
    /** A fixed local time of day, 19:34, that 12- and 24-hour clocks write differently. */
    const AT = new Date(2026, 0, 5, 19, 34).getTime();
    const timeOf = (lang: string): string => new Intl.DateTimeFormat(lang, { timeStyle: 'short' }).format(AT);

    it('writes times for the whole tag: en-GB is 24-hour, en and es-MX as Intl writes them', async () => {
      expect(timeOf('en-GB')).to.equal('19:34');
      for (const lang of ['en-GB', 'en', 'es-MX']) {
        const { el, server } = await chat(lang);
        server.event({ from: 'agent', name: 'Maria', text: 'Hello.', at: AT });
        const time = await waitFor(() => part(el, '.message.agent time'), 'the message');
        expect(time.textContent, lang).to.equal(timeOf(lang));
        expect(time.getAttribute('datetime')).to.equal(new Date(AT).toISOString());
      }
    });

    for (const [lang, expected] of [
      [
        'en',
        {
          one: 'Chat with us, 1 new message',
          two: 'Chat with us, 2 new messages',
          queue: "You're number 12,345 in line for an agent. Estimated wait: about 3 minutes.",
          kinds: 'Warning: your message contains a card number, a security code, and a password.',
        },
      ],
      [
        'es',
        {
          one: 'Chatear con nosotros, 1 mensaje nuevo',
          two: 'Chatear con nosotros, 2 mensajes nuevos',
          queue: 'Es el número 12.345 en la fila para hablar con un agente. Espera estimada: unos 3 minutos.',
          kinds: 'Aviso: su mensaje contiene un número de tarjeta, un código de seguridad y una contraseña.',
        },
      ],
    ] as const) {
      it(`writes counts, plurals and lists as Intl does: ${lang}`, async () => {
        const { el, server } = await chat(lang);
        // Lists: the kinds of sensitive data in the draft, joined by Intl.ListFormat.
        const input = part(el, 'textarea') as HTMLTextAreaElement;
        input.value = 'card 4111 1111 1111 1111 cvv 123 password Tr0ub4dor&3x!';
        input.dispatchEvent(new Event('input'));
        await el.updateComplete;
        const warning = part(el, '#warning')?.textContent ?? '';
        expect(warning.slice(0, warning.indexOf('.') + 1)).to.equal(expected.kinds);
        // Numbers in the place in line, grouped as the language does; the wait in Intl's units.
        server.event({
          kind: 'notice',
          from: 'system',
          name: '',
          text: 'In line.',
          notice: { code: 'queued', team: 'general' },
        });
        server.push({ type: 'queue', waiting: true, position: 12345, etaSeconds: 170, team: 'general' });
        const queue = await waitFor(() => part(el, '#queue-status'), 'the place in line');
        expect(queue.textContent).to.equal(expected.queue);
        // Plurals: the launcher's name with one unread message, then two.
        await el.hide();
        server.event({ from: 'agent', name: 'Maria', text: 'One.' });
        await waitFor(() => part(el, '.badge')?.textContent === '1', 'one unread message');
        await el.updateComplete;
        expect(part(el, '#launcher')?.getAttribute('aria-label')).to.equal(expected.one);
        server.event({ from: 'agent', name: 'Maria', text: 'Two.' });
        await waitFor(() => part(el, '.badge')?.textContent === '2', 'two unread messages');
        await el.updateComplete;
        expect(part(el, '#launcher')?.getAttribute('aria-label')).to.equal(expected.two);
      });
    }
  });

  describe('fallback', () => {
    it('speaks English for an unsupported language, with one warning per page naming the supported ones', async () => {
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]): void => {
        if (String(args[0]).startsWith('amex-chat')) warnings.push(args);
        else warn(...args);
      };
      try {
        const first = await fixture<AmexChatElement>(html`<amex-chat lang="fr" persist="none"></amex-chat>`);
        await first.show();
        await first.hide();
        await first.show();
        const second = await fixture<AmexChatElement>(
          html`<amex-chat lang="fr-CA" persist="none"></amex-chat>`,
        );
        await second.show();
        const page = langDiv('de');
        const third = await placedIn(page);
        for (const el of [first, second, third]) {
          expect(launcherText(el)).to.equal('Chat with us');
          el.requestUpdate();
          await el.updateComplete;
        }
        expect(part(first, '#panel')?.getAttribute('lang')).to.equal('en');
        expect(warnings).to.deep.equal([
          ['amex-chat: no catalogue for "fr"; supported: en, es. Using English.'],
        ]);
      } finally {
        console.warn = warn;
      }
    });
  });
});
