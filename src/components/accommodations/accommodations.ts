import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { Conversation, TranscriptMessage } from '../../conversation/index.js';
import { ACCOMMODATIONS } from '../../protocol.js';
import type { Accommodation, Accommodations } from '../../protocol.js';
import { summarize } from '../../redaction/index.js';
import type { Finding, SensitiveKind } from '../../redaction/index.js';
import { LiveWarning } from '../composer/live-warning.js';
import { listKinds } from '../i18n.js';
import type { Strings } from '../i18n.js';

/**
 * The note's box takes fewer characters than the wire allows (MAX_ACCOMMODATION_NOTE): the
 * masks that replace sensitive data may be longer than what they replace.
 */
export const NOTE_INPUT_LIMIT = 200;

/** "More time": the inactivity timeout is this many times the host's `idle-timeout`. */
export const MORE_TIME_FACTOR = 2;

/** What the strip asks of the panel it sits in. */
export interface NeedsCallbacks {
  t(): Strings;
  conversation(): Conversation | undefined;
  /** What the host knows the customer needs (the `accommodations` property): the first choices. */
  preset(): readonly Accommodation[];
  /** The live check's findings for the note. */
  check(text: string): readonly Finding[];
  announce(text: string): void;
  /** The note lost sensitive data on its way out: `amex-chat-redacted`, kinds and count only. */
  redacted(summary: { kinds: SensitiveKind[]; count: number }): void;
  focusAfter(id?: string): void;
  /** The customer did something (the inactivity clock starts again, at its new length). */
  active(): void;
}

/**
 * Accommodations up front: "Your needs", a disclosure button on the message box's label row from
 * the start of a chat (it takes no room from the greeting, and is the control just before the
 * message box, so keyboard and screen-reader users meet it before they type). It opens one form
 * above the message box, "Tell us what you need": four checkboxes and "Other", whose text is
 * checked live and redacted like a message; Save sends them in one frame, "Not now" closes it.
 * What was stated comes back as the server's `accommodations` notice, which the form reads
 * (after a reload too) to start from.
 *
 * A server older than 1.5 would refuse the frame: once its welcome says so, the button is not
 * offered, and needs the customer states anyway (the form was open, or they were saved while
 * offline) stay in the form, unsent, with a message that this chat cannot take them.
 */
