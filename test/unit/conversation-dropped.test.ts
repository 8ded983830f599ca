// Issue 22, finding 6: a malformed server event is dropped without stopping the ones after it.
// The conversation applies events by seq and holds one that comes after a gap; a dropped event
// must not leave such a gap open for ever. Frames go through the real transports' parsing
// (src/transport/receive.ts), from text, as a server sends them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Conversation } from '../../src/conversation/index.js';
import type { ConversationError, SavedConversation } from '../../src/conversation/index.js';
import { PROTOCOL_VERSION } from '../../src/protocol.js';
import { rawEvent as event } from '../support/raw-event.js';
import { RawTransport } from '../support/raw-transport.js';

/** A conversation connected to a RawTransport and welcomed (`lastSeq`: where the replay ends). */
function start(options: { lastSeq?: number; saved?: SavedConversation; welcome?: boolean } = {}): {
  conversation: Conversation;
  transport: RawTransport;
  errors: ConversationError[];
  texts: () => string[];
  welcome: () => void;
} {
  const transport = new RawTransport();
  const saved = options.saved;
  const conversation = new Conversation({
    endpoint: 'ws://x.invalid/chat',
    lang: 'en',
    transportFactory: () => transport,
    store: { load: () => saved, save: () => {}, clear: () => {} },
    heartbeatInterval: 1e9,
    deadAfter: 1e9,
  });
  const errors: ConversationError[] = [];
  conversation.events.on('error', (error) => errors.push(error));
  conversation.start();
  transport.events.emit('open', undefined);
  const welcome = (): void =>
    transport.push({
      type: 'welcome',
      v: PROTOCOL_VERSION,
      conversationId: 'c1',
      ...(options.lastSeq === undefined ? {} : { lastSeq: options.lastSeq }),
    });
  if (options.welcome !== false) welcome();
  const texts = (): string[] => conversation.messages.map((m) => m.text);
  return { conversation, transport, errors, texts, welcome };
}

describe('Conversation: malformed server events', () => {
  it('applies the events after one dropped from an events frame', (t) => {
    const { conversation, transport, texts } = start();
    t.after(() => conversation.stop());
    transport.push({ type: 'events', events: [event(1), event(2, { from: 'hacker' }), event(3)] });
    assert.deepEqual(texts(), ['message 1', 'message 3']);
    transport.push({ type: 'event', event: event(4) });
    assert.deepEqual(texts(), ['message 1', 'message 3', 'message 4']);
  });

  it('applies the events after a dropped event frame, with or without a valid seq', (t) => {
    const { conversation, transport, texts } = start();
    t.after(() => conversation.stop());
    transport.push({ type: 'event', event: event(1) });
    transport.push({ type: 'event', event: event(2, { at: 'yesterday' }) });
    transport.push({ type: 'event', event: event(3) });
    transport.push({ type: 'event', event: event(4, { seq: '4', name: 7 }) });
    transport.push('{"type":"event","event":');
    transport.push({ type: 'event', event: event(6) });
    assert.deepEqual(texts(), ['message 1', 'message 3', 'message 6']);
  });

  it('ends a replay whose last event was dropped, without waiting for it', (t) => {
    const { conversation, transport, texts } = start({ lastSeq: 3 });
    t.after(() => conversation.stop());
    transport.push({ type: 'events', events: [event(1), event(2), event(3, { notice: { code: 'ended' } })] });
    assert.deepEqual(texts(), ['message 1', 'message 2']);
    assert.equal(conversation.replaying, false, 'the replay is in');
    assert.equal(conversation.live, true);
  });

  it('still holds an event that comes before the welcome, after a gap (another tab relays it early)', (t) => {
    const saved = { conversationId: 'c1', lastSeq: 0, outbox: [] };
    const { conversation, transport, texts, welcome } = start({ lastSeq: 3, saved, welcome: false });
    t.after(() => conversation.stop());
    transport.push({ type: 'event', event: event(3) });
    welcome();
    assert.deepEqual(texts(), []);
    transport.push({ type: 'events', events: [event(1), event(2)] });
    assert.deepEqual(texts(), ['message 1', 'message 2', 'message 3']);
  });

  it('shows the rest of a history replayed after a reload around a bad event in it', (t) => {
    const saved = { conversationId: 'c1', lastSeq: 4, outbox: [] };
    const { conversation, transport, texts } = start({ lastSeq: 4, saved });
    t.after(() => conversation.stop());
    transport.push({
      type: 'events',
      events: [event(1), event(2, { from: 'agent" onclick="x' }), event(3), event(4, { urgent: 'yes' })],
    });
    assert.deepEqual(texts(), ['message 1', 'message 3']);
    assert.equal(conversation.replaying, false);
    assert.deepEqual(
      conversation.messages.map((m) => m.history),
      [true, true],
    );
    transport.push({ type: 'event', event: event(5) });
    assert.deepEqual(texts(), ['message 1', 'message 3', 'message 5']);
  });

  it('counts every dropped frame and event, and reports the first once as invalid-frame', (t) => {
    const { conversation, transport, errors } = start();
    t.after(() => conversation.stop());
    transport.push({ type: 'events', events: [event(1, { from: 'x' }), event(2, { text: null }), event(3)] });
    transport.push({ type: 'typing', from: 'agent', name: 42, active: true });
    transport.push({ type: 'queue', waiting: true, position: -1, etaSeconds: 1, team: 'general' });
    transport.push('not json');
    transport.push({ type: 'a-newer-frame', any: 1 });
    assert.equal(conversation.dropped, 5, 'two events and three frames; an unknown type is not counted');
    assert.deepEqual(
      errors.map((e) => e.code),
      ['invalid-frame'],
    );
  });
});
