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

/** Attributes of a scripted chat; one left undefined is left out (the element's default). */
export interface ChatAttributes {
  lang?: string;
  idleTimeout?: number;
  urgentPhone?: string;
  redaction?: 'mask' | 'block';
  theme?: 'light' | 'dark' | 'auto';
  heading?: string;
  linkHosts?: string;
  /** What it saves (default `none`: nothing, so no test sees another's conversation). */
  persist?: 'none' | 'session';
  /** The `open` attribute: the panel open from the start. */
  startOpen?: boolean;
}

/** An `<amex-chat>` on `server` (not yet connected unless `startOpen`), removed after the test. */
export function scriptedElement(
  server: ScriptedServer,
  attributes: ChatAttributes = {},
): Promise<AmexChatElement> {
  return fixture<AmexChatElement>(
    html`<amex-chat
      persist=${attributes.persist ?? 'none'}
      ?open=${attributes.startOpen ?? false}
      lang=${ifDefined(attributes.lang)}
      idle-timeout=${ifDefined(attributes.idleTimeout)}
      urgent-phone=${ifDefined(attributes.urgentPhone)}
      redaction=${ifDefined(attributes.redaction)}
      theme=${ifDefined(attributes.theme)}
      heading=${ifDefined(attributes.heading)}
      link-hosts=${ifDefined(attributes.linkHosts)}
      .transportFactory=${server.factory}
      endpoint="ws://scripted.invalid/chat"
    ></amex-chat>`,
  );
}

export interface ScriptedChatOptions extends ChatAttributes {
  /** What the server says first (default `GREETING`); it must come from the assistant. */
  greeting?: ScriptedEvent;
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
  const el = await scriptedElement(server, { ...options, lang: options.lang ?? 'en' });
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

/** A chat on a new scripted server that says nothing first, connected (its hello received). */
export async function connectedChat(
  attributes: ChatAttributes = {},
): Promise<{ el: AmexChatElement; server: ScriptedServer }> {
  const server = new ScriptedServer();
  const el = await scriptedElement(server, attributes);
  if (!attributes.startOpen) await el.show();
  await server.sent('hello');
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

/**
 * `n` messages of a long conversation, numbered from `from + 1`: questions from the customer,
 * answers from Maria, in turn.
 */
export function history(n: number, from = 0): ScriptedEvent[] {
  return Array.from({ length: n }, (_, i) => {
    const k = from + i;
    return k % 2
      ? { from: 'agent', name: 'Maria', text: `answer ${k + 1}` }
      : { from: 'customer', name: '', text: `question ${k + 1}` };
  });
}
