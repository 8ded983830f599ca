import { html, render } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { TranscriptMessage } from '../../conversation/index.js';

/**
 * Messages per transcript block (see `blocks`); the live tail holds up to this many. Half a
 * hundred would make a long history's first render build and lay out a tail twice as long.
 */
const BLOCK = 25;
/** Most time one render spends turning settled blocks into DOM, in ms; the rest waits a task. */
export const FILL_BUDGET = 12;

/** A run of settled messages rendered once into plain DOM, with the messages it was made from. */
interface SettledBlock {
  index: number;
  first: TranscriptMessage | undefined;
  last: TranscriptMessage | undefined;
  /** Undefined until rendered (older blocks of a long history fill in over a few tasks). */
  nodes: HTMLElement | undefined;
}

/** The element the transcript renders in. */
export interface TranscriptHost extends ReactiveControllerHost {
  readonly shadowRoot: ShadowRoot | null;
  readonly isUpdatePending: boolean;
}

/** Runs `task` when the page is idle, within `timeout` ms (Safari: after a frame's time). */
export function whenIdle(task: () => void, timeout: number): void {
  if ('requestIdleCallback' in globalThis) requestIdleCallback(task, { timeout });
  else setTimeout(task, 16);
}

/**
 * The transcript's messages in blocks, and its scroll position: it follows new messages unless
 * the customer scrolled up to read, and shows a chat's end card from its top.
 */
export class TranscriptView implements ReactiveController {
  /** Follow new messages (the customer is at the bottom, or sent something). */
  stickToBottom = true;
  /** A chat just ended: scroll its summary into view once rendered. */
  showEnding = false;
  /** This render is for frames that arrived (maybe a long history still arriving): no filling. */
  burst = false;
  readonly #host: TranscriptHost;
  /** The transcript's element, once rendered. */
  readonly #element: () => HTMLElement | null;
  /** Transcript blocks already rendered to plain DOM, and for what. */
  #settled: SettledBlock[] = [];
  #settledKey = '';
  /** Older blocks are still to be rendered. */
  #filling = false;
  #pinPending = false;
  /** Where the last pin left the transcript's scroll position. */
  #pinnedTop = 0;
  #bottomWatch: IntersectionObserver | undefined;

  constructor(host: TranscriptHost, element: () => HTMLElement | null) {
    this.#host = host;
    this.#element = element;
    host.addController(this);
  }

