import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lazyModule } from './lazy-module.js';

export type Panel = typeof import('./panel.js');

/** The panel's module (see `./panel.ts`), its own chunk in `dist/`, shared by every element of the page. */
const panel = lazyModule<Panel>(() => import('./panel.js'));

/** Loads the panel's module once per page; a failed load is tried again by the next call. */
export function loadPanel(): Promise<Panel> {
  return panel.load();
}

/** Runs `task` when the page is idle, within `timeout` ms (Safari: after a frame's time). */
export function whenIdle(task: () => void, timeout: number): void {
  if ('requestIdleCallback' in globalThis) requestIdleCallback(task, { timeout });
  else setTimeout(task, 16);
}

/**
 * The panel's module for one element, like @lit/task: one outcome per attempt (an idle load may
 * be under way when the panel opens), a new attempt after a failure, and the outcome of an
 * attempt made before the element left the document dropped (it renders again when it is back).
 */
export class PanelLoader implements ReactiveController {
  /** The module could not load while the panel was open; cleared by the next attempt's success. */
  failed = false;
  /** The attempt this element waits for. */
  #attempt: Promise<Panel> | undefined;
  #abort: AbortController | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #onFailure: () => boolean;

  /** `onFailure`: says the load failed when that matters (the panel is open); true if it did. */
  constructor(host: ReactiveControllerHost, onFailure: () => boolean) {
    this.#host = host;
    this.#onFailure = onFailure;
    host.addController(this);
  }

  /** The module, once loaded (by any element of the page). */
  get module(): Panel | undefined {
    return panel.module;
  }

  /** The load under way, if any (for `updateComplete`). */
  get loading(): Promise<Panel> | undefined {
    return panel.loading;
  }

  /** Loads the module (once per page) and renders with it, or says it could not load. */
  load(): void {
    const attempt = loadPanel();
    if (attempt === this.#attempt) return;
    this.#attempt = attempt;
    this.#abort?.abort();
    const { signal } = (this.#abort = new AbortController());
    attempt.then(
      () => {
        if (signal.aborted) return;
        this.failed = false;
        this.#host.requestUpdate();
      },
      () => {
        // Said (and the panel rendered with it) only while open; a closed launcher's failed load
        // is tried again when the panel opens, which then waits for that attempt.
        if (!signal.aborted && this.#onFailure()) this.failed = true;
      },
    );
  }

  /** A closed launcher loads the module when the page is idle (within 2 s), then `ready` runs. */
  loadWhenIdle(ready: () => void): void {
    whenIdle(() => {
      ready();
      if (!this.#attempt) this.load();
    }, 2000);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#attempt = undefined;
  }
}
