// Secure document upload against the reference server, in English and Spanish: the agent asks
// from the console, the customer's widget shows the upload strip outside the transcript, refuses
// a wrong type, a file too large and too many files before sending, sends the rest by HTTP POST
// with progress events (one cancelled on its way), the transcript says what arrived, the agent
// who holds the conversation downloads a document, and another agent is refused. The console
// shows the request pending, then received, not sent after the customer's "Not now", or lapsed
// (on the console's clock, a fake one here).
import { expect, fixture, html } from '@open-wc/testing';
import type { AgentConsoleElement } from '../../demo/agent-console.js';
import { documentUrl } from '../../demo/agent-console/documents.js';
import type { ConsoleState } from '../../demo/agent-console/model.js';
import { DocumentUpload } from '../../src/components/document-upload/document-upload.js';
import type { UploadCall } from '../../src/components/document-upload/upload-send.js';
import type { AmexChatElement } from '../../src/index.js';
import '../../src/define.js';
import { axeCheck, waitFor } from '../support/helpers.js';
import {
  $,
  FakeClock,
  acceptFirst,
  consoleSuite,
  mount,
  recordAnnouncements,
  signIn,
} from '../support/agent-console.js';

const JOURNEYS = {
  en: {
    ask: 'I want to talk to an agent',
    heading: 'Documents requested',
    wrongType: "notes.txt can't be sent: only PDF, JPEG, PNG or HEIC files.",
    tooLarge: 'huge.pdf is over the limit of 10 MB.',
    tooMany: 'You can send up to 5 files for this request.',
    notice: 'You sent 2 documents: receipt.pdf, statement.png.',
    sent: '2 documents sent.',
  },
  es: {
    ask: 'Quiero hablar con un agente',
    heading: 'Documentos solicitados',
    wrongType: 'No se puede enviar notes.txt: solo se aceptan archivos PDF, JPEG, PNG o HEIC.',
    tooLarge: 'huge.pdf supera el límite de 10 MB.',
    tooMany: 'Puede enviar hasta 5 archivos para esta solicitud.',
    notice: 'Usted envió 2 documentos: receipt.pdf, statement.png.',
    sent: '2 documentos enviados.',
  },
} as const;

/** A file whose first bytes are of its type (the server checks them). */
function file(name: string, size: number): File {
  const head: Record<string, number[]> = {
    pdf: [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a],
    png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    txt: [0x68, 0x69],
  };
  const ext = name.split('.').pop() ?? '';
  const bytes = new Uint8Array(size);
  bytes.set(head[ext] ?? []);
  const type = { pdf: 'application/pdf', png: 'image/png', txt: 'text/plain' }[ext] ?? '';
  return new File([bytes], name, { type });
}

async function choose(el: AmexChatElement, files: File[]): Promise<void> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('#upload-input')!;
  const data = new DataTransfer();
  for (const f of files) data.items.add(f);
  input.files = data.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

const shown = (el: AmexChatElement, selector: string): string =>
  el.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const modelOf = (el: AgentConsoleElement): ConsoleState => (el as unknown as { model: ConsoleState }).model;

/** The pane's line about the request for documents ('' when none). */
const requestLine = (el: AgentConsoleElement): string =>
  $(el, '.ac-documents__request')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** What the conversation list says of each conversation, besides its name. */
const listMarks = (el: AgentConsoleElement): string[] =>
  [...el.querySelectorAll('.ac-conv__meta')].map((m) => m.textContent?.trim() ?? '');

/** The agent asks for `text` from the pane's form. */
function askFor(el: AgentConsoleElement, text: string): void {
  ($(el, 'input[name="text"]') as HTMLInputElement).value = text;
  ($(el, '.ac-documents__ask button') as HTMLButtonElement).click();
}

