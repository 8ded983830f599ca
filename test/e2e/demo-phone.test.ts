// The demo host pages' simulated phone (demo/phone.ts) on the pages themselves, against the
// reference server (its demo device on): the assistant asks for an identity check while it
// confirms a lost card; in English the push shows on the page's phone, which passes axe with the
// page, and is approved there; in Spanish the code shown on the phone is typed into the strip.
import { expect } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import { axeInFrame, startReferenceServer, stopReferenceServers, waitFor } from '../support/helpers.js';
import { chatIn, desktopPage, removeAfterTest } from '../support/page.js';
import { atAPersonsPace } from '../support/pace.js';

const SAYS = {
  en: {
    page: '/demo/index.html',
    lost: 'I lost my card',
    waiting: 'No prompt yet.',
    approve: 'Approve',
    approved: 'You approved the request.',
    verified: 'Your identity is confirmed with the prompt on your phone.',
    readBack: /ending in 1005[\s\S]*10001/,
  },
  es: {
    page: '/demo/es.html',
    lost: 'perdí mi tarjeta',
    waiting: 'Todavía no hay solicitudes.',
    approve: 'Aprobar',
    approved: 'Aprobó la solicitud.',
    verified: 'Su identidad quedó confirmada con el código.',
    readBack: /terminada en 1005[\s\S]*10001/,
  },
} as const;

type Lang = keyof typeof SAYS;

let endpoint = '';

function part(el: AmexChatElement, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

/** The demo page in `lang`, its chat pointed at the test's server, once its phone has connected. */
async function demoPage(lang: Lang): Promise<{ frame: HTMLIFrameElement; phone: HTMLElement }> {
  const frame = removeAfterTest(
    await desktopPage(`${SAYS[lang].page}?endpoint=${encodeURIComponent(endpoint)}`),
  );
  const phone = await waitFor(
    () => frame.contentDocument?.querySelector<HTMLElement>('[data-phone-screen]'),
    "the page's phone",
  );
  await waitFor(() => phone.textContent?.startsWith(SAYS[lang].waiting), 'the phone connected');
  return { frame, phone };
}

/** The demo cardmember tells the assistant they lost their card: the identity check is offered. */
async function askedToVerify(frame: HTMLIFrameElement, lang: Lang): Promise<AmexChatElement> {
  const el = await chatIn(frame);
  expect(el.getAttribute('endpoint')).to.equal(endpoint);
  await el.show();
  await waitFor(() => part(el, '.message.assistant'), 'the greeting');
  await el.send(SAYS[lang].lost);
  await waitFor(() => el.shadowRoot!.querySelectorAll('.message.assistant').length >= 2, 'which card');
  await el.send('1005');
  await waitFor(() => part(el, '#verify-push') && part(el, '#verify-code'), 'the identity check');
  return el;
}

/** The last assistant message, once it matches `text`. */
async function assistantSays(el: AmexChatElement, text: RegExp): Promise<void> {
  await waitFor(
    () => text.test([...el.shadowRoot!.querySelectorAll('.message.assistant')].at(-1)?.textContent ?? ''),
    'the read-back',
  );
}

describe("the demo pages' simulated phone, against the reference server", () => {
  before(async () => {
    endpoint = await startReferenceServer({ demoDevice: true, simulatedAgent: false, replyDelay: 5 });
  });
  after(async () => {
    await stopReferenceServers();
  });

  it('has no axe violations on the page with its phone and the identity check offered', async () => {
    const { frame } = await demoPage('en');
    await askedToVerify(frame, 'en');
    expect(await axeInFrame(frame)).to.deep.equal([]);
  });

  it('en: the push shows on the page’s phone (axe-clean), is approved there, and the widget says verified', async () => {
    const { frame, phone } = await demoPage('en');
    const el = await askedToVerify(frame, 'en');
    part(el, '#verify-push')!.click();
    const approve = await waitFor(
      () => [...phone.querySelectorAll('button')].find((b) => b.textContent === SAYS.en.approve),
      'the push on the phone',
    );
    expect(await axeInFrame(frame)).to.deep.equal([]);
    approve.click();
    await waitFor(() => phone.textContent === SAYS.en.approved, 'the phone says approved');
    await waitFor(() => part(el, '#verify-text')?.textContent?.trim() === SAYS.en.verified, 'verified');
    // Verified, the assistant goes on with the profile's ZIP: no ZIP typed into the chat.
    await assistantSays(el, SAYS.en.readBack);
  });

  it('es: the code shown on the page’s phone, typed into the strip, verifies', async () => {
    const { frame, phone } = await demoPage('es');
    const el = await askedToVerify(frame, 'es');
    part(el, '#verify-code')!.click();
    const shown = await waitFor(() => phone.querySelector('.phone__code strong')?.textContent, 'the code');
    expect(shown).to.match(/^\d{6}$/);
    // A person reads the code on the phone and types it.
    await atAPersonsPace();
    const input = await waitFor(() => part(el, '#verify-input') as HTMLInputElement | null, 'the code field');
    input.value = shown;
    part(el, '#verify-submit')!.click();
    await waitFor(() => part(el, '#verify-text')?.textContent?.trim() === SAYS.es.verified, 'verified');
    await assistantSays(el, SAYS.es.readBack);
    expect(part(el, '#transcript')!.textContent).not.to.include(shown);
  });
});
