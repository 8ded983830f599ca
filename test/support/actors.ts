/**
 * Test support for Node tests (not a test file): the people of a conversation as raw protocol
 * peers of a reference server (test/support/server.ts): a customer who said hello, an agent
 * console that signed in, and the customer handed to the agent.
 */
import type { ChatServer } from '../../server/chat-server.js';
import { PROTOCOL_VERSION } from '../../src/protocol.js';
import type { ChatEvent } from '../../src/protocol.js';
import { rememberKey, withKey } from './keys.js';
import { Peer } from './peer.js';

export type Frame = { type: string; [key: string]: unknown };

export const isEvent = (f: Frame): boolean => f.type === 'event';
export const eventOf = (f: Frame): ChatEvent => f['event'] as ChatEvent;

/** A customer who said hello (resuming `resume` with its key, if given) and got the welcome. */
export async function customer(
  server: ChatServer,
  resume?: { conversationId: string; lastSeq: number },
): Promise<{ peer: Peer<Frame>; conversationId: string }> {
  const peer = await Peer.open<Frame>(server.url);
  peer.send({
    type: 'hello',
    v: PROTOCOL_VERSION,
    lang: 'en',
    ...(resume ? { resume: withKey(resume) } : {}),
  });
  const welcome = await peer.next((f) => f.type === 'welcome', 'welcome');
  rememberKey(welcome);
  return { peer, conversationId: welcome['conversationId'] as string };
}

/** An agent console signed in to `team` (default general). */
export async function agent(server: ChatServer, name = 'Maria', team = 'general'): Promise<Peer<Frame>> {
  const peer = await Peer.open<Frame>(server.agentUrl);
  peer.send({ type: 'agent-hello', v: PROTOCOL_VERSION, name, team });
  await peer.next((f) => f.type === 'agent-welcome', 'agent-welcome');
  return peer;
}

/** The customer asks for a person; the agent (anywhere) takes the conversation. */
export async function handOff(c: Peer<Frame>, a: Peer<Frame>, conversationId: string): Promise<void> {
  c.send({ type: 'message', id: `ask-${conversationId}`, text: 'I want to talk to an agent' });
  await a.next(
    (f) =>
      f.type === 'board' &&
      (f['waiting'] as { conversationId: string }[]).some((w) => w.conversationId === conversationId),
    'the conversation on the board',
  );
  a.send({ type: 'accept', conversationId });
  await a.next((f) => f.type === 'assigned' && f['conversationId'] === conversationId, 'assigned');
  await c.next(
    (f) => isEvent(f) && (eventOf(f).notice as { code?: string } | undefined)?.code === 'agent-joined',
    'agent-joined',
  );
}
