// The browser's accessibility tree, as a screen reader gets it: `ax-tree` returns the page's
// full tree from the Chrome DevTools Protocol (`Accessibility.getFullAXTree`), simplified to
// `{ role, name, description, ignored, properties }` per node, in document order. Shadow roots
// are flattened into it, exactly as assistive technology sees them.
export function axPlugin() {
  return {
    name: 'amex-chat-ax',
    async executeCommand({ command, session }) {
      if (command !== 'ax-tree') return undefined;
      const page = session.browser.getPage(session.id);
      const cdp = await page.createCDPSession();
      try {
        await cdp.send('Accessibility.enable');
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        return nodes.map((node) => ({
          role: node.role?.value ?? '',
          name: node.name?.value ?? '',
          description: node.description?.value ?? '',
          ignored: Boolean(node.ignored),
          properties: Object.fromEntries((node.properties ?? []).map((p) => [p.name, p.value?.value])),
        }));
      } finally {
        await cdp.detach();
      }
    },
  };
}
