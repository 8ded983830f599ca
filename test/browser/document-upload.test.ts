// Secure document upload in the panel: an agent's request shows a strip outside the transcript
// with "Choose files" (a real file input) and the strip as a drop target; chosen files are
// checked before anything is sent, each is sent with its progress bar and its Cancel, and the
// refusals are said at once. The network part is swapped for one the test drives (the e2e tests
// use the real one against the reference server).
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement } from '../../src/index.js';
import '../../src/define.js';
import { DocumentUpload } from '../../src/components/document-upload/document-upload.js';
import type { UploadAnswer, UploadCall } from '../../src/components/document-upload/upload-send.js';
import type { UploadRequestFrame } from '../../src/protocol.js';
import { axeCheck, deepActiveElement, waitFor } from '../support/helpers.js';
import { recordLiveRegions } from '../support/live-regions.js';
import { part, scriptedChat } from '../support/scripted-chat.js';
import type { ScriptedServer } from '../../demo/fixtures/scripted-transport.js';

interface Pending {
  call: UploadCall;
  resolve: (answer: UploadAnswer) => void;
  aborted: boolean;
}

/** The network as the test plays it: each request waits until the test answers it. */
class Network {
  readonly calls: Pending[] = [];
  readonly send = (call: UploadCall): Promise<UploadAnswer> =>
    new Promise((resolve, reject) => {
      const pending: Pending = { call, resolve, aborted: false };
      this.calls.push(pending);
      call.signal.addEventListener('abort', () => {
        pending.aborted = true;
        reject(new DOMException('cancelled', 'AbortError'));
      });
    });

  async nth(n: number): Promise<Pending> {
    await waitFor(() => this.calls.length > n, `request ${n + 1}`);
    return this.calls[n]!;
  }
}

const real = DocumentUpload.send;
let network: Network;
beforeEach(() => {
  network = new Network();
  DocumentUpload.send = network.send;
});
afterEach(() => {
  DocumentUpload.send = real;
});

const REQUEST: UploadRequestFrame = {
  type: 'upload-request',
  conversationId: 'c-1',
  ref: 'r-1',
  text: 'Please send the receipt for the disputed charge',
  token: 'u1.secret-token.mac',
  expiresAt: Date.now() + 15 * 60_000,
  maxFiles: 3,
  maxBytes: 1024 * 1024,
};

const pdf = (name: string, size = 2000): File =>
  new File([new Uint8Array(size).fill(0x20)], name, { type: 'application/pdf' });

async function asked(
  more: Partial<UploadRequestFrame> = {},
  lang = 'en',
): Promise<{ el: AmexChatElement; server: ScriptedServer }> {
  const chat = await scriptedChat({ lang });
  chat.server.push({ ...REQUEST, ...more });
  await waitFor(() => part(chat.el, '[part="upload"]'), 'the upload strip');
  return chat;
}

