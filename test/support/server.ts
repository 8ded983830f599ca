/**
 * Test support for Node tests (not a test file): the reference server in this process, on
 * 127.0.0.1 and a free port, with quick replies and no simulated agent unless asked, and what it
 * stored (read through its debug hook).
 */
import assert from 'node:assert/strict';
import { startChatServer } from '../../server/chat-server.js';
import type { ChatServer, ChatServerOptions } from '../../server/chat-server.js';
import { debugUrl, storedConversations } from './debug-hooks.js';
import type { StoredConversation } from './debug-hooks.js';

export { debugUrl, storedConversations };
export type { StoredConversation };

/**
 * The options every test server starts with; a test's own options win (`debug: true` for the
 * debug hooks `stored` reads).
 */
export const TEST_SERVER: ChatServerOptions = { port: 0, replyDelay: 5, simulatedAgent: false };

/** A fresh server for one test, closed when `run` ends (passed or not), with its log entries. */
export async function withServer(
  options: ChatServerOptions,
  run: (server: ChatServer, logs: Record<string, unknown>[]) => Promise<void>,
): Promise<void> {
  const logs: Record<string, unknown>[] = [];
  const server = await startChatServer({ ...TEST_SERVER, log: (entry) => logs.push(entry), ...options });
  try {
    await run(server, logs);
  } finally {
    await server.close();
  }
}

/** The conversation `id` as `server` stored it (fails the test when it is not stored). */
export async function stored(server: ChatServer, id: string): Promise<StoredConversation> {
  const found = (await storedConversations(server.port)).find((c) => c.id === id);
  assert.ok(found, `conversation ${id} not stored`);
  return found;
}
