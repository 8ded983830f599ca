import { html, nothing } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { CaseInfo } from '../../conversation/index.js';
import { displayText } from '../display-text.js';
import type { Strings } from '../i18n.js';
import { downloadTranscript, printTranscript } from '../transcript.js';
import type { TranscriptInput } from '../transcript.js';

/** The element the end card renders in. */
export interface EndCardHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly shadowRoot: ShadowRoot | null;
}

/** What the end card asks of the panel that shows it. */
export interface EndCardCallbacks {
  /** The transcript's file or printout, as of now. */
  transcript(): TranscriptInput;
  rate(score: number): void;
  say(text: string): void;
  /** The printout's window was blocked: say it, and fire `amex-chat-error`. */
  printBlocked(): void;
  focusAfter(id: string): void;
}

/**
 * The card of an ended chat: its reference number and summary, the transcript's download and
 * printout, and the rating form with its error. Holds the rating of the current ending.
 */
export class EndCard {
  /** The rating sent for the current ending (0: none yet). */
  rated = 0;
  error = '';
  /** The rating error describes its group (not yet when focus was in it: see #handleRating). */
  #described = false;
  readonly #host: EndCardHost;
  readonly #on: EndCardCallbacks;

  constructor(host: EndCardHost, on: EndCardCallbacks) {
    this.#host = host;
    this.#on = on;
  }

  /** A new ending: its card starts unrated. */
  reset(): void {
    this.rated = 0;
    this.error = '';
    this.#described = false;
  }

  render(t: Strings, info: CaseInfo): TemplateResult {
    return html`<section class="ended" part="ended" aria-labelledby="ended-heading">
      <h3 id="ended-heading">${t.endedHeading}</h3>
      <dl>
        <dt>${t.referenceNumber}</dt>
        <dd id="case-number">${displayText(info.caseNumber, 'case')}</dd>
        <dt>${t.summary}</dt>
        <dd id="case-summary" dir="auto">${displayText(info.summary, 'summary')}</dd>
      </dl>
      <div class="record">
        <button id="download" type="button" part="transcript-button" @click=${this.#handleDownload}>
          ${t.downloadTranscript}
        </button>
        <button id="print" type="button" part="transcript-button" @click=${this.#handlePrint}>
          ${t.printTranscript}
        </button>
      </div>
      ${
        this.rated
          ? html`<p class="rated" id="rating-thanks" tabindex="-1">${t.ratingThanks}</p>`
          : html`<form
              class="rating"
              part="rating"
              @submit=${(event: SubmitEvent) => this.#handleRating(event, t)}
            >
              <fieldset
                aria-describedby=${this.error && this.#described ? 'rating-error' : nothing}
                @focusout=${this.#handleFocusout}
              >
                <legend>${t.ratingLegend}</legend>
                ${t.ratingLabels.map(
                  (label, index) =>
                    html`<label class="score"
                      ><input type="radio" name="score" value=${index + 1} />${label}</label
                    >`,
                )}
              </fieldset>
              ${this.error ? html`<p id="rating-error" class="error">${this.error}</p>` : nothing}
              <button type="submit">${t.ratingSubmit}</button>
            </form>`
      }
    </section>`;
  }

  readonly #handleDownload = (): void => {
    downloadTranscript(this.#on.transcript(), this.#host.renderRoot);
  };

  readonly #handlePrint = (): void => {
    if (!printTranscript(this.#on.transcript())) this.#on.printBlocked();
  };

  #handleRating(event: SubmitEvent, t: Strings): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const score = Number(new FormData(form).get('score'));
    const host = this.#host;
    if (!score) {
      this.error = t.ratingMissing;
      host.requestUpdate();
      // Said once: focus moves to the first score, and the group's description reads the error.
      // Focus in the group already (Enter on a score), moving it says nothing, and a description
      // that changes under the focus is read again by some screen readers: then it is announced,
      // and describes the group once focus leaves it.
      if (form.querySelector('fieldset')?.contains(host.shadowRoot?.activeElement ?? null)) {
        this.#on.say(this.error);
      } else {
        this.#described = true;
        void host.updateComplete.then(() =>
          host.renderRoot.querySelector<HTMLInputElement>('input[name="score"]')?.focus(),
        );
      }
      return;
    }
    this.#on.rate(score);
    this.error = '';
    this.rated = score;
    host.requestUpdate();
    // The thanks takes focus (the form it replaces had it), which reads it: no announcement too.
    this.#on.focusAfter('rating-thanks');
  }

  readonly #handleFocusout = (event: FocusEvent): void => {
    if (this.#described || (event.currentTarget as Node).contains(event.relatedTarget as Node | null)) return;
    this.#described = true;
    this.#host.requestUpdate();
  };
}
