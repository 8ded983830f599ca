import type { AmexChatErrorDetail } from './events.js';

/** An error the promise-returning methods reject with; `code` matches `amex-chat-error`. */
export class AmexChatError extends Error {
  readonly code: AmexChatErrorDetail['code'];
  constructor(code: AmexChatErrorDetail['code'], message: string) {
    super(message);
    this.name = 'AmexChatError';
    this.code = code;
  }
}
