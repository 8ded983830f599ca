// Issue 24, item 8: a keyboard model for long transcripts, at least BotFramework-WebChat's.
// In the transcript, the arrow keys move focus from message to message (each named by who said
// it and when, described by what was said), Home and End go to the first and the last; typing
// there goes on in the message box; Page Up and Page Down in the message box scroll the
// transcript. Real key presses; the accessibility tree for names.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement } from '../../src/index.js';
import '../../src/define.js';
import { axTree, axeCheck, deepActiveElement, waitFor } from '../support/helpers.js';
import { connectedChat, history, part } from '../support/scripted-chat.js';
import type { ScriptedServer } from '../support/scripted-transport.js';

const bubbles = (el: AmexChatElement): string[] =>
  [...el.shadowRoot!.querySelectorAll('#transcript .message .bubble')].map((b) => b.textContent.trim());

/** A conversation of `count` messages (two settled blocks of 25 and a live tail, for 60). */
async function chat(count = 60): Promise<{ el: AmexChatElement; server: ScriptedServer }> {
  const { el, server } = await connectedChat({ lang: 'en' });
  server.events(history(count));
  await waitFor(() => bubbles(el).length === count, `all ${count} messages`);
  // New messages are followed once per frame: the transcript ends at the newest before any key.
  const transcript = part(el, '#transcript')!;
  await waitFor(
    () => transcript.scrollTop + transcript.clientHeight >= transcript.scrollHeight - 1,
    'the transcript at its end',
  );
  return { el, server };
}

/** The text of the message that has focus ('' when focus is not on a message). */
function focusedMessage(): string {
  const active = deepActiveElement();
  return active?.classList.contains('message')
    ? (active.querySelector('.bubble')?.textContent.trim() ?? '')
    : '';
}

async function press(key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i += 1) await sendKeys({ press: key });
}

/** From the message box, Shift+Tab to the transcript. */
async function toTranscript(el: AmexChatElement): Promise<void> {
  (part(el, '#input') as HTMLTextAreaElement).focus();
  for (let i = 0; i < 6 && deepActiveElement()?.id !== 'transcript'; i += 1) {
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
  }
  expect(deepActiveElement()?.id).to.equal('transcript');
}

