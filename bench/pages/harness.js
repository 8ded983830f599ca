// The in-page harness shared by all systems, served as /pages/harness.js. A system (one module
// per system in this folder) supplies: mount(n) (create, give it n messages, open it), root()
// (its shadow root), last() (the last message's text element), count(), dataAt(), append()
// (one more message; resolves with ms from its arrival to laid out), and composer(length).

export const MSG = (i) =>
  'Hi, this is message ' + i + ' about a charge of $' + (i % 97) + '.42 I do not recognise.';

const longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ startTime: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

export const until = (probe, limit = 20000) =>
  new Promise((resolve, reject) => {
    const deadline = performance.now() + limit;
    const tick = () => {
      if (probe()) resolve();
      else if (performance.now() > deadline) reject(new Error('timeout'));
      else setTimeout(tick, 0);
    };
    tick();
  });

/**
 * Resolves as soon as probe() holds after a change to the element's shadow tree: a
 * MutationObserver callback runs at the microtask checkpoint right after the render that made the
 * change, before any timer or frame, so no system is charged for work that merely happens to run
 * before a polling timer (a frame's layout and paint, an idle callback). Polls too, as a fallback.
 */
const shown = (root, probe, limit = 20000) =>
  new Promise((resolve, reject) => {
    let observer;
    const finish = (ok) => {
      observer?.disconnect();
      clearTimeout(timer);
      ok ? resolve() : reject(new Error('timeout'));
    };
    const deadline = performance.now() + limit;
    let timer;
    const tick = () => {
      if (probe()) return finish(true);
      if (performance.now() > deadline) return finish(false);
      const shadow = root();
      if (!observer && shadow) {
        observer = new MutationObserver(() => {
          if (probe()) finish(true);
        });
        observer.observe(shadow, { childList: true, subtree: true, characterData: true });
      }
      timer = setTimeout(tick, 0);
    };
    tick();
  });

const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
export const layout = (node) => node?.getBoundingClientRect();

/**
 * Times key presses in `input` (a composer's textarea, or a plain one): from the page's keydown
 * and from its input event to `settled()` plus a forced layout, into `window.keyTimes` and
 * `window.inputTimes`.
 */
export function timeKeys(input, settled) {
  const times = [],
    fromInput = [];
  let down = 0,
    edited = 0;
  window.addEventListener(
    'keydown',
    () => {
      down = performance.now();
    },
    true,
  );
  window.addEventListener(
    'input',
    () => {
      edited = performance.now();
    },
    true,
  );
  input.addEventListener('input', async () => {
    await settled();
    layout(input);
    times.push(performance.now() - down);
    fromInput.push(performance.now() - edited);
  });
  window.keyTimes = times;
  window.inputTimes = fromInput;
}

/** The draft the keystroke rows type into: a card number, then text, cut to `length`. */
export function draft(length) {
  let text = 'My card 3782 822463 10005 was charged twice at the store on Main Street. ';
  while (text.length < length) text += 'I would like to dispute the second charge and get a refund please. ';
  return text.slice(0, length);
}

/** Puts `window.harness` in the page for the bench runner (bench/widget/runs.ts). */
export function installHarness(system) {
  window.harness = {
    async history(n) {
      const t0 = performance.now();
      if (window.BENCH_DEBUG) console.log('mount', Math.round(t0));
      // PROFILE=dom: from the data's arrival (amex-chat: its first frame; the others: the mount).
      if (window.BENCH_PROFILE && !system.profilesItself) console.profile('dom');
      await system.mount(n);
      try {
        await shown(system.root, () => system.last()?.textContent.includes('message ' + n + ' '));
      } catch {
        throw new Error('timeout; last message shown: ' + system.last()?.textContent);
      }
      const inDom = performance.now();
      if (window.BENCH_PROFILE) console.profileEnd('dom');
      if (window.BENCH_DEBUG) performance.mark('bench-dom');
      // Rendered = in the DOM and laid out, for every system alike.
      layout(system.last());
      const done = performance.now();
      const rendered = done - t0;
      // From the moment the messages were in the page (amex-chat: the first frame on its socket;
      // the others are handed the array at mount).
      const fromData = done - Math.max(t0, system.dataAt());
      const domFromData = inDom - Math.max(t0, system.dataAt());
      // amex-chat only: from its welcome, so with the delivery of the history's first frame.
      const domFromWelcome = system.welcomeAt ? inDom - system.welcomeAt() : NaN;
      if (window.BENCH_DEBUG)
        console.log(
          'in the DOM',
          (inDom - system.dataAt()).toFixed(1),
          'laid out',
          (done - system.dataAt()).toFixed(1),
        );
      await nextPaint();
      const painted = performance.now() - t0;
      // Every message in the DOM (amex-chat fills older messages in after showing the last ones).
      await until(() => system.count() >= n, 60000);
      const complete = performance.now() - t0;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      // Long tasks that started during the load or the second after it was complete.
      const end = performance.now();
      const entries = longTasks.filter((e) => e.startTime >= t0 - 1 && e.startTime <= end);
      return {
        rendered,
        fromData,
        domFromData,
        domFromWelcome,
        painted,
        complete,
        longest: Math.max(0, ...entries.map((e) => e.duration)),
        longTasks: entries.length,
      };
    },
    async appends(k) {
      const times = [];
      for (let i = 0; i < k; i++) times.push(await system.append());
      return times;
    },
    composer: (length) => system.composer(length),
  };
}
