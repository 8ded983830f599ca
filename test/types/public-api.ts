// Compile-only checks of the public types (run by `npm run typecheck`, never executed).
// Each @ts-expect-error line must fail to compile; if it ever compiles, tsc reports it.
import type {
  AmexChatElement,
  AmexChatErrorDetail,
  AmexChatMessageDetail,
  AmexChatRedactedDetail,
  AmexChatStateDetail,
} from '../../src/index.js';
import type { RedactedText } from '../../src/redaction/index.js';
import { messageFrame } from '../../src/conversation/outbound.js';
import type { WireFrame } from '../../src/transport/index.js';

declare const el: AmexChatElement;

el.addEventListener('amex-chat-message', (e) => {
  const detail: AmexChatMessageDetail = e.detail;
  void detail.message.text;
});
el.addEventListener('amex-chat-state', (e) => {
  const state: AmexChatStateDetail['state'] = e.detail.state;
  // @ts-expect-error: not a connection state
  const wrong: typeof state = 'exploded';
  void wrong;
});
el.addEventListener('amex-chat-redacted', (e) => {
  const detail: AmexChatRedactedDetail = e.detail;
  // @ts-expect-error: the redacted event never carries text
  void detail.text;
});
el.addEventListener('amex-chat-error', (e) => {
  const code: AmexChatErrorDetail['code'] = e.detail.code;
  void code;
});

// The tag is typed.
const created: AmexChatElement = document.createElement('amex-chat');
void created;

// @ts-expect-error: redaction is 'mask' | 'block'
el.redaction = 'off';

// Methods return promises.
const shown: Promise<void> = el.show();
void shown;

// Only redacted text can be framed for the wire.
declare const redacted: RedactedText;
const ok: WireFrame = messageFrame('id', redacted);
void ok;
// @ts-expect-error: a plain string is not RedactedText
messageFrame('id', 'my card is 4111 1111 1111 1111');
// @ts-expect-error: a plain string is not a WireFrame
const forged: WireFrame = '{"type":"message"}';
void forged;
