// The needs form ("Tell us what you need") of the built bundle is a chunk of its own,
// `needs-form-*.js`: a chat downloads it only when the customer presses "Your needs" (not with the
// panel, not when the page is idle). When it cannot load, the form's place says so with "Try
// again" (said once per failed attempt, focus on it), and "Try again" brings the form with nothing lost: the choices
// the host set, the draft in the message box. `/dist-flaky-<name>/fail/needs-form` makes a copy of
// dist whose needs chunk fails until `/dist-flaky-<name>/up` (test/support/wtr-plugins.mjs).
import { expect } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import { axeCheck, startReferenceServer, stopReferenceServers, waitFor } from '../support/helpers.js';
import { recordLiveRegions } from '../support/live-regions.js';
import { removeAfterTest } from '../support/page.js';

type Module = typeof import('../../src/index.js');

const UNAVAILABLE = {
  en: 'The form for your needs could not load. Check your connection, then try again.',
  es: 'No se pudo cargar el formulario de sus necesidades. Revise su conexión e intente de nuevo.',
};

/** The chunks named `prefix-*.js` fetched from the folder `dir` itself. */
const requests = (dir: string, prefix: string): string[] =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter(
      (path) => path.startsWith(dir) && new RegExp(`^${prefix}-[^/]*\\.js$`).test(path.slice(dir.length)),
    );

/** Resolves when the page has been idle once (the panel's idle work, and any prefetch, ran). */
const idle = (): Promise<void> =>
  new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }));

