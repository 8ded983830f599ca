import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { TranscriptMessage } from '../../conversation/index.js';
import { displayText } from '../display-text.js';
import type { Strings } from '../i18n.js';
import { linkify } from '../rich-text.js';

/** What one message's template reads besides the message. */
export interface MessageView {
  t: Strings;
  /** `link-hosts`: where the assistant's and agents' https links may point. */
  linkHosts: string;
  /** `urgent-phone` as written, and its `tel:` URL ('' when it holds no number). */
  urgentPhone: string;
  telHref: string;
  /** A quick reply was chosen: send its value as the customer. */
  reply(value: string): void;
  /** The Retry button of a message that was not sent. */
  retry(id: string): void;
}

/** `tel:` URL of `urgent-phone`: digits and a leading + only, so nothing else can get in. */
export function telHref(urgentPhone: string): string {
  const digits = urgentPhone
    .trim()
    .replace(/[^\d+]/g, '')
    .replace(/(?!^)\+/g, '');
  return /\d{3,}/.test(digits) ? `tel:${digits}` : '';
}

/**
 * Message text as text nodes; only the assistant's and agents' messages get https (within
 * `link-hosts`), mailto and tel links (see rich-text.ts), never notices or the customer's text.
 */
function renderText(
  { text, from }: TranscriptMessage,
  linkHosts: string,
): string | (string | TemplateResult)[] {
  const shown = displayText(text);
  if (from !== 'agent' && from !== 'assistant') return shown;
  return linkify(shown, linkHosts).map((part) =>
    typeof part === 'string'
      ? part
      : html`<a href=${part.href} rel="noopener noreferrer" target="_blank">${part.text}</a>`,
  );
}

function renderStatus(view: MessageView, message: TranscriptMessage): TemplateResult {
  const { t } = view;
  if (message.status === 'failed') {
    return html`<p class="status failed">
      ${t.failed}
      <button type="button" part="retry-button" @click=${() => view.retry(message.id)}>${t.retry}</button>
    </p>`;
  }
  return html`<p class="status">${message.status === 'sent' ? t.sent : t.sending}</p>`;
}

/** One message of the transcript; `last`: the newest, whose quick replies are offered. */
export function renderMessage(view: MessageView, message: TranscriptMessage, last: boolean): TemplateResult {
  const { t } = view;
  const time = new Date(message.at);
  return html`<div class="message ${message.from}" role="listitem" part="message">
    <p class="meta">
      <span>${t.senderPrefix(displayText(message.name, 'name'), message.from)}</span>,
      <time datetime=${time.toISOString()}>${t.time(time)}</time><span class="sr-only">:</span>
    </p>
    <p class="bubble" part="bubble" dir="auto">${renderText(message, view.linkHosts)}</p>
    ${
      message.urgent && view.telHref
        ? html`<p class="urgent">
            <a part="urgent-phone" href=${view.telHref}>${t.callUrgent(view.urgentPhone.trim())}</a>
          </p>`
        : nothing
    }
    ${message.status ? renderStatus(view, message) : nothing}
    ${
      last && message.quickReplies?.length
        ? html`<ul class="quick-replies">
            ${message.quickReplies.map(
              (reply) =>
                html`<li>
                  <button type="button" part="quick-reply" @click=${() => view.reply(reply.value)}>
                    ${displayText(reply.label, 'label')}
                  </button>
                </li>`,
            )}
          </ul>`
        : nothing
    }
  </div>`;
}