/** Files as the browser's file picker gives them to the input. */
async function choose(el: AmexChatElement, files: File[]): Promise<void> {
  const input = part(el, '#upload-input') as HTMLInputElement;
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  input.files = data.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

const names = (el: AmexChatElement): string[] =>
  [...el.shadowRoot!.querySelectorAll('.upload-name')].map((n) => n.textContent ?? '');

/** Tabs (backwards with `back`) until `id` has focus. */
async function tabTo(id: string, back = false): Promise<void> {
  if (back) await sendKeys({ down: 'Shift' });
  for (let i = 0; i < 20 && deepActiveElement()?.id !== id; i++) await sendKeys({ press: 'Tab' });
  if (back) await sendKeys({ up: 'Shift' });
  expect(deepActiveElement()?.id).to.equal(id);
}

describe('<amex-chat> document upload', () => {
  describe('accessibility', () => {
    it('has no axe violations with the request, and with files on their way', async () => {
      const { el } = await asked();
      await axeCheck(el);
      await choose(el, [pdf('receipt.pdf'), pdf('statement.pdf')]);
      (part(el, '#upload-send') as HTMLButtonElement).click();
      const first = await network.nth(0);
      first.call.progress?.(1000);
      await el.updateComplete;
      await axeCheck(el);
    });

    it('says the request, outside the transcript', async () => {
      const chat = await scriptedChat();
      const said = recordLiveRegions(chat.el.shadowRoot!);
      const before = chat.el.shadowRoot!.querySelectorAll('.message').length;
      chat.server.push(REQUEST);
      await waitFor(() => said.texts('polite').some((t) => t.includes('asked for documents')), 'announced');
      expect(chat.el.shadowRoot!.querySelectorAll('.message').length).to.equal(before);
      expect(part(chat.el, '#upload-text')!.textContent).to.contain('receipt for the disputed charge');
      said.stop();
    });
  });

  describe('keyboard', () => {
    it('chooses, sends with progress for each file, and closes, all from the keyboard', async () => {
      const { el } = await asked();
      const said = recordLiveRegions(el.shadowRoot!);
      part(el, '#input')!.focus();
      await tabTo('upload-choose', true);
      await choose(el, [pdf('receipt.pdf', 4000), pdf('statement.pdf', 2000)]);
      expect(names(el)).to.deep.equal(['receipt.pdf', 'statement.pdf']);
      await tabTo('upload-send');
      await sendKeys({ press: 'Enter' });
      const first = await network.nth(0);
      expect(first.call.url).to.equal('http://scripted.invalid/chat/upload');
      expect(first.call.url).not.to.contain('token');
      expect(first.call.headers['x-upload-token']).to.equal(REQUEST.token);
      expect(first.call.headers['x-upload-conversation']).to.equal('c-1');
      expect(first.call.headers['x-upload-name']).to.equal('receipt.pdf');
      first.call.progress?.(1000);
      await el.updateComplete;
      const bar = part(el, 'progress') as HTMLProgressElement;
      expect(bar.getAttribute('aria-label')).to.equal('Sending receipt.pdf');
      expect(bar.value).to.equal(1000);
      expect(bar.max).to.equal(4000);
      first.call.progress?.(4000);
      first.resolve({ status: 201, body: { id: 'd-1' } });
      const second = await network.nth(1);
      second.resolve({ status: 201, body: { id: 'd-2' } });
      const done = await network.nth(2);
      expect(done.call.url).to.equal('http://scripted.invalid/chat/upload/finish');
      expect(JSON.parse(done.call.body as string)).to.deep.equal({ ids: ['d-1', 'd-2'] });
      done.resolve({ status: 200, body: { count: 2 } });
      await waitFor(() => deepActiveElement()?.id === 'upload-close', 'focus on Close');
      expect(said.texts('polite')).to.include('2 documents sent.');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => !part(el, '[part="upload"]'), 'the strip gone');
      await waitFor(() => deepActiveElement()?.id === 'input', 'focus back in the message box');
      said.stop();
    });

    it('"Not now" puts the request away, answers it with nothing, and the message box has focus', async () => {
      const { el, server } = await asked();
      part(el, '#upload-dismiss')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => !part(el, '[part="upload"]'), 'the strip gone');
      await waitFor(() => deepActiveElement()?.id === 'input', 'focus in the message box');
      // The answer: the batch finished with nothing kept (the agent is told; the token is spent),
      // the token in a header, not the address.
      const { call } = await network.nth(0);
      expect(call.url).to.match(/\/chat\/upload\/finish$/);
      expect(call.url).not.to.contain(REQUEST.token);
      expect(call.headers['x-upload-token']).to.equal(REQUEST.token);
      expect(call.headers['x-upload-conversation']).to.equal(REQUEST.conversationId);
      expect(JSON.parse(call.body as string)).to.deep.equal({ ids: [] });
      expect(network.calls).to.have.length(1);
      // The same request again (the server sends it after a reconnect) stays away; a new one shows.
      server.push(REQUEST);
      await el.updateComplete;
      await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
      await el.updateComplete;
      expect(part(el, '[part="upload"]')).to.equal(null);
      server.push({ ...REQUEST, ref: 'r-2', text: 'And the statement, please' });
      await waitFor(() => part(el, '#upload-text')?.textContent?.includes('statement'), 'the new request');
    });
  });

  describe('cancel', () => {
    it('stops a file on its way, leaves it out of the batch, and sends the next', async () => {
      const { el } = await asked();
      await choose(el, [pdf('receipt.pdf'), pdf('statement.pdf')]);
      (part(el, '#upload-send') as HTMLButtonElement).click();
      const first = await network.nth(0);
      first.call.progress?.(500);
      await el.updateComplete;
      const cancel = el.shadowRoot!.querySelector<HTMLButtonElement>('.upload-cancel')!;
      expect(cancel.getAttribute('aria-label')).to.equal('Cancel receipt.pdf');
      cancel.focus();
      await sendKeys({ press: 'Enter' });
      expect(first.aborted).to.equal(true);
      expect(names(el)).to.deep.equal(['statement.pdf']);
      const second = await network.nth(1);
      expect(second.call.headers['x-upload-name']).to.equal('statement.pdf');
      second.resolve({ status: 201, body: { id: 'd-2' } });
      const done = await network.nth(2);
      expect(JSON.parse(done.call.body as string)).to.deep.equal({ ids: ['d-2'] });
    });

    it('takes a file out of the list before anything is sent', async () => {
      const { el } = await asked();
      await choose(el, [pdf('a.pdf'), pdf('b.pdf')]);
      el.shadowRoot!.querySelector<HTMLButtonElement>('.upload-cancel')!.click();
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['b.pdf']);
      await waitFor(
        () => deepActiveElement()?.classList.contains('upload-cancel'),
        'focus on the next Cancel',
      );
    });
  });

  describe('errors', () => {
    it('refuses the wrong type, a file too large and too many files before sending, and says so', async () => {
      const { el } = await asked({ maxFiles: 2, maxBytes: 1024 * 1024 });
      const said = recordLiveRegions(el.shadowRoot!);
      await choose(el, [
        new File(['hello'], 'notes.txt', { type: 'text/plain' }),
        pdf('huge.pdf', 1024 * 1024 + 1),
        pdf('one.pdf'),
        new File([new Uint8Array(10)], 'photo.HEIC', { type: '' }),
        pdf('three.pdf'),
      ]);
      expect(names(el)).to.deep.equal(['one.pdf', 'photo.HEIC']);
      const shown = part(el, '#upload-error')!.textContent ?? '';
      expect(shown).to.contain("notes.txt can't be sent: only PDF, JPEG, PNG or HEIC files.");
      expect(shown).to.contain('huge.pdf is over the limit of 1 MB.');
      expect(shown).to.contain('You can send up to 2 files for this request.');
      await waitFor(() => said.texts('assertive').some((t) => t.includes('notes.txt')), 'said at once');
      expect(part(el, '#upload-choose')!.getAttribute('aria-describedby')).to.contain('upload-error');
      expect(network.calls).to.have.length(0);
      said.stop();
    });

    it('says when nothing was chosen, and when the server refuses a file', async () => {
      const { el } = await asked();
      (part(el, '#upload-send') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(part(el, '#upload-error')!.textContent).to.contain('Choose at least one file first.');
      await choose(el, [pdf('receipt.pdf')]);
      (part(el, '#upload-send') as HTMLButtonElement).click();
      (await network.nth(0)).resolve({ status: 415, body: { error: 'type' } });
      await waitFor(
        () => part(el, '#upload-error')!.textContent.includes('receipt.pdf could not be sent'),
        'said',
      );
      expect(el.shadowRoot!.querySelector('.upload-file')!.getAttribute('data-state')).to.equal('failed');
    });
    it("says the request expired when the server's clock says so, whatever the page's", async () => {
      const { el } = await asked({ expiresAt: Date.now() - 60_000 });
      await choose(el, [pdf('receipt.pdf')]);
      (part(el, '#upload-send') as HTMLButtonElement).click();
      (await network.nth(0)).resolve({ status: 401, body: { error: 'expired' } });
      await waitFor(
        () => part(el, '#upload-error')!.textContent.includes('This request has expired.'),
        'said',
      );
    });
  });

  describe('drag and drop', () => {
    it('takes files dropped on the strip', async () => {
      const { el } = await asked();
      const strip = part(el, '[part="upload"]')!;
      const data = new DataTransfer();
      data.items.add(pdf('dropped.pdf'));
      const over = new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true });
      strip.dispatchEvent(over);
      expect(over.defaultPrevented).to.equal(true);
      strip.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['dropped.pdf']);
    });
  });

  describe('redaction', () => {
    it('shows a file name with a card number masked, and sends nothing of the number', async () => {
      const { el } = await asked();
      await choose(el, [pdf('4111 1111 1111 1111.pdf')]);
      expect(names(el)[0]).to.equal('•••• •••• •••• 1111.pdf');
      expect(el.shadowRoot!.querySelector('.upload-cancel')!.getAttribute('aria-label')).not.to.contain(
        '4111',
      );
    });
  });

  describe('properties', () => {
    it('speaks Spanish with usted', async () => {
      const { el } = await asked({}, 'es');
      expect(part(el, '#upload-heading')!.textContent).to.equal('Documentos solicitados');
      expect(part(el, '#upload-choose')!.textContent.trim()).to.equal('Elegir archivos');
      expect(part(el, '#upload-dismiss')!.textContent.trim()).to.equal('Ahora no');
    });
  });
});
