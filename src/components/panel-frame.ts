import { adoptStyles, html, nothing } from 'lit';
import type { CSSResult, TemplateResult } from 'lit';
import type { ElementStrings } from './i18n-element.js';
import { isolationStyles } from './isolation.styles.js';
import { styles } from './launcher.styles.js';
import { panelFallbackStyles } from './panel-frame.styles.js';
import { positionStyles } from './position.styles.js';

/** What the panel's frame shows around its body. */
export interface PanelFrame {
  t: ElementStrings;
  heading: string;
  open: boolean;
  /** The panel fills the viewport (see panel-focus.ts). */
  modal: boolean;
  /** "End chat" in the header, while a chat can be ended. */
  end: TemplateResult | typeof nothing;
  /** The conversation and the composer; undefined when the panel's module could not load. */
  body: TemplateResult | undefined;
  keydown: (event: KeyboardEvent) => void;
  close: () => void;
  /** The Retry button of a panel whose module could not load. */
  reload: () => void;
}

/**
 * The panel (a dialog): its header with the heading, "End chat" and Close, and its body, or, when
 * the panel's module could not load, that error with a Retry button. Rendered from the first
 * opening on, hidden while closed.
 */
export function renderPanelFrame(frame: PanelFrame): TemplateResult {
  const { t } = frame;
  return html`<section
    id="panel"
    class="panel"
    part="panel"
    role="dialog"
    aria-labelledby="heading"
    aria-modal=${frame.modal ? 'true' : nothing}
    lang=${t.locale}
    ?hidden=${!frame.open}
    @keydown=${frame.keydown}
  >
    <div class="header" part="header">
      <h2 id="heading" part="heading">${frame.heading || t.heading}</h2>
      ${frame.end}
      <button
        class="close"
        part="close-button"
        type="button"
        aria-label=${t.close}
        @click=${frame.close}
      ></button>
    </div>
    ${
      frame.body ??
      html`<p id="load-error" class="error" part="error">${t.errorLoad}</p>
        <button id="reload" part="retry-button" aria-describedby="load-error" @click=${frame.reload}>
          ${t.retry}
        </button>`
    }
  </section>`;
}

/**
 * Adopts the panel's stylesheet right after the launcher's, before the position rules (position
 * rules and the panel's select different elements, so their order does not matter): `panel`, from
 * the panel's module, or the frame's rules alone when that module could not load. Parsed once per
 * page, on first use. Through Lit's `adoptStyles`, so browsers without constructable stylesheets
 * get `<style>` elements (with `litNonce`), as at first.
 */
export function adoptPanelStyles(root: ShadowRoot, panel: CSSResult | undefined): void {
  adoptStyles(root, [isolationStyles, styles, panel ?? panelFallbackStyles, positionStyles]);
}
