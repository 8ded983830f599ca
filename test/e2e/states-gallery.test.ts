// The states gallery (demo/states.html) as a person loads it, in English and Spanish: every
// example shows what its state is about, each passes axe and the IBM Equal Access engine on its
// own (the engine's findings on the widget are 0 but for the allow-list in
// test/support/ibm-allowed.ts, each justified in docs/accessibility.md), the whole page passes
// axe, and the Spanish gallery's widgets show no English.
import { expect } from '@open-wc/testing';
import type { AxeResults, RunOptions } from 'axe-core';
import type { AmexChatElement } from '../../src/index.js';
import { axeInFrame, waitFor } from '../support/helpers.js';
import { desktopPage, removeAfterTest } from '../support/page.js';
import { allowListUsed, ibmCheck, ibmReady } from '../support/ibm-audit.js';
import { IBM_ALLOWED } from '../support/ibm-allowed.js';

type Lang = 'en' | 'es';

const STATES = [
  'unread',
  'connecting',
  'assistant',
  'queued',
  'agent-joined',
  'agent-typing',
  'transferred',
  'reconnecting',
  'failed',
  'sensitive',
  'too-long',
  'idle-warning',
  'notify-offer',
  'accommodations',
  'accommodations-warning',
  'accommodations-refused',
  'verify-choose',
  'verify-push',
  'verify-code',
  'verify-error',
  'verified',
  'verify-expired',
  'verify-denied',
  'verify-too-many',
  'upload-request',
  'upload-progress',
  'upload-error',
  'upload-done',
  'ended',
  'urgent',
] as const;
type State = (typeof STATES)[number];

