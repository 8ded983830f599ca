/**
 * Who tells the customer that a new conversation replaced theirs. After a refused resume only
 * this client knows (its hello asked for nothing), so the view says it at once. When the server
 * answers a resume with a new conversation, the server says it: the replay of the new one opens
 * with a `restarted` notice, and a replay that ends without one leaves it to the view. Either
 * way the customer is told once.
 */
export class RestartNotice {
  readonly #tell: () => void;
  /** A new conversation began on a resume: its replay should open with the server's notice. */
  #awaiting = false;

  /** `tell` asks the view to say it; called after the current call, never inside it. */
  constructor(tell: () => void) {
    this.#tell = () => queueMicrotask(tell);
  }

  /**
   * A welcome. `replaced`: it began a new conversation in place of this one (a welcome back to
   * the same conversation changes nothing: its replay may still bring the notice). `refused`:
   * the hello came after a refusal.
   */
  welcome(replaced: boolean, refused: boolean): void {
    if (!replaced) return;
    this.#awaiting = !refused;
    if (refused) this.#tell();
  }

  /** An event was applied (`code`: its notice's), or none; `replayed`: the replay is all in. */
  applied(code: string | undefined, replayed: boolean): void {
    if (code === 'restarted') this.#awaiting = false;
    if (!this.#awaiting || !replayed) return;
    this.#awaiting = false;
    this.#tell();
  }
}
