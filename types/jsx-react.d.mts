/**
 * `amex-chat/jsx-react` (types only): `<amex-chat>` in React 19's JSX, for apps that render the
 * element itself rather than `amex-chat/react`'s `<AmexChat>`. Load it once in the app:
 *
 * ```ts
 * import type {} from 'amex-chat/jsx-react';
 * ```
 *
 * React 19 passes a prop to a custom element as a property when the element has one (the tag
 * must be defined before React renders it), as an attribute otherwise and in a server render;
 * a prop named `on` + the exact event name (`onamex-chat-message`) adds a listener for that
 * event. So the props here are the element's attributes, kebab-case as in HTML, and one
 * `onamex-chat-…` prop per event, typed with its detail.
 *
 * Not here: the JS-only properties `tokenProvider` and `transportFactory`. React sets them only
 * when the tag was defined before the render, and hydrating server-rendered markup sets neither
 * them nor the `on…` listeners (facebook/react#35446): use `<AmexChat>` from `amex-chat/react`,
 * which sets them on the element after every render and hydration.
 *
 * It augments the module `react` only when imported: the package's main types never do.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { AmexChatElement } from 'amex-chat';

/** The element's events: `amex-chat-open`, `amex-chat-message`… */
export type AmexChatEventName = Extract<keyof GlobalEventHandlersEventMap, `amex-chat-${string}`>;

/** `<amex-chat>`'s attributes, as written in HTML. */
export interface AmexChatAttributes {
  endpoint?: string;
  transport?: AmexChatElement['transport'];
  persist?: AmexChatElement['persist'];
  open?: boolean;
  lang?: string;
  heading?: string;
  account?: string;
  redaction?: AmexChatElement['redaction'];
  position?: AmexChatElement['position'];
  theme?: AmexChatElement['theme'];
  'urgent-phone'?: string;
  'link-hosts'?: string;
  'idle-timeout'?: number | `${number}`;
}

/** One prop per event, `on` + its name: `onamex-chat-message={(event) => event.detail.message}`. */
export type AmexChatEventHandlers = {
  [E in AmexChatEventName as `on${E}`]?: (event: GlobalEventHandlersEventMap[E]) => void;
};

/** The props of `<amex-chat>` in JSX: the usual HTML ones, its attributes and its events. */
export type AmexChatJsxProps = Omit<
  DetailedHTMLProps<HTMLAttributes<AmexChatElement>, AmexChatElement>,
  keyof AmexChatAttributes
> &
  AmexChatAttributes &
  AmexChatEventHandlers;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'amex-chat': AmexChatJsxProps;
    }
  }
}
