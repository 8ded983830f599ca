import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { UPLOAD_ACCEPT, UPLOAD_FINISH_PATH, UPLOAD_PATH, isUploadType, typeOfName } from '../../protocol.js';
import type { UploadRequestFrame } from '../../protocol.js';
import { randomId } from '../../random-id.js';
import { createRedactor } from '../../redaction/index.js';
import { displayText } from '../display-text.js';
import type { Strings } from '../i18n.js';
import { adoptPartStyles } from '../on-demand/part-styles.js';
import { documentUploadStyles } from './document-upload.styles.js';
import { uploadUrl, xhrSend } from './upload-send.js';
import type { SendUpload } from './upload-send.js';
import { uploadStrings } from './upload-strings.js';
import type { UploadStrings } from './upload-strings.js';

/** What the upload control reads of the panel it sits in. */
export interface UploadPanel {
  t(): Strings;
  lang(): string;
  announce(text: string, politeness?: 'polite' | 'assertive'): void;
  focusAfter(id?: string): void;
}

/** What the control reads of the element. */
export interface UploadElement {
  readonly endpoint: string;
  readonly tokenProvider: (() => Promise<string>) | undefined;
  /** Where the strip's rules go (they come with this module: see adoptPartStyles). */
  readonly shadowRoot: ShadowRoot | null;
}

type ItemState = 'ready' | 'uploading' | 'done' | 'failed';

interface Item {
  key: string;
  file: File;
  /** Shown as the server will keep it: cleaned and redacted like a message. */
  name: string;
  loaded: number;
  state: ItemState;
  /** The server's id once it arrived. */
  id?: string;
  abort?: AbortController;
}

/** A file name without paths or control characters, redacted like a message. */
export function shownName(raw: string, lang: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return (
    createRedactor({ lang: lang === 'es' ? 'es' : 'en' })
      .redact(base)
      .text.trim() || 'document'
  );
}

/**
 * Secure document upload, outside the transcript: when an agent asks for documents (the
 * conversation's `upload-request`), a strip above the message box says what is needed, with
 * "Choose files" (a real file input, multiple, with the allowed types) and the strip as a drop
 * target. Chosen files are checked before anything is sent (type, size, count: each refusal
 * said at once); "Send documents" sends them one by one by HTTP POST with the request's one-time
 * token in a header, each with its progress bar and its Cancel, then finishes the batch; the
 * transcript's notice says what arrived. "Not now" puts the request away.
 *
 * This module, its rules and its words are a chunk of their own, loaded when a request arrives
 * (./upload-part.ts, which hands it the requests).
 */
export class DocumentUpload implements ReactiveController {
  /** The network part (tests swap it to drive progress themselves). */
  static send: SendUpload = xhrSend;

  readonly #host: ReactiveControllerHost;
  readonly #el: UploadElement;
  readonly #panel: UploadPanel;
  #request: UploadRequestFrame | undefined;
  #items: Item[] = [];
  #errors: string[] = [];
  #phase: 'hidden' | 'open' | 'sending' | 'sent' = 'hidden';
  #sentCount = 0;
  #dragging = false;
  /** One batch per request: retries after a failure stay in it. */
  #batch = '';
  /** The last request shown (its `ref`). */
  #lastRef = '';

  constructor(host: ReactiveControllerHost, el: UploadElement, panel: UploadPanel) {
    this.#host = host;
    this.#el = el;
    this.#panel = panel;
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const item of this.#items) item.abort?.abort();
  }

