/**
 * The sign-in form: the agent's name, team, the languages they chat in and more teams they take
 * (each a group of checkboxes under its legend), and (when the server asks for one) the passcode.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { AGENT_LANGUAGES, TEAMS } from '../../../src/agent-protocol.js';
import { languageLabel, teamLabel } from '../../agent-console-format.js';
import { MAX_NAME_LENGTH } from '../model.js';
import { EXTRA_TEAMS } from '../sign-in-form.js';
import { renderDevNotice } from './dev-notice.js';
import type { ConsoleView } from './view.js';

/**
 * The languages group. Its first box is where focus goes for its error; every box is described by
 * the error (unless it was just announced while focus was in the group), so whichever has focus
 * says it.
 */
function renderLanguages(v: ConsoleView): TemplateResult {
  const id = v.ids;
  const { state, quietError } = v;
  const error = state.languagesError;
  const describedBy = error && quietError !== 'languages' ? `${id}-languages-error` : undefined;
  return html`
    <fieldset class="ac-field ac-choices" aria-describedby="${id}-languages-hint">
      <legend>Languages you chat in</legend>
      <p class="ac-hint" id="${id}-languages-hint">
        A customer waits first for an agent who speaks their language.
      </p>
      ${AGENT_LANGUAGES.map((lang, i) => {
        const boxId = i === 0 ? `${id}-languages` : `${id}-languages-${lang}`;
        return html`<div class="ac-check">
          <input
            id=${boxId}
            type="checkbox"
            name="languages"
            value=${lang}
            ?checked=${state.agentLanguages.includes(lang)}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy ?? ''}
            @blur=${v.on.fieldBlur}
          />
          <label for=${boxId}>${languageLabel(lang)}</label>
        </div>`;
      })}
      <p class="ac-error" id="${id}-languages-error">${error ? `Error: ${error}` : ''}</p>
    </fieldset>
  `;
}

/** The teams the agent takes besides their own (none is an answer too). */
function renderTeams(v: ConsoleView): TemplateResult {
  const id = v.ids;
  return html`
    <fieldset class="ac-field ac-choices" aria-describedby="${id}-teams-hint">
      <legend>Also take conversations for</legend>
      <p class="ac-hint" id="${id}-teams-hint">
        Everyone takes the General queue; supervisors take every team.
      </p>
      ${EXTRA_TEAMS.map(
        (team) =>
          html`<div class="ac-check">
            <input
              id="${id}-teams-${team}"
              type="checkbox"
              name="teams"
              value=${team}
              ?checked=${v.state.agentTeams.includes(team)}
            />
            <label for="${id}-teams-${team}">${teamLabel(team)}</label>
          </div>`,
      )}
    </fieldset>
  `;
}

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
      <p class="ac-hint">Choose the name customers will see, your team and the languages you chat in.</p>
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
        ${renderLanguages(v)} ${renderTeams(v)}
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
