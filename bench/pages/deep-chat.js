// deep-chat in the harness: handed its history as a property (history rows only).
import { MSG } from './harness.js';

export function createSystem() {
  let el;
  return {
    async mount(n) {
      el = document.createElement('deep-chat');
      el.history = Array.from({ length: n }, (_, k) => ({
        role: (k + 1) % 2 ? 'user' : 'ai',
        text: MSG(k + 1),
      }));
      document.body.append(el);
    },
    root: () => el?.shadowRoot,
    last: () => [...(el?.shadowRoot?.querySelectorAll('.message-bubble') ?? [])].pop(),
    count: () => el?.shadowRoot?.querySelectorAll('.message-bubble').length ?? 0,
    dataAt: () => 0,
  };
}
