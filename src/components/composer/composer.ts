import { html, nothing, render } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { MAX_MESSAGE_LENGTH } from '../../protocol.js';
import { summarize } from '../../redaction/index.js';
import type { Finding, SensitiveKind } from '../../redaction/index.js';
import { clock } from '../clock.js';
import { listKinds } from '../i18n.js';
import type { Strings } from '../i18n.js';
import { composerPageKeys } from '../transcript-keys.js';
import { LiveWarning } from './live-warning.js';

/** Own typing goes idle after this long without input, in ms. */
export const TYPING_IDLE = 5000;

/** What the composer asks of the panel it sits in. */
export interface ComposerCallbacks {
  t(): Strings;
  byId(id: string): HTMLElement | null;
  /** Sends the draft as the customer; false when it was refused (the error is then shown). */
  submit(text: string): boolean;
  /** The live check's findings for the draft. */
  check(text: string): readonly Finding[];
  setTyping(active: boolean): void;
  say(text: string): void;
  /** The customer did something: the inactivity clock starts again. */
  active(): void;
  /** Page Up/Down from the message box scrolled the transcript: stop following new messages. */
  scrolled(): void;
}

/**
 * The message box, the send button and what is said under them: the hint, an error, the
 * too-long count and the live sensitive-data warning, with the draft's sensitive spans drawn
 * behind the box.
 */
export class Composer implements ReactiveController {
  /** The error shown under the box ('' for none). */
  error = '';
  /**
   * The error shown is about the draft's text (empty, too long, blocked sensitive data): only then
   * is the message box marked invalid. A refused send, a closed chat or a full outbox is said and
   * shown under the box (and describes it), but the customer's text is not at fault.
   */
  textError = false;
  warningKinds: readonly SensitiveKind[] = [];
  /** The sensitive spans of the draft, drawn behind the message box (cleared on send). */
  #marks: { draft: string; findings: readonly Finding[] } = { draft: '', findings: [] };
  /**
   * How many characters the draft is over the limit (0: within it). Going over the limit or back
   * within it renders; a key press that changes only the count writes it into the error alone
   * (#showOverLimit), which spares a render per key press.
   */
  #overLimit = 0;
  /**
   * The message box holds text. Its placeholder is then left out (it shows only when the box is
   * empty anyway): with one, Chromium restyles the box's placeholder on every key press.
   */
  #typed = false;
  #forced?: MediaQueryList;
  #typingTimer: unknown;
  readonly #host: ReactiveControllerHost;
  readonly #on: ComposerCallbacks;
  readonly #warning: LiveWarning;

