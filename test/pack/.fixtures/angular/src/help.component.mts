import { CUSTOM_ELEMENTS_SCHEMA, Component, signal } from '@angular/core';
import 'amex-chat';
import type { AmexChatMessageDetail } from 'amex-chat';

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Angular</h1>
      <ol id="messages">
        @for (message of messages(); track $index) {
          <li>{{ message }}</li>
        }
      </ol>
      <amex-chat
        [endpoint]="endpoint"
        heading="Card help"
        [tokenProvider]="chatToken"
        (amex-chat-message)="onMessage($event)"
      ></amex-chat>
    </main>
  `,
})
export class HelpComponent {
  readonly endpoint = 'wss://chat.example.com/chat';
  readonly messages = signal<string[]>([]);

  /** The signed-in cardmember's chat token, from the app's own backend. */
  readonly chatToken = async (): Promise<string> => {
    const response = await fetch('/api/chat-token');
    return response.text();
  };

  /** `$event` is typed: with strictTemplates, a plain Event would not be accepted here. */
  onMessage(event: CustomEvent<AmexChatMessageDetail>): void {
    const { from, text } = event.detail.message;
    this.messages.update((list) => [...list, `${from}: ${text}`]);
  }
}