  /** The conversation's `upload-request` (as the conversation emits it, or kept until this loaded). */
  readonly receive = (frame: UploadRequestFrame): void => {
    // The same request again (the server shows it again after a reconnect): nothing changes, so
    // files on their way carry on and a request put away stays away.
    if (frame.ref === this.#lastRef) return;
    this.#lastRef = frame.ref;
    // The conversation's emit is synchronous; the element hears of it in a microtask.
    queueMicrotask(() => {
      for (const item of this.#items) item.abort?.abort();
      this.#request = frame;
      this.#items = [];
      this.#errors = [];
      this.#batch = `b-${randomId()}`;
      this.#phase = 'open';
      const t = this.#words();
      this.#panel.announce(t.uploadRequested(displayText(frame.text)));
      this.#host.requestUpdate();
    });
  };

  /** Checks chosen (or dropped) files before anything is sent: type, size, count. */
  add(files: Iterable<File>): void {
    const request = this.#request;
    if (!request || this.#phase !== 'open') return;
    const t = this.#words();
    const mb = Math.floor(request.maxBytes / (1024 * 1024));
    const errors: string[] = [];
    for (const file of files) {
      const name = shownName(file.name, this.#panel.lang());
      if (!isUploadType(file.type) && typeOfName(file.name) === undefined) {
        errors.push(t.uploadWrongType(name));
      } else if (file.size > request.maxBytes) {
        errors.push(t.uploadTooLarge(name, mb));
      } else if (this.#items.length >= request.maxFiles) {
        if (!errors.includes(t.uploadTooMany(request.maxFiles)))
          errors.push(t.uploadTooMany(request.maxFiles));
      } else {
        this.#items.push({ key: randomId(), file, name, loaded: 0, state: 'ready' });
      }
    }
    this.#errors = errors;
    if (errors.length > 0) this.#panel.announce(errors.join(' '), 'assertive');
    this.#host.requestUpdate();
  }

  /** Cancel: a file not sent yet leaves the list; one on its way is stopped; one that arrived is dropped. */
  cancel(key: string): void {
    const at = this.#items.findIndex((item) => item.key === key);
    const item = this.#items[at];
    if (!item) return;
    item.abort?.abort();
    this.#items.splice(at, 1);
    const next = this.#items[Math.min(at, this.#items.length - 1)];
    this.#panel.focusAfter(next ? `upload-cancel-${next.key}` : 'upload-choose');
    this.#host.requestUpdate();
  }

  /**
   * "Not now": the request is put away, and answered: its batch is finished with nothing kept,
   * which spends the token, drops a file that had arrived, and tells the agent. (Close, once the
   * documents were sent, only puts the strip away.)
   */
  dismiss(): void {
    const request = this.#phase === 'open' ? this.#request : undefined;
    if (request) void this.#finish(request, []);
    for (const item of this.#items) item.abort?.abort();
    this.#phase = 'hidden';
    this.#request = undefined;
    this.#items = [];
    this.#errors = [];
    this.#panel.focusAfter();
    this.#host.requestUpdate();
  }

  /** Sends the files one by one, each with its progress, then finishes the batch. */
  async send(): Promise<void> {
    const request = this.#request;
    if (!request || this.#phase !== 'open') return;
    const t = this.#words();
    const waiting = this.#items.filter((item) => item.state === 'ready' || item.state === 'failed');
    if (waiting.length === 0 && !this.#items.some((item) => item.state === 'done')) {
      this.#fail([t.uploadNone]);
      return;
    }
    this.#phase = 'sending';
    this.#errors = [];
    this.#panel.announce(t.uploadSending(this.#items.length));
    this.#host.requestUpdate();
    const headers = await this.#headers(request);
    const errors: string[] = [];
    for (const item of waiting) {
      if (!this.#items.includes(item) || this.#request !== request) continue;
      const error = await this.#upload(item, headers);
      if (error === 'expired') {
        errors.push(t.uploadExpired);
        break;
      }
      if (error) errors.push(t.uploadFailed(item.name));
    }
    if (this.#request !== request) return;
    const arrived = this.#items.filter((item) => item.state === 'done' && item.id !== undefined);
    if (errors.length > 0 || arrived.length === 0) {
      this.#phase = 'open';
      this.#fail(errors.length > 0 ? errors : [t.uploadNone]);
      return;
    }
    const finished = await this.#finish(
      request,
      arrived.map((item) => item.id ?? ''),
      headers,
    );
    if (this.#request !== request) return;
    if (finished?.status !== 200) {
      this.#phase = 'open';
      this.#fail([finished?.status === 401 ? t.uploadExpired : t.uploadFailed(arrived[0]?.name ?? '')]);
      return;
    }
    this.#phase = 'sent';
    this.#sentCount = arrived.length;
    this.#panel.announce(t.uploadSent(arrived.length));
    this.#panel.focusAfter('upload-close');
    this.#host.requestUpdate();
  }

  /** Finishes the request's batch keeping `ids`; the answer, or undefined when none came. */
  async #finish(
    request: UploadRequestFrame,
    ids: string[],
    headers?: Record<string, string>,
  ): Promise<{ status: number } | undefined> {
    return DocumentUpload.send({
      url: uploadUrl(this.#el.endpoint, UPLOAD_FINISH_PATH),
      headers: { ...(headers ?? (await this.#headers(request))), 'content-type': 'application/json' },
      body: JSON.stringify({ ids }),
      signal: new AbortController().signal,
    }).catch(() => undefined);
  }

  async #headers(request: UploadRequestFrame): Promise<Record<string, string>> {
    const headers: Record<string, string> = {
      'x-upload-token': request.token,
      'x-upload-conversation': request.conversationId,
      'x-upload-batch': this.#batch,
    };
    // With a server that checks tokens, the customer proves who they are as the hello does.
    const token = await this.#el.tokenProvider?.().catch(() => undefined);
    if (token) headers['authorization'] = `Bearer ${token}`;
    return headers;
  }

  /** One file's POST; an error kind, or undefined when it arrived (or was cancelled). */
  async #upload(item: Item, headers: Record<string, string>): Promise<'expired' | 'failed' | undefined> {
    item.abort = new AbortController();
    item.state = 'uploading';
    item.loaded = 0;
    this.#host.requestUpdate();
    try {
      const answer = await DocumentUpload.send({
        url: uploadUrl(this.#el.endpoint, UPLOAD_PATH),
        headers: {
          ...headers,
          'x-upload-name': encodeURIComponent(item.file.name),
          'content-type': item.file.type || 'application/octet-stream',
        },
        body: item.file,
        progress: (loaded) => {
          item.loaded = Math.min(loaded, item.file.size);
          this.#host.requestUpdate();
        },
        signal: item.abort.signal,
      });
      const body = answer.body as { id?: unknown; error?: unknown } | undefined;
      if (answer.status === 201 && typeof body?.id === 'string') {
        item.state = 'done';
        item.id = body.id;
        item.loaded = item.file.size;
        return undefined;
      }
      item.state = 'failed';
      // The server's clock decides expiry (the page's may be wrong).
      return body?.error === 'expired' || body?.error === 'used' ? 'expired' : 'failed';
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return undefined;
      item.state = 'failed';
      return 'failed';
    } finally {
      item.abort = undefined;
      this.#host.requestUpdate();
    }
  }

  #words(): UploadStrings {
    return uploadStrings(this.#panel.t());
  }

  #fail(errors: string[]): void {
    this.#errors = errors;
    this.#panel.announce(errors.join(' '), 'assertive');
    this.#host.requestUpdate();
  }

  readonly #choose = (e: Event): void => {
    const input = (e.currentTarget as HTMLElement).parentElement?.querySelector<HTMLInputElement>(
      '#upload-input',
    );
    input?.click();
  };

  readonly #picked = (e: Event): void => {
    const input = e.currentTarget as HTMLInputElement;
    this.add(Array.from(input.files ?? []));
    // The same file may be chosen again after a Cancel.
    input.value = '';
  };

  readonly #dragOver = (e: DragEvent): void => {
    if (this.#phase !== 'open' || !e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    if (!this.#dragging) {
      this.#dragging = true;
      this.#host.requestUpdate();
    }
  };

  readonly #dragLeave = (): void => {
    this.#dragging = false;
    this.#host.requestUpdate();
  };

  readonly #drop = (e: DragEvent): void => {
    e.preventDefault();
    this.#dragging = false;
    this.add(Array.from(e.dataTransfer?.files ?? []));
  };

  render(strings: Strings): TemplateResult | typeof nothing {
    const request = this.#request;
    if (!request || this.#phase === 'hidden') return nothing;
    adoptPartStyles(this.#el.shadowRoot, documentUploadStyles);
    const t = uploadStrings(strings);
    if (this.#phase === 'sent') {
      return html`<div class="upload" part="upload" role="group" aria-labelledby="upload-heading">
        <h3 id="upload-heading">${t.uploadHeading}</h3>
        <p>${t.uploadSent(this.#sentCount)}</p>
        <button id="upload-close" type="button" @click=${() => this.dismiss()}>${t.uploadClose}</button>
      </div>`;
    }
    const sending = this.#phase === 'sending';
    const mb = Math.floor(request.maxBytes / (1024 * 1024));
    return html`<div
      class="upload ${this.#dragging ? 'dragging' : ''}"
      part="upload"
      role="group"
      aria-labelledby="upload-heading"
      @dragover=${this.#dragOver}
      @dragleave=${this.#dragLeave}
      @drop=${this.#drop}
    >
      <h3 id="upload-heading">${t.uploadHeading}</h3>
      <p id="upload-text">${t.uploadAsked} <q>${displayText(request.text)}</q></p>
      <p id="upload-limits" class="upload-hint">${t.uploadLimits(request.maxFiles, mb)}</p>
      <div class="upload-pick">
        <input
          id="upload-input"
          type="file"
          multiple
          accept=${UPLOAD_ACCEPT}
          hidden
          @change=${this.#picked}
        />
        <button
          id="upload-choose"
          type="button"
          aria-describedby="upload-limits upload-error"
          ?disabled=${sending}
          @click=${this.#choose}
        >
          ${t.uploadChoose}
        </button>
      </div>
      ${
        this.#items.length > 0
          ? html`<ul class="upload-files" aria-label=${t.uploadFiles}>
              ${this.#items.map((item) => this.#renderItem(t, item))}
            </ul>`
          : nothing
      }
      <div id="upload-error" class="upload-error">${this.#errors.map((e) => html`<p>${e}</p>`)}</div>
      <div class="upload-actions">
        <button id="upload-send" type="button" ?disabled=${sending} @click=${() => void this.send()}>
          ${t.uploadSend}
        </button>
        <button id="upload-dismiss" type="button" @click=${() => this.dismiss()}>${t.uploadNotNow}</button>
      </div>
    </div>`;
  }

  #renderItem(t: UploadStrings, item: Item): TemplateResult {
    const moving = item.state === 'uploading' || item.state === 'done';
    return html`<li class="upload-file" data-state=${item.state}>
      <span class="upload-name">${item.name}</span>
      ${
        moving
          ? html`<progress
              max=${item.file.size || 1}
              .value=${item.loaded}
              aria-label=${t.uploadProgress(item.name)}
            ></progress>`
          : nothing
      }
      <span class="upload-state">${t.uploadState[item.state]}</span>
      <button
        id="upload-cancel-${item.key}"
        class="upload-cancel"
        type="button"
        aria-label=${t.uploadCancelFile(item.name)}
        @click=${() => this.cancel(item.key)}
      >
        ${t.uploadCancel}
      </button>
    </li>`;
  }
}
