// When the customer asks for a person, the reference server sends the assistant's answer, the
// "in line" notice and the place in line within a few milliseconds. Each is announced in the
// polite live region, updates apart: replaced one by one within a frame, a screen reader would
// get only the last (Chromium passes the accessibility tree on once per frame). The announcer
// joins what it wrote since the last frame instead, so nothing is replaced before it was passed on.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { AmexChatElement } from '../../src/index.js';
import { startReferenceServer, stopReferenceServers, waitFor } from '../support/helpers.js';

describe('announcements of a hand-off', () => {
  after(async () => {
    await stopReferenceServers();
  });

  it('never replaces an announcement within the frame that wrote it: the answer, the notice and the place are all passed on', async () => {
    const endpoint = await startReferenceServer({ replyDelay: 20 });
    const el: AmexChatElement = document.createElement('amex-chat');
    el.endpoint = endpoint;
    el.persist = 'none';
    document.body.append(el);
    await el.show();
    await waitFor(() => el.shadowRoot!.querySelector('.message.assistant'), 'the greeting');
    // The page's frames, counted.
    let frames = 0;
    let counting = true;
    const tick = (): void => {
      frames += 1;
      if (counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const polite = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    const written: { text: string; frame: number }[] = [];
    const watch = new MutationObserver(() =>
      written.push({ text: polite.textContent.trim(), frame: frames }),
    );
    watch.observe(polite, { subtree: true, childList: true, characterData: true });
    await el.send('I want to talk to an agent');
    const said = (pattern: RegExp): boolean => written.some(({ text }) => pattern.test(text));
    await waitFor(
      () =>
        said(/I'll connect you with an agent/) &&
        said(/You're in line for a live agent/) &&
        said(/next in line for an agent|number \d+ in line/),
      'the three announcements',
      5000,
    );
    watch.disconnect();
    counting = false;
    // Whatever replaced a text (rather than joining it) came a frame later.
    for (let i = 1; i < written.length; i++) {
      const before = written[i - 1]!;
      const after = written[i]!;
      if (!before.text || !after.text || after.text.includes(before.text)) continue;
      expect(after.frame, `"${after.text}" replaced "${before.text}" within one frame`).to.be.above(
        before.frame,
      );
    }
    el.remove();
  });
});
