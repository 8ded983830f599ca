// Each announcement is its own node in its live region, added and never changed or replaced, and
// removed together with the others a while after the last (issue 24, item 6): a hand-off writes
// three within ~10 ms, and each must reach the screen reader. Of a burst (a history caught up at
// once) only the newest five are made and said (issue 8). Time is a fake clock's.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Announcer, CAP, KEEP } from '../../src/components/announcer.js';
import type { Announcement } from '../../src/components/announcer.js';
import { FakeClock } from '../support/fake-clock.js';

function host(): ReactiveControllerHost & { updates: number; update(): void } {
  const controllers: ReactiveController[] = [];
  return {
    updates: 0,
    addController: (c) => void controllers.push(c),
    removeController: () => undefined,
    requestUpdate() {
      this.updates += 1;
    },
    updateComplete: Promise.resolve(true),
    update() {
      for (const c of controllers) c.hostUpdate?.();
      for (const c of controllers) c.hostUpdated?.();
    },
  };
}

const texts = (list: readonly Announcement[]): string[] => list.map((a) => a.text);

describe('Announcer', () => {
  let time: FakeClock;
  beforeEach(() => (time = new FakeClock().install()));
  afterEach(() => time.uninstall());

  it('adds each announcement as its own entry: a hand-off within a few ms keeps all three, in order', () => {
    const h = host();
    const announcer = new Announcer(h);
    const said = [
      "Virtual assistant: I'll connect you with an agent now.",
      "Notice: You're in line for a live agent.",
      "You're next in line for an agent. Estimated wait: less than a minute.",
    ];
    const seen: Announcement[] = [];
    for (const text of said) {
      announcer.announce(text);
      h.update();
      time.advance(5);
      seen.push(...announcer.polite.filter((a) => !seen.includes(a)));
    }
    assert.deepEqual(texts(announcer.polite), said);
    // Entries are kept as they were made (same objects, distinct keys): none was rewritten.
    assert.deepEqual(announcer.polite, seen);
    assert.equal(new Set(announcer.polite.map((a) => a.id)).size, 3);
    assert.deepEqual(announcer.assertive, []);
    announcer.hostDisconnected();
  });

  it(`keeps every entry until ${KEEP} ms after the newest, then removes them together`, () => {
    const h = host();
    const announcer = new Announcer(h);
    announcer.announce('first');
    h.update();
    time.advance(KEEP - 100);
    announcer.announce('second');
    h.update();
    // The first has been there for KEEP - 100 ms; it stays until the second has had its time.
    time.advance(KEEP - 1);
    assert.deepEqual(texts(announcer.polite), ['first', 'second']);
    const updates = h.updates;
    time.advance(1);
    assert.deepEqual(texts(announcer.polite), []);
    assert.equal(h.updates, updates + 1, 'the host renders the removal');
    assert.equal(time.pending, 0, 'no timer left');
    announcer.hostDisconnected();
  });

  it('says identical texts again at different moments, and once within one moment', () => {
    const h = host();
    const announcer = new Announcer(h);
    announcer.announce('Maria, live agent: Are you still there?');
    h.update();
    time.advance(300);
    announcer.announce('Maria, live agent: Are you still there?');
    h.update();
    assert.deepEqual(texts(announcer.polite), [
      'Maria, live agent: Are you still there?',
      'Maria, live agent: Are you still there?',
    ]);
    // After they were removed, once more.
    time.advance(KEEP);
    announcer.announce('Maria, live agent: Are you still there?');
    h.update();
    assert.deepEqual(texts(announcer.polite), ['Maria, live agent: Are you still there?']);
    // Made twice for one update (two messages counted on a closed launcher): said once.
    announcer.announce('New message from Maria, live agent.');
    announcer.announce('New message from Maria, live agent.');
    h.update();
    assert.deepEqual(texts(announcer.polite), [
      'Maria, live agent: Are you still there?',
      'New message from Maria, live agent.',
    ]);
    announcer.hostDisconnected();
  });

  it('makes the text of only the newest five of a burst, and says them in order', () => {
    const h = host();
    const announcer = new Announcer(h);
    const made: number[] = [];
    for (let i = 1; i <= 1000; i++)
      announcer.announce(() => {
        made.push(i);
        return `message ${i}`;
      });
    assert.deepEqual(announcer.polite, [], 'nothing is written before the update');
    // One update asked for the whole burst, not one per announcement.
    assert.equal(h.updates, 1);
    h.update();
    assert.deepEqual(
      made.sort((a, b) => a - b),
      [996, 997, 998, 999, 1000],
    );
    assert.deepEqual(texts(announcer.polite), [
      'message 996',
      'message 997',
      'message 998',
      'message 999',
      'message 1000',
    ]);
    // After that update, the next announcement asks again; so does one after a disconnection.
    announcer.announce('one more');
    assert.equal(h.updates, 2);
    announcer.hostDisconnected();
    assert.deepEqual(announcer.polite, []);
    announcer.announce('after a disconnection');
    assert.equal(h.updates, 3);
    h.update();
    assert.deepEqual(texts(announcer.polite), ['after a disconnection']);
    announcer.hostDisconnected();
  });

  it(`holds at most ${CAP} of each politeness, removing only entries older than ${KEEP} ms`, () => {
    const h = host();
    const announcer = new Announcer(h);
    // One a second: the region is never quiet long enough to be emptied.
    for (let i = 1; i <= 15; i++) {
      announcer.announce(`tick ${i}`);
      h.update();
      time.advance(1000);
    }
    assert.deepEqual(
      texts(announcer.polite),
      Array.from({ length: CAP }, (_, k) => `tick ${15 - CAP + 1 + k}`),
    );
    time.advance(KEEP);
    // Three bursts within a moment: fifteen young entries, none removed early.
    for (let burst = 0; burst < 3; burst++) {
      for (let i = 1; i <= 5; i++) announcer.announce(`burst ${burst}.${i}`);
      h.update();
      time.advance(10);
    }
    assert.equal(announcer.polite.length, 15);
    // Each politeness on its own.
    announcer.announce('Chat ended.', 'assertive');
    h.update();
    assert.deepEqual(texts(announcer.assertive), ['Chat ended.']);
    assert.equal(announcer.polite.length, 15);
    announcer.hostDisconnected();
  });
});