describe('<amex-chat>', () => {
  describe('keyboard: the transcript', () => {
    it('has no axe violations with a message focused', async () => {
      const { el } = await chat();
      await toTranscript(el);
      await press('ArrowUp');
      expect(focusedMessage()).to.equal('answer 60');
      await axeCheck(el);
    });

    it('moves between messages with the arrow keys, Home and End, across settled blocks', async () => {
      const { el } = await chat();
      expect(el.shadowRoot!.querySelectorAll('#transcript .block').length, 'settled blocks').to.equal(2);
      await toTranscript(el);
      // From the transcript, the arrow keys start at the last message in view: the newest.
      await press('ArrowUp');
      expect(focusedMessage()).to.equal('answer 60');
      await press('ArrowUp');
      expect(focusedMessage()).to.equal('question 59');
      await press('ArrowDown');
      expect(focusedMessage()).to.equal('answer 60');
      await press('ArrowDown');
      expect(focusedMessage(), 'the last stays the last').to.equal('answer 60');
      await press('Home');
      expect(focusedMessage()).to.equal('question 1');
      await press('ArrowUp');
      expect(focusedMessage(), 'the first stays the first').to.equal('question 1');
      // Down through the whole log, one message at a time, in order.
      const seen = [focusedMessage()];
      for (let i = 1; i < 60; i += 1) {
        await press('ArrowDown');
        seen.push(focusedMessage());
      }
      expect(seen).to.deep.equal(bubbles(el));
      await press('Home');
      await press('End');
      expect(focusedMessage()).to.equal('answer 60');
    });

    it('names each focused message by who said it and when, and describes it by what was said', async () => {
      const { el } = await chat();
      await toTranscript(el);
      await press('ArrowUp');
      let node = (await axTree()).find((n) => n.role !== 'RootWebArea' && n.properties['focused'] === true);
      expect(node?.role).to.equal('listitem');
      expect(node?.name).to.match(/^Maria, live agent, \d{1,2}:\d{2}\s?(AM|PM)/);
      expect(node?.description).to.equal('answer 60');
      await press('ArrowUp');
      node = (await axTree()).find((n) => n.role !== 'RootWebArea' && n.properties['focused'] === true);
      expect(node?.name).to.match(/^You, \d{1,2}:\d{2}\s?(AM|PM)/);
      expect(node?.description).to.equal('question 59');
      // The item scrolled into view, inside the transcript.
      const item = deepActiveElement()!.getBoundingClientRect();
      const box = part(el, '#transcript')!.getBoundingClientRect();
      expect(item.top >= box.top && item.bottom <= box.bottom, 'in view').to.equal(true);
    });

    it('starts from the last message in view when the transcript was scrolled up', async () => {
      const { el } = await chat();
      const transcript = part(el, '#transcript')!;
      (part(el, '#input') as HTMLTextAreaElement).focus();
      await press('PageUp', 2);
      await toTranscript(el);
      // The last message that starts above the view's bottom edge, before any key moves it.
      const bottom = transcript.getBoundingClientRect().bottom;
      const starts = [...transcript.querySelectorAll('.message')].filter(
        (m) => m.getBoundingClientRect().top < bottom,
      );
      const expected = starts.at(-1)!.querySelector('.bubble')!.textContent.trim();
      expect(expected, 'scrolled up').to.not.equal('answer 60');
      await press('ArrowDown');
      expect(focusedMessage()).to.equal(expected);
    });

    it('goes on in the message box when a character or Backspace is typed in the transcript', async () => {
      const { el } = await chat();
      const input = part(el, '#input') as HTMLTextAreaElement;
      await toTranscript(el);
      await sendKeys({ type: 'H' });
      expect(deepActiveElement()?.id).to.equal('input');
      expect(input.value).to.equal('H');
      await toTranscript(el);
      await press('ArrowUp');
      await sendKeys({ type: 'i there' });
      expect(deepActiveElement()?.id).to.equal('input');
      expect(input.value).to.equal('Hi there');
      await toTranscript(el);
      await press('Home');
      await press('Backspace');
      expect(deepActiveElement()?.id).to.equal('input');
      expect(input.value).to.equal('Hi ther');
      // A shortcut with Control is not typing: it stays with the message.
      await toTranscript(el);
      await press('End');
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'c' });
      await sendKeys({ up: 'Control' });
      expect(focusedMessage()).to.equal('answer 60');
      expect(input.value).to.equal('Hi ther');
    });

    it('closes the panel with Escape from a message, as from anywhere in the widget', async () => {
      const { el } = await chat();
      await toTranscript(el);
      await press('ArrowUp');
      await press('Escape');
      await waitFor(() => !el.open, 'the panel to close');
      await waitFor(() => deepActiveElement()?.id === 'launcher', 'focus on the launcher');
    });

    it('scrolls the transcript with Page Up and Page Down from the message box, unless the draft scrolls', async () => {
      const { el } = await chat();
      const transcript = part(el, '#transcript')!;
      const input = part(el, '#input') as HTMLTextAreaElement;
      input.focus();
      const bottom = transcript.scrollTop;
      await press('PageUp');
      const up = transcript.scrollTop;
      expect(bottom - up, 'most of a page up').to.be.greaterThan(transcript.clientHeight / 2);
      await press('PageUp');
      expect(transcript.scrollTop).to.be.lessThan(up);
      await press('PageDown');
      expect(transcript.scrollTop).to.equal(up);
      expect(deepActiveElement()?.id, 'focus stays in the message box').to.equal('input');
      // With a short draft too; the draft and its caret stay.
      await sendKeys({ type: 'my draft' });
      await press('PageDown');
      expect(transcript.scrollTop).to.be.greaterThan(up);
      expect(input.value).to.equal('my draft');
      expect(input.selectionStart).to.equal(8);
      // A draft long enough to scroll keeps the keys for itself.
      input.value = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n');
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(input.scrollHeight, 'the draft scrolls').to.be.greaterThan(input.clientHeight);
      const kept = transcript.scrollTop;
      await press('PageUp');
      expect(transcript.scrollTop).to.equal(kept);
    });

    it('sends focus to the transcript when a focused settled message is rendered again', async () => {
      const { el } = await chat();
      await toTranscript(el);
      await press('Home');
      expect(focusedMessage()).to.equal('question 1');
      // A change of language renders the settled blocks again: new nodes for every message.
      el.lang = 'es';
      await el.updateComplete;
      await waitFor(() => deepActiveElement()?.id === 'transcript', 'focus on the transcript');
      // (Older blocks fill in over the next idle moments: Home goes to the first in the log.)
      await waitFor(() => bubbles(el).length === 60, 'the whole log again');
      await press('Home');
      expect(focusedMessage()).to.equal('question 1');
    });

    it('keeps focus on a message of the live tail while new messages arrive', async () => {
      const { el, server } = await chat();
      await toTranscript(el);
      await press('ArrowUp', 4);
      const focused = deepActiveElement();
      expect(focusedMessage()).to.equal('question 57');
      // 30 more: enough for the block that holds the focused message to settle.
      server.events(history(30, 60));
      await waitFor(() => bubbles(el).length === 90, 'the new messages');
      await el.updateComplete;
      expect(deepActiveElement() === focused, 'the same element keeps focus').to.equal(true);
      expect(focusedMessage()).to.equal('question 57');
      await press('ArrowDown');
      expect(focusedMessage()).to.equal('answer 58');
      // Once focus leaves the transcript, the tail settles as usual.
      (part(el, '#input') as HTMLTextAreaElement).focus();
      server.event({ from: 'agent', name: 'Maria', text: 'one more' });
      await waitFor(() => bubbles(el).length === 91, 'one more');
      await waitFor(
        () => el.shadowRoot!.querySelectorAll('#transcript .block').length === 3,
        'the third block settled',
      );
    });
  });
});
