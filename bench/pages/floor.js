// The bare-Lit floor: a launcher button and a plain `repeat()` list, everything re-rendered on
// each change. The bench bundles it with esbuild (Lit inside, minified) and serves it as /floor.js.
import { LitElement, html, css } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
class BenchFloor extends LitElement {
  static properties = { open: { type: Boolean }, messages: { attribute: false } };
  static styles = css`
    .launcher {
      position: fixed;
      inset: auto 1rem 1rem auto;
    }
    ol {
      max-height: 30rem;
      overflow: auto;
    }
  `;
  constructor() {
    super();
    this.open = false;
    this.messages = [];
  }
  render() {
    return html`<button
        id="launcher"
        class="launcher"
        type="button"
        @click=${() => {
          this.open = !this.open;
        }}
      >
        Chat with us
      </button>
      ${
        this.open
          ? html`<ol>
              ${repeat(
                this.messages,
                (m) => m.id,
                (m) => html`<li class="message"><p class="bubble">${m.text}</p></li>`,
              )}
            </ol>`
          : ''
      }`;
  }
}
customElements.define('bench-floor', BenchFloor);
