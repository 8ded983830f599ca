// A plain TypeScript app bundled by Vite: `amex-chat` registers the tag, and the package's types
// type the element (`querySelector('amex-chat')`) and each event's detail.
import 'amex-chat';
import type { AmexChatElement, AmexChatMessageDetail } from 'amex-chat';

const chat = document.querySelector('amex-chat');
const list = document.querySelector('#messages');

chat?.addEventListener('amex-chat-message', (event) => {
  const detail: AmexChatMessageDetail = event.detail;
  const item = document.createElement('li');
  item.textContent = `${detail.message.from}: ${detail.message.text}`;
  list?.append(item);
});

/** Compile-time checks only (never called): each line must fail to type-check. */
export function wrongUses(element: AmexChatElement): void {
  // @ts-expect-error: redaction is 'mask' or 'block'
  element.redaction = 'off';
  element.addEventListener('amex-chat-redacted', (event) => {
    // @ts-expect-error: the redacted event carries kinds and a count, never text
    void event.detail.text;
  });
}
