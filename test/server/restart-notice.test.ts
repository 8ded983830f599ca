/**
 * The in-memory reference server restarts (same port, every conversation forgotten) while a
 * customer is with a live agent. The widget's `Conversation` (Node's global WebSocket: run with
 * `node --experimental-websocket`) resumes, and the server, which does not know the conversation
 * any more, starts a new one that says so first: a `restarted` notice (seq 1, in the customer's
 * language), then the greeting, then the messages the widget resends, in the order the customer
 * wrote them. The widget's transcript, the server's record and the transcript an agent later
 * gets agree, and nothing unredacted is resent.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { startChatServer } from '../../server/chat-server.js';
import type { ChatServer } from '../../server/chat-server.js';
import { PROTOCOL_VERSION } from '../../src/protocol.js';
import type { ChatEvent } from '../../src/protocol.js';
import { Conversation } from '../../src/conversation/index.js';
import type { TranscriptMessage } from '../../src/conversation/index.js';
import { agent, customer, eventOf, isEvent } from '../support/actors.js';
import type { Frame } from '../support/actors.js';
import { Peer } from '../support/peer.js';
import { storedConversations } from '../support/server.js';
import type { StoredConversation } from '../support/server.js';
import { debugUrl } from '../support/debug-hooks.js';

const RESTARTED_EN =
  'We could not continue your previous chat, so a new one has started. If you were chatting with an agent, type "agent" to reach one again.';
const RESTARTED_ES =
  'No pudimos continuar su chat anterior, así que comenzó uno nuevo. Si estaba conversando con un agente, escriba "agente" para volver a hablar con uno.';

/** The card's first twelve digits, however spaced: what redaction must never let through. */
const UNREDACTED = /4111[\s-]*1111[\s-]*1111/;

const options = { replyDelay: 0, debug: true, simulatedAgent: false } as const;

