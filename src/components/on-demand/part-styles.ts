import { adoptStyles, supportsAdoptingStyleSheets } from '@lit/reactive-element';
import type { CSSResult } from 'lit';

/**
 * Adds the rules of a part in a chunk of its own to an element's shadow root, after the panel's
 * (they select the part's own elements, so coming last changes nothing else). Once per root;
 * through Lit's `adoptStyles` where constructable stylesheets are missing (a `<style>` with
 * `litNonce`), as the panel's own rules are.
 */
export function adoptPartStyles(root: ShadowRoot, styles: CSSResult): void {
  if (!supportsAdoptingStyleSheets) {
    adoptStyles(root, [styles]);
    return;
  }
  const sheet = styles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}
