import { adoptStyles, supportsAdoptingStyleSheets } from '@lit/reactive-element';
import type { CSSResult } from 'lit';

/** The roots given a part's `<style>` already (browsers without constructable stylesheets). */
const styled = new WeakMap<ShadowRoot, Set<CSSResult>>();

/**
 * Adds the rules of a part in a chunk of its own to the element's sheets, after the panel's, once
 * per root: called at each of the part's renders, since the panel adopts its own sheets (replacing
 * the list) when it first renders, which may be after the part loaded (a chat that reconnects
 * while the panel is closed). The part's rules select its own elements only, so coming after the
 * media and position rules changes nothing else. Without constructable stylesheets, a `<style>`
 * (with `litNonce`), as Lit does.
 */
export function adoptPartStyles(root: ShadowRoot | null, part: CSSResult): void {
  if (!root) return;
  const sheet = supportsAdoptingStyleSheets ? part.styleSheet : undefined;
  if (sheet) {
    if (!root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  const given = styled.get(root) ?? new Set<CSSResult>();
  styled.set(root, given);
  if (given.has(part)) return;
  given.add(part);
  adoptStyles(root, [part]);
}
