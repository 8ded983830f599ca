// Records what the element's live regions say, as a screen reader gets it: each node that appears
// with text (or a node whose text changes: that is a new announcement, and the old one is gone) is
// one announcement, with when it appeared and when it went (the element's clock: a fake one in
// tests that check timing). Works whatever the regions hold: text written into them, or a node
// per announcement.
import { clock } from '../../src/components/clock.js';
import type { Politeness } from '../../src/components/announcer.js';

export interface Said {
  politeness: Politeness;
  text: string;
  /** The element's clock when it appeared and when it went (undefined: still there). */
  added: number;
  removed: number | undefined;
  /** Whether the region, or the node itself, is atomic (read whole). */
  atomic: boolean;
}

export interface LiveRecord {
  /** Every announcement, in order of appearance. */
  said: Said[];
  /** The texts of one politeness, in order. */
  texts(politeness?: Politeness): string[];
  /** Those still in the region. */
  present(): Said[];
  stop(): void;
}

export function recordLiveRegions(root: ShadowRoot): LiveRecord {
  const said: Said[] = [];
  const watches: MutationObserver[] = [];
  for (const politeness of ['polite', 'assertive'] as const) {
    const region = root.querySelector(`[aria-live="${politeness}"]`)!;
    const showing = new Map<Node, Said>();
    const look = (): void => {
      const now = clock.now();
      const seen = new Set<Node>();
      for (const node of region.childNodes) {
        // (Lit's markers are comments.)
        const text = node.nodeType === Node.COMMENT_NODE ? '' : (node.textContent?.trim() ?? '');
        if (!text) continue;
        seen.add(node);
        const was = showing.get(node);
        if (was?.text === text) continue;
        if (was) was.removed = now;
        const atomic =
          region.getAttribute('aria-atomic') === 'true' ||
          (node instanceof Element && node.getAttribute('aria-atomic') === 'true');
        const entry: Said = { politeness, text, added: now, removed: undefined, atomic };
        said.push(entry);
        showing.set(node, entry);
      }
      for (const [node, entry] of showing) {
        if (seen.has(node)) continue;
        entry.removed = now;
        showing.delete(node);
      }
    };
    look();
    const watch = new MutationObserver(look);
    watch.observe(region, { childList: true, subtree: true, characterData: true });
    watches.push(watch);
  }
  return {
    said,
    texts: (politeness) => said.filter((s) => !politeness || s.politeness === politeness).map((s) => s.text),
    present: () => said.filter((s) => s.removed === undefined),
    stop: () => watches.forEach((w) => w.disconnect()),
  };
}