/** What each language's widgets say; the checks below read these. */
const SAYS = {
  en: {
    unreadLabel: 'Chat with us, 2 new messages',
    connecting: 'Connecting…',
    firstQuickReply: 'Dispute a charge',
    queue: "You're number 3 in line for an agent. Estimated wait: about 4 minutes.",
    leaveQueue: 'Leave the line',
    joined: "You're now chatting with Maria from the disputes team.",
    agentPrefix: 'Maria, live agent',
    endChat: 'End chat',
    typing: 'Maria is typing…',
    transferred: 'Alex is transferring you to the disputes team. Please stay in this chat.',
    nextInLine: "You're next in line for an agent. Estimated wait: less than a minute.",
    reconnecting: 'Connection lost. Reconnecting…',
    notSent: 'Not sent.',
    retry: 'Retry',
    serverError: 'The message could not be sent. You can retry.',
    warning:
      'Warning: your message contains a card number. For your security it will be removed before sending.',
    tooLong: 'Your message is 50 characters too long. Shorten it to 2,000 characters or fewer.',
    idle: 'Are you still there? This chat will end in',
    idleContinue: 'Continue chat',
    notifyButton: 'Turn on notifications',
    needs: 'Tell us what you need',
    needsNote: 'I read slowly. My card is 3782 822463 10005 if you need it.',
    needsRefused:
      'This chat cannot take your needs, so nothing was sent. Your choices are still here; you can tell us in a message instead.',
    verifyHeading: 'Confirm it’s you',
    verifyPush: 'Approve on my phone',
    verifyPushSent: 'We sent a prompt to your phone where you are signed in. Approve it there.',
    verifyUseCode: 'Use a code instead',
    verifyDecline: 'Not now',
    verifyCodeLabel: 'One-time code',
    verifyWrong: 'That code is incorrect. You have 2 more tries.',
    verified: 'Your identity is confirmed with the code.',
    verifyExpired: 'The request expired. The agent can send a new one.',
    verifyDenied: 'You declined the prompt on your phone, so your identity was not confirmed.',
    verifyTooMany: 'Too many incorrect codes. The agent can send a new request.',
    uploadHeading: 'Documents requested',
    uploadChoose: 'Choose files',
    uploadProgress: 'Sending receipt.pdf',
    uploadWrongType: "notes.txt can't be sent: only PDF, JPEG, PNG or HEIC files.",
    uploadSent: '2 documents sent.',
    documentsSent: 'You sent 2 documents: receipt.pdf, statement.png.',
    download: 'Download transcript',
    callUrgent: 'Call us now: 1-800-528-4800',
  },
  es: {
    unreadLabel: 'Chatear con nosotros, 2 mensajes nuevos',
    connecting: 'Conectando…',
    firstQuickReply: 'Disputar un cargo',
    queue: 'Es el número 3 en la fila para hablar con un agente. Espera estimada: unos 4 minutos.',
    leaveQueue: 'Salir de la fila',
    joined: 'Ahora está hablando con Maria, del equipo de disputas.',
    agentPrefix: 'Maria, agente',
    endChat: 'Terminar chat',
    typing: 'Maria está escribiendo…',
    transferred: 'Alex le está transfiriendo al equipo de disputas. Quédese en este chat, por favor.',
    nextInLine: 'Es el siguiente en la fila para hablar con un agente. Espera estimada: menos de un minuto.',
    reconnecting: 'Se perdió la conexión. Reconectando…',
    notSent: 'No enviado.',
    retry: 'Reintentar',
    serverError: 'No se pudo enviar el mensaje. Puede volver a intentarlo.',
    warning:
      'Aviso: su mensaje contiene un número de tarjeta. Por su seguridad, se eliminará antes de enviarlo.',
    tooLong: 'Su mensaje tiene 50 caracteres de más. Acórtelo a 2000 caracteres o menos.',
    idle: '¿Sigue ahí? Este chat terminará en',
    idleContinue: 'Continuar el chat',
    notifyButton: 'Activar notificaciones',
    needs: 'Díganos qué necesita',
    needsNote: 'Leo despacio. Mi tarjeta es 3782 822463 10005, por si la necesita.',
    needsRefused:
      'Este chat no puede recibir sus necesidades, así que no se envió nada. Sus opciones siguen aquí; puede indicárnoslas en un mensaje.',
    verifyHeading: 'Confirme que es usted',
    verifyPush: 'Aprobar en mi teléfono',
    verifyPushSent:
      'Enviamos una notificación a su teléfono, donde tiene la sesión iniciada. Apruébela allí.',
    verifyUseCode: 'Usar un código',
    verifyDecline: 'Ahora no',
    verifyCodeLabel: 'Código de un solo uso',
    verifyWrong: 'El código no es correcto. Le quedan 2 intentos.',
    verified: 'Su identidad quedó confirmada con el código.',
    verifyExpired: 'La solicitud venció. El agente puede enviarle una nueva.',
    verifyDenied: 'Rechazó la notificación en su teléfono, así que no se confirmó su identidad.',
    verifyTooMany: 'Demasiados códigos incorrectos. El agente puede enviarle una nueva solicitud.',
    uploadHeading: 'Documentos solicitados',
    uploadChoose: 'Elegir archivos',
    uploadProgress: 'Enviando receipt.pdf',
    uploadWrongType: 'No se puede enviar notes.txt: solo se aceptan archivos PDF, JPEG, PNG o HEIC.',
    uploadSent: '2 documentos enviados.',
    documentsSent: 'Usted envió 2 documentos: receipt.pdf, statement.png.',
    download: 'Descargar transcripción',
    callUrgent: 'Llámenos ahora: 1-800-528-4800',
  },
} satisfies Record<Lang, Record<string, string>>;

/** English the widget or the fixtures would show; none of it may appear in the Spanish gallery. */
const ENGLISH = [
  'Chat with us',
  'cannot take your needs',
  'Customer Care',
  'Close chat',
  'Type your message',
  'Ask us anything',
  'Enter sends',
  'Send',
  'Retry',
  'Not sent',
  'Connecting',
  'Connection lost',
  'Leave the line',
  'End chat',
  "You're",
  'Estimated wait',
  'is typing',
  'Warning',
  'too long',
  'Are you still there',
  'Continue chat',
  'Your needs',
  'Tell us what you need',
  'Other (optional)',
  'I need more time',
  'Confirm it',
  'One-time code',
  'Send me a code',
  'We sent a prompt',
  'Use a code instead',
  'The request expired',
  'declined the prompt',
  'Too many incorrect codes',
  'Documents requested',
  'Choose files',
  'Send documents',
  'Chat ended',
  'Reference number',
  'Summary',
  'Download transcript',
  'Print transcript',
  'How was this chat',
  'Call us now',
  'Virtual assistant',
  'live agent',
  'Notice',
  'new messages',
  'Hi, I',
  'card number',
  'the disputes team',
];

