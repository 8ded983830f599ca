/**
 * amex-chat (and amex-chat/define): registers `<amex-chat>` and exports the public API of
 * `amex-chat/element`. Loading it twice (two script tags, two bundles) is safe.
 *
 * On a server (Node's `node` export condition, as in a framework's server render) Lit's Node
 * build provides a `customElements` registry of its DOM shim: the tag goes there, where Lit's SSR
 * looks for it, and nothing else happens until the code runs in a browser.
 */
import { AmexChatElement } from './components/amex-chat.js';

AmexChatElement.define();

export * from './index.js';
