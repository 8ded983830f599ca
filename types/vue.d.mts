/**
 * `amex-chat/vue` (types only): `<amex-chat>` in Vue 3 templates, checked by `vue-tsc` with
 * `strictTemplates`. Load it once in the app (e.g. in `main.ts`):
 *
 * ```ts
 * import type {} from 'amex-chat/vue';
 * ```
 *
 * Vue still has to be told that `amex-chat` is a custom element, not a Vue component: the
 * compiler option `isCustomElement: (tag) => tag === 'amex-chat'` (in `@vitejs/plugin-vue`'s
 * `template.compilerOptions`). Vue then sets a bound value as a property when the element has
 * one by that exact name, else as an attribute: write the JS-only properties camelCase
 * (`:tokenProvider="getToken"`), the attributes as in HTML (`urgent-phone="…"`). It listens to
 * `@amex-chat-message` and the other events by their exact names.
 *
 * It augments the module `vue` only when imported: the package's main types never do.
 */
import type { DefineComponent } from 'vue';
import type { AmexChatElement } from 'amex-chat';

/** The element's events: `amex-chat-open`, `amex-chat-message`… */
export type AmexChatEventName = Extract<keyof GlobalEventHandlersEventMap, `amex-chat-${string}`>;

/** `amex-chat-message` → `AmexChatMessage`. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${Pascal<Tail>}`
  : Capitalize<S>;

/**
 * `<amex-chat>`'s attributes and properties (camelCase here; in templates `urgent-phone`,
 * `link-hosts` and `idle-timeout` are the attributes, `tokenProvider` and `transportFactory`
 * must stay camelCase to be set as properties).
 */
export interface AmexChatVueProps {
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
  urgentPhone?: string;
  linkHosts?: string;
  idleTimeout?: number | `${number}`;
  tokenProvider?: AmexChatElement['tokenProvider'];
  transportFactory?: AmexChatElement['transportFactory'];
}

/** The listener of each event (`@amex-chat-message="(event) => …"`), typed with its detail. */
export type AmexChatVueEvents = {
  [E in AmexChatEventName as `on${Pascal<E>}`]?: (event: GlobalEventHandlersEventMap[E]) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'amex-chat': DefineComponent<AmexChatVueProps & AmexChatVueEvents>;
  }
}