async function loadPage(src: string): Promise<HTMLIFrameElement> {
  const frame = await desktopPage(src);
  await waitFor(
    () => frame.contentDocument?.querySelectorAll('amex-chat').length === STATES.length,
    'every example',
  );
  return frame;
}

function section(frame: HTMLIFrameElement, state: State): HTMLElement {
  return frame.contentDocument!.querySelector<HTMLElement>(`#state-${state}`)!;
}

/** The example of `state` (looked up each time: "Start again" and timed restarts replace it). */
function chat(frame: HTMLIFrameElement, state: State): AmexChatElement {
  return section(frame, state).querySelector<AmexChatElement>('amex-chat')!;
}

function part(el: AmexChatElement, selector: string): HTMLElement | null {
  return el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

/** Waits until `selector` in the example of `state` has text containing `text`. */
async function shows(frame: HTMLIFrameElement, state: State, selector: string, text: string): Promise<void> {
  await waitFor(
    () =>
      [...(chat(frame, state).shadowRoot?.querySelectorAll(selector) ?? [])].some((node) =>
        node.textContent?.replace(/\s+/g, ' ').includes(text),
      ),
    `${state}: ${selector} saying "${text}"`,
  );
}

interface FrameAxe {
  run(context: Element, options: RunOptions): Promise<AxeResults>;
}

/** axe over one section of the gallery (its example included), with the tags of axeCheck. */
async function axeSection(frame: HTMLIFrameElement, state: State): Promise<string[]> {
  const win = frame.contentWindow as unknown as { axe?: FrameAxe };
  if (!win.axe) await axeInFrame(frame); // loads axe-core into the frame
  const results = await win.axe!.run(section(frame, state), {
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    },
    resultTypes: ['violations', 'incomplete'],
  });
  return [...results.violations, ...results.incomplete.filter((r) => r.id === 'aria-valid-attr-value')].map(
    (r) => `${r.id}: ${r.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

function restart(frame: HTMLIFrameElement, state: State): void {
  section(frame, state).querySelector<HTMLButtonElement>('.state__restart')!.click();
}

/** Everything a person can read or hear in the example: text, labels, placeholders, titles. */
function widgetText(el: AmexChatElement): string {
  const root = el.shadowRoot!;
  const attributes = [...root.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((node) =>
    ['aria-label', 'placeholder', 'title'].map((name) => node.getAttribute(name) ?? ''),
  );
  const drafts = [...root.querySelectorAll('textarea')].map((area) => area.value);
  return [root.textContent ?? '', ...attributes, ...drafts].join('\n');
}

const CHECKS: Record<State, (frame: HTMLIFrameElement, says: (typeof SAYS)[Lang]) => Promise<void>> = {
  async unread(frame, says) {
    const el = chat(frame, 'unread');
    await waitFor(() => part(el, '[part="badge"]')?.textContent?.trim() === '2', 'the unread count');
    expect(el.open).to.equal(false);
    expect(part(el, '#panel')!.hidden).to.equal(true);
    expect(part(el, '#launcher')!.getAttribute('aria-label')).to.equal(says.unreadLabel);
    expect(part(el, '#launcher')!.getAttribute('aria-expanded')).to.equal('false');
  },
  async connecting(frame, says) {
    restart(frame, 'connecting');
    await shows(frame, 'connecting', '.notice', says.connecting);
    expect(part(chat(frame, 'connecting'), '.message')).to.equal(null);
  },
  async assistant(frame, says) {
    await waitFor(
      () => chat(frame, 'assistant').shadowRoot!.querySelectorAll('[part="quick-reply"]').length === 6,
    );
    await shows(frame, 'assistant', '[part="quick-reply"]', says.firstQuickReply);
  },
  async queued(frame, says) {
    await shows(frame, 'queued', '#queue-status', says.queue);
    await shows(frame, 'queued', '#leave-queue', says.leaveQueue);
  },
  async 'agent-joined'(frame, says) {
    await shows(frame, 'agent-joined', '.message.system .bubble', says.joined);
    await shows(frame, 'agent-joined', '.message.agent .meta', says.agentPrefix);
    await shows(frame, 'agent-joined', '#end', says.endChat);
  },
  async 'agent-typing'(frame, says) {
    await shows(frame, 'agent-typing', '[part="typing"]', says.typing);
  },
  async transferred(frame, says) {
    await shows(frame, 'transferred', '.message.system .bubble', says.transferred);
    await shows(frame, 'transferred', '#queue-status', says.nextInLine);
  },
  async reconnecting(frame, says) {
    await shows(frame, 'reconnecting', '.notice', says.reconnecting);
  },
  async failed(frame, says) {
    await shows(frame, 'failed', '.status.failed', says.notSent);
    await shows(frame, 'failed', '[part="retry-button"]', says.retry);
    await shows(frame, 'failed', '#error', says.serverError);
  },
  async sensitive(frame, says) {
    await shows(frame, 'sensitive', '#warning', says.warning);
    expect(part(chat(frame, 'sensitive'), '.backdrop mark')?.textContent).to.equal('3782 822463 10005');
    expect(part(chat(frame, 'sensitive'), '#input')!.getAttribute('aria-describedby')).to.include('warning');
  },
  async 'too-long'(frame, says) {
    await shows(frame, 'too-long', '#too-long', says.tooLong);
    expect((part(chat(frame, 'too-long'), '#input') as HTMLTextAreaElement).value).to.have.length(2050);
  },
  async 'idle-warning'(frame, says) {
    restart(frame, 'idle-warning');
    await shows(frame, 'idle-warning', '#idle-text', says.idle);
    await shows(frame, 'idle-warning', '#idle-continue', says.idleContinue);
  },
  async 'notify-offer'(frame, says) {
    await shows(frame, 'notify-offer', '#notify-on', says.notifyButton);
  },
  async accommodations(frame, says) {
    await shows(frame, 'accommodations', '#needs-heading', says.needs);
    const boxes = [
      ...chat(frame, 'accommodations').shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="need"]'),
    ];
    expect(boxes.filter((box) => box.checked).map((box) => box.value)).to.deep.equal([
      'more-time',
      'written-summary',
    ]);
  },
  async 'accommodations-warning'(frame, says) {
    await shows(frame, 'accommodations-warning', '#needs-warning', says.warning);
    const note = part(chat(frame, 'accommodations-warning'), '#needs-note') as HTMLTextAreaElement;
    expect(note.value).to.equal(says.needsNote);
    expect(note.getAttribute('aria-describedby')).to.include('needs-warning');
  },
  async 'accommodations-refused'(frame, says) {
    await shows(frame, 'accommodations-refused', '#needs-refused', says.needsRefused);
    const boxes = [
      ...chat(frame, 'accommodations-refused').shadowRoot!.querySelectorAll<HTMLInputElement>(
        'input[name="need"]',
      ),
    ];
    expect(boxes.filter((box) => box.checked).map((box) => box.value)).to.deep.equal(['more-time']);
  },
  async 'verify-choose'(frame, says) {
    await shows(frame, 'verify-choose', '#verify-heading', says.verifyHeading);
    await shows(frame, 'verify-choose', '#verify-push', says.verifyPush);
  },
  async 'verify-push'(frame, says) {
    await shows(frame, 'verify-push', '#verify-text', says.verifyPushSent);
    await shows(frame, 'verify-push', '#verify-use-code', says.verifyUseCode);
    await shows(frame, 'verify-push', '#verify-cancel', says.verifyDecline);
  },
  async 'verify-code'(frame, says) {
    await shows(frame, 'verify-code', 'label[for="verify-input"]', says.verifyCodeLabel);
    const input = part(chat(frame, 'verify-code'), '#verify-input')!;
    expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
  },
  async 'verify-error'(frame, says) {
    await shows(frame, 'verify-error', '#verify-error', says.verifyWrong);
  },
  async verified(frame, says) {
    await shows(frame, 'verified', '#verify-text', says.verified);
  },
  async 'verify-expired'(frame, says) {
    await shows(frame, 'verify-expired', '#verify-text.verify-error', says.verifyExpired);
    expect(part(chat(frame, 'verify-expired'), '#verify-close')).to.not.equal(null);
  },
  async 'verify-denied'(frame, says) {
    await shows(frame, 'verify-denied', '#verify-text.verify-error', says.verifyDenied);
    expect(part(chat(frame, 'verify-denied'), '#verify-close')).to.not.equal(null);
  },
  async 'verify-too-many'(frame, says) {
    await shows(frame, 'verify-too-many', '#verify-text.verify-error', says.verifyTooMany);
    expect(part(chat(frame, 'verify-too-many'), '#verify-input')).to.equal(null);
    expect(part(chat(frame, 'verify-too-many'), '#verify-close')).to.not.equal(null);
  },
  async 'upload-request'(frame, says) {
    await shows(frame, 'upload-request', '#upload-heading', says.uploadHeading);
    await shows(frame, 'upload-request', '#upload-choose', says.uploadChoose);
  },
  async 'upload-progress'(frame, says) {
    const bar = await waitFor(
      () => part(chat(frame, 'upload-progress'), 'progress') as HTMLProgressElement | null,
      'upload-progress: a progress bar',
    );
    expect(bar.getAttribute('aria-label')).to.equal(says.uploadProgress);
    expect(bar.value / bar.max).to.be.closeTo(0.4, 0.01);
  },
  async 'upload-error'(frame, says) {
    await shows(frame, 'upload-error', '#upload-error', says.uploadWrongType);
    expect(chat(frame, 'upload-error').shadowRoot!.querySelectorAll('.upload-file')).to.have.length(1);
  },
  async 'upload-done'(frame, says) {
    await shows(frame, 'upload-done', '[part="upload"] p', says.uploadSent);
    await shows(frame, 'upload-done', '#transcript .message', says.documentsSent);
  },
  async ended(frame, says) {
    await shows(frame, 'ended', '#case-number', 'AMX-4KF7-Q2ZD');
    const el = chat(frame, 'ended');
    expect(part(el, '#case-summary')!.textContent).to.include('$127.43');
    await shows(frame, 'ended', '#download', says.download);
    expect(el.shadowRoot!.querySelectorAll('[part="rating"] input[type="radio"]')).to.have.length(5);
    // The gallery scrolls the transcript to the ending, so the reference number is in view.
    await waitFor(() => {
      const box = part(el, '#transcript')!.getBoundingClientRect();
      const number = part(el, '#case-number')!.getBoundingClientRect();
      return number.top >= box.top && number.bottom <= box.bottom;
    }, 'the reference number in view');
  },
  async urgent(frame, says) {
    await shows(frame, 'urgent', '[part="urgent-phone"]', says.callUrgent);
    expect(part(chat(frame, 'urgent'), '[part="urgent-phone"]')!.getAttribute('href')).to.equal(
      'tel:18005284800',
    );
  },
};

for (const lang of ['en', 'es'] as const) {
  describe(`states gallery (${lang})`, () => {
    const src = lang === 'es' ? '/demo/states.html?lang=es' : '/demo/states.html';
    let frame: HTMLIFrameElement;

    before(async function () {
      this.timeout(60_000);
      frame = await loadPage(src);
      await ibmReady(frame.contentDocument!); // 0.7 MB of script, parsed once per page
    });

    after(() => frame.remove());

    it('has no axe violations over the whole page', async () => {
      await shows(frame, 'ended', '#case-number', 'AMX-4KF7-Q2ZD');
      expect(await axeInFrame(frame)).to.deep.equal([]);
    });

    it('is one page with one h1, a table of contents of every state and the right language', () => {
      const doc = frame.contentDocument!;
      expect(doc.documentElement.lang).to.equal(lang);
      expect(doc.querySelectorAll('h1')).to.have.length(1);
      expect(doc.querySelector('a.skip-link')!.getAttribute('href')).to.equal('#main');
      const links = [...doc.querySelectorAll<HTMLAnchorElement>('nav.states-toc a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(STATES.map((s) => `#state-${s}`));
      for (const state of STATES) {
        const heading = section(frame, state).querySelector('h2')!;
        expect(heading.textContent?.trim(), state).to.not.equal('');
        expect(chat(frame, state).lang, state).to.equal(lang);
        expect(chat(frame, state).getAttribute('position'), state).to.equal('inline');
      }
    });

    for (const state of STATES) {
      it(`${state}: shows its state and passes axe and the IBM Equal Access engine`, async () => {
        await CHECKS[state](frame, SAYS[lang]);
        expect(await axeSection(frame, state)).to.deep.equal([]);
        const ibm = await ibmCheck(chat(frame, state), { page: 'gallery', state, theme: 'light' });
        expect(ibm, ibm.join('\n')).to.deep.equal([]);
      });
    }

    it('Retry sends the refused message again, and Start again brings the state back', async () => {
      await shows(frame, 'failed', '[part="retry-button"]', SAYS[lang].retry);
      part(chat(frame, 'failed'), '[part="retry-button"]')!.click();
      await waitFor(() => !part(chat(frame, 'failed'), '.status.failed'), 'the retried message');
      await waitFor(() => part(chat(frame, 'failed'), '.message.customer .status')?.textContent?.trim());
      restart(frame, 'failed');
      await shows(frame, 'failed', '[part="retry-button"]', SAYS[lang].retry);
    });

    if (lang === 'es') {
      it('shows no English in the Spanish widgets or section headings', async () => {
        await CHECKS.ended(frame, SAYS.es);
        await CHECKS.sensitive(frame, SAYS.es);
        for (const state of STATES) {
          const text = widgetText(chat(frame, state));
          const leaks = ENGLISH.filter((phrase) => text.includes(phrase));
          expect(leaks, `${state}: ${leaks.join(', ')}`).to.deep.equal([]);
        }
        const page = frame.contentDocument!.body.innerText;
        for (const english of [
          'Every state of the chat',
          'Start again',
          'Skip to main content',
          'Agent joined',
        ]) {
          expect(page).to.not.include(english);
        }
      });
    }
  });
}

