/**
 * A conversation's transcript: a `log` (not live: the console announces what matters itself)
 * with every event in order of `seq`, then the agent's messages the server has not stored yet.
 * The conversation's texts carry its language; times follow the console's locale.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatEvent } from '../../../src/protocol.js';
import { formatTime } from '../../agent-console-format.js';
import type { Conversation, PendingMessage } from '../model.js';
import type { ConsoleView } from './view.js';

export function renderTranscript(
  v: ConsoleView,
  c: Conversation,
  lang: string | typeof nothing,
): TemplateResult {
  return html`<div
    id="${v.ids}-log"
    class="ac-log"
    role="log"
    aria-live="off"
    aria-label="Transcript, Customer ${c.number}"
    tabindex="0"
    @scroll=${v.on.logScroll}
  >
    <ol class="ac-messages">
      ${repeat(
        c.events,
        (e) => e.seq,
        (e) => renderEvent(e, lang, v.locale),
      )}
      ${repeat(
        c.pending,
        (p) => p.id,
        (p) => renderPending(p, lang, v.state.agentName),
      )}
    </ol>
  </div>`;
}

function renderEvent(e: ChatEvent, lang: string | typeof nothing, locale: string): TemplateResult {
  const sender =
    e.kind === 'notice' || e.from === 'system'
      ? 'Notice'
      : e.from === 'customer'
        ? 'Customer'
        : e.from === 'agent'
          ? `${e.name || 'Agent'} (agent)`
          : e.name || 'Virtual assistant';
  const kind = e.kind === 'notice' ? 'notice' : e.from;
  return html`<li class="ac-msg ac-msg--${kind}">
    <p class="ac-msg__meta">
      <span class="ac-msg__sender">${sender}</span><span class="ac-visually-hidden">,</span>
      <time datetime=${new Date(e.at).toISOString()}>${formatTime(e.at, locale)}</time>
    </p>
    <p class="ac-msg__text" lang=${lang}>${e.text}</p>
  </li>`;
}

function renderPending(p: PendingMessage, lang: string | typeof nothing, agentName: string): TemplateResult {
  return html`<li class="ac-msg ac-msg--agent ac-msg--pending">
    <p class="ac-msg__meta">
      <span class="ac-msg__sender">${agentName} (agent)</span><span class="ac-visually-hidden">,</span>
      <span class=${p.error ? 'ac-error' : ''}>${p.error ? `Not sent: ${p.error}` : 'Sending…'}</span>
    </p>
    <p class="ac-msg__text" lang=${lang}>${p.text}</p>
  </li>`;
}
