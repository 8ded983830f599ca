// A resume answered with a new conversation: the server's replay should open with a `restarted`
// notice, and then the conversation does not ask the view to say it too. A server that does not
// send it (or a replay without it) leaves it to the view, once the replay is in; a reconnect to
// the new conversation asks nothing more. Frames go through the real transports' parsing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Conversation } from '../../src/conversation/index.js';
import { PROTOCOL_VERSION } from '../../src/protocol.js';
import { rawEvent as event } from '../support/raw-event.js';
import { RawTransport } from '../support/raw-transport.js';

const notice = (seq: number): Record<string, unknown> =>
  event(seq, { kind: 'notice', from: 'system', name: '', notice: { code: 'restarted' } });

/** A conversation saved before (id `old`), resuming over a RawTransport; counts `restarted`. */
function resuming(): { conversation: Conversation; transport: RawTransport; told: () => number } {
  const transport = new RawTransport();
  const conversation = new Conversation({
    endpoint: 'ws://x.invalid/chat',
    lang: 'en',
    transportFactory: () => transport,
    store: {
      load: () => ({ conversationId: 'old', resumeKey: 'k'.repeat(43), lastSeq: 5, outbox: [] }),
      save: () => {},
      clear: () => {},
    },
    heartbeatInterval: 1e9,
    deadAfter: 1e9,
  });
  let told = 0;
  conversation.events.on('restarted', () => (told += 1));
  conversation.start();
  transport.events.emit('open', undefined);
  return { conversation, transport, told: () => told };
}

/** The conversation's own asks come after the call that caused them. */
const settled = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function welcome(transport: RawTransport, conversationId: string, lastSeq?: number): void {
  transport.push({
    type: 'welcome',
    v: PROTOCOL_VERSION,
    conversationId,
    ...(lastSeq === undefined ? {} : { lastSeq }),
  });
}

describe('Conversation: the notice of a new conversation in place of a resumed one', () => {
  it('asks the view for nothing when the replay opens with the server notice', async (t) => {
    const { conversation, transport, told } = resuming();
    t.after(() => conversation.stop());
    assert.match(transport.sent[0] ?? '', /"resume":\{"conversationId":"old"/);
    welcome(transport, 'new', 2);
    transport.push({ type: 'events', events: [notice(1), event(2)] });
    await settled();
    assert.equal(told(), 0);
    assert.deepEqual(
      conversation.messages.map((m) => m.notice?.code ?? m.from),
      ['restarted', 'assistant'],
    );
  });

  it('asks the view once, after the replay, when the server did not say it', async (t) => {
    const { conversation, transport, told } = resuming();
    t.after(() => conversation.stop());
    welcome(transport, 'new', 2);
    transport.push({ type: 'event', event: event(1) });
    await settled();
    assert.equal(told(), 0, 'not before the replay is in');
    transport.push({ type: 'event', event: event(2) });
    await settled();
    assert.equal(told(), 1);
    // A reconnect to the new conversation, and later events: nothing more.
    transport.close();
    transport.events.emit('open', undefined);
    welcome(transport, 'new', 3);
    transport.push({ type: 'event', event: event(3) });
    await settled();
    assert.equal(conversation.state, 'connected');
    assert.equal(conversation.messages.at(-1)?.text, 'message 3');
    assert.equal(told(), 1);
  });

  it('asks the view at the welcome when the server does not say where its replay ends', async (t) => {
    const { conversation, transport, told } = resuming();
    t.after(() => conversation.stop());
    welcome(transport, 'new');
    await settled();
    assert.equal(told(), 1);
  });

  it('asks nothing when the server resumes the same conversation', async (t) => {
    const { conversation, transport, told } = resuming();
    t.after(() => conversation.stop());
    welcome(transport, 'old', 6);
    transport.push({ type: 'event', event: event(6) });
    await settled();
    assert.equal(told(), 0);
  });
});
