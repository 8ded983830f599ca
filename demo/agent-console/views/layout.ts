/** The live regions, polite then assertive, in the console's own language. */
export function renderRegions(lang: string | typeof nothing, announcer: ConsoleAnnouncer): TemplateResult {
  return html`
    <div
      class="ac-visually-hidden"
      aria-live="polite"
      aria-relevant="additions text"
      data-announcer="polite"
      lang=${lang}
    >
      ${announcer.render('polite')}
    </div>
    <div
      class="ac-visually-hidden"
      aria-live="assertive"
      aria-relevant="additions text"
      data-announcer="assertive"
      lang=${lang}
    >
      ${announcer.render('assertive')}
    </div>
  `;
}

/**
 * The signed-in console: the bar (who, the connection, Sign out), then the board and the agents
 * beside "My conversations".
 */
import { html } from 'lit';
import type { TemplateResult, nothing } from 'lit';
import type { ConsoleAnnouncer } from '../../agent-console-announcer.js';
import { teamLabel } from '../../agent-console-format.js';
import { renderAgents, renderBoard } from './board.js';
import { renderConversations } from './conversations.js';
import { renderDevNotice } from './dev-notice.js';
import type { ConsoleView } from './view.js';

export function renderConsole(v: ConsoleView): TemplateResult {
  const id = v.ids;
  const { state, lang } = v;
  const reconnecting = state.connection === 'reconnecting';
  return html`
    <div class="ac-bar" lang=${lang}>
      <p class="ac-bar__who">
        Signed in as <strong>${state.agentName}</strong>, ${teamLabel(state.agentTeam)} team
      </p>
      ${renderDevNotice(v, 'bar')}
      <p class="ac-conn ${reconnecting ? 'ac-conn--lost' : 'ac-conn--ok'}">
        ${reconnecting ? 'Connection lost. Reconnecting…' : 'Connected'}
      </p>
      <button class="ac-button" type="button" @click=${v.on.signOut}>Sign out</button>
    </div>
    <div class="ac-layout" lang=${lang}>
      <div class="ac-column">
        <section class="ac-panel" aria-labelledby="${id}-board-heading" data-focus-home="board">
          <h2 id="${id}-board-heading" tabindex="-1">Waiting customers</h2>
          ${renderBoard(v)}
        </section>
        <section class="ac-panel" aria-labelledby="${id}-agents-heading">
          <h2 id="${id}-agents-heading">Agents</h2>
          ${renderAgents(v)}
        </section>
      </div>
      <section class="ac-panel ac-mine" aria-labelledby="${id}-mine-heading" data-focus-home="pane">
        <h2 id="${id}-mine-heading">My conversations</h2>
        ${renderConversations(v)}
      </section>
    </div>
  `;
}
