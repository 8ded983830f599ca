/**
 * Builds an element with its attributes: the launcher and the panel's frame are written with the
 * DOM itself, not Lit templates, so that the script-tag entry carries no template engine (lit-html
 * comes with the panel's chunk).
 */
export function make<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  text = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.textContent = text;
  return node;
}

/** Sets an attribute, or removes it for `undefined`; leaves it alone when it already holds that. */
export function attr(node: Element, name: string, value: string | undefined): void {
  if (value === undefined) node.removeAttribute(name);
  else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/** Sets a node's text when it differs (a write of the same text would still be a mutation). */
export function text(node: Node, value: string): void {
  if (node.textContent !== value) node.textContent = value;
}
