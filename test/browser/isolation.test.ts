// Host CSS cannot break the widget, and the widget's CSS does not leak into the host page. Two
// widgets on one page do not interfere.
import { expect, html } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import '../../src/define.js';
import { axeCheck, mount, waitFor } from '../support/helpers.js';
import { scriptedElement } from '../support/scripted-chat.js';
import { ScriptedServer } from '../support/scripted-transport.js';

const HOSTILE = `
  * { all: unset !important; }
  * {
    visibility: hidden !important;
    color: #ff00ff !important;
    font-size: 40px !important;
    line-height: 0 !important;
    letter-spacing: 1em !important;
    word-spacing: 2em !important;
    text-transform: uppercase !important;
    text-align: right !important;
    white-space: pre !important;
    pointer-events: none !important;
    font-family: monospace !important;
  }
  amex-chat::part(panel) { }
  button, textarea, p, ol, li, section, span, input { display: none !important; opacity: 0 !important; }
  .panel, .launcher, .bubble, #panel, #input, [role="dialog"] { display: none !important; }
  html, body { display: block !important; visibility: visible !important; }
`;

async function scripted(): Promise<{ el: AmexChatElement; server: ScriptedServer }> {
  const server = new ScriptedServer([
    { from: 'assistant', name: 'Virtual assistant', text: 'Hello, how can I help?', quickReplies: [] },
  ]);
  return { el: await scriptedElement(server), server };
}

describe('<amex-chat>', () => {
  describe('isolation', () => {
    let sheet: HTMLStyleElement | undefined;
    afterEach(() => {
      sheet?.remove();
      sheet = undefined;
    });

    it('still renders, reads and passes axe under a hostile host stylesheet', async () => {
      sheet = document.createElement('style');
      sheet.textContent = HOSTILE;
      document.head.append(sheet);
      const { el } = await scripted();
      const launcher = el.shadowRoot!.querySelector<HTMLElement>('#launcher')!;
      expect(getComputedStyle(launcher).visibility).to.equal('visible');
      expect(launcher.getBoundingClientRect().width, 'the closed launcher has a box').to.be.greaterThan(40);
      await axeCheck(el);
      await el.show();
      await waitFor(() => el.shadowRoot!.querySelector('.message'), 'the greeting');
      const root = el.shadowRoot!;
      const panel = root.querySelector<HTMLElement>('#panel')!;
      const input = root.querySelector<HTMLElement>('#input')!;
      const bubble = root.querySelector<HTMLElement>('.bubble')!;
      for (const node of [panel, input, bubble]) {
        const style = getComputedStyle(node);
        expect(style.visibility, node.id || node.className).to.equal('visible');
        expect(style.display).to.not.equal('none');
        const box = node.getBoundingClientRect();
        expect(box.width * box.height, `${node.id || node.className} has a box`).to.be.greaterThan(0);
      }
      const text = getComputedStyle(bubble);
      expect(text.fontSize).to.equal(
        getComputedStyle(document.documentElement).fontSize === '40px' ? '40px' : text.fontSize,
      );
      expect(text.letterSpacing).to.equal('normal');
      expect(text.textTransform).to.equal('none');
      expect(text.color).to.not.equal('rgb(255, 0, 255)');
      expect(getComputedStyle(input).pointerEvents).to.equal('auto');
      await axeCheck(el);
    });

    it('does not style the host page: its buttons and classes stay untouched', async () => {
      const host = mount(
        html`<div>
          <button class="launcher send close" id="host-button">Host button</button>
          <p class="bubble notice panel">Host text</p>
        </div>`,
      );
      const before = [...host.querySelectorAll<HTMLElement>('*')].map((n) => {
        const s = getComputedStyle(n);
        return [s.position, s.minHeight, s.backgroundColor, s.borderRadius, s.padding, s.display].join('|');
      });
      const { el } = await scripted();
      await el.show();
      await waitFor(() => el.shadowRoot!.querySelector('.message'), 'the greeting');
      const after = [...host.querySelectorAll<HTMLElement>('*')].map((n) => {
        const s = getComputedStyle(n);
        return [s.position, s.minHeight, s.backgroundColor, s.borderRadius, s.padding, s.display].join('|');
      });
      expect(after).to.deep.equal(before);
      expect(document.head.querySelectorAll('style[data-amex-chat], link[href*="amex-chat"]')).to.have.length(
        0,
      );
    });

    it('runs two widgets on one page independently', async () => {
      const a = new ScriptedServer([{ from: 'assistant', name: 'Virtual assistant', text: 'Server A' }]);
      const b = new ScriptedServer([{ from: 'assistant', name: 'Virtual assistant', text: 'Server B' }]);
      const wrapper = mount(
        html`<div>
          <amex-chat
            persist="none"
            position="inline"
            .transportFactory=${a.factory}
            endpoint="ws://a.invalid/chat"
          ></amex-chat>
          <amex-chat
            persist="none"
            position="inline"
            lang="es"
            .transportFactory=${b.factory}
            endpoint="ws://b.invalid/chat"
          ></amex-chat>
        </div>`,
      );
      const [first, second] = [...wrapper.querySelectorAll('amex-chat')] as AmexChatElement[];
      await Promise.all([first!.show(), second!.show()]);
      const texts = (el: AmexChatElement) =>
        [...el.shadowRoot!.querySelectorAll('.bubble')].map((n) => n.textContent);
      await waitFor(() => texts(first!).length === 1 && texts(second!).length === 1, 'both greetings');
      await first!.send('only for A');
      await a.sent('message');
      expect(b.received.filter((f) => f.type === 'message')).to.have.length(0);
      expect(texts(first!)).to.deep.equal(['Server A', 'only for A']);
      expect(texts(second!)).to.deep.equal(['Server B']);
      expect(second!.shadowRoot!.querySelector('label[for="input"]')?.textContent).to.equal(
        'Escriba su mensaje',
      );
      expect(first!.shadowRoot!.querySelector('label[for="input"]')?.textContent).to.equal(
        'Type your message',
      );
      await axeCheck(wrapper);
    });
  });
});
