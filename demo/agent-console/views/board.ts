/**
 * The board: who is waiting (a card per conversation, with what they asked about, the
 * assistant's summary and Accept where the agent's teams and languages may take it) and who is
 * signed in, with the simulated agent's switch.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BoardFrame, WaitingConversation } from '../../../src/agent-protocol.js';
import { formatTime, formatWait, languageLabel, teamLabel, teamPhrase } from '../../agent-console-format.js';
import { acceptRefusal } from '../model.js';
import { renderNeeds } from './needs.js';
import type { ConsoleView } from './view.js';
import { renderWaitingIdentity } from './identity.js';

export function renderBoard(v: ConsoleView): TemplateResult {
  const { board, boardMessage } = v.state;
  const waiting = board?.waiting ?? [];
  return html`
    <p class="ac-hint">
      ${
        board
          ? waiting.length === 0
            ? 'Nobody is waiting.'
            : `${waiting.length} ${waiting.length === 1 ? 'customer' : 'customers'} waiting.`
          : 'Loading…'
      }
    </p>
    ${boardMessage ? html`<p class="ac-error">${boardMessage}</p>` : nothing}
    ${
      waiting.length
        ? html`<ol class="ac-queue">
            ${repeat(
              waiting,
              (w) => w.conversationId,
              (w) => renderWaiting(v, w),
            )}
          </ol>`
        : nothing
    }
  `;
}

/** Why this agent cannot take it, in a sentence; `undefined` when they can. */
function refusalNote(v: ConsoleView, w: WaitingConversation): string | undefined {
  switch (acceptRefusal(v.state, w)) {
    case 'team':
      return `You cannot accept this: only ${teamPhrase(w.team)}${w.team === 'supervisor' ? '' : ' or a supervisor'} can.`;
    case 'language':
      return `You cannot accept this yet: it waits for an agent who speaks ${languageLabel(w.lang)}.`;
    default:
      return undefined;
  }
}

function renderWaiting(v: ConsoleView, w: WaitingConversation): TemplateResult {
  const name = `${teamLabel(w.team)} queue, number ${w.position}`;
  const refusal = refusalNote(v, w);
  return html`
    <li class="ac-card">
      <h3 class="ac-card__title">${name}</h3>
      <dl class="ac-facts">
        <div>
          <dt>Team</dt>
          <dd>${teamLabel(w.team)}</dd>
        </div>
        ${
          w.topic
            ? html`<div>
                <dt>Asked about</dt>
                <dd>${w.topic}</dd>
              </div>`
            : nothing
        }
        <div>
          <dt>Language</dt>
          <dd>${languageLabel(w.lang)}${w.anyLanguage ? ' (offered to any language)' : ''}</dd>
        </div>
        ${renderNeeds(w.accommodations)}
        <div>
          <dt>Waiting</dt>
          <dd>
            ${formatWait(v.now - w.since)}
            <span class="ac-facts__since"
              >(since
              <time datetime=${new Date(w.since).toISOString()}>${formatTime(w.since, v.locale)}</time>)</span
            >
          </dd>
        </div>
        <div>
          <dt>Position</dt>
          <dd>${w.position}</dd>
        </div>
        ${renderWaitingIdentity(w)}
        ${
          w.transferredFrom
            ? html`<div>
                <dt>Transferred from</dt>
                <dd>${teamLabel(w.transferredFrom)}</dd>
              </div>`
            : nothing
        }
        ${
          w.account
            ? html`<div>
                <dt>Account</dt>
                <dd>${w.account}</dd>
              </div>`
            : nothing
        }
      </dl>
      <p class="ac-card__summary"><span class="ac-label">Summary:</span> ${w.summary}</p>
      ${
        refusal === undefined
          ? html`<button
              class="ac-button ac-button--primary"
              type="button"
              @click=${() => v.on.accept(w.conversationId)}
            >
              Accept<span class="ac-visually-hidden"> ${name}</span>
            </button>`
          : html`<p class="ac-note">${refusal}</p>`
      }
    </li>
  `;
}

/** "General, Credit (Spanish)": a person's teams, then the languages they declared (none: any). */
function agentTeamsAndLanguages(a: BoardFrame['agents'][number]): string {
  const teams = [a.team, ...(a.teams ?? [])].map(teamLabel).join(', ');
  return a.languages ? `${teams} (${a.languages.map(languageLabel).join(', ')})` : teams;
}

export function renderAgents(v: ConsoleView): TemplateResult {
  const id = v.ids;
  const board = v.state.board;
  const agents = board?.agents ?? [];
  return html`
    ${
      agents.length
        ? html`<ul class="ac-agents">
            ${agents.map(
              (a) =>
                html`<li>
                  <strong>${a.name}</strong>, ${agentTeamsAndLanguages(a)}:
                  ${a.conversations === 1 ? '1 conversation' : `${a.conversations} conversations`}
                </li>`,
            )}
          </ul>`
        : html`<p class="ac-hint">Nobody else is signed in.</p>`
    }
    <div class="ac-check">
      <input
        id="${id}-simulate"
        type="checkbox"
        .checked=${live(board?.simulate ?? false)}
        ?disabled=${!board}
        @change=${v.on.simulate}
      />
      <label for="${id}-simulate">Simulated agent answers when nobody of a team is signed in</label>
    </div>
  `;
}
