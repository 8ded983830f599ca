import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clock } from '../clock.js';
import { FILL_BUDGET, whenIdle } from '../transcript/transcript-view.js';

/**
 * Longest wait, in ms, for a replay the welcome announced (see `wait`): a long history on a slow
 * network then shows as it arrives, and a replay that never completes delays nothing. Timed on
 * the element's clock, so a test moves past it without waiting.
 */
const REPLAY_WAIT = 500;

/** Resolves in a task of its own, after what is queued now (frames that already arrived). */
function nextTask(): Promise<void> {
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/** What the batching reads of the conversation. */
export interface ReplayState {
  /** The replay is in and the server sends events one at a time. */
  readonly live: boolean;
  /** A replay the welcome announced is still arriving (protocol 1.3). */
  readonly replaying: boolean;
}

/**
 * Batches the renders and holds the public events that the conversation's frames cause. A render
 * for conversation changes waits one task, so a burst of frames (a resumed history arrives as one
 * message per event) renders once; while a replay the welcome announced is arriving, until its
 * last event is in, anything else asks for an update, or {@link REPLAY_WAIT} ms have passed.
 * The events made meanwhile follow the render that shows them, in order, when the page is idle.
 */
export class ReplayBatch implements ReactiveController {
  /** Conversation changes are waiting for their render. */
  pending = false;
  /** The latest conversation change came while a replay was still arriving. */
  #replay = false;
  /** When the wait for the replay now arriving ends (0: no wait began). */
  #deadline = 0;
  /** Ends that wait early. */
  #release: (() => void) | undefined;
  /** Public events made while a replay is arriving, in order (see `emit`). */
  #held: [string, unknown][] | undefined;
  readonly #delivering: () => boolean;
  readonly #state: () => ReplayState | undefined;
  readonly #dispatch: (type: string, detail: unknown) => void;

  constructor(
    host: ReactiveControllerHost,
    state: () => ReplayState | undefined,
    dispatch: (type: string, detail: unknown) => void,
    delivering: () => boolean,
  ) {
    this.#delivering = delivering;
    this.#state = state;
    this.#dispatch = dispatch;
    host.addController(this);
  }

  /** The conversation changed: its render waits for the batch (see `wait`). */
  changed(): void {
    this.pending = true;
    this.#replay = this.#state()?.replaying === true;
    if (!this.#replay) {
      this.#deadline = 0;
      this.#release?.();
    }
  }

  /**
   * Something asked for an update: unless the conversation's events are being delivered (those
   * updates are the conversation's), the replay's wait ends.
   */
  requested(): void {
    if (!this.#delivering()) this.#release?.();
  }

  /**
   * When a render for conversation changes runs: at once when the conversation is live;
   * otherwise one task later, or later while an announced replay arrives (see the class).
   */
  async wait(): Promise<void> {
    // Its replay in, the server sends events one at a time: show each in the task that brought
    // it, in time for the next frame, rather than a task (and often a frame) later.
    if (this.#state()?.live) return;
    await nextTask();
    if (!this.#replay) return;
    const now = clock.now();
    this.#deadline ||= now + REPLAY_WAIT;
    const left = this.#deadline - now;
    if (left <= 0) return;
    await new Promise<void>((resolve) => {
      const timer = clock.setTimeout(() => this.#release?.(), left);
      this.#release = () => {
        this.#release = undefined;
        clock.clearTimeout(timer);
        resolve();
      };
    });
  }

  /**
   * Fires a public event, or holds it while a replay is arriving (a replay that stops short of
   * what the welcome announced is shown after REPLAY_WAIT: what comes after that is live). An
   * event made while some are held waits behind them, so the order stays the conversation's.
   */
  emit(type: string, detail: unknown): void {
    const replaying = this.#state()?.replaying && !(this.#deadline && clock.now() >= this.#deadline);
    if (this.#held || replaying) (this.#held ??= []).push([type, detail]);
    else this.#dispatch(type, detail);
  }

  hostUpdated(): void {
    if (this.#held) whenIdle(this.#sendHeld, 100);
  }

  /** Held events, at most {@link FILL_BUDGET} ms of them at a time: the last messages show first. */
  readonly #sendHeld = (): void => {
    const held = this.#held ?? [];
    const deadline = performance.now() + FILL_BUDGET;
    let sent = 0;
    // (A listener may emit another: it joins the end of the list, and this loop sends it too.)
    while (sent < held.length && performance.now() < deadline) {
      const [type, detail] = held[sent++] as [string, unknown];
      this.#dispatch(type, detail);
    }
    held.splice(0, sent);
    if (held.length) whenIdle(this.#sendHeld, 100);
    else this.#held = undefined;
  };
}
