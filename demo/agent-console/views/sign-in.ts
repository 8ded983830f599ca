/** The sign-in form: the agent's name, team and (when the server asks for one) the passcode. */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { TEAMS } from '../../../src/agent-protocol.js';
import { teamLabel } from '../../agent-console-format.js';
import { MAX_NAME_LENGTH } from '../model.js';
import { renderDevNotice } from './dev-notice.js';
import type { ConsoleView } from './view.js';

export function renderSignIn(v: ConsoleView): TemplateResult {
  const id = v.ids;
  const { state, quietError } = v;
  const connecting = state.connection === 'connecting';
  return html`
    <section
      class="ac-panel ac-signin"
      aria-labelledby="${id}-signin-heading"
      data-focus-home="signin"
      lang=${v.lang}
    >
      <h2 id="${id}-signin-heading">Sign in</h2>
      ${renderDevNotice(v, 'signin')}
      <p class="ac-hint">Choose the name customers will see and your team.</p>
      <form class="ac-form" novalidate @submit=${v.on.signIn}>
        <div class="ac-field">
          <label for="${id}-name">Your name</label>
          <p class="ac-hint" id="${id}-name-hint">Shown to customers. Up to ${MAX_NAME_LENGTH} characters.</p>
          <input
            id="${id}-name"
            name="name"
            type="text"
            autocomplete="name"
            required
            maxlength=${MAX_NAME_LENGTH}
            .value=${live(state.agentName)}
            aria-invalid=${state.nameError ? 'true' : 'false'}
            aria-describedby=${quietError === 'name' ? `${id}-name-hint` : `${id}-name-hint ${id}-name-error`}
            @blur=${v.on.fieldBlur}
          />
          <p class="ac-error" id="${id}-name-error">${state.nameError ? `Error: ${state.nameError}` : ''}</p>
        </div>
        <div class="ac-field">
          <label for="${id}-team">Team</label>
          <select id="${id}-team" name="team">
            ${TEAMS.map(
              (team) =>
                html`<option value=${team} ?selected=${team === state.agentTeam}>${teamLabel(team)}</option>`,
            )}
          </select>
        </div>
        <div class="ac-field">
          <label for="${id}-passcode">Console passcode</label>
          <p class="ac-hint" id="${id}-passcode-hint">
            ${
              v.override
                ? "Leave it empty: in development mode, the passcode is not sent to a server named in the page's address."
                : 'Only if the server asks for one (CHAT_AGENT_SECRET). Paste and password managers work.'
            }
          </p>
          <input
            id="${id}-passcode"
            name="passcode"
            type="password"
            autocomplete="current-password"
            maxlength="256"
            aria-invalid=${state.passcodeError ? 'true' : 'false'}
            aria-describedby=${
              quietError === 'passcode' ? `${id}-passcode-hint` : `${id}-passcode-hint ${id}-passcode-error`
            }
            @blur=${v.on.fieldBlur}
          />
          <p class="ac-error" id="${id}-passcode-error">
            ${state.passcodeError ? `Error: ${state.passcodeError}` : ''}
          </p>
        </div>
        <div class="ac-form__actions">
          <button id="${id}-signin-submit" class="ac-button ac-button--primary" type="submit">Sign in</button>
          <!-- Announced when it changes; not the button's description, which would say it again. -->
          <p class=${state.signInError ? 'ac-error' : 'ac-hint'} id="${id}-signin-status">
            ${connecting ? 'Signing in…' : state.signInError ? `Error: ${state.signInError}` : ''}
          </p>
        </div>
      </form>
    </section>
  `;
}
