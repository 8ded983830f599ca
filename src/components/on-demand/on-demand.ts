import { html } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { LazyModule } from '../lazy-module.js';
import { whenIdle } from '../transcript/transcript-view.js';

/**
 * A part of the panel that few chats use (an identity check, documents, the needs form), in a
 * chunk of its own so that a chat without it does not download it. For one element: `load()` when
 * the part is needed (the host renders again once it is here, and `ready` gets the module first,
 * once), `prefetch()` ahead of need (when an agent joins), and a failed load kept as `failed`
 * until the next `load()`, so the part can say so and offer to try again (renderPartFailed).
 */
export class OnDemand<T> {
  /** The last attempt to load failed (cleared by the next attempt). */
  failed = false;
  readonly #host: ReactiveControllerHost;
  readonly #lazy: LazyModule<T>;
  readonly #ready: (module: T) => void;
  #made = false;
  /** `load()` was called: the part was needed. */
  #asked = false;

  constructor(host: ReactiveControllerHost, lazy: LazyModule<T>, ready: (module: T) => void) {
    this.#host = host;
    this.#lazy = lazy;
    this.#ready = ready;
  }

  /** The module, once this element has it (its `ready` has run). */
  get module(): T | undefined {
    return this.#made ? this.#lazy.module : undefined;
  }

  /** Loads the module (once per page) and renders with it; on failure, `failed` and a render. */
  load(): Promise<T | undefined> {
    this.#asked = true;
    this.failed = false;
    return this.#lazy.load().then(
      (module) => {
        if (!this.#made) {
          this.#made = true;
          this.#ready(module);
        }
        this.#host.requestUpdate();
        return module;
      },
      () => {
        this.failed = true;
        this.#host.requestUpdate();
        return undefined;
      },
    );
  }

  /**
   * Loads the module when the page is idle, unless it is here, on its way, or asked for by then
   * (a load that failed is tried again by "Try again", not behind the customer's back). A failure
   * here is not shown: the next load tries again.
   */
  prefetch(): void {
    const wanted = (): boolean => !this.#asked && !this.#lazy.module && !this.#lazy.loading;
    if (!wanted()) return;
    whenIdle(() => {
      if (wanted()) void this.#lazy.load().catch(() => undefined);
    }, 2000);
  }
}

/**
 * What a part shows when its chunk could not load: what it is for, and a button that tries again.
 * `id` names the button, for focus.
 */
export function renderPartFailed(
  text: string,
  retry: string,
  id: string,
  onRetry: () => void,
): TemplateResult {
  return html`<div class="part-failed" part="part-failed" role="group" aria-labelledby="${id}-text">
    <p id="${id}-text">${text}</p>
    <button id=${id} type="button" @click=${onRetry}>${retry}</button>
  </div>`;
}
