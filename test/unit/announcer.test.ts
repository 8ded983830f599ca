// The announcer writes at the host's update, and of a burst it makes only the announcements it
// will read: a history of 1,000 messages formats 5, not 1,000 (issue 8).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Announcer } from '../../src/components/announcer.js';

// The page's frames, run by hand: the announcer joins what it wrote since the last one.
const frames: FrameRequestCallback[] = [];
globalThis.requestAnimationFrame = (callback) => frames.push(callback);
function frame(): void {
  for (const callback of frames.splice(0)) callback(0);
}

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
    announcer.hostDisconnected();
  });

  it('joins what it wrote since the last frame (not yet passed to a screen reader), replaces what it wrote before', () => {
    const h = host();
    const announcer = new Announcer(h);
    frame();
    // A hand-off: the assistant's message, the queue notice and the place in line, three updates
    // within a few ms. Replaced one by one, a screen reader would get the last alone.
    announcer.announce("Virtual assistant: I'll connect you with an agent now.");
    h.update();
    announcer.announce("Notice: You're in line for a live agent.");
    h.update();
    announcer.announce("You're next in line.");
    h.update();
    assert.equal(
      announcer.polite,
      "Virtual assistant: I'll connect you with an agent now. Notice: You're in line for a live agent. You're next in line.",
    );
    // At most the newest five.
    for (let i = 1; i <= 6; i++) {
      announcer.announce(`quick ${i}`);
      h.update();
    }
    assert.equal(announcer.polite, 'quick 2 quick 3 quick 4 quick 5 quick 6');
    // After a frame, what was read is replaced; an announcement made again within 1 s is dropped.
    frame();
    announcer.announce('quick 6');
    announcer.announce('new');
    h.update();
    assert.equal(announcer.polite, 'new');
    // Each politeness on its own.
    announcer.announce('Chat ended.', 'assertive');
    h.update();
    assert.equal(announcer.assertive, 'Chat ended.');
    assert.equal(announcer.polite, 'new');
    announcer.hostDisconnected();
  });
});
