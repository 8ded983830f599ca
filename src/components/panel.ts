/**
 * What the open panel needs and a closed launcher does not: the panel's parts and controllers,
 * redaction, the conversation and its transports, message text, transcripts. `amex-chat.ts`
 * imports this module on first use (when the page is idle, at once when the panel opens or
 * `send()` is called), so the built `dist/amex-chat.js` evaluates only Lit and the element before
 * the launcher shows, and this module is a chunk of its own.
 */
export { ChatPanel } from './chat-panel.js';
export { panelStyles } from './panel.styles.js';
export { paintPanel } from './panel-paint.js';
