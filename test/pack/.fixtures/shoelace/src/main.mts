// A host page with its own Lit (an element of its own, and Shoelace's), plus amex-chat's npm
// build: one copy of Lit between them, so one `lit-html` Trusted Types policy.
import '@shoelace-style/shoelace/dist/themes/light.css';
import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/input/input.js';
import '@shoelace-style/shoelace/dist/components/switch/switch.js';
import 'amex-chat';
import { LitElement, html } from 'lit';

/** The host's own Lit element: how many times Count was pressed, and the switch's state. */
class HostStatus extends LitElement {
  static override properties = { clicks: { type: Number }, alerts: { type: Boolean } };
  declare clicks: number;
  declare alerts: boolean;

  constructor() {
    super();
    this.clicks = 0;
    this.alerts = false;
  }

  override render() {
    return html`<p id="status">Clicks: ${this.clicks}; alerts ${this.alerts ? 'on' : 'off'}</p>`;
  }
}
customElements.define('host-status', HostStatus);

const status = document.querySelector<HostStatus>('host-status')!;
document.querySelector('#count')!.addEventListener('click', () => (status.clicks += 1));
document.querySelector('#alerts')!.addEventListener('sl-change', (event) => {
  status.alerts = (event.target as HTMLInputElement).checked;
});

document.querySelector('amex-chat')!.addEventListener('amex-chat-message', (event) => {
  const item = document.createElement('li');
  item.textContent = `${event.detail.message.from}: ${event.detail.message.text}`;
  document.querySelector('#messages')!.append(item);
});
