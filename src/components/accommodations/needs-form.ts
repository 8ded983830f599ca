/**
 * The needs form, "Tell us what you need": a chunk of its own (`needs-form-*.js`), loaded when
 * the customer presses "Your needs" (./accommodations.ts keeps the button, the stated needs and
 * the version check in the panel's chunk). It brings its rules and its words with it.
 */
import { html, nothing } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { ACCOMMODATIONS } from '../../protocol.js';
import type { Accommodation } from '../../protocol.js';
import { summarize } from '../../redaction/index.js';
import { LiveWarning } from '../composer/live-warning.js';
import { listKinds } from '../i18n.js';
import type { Strings } from '../i18n.js';
import { adoptPartStyles } from '../on-demand/part-styles.js';
import type { NeedsCallbacks, NeedsState } from './needs-model.js';
import { needsFormStyles } from './needs-form.styles.js';
import { needsStrings } from './needs-strings.js';

/**
 * The note's box takes fewer characters than the wire allows (MAX_ACCOMMODATION_NOTE): the
 * masks that replace sensitive data may be longer than what they replace.
 */
export const NOTE_INPUT_LIMIT = 200;

/**
 * Four checkboxes and "Other", whose text is checked live and redacted like a message; Save
 * sends them in one frame, "Not now" closes it. Reads and changes the strip's state (`state`),
 * which outlives the form's first render and holds what the customer chose.
 */
export class NeedsForm {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #state: NeedsState;
  readonly #on: NeedsCallbacks;
  readonly #warning: LiveWarning;

  constructor(host: ReactiveControllerHost & HTMLElement, state: NeedsState, on: NeedsCallbacks) {
    this.#host = host;
    this.#state = state;
    this.#on = on;
    this.#warning = new LiveWarning(host, (kinds) => {
      const t = on.t();
      on.announce(t.warning(listKinds(t, kinds)));
    });
    if (host.shadowRoot) adoptPartStyles(host.shadowRoot, needsFormStyles);
  }

  /** Says that this chat cannot take needs; the form keeps what the customer chose. */
  refuse(): void {
    this.#state.refused = true;
    this.#on.announce(needsStrings(this.#on.t()).needsRefused);
  }

  render(t: Strings): TemplateResult {
    const s = needsStrings(t);
    return html`<div
      id="needs"
      class="needs"
      part="accommodations"
      role="group"
      aria-labelledby="needs-heading"
    >
      <h3 id="needs-heading">${s.needsToggle}</h3>
      ${this.#state.refused ? html`<p id="needs-refused" class="warning">${s.needsRefused}</p>` : nothing}
      ${this.#renderForm(t, s)}
    </div>`;
  }

  #renderForm(t: Strings, s: ReturnType<typeof needsStrings>): TemplateResult {
    const state = this.#state;
    const warning = state.warningKinds.length ? t.warning(listKinds(t, state.warningKinds)) : '';
    return html`<form id="needs-form" @submit=${this.#handleSave}>
      <p id="needs-intro">${s.needsIntro}</p>
      <fieldset>
        <legend>${s.needsLegend}</legend>
        ${ACCOMMODATIONS.map(
          (need) =>
            html`<label
              ><input
                id=${`need-${need}`}
                type="checkbox"
                name="need"
                value=${need}
                .checked=${state.choice.has(need)}
                @change=${this.#handleChange}
              />
              ${s.needs[need]}</label
            >`,
        )}
      </fieldset>
      <label for="needs-note">${s.needsNote}</label>
      <textarea
        id="needs-note"
        rows="2"
        maxlength=${NOTE_INPUT_LIMIT}
        autocomplete="off"
        aria-describedby=${warning ? 'needs-note-hint needs-warning' : 'needs-note-hint'}
        .value=${state.noteFill}
        @input=${this.#handleInput}
      ></textarea>
      <p id="needs-note-hint" class="hint">${s.needsNoteHint}</p>
      ${warning ? html`<p id="needs-warning" class="warning" part="warning">${warning}</p>` : nothing}
      <div class="needs-actions">
        <button id="needs-save" type="submit">${s.needsSave}</button>
        <button id="needs-skip" type="button" @click=${this.#handleSkip}>${s.needsSkip}</button>
      </div>
    </form>`;
  }

  readonly #handleSkip = (): void => {
    this.#state.expanded = false;
    this.#host.requestUpdate();
    this.#on.focusAfter();
  };

  readonly #handleChange = (event: Event): void => {
    const box = event.target as HTMLInputElement;
    const need = box.value as Accommodation;
    if (box.checked) this.#state.choice.add(need);
    else this.#state.choice.delete(need);
    this.#on.active();
  };

  readonly #handleInput = (event: Event): void => {
    const state = this.#state;
    const note = (event.target as HTMLTextAreaElement).value;
    const findings = note ? this.#on.check(note) : [];
    const kinds = findings.length ? summarize(findings).kinds : [];
    if (kinds.join() !== state.warningKinds.join()) {
      state.warningKinds = kinds;
      this.#host.requestUpdate();
    }
    this.#warning.schedule(() => state.warningKinds);
    this.#on.active();
  };

  readonly #handleSave = (event: SubmitEvent): void => {
    event.preventDefault();
    const conversation = this.#on.conversation();
    if (!conversation) return;
    const state = this.#state;
    const form = event.target as HTMLFormElement;
    const box = form.querySelector<HTMLTextAreaElement>('#needs-note');
    const needs = ACCOMMODATIONS.filter((need) => state.choice.has(need));
    const note = box?.value ?? '';
    const redacted = conversation.stateNeeds(needs, note);
    if (!redacted) {
      // Not sent: the form stays as it is, focus on Save, and says why.
      state.noteFill = note;
      this.refuse();
      this.#host.requestUpdate();
      return;
    }
    if (box) box.value = '';
    state.sent = { needs };
    state.held = { needs, note };
    state.refused = false;
    state.expanded = false;
    this.#warning.forget();
    state.warningKinds = [];
    if (redacted.count > 0) {
      this.#on.redacted(redacted);
      this.#on.announce(this.#on.t().warningMasked);
    }
    this.#on.active();
    this.#host.requestUpdate();
    this.#on.focusAfter();
  };
}
