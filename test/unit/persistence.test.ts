import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sessionStore } from '../../src/conversation/persistence.js';

/** A Storage over a Map, as sessionStorage behaves for what the store uses. */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
}

describe('sessionStore', () => {
  it('keeps the conversation, its resume key, the cursor and the outbox', () => {
    const storage = memoryStorage();
    const store = sessionStore('wss://chat.example/chat', storage);
    store.save({
      conversationId: 'c-1',
      resumeKey: 'k'.repeat(43),
      lastSeq: 4,
      outbox: [{ id: 'm', text: 'hi', at: 1 }],
    });
    assert.deepEqual(store.load(), {
      conversationId: 'c-1',
      resumeKey: 'k'.repeat(43),
      lastSeq: 4,
      outbox: [{ id: 'm', text: 'hi', at: 1 }],
    });
  });

  it('drops what a page script could write that would break the widget', () => {
    const storage = memoryStorage();
    const store = sessionStore('wss://chat.example/chat', storage);
    const key = 'amex-chat:v1:wss://chat.example/chat';
    storage.setItem(key, JSON.stringify({ conversationId: 'c', lastSeq: -1, outbox: [] }));
    assert.equal(store.load(), undefined, 'a negative cursor');
    storage.setItem(key, JSON.stringify({ conversationId: 'c', lastSeq: 1.5, outbox: [] }));
    assert.equal(store.load(), undefined, 'a cursor that is not whole');
    storage.setItem(
      key,
      JSON.stringify({
        conversationId: 'c',
        lastSeq: 0,
        resumeKey: 42,
        outbox: [
          { id: 'a', text: 'kept', at: 1_700_000_000_000 },
          { id: 'b', text: 'no date holds this', at: 1e300 },
          { id: 'c', text: 'nor this', at: Number.MAX_VALUE },
        ],
      }),
    );
    assert.deepEqual(store.load(), {
      conversationId: 'c',
      lastSeq: 0,
      outbox: [{ id: 'a', text: 'kept', at: 1_700_000_000_000 }],
    });
  });
});
