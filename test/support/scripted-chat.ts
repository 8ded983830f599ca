/**
 * Test support for browser tests (not a test file): an `<amex-chat>` connected to a scripted
 * server in the page (test/support/scripted-transport.ts), in the state most tests start from
 * (nothing saved, the panel open, the greeting shown), its shadow parts, and the server events
 * that move a conversation on: in line for an agent, the agent joined, the chat ended.
 */
import { fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement } from '../../src/index.js';
import '../../src/define.js';
import { deepActiveElement, waitFor } from './helpers.js';
import { ScriptedServer } from './scripted-transport.js';
import type { ScriptedEvent } from './scripted-transport.js';

/** The assistant's greeting, the first thing the scripted server says unless a test says otherwise. */
export const GREETING: ScriptedEvent = {
  from: 'assistant',
  name: 'Virtual assistant',
  text: 'Hi, how can I help?',
};

/** The first node in `el`'s shadow root that matches `selector`, if any. */
export function part(el: AmexChatElement, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

export interface ScriptedChatOptions {
  /** What the server says first (default `GREETING`); it must come from the assistant. */
  greeting?: ScriptedEvent;
  /** Attributes; one left undefined is left out (the element's default). */
  lang?: string;
  idleTimeout?: number;
  urgentPhone?: string;
  redaction?: 'mask' | 'block';
  theme?: 'light' | 'dark';
  heading?: string;
  /**
   * How the panel opens: `show()` (the default), or as a customer opens it, Enter on the
   * launcher, which also puts focus in the message box.
   */
  open?: 'show' | 'keyboard';
}

/**
 * A chat (`lang` default `en`, saving nothing) on a new scripted server, its panel open and
 * the server's greeting shown; removed after the test, like every fixture.
 */
export async function scriptedChat(
  options: ScriptedChatOptions = {},
): Promise<{ el: AmexChatElement; server: ScriptedServer }> {
  const server = new ScriptedServer([options.greeting ?? GREETING]);
  const el = await fixture<AmexChatElement>(
    html`<amex-chat
      persist="none"
      lang=${options.lang ?? 'en'}
      idle-timeout=${ifDefined(options.idleTimeout)}
      urgent-phone=${ifDefined(options.urgentPhone)}
      redaction=${ifDefined(options.redaction)}
      theme=${ifDefined(options.theme)}
      heading=${ifDefined(options.heading)}
      .transportFactory=${server.factory}
      endpoint="ws://scripted.invalid/chat"
    ></amex-chat>`,
  );
  if (options.open === 'keyboard') {
    part(el, '#launcher')!.focus();
    await sendKeys({ press: 'Enter' });
  } else {
    await el.show();
  }
  await waitFor(() => part(el, '.message.assistant'), 'the greeting');
  if (options.open === 'keyboard') {
    await waitFor(() => deepActiveElement()?.id === 'input', 'focus in the message box');
  }
  return { el, server };
}

/** The system notices the reference server sends as a conversation moves on. */
export const NOTICES = {
  queued: {
    kind: 'notice',
    from: 'system',
    name: '',
    text: "You're in line for a live agent.",
    notice: { code: 'queued', team: 'general' },
  },
  agentJoined: {
    kind: 'notice',
    from: 'system',
    name: '',
    text: "You're now chatting with Maria, a live agent.",
    notice: { code: 'agent-joined', agent: 'Maria', team: 'general' },
  },
  ended: {
    kind: 'notice',
    from: 'system',
    name: '',
    text: 'This chat has ended. Your reference number is AMX-4KF7-Q2ZD.',
    notice: { code: 'ended', caseNumber: 'AMX-4KF7-Q2ZD', summary: 'Card replaced.' },
  },
} satisfies Record<string, ScriptedEvent>;

/** The server puts the conversation at `position` in the general line, `etaSeconds` from an agent. */
export function inLine(server: ScriptedServer, position: number, etaSeconds: number): void {
  server.push({ type: 'queue', waiting: true, position, etaSeconds, team: 'general' });
}
