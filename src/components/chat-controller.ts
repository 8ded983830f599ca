import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Conversation } from '../conversation/index.js';
import type { ConversationEvents, ConversationOptions } from '../conversation/index.js';

export interface ChatControllerCallbacks {
  onMessage: (message: ConversationEvents['message']) => void;
  onState: (state: ConversationEvents['state']) => void;
  onTyping: (typing: ConversationEvents['typing']) => void;
  onError: (error: ConversationEvents['error']) => void;
  onRestarted: () => void;
  onQueue: (queue: ConversationEvents['queue']) => void;
  onVerify: (frame: ConversationEvents['verify']) => void;
  /** The conversation changed: the host should render (it may batch a burst of changes). */
  onChange: () => void;
}

/**
 * Owns the element's conversation lifecycle: creates it on first use, asks the host to render on
 * every change, stops the connection when the host leaves the document and resumes it when
 * the host comes back, and retries at once when the browser comes back online.
 *
 * The conversation's events reach the callbacks in a microtask, in the order they were emitted:
 * never inside the call that caused them (`send()`, `addNotice()`, `end()` …), so the element is
 * never re-entered while one of its own methods runs.
 */
export class ChatController implements ReactiveController {
  readonly #callbacks: ChatControllerCallbacks;
  /** Events emitted and not yet delivered, with their callbacks (see the class). */
  readonly #queue: [Conversation, (value: unknown) => void, unknown][] = [];
  #delivering = false;
  #conversation: Conversation | undefined;
  /** Transport mode and endpoint of the current conversation. */
  #target = '';
  #wanted = false;
  readonly #online = (): void => this.#conversation?.retryNow();
  readonly #visible = (): void => {
    if (document.visibilityState === 'visible') this.#conversation?.retryNow();
  };

  constructor(host: ReactiveControllerHost, callbacks: ChatControllerCallbacks) {
    this.#callbacks = callbacks;
    host.addController(this);
  }

  get conversation(): Conversation | undefined {
    return this.#conversation;
  }

  /** The callbacks are running: what they ask of the host is the conversation's doing. */
  get delivering(): boolean {
    return this.#delivering;
  }

  /**
   * Starts the conversation with these options. A different endpoint or transport starts a
   * new conversation; other options apply to the next connection of the current one.
   */
  start(options: ConversationOptions): Conversation {
    this.#wanted = true;
    const target = `${options.transport ?? 'auto'} ${options.endpoint}`;
    if (!this.#conversation || this.#target !== target) {
      this.#conversation?.stop();
      this.#target = target;
      this.#conversation = this.#create(options);
    }
    this.#conversation.start();
    return this.#conversation;
  }

  /** Closes the connection for good (the chat ended or the endpoint was removed). */
  stop(): void {
    this.#wanted = false;
    this.#conversation?.stop();
  }

  hostConnected(): void {
    window.addEventListener('online', this.#online);
    document.addEventListener('visibilitychange', this.#visible);
    if (this.#wanted) this.#conversation?.start();
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#online);
    document.removeEventListener('visibilitychange', this.#visible);
    this.#conversation?.stop();
  }

  #create(options: ConversationOptions): Conversation {
    const conversation = new Conversation(options);
    const callbacks = this.#callbacks;
    const on = <K extends keyof ConversationEvents>(
      type: K,
      handle: (value: ConversationEvents[K]) => void,
    ): void =>
      conversation.events.on(type, (value) => {
        const entry: [Conversation, (value: unknown) => void, unknown] = [
          conversation,
          handle as never,
          value,
        ];
        if (this.#queue.push(entry) === 1) queueMicrotask(this.#deliver);
      });
    on('change', callbacks.onChange);
    on('message', callbacks.onMessage);
    on('state', callbacks.onState);
    on('typing', callbacks.onTyping);
    on('error', callbacks.onError);
    on('restarted', callbacks.onRestarted);
    on('queue', callbacks.onQueue);
    on('verify', callbacks.onVerify);
    return conversation;
  }

  /**
   * Runs the queued callbacks, and those their own calls queue, in order; a replaced
   * conversation's are dropped. A callback that throws is reported to the page and the others
   * still run.
   */
  readonly #deliver = (): void => {
    const queue = this.#queue;
    this.#delivering = true;
    for (let i = 0; i < queue.length; i++) {
      const [from, handle, value] = queue[i] as (typeof queue)[number];
      if (from !== this.#conversation) continue;
      try {
        handle(value);
      } catch (error) {
        reportError(error);
      }
    }
    queue.length = 0;
    this.#delivering = false;
  };
}
