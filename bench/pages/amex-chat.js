// amex-chat in the harness: it gets its history the way it does in production, over a WebSocket
// from the bench's loopback server; a control socket asks that server to push one more message.
import { layout, timeKeys, draft, until } from './harness.js';

export async function createSystem() {
  const Native = WebSocket;
  let chatSocket,
    control,
    arrival = 0,
    el,
    frames = 0,
    firstFrame = 0,
    firstData = 0;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      if (String(url).includes('/chat/')) {
        chatSocket = this;
        this.addEventListener('message', (e) => {
          arrival = performance.now();
          frames += 1;
          if (frames === 1) firstFrame = arrival;
          // The history is in the page from its first frame on (the welcome comes before it).
          if (!firstData && e.data.startsWith('{"type":"event')) {
            firstData = arrival;
            if (window.BENCH_PROFILE) console.profile('dom');
          }
          if (window.BENCH_DEBUG) performance.mark('bench-frame');
        });
        // After the transport's own listener (added once the socket exists): the frame's handling.
        if (window.BENCH_DEBUG)
          this.addEventListener(
            'open',
            () =>
              this.addEventListener('message', () =>
                console.log(
                  'frame',
                  frames,
                  'arrived',
                  (arrival - firstFrame).toFixed(1),
                  'handled in',
                  (performance.now() - arrival).toFixed(1),
                ),
              ),
            { once: true },
          );
      }
    }
  };
  // The bench's control socket (to push messages for the append rows) is open before any timing.
  control = new Native('ws://' + location.host + '/control');
  await new Promise((resolve) => control.addEventListener('open', resolve, { once: true }));
  const open = (history) => {
    el = document.createElement('amex-chat');
    el.persist = 'none';
    el.idleTimeout = 0;
    el.endpoint = 'ws://' + location.host + '/chat/' + history;
    document.body.append(el);
    el.open = true;
  };
  const system = {
    profilesItself: true,
    async mount(n) {
      open(n);
    },
    root: () => el?.shadowRoot,
    last: () =>
      el?.shadowRoot?.querySelector('#transcript .messages')?.lastElementChild?.querySelector('.bubble'),
    count: () => {
      // Settled messages sit in blocks (of 25); the recent ones directly in the list.
      let n = 0;
      for (const block of el?.shadowRoot?.querySelectorAll('#transcript .block') ?? [])
        n += block.childElementCount;
      for (const child of el?.shadowRoot?.querySelector('#transcript .messages')?.children ?? [])
        if (child.classList.contains('message')) n += 1;
      return n;
    },
    /** When the history reached the page: its first frame (after the welcome). */
    dataAt: () => firstData,
    welcomeAt: () => firstFrame,
    append() {
      return new Promise((resolve) => {
        // Added after the transport's own listener, so it runs once the frame was handled.
        const handled = async () => {
          chatSocket.removeEventListener('message', handled);
          await el.updateComplete;
          layout(system.last());
          resolve(performance.now() - arrival);
        };
        chatSocket.addEventListener('message', handled);
        control.send('push');
      });
    },
    async composer(length) {
      open(10);
      await until(() => system.last()?.textContent.includes('message 10 '));
      const input = el.shadowRoot.querySelector('textarea');
      input.focus();
      input.value = draft(length);
      input.setSelectionRange(length, length);
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      timeKeys(input, () => el.updateComplete);
      return input.value.length;
    },
  };
  return system;
}
