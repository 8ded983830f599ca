/**
 * Test support for Node and browser tests (not a test file): the reference server's debug hooks
 * (a server started with `debug`), named here only. A server is given as its port (Node tests)
 * or its customer endpoint, `ws://…/chat` or `http://…/chat` (browser tests).
 */
import type { ChatEvent } from '../../src/protocol.js';

/**
 * The debug hooks: what was stored, the raw frames and counters, saying as the agent, and the
 * store's snapshots.
 */
export type DebugHook = 'conversations' | 'frames' | 'say' | 'snapshots';

/** The URL of `hook` on the server at `server` (its port, or its /chat endpoint). */
export function debugUrl(server: number | string, hook: DebugHook): string {
  const base =
    typeof server === 'number'
      ? `http://127.0.0.1:${server}`
      : server.replace(/^ws/, 'http').replace(/\/chat$/, '');
  return `${base}/debug/${hook}`;
}

/** A conversation as the debug hook (`/debug/conversations`) shows it. */
export interface StoredConversation {
  id: string;
  events: ChatEvent[];
  phase: string;
  team: string;
  agent: string | null;
  caseNumber: string | null;
  rating: number | null;
}

/**
 * Every conversation the server stored, as `T` (the fields a test reads; by default the usual
 * ones). Fails when the hook does not answer 200.
 */
export async function storedConversations<T = StoredConversation>(server: number | string): Promise<T[]> {
  const res = await fetch(debugUrl(server, 'conversations'));
  if (res.status !== 200) throw new Error(`${debugUrl(server, 'conversations')} answered ${res.status}`);
  return (await res.json()) as T[];
}

/** What the customer said in `conversation` as stored (redacted by the widget), in order. */
export function saidByCustomer(conversation: { events: Pick<ChatEvent, 'from' | 'text'>[] }): string[] {
  return conversation.events.filter((e) => e.from === 'customer').map((e) => e.text);
}
