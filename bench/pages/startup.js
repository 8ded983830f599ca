// The startup page's classic script, inlined before the system's module script (so that it runs,
// and sets its first mark, before the bundle is requested). Its <script> element says which tag
// to watch (`data-tag`) and what in its shadow root counts as the launcher (`data-probe`).
(() => {
  const { tag, probe: selector } = document.currentScript.dataset;
  const probe = () => document.querySelector(tag)?.shadowRoot?.querySelector(selector);

  // Marks the phases of startup: `bench-define` when the bundle registers the tag (its module top
  // level is done), `bench-defined` when that returns (the element in the page is upgraded:
  // constructed and connected), `bench-seen` when a MutationObserver on its shadow root first
  // sees the launcher (in the microtask after the render, before any timer or frame).
  const seen = () => {
    if (!probe()) return false;
    performance.mark('bench-seen');
    return true;
  };
  const watch = () => {
    const root = document.querySelector(tag)?.shadowRoot;
    if (!root) return void setTimeout(watch, 0);
    if (seen()) return;
    const observer = new MutationObserver(() => {
      if (seen()) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
  };
  const { define } = CustomElementRegistry.prototype;
  CustomElementRegistry.prototype.define = function (name, ...rest) {
    if (name !== tag) return define.call(this, name, ...rest);
    performance.mark('bench-define');
    try {
      return define.call(this, name, ...rest);
    } finally {
      performance.mark('bench-defined');
      watch();
    }
  };

  // Calls `window.__benchDone({ ms })` once `probe()` is truthy (polled with setTimeout 0).
  function waitFor(probe, startMark) {
    const deadline = performance.now() + 30000;
    const tick = () => {
      if (probe()) {
        const end = performance.now();
        const start = performance.getEntriesByName(startMark, 'mark')[0];
        const evaluated = performance.getEntriesByName('bench-eval', 'mark')[0];
        const at = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? NaN;
        window.__benchDone(
          start && evaluated
            ? {
                ms: end - start.startTime,
                fromEval: end - evaluated.startTime,
                seen: at('bench-seen') - evaluated.startTime,
                top: at('bench-define') - evaluated.startTime,
                define: at('bench-defined') - at('bench-define'),
                render: at('bench-seen') - at('bench-defined'),
              }
            : { error: 'no start mark' },
        );
      } else if (performance.now() > deadline) {
        window.__benchDone({ error: 'timeout' });
      } else setTimeout(tick, 0);
    };
    tick();
  }

  performance.mark('bench-start');
  waitFor(probe, 'bench-start');
})();