/** Resolves once `check` holds, looking again on each turn of the event loop's timers. */
async function until(what: string, check: () => boolean | Promise<boolean>, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** What a transcript entry or an event says, one line each, to compare the three records. */
const line = (m: Pick<ChatEvent, 'from' | 'text'>): string => `${m.from}: ${m.text}`;

describe('a restarted in-memory server', () => {
  const servers: ChatServer[] = [];
  const cleanups: (() => Promise<void> | void)[] = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    for (const server of servers.splice(0)) await server.close();
  });

  async function start(port = 0): Promise<ChatServer> {
    const server = await startChatServer({ port, ...options });
    servers.push(server);
    return server;
  }

  async function kill(server: ChatServer): Promise<void> {
    servers.splice(servers.indexOf(server), 1);
    await server.close();
  }

  function widget(endpoint: string, lang: 'en' | 'es'): Conversation {
    const conversation = new Conversation({
      endpoint,
      lang,
      transport: 'websocket',
      heartbeatInterval: 200,
      deadAfter: 1000,
    });
    cleanups.push(() => conversation.stop());
    conversation.start();
    return conversation;
  }

  /** A raw customer that asks to resume a conversation this server never had. */
  async function resumeUnknown(server: ChatServer, lang: string): Promise<Peer<Frame>> {
    const peer = await Peer.open<Frame>(server.url);
    cleanups.push(() => peer.close());
    peer.send({
      type: 'hello',
      v: PROTOCOL_VERSION,
      lang,
      resume: { conversationId: 'forgotten-by-the-restart', lastSeq: 7, key: 'k'.repeat(43) },
    });
    await peer.next((f) => f.type === 'welcome', 'the welcome');
    return peer;
  }

  it('says first, in English, that the previous chat could not be continued, then greets', async () => {
    const server = await start();
    const peer = await resumeUnknown(server, 'en');
    const notice = eventOf(await peer.next(isEvent, 'the first event'));
    assert.equal(notice.seq, 1);
    assert.equal(notice.kind, 'notice');
    assert.equal(notice.from, 'system');
    assert.deepEqual(notice.notice, { code: 'restarted' });
    assert.equal(notice.text, RESTARTED_EN);
    const greeting = eventOf(await peer.next(isEvent, 'the greeting'));
    assert.equal(greeting.seq, 2);
    assert.equal(greeting.from, 'assistant');
  });

  it('says it in Spanish ("usted") to a Spanish customer', async () => {
    const server = await start();
    const peer = await resumeUnknown(server, 'es-MX');
    const notice = eventOf(await peer.next(isEvent, 'the first event'));
    assert.deepEqual(notice.notice, { code: 'restarted' });
    assert.equal(notice.text, RESTARTED_ES);
  });

  it('says nothing of the kind to a new customer or to one it resumes', async () => {
    const server = await start();
    const first = await customer(server);
    cleanups.push(() => first.peer.close());
    const greeting = eventOf(await first.peer.next(isEvent, 'the greeting'));
    assert.equal(greeting.seq, 1);
    assert.equal(greeting.from, 'assistant');
    await first.peer.close();
    const again = await customer(server, { conversationId: first.conversationId, lastSeq: 0 });
    cleanups.push(() => again.peer.close());
    assert.equal(again.conversationId, first.conversationId);
    const replayed = eventOf(await again.peer.next(isEvent, 'the replay'));
    assert.equal(replayed.id, greeting.id);
    const [stored] = await storedConversations(server.port);
    assert.deepEqual(
      stored?.events.filter((e) => e.kind === 'notice'),
      [],
    );
  });

  for (const lang of ['en', 'es'] as const) {
    it(`keeps the real order in the widget, the server and the agent's view, once each (${lang})`, async () => {
      const first = await start();
      const { port } = first;
      const consoleBefore = await agent(first);
      cleanups.push(() => consoleBefore.close());
      const c = widget(first.url, lang);
      let toldByWidget = 0;
      c.events.on('restarted', () => (toldByWidget += 1));
      await until('the greeting', () => c.state === 'connected' && c.messages.length > 0);

      // The customer is with a live agent.
      c.send(lang === 'es' ? 'quiero hablar con un agente' : 'I want to talk to an agent');
      const board = await consoleBefore.next(
        (f) => f.type === 'board' && (f['waiting'] as unknown[]).length > 0,
        'the conversation on the board',
      );
      const [waiting] = board['waiting'] as { conversationId: string }[];
      consoleBefore.send({ type: 'accept', conversationId: waiting?.conversationId });
      await until('the agent', () => c.phase === 'agent');
      const before = c.messages.length;

      // Sent as the server dies, and typed while it is down (one with a card number).
      const card = '4111 1111 1111 1111';
      const written = [c.send('first, in flight'), c.send(`second, my card is ${card}`)];
      await kill(first);
      await until('the widget to notice', () => c.state !== 'connected');
      written.push(c.send('third, typed while down'));
      const texts = written.map((r) => (r.ok ? r.message.text : ''));
      assert.ok(!UNREDACTED.test(texts[1] ?? ''), 'the widget redacted the card');

      const second = await start(port);
      await until('every message sent', () =>
        c.messages.filter((m) => m.from === 'customer').every((m) => m.status === 'sent'),
      );
      let record: StoredConversation | undefined;
      await until('the notice, the greeting and the resent messages stored', async () => {
        [record] = await storedConversations(port);
        return (record?.events.length ?? 0) >= 2 + texts.length;
      });
      assert.ok(record);
      const { events } = record;
      await until('the new conversation so far at the widget', () =>
        events.every((e) => c.messages.some((m) => m.id === e.id)),
      );

      // The server's record: the notice, the greeting, the resent messages as written (an answer
      // may come between two of them if they arrive apart: it is stored where it happened).
      assert.equal(events[0]?.notice?.code, 'restarted');
      assert.equal(events[0]?.text, lang === 'es' ? RESTARTED_ES : RESTARTED_EN);
      assert.equal(events[1]?.from, 'assistant');
      assert.deepEqual(
        events.filter((e) => e.from === 'customer').map((e) => e.text),
        texts,
      );

      // The widget: the old conversation, then exactly the server's record, in its order; the
      // notice once (no notice of its own besides the server's); the agent gone.
      const after: TranscriptMessage[] = c.messages.slice(before, before + events.length);
      assert.deepEqual(after.map(line), events.map(line));
      assert.equal(c.messages.filter((m) => m.notice?.code === 'restarted').length, 1);
      assert.equal(toldByWidget, 0, 'the server said it: the view is not asked to say it again');
      assert.equal(c.phase, 'assistant');
      assert.equal(c.agent, undefined);

      // Nothing unredacted reached the new server.
      const res = await fetch(debugUrl(port, 'frames'));
      const { frames } = (await res.json()) as { frames: string[] };
      assert.ok(frames.some((f) => f.includes('second, my card is')));
      for (const frame of frames) assert.ok(!UNREDACTED.test(frame), `unredacted: ${frame}`);

      // A later agent gets the same transcript, in the same order.
      const consoleAfter = await agent(second);
      cleanups.push(() => consoleAfter.close());
      // As the notice says: the one word.
      c.send(lang === 'es' ? 'agente' : 'agent');
      await consoleAfter.next(
        (f) => f.type === 'board' && (f['waiting'] as unknown[]).length > 0,
        'the new conversation on the board',
      );
      consoleAfter.send({ type: 'accept', conversationId: record.id });
      const assigned = await consoleAfter.next((f) => f.type === 'assigned', 'assigned');
      const seen = (assigned['events'] as ChatEvent[]).map(line);
      assert.deepEqual(seen.slice(0, events.length), events.map(line));

      // A further reconnect resumes the new conversation: nothing is said again.
      c.stop();
      c.start();
      await until('connected again', () => c.state === 'connected');
      await until('the agent joined', () => c.phase === 'agent');
      assert.equal(c.messages.filter((m) => m.notice?.code === 'restarted').length, 1);
      assert.equal(toldByWidget, 0);
      const [last] = await storedConversations(port);
      assert.equal(last?.events.filter((e) => e.notice?.code === 'restarted').length, 1);
      assert.equal((await storedConversations(port)).length, 1);
    });
  }
});
