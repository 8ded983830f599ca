/**
 * The agent's typing spells, one per conversation, as a reactive controller: the first keystroke
 * says "typing", and the spell ends (saying so) when the draft empties, a message goes, the chat
 * is closed or the agent pauses. The host's going away just drops the timers: its socket is
 * closing anyway.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AgentTypingFrame } from '../../src/agent-protocol.js';

/** The agent stops "typing" this long after the last keystroke. */
const TYPING_IDLE_MS = 2500;

export class TypingController implements ReactiveController {
  readonly #send: (frame: AgentTypingFrame) => void;
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(host: ReactiveControllerHost, send: (frame: AgentTypingFrame) => void) {
    this.#send = send;
    host.addController(this);
  }

  /** The draft of a conversation the agent may write to changed. */
  input(conversationId: string, draft: string): void {
    if (!draft) {
      this.stop(conversationId);
      return;
    }
    const timer = this.#timers.get(conversationId);
    if (timer === undefined) this.#send({ type: 'typing', conversationId, active: true });
    clearTimeout(timer);
    this.#timers.set(
      conversationId,
      setTimeout(() => this.stop(conversationId), TYPING_IDLE_MS),
    );
  }

  /** Ends the spell in this conversation, if there is one. */
  stop(conversationId: string): void {
    const timer = this.#timers.get(conversationId);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.#timers.delete(conversationId);
    this.#send({ type: 'typing', conversationId, active: false });
  }

  stopAll(): void {
    for (const id of [...this.#timers.keys()]) this.stop(id);
  }

  hostDisconnected(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}
