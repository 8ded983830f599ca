/**
 * Registers `<amex-chat>`. Loading this module twice (two script tags, two bundles) is safe.
 */
import { AmexChatElement } from './components/amex-chat.js';

AmexChatElement.define();

export * from './index.js';
