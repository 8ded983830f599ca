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
  /** The conversation changed: the host should render (it may batch a burst of changes). */
  onChange: () => void;
}

/**
 * Owns the element's conversation lifecycle: creates it on first use, asks the host to render on
 * every change, stops the connection when the host leaves the document and resumes it when
 * the host comes back, and retries at once when the browser comes back online.
 */
export class ChatController implements ReactiveController {
  readonly #callbacks: ChatControllerCallbacks;
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
    conversation.events.on('change', this.#callbacks.onChange);
    conversation.events.on('message', this.#callbacks.onMessage);
    conversation.events.on('state', this.#callbacks.onState);
    conversation.events.on('typing', this.#callbacks.onTyping);
    conversation.events.on('error', this.#callbacks.onError);
    conversation.events.on('restarted', this.#callbacks.onRestarted);
    conversation.events.on('queue', this.#callbacks.onQueue);
    return conversation;
  }
}
