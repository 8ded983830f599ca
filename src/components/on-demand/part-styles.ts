import { supportsAdoptingStyleSheets } from 'lit';
import type { CSSResult } from 'lit';

/**
 * Adds the rules of a part in a chunk of its own to the element's shadow root, after the panel's,
 * unless they are there. The element adopts its sheets anew when the panel first shows
 * (panel-frame.ts), which drops a sheet added before, so a part calls this each time it renders.
 * Browsers without constructable stylesheets get a `<style>` element (with `litNonce`), as Lit's
 * `adoptStyles` does.
 */
export function adoptPartStyles(root: ShadowRoot | null, styles: CSSResult): void {
  if (!root) return;
  const sheet = supportsAdoptingStyleSheets ? styles.styleSheet : undefined;
  if (sheet) {
    if (!root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  const text = styles.cssText;
  for (const style of root.querySelectorAll('style')) if (style.textContent === text) return;
  const style = document.createElement('style');
  const nonce = (globalThis as { litNonce?: string }).litNonce;
  if (nonce !== undefined) style.setAttribute('nonce', nonce);
  style.textContent = text;
  root.append(style);
}
