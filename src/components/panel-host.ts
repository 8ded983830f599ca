/**
 * What the element (amex-chat.ts) and the panel of its lazily loaded chunk (chat-panel.ts) know of
 * each other, so that neither imports the other: the element's settings the panel reads, and the
 * private parts the element lends it.
 */
import type { ReactiveControllerHost } from 'lit';
import type { TransportFactory } from '../conversation/index.js';
import type { Accommodation } from '../protocol.js';
import type { Politeness } from './announcer.js';
import type { AmexChatErrorDetail, AmexChatEventDetail, AmexChatEventName } from './events.js';
import type { Strings } from './i18n.js';

/** A refused send: the `amex-chat-error` code and the message the customer was shown. */
export interface Refusal {
  code: AmexChatErrorDetail['code'];
  message: string;
}

/**
 * The element's public settings the panel reads (amex-chat.ts implements it). Named here so the
 * element and its panel do not import each other.
 */
export interface PanelHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly isUpdatePending: boolean;
  readonly heading: string;
  readonly endpoint: string;
  readonly transport: 'auto' | 'websocket' | 'sse';
  readonly persist: 'session' | 'none';
  readonly open: boolean;
  readonly account: string;
  readonly redaction: 'mask' | 'block';
  readonly tokenProvider: (() => Promise<string>) | undefined;
  readonly transportFactory: TransportFactory | undefined;
  readonly urgentPhone: string;
  readonly linkHosts: string;
  readonly idleTimeout: number;
  readonly notify: boolean;
  readonly accommodations: readonly Accommodation[];
  focusComposer(): Promise<void>;
}

/** What the panel asks of the element that shows it (its private parts, lent by the element). */
export interface PanelContext {
  t(): Strings;
  /** The language tag in force (see the element's `#lang`). */
  lang(): string;
  announce(text: string | (() => string), politeness?: Politeness): void;
  dispatch<K extends AmexChatEventName>(type: K, detail: AmexChatEventDetail<K>): void;
  /** Focuses the element with this id once updated (by default the message box). */
  focusAfter(id?: string): void;
  byId(id: string): HTMLElement | null;
  /** One more message or warning the customer has not seen (the launcher's badge). */
  unseen(): void;
}
