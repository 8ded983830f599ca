// The announcer writes at the host's update, and of a burst it makes only the announcements it
// will read: a history of 1,000 messages formats 5, not 1,000 (issue 8).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Announcer } from '../../src/components/announcer.js';

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

describe('Announcer', () => {
  it('makes the text of only the newest five of a burst, and reads them in order', () => {
    const h = host();
    const announcer = new Announcer(h);
    const made: number[] = [];
    for (let i = 1; i <= 1000; i++)
      announcer.announce(() => {
        made.push(i);
        return `message ${i}`;
      });
    assert.equal(announcer.polite, '', 'nothing is written before the update');
    // One update asked for the whole burst (it reads them all), not one per announcement.
    assert.equal(h.updates, 1);
    h.update();
    assert.deepEqual(
      made.sort((a, b) => a - b),
      [996, 997, 998, 999, 1000],
    );
    assert.equal(announcer.polite, 'message 996 message 997 message 998 message 999 message 1000');
    // After that update, the next announcement asks again; so does one after a disconnection.
    announcer.announce('one more');
    assert.equal(h.updates, 2);
    announcer.hostDisconnected();
    announcer.announce('after a disconnection');
    assert.equal(h.updates, 3);
    h.update();
    assert.equal(announcer.polite, 'after a disconnection');
    announcer.hostDisconnected();
  });

  it('keeps the newest of each politeness, skips duplicates within the clearing time, and joins within one update', () => {
    const h = host();
    const announcer = new Announcer(h);
    announcer.announce('Chat ended.', 'assertive');
    for (let i = 1; i <= 30; i++) announcer.announce(`m${i}`);
    announcer.announce('m30');
    h.update();
    assert.equal(announcer.assertive, 'Chat ended.');
    // The duplicate "m30" is dropped, so the five read are m26–m30.
    assert.equal(announcer.polite, 'm26 m27 m28 m29 m30');
    // The next update replaces what was read; an announcement made again within 1 s is dropped.
    announcer.announce('m30');
    announcer.announce('new');
    h.update();
    assert.equal(announcer.polite, 'new');
    announcer.hostDisconnected();
  });
});
