// Issue 24, item 2 (WCAG 2.4.11 Focus Not Obscured): the open panel never hides the element that
// has keyboard focus. Where the panel covers the whole viewport (320 px wide, 200 % and 400 %
// zoom of a 1280 × 800 window), it is modal: `aria-modal="true"`, and Tab and Shift+Tab wrap
// inside it. Where it floats over part of the page (1280 × 800), Tab leaves it for the page, and
// when focus lands on something under the panel, the panel yields: it closes as Escape would,
// and focus stays where it went. Real key presses; geometry from getBoundingClientRect.
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement } from '../../src/index.js';
import '../../src/define.js';
import { axTree, axeCheck, deepActiveElement, mount, setViewportSize, waitFor } from '../support/helpers.js';
import { ScriptedServer } from '../support/scripted-transport.js';

const VIEWPORT = { width: window.innerWidth, height: window.innerHeight };

afterEach(async () => {
  if (window.innerWidth !== VIEWPORT.width || window.innerHeight !== VIEWPORT.height) {
    await setViewportSize(VIEWPORT);
  }
});

function part(el: AmexChatElement, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

/**
 * A host page whose links fill the viewport (a 4 × 4 grid, after the widget in the tab order),
 * so that some of them always lie under the panel, and one link before the widget.
 */
async function page(): Promise<{ el: AmexChatElement; server: ScriptedServer; links: HTMLAnchorElement[] }> {
  const server = new ScriptedServer([
    { from: 'assistant', name: 'Virtual assistant', text: 'Hi, how can I help?' },
  ]);
  const root = mount(
    html`<div>
      <a href="#before">Before the chat</a>
      <amex-chat
        persist="none"
        lang="en"
        .transportFactory=${server.factory}
        endpoint="ws://scripted.invalid/chat"
      ></amex-chat>
      <nav
        style="position: fixed; inset: 0; display: grid; grid: repeat(4, 1fr) / repeat(4, 1fr)"
        aria-label="Host page"
      >
        ${Array.from({ length: 16 }, (_, i) => html`<a href="#link-${i + 1}">Host link ${i + 1}</a>`)}
      </nav>
    </div>`,
  );
  const el = root.querySelector('amex-chat')!;
  await el.updateComplete;
  return { el, server, links: [...root.querySelectorAll<HTMLAnchorElement>('nav a')] };
}

const overlap = (a: DOMRect, b: DOMRect): boolean =>
  a.right > b.left && a.left < b.right && a.bottom > b.top && a.top < b.bottom;

/** Opens the panel from the launcher with Enter, sends a message with Enter. */
async function openAndSend(el: AmexChatElement, server: ScriptedServer): Promise<void> {
  part(el, '#launcher')!.focus();
  await sendKeys({ press: 'Enter' });
  await waitFor(() => part(el, '.message.assistant'), 'the greeting');
  await waitFor(() => deepActiveElement()?.id === 'input', 'focus in the message box');
  await sendKeys({ type: 'Where is my new card?' });
  await sendKeys({ press: 'Enter' });
  await server.sent('message');
  await waitFor(() => part(el, '.message.customer'), 'the message shown');
}

/** Where focus is, and whether the open panel covers any of it. */
function focusState(el: AmexChatElement): { inside: boolean; covered: boolean; name: string } {
  const active = deepActiveElement() as HTMLElement | null;
  expect(active, 'focus is somewhere').to.exist;
  expect(active, 'focus is never on <body>').to.not.equal(document.body);
  const inside = active === el || el.shadowRoot!.contains(active);
  const panel = part(el, '#panel');
  const covered =
    !inside && el.open && !!panel && overlap(active!.getBoundingClientRect(), panel.getBoundingClientRect());
  return { inside, covered, name: active!.id || active!.getAttribute('part') || active!.textContent || '' };
}

describe('<amex-chat>', () => {
  describe('keyboard: focus not obscured by the panel', () => {
    it('has no axe violations as a modal panel at 320 × 640', async () => {
      await setViewportSize({ width: 320, height: 640 });
      const { el, server } = await page();
      await openAndSend(el, server);
      await axeCheck(el);
    });

    for (const [label, size] of [
      ['320 px wide (a phone)', { width: 320, height: 640 }],
      ['200 % zoom of 1280 × 800', { width: 640, height: 400 }],
      ['400 % zoom of 1280 × 800', { width: 320, height: 200 }],
    ] as const) {
      it(`is modal and keeps Tab inside when it covers the viewport: ${label}`, async () => {
        await setViewportSize(size);
        const { el, server } = await page();
        await openAndSend(el, server);
        const panel = part(el, '#panel')!;
        const rect = panel.getBoundingClientRect();
        expect([rect.left, rect.top, rect.width, rect.height], 'the panel fills the viewport').to.deep.equal([
          0,
          0,
          size.width,
          size.height,
        ]);
        const seen = new Set<string>();
        for (let i = 0; i < 12; i += 1) {
          await sendKeys({ press: 'Tab' });
          const state = focusState(el);
          expect(state.inside, `Tab ${i + 1} stays in the panel (at ${state.name})`).to.equal(true);
          seen.add(state.name);
        }
        expect([...seen], 'Tab went round').to.include.members(['input', 'send-button', 'close-button']);
        expect(panel.getAttribute('aria-modal')).to.equal('true');
        expect((await axTree()).find((n) => n.role === 'dialog')?.properties['modal']).to.equal(true);
        // Shift+Tab from the first control wraps to the last.
        part(el, '.header button')!.focus();
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
        expect(focusState(el).name).to.equal('send-button');
        // Escape from anywhere in it closes it; focus goes back to the launcher.
        await sendKeys({ press: 'Escape' });
        await waitFor(() => !el.open, 'the panel to close');
        await waitFor(() => deepActiveElement()?.id === 'launcher', 'focus on the launcher');
      });
    }

    it('at 1280 × 800 lets Tab reach the page, and yields when focus goes under it', async () => {
      await setViewportSize({ width: 1280, height: 800 });
      const { el, server, links } = await page();
      await openAndSend(el, server);
      const panel = part(el, '#panel')!;
      expect(panel.hasAttribute('aria-modal') && panel.getAttribute('aria-modal') !== 'false').to.equal(
        false,
      );
      const under = links.filter((a) => overlap(a.getBoundingClientRect(), panel.getBoundingClientRect()));
      expect(under.length, 'host links lie under the open panel').to.be.greaterThan(0);
      const closed: unknown[] = [];
      el.addEventListener('amex-chat-close', (event) => closed.push(event));
      let onPage = 0;
      // Through the whole page: to its last link (past it, focus leaves the document).
      for (let i = 0; i < 20 && deepActiveElement() !== links.at(-1); i += 1) {
        await sendKeys({ press: 'Tab' });
        await el.updateComplete;
        const state = focusState(el);
        expect(state.covered, `Tab ${i + 1}: ${state.name} is not under the panel`).to.equal(false);
        if (!state.inside) onPage += 1;
      }
      expect(onPage, 'Tab left the widget for the page').to.be.greaterThan(0);
      expect(el.open, 'the panel yielded').to.equal(false);
      expect(closed, 'the customer closed it (by moving on)').to.have.length(1);
      // Shift+Tab back from the page reaches the launcher; Enter opens the conversation again.
      for (let i = 0; i < 20 && deepActiveElement()?.id !== 'launcher'; i += 1) {
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
      }
      await sendKeys({ press: 'Enter' });
      await waitFor(() => deepActiveElement()?.id === 'input', 'focus back in the message box');
      expect(el.shadowRoot!.querySelectorAll('.message.customer')).to.have.length(1);
    });

    it('at 1280 × 800 closes with Escape from the launcher too', async () => {
      await setViewportSize({ width: 1280, height: 800 });
      const { el, server } = await page();
      await openAndSend(el, server);
      for (let i = 0; i < 20 && deepActiveElement()?.id !== 'launcher'; i += 1) {
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
      }
      expect(deepActiveElement()?.id).to.equal('launcher');
      await sendKeys({ press: 'Escape' });
      await waitFor(() => !el.open, 'the panel to close');
      expect(deepActiveElement()?.id).to.equal('launcher');
    });

    it('stops being modal when the viewport grows past the full-screen size', async () => {
      await setViewportSize({ width: 320, height: 640 });
      const { el, server } = await page();
      await openAndSend(el, server);
      const panel = part(el, '#panel')!;
      await waitFor(() => panel.getAttribute('aria-modal') === 'true', 'modal at 320 px');
      await setViewportSize({ width: 1280, height: 800 });
      await waitFor(() => panel.getAttribute('aria-modal') !== 'true', 'not modal at 1280 px');
      expect((await axTree()).find((n) => n.role === 'dialog')?.properties['modal']).to.equal(false);
    });
  });
});