describe('IBM Equal Access allow-list', () => {
  it("names only findings the gallery's examples still have", () => {
    const stale = IBM_ALLOWED.filter((entry) => entry.pages.includes('gallery') && !allowListUsed.has(entry));
    expect(stale.map((entry) => `${entry.rule}: ${entry.where}`)).to.deep.equal([]);
  });

  it('is the table "IBM Equal Access findings we keep, and why" in docs/accessibility.md', async () => {
    const doc = await (await fetch('/docs/accessibility.md')).text();
    const table = doc.split('## IBM Equal Access findings we keep, and why')[1]?.split('\n## ')[0] ?? '';
    const rows = table.split('\n').filter((line) => line.startsWith('|'));
    const missing = IBM_ALLOWED.filter(
      (entry) => !rows.some((row) => row.includes(`\`${entry.rule}\``) && row.includes(entry.why)),
    );
    expect(missing.map((entry) => `${entry.rule}: ${entry.why}`)).to.deep.equal([]);
  });
});

describe('states gallery links', () => {
  it('a link to one state scrolls to it once the gallery is built', async () => {
    const frame = removeAfterTest(await loadPage('/demo/states.html#state-ended'));
    await waitFor(() => {
      const top = section(frame, 'ended').getBoundingClientRect().top;
      return top >= 0 && top < 100;
    }, 'the ended section at the top');
  });
});