describe('secure document upload, with the reference server', () => {
  const suite = consoleSuite('Document upload');
  const real = DocumentUpload.send;
  let widget: AmexChatElement | undefined;
  afterEach(async () => {
    DocumentUpload.send = real;
    // Its conversation leaves the queue, so the next test's agent takes the next test's customer.
    await widget?.end();
  });

  it('has no axe violations with the request on both sides and files chosen, one refused', async () => {
    const chat = await fixture<AmexChatElement>(
      html`<amex-chat persist="none" endpoint=${suite.endpoint}></amex-chat>`,
    );
    widget = chat;
    await chat.show();
    await waitFor(() => chat.shadowRoot!.querySelector('.message.assistant'), 'the greeting');
    await chat.send(JOURNEYS.en.ask);
    const maria = await mount(suite.endpoint);
    await signIn(maria, 'Maria');
    await acceptFirst(maria);
    askFor(maria, 'Receipt for the disputed charge');
    await waitFor(() => chat.shadowRoot!.querySelector('[part="upload"]'), 'the upload strip');
    await waitFor(() => requestLine(maria).startsWith('Documents requested'), 'the request pending');
    await choose(chat, [file('notes.txt', 10), file('receipt.pdf', 3000)]);
    await waitFor(() => shown(chat, '#upload-error'), 'the refusal');
    await axeCheck(chat);
    await axeCheck(maria);
  });

  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: the agent asks, the customer sends two of five chosen, the agent downloads, another is refused`, async () => {
      const journey = JOURNEYS[lang];
      // The real network part, watched: its progress events, and one file held until cancelled.
      const progress = new Map<string, number[]>();
      DocumentUpload.send = async (call: UploadCall) => {
        const name = decodeURIComponent(call.headers['x-upload-name'] ?? '');
        if (name === 'cancel-me.pdf') {
          await new Promise((resolve) => call.signal.addEventListener('abort', resolve, { once: true }));
        }
        return real({
          ...call,
          progress: (loaded) => {
            progress.set(name, [...(progress.get(name) ?? []), loaded]);
            call.progress?.(loaded);
          },
        });
      };
      const chat = await fixture<AmexChatElement>(
        html`<amex-chat persist="none" lang=${lang} endpoint=${suite.endpoint}></amex-chat>`,
      );
      widget = chat;
      await chat.show();
      await waitFor(() => chat.shadowRoot!.querySelector('.message.assistant'), 'the greeting');
      await chat.send(journey.ask);
      const maria = await mount(suite.endpoint);
      await signIn(maria, 'Maria');
      await acceptFirst(maria);
      const said = recordAnnouncements(maria);

      // The agent asks.
      const ask = $(maria, 'input[name="text"]') as HTMLInputElement;
      ask.value = 'Receipt for the disputed charge on card 4111 1111 1111 1111';
      ($(maria, '.ac-documents__ask button') as HTMLButtonElement).click();
      await waitFor(() => chat.shadowRoot!.querySelector('[part="upload"]'), 'the upload strip');
      expect(shown(chat, '#upload-heading')).to.equal(journey.heading);
      expect(shown(chat, '#upload-text')).to.contain('Receipt for the disputed charge');
      expect(shown(chat, '#upload-text')).not.to.contain('4111 1111');
      expect(chat.shadowRoot!.querySelector('#transcript')!.textContent).not.to.contain('disputed charge');
      // The console shows it pending, as the customer reads it, in the pane and the list.
      await waitFor(
        () => requestLine(maria).startsWith('Documents requested: Receipt for the disputed charge'),
        'the request pending on the console',
      );
      expect(requestLine(maria)).not.to.contain('4111 1111');
      expect(listMarks(maria)).to.include('Documents requested');

      // Refused before anything is sent: the wrong type, too large, too many.
      await choose(chat, [file('notes.txt', 10), file('huge.pdf', 10 * 1024 * 1024 + 1)]);
      expect(shown(chat, '#upload-error')).to.contain(journey.wrongType);
      expect(shown(chat, '#upload-error')).to.contain(journey.tooLarge);
      const five = ['cancel-me.pdf', 'receipt.pdf', 'statement.png', 'd.pdf', 'e.pdf'].map((n) =>
        file(n, n === 'receipt.pdf' ? 2 * 1024 * 1024 : 3000),
      );
      await choose(chat, [...five, file('f.pdf', 100)]);
      expect(shown(chat, '#upload-error')).to.contain(journey.tooMany);
      expect(chat.shadowRoot!.querySelectorAll('.upload-file')).to.have.length(5);
      for (const extra of ['d.pdf', 'e.pdf']) {
        const item = [...chat.shadowRoot!.querySelectorAll('.upload-file')].find(
          (li) => li.querySelector('.upload-name')?.textContent === extra,
        )!;
        item.querySelector<HTMLButtonElement>('.upload-cancel')!.click();
        await chat.updateComplete;
      }
      expect(progress.size).to.equal(0);

      // Sent with progress; the first is cancelled on its way.
      chat.shadowRoot!.querySelector<HTMLButtonElement>('#upload-send')!.click();
      await waitFor(
        () => chat.shadowRoot!.querySelector('.upload-file[data-state="uploading"]'),
        'on its way',
      );
      chat.shadowRoot!.querySelector<HTMLButtonElement>('.upload-cancel')!.click();
      await waitFor(() => shown(chat, '[part="upload"]').includes(journey.sent), 'sent');
      const receipt = progress.get('receipt.pdf') ?? [];
      expect(receipt.length).to.be.greaterThan(0);
      expect(receipt.at(-1)).to.equal(2 * 1024 * 1024);
      expect(progress.has('cancel-me.pdf')).to.equal(false);
      expect([...progress.keys()].sort()).to.deep.equal(['', 'receipt.pdf', 'statement.png']);

      // The transcript says what arrived; the agent sees the same list.
      await waitFor(
        () =>
          [...chat.shadowRoot!.querySelectorAll('.message')].some((m) =>
            (m.textContent ?? '').includes(journey.notice),
          ),
        'the documents notice',
      );
      const names = await waitFor(() => {
        const found = [...maria.querySelectorAll('.ac-documents__name')].map((n) => n.textContent);
        return found.length === 2 ? found : undefined;
      }, 'the documents on the console');
      expect(names).to.deep.equal(['receipt.pdf', 'statement.png']);
      expect(requestLine(maria)).to.equal('2 documents received');
      expect(listMarks(maria)).not.to.include('Documents requested');
      await axeCheck(maria);

      // The agent downloads; another agent is refused.
      const download = [...maria.querySelectorAll<HTMLButtonElement>('.ac-documents button')].find(
        (b) => b.getAttribute('aria-label') === 'Download receipt.pdf',
      )!;
      download.click();
      await waitFor(() => said.polite.includes('Downloaded receipt.pdf.'), 'downloaded');
      const id = download.dataset['document']!;
      const url = documentUrl(maria.agentUrl, id);
      const mine = await fetch(url, { headers: { authorization: `Bearer ${modelOf(maria).documentKey}` } });
      expect(mine.status).to.equal(200);
      expect((await mine.arrayBuffer()).byteLength).to.equal(2 * 1024 * 1024);
      const luis = await mount(suite.endpoint);
      await signIn(luis, 'Luis');
      const key = await waitFor(() => modelOf(luis).documentKey, 'a document key');
      expect((await fetch(url, { headers: { authorization: `Bearer ${key}` } })).status).to.equal(403);
      expect((await fetch(url)).status).to.equal(401);
      expect(url).not.to.contain(key);
    });
  }
  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: the console shows "Not sent" after the customer's "Not now", and when a request lapses`, async () => {
      const chat = await fixture<AmexChatElement>(
        html`<amex-chat persist="none" lang=${lang} endpoint=${suite.endpoint}></amex-chat>`,
      );
      widget = chat;
      await chat.show();
      await waitFor(() => chat.shadowRoot!.querySelector('.message.assistant'), 'the greeting');
      await chat.send(JOURNEYS[lang].ask);
      const clock = new FakeClock(Date.now());
      const maria = await mount(suite.endpoint, (el) => {
        el.clock = clock;
      });
      await signIn(maria, 'Maria');
      await acceptFirst(maria);
      const said = recordAnnouncements(maria);

      askFor(maria, 'Receipt for the disputed charge');
      await waitFor(() => chat.shadowRoot!.querySelector('#upload-dismiss'), 'the upload strip');
      await waitFor(
        () => requestLine(maria) === 'Documents requested: Receipt for the disputed charge',
        'pending',
      );
      chat.shadowRoot!.querySelector<HTMLButtonElement>('#upload-dismiss')!.click();
      await waitFor(
        () => requestLine(maria) === 'Not sent: the customer chose not to send them now',
        'not sent, declined',
      );
      expect(listMarks(maria)).not.to.include('Documents requested');
      expect(said.polite).to.include('Customer 1 did not send the documents requested.');
      await axeCheck(maria);

      // A second request nobody answers: pending until the console's clock reaches its expiry.
      askFor(maria, 'Bank statement');
      await waitFor(() => requestLine(maria) === 'Documents requested: Bank statement', 'pending again');
      const expiresAt = modelOf(maria).conversations[0]?.upload?.expiresAt ?? 0;
      clock.advance(expiresAt - clock.now() - 1);
      await maria.updateComplete;
      expect(requestLine(maria)).to.equal('Documents requested: Bank statement');
      clock.advance(1);
      await waitFor(() => requestLine(maria) === 'Not sent: the request expired', 'not sent, expired');
      expect(listMarks(maria)).not.to.include('Documents requested');
    });
  }
});
