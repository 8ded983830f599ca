// The identity check end to end, in English and Spanish: the reference server (demo device on),
// the widget on the page, an agent console's socket asking for the check, and the demo page's
// simulated phone (demo/phone.ts) receiving the prompt or the code. Push approved, denied and
// expired; a code right after a wrong one; too many tries; and every frame the page sent and the
// server received scanned for the code: only the verify-code frame carries it.
import { expect, fixture, html } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import type { AgentServerFrame } from '../../src/agent-protocol.js';
import '../../src/define.js';
import { FakeClock } from '../support/fake-clock.js';
import {
  axeCheck,
  deepActiveElement,
  framesReceivedByServer,
  recordWireFrames,
  startReferenceServer,
  stopReferenceServers,
  waitFor,
  wireFramesSent,
} from '../support/helpers.js';
import { AgentSocket } from '../support/agent-socket.js';
import { atAPersonsPace } from '../support/pace.js';

type Lang = 'en' | 'es';

const SAYS = {
  en: {
    agent: 'I want to talk to an agent',
    verifiedPush: 'Your identity is confirmed with the prompt on your phone.',
    verifiedCode: 'Your identity is confirmed with the code.',
    denied: 'You declined the prompt on your phone, so your identity was not confirmed.',
    expired: 'The request expired. The agent can send a new one.',
    wrong: 'That code is incorrect. You have 2 more tries.',
    tooMany: 'Too many incorrect codes. The agent can send a new request.',
    oneLeft: '1 more try',
    approve: 'Approve',
    deny: 'Deny',
  },
  es: {
    agent: 'Quiero hablar con un agente',
    verifiedPush: 'Su identidad quedó confirmada con la notificación en su teléfono.',
    verifiedCode: 'Su identidad quedó confirmada con el código.',
    denied: 'Rechazó la notificación en su teléfono, así que no se confirmó su identidad.',
    expired: 'La solicitud venció. El agente puede enviarle una nueva.',
    wrong: 'El código no es correcto. Le quedan 2 intentos.',
    tooMany: 'Demasiados códigos incorrectos. El agente puede enviarle una nueva solicitud.',
    oneLeft: '1 intento',
    approve: 'Aprobar',
    deny: 'Rechazar',
  },
} as const;

let endpoint = '';
let agentUrl = '';
let agent: AgentSocket;

/** The demo page's phone: its screen, followed by demo/phone.ts for the demo account. */
function phoneScreen(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-phone-screen]');
}

async function startPhone(): Promise<void> {
  const screen = Object.assign(document.createElement('div'), {});
  screen.setAttribute('data-phone-screen', '');
  document.body.append(screen);
  // The phone reads the chat's endpoint and account from the page's <amex-chat>.
  const placeholder = Object.assign(document.createElement('amex-chat'), {});
  placeholder.setAttribute('endpoint', endpoint);
  placeholder.setAttribute('account', '1005');
  document.body.append(placeholder);
  await import('../../demo/phone.js');
  placeholder.remove();
  await waitFor(() => phoneScreen()!.textContent?.includes('No prompt yet'), 'the phone connected');
}

