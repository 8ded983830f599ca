// The bare-Lit floor in the harness: handed its messages as a property; its "composer" is a plain
// textarea with the same draft and no handlers (the browser's own editing and layout).
import { MSG, layout, timeKeys, draft } from './harness.js';

export function createSystem() {
  let el,
    next = 0;
  const system = {
    async mount(n) {
      el = document.createElement('bench-floor');
      el.messages = Array.from({ length: n }, (_, k) => ({ id: 's' + (k + 1), text: MSG(k + 1) }));
      next = n;
      el.open = true;
      document.body.append(el);
    },
    root: () => el?.shadowRoot,
    last: () => el?.shadowRoot?.querySelector('ol')?.lastElementChild,
    count: () => el?.shadowRoot?.querySelector('ol')?.childElementCount ?? 0,
    dataAt: () => 0,
    async composer(length) {
      const input = document.createElement('textarea');
      input.rows = 4;
      input.cols = 40;
      document.body.append(input);
      input.focus();
      input.value = draft(length);
      input.setSelectionRange(length, length);
      timeKeys(input, () => Promise.resolve());
      return input.value.length;
    },
    async append() {
      const t0 = performance.now();
      next += 1;
      el.messages = [...el.messages, { id: 's' + next, text: MSG(next) }];
      await el.updateComplete;
      layout(system.last());
      return performance.now() - t0;
    },
  };
  return system;
}
