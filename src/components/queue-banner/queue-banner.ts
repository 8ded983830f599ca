import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { QueueStatus } from '../../conversation/index.js';
import type { Strings } from '../i18n.js';

/** "You are number 3 in line. About 2 minutes." */
export function queueText(t: Strings, queue: QueueStatus): string {
  return `${t.queuePosition(queue.position)} ${t.queueWait(queue.etaSeconds)}`;
}

/** The place in line and the wait while waiting for an agent, with "Leave the line". */
export function renderQueueBanner(t: Strings, queue: QueueStatus, leave: () => void): TemplateResult {
  return html`<div class="queue" part="queue">
    <p id="queue-status">${queueText(t, queue)}</p>
    <button id="leave-queue" type="button" part="leave-queue-button" @click=${leave}>${t.leaveQueue}</button>
  </div>`;
}