  constructor(host: ReactiveControllerHost, on: ComposerCallbacks) {
    this.#host = host;
    this.#on = on;
    this.#warning = new LiveWarning(host, (kinds) => {
      const t = on.t();
      on.say(t.warning(listKinds(t, kinds)));
    });
    host.addController(this);
  }

  get #input(): HTMLTextAreaElement {
    return this.#on.byId('input') as HTMLTextAreaElement;
  }

  /** A draft was sent: the box, its marks and its warnings start empty. */
  sent(): void {
    this.error = '';
    this.#overLimit = 0;
    this.warningKinds = [];
    this.#marks = { draft: '', findings: [] };
    this.#warning.forget();
    this.#host.requestUpdate();
  }

  /** Shows `message` under the box; `text`: the draft's text is at fault. */
  showError(message: string, text: boolean): void {
    this.error = message;
    this.textError = text;
    this.#host.requestUpdate();
  }

  /** A new language: the next warning is said again, in it. */
  forgetWarning(): void {
    this.#warning.forget();
  }

  /** `aside`: a control at the end of the label's row (the panel's "Your needs"). */
  render(t: Strings, aside: unknown = nothing): TemplateResult {
    const warning = this.warningKinds.length ? t.warning(listKinds(t, this.warningKinds)) : '';
    const tooLong = this.#overLimit > 0;
    const describedBy = [
      'hint',
      this.error ? 'error' : '',
      tooLong ? 'too-long' : '',
      warning ? 'warning' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return html`<form class="composer" part="composer" @submit=${this.#handleSubmit}>
      <div class="composer-top"><label for="input">${t.composerLabel}</label>${aside}</div>
      <div class="field">
        <div class="backdrop" aria-hidden="true">${this.#renderMarks()}</div>
        <textarea
          id="input"
          part="input"
          rows="1"
          placeholder=${this.#typed ? nothing : t.composerPlaceholder}
          aria-describedby=${describedBy}
          aria-invalid=${(this.error && this.textError) || tooLong ? 'true' : 'false'}
          autocomplete="off"
          @keydown=${this.#handleKeydown}
          @input=${this.#handleInput}
          @scroll=${this.#handleScroll}
        ></textarea>
      </div>
      <button class="send" part="send-button" type="submit">${t.send}</button>
      <p id="hint" class="hint">${t.composerHint}</p>
      ${tooLong ? html`<p id="too-long" class="error" part="error"></p>` : nothing}
      ${warning ? html`<p id="warning" class="warning" part="warning">${warning}</p>` : nothing}
      ${this.error ? html`<p id="error" class="error" part="error">${this.error}</p>` : nothing}
    </form>`;
  }

  /**
   * The draft as invisible text with the sensitive spans highlighted, laid exactly under the
   * textarea's own text (same font, padding and wrapping), so the customer sees what will be
   * removed. Decorative: the warning text says the same to assistive technology.
   */
  #renderMarks(): TemplateResult | typeof nothing {
    const { draft, findings } = this.#marks;
    if (!findings.length) return nothing;
    const parts: (string | TemplateResult)[] = [];
    let at = 0;
    for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
      if (finding.start < at) continue;
      parts.push(
        draft.slice(at, finding.start),
        html`<mark>${draft.slice(finding.start, finding.end)}</mark>`,
      );
      at = finding.end;
    }
    parts.push(draft.slice(at), '\n');
    return html`${parts}`;
  }

  hostConnected(): void {
    // Inserted again after a removal: listen to the forced-colours mode again, and catch up
    // with a change made meanwhile (the highlight layer holds more or less of the draft).
    const input = this.#on.byId('input') as HTMLTextAreaElement | null;
    if (this.#forced && input) this.#mark(input.value, this.#marks.findings);
  }

  hostUpdated(): void {
    this.#showOverLimit();
  }

  hostDisconnected(): void {
    // A listening media query list is held by the document: let go of the element.
    if (this.#forced) this.#forced.onchange = null;
    clock.clearTimeout(this.#typingTimer);
  }

  /**
   * Draws the draft's sensitive spans behind the message box. The backdrop needs the text only up
   * to the last span and the rest of the word it ends in (that decides where its line wraps), so
   * typing after it changes nothing there: no render, no second layout of a long draft. In forced
   * colours the backdrop draws all the text (the box's own is transparent), so it gets all of it,
   * and a switch of that mode redraws.
   */
  #mark(draft: string, findings: readonly Finding[]): void {
    const forced = (this.#forced ??= matchMedia('(forced-colors: active)'));
    forced.onchange = () => this.#mark(this.#input.value, this.#marks.findings);
    const end = Math.max(0, ...findings.map((f) => f.end));
    const cut = forced.matches ? -1 : draft.slice(end).search(/\s/);
    const shown = findings.length ? (cut < 0 ? draft : draft.slice(0, end + cut)) : '';
    const key = (list: readonly Finding[]): string => list.map((f) => [f.start, f.end]).join();
    if (shown !== this.#marks.draft || key(findings) !== key(this.#marks.findings)) {
      this.#marks = { draft: shown, findings };
      this.#host.requestUpdate();
    }
  }

  /** The too-long error's text, with the current count (see #overLimit). */
  #showOverLimit(): void {
    const error = this.#on.byId('too-long');
    if (error) render(this.#on.t().tooLong(this.#overLimit, MAX_MESSAGE_LENGTH), error);
  }

  #sendDraft(): void {
    const input = this.#input;
    if (this.#on.submit(input.value)) {
      input.value = '';
      this.#typed = false;
      clock.clearTimeout(this.#typingTimer);
    }
  }

  readonly #handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#sendDraft();
  };

  readonly #handleKeydown = (event: KeyboardEvent): void => {
    if (composerPageKeys(event, this.#on.byId('transcript'))) this.#on.scrolled();
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    this.#sendDraft();
  };

  readonly #handleInput = (): void => {
    const host = this.#host;
    const on = this.#on;
    const draft = this.#input.value;
    if (!draft === this.#typed) {
      this.#typed = !!draft;
      host.requestUpdate();
    }
    if (this.error && draft.trim() !== '') {
      this.error = '';
      host.requestUpdate();
    }
    const over = Math.max(0, draft.length - MAX_MESSAGE_LENGTH);
    if (over > 0 !== this.#overLimit > 0) {
      if (over > 0) on.say(on.t().tooLong(over, MAX_MESSAGE_LENGTH));
      host.requestUpdate();
    }
    this.#overLimit = over;
    this.#showOverLimit();
    on.active();
    // Over the limit nothing can be sent: the check reads up to twice the limit, so that a pasted
    // document does not slow every key press.
    const checked = draft.slice(0, 2 * MAX_MESSAGE_LENGTH);
    const findings = checked ? on.check(checked) : [];
    const kinds = findings.length ? summarize(findings).kinds : [];
    if (kinds.join() !== this.warningKinds.join()) {
      this.warningKinds = kinds;
      host.requestUpdate();
    }
    this.#mark(draft, findings);
    this.#warning.schedule(() => this.warningKinds);
    on.setTyping(draft.length > 0);
    clock.clearTimeout(this.#typingTimer);
    this.#typingTimer = clock.setTimeout(() => on.setTyping(false), TYPING_IDLE);
  };

  readonly #handleScroll = (): void => {
    const backdrop = this.#on.byId('input')?.previousElementSibling as HTMLElement | null;
    if (backdrop) backdrop.scrollTop = this.#input.scrollTop;
  };
}
