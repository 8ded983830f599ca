import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the nudge reads of the element. */
export interface NudgeHost {
  /** "(2) New messages – {title}": the document's title while it counts. */
  title: (count: number, title: string) => string;
  /** The system notification's only text: "New message from Customer Care". */
  notification: () => string;
  /** `notify` is set: the host lets the widget offer system notifications. */
  notify: () => boolean;
  /** The customer clicked the notification: the page has focus, show the chat. */
  reopen: () => void;
  /** Says the customer's answer to the permission prompt. */
  say: (text: 'granted' | 'denied') => void;
}

/** The Notification API, where the browser has it (not in every in-app browser or old Safari). */
const api = (): typeof Notification | undefined =>
  typeof Notification === 'function' ? Notification : undefined;

/**
 * Tells a customer whose tab is in the background that the chat needs them: what arrives while
 * the page is hidden is counted in the document's title, which comes back when they return; with
 * `notify` and their permission (asked for only from a click in the widget), one system
 * notification, with no message text, stands for what arrived. Says nothing itself: each message
 * is announced once where it arrives (the transcript), never again for the title or the
 * notification.
 */
export class BackgroundNudge implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #el: NudgeHost;
  #count = 0;
  /** The page's title before the count, and the title the count wrote. */
  #pageTitle = '';
  #written = '';
  #shown: Notification | undefined;
  /** The customer answered the offer (or the browser did for them) in this page. */
  #asked = false;

  constructor(host: ReactiveControllerHost, el: NudgeHost) {
    this.#host = host;
    this.#el = el;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#visibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#visibility);
    this.#back();
  }

  /** The offer to turn notifications on shows: `notify` set, and nobody answered the browser. */
  get offered(): boolean {
    return this.#el.notify() && !this.#asked && api()?.permission === 'default';
  }

  /** Something that needs the customer arrived: counted and notified while the page is hidden. */
  arrived(): void {
    if (document.visibilityState !== 'hidden') return;
    this.#count += 1;
    // The page may have changed its own title meanwhile: that one comes back.
    if (document.title !== this.#written) this.#pageTitle = document.title;
    document.title = this.#written = this.#el.title(this.#count, this.#pageTitle);
    const Api = api();
    if (!this.#el.notify() || Api?.permission !== 'granted') return;
    // One notification stands for all that arrived (the same tag replaces it): no text, no
    // name, nothing a shoulder-surfer or a lock screen could read.
    const shown = new Api(this.#el.notification(), { tag: 'amex-chat', lang: document.documentElement.lang });
    shown.onclick = () => {
      window.focus();
      shown.close();
      this.#el.reopen();
    };
    this.#shown = shown;
  }

  /** The offer's button: asks the browser (this click is the user gesture it requires). */
  readonly ask = (): void => {
    void api()
      ?.requestPermission()
      .then((answer) => {
        this.#asked = true;
        this.#host.requestUpdate();
        if (answer !== 'default') this.#el.say(answer);
      });
  };

  readonly #visibility = (): void => {
    if (document.visibilityState === 'visible') this.#back();
  };

  /** The customer is back: the page's title returns and the notification goes. */
  #back(): void {
    if (this.#count && document.title === this.#written) document.title = this.#pageTitle;
    this.#count = 0;
    this.#written = '';
    this.#shown?.close();
    this.#shown = undefined;
  }
}
