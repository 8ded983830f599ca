// The secrets a customer might type, and how to look for them anywhere: digits are compared
// after mapping every Unicode digit to ASCII, so a full-width or Arabic-Indic card is found too.
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement } from '../../src/index.js';
import { waitFor } from './helpers.js';

export interface Secret {
  kind: string;
  typed: string;
  /** What must never appear: digits are compared after mapping every Unicode digit to ASCII. */
  forbidden: string;
}

export const secrets: Secret[] = [
  { kind: 'card', typed: 'my card is 3782 822463 10005 thanks', forbidden: '378282246310005' },
  { kind: 'card', typed: 'visa 4111-1111-1111-1111', forbidden: '4111111111111111' },
  { kind: 'card', typed: 'full width ４１１１ １１１１ １１１１ １１１１', forbidden: '4111111111111111' },
  { kind: 'cvv', typed: 'the security code on the front is 7391', forbidden: '7391' },
  { kind: 'ssn', typed: 'my SSN is 219-09-9999', forbidden: '219099999' },
  { kind: 'otp', typed: 'the one-time code is 482913', forbidden: '482913' },
  { kind: 'password', typed: 'my password is Tr0ub4dor&3', forbidden: 'Tr0ub4dor&3' },
];

/** Maps every Unicode decimal digit to ASCII and drops everything else. */
export function digitsOf(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC')) {
    if (/\p{Nd}/u.test(ch)) {
      const cp = ch.codePointAt(0)!;
      // Every Unicode Nd block is a run of ten starting at a code point ≡ 0 (mod 16) or so;
      // compute the value by walking back to the block's zero.
      let zero = cp;
      while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1)) && cp - zero < 9) zero--;
      out += String(cp - zero);
    }
  }
  return out;
}

/** The customer-controlled content of a frame: everything but ids and resume cursors. */
export function content(frame: string): string {
  try {
    const data = JSON.parse(frame) as Record<string, unknown>;
    delete data['id'];
    delete data['resume'];
    return JSON.stringify(data);
  } catch {
    return frame;
  }
}

export function leaks(frames: string[], secret: Secret): string[] {
  return frames.filter((frame) => {
    const body = content(frame);
    return /^\d+$/.test(secret.forbidden)
      ? digitsOf(body).includes(secret.forbidden)
      : body.includes(secret.forbidden);
  });
}

function bubbles(el: AmexChatElement, from: string): string[] {
  return [...(el.shadowRoot?.querySelectorAll(`.message.${from} .bubble`) ?? [])].map(
    (b) => b.textContent ?? '',
  );
}

export /** Types each secret into the real composer and sends it with Enter, then waits for every reply. */
async function typeEverySecret(el: AmexChatElement): Promise<void> {
  await el.focusComposer();
  await waitFor(() => bubbles(el, 'assistant').length === 1, 'the greeting');
  for (const [index, secret] of secrets.entries()) {
    await sendKeys({ type: secret.typed });
    await sendKeys({ press: 'Enter' });
    await waitFor(
      () => bubbles(el, 'customer').length === index + 1,
      `message ${index + 1} in the transcript`,
    );
  }
  await waitFor(() => bubbles(el, 'assistant').length === secrets.length + 1, 'every reply');
}
