import { nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { Conversation } from '../../conversation/index.js';
import type { UploadRequestFrame } from '../../protocol.js';
import type { Strings } from '../i18n.js';
import { lazyModule } from '../lazy-module.js';
import { OnDemand, renderPartFailed } from '../on-demand/on-demand.js';
import type { DocumentUpload, UploadElement, UploadPanel } from './document-upload.js';

type UploadModule = typeof import('./document-upload.js');

/** The upload strip's chunk (document-upload.ts, its rules and its words), once per page. */
const chunk = lazyModule<UploadModule>(() => import('./document-upload.js'));

/**
 * The place of the document upload strip, in the panel's chunk: it hears the conversation's
 * `upload-request`, loads the strip's chunk then (and ahead of need, when an agent joins), and
 * hands it the request, kept until it is here. When the chunk cannot load, the place says so
 * (each failed attempt announced once, assertively) with "Try again", which loads it again and
 * then shows the strip with the same request; focus on that button moves to the strip's first.
 */
export class UploadPart implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #panel: UploadPanel;
  readonly #conversation: () => Conversation | undefined;
  readonly #chunk: OnDemand<UploadModule>;
  /** The strip, once its chunk is here. */
  #strip: DocumentUpload | undefined;
  /** The conversation whose requests this listens to. */
  #listening: Conversation | undefined;
  /** The last request that arrived before the strip's chunk. */
  #kept: UploadRequestFrame | undefined;
  #loading = false;
  /** The last load failed: the place says so (and keeps its button) until one succeeds. */
  #failed = false;
  #prefetched = false;
  /** "Try again" had focus when the strip arrived: focus goes to the strip's first button. */
  #retryFocused = false;

  constructor(
    host: ReactiveControllerHost,
    el: UploadElement,
    panel: UploadPanel,
    conversation: () => Conversation | undefined,
  ) {
    this.#host = host;
    this.#panel = panel;
    this.#conversation = conversation;
    this.#chunk = new OnDemand(host, chunk, (module) => {
      // (Read before the strip replaces the button.)
      this.#retryFocused = el.shadowRoot?.activeElement?.id === 'upload-retry';
      this.#strip = new module.DocumentUpload(host, el, panel);
      const kept = this.#kept;
      this.#kept = undefined;
      if (kept) this.#strip.receive(kept);
    });
    host.addController(this);
  }

  hostUpdate(): void {
    const conversation = this.#conversation();
    if (conversation !== this.#listening) {
      this.#listening?.events.off('upload-request', this.#requested);
      this.#listening = conversation;
      conversation?.events.on('upload-request', this.#requested);
      this.#prefetched = false;
    }
    // Only agents ask for documents: once one has joined, a request is likely (once per chat).
    if (!this.#prefetched && conversation?.phase === 'agent') {
      this.#prefetched = true;
      this.#chunk.prefetch();
    }
  }

  readonly #requested = (frame: UploadRequestFrame): void => {
    if (this.#strip) this.#strip.receive(frame);
    else {
      this.#kept = frame;
      this.#load();
    }
  };

  /** Loads the strip's chunk, unless it is on its way. */
  readonly #load = (): void => {
    if (this.#loading) return;
    this.#loading = true;
    void this.#chunk.load().then((module) => {
      this.#loading = false;
      this.#failed = !module;
      if (!module) this.#panel.announce(this.#panel.t().uploadUnavailable, 'assertive');
      else if (this.#retryFocused) this.#panel.focusAfter('upload-choose');
      this.#retryFocused = false;
      this.#host.requestUpdate();
    });
  };

  render(t: Strings): TemplateResult | typeof nothing {
    if (this.#strip) return this.#strip.render(t);
    if (!this.#kept || !this.#failed) return nothing;
    return renderPartFailed(t.uploadUnavailable, t.partRetry, 'upload-retry', this.#load);
  }
}
