// What a screen reader gets: assertions on Chromium's accessibility tree (CDP
// Accessibility.getFullAXTree, shadow root flattened), not on our DOM. Roles, names, states,
// descriptions, live regions, and no English left in the Spanish tree.
import { expect, fixture, html } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import { strings } from '../../src/components/i18n.js';
import '../../src/define.js';
import { axeCheck, axTree, waitFor } from '../support/helpers.js';
import type { AxNode } from '../support/helpers.js';
import { scriptedChat } from '../support/scripted-chat.js';
import type { ScriptedServer } from '../support/scripted-transport.js';

function greeting(lang: 'en' | 'es') {
  return {
    from: 'assistant' as const,
    name: lang === 'es' ? 'Asistente virtual' : 'Virtual assistant',
    text: lang === 'es' ? '¿En qué puedo ayudarle?' : 'How can I help?',
    quickReplies: [{ label: lang === 'es' ? 'Tarjeta perdida' : 'Lost card', value: 'x' }],
  };
}

async function chat(
  lang: 'en' | 'es',
  open = true,
): Promise<{ el: AmexChatElement; server: ScriptedServer }> {
  const { el, server } = await scriptedChat({ greeting: greeting(lang), lang });
  if (!open) await el.hide();
  return { el, server };
}

function find(nodes: AxNode[], role: string, name?: string | RegExp): AxNode | undefined {
  return nodes.find(
    (n) =>
      n.role === role &&
      (name === undefined || (typeof name === 'string' ? n.name === name : name.test(n.name))),
  );
}

describe('<amex-chat>', () => {
  describe('screen reader', () => {
    it('has no axe violations in English and in Spanish', async () => {
      for (const lang of ['en', 'es'] as const) {
        const { el } = await chat(lang);
        await axeCheck(el);
        el.remove();
      }
    });

    it('has two live regions (polite and assertive; each announcement atomic, not the region) before anything is said', async () => {
      await fixture(html`<amex-chat></amex-chat>`);
      const live = (await axTree()).filter((n) => n.properties['live']);
      expect(live.map((n) => [n.properties['live'], n.properties['atomic'] ?? false])).to.deep.equal([
        ['polite', false],
        ['assertive', false],
      ]);
    });

    it('exposes the launcher with its state and unread count, and a named non-modal dialog', async () => {
      const { el, server } = await chat('en', false);
      server.event({ from: 'agent', name: 'Maria', text: 'Are you there?' });
      await waitFor(() => el.shadowRoot!.querySelector('.badge'), 'the unread badge');
      let nodes = await axTree();
      const launcher = find(nodes, 'button', /^Chat with us/);
      expect(launcher?.name).to.equal('Chat with us, 1 new message');
      expect(launcher?.properties['expanded']).to.equal(false);
      expect(find(nodes, 'dialog'), 'the closed panel is hidden').to.equal(undefined);

      await el.show();
      nodes = await axTree();
      expect(find(nodes, 'button', 'Chat with us')?.properties['expanded']).to.equal(true);
      const dialog = find(nodes, 'dialog');
      expect(dialog?.name).to.equal('Customer Care');
      expect(dialog?.properties['modal']).to.equal(false);
    });

    it('gives the log a name and no live setting of its own, and each message its sender and time as text', async () => {
      const { el, server } = await chat('en');
      expect(find(await axTree(), 'button', 'Lost card'), 'the quick reply').to.exist;
      server.event({ from: 'agent', name: 'Maria', text: 'I can help with that.' });

      await waitFor(() => el.shadowRoot!.querySelector('.message.agent'), "Maria's message");
      const nodes = await axTree();
      const log = find(nodes, 'log');
      expect(log?.name).to.equal('Conversation');
      expect(log?.properties['live'], 'the log is not live: the announcer speaks').to.equal(undefined);
      expect(log?.properties['focusable']).to.equal(true);
      const texts = nodes.filter((n) => n.role === 'StaticText').map((n) => n.name);
      expect(texts).to.include.members(['Virtual assistant', 'Maria, live agent', 'How can I help?']);
      expect(
        texts.some((t) => /^\d{1,2}:\d{2}\s?(AM|PM)$/.test(t)),
        'a time as text',
      ).to.equal(true);
    });

    it('names the message box and describes it with the hint, then the sensitive-data warning', async () => {
      const { el } = await chat('en');
      let box = find(await axTree(), 'textbox');
      expect(box?.name).to.equal('Type your message');
      expect(box?.description).to.equal('Enter sends, Shift+Enter adds a line.');
      const input = el.shadowRoot!.querySelector('textarea')!;
      input.value = 'my card is 3782 822463 10005';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      box = find(await axTree(), 'textbox');
      expect(box?.description).to.equal(
        'Enter sends, Shift+Enter adds a line. Warning: your message contains a card number. For your security it will be removed before sending.',
      );
    });

    it('speaks only Spanish in the Spanish tree', async () => {
      await chat('es');
      const nodes = await axTree();
      expect(find(nodes, 'dialog')?.name).to.equal('Atención al cliente');
      expect(find(nodes, 'textbox')?.name).to.equal('Escriba su mensaje');
      const english = new Set(
        Object.values(strings('en')).filter((v): v is string => typeof v === 'string' && v.length > 3),
      );
      const leaked = nodes.flatMap((n) => [n.name, n.description]).filter((t) => english.has(t));
      expect(leaked).to.deep.equal([]);
    });
  });
});