function $(el: AmexChatElement, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

/** Opens `el` (removed after the test) on `endpoint`; resolves once "Your needs" shows. */
async function opened(el: AmexChatElement, endpoint: string, lang: 'en' | 'es'): Promise<HTMLElement> {
  removeAfterTest(el);
  el.endpoint = endpoint;
  el.persist = 'none';
  el.lang = lang;
  el.accommodations = ['more-time'];
  document.body.append(el);
  await el.show();
  await waitFor(() => $(el, '.message.assistant'), 'the greeting');
  return waitFor(() => $(el, '#needs-toggle'), '"Your needs"');
}

describe('the needs form of the built bundle', () => {
  let endpoint: string;

  before(async () => {
    endpoint = await startReferenceServer({ replyDelay: 5 });
  });
  after(async () => {
    await stopReferenceServers();
  });

  it('has no axe violations with the form that could not load, then the form', async () => {
    // A copy of its own, so that the cases below count only their own fetches.
    await fetch('/dist-flaky-needsaudit/fail/needs-form');
    const module = (await import(
      /* @vite-ignore */ `${location.origin}/dist-flaky-needsaudit/cdn/amex-chat.js`
    )) as Module;
    if (!customElements.getName(module.AmexChatElement)) module.AmexChatElement.define('audit-needs-chat');
    const el = new module.AmexChatElement();
    const toggle = await opened(el, endpoint, 'en');
    toggle.click();
    await waitFor(() => $(el, '#needs-retry'), '"Try again" in the form\'s place');
    await axeCheck(el);
    await fetch('/dist-flaky-needsaudit/up');
    $(el, '#needs-retry')!.click();
    await waitFor(() => $(el, '#need-screen-reader'), 'the form');
    await axeCheck(el);
  });

  it('is fetched only when "Your needs" is pressed; failing, it says so once per attempt, and "Try again" brings the form with nothing lost', async () => {
    const dir = '/dist-flaky-needs/cdn/';
    await fetch('/dist-flaky-needs/fail/needs-form');
    const module = (await import(/* @vite-ignore */ `${location.origin}${dir}amex-chat.js`)) as Module;
    // The copy registered `amex-chat` on import unless another copy had (then it takes a tag of its own).
    if (!customElements.getName(module.AmexChatElement)) module.AmexChatElement.define('flaky-needs-chat');
    const el = new module.AmexChatElement();
    const toggle = await opened(el, endpoint, 'en');
    const root = el.shadowRoot!;
    expect(requests(dir, 'panel'), 'the panel loaded').to.have.length(1);
    await idle();
    await el.updateComplete;
    expect(requests(dir, 'needs-form'), 'not with the panel, not when idle').to.deep.equal([]);

    // A draft in the message box, then "Your needs" from the keyboard: the chunk fails.
    const input = $(el, '#input') as HTMLTextAreaElement;
    input.value = 'My statement is wrong';
    input.dispatchEvent(new Event('input'));
    const live = recordLiveRegions(root);
    toggle.focus();
    toggle.click();
    const retry = await waitFor(() => $(el, '#needs-retry'), '"Try again" in the form\'s place');
    expect(requests(dir, 'needs-form')).to.have.length(1);
    expect($(el, '#needs-retry-text')!.textContent).to.equal(UNAVAILABLE.en);
    expect(retry.textContent?.trim()).to.equal('Try again');
    await waitFor(() => root.activeElement === retry, 'focus on Try again');
    await waitFor(() => live.texts('assertive').includes(UNAVAILABLE.en), 'said, assertively');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(root.getElementById(toggle.getAttribute('aria-controls')!), 'what the button controls').to.exist;
    expect($(el, '#needs-form')).to.equal(null);
    await axeCheck(el);
    expect(
      live.texts().filter((text) => text === UNAVAILABLE.en),
      'said once',
    ).to.have.length(1);

    // Still down: "Try again" fetches it again, fails again and says so again; focus stays.
    // (The live region clears 1 s after an announcement; an identical one before that is dropped.)
    await waitFor(() => !root.querySelector('[aria-live="assertive"]')?.textContent?.trim(), 'quiet');
    retry.click();
    await waitFor(() => requests(dir, 'needs-form').length === 2, 'fetched again');
    await waitFor(
      () => live.texts('assertive').filter((text) => text === UNAVAILABLE.en).length === 2,
      'said again',
    );
    await el.updateComplete;
    expect(root.activeElement, 'focus stays on Try again').to.equal(retry);

    // Back up: "Try again" loads it, the form replaces the message, focus goes into it.
    await fetch('/dist-flaky-needs/up');
    retry.click();
    const first = await waitFor(() => $(el, '#need-screen-reader'), 'the form');
    await waitFor(() => root.activeElement === first, 'focus on the first need');
    expect(requests(dir, 'needs-form')).to.have.length(3);
    expect($(el, '#needs-retry')).to.equal(null);
    expect(($(el, '#need-more-time') as HTMLInputElement).checked, "the host's choice").to.equal(true);
    expect(input.value, 'the draft').to.equal('My statement is wrong');
    // Its rules came with it.
    expect(getComputedStyle($(el, '.needs')!).display).to.equal('grid');
    expect(
      live.texts().filter((text) => text === UNAVAILABLE.en),
      'once per failure',
    ).to.have.length(2);
    await axeCheck(el);

    // Saved through the chunk: the server's notice, and the form closed, focus in the message box.
    $(el, '#needs-save')!.click();
    await waitFor(
      () =>
        [...root.querySelectorAll('.message.system .bubble')].some((bubble) =>
          /^We've noted what you told us: you need more time/.test(bubble.textContent ?? ''),
        ),
      'the notice',
    );
    await waitFor(() => root.activeElement === input, 'focus in the message box');
    expect($(el, '#needs-form')).to.equal(null);
    live.stop();
  });

  it('of the npm build: its own chunk, loaded on the press, with its words in Spanish', async () => {
    const npm = (await import(/* @vite-ignore */ `${location.origin}/dist/element.js`)) as Module;
    npm.AmexChatElement.define('npm-needs-chat');
    const el = new npm.AmexChatElement();
    const toggle = await opened(el, endpoint, 'es');
    await idle();
    expect(requests('/dist/', 'needs-form'), 'not before the press').to.deep.equal([]);
    expect(toggle.textContent?.trim()).to.equal('Sus necesidades');
    toggle.focus();
    toggle.click();
    const first = await waitFor(() => $(el, '#need-screen-reader'), 'the form');
    await waitFor(() => el.shadowRoot!.activeElement === first, 'focus on the first need');
    expect(requests('/dist/', 'needs-form')).to.have.length(1);
    expect($(el, '#needs-heading')!.textContent).to.equal('Díganos qué necesita');
    expect($(el, 'legend')!.textContent).to.equal('¿Qué le ayudaría en este chat?');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    // "Not now" closes it; the button stays, and a second press needs no second download.
    $(el, '#needs-skip')!.click();
    await el.updateComplete;
    expect($(el, '#needs-form')).to.equal(null);
    toggle.click();
    await el.updateComplete;
    expect($(el, '#needs-form')).to.exist;
    expect(requests('/dist/', 'needs-form')).to.have.length(1);
  });
});
