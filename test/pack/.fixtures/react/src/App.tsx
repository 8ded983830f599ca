import { useState } from 'react';
import type { ReactElement } from 'react';
import { AmexChat } from 'amex-chat/react';

/** The signed-in cardmember's chat token, from the app's own backend. */
async function chatToken(): Promise<string> {
  const response = await fetch('/api/chat-token');
  return response.text();
}

export function App(): ReactElement {
  const [messages, setMessages] = useState<string[]>([]);
  return (
    <main>
      <h1>React 19</h1>
      <ol id="messages">
        {messages.map((message, i) => (
          <li key={i}>{message}</li>
        ))}
      </ol>
      <AmexChat
        endpoint="wss://chat.example.com/chat"
        heading="Card help"
        tokenProvider={chatToken}
        onAmexChatMessage={(event) => {
          const { from, text } = event.detail.message;
          setMessages((list) => [...list, `${from}: ${text}`]);
        }}
      />
    </main>
  );
}

/** Compile-time checks only (never rendered): each marked line must fail to type-check. */
export function WrongUses(): ReactElement {
  return (
    <>
      {/* @ts-expect-error: redaction is 'mask' or 'block' */}
      <AmexChat redaction="off" />
      <AmexChat
        onAmexChatRedacted={(event) => {
          // @ts-expect-error: the redacted event carries kinds and a count, never text
          void event.detail.text;
        }}
      />
    </>
  );
}
