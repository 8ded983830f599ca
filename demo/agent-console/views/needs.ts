/**
 * The customer's accommodations (src/protocol/accommodations.ts) for the agent, as words (never
 * a colour or an icon alone): on a waiting conversation's card (the board's
 * `accommodations`) and in the conversation's facts, where the latest `accommodations` notice
 * of its events says them (so that a change while the agent holds the chat shows at once).
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { ChatEvent } from '../../../src/protocol.js';
import type { Accommodation, Accommodations } from '../../../src/protocol.js';

const NEED_LABEL: Readonly<Record<Accommodation, string>> = {
  'screen-reader': 'Uses a screen reader',
  'more-time': 'Needs more time',
  'written-summary': 'Wants a written summary',
  hearing: 'Deaf or hard of hearing',
};

/** What the customer stated last in these events, if anything (none once they cleared it). */
export function needsOf(events: readonly ChatEvent[]): Accommodations | undefined {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const notice = events[i]?.notice;
    if (notice?.code !== 'accommodations') continue;
    return notice.needs.length > 0 || notice.note ? notice : undefined;
  }
  return undefined;
}

/** A "Needs" fact: each need in words, then the customer's note (redacted), quoted. */
export function renderNeeds(stated: Accommodations | undefined): TemplateResult | typeof nothing {
  if (!stated || (stated.needs.length === 0 && !stated.note)) return nothing;
  return html`<div class="ac-needs">
    <dt>Needs</dt>
    <dd>
      <ul class="ac-needs__list">
        ${stated.needs.map((need) => html`<li class="ac-needs__item">${NEED_LABEL[need]}</li>`)}
        ${stated.note ? html`<li class="ac-needs__item">Note: “${stated.note}”</li>` : nothing}
      </ul>
    </dd>
  </div>`;
}
