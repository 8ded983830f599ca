// The bare element in React 19's JSX, typed by amex-chat/jsx-react, rendered in the browser only
// (hydration would not attach the listener: facebook/react#35446).
import 'amex-chat';
import type {} from 'amex-chat/jsx-react';
import { useState } from 'react';
import type { ReactElement } from 'react';
import { createRoot } from 'react-dom/client';

function BareChat(): ReactElement {
  const [messages, setMessages] = useState<string[]>([]);
  return (
    <main>
      <h1>React 19, bare element</h1>
      <ol id="messages">
        {messages.map((message, i) => (
          <li key={i}>{message}</li>
        ))}
      </ol>
      <amex-chat
        endpoint="wss://chat.example.com/chat"
        heading="Card help"
        onamex-chat-message={(event) => {
          const { from, text } = event.detail.message;
          setMessages((list) => [...list, `${from}: ${text}`]);
        }}
      />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<BareChat />);

/** Compile-time checks only (never rendered): each marked line must fail to type-check. */
export function WrongUses(): ReactElement {
  return (
    <>
      {/* @ts-expect-error: redaction is 'mask' or 'block' */}
      <amex-chat redaction="off" />
      <amex-chat
        onamex-chat-redacted={(event) => {
          // @ts-expect-error: the redacted event carries kinds and a count, never text
          void event.detail.text;
        }}
      />
    </>
  );
}
