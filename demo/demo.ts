/**
 * Demo page behaviour (an external module: the pages run under a strict CSP without inline scripts).
 * Buttons marked `data-open-chat` open the chat panel and put the cursor in its message box.
 */
import type {} from '../src/index.js'; // types only: brings `'amex-chat'` into HTMLElementTagNameMap

async function openChat(): Promise<void> {
  await customElements.whenDefined('amex-chat');
  await document.querySelector('amex-chat')?.focusComposer();
}

for (const trigger of document.querySelectorAll<HTMLElement>('[data-open-chat]')) {
  trigger.addEventListener('click', () => {
    openChat().catch((error: unknown) => console.error('amex-chat demo: could not open the chat', error));
  });
}