  /**
   * The transcript in blocks of {@link BLOCK} messages. A full block whose messages can no longer
   * change (sequenced by the server, or notices) and that is not the last one is rendered once
   * into plain DOM and then costs nothing on later renders: no template instance, no diffing. Only
   * the tail goes through `repeat()` on each render, so an append costs the same at 100 messages
   * as at 10,000, and a long history keeps no per-message bookkeeping.
   *
   * Settled blocks are rendered newest first, at most {@link FILL_BUDGET} ms per render, and not
   * in a render for arriving frames (more may follow: the last message shows first): a long
   * history shows its last messages at once and fills in the older ones over the next tasks,
   * never blocking the page for long. The log is then complete in the DOM (for screen readers and
   * find-in-page); `content-visibility` skips the layout of what is off screen.
   *
   * `key` names what the rendered messages depend on besides themselves (language, links).
   */
  render(
    key: string,
    messages: readonly TranscriptMessage[],
    message: (message: TranscriptMessage, last: boolean) => TemplateResult,
  ): TemplateResult {
    const blocks = this.#settled;
    if (key !== this.#settledKey) {
      blocks.length = 0;
      this.#settledKey = key;
    }
    // Blocks still matching the messages they were made from (defensive: the list only grows).
    let valid = 0;
    while (valid < blocks.length) {
      const block = blocks[valid];
      if (block?.first !== messages[valid * BLOCK] || block?.last !== messages[valid * BLOCK + BLOCK - 1])
        break;
      valid += 1;
    }
    blocks.length = valid;
    // A message of the live tail that has focus keeps the tail live (unsettled) until focus
    // leaves it: settling would replace its nodes, and the customer's place with them.
    const holding = this.#host.shadowRoot?.activeElement?.closest('.messages > .message');
    while (!holding && (blocks.length + 1) * BLOCK < messages.length) {
      const start = blocks.length * BLOCK;
      const block = messages.slice(start, start + BLOCK);
      if (!block.every((m) => m.seq !== undefined || m.from === 'system')) break;
      blocks.push({ index: blocks.length, first: block[0], last: block[BLOCK - 1], nodes: undefined });
    }
    const deadline = performance.now() + FILL_BUDGET;
    for (let i = blocks.length - 1; i >= 0; i -= 1) {
      const block = blocks[i];
      if (!block || block.nodes) continue;
      if (this.burst || performance.now() > deadline) {
        this.#filling = true;
        break;
      }
      const scratch = document.createDocumentFragment();
      render(
        messages.slice(i * BLOCK, i * BLOCK + BLOCK).map((m) => message(m, false)),
        scratch,
        { host: this.#host },
      );
      // Moved out of the fragment Lit rendered into, so its bookkeeping can be collected
      // (nothing will update these nodes). The block's own box lets layout skip it whole: one
      // flex item per block, not one per message.
      const nodes = document.createElement('div');
      nodes.className = 'block';
      nodes.append(...scratch.childNodes);
      // Lit's marker comments too: each would keep a JS wrapper alive.
      const markers = document.createNodeIterator(nodes, NodeFilter.SHOW_COMMENT);
      for (let marker = markers.nextNode(); marker; marker = markers.nextNode()) (marker as Comment).remove();
      block.nodes = nodes;
    }
    const tail = messages.slice(blocks.length * BLOCK);
    // The blocks sit in one box of their own: an append lays out the tail next to that one box
    // (its size unchanged), not next to every block.
    return html`<div class="settled">
        ${repeat(
          blocks.filter((block) => block.nodes),
          (block) => block.index,
          (block) => block.nodes,
        )}
      </div>
      ${repeat(
        tail,
        (m) => m.id,
        (m, index) => message(m, index === tail.length - 1),
      )}`;
  }

  hostUpdated(): void {
    // When a chat ends, show its card from the top (the reference number) to the rating form at
    // its end; where the card is taller than the transcript, down to the rating. Otherwise follow
    // new messages unless the customer scrolled up to read.
    const transcript = this.#element();
    const ended = this.showEnding ? transcript?.querySelector<HTMLElement>('[part="ended"]') : null;
    if (ended && transcript) {
      this.showEnding = false;
      this.stickToBottom = false;
      const view = transcript.getBoundingClientRect();
      transcript.scrollTop += Math.max(
        ended.getBoundingClientRect().top - view.top,
        ended.getBoundingClientRect().bottom - view.bottom,
      );
    } else if (this.stickToBottom && transcript) {
      this.#pinToBottom();
    }
    if (transcript && !this.#bottomWatch) {
      // Whether the customer is at the bottom (within 48 px) comes from an observer, computed
      // with the frame's own layout: reading the scroll height in a scroll handler forced a
      // layout per scroll event, which a long transcript made slow.
      this.#bottomWatch = new IntersectionObserver(
        (entries) => {
          const entry = entries[entries.length - 1];
          if (entry) this.stickToBottom = entry.isIntersecting;
        },
        { root: transcript, rootMargin: '0px 0px 48px 0px' },
      );
      const bottom = transcript.querySelector('.bottom');
      if (bottom) this.#bottomWatch.observe(bottom);
    }
    if (this.#filling) {
      // Older blocks fill in when the page is idle: after a burst of frames, not between them.
      this.#filling = false;
      // (Within 100 ms even on a page that is never idle, so the log completes.)
      whenIdle(() => this.#host.requestUpdate(), 100);
    }
  }

  hostDisconnected(): void {
    this.#bottomWatch?.disconnect();
    this.#bottomWatch = undefined;
  }

  /**
   * Follows new messages, once per frame rather than once per render: reading the scroll height
   * forces a layout, which a burst of renders (a long history arriving) would repeat for nothing.
   * Hidden tabs get no animation frames, so a timer stands in.
   */
  #pinToBottom(): void {
    if (this.#pinPending) return;
    this.#pinPending = true;
    const pin = (): void => {
      const transcript = this.#element();
      if (!this.#pinPending || !transcript) return;
      this.#pinPending = false;
      // A render is on its way (more of a history): it pins again, after one layout, not two.
      if (this.#host.isUpdatePending) return;
      // Over 48 px (the observer's margin) above where the last pin left it, and not at the
      // bottom (where a taller panel or shorter content would clamp it), means the reader (or the
      // host) scrolled up since: the observer that says so runs after this frame's callbacks, and
      // not at all in a hidden page.
      const { scrollTop, scrollHeight, clientHeight } = transcript;
      if (scrollTop < this.#pinnedTop - 48 && scrollTop + clientHeight < scrollHeight - 1) {
        this.stickToBottom = false;
      }
      if (!this.stickToBottom) return;
      transcript.scrollTop = transcript.scrollHeight;
      this.#pinnedTop = transcript.scrollTop;
    };
    requestAnimationFrame(() => pin());
    setTimeout(pin, 100);
  }
}
