/**
 * Types for the classic script (`amex-chat/iife`, `dist/cdn/amex-chat.iife.js`): it registers
 * `<amex-chat>` and puts the package's exports (`AmexChatElement`, `AmexChatError`,
 * `PROTOCOL_VERSION`) on the global `AmexChat`. Nothing in the build reads this file.
 */
import type * as AmexChatExports from './define.js';

declare global {
  /** The exports of the classic script `amex-chat.iife.js`. */
  var AmexChat: typeof AmexChatExports;
}

export {};