function part(el: AmexChatElement, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

/** A customer of the demo account with Maria, who asks to verify them; the strip shows. */
async function askedToVerify(
  lang: Lang,
  idleTimeout = 0,
): Promise<{ el: AmexChatElement; conversationId: string }> {
  const el = await fixture<AmexChatElement>(
    html`<amex-chat
      endpoint=${endpoint}
      account="1005"
      lang=${lang}
      persist="none"
      idle-timeout=${idleTimeout}
    ></amex-chat>`,
  );
  await el.show();
  await waitFor(() => part(el, '.message.assistant'), 'the greeting');
  const from = agent.frames.length;
  await el.send(SAYS[lang].agent);
  const board = await agent.next(
    'board',
    (f) => f.waiting.some((w) => w.lang === lang),
    'the customer waiting',
    from,
  );
  const conversationId =
    board.type === 'board' ? (board.waiting.find((w) => w.lang === lang)?.conversationId ?? '') : '';
  agent.send({ type: 'accept', conversationId });
  await agent.next('assigned', (f) => f.conversationId === conversationId, 'assigned');
  // What the phone showed for an earlier check goes (the next prompt or code replaces it anyway).
  phoneScreen()?.replaceChildren();
  agent.send({ type: 'verify', conversationId });
  await waitFor(() => part(el, '#verify-push'), 'the identity check');
  return { el, conversationId };
}

function status(conversationId: string, value: string): (f: AgentServerFrame) => boolean {
  return (f) => f.type === 'verification' && f.conversationId === conversationId && f.status === value;
}

async function phoneButton(label: string): Promise<HTMLButtonElement> {
  await waitFor(
    () => [...phoneScreen()!.querySelectorAll('button')].find((b) => b.textContent === label),
    `the phone's ${label}`,
  );
  return [...phoneScreen()!.querySelectorAll('button')].find((b) => b.textContent === label)!;
}

/** The last code the phone showed: every case uses the demo account, so its phone is the same. */
let shown = '';

/** The code the phone shows next (not the one an earlier case left on its screen). */
async function phoneCode(): Promise<string> {
  const text = () => phoneScreen()?.querySelector('.phone__code strong')?.textContent ?? '';
  await waitFor(() => text() !== '' && text() !== shown, 'a new code on the phone');
  shown = text();
  return shown;
}

/**
 * Types a code as a person does: after reading it (or the last answer), six digits later. Sooner,
 * a quick machine spends the work budget faster than it refills (the check's start and each code
 * cost as much as the longest message, and every chat of this file comes from one address), and
 * the code is refused rate-limited: "That was too quick".
 */
async function typeCode(el: AmexChatElement, code: string): Promise<void> {
  await atAPersonsPace();
  const input = part(el, '#verify-input') as HTMLInputElement;
  input.value = code;
  (part(el, '#verify-submit') as HTMLButtonElement).click();
  await waitFor(() => input.value === '', 'the field emptied');
}

describe('identity check with the reference server and the demo phone', () => {
  before(async () => {
    endpoint = await startReferenceServer({
      debug: true,
      demoDevice: true,
      simulatedAgent: false,
      replyDelay: 5,
    });
    agentUrl = endpoint.replace(/\/chat$/, '/agent');
    agent = await AgentSocket.signIn(agentUrl);
    await startPhone();
    await recordWireFrames();
  });
  after(async () => {
    agent.close();
    await stopReferenceServers();
  });

  it('has no axe violations with the check offered, then verified by push', async () => {
    const { el } = await askedToVerify('en');
    await axeCheck(el);
    part(el, '#verify-push')!.click();
    (await phoneButton(SAYS.en.approve)).click();
    await waitFor(() => part(el, '#verify-text')?.textContent?.trim() === SAYS.en.verifiedPush, 'verified');
    await axeCheck(el);
  });

  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: push approved on the phone: verified by push for the widget and the agent`, async () => {
      const { el, conversationId } = await askedToVerify(lang);
      part(el, '#verify-push')!.click();
      // The phone speaks the page's language (English here), not the chat's.
      (await phoneButton(SAYS.en.approve)).click();
      await waitFor(
        () => part(el, '#verify-text')?.textContent?.trim() === SAYS[lang].verifiedPush,
        'verified',
      );
      await agent.next('verification', status(conversationId, 'push'), 'Verified by push');
    });

    it(`${lang}: push denied on the phone: not verified`, async () => {
      const { el, conversationId } = await askedToVerify(lang);
      part(el, '#verify-push')!.click();
      (await phoneButton(SAYS.en.deny)).click();
      await waitFor(() => part(el, '#verify-text')?.textContent?.trim() === SAYS[lang].denied, 'denied');
      await agent.next('verification', status(conversationId, 'not-verified'), 'Not verified');
    });
  }

  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: a wrong code then the right one; the code is only in the verify-code frame`, async () => {
      const { el, conversationId } = await askedToVerify(lang);
      part(el, '#verify-code')!.click();
      const code = await phoneCode();
      expect(code).to.match(/^\d{6}$/);
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      await waitFor(() => part(el, '#verify-input'), 'the code field');
      await typeCode(el, wrong);
      await waitFor(() => part(el, '#verify-error')?.textContent === SAYS[lang].wrong, 'wrong code');
      await typeCode(el, code);
      await waitFor(() => part(el, '#verify-text')?.textContent?.trim() === SAYS[lang].verifiedCode, 'ok');
      await agent.next('verification', status(conversationId, 'code'), 'Verified by code');
      // The wire: what the page sent and what the server received carry the code in verify-code only.
      const sent = await wireFramesSent(endpoint);
      const received = await framesReceivedByServer(endpoint);
      for (const frame of [...sent, ...received].filter((f) => f.includes(code))) {
        expect(JSON.parse(frame)).to.deep.include({ type: 'verify-code', code });
      }
      expect(sent.some((f) => f.includes(code))).to.equal(true);
      expect(agent.raw.some((f) => f.includes(code))).to.equal(false, 'the console never sees it');
      expect(el.shadowRoot!.querySelector('#transcript')!.textContent).not.to.include(code);
    });
  }

  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: three wrong codes: too many tries, and the agent sees Not verified`, async () => {
      const { el, conversationId } = await askedToVerify(lang);
      part(el, '#verify-code')!.click();
      const code = await phoneCode();
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      await waitFor(() => part(el, '#verify-input'), 'the code field');
      for (let i = 0; i < 2; i++) await typeCode(el, wrong);
      await waitFor(() => part(el, '#verify-error')?.textContent?.includes(SAYS[lang].oneLeft), 'one left');
      await typeCode(el, wrong);
      await waitFor(() => part(el, '#verify-text')?.textContent?.trim() === SAYS[lang].tooMany, 'too many');
      await agent.next('verification', status(conversationId, 'not-verified'), 'Not verified');
    });
  }

  describe('when the chat ends', () => {
    /** The agent is told Not verified, then lets go of the conversation. */
    async function notVerifiedThenReleased(conversationId: string): Promise<void> {
      const told = await agent.next('verification', status(conversationId, 'not-verified'), 'Not verified');
      const released = await agent.next('released', (f) => f.conversationId === conversationId, 'released');
      expect(agent.frames.indexOf(told)).to.be.below(agent.frames.indexOf(released));
    }

    it('en: the customer ends the chat while the push waits: the strip goes, a late approval is refused', async () => {
      const { el, conversationId } = await askedToVerify('en');
      part(el, '#verify-push')!.click();
      await waitFor(() => part(el, '#verify-use-code'), 'the prompt sent');
      const approve = await phoneButton(SAYS.en.approve);
      part(el, '#verify-use-code')!.focus();
      await el.end();
      await waitFor(() => part(el, '#ended-heading'), 'the end card');
      await waitFor(() => !part(el, '#verify'), 'the strip goes');
      await waitFor(() => deepActiveElement()?.id === 'input', 'focus on the message box');
      await notVerifiedThenReleased(conversationId);
      approve.click();
      await waitFor(
        () => phoneScreen()?.textContent === 'This request is no longer valid.',
        'the phone told the prompt is stale',
      );
      expect(part(el, '#verify')).to.equal(null);
      expect(agent.frames.some(status(conversationId, 'push'))).to.equal(false);
    });

    it('es: the inactivity timeout ends the chat while a code is expected: the strip goes', async () => {
      const clock = new FakeClock(Date.now()).install();
      try {
        const { el, conversationId } = await askedToVerify('es', 300);
        part(el, '#verify-code')!.click();
        await phoneCode();
        await waitFor(() => part(el, '#verify-input'), 'the code field');
        clock.advance(300_000);
        await waitFor(() => part(el, '#ended-heading'), 'the end card');
        await waitFor(() => !part(el, '#verify'), 'the strip goes');
        await notVerifiedThenReleased(conversationId);
      } finally {
        clock.uninstall();
      }
    });
  });
});

describe('identity check that nobody answers', () => {
  before(async () => {
    endpoint = await startReferenceServer({
      demoDevice: true,
      simulatedAgent: false,
      replyDelay: 5,
      verifyTtl: 1500,
    });
    agentUrl = endpoint.replace(/\/chat$/, '/agent');
    agent = await AgentSocket.signIn(agentUrl);
  });
  after(async () => {
    agent.close();
    await stopReferenceServers();
  });

  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: the push expires; the widget says so and the agent sees Not verified`, async () => {
      const { el, conversationId } = await askedToVerify(lang);
      part(el, '#verify-push')!.click();
      await waitFor(() => part(el, '#verify-use-code'), 'the prompt sent');
      await waitFor(
        () => part(el, '#verify-text')?.textContent?.trim() === SAYS[lang].expired,
        'expired',
        5000,
      );
      await agent.next('verification', status(conversationId, 'not-verified'), 'Not verified');
    });
  }
});
