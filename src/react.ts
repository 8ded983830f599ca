'use client';
/**
 * amex-chat/react: `<AmexChat>`, the `<amex-chat>` element as a React component (made with
 * `@lit/react`). Importing it registers the tag (as `amex-chat/define` does).
 *
 * Object and function properties (`tokenProvider`, `transportFactory`) and every other property
 * the element has are set as properties on the element, after React renders or hydrates it, not
 * as attributes: a server render cannot drop them. Every event the element fires is a typed
 * `onAmexChat…` prop (`amex-chat-message` → `onAmexChatMessage`), listened to on the element.
 *
 * ```tsx
 * import { AmexChat } from 'amex-chat/react';
 *
 * <AmexChat
 *   endpoint="wss://chat.example.com/chat"
 *   tokenProvider={getToken}
 *   onAmexChatMessage={(event) => setLastFrom(event.detail.message.from)}
 * />
 * ```
 *
 * `'use client'`: a React Server Component may render `<AmexChat>`; it runs in the browser.
 */
import { createComponent } from '@lit/react';
import type { EventName } from '@lit/react';
import * as React from 'react';
import { AmexChatElement } from './components/amex-chat.js';
import './define.js';

export * from './index.js';

/** The element's events: `amex-chat-open`, `amex-chat-message`… (components/events.ts). */
export type AmexChatEventName = Extract<keyof GlobalEventHandlersEventMap, `amex-chat-${string}`>;

/** `amex-chat-message` → `AmexChatMessage`. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${Pascal<Tail>}`
  : Capitalize<S>;

/** The React prop of each event: `amex-chat-message` → `onAmexChatMessage`. */
export type AmexChatEventPropName<E extends AmexChatEventName = AmexChatEventName> = `on${Pascal<E>}`;

/**
 * A handler prop for every event the element fires, with its `CustomEvent` type: `onAmexChatOpen`,
 * `onAmexChatClose`, `onAmexChatMessage`, `onAmexChatState`, `onAmexChatRedacted`,
 * `onAmexChatError`.
 */
export type AmexChatEventProps = {
  [E in AmexChatEventName as AmexChatEventPropName<E>]?: (event: GlobalEventHandlersEventMap[E]) => void;
};

/** The element's public properties, set as properties (attributes would drop functions). */
export type AmexChatElementProps = Partial<
  Pick<
    AmexChatElement,
    | 'endpoint'
    | 'transport'
    | 'persist'
    | 'open'
    | 'heading'
    | 'account'
    | 'redaction'
    | 'tokenProvider'
    | 'position'
    | 'theme'
    | 'urgentPhone'
    | 'linkHosts'
    | 'idleTimeout'
    | 'transportFactory'
  >
>;

/** The props of `<AmexChat>`: the element's properties, its events, and the usual HTML attributes. */
export type AmexChatProps = Omit<
  React.HTMLAttributes<AmexChatElement>,
  keyof AmexChatEventProps | keyof AmexChatElementProps
> &
  AmexChatElementProps &
  AmexChatEventProps;

/**
 * Every event, by its prop. Typed so that an event added to the element's event map
 * (components/events.ts) fails to compile here until it has its prop.
 */
const events: { [E in AmexChatEventName as AmexChatEventPropName<E>]: E } = {
  onAmexChatOpen: 'amex-chat-open',
  onAmexChatClose: 'amex-chat-close',
  onAmexChatMessage: 'amex-chat-message',
  onAmexChatState: 'amex-chat-state',
  onAmexChatRedacted: 'amex-chat-redacted',
  onAmexChatError: 'amex-chat-error',
};

/** `<amex-chat>` as a React component; a `ref` gets the element (for `show()`, `send()`…). */
export const AmexChat: React.ForwardRefExoticComponent<AmexChatProps & React.RefAttributes<AmexChatElement>> =
  createComponent({
    react: React,
    tagName: 'amex-chat',
    elementClass: AmexChatElement,
    // Each name typed with its event, as @lit/react asks, for the handler props' types.
    events: events as {
      [P in keyof typeof events]: EventName<GlobalEventHandlersEventMap[(typeof events)[P]]>;
    },
    displayName: 'AmexChat',
  });
