/**
 * The keyboard in a long transcript, after BotFramework-WebChat's model (docs/accessibility.md):
 *
 * - The transcript is one tab stop. On it, or on a message, ↑ and ↓ move focus to the previous
 *   and next message (from the transcript itself: to the last message in view), Home and End to
 *   the first and the last. Focus is real (no `aria-activedescendant`, which Android TalkBack
 *   reads twice): a message becomes focusable (`tabindex="-1"`) when the keys reach it, named by
 *   its sender and time and described by its text. Links and buttons in a message keep their keys.
 * - A character or Backspace typed there goes on in the message box, as in WebChat. Escape closes
 *   the panel, as everywhere in the widget (WebChat's Escape goes to its send box: our panel is a
 *   dialog, and typing already leads back).
 * - Page Up and Page Down in the message box scroll the transcript, unless the draft is long
 *   enough to scroll itself.
 */

/** Ids of the parts that name and describe a focused message (unique in the shadow root). */
let ids = 0;

/** Focuses a message, making it focusable, named and described the first time. */
function focusMessage(message: HTMLElement): void {
  if (!message.hasAttribute('tabindex')) {
    const [meta, bubble] = message.children;
    if (meta && bubble) {
      ids += 1;
      meta.id = `said-by-${ids}`;
      bubble.id = `said-${ids}`;
      message.setAttribute('aria-labelledby', meta.id);
      message.setAttribute('aria-describedby', bubble.id);
    }
    message.tabIndex = -1;
  }
  message.focus();
}

/** The transcript's keydown (listened to on the transcript); `input` is the message box. */
export function transcriptKeydown(event: KeyboardEvent, input: HTMLElement): void {
  const transcript = event.currentTarget as HTMLElement;
  const from = event.target as HTMLElement;
  const { key } = event;
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  if (from !== transcript && !from.classList.contains('message')) return;
  // Typing: the key's own default action then types it into the box that now has focus.
  if (key.length === 1 || key === 'Backspace') return input.focus();
  const all = transcript.querySelectorAll<HTMLElement>('.message');
  const at = Array.prototype.indexOf.call(all, from);
  let to: number;
  if (key === 'Home') to = 0;
  else if (key === 'End') to = all.length - 1;
  else if (key !== 'ArrowUp' && key !== 'ArrowDown') return;
  // (Past either end there is no message: focus stays.)
  else if (at >= 0) to = at + (key === 'ArrowUp' ? -1 : 1);
  else {
    // The last message that starts above the view's bottom edge (message tops grow in DOM order).
    const bottom = transcript.getBoundingClientRect().bottom;
    let low = 0;
    let high = all.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((all[mid] as HTMLElement).getBoundingClientRect().top < bottom) low = mid;
      else high = mid - 1;
    }
    to = low;
  }
  event.preventDefault();
  const message = all[to];
  if (message) focusMessage(message);
}

/**
 * Page Up and Page Down in the message box scroll the transcript (unless the draft scrolls).
 * Returns whether that left the transcript more than 48 px above its end, where the element stops
 * following new messages (its observer's margin): said at once, since the observer says it only
 * at the next frame, and a render before then would pin the transcript back to its end.
 */
export function composerPageKeys(event: KeyboardEvent, transcript: HTMLElement | null): boolean {
  const input = event.currentTarget as HTMLElement;
  const page = event.key === 'PageUp' ? -1 : event.key === 'PageDown' ? 1 : 0;
  if (!page || !transcript || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false;
  if (input.scrollHeight > input.clientHeight) return false;
  event.preventDefault();
  transcript.scrollBy(0, page * transcript.clientHeight * 0.875);
  return transcript.scrollTop + transcript.clientHeight < transcript.scrollHeight - 48;
}
