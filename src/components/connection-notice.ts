import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { ConnectionState } from '../conversation/index.js';
import type { Strings } from './i18n.js';

/**
 * The connection's notice above the transcript while it is not connected ('' otherwise):
 * connecting, reconnecting (or, before the first connection, not reachable yet), offline.
 */
export function connectionNotice(t: Strings, state: ConnectionState, everConnected: boolean): string {
  switch (state) {
    case 'connecting':
      return t.connecting;
    case 'reconnecting':
      return everConnected ? t.reconnecting : t.unreachable;
    case 'offline':
      return t.offline;
    default:
      return '';
  }
}

/** The notice's line, when there is one. */
export function renderConnectionNotice(text: string): TemplateResult | typeof nothing {
  return text ? html`<p class="notice" part="notice">${text}</p>` : nothing;
}
