/**
 * Development mode with a server from the page's address: said as text where the agent reads
 * (under the sign-in heading, then in the bar), not announced: it does not change while shown.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { ConsoleView } from './view.js';

export function renderDevNotice(v: ConsoleView, where: 'signin' | 'bar'): TemplateResult | typeof nothing {
  const override = v.override;
  if (!override) return nothing;
  return where === 'signin'
    ? html`<p class="ac-devmode" id="${v.ids}-devmode">
        <strong>Development mode:</strong> this console talks to <code>${override}</code>, the server named in
        the page's address, not its configured server <code>${v.configuredUrl}</code>. It sends that server no
        passcode.
      </p>`
    : html`<p class="ac-devmode" id="${v.ids}-devmode">
        <strong>Development mode:</strong> server <code>${override}</code>, from the page's address (no
        passcode sent)
      </p>`;
}
