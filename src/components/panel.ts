/**
 * What the open panel needs and a closed launcher does not: redaction, the conversation and its
 * transports, message text, transcripts. `amex-chat.ts` imports this module on first use (when
 * the page is idle, at once when the panel opens or `send()` is called), so the built
 * `dist/amex-chat.js` evaluates only Lit and the element before the launcher shows, and this
 * module is a chunk of its own. Nothing here imports Lit: the chunk imports nothing from the
 * entry, so an entry loaded under another URL (`amex-chat.js?v=2`) is not loaded twice.
 */
export { check, summarize } from '../redaction/index.js';
export { noStore, sessionStore } from '../conversation/index.js';
export { MAX_MESSAGE_LENGTH } from '../protocol.js';
export { ChatController } from './chat-controller.js';
export { displayText } from './display-text.js';
export { linkify } from './rich-text.js';
export { downloadTranscript, printTranscript } from './transcript.js';
export { composerPageKeys, transcriptKeydown } from './transcript-keys.js';
