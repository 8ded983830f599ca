// Issue 27 item 3, "before or at the start of the chat, the customer can state needs in one step",
// as a screen reader and a keyboard meet it: in the open panel, "Your needs" comes after the
// greeting and just before the message box (reading order is the shadow tree's order: nothing
// reorders it), a collapsed button whose description says what it is for, in both languages;
// from the message box, where opening the panel puts focus, it is one Shift+Tab away.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement } from '../../src/index.js';
import { axTree, axeCheck, deepActiveElement, waitFor } from '../support/helpers.js';
import { part, scriptedChat } from '../support/scripted-chat.js';

const ABOUT = {
  en: 'Tell us if you use a screen reader, need more time or a written summary, or are deaf or hard of hearing.',
  es: 'Indíquenos si usa un lector de pantalla, si necesita más tiempo o un resumen por escrito, o si es una persona sorda o con dificultad auditiva.',
} as const;
const NAME = { en: 'Your needs', es: 'Sus necesidades' } as const;

/** Whether `a` comes before `b` in the shadow tree (the order a screen reader reads). */
function before(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

function greeting(el: AmexChatElement): HTMLElement {
  return part(el, '.message.assistant')!;
}

describe('<amex-chat> "Your needs" at the start of a chat', () => {
  it('has no axe violations with "Your needs" after the greeting, in English and in Spanish', async () => {
    for (const lang of ['en', 'es'] as const) {
      const { el } = await scriptedChat({ lang });
      await waitFor(() => part(el, '#needs-toggle'), '"Your needs"');
      await axeCheck(el);
    }
  });

  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: comes after the greeting, just before the message box, named and described`, async () => {
      const { el } = await scriptedChat({ lang });
      const heading = part(el, '#heading')!;
      const toggle = part(el, '#needs-toggle')!;
      const input = part(el, '#input')!;
      expect(before(heading, greeting(el)), 'the heading, then the greeting').to.equal(true);
      expect(before(greeting(el), toggle), 'the greeting, then "Your needs"').to.equal(true);
      expect(before(toggle, input), '"Your needs", then the message box').to.equal(true);
      // Nothing focusable between them: the button is the control just before the box.
      const focusable = [
        ...el.shadowRoot!.querySelectorAll<HTMLElement>('button, textarea, input, [tabindex]'),
      ];
      expect(focusable[focusable.indexOf(input) - 1]).to.equal(toggle);

      const nodes = await axTree();
      const button = nodes.find((n) => n.role === 'button' && n.name.trim() === NAME[lang]);
      expect(button, 'in the accessibility tree').to.not.equal(undefined);
      expect(button!.name).to.equal(NAME[lang]);
      expect(button!.description).to.equal(ABOUT[lang]);
      expect(button!.properties['expanded']).to.equal(false);
      // The description is not read a second time as text of the panel.
      expect(nodes.filter((n) => n.role === 'StaticText' && n.name === ABOUT[lang])).to.deep.equal([]);
    });
  }

  it('from the message box, where opening the panel puts focus, it is one Shift+Tab away', async () => {
    await scriptedChat({ open: 'keyboard' });
    expect(deepActiveElement()?.id).to.equal('input');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await waitFor(() => deepActiveElement()?.id === 'needs-toggle', '"Your needs" focused');
  });
});
