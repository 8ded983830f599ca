import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Strings } from '../i18n.js';

/**
 * The inactivity warning: the time left on screen every second, hidden from assistive
 * technology, which reads the group's name instead: the warning as last said (`said`: at its
 * start, 60 s and 10 s; see idle.ts).
 */
export function renderIdleWarning(
  t: Strings,
  left: number,
  said: number,
  resume: () => void,
): TemplateResult {
  return html`<div class="idle" part="idle-warning" role="group" aria-labelledby="idle-said">
    <p id="idle-text" aria-hidden="true">${t.idleWarning(left)}</p>
    <span id="idle-said" class="sr-only">${t.idleWarning(said)}</span>
    <button id="idle-continue" type="button" @click=${resume}>${t.idleContinue}</button>
  </div>`;
}
