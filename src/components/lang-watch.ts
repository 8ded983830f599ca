import type { ReactiveController, ReactiveElement } from 'lit';

/** The next node up the tree, from a shadow root to its host: where `lang` is inherited from. */
const up = (node: Node): Node | null | undefined => node.parentNode ?? (node as ShadowRoot).host;

/**
 * The language tag an element speaks: its own `lang`, else the nearest one up the tree through
 * shadow roots to their hosts (a `lang` on a component that renders this one in its shadow root
 * counts), else the page's, else the browser's. Walked on every render, without a selector (a
 * page's first selector query is slow). The nodes walked are watched while the element is
 * connected: a `lang` set, changed or removed on one of them, up to the nearest that has one,
 * renders the element again; so does each connection (a moved element speaks its new place's).
 */
export class LangWatch implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #watch: MutationObserver;

  constructor(host: ReactiveElement) {
    this.#host = host;
    this.#watch = new MutationObserver(() => host.requestUpdate());
    host.addController(this);
  }

  get lang(): string {
    let lang: string | null | undefined = this.#host.lang;
    for (let node = up(this.#host); !lang && node; node = up(node)) {
      this.#watch.observe(node, { attributeFilter: ['lang'] });
      lang = (node as Partial<Element>).getAttribute?.('lang');
    }
    return lang || document.documentElement.lang || navigator.language;
  }

  hostConnected(): void {
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#watch.disconnect();
  }
}