export class NeedsStrip implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #on: NeedsCallbacks;
  readonly #warning: LiveWarning;
  #expanded = false;
  /** The boxes ticked in the open form. */
  #choice = new Set<Accommodation>();
  /** The note the open form starts with (the last stated, redacted). */
  #noteFill = '';
  #warningKinds: readonly SensitiveKind[] = [];
  /** Sent and not yet acknowledged by the server's notice. */
  #sent: Accommodations | undefined;
  /** What the transcript said so far (read incrementally: a long history is read once). */
  #read = { messages: [] as readonly TranscriptMessage[], count: 0 };
  #stated: Accommodations | undefined;
  /** Saved and not yet answered by the notice: the choices and the note as the customer typed them. */
  #held: { needs: readonly Accommodation[]; note: string } | undefined;
  /** The server cannot take needs: the open form says so. */
  #refused = false;

  constructor(host: ReactiveControllerHost & HTMLElement, on: NeedsCallbacks) {
    this.#host = host;
    this.#on = on;
    host.addController(this);
    this.#warning = new LiveWarning(host, (kinds) => {
      const t = on.t();
      on.announce(t.warning(listKinds(t, kinds)));
    });
  }

  /** The needs as last stated in this conversation (or just sent), if any. */
  get stated(): Accommodations | undefined {
    this.#readTranscript();
    return this.#sent ?? this.#stated;
  }

  /** How many times the host's inactivity timeout applies: more with "more time". */
  get idleFactor(): number {
    return this.stated?.needs.includes('more-time') ? MORE_TIME_FACTOR : 1;
  }

  /** A statement waiting for a connection that turned out to be a server older than 1.5: back in the form. */
  hostUpdate(): void {
    const held = this.#held;
    if (!held || this.#on.conversation()?.takesNeeds !== false) return;
    this.#held = undefined;
    this.#sent = undefined;
    this.#choice = new Set(held.needs);
    this.#noteFill = held.note;
    this.#expanded = true;
    this.#refuse();
  }

  /** Whether the server is known not to take needs (older than 1.5). */
  get #untaken(): boolean {
    return this.#on.conversation()?.takesNeeds === false;
  }

  /** "Your needs", on the message box's label row, while a chat is under way (and can take them). */
  renderButton(t: Strings, can: boolean): TemplateResult | typeof nothing {
    if (!can || (this.#untaken && !this.#expanded)) return nothing;
    const expanded = this.#expanded;
    return html`<button
        id="needs-toggle"
        class="needs-open"
        type="button"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls=${expanded ? 'needs' : nothing}
        aria-describedby="needs-about"
        @click=${this.#handleToggle}
      >
        ${t.needsButton}</button
      ><span id="needs-about" hidden>${t.needsAbout}</span>`;
  }

  /** The form, above the message box, while open. */
  render(t: Strings, can: boolean): TemplateResult | typeof nothing {
    if (!this.#expanded || !can) return nothing;
    return html`<div
      id="needs"
      class="needs"
      part="accommodations"
      role="group"
      aria-labelledby="needs-heading"
    >
      <h3 id="needs-heading">${t.needsToggle}</h3>
      ${this.#refused ? html`<p id="needs-refused" class="warning">${t.needsRefused}</p>` : nothing}
      ${this.#renderForm(t)}
    </div>`;
  }

  #renderForm(t: Strings): TemplateResult {
    const warning = this.#warningKinds.length ? t.warning(listKinds(t, this.#warningKinds)) : '';
    return html`<form id="needs-form" @submit=${this.#handleSave}>
      <p id="needs-intro">${t.needsIntro}</p>
      <fieldset>
        <legend>${t.needsLegend}</legend>
        ${ACCOMMODATIONS.map(
          (need) =>
            html`<label
              ><input
                id=${`need-${need}`}
                type="checkbox"
                name="need"
                value=${need}
                .checked=${this.#choice.has(need)}
                @change=${this.#handleChange}
              />
              ${t.needs[need]}</label
            >`,
        )}
      </fieldset>
      <label for="needs-note">${t.needsNote}</label>
      <textarea
        id="needs-note"
        rows="2"
        maxlength=${NOTE_INPUT_LIMIT}
        autocomplete="off"
        aria-describedby=${warning ? 'needs-note-hint needs-warning' : 'needs-note-hint'}
        .value=${this.#noteFill}
        @input=${this.#handleInput}
      ></textarea>
      <p id="needs-note-hint" class="hint">${t.needsNoteHint}</p>
      ${warning ? html`<p id="needs-warning" class="warning" part="warning">${warning}</p>` : nothing}
      <div class="needs-actions">
        <button id="needs-save" type="submit">${t.needsSave}</button>
        <button id="needs-skip" type="button" @click=${this.#handleSkip}>${t.needsSkip}</button>
      </div>
    </form>`;
  }

  /** Reads the messages that arrived since the last read: the latest notice of needs. */
  #readTranscript(): void {
    const messages = this.#on.conversation()?.messages ?? [];
    const read = this.#read;
    if (messages !== read.messages || messages.length < read.count) {
      this.#read = { messages, count: 0 };
      this.#stated = undefined;
    }
    for (let i = this.#read.count; i < messages.length; i++) {
      const message = messages[i];
      const notice = message?.notice;
      if (notice?.code !== 'accommodations') continue;
      this.#stated = notice.needs.length || notice.note ? notice : undefined;
      this.#sent = undefined;
      this.#held = undefined;
    }
    this.#read.count = messages.length;
  }

  /** Opens the form with what was stated last, else what the host knows. */
  #expand(): void {
    const stated = this.stated;
    this.#choice = new Set(stated ? stated.needs : this.#on.preset());
    this.#noteFill = stated?.note ?? '';
    this.#warningKinds = [];
    this.#refused = false;
    this.#expanded = true;
  }

  /** Says that this chat cannot take needs; the form keeps what the customer chose. */
  #refuse(): void {
    this.#refused = true;
    this.#on.announce(this.#on.t().needsRefused);
  }

  readonly #handleToggle = (): void => {
    if (this.#expanded) this.#expanded = false;
    else {
      this.#expand();
      // Into the form, unless the page opened it (focus elsewhere stays where it is).
      if (this.#host.matches(':focus-within')) this.#on.focusAfter('need-screen-reader');
    }
    this.#host.requestUpdate();
  };

  readonly #handleSkip = (): void => {
    this.#expanded = false;
    this.#host.requestUpdate();
    this.#on.focusAfter();
  };

  readonly #handleChange = (event: Event): void => {
    const box = event.target as HTMLInputElement;
    const need = box.value as Accommodation;
    if (box.checked) this.#choice.add(need);
    else this.#choice.delete(need);
    this.#on.active();
  };

  readonly #handleInput = (event: Event): void => {
    const note = (event.target as HTMLTextAreaElement).value;
    const findings = note ? this.#on.check(note) : [];
    const kinds = findings.length ? summarize(findings).kinds : [];
    if (kinds.join() !== this.#warningKinds.join()) {
      this.#warningKinds = kinds;
      this.#host.requestUpdate();
    }
    this.#warning.schedule(() => this.#warningKinds);
    this.#on.active();
  };

  readonly #handleSave = (event: SubmitEvent): void => {
    event.preventDefault();
    const conversation = this.#on.conversation();
    if (!conversation) return;
    const form = event.target as HTMLFormElement;
    const box = form.querySelector<HTMLTextAreaElement>('#needs-note');
    const needs = ACCOMMODATIONS.filter((need) => this.#choice.has(need));
    const note = box?.value ?? '';
    const redacted = conversation.stateNeeds(needs, note);
    if (!redacted) {
      // Not sent: the form stays as it is, focus on Save, and says why.
      this.#noteFill = note;
      this.#refuse();
      this.#host.requestUpdate();
      return;
    }
    if (box) box.value = '';
    this.#sent = { needs };
    this.#held = { needs, note };
    this.#refused = false;
    this.#expanded = false;
    this.#warning.forget();
    this.#warningKinds = [];
    if (redacted.count > 0) {
      this.#on.redacted(redacted);
      this.#on.announce(this.#on.t().warningMasked);
    }
    this.#on.active();
    this.#host.requestUpdate();
    this.#on.focusAfter();
  };
}
