// Issue 22, finding 6: one malformed server event (an unknown `from`, a `name` that is not a
// string, a bad `at`, a notice whose case number is not a string…) broke the widget's rendering
// for good, and its replay after a reload broke it again. Here fast-check mixes malformed frames
// and events, sent as text and parsed by the widget as a real transport does, into a stream of
// valid events: every valid event must still show, in order, nothing may throw, and the host
// hears of it once, as an `amex-chat-error` of code `invalid-frame`.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { AmexChatElement } from '../../src/index.js';
import type { AmexChatErrorDetail } from '../../src/components/events.js';
import { strings } from '../../src/components/i18n.js';
import '../../src/define.js';
import { axeCheck, waitFor } from '../support/helpers.js';
import { scriptedElement } from '../support/scripted-chat.js';
import { ScriptedServer } from '../support/scripted-transport.js';

type Json = Record<string, unknown>;

/** One step of the stream: a valid event (shown), or a frame the widget must drop. */
type Step =
  | { kind: 'valid'; extra: Json }
  | { kind: 'bad-event'; field: string; value: unknown }
  | { kind: 'bad-frame'; frame: unknown }
  | {
      kind: 'batch';
      items: ({ valid: true; extra: Json } | { valid: false; field: string; value: unknown })[];
    }
  | { kind: 'unknown-type'; frame: Json };

const ROLES = ['customer', 'assistant', 'agent', 'system'];
const TOO_LONG = 'x'.repeat(300);
const REMOVE = Symbol('remove');

/** Wrong values for each event field (REMOVE: the field is missing). */
const badValue: Record<string, fc.Arbitrary<unknown>> = {
  seq: fc.constantFrom(0, -1, 1.5, '7', null, 2 ** 53, 1e300, true, {}, REMOVE),
  id: fc.constantFrom('', 42, null, TOO_LONG, ['id'], REMOVE),
  kind: fc.oneof(
    fc.string().filter((s) => s !== 'message' && s !== 'notice'),
    fc.constantFrom(1, null, REMOVE),
  ),
  from: fc.oneof(
    fc.string().filter((s) => !ROLES.includes(s)),
    fc.constantFrom(
      'agent x',
      'Agent',
      '"><img src=x onerror=__bad()>',
      'message bubble',
      1,
      null,
      {},
      REMOVE,
    ),
  ),
  name: fc.oneof(
    fc.integer(),
    fc.constantFrom(null, true, TOO_LONG, REMOVE),
    fc.array(fc.string()),
    fc.object(),
  ),
  text: fc.oneof(fc.integer(), fc.constantFrom(null, true, REMOVE), fc.array(fc.string()), fc.object()),
  at: fc.oneof(
    fc.constantFrom(null, -1, 1.5, 1e300, 8.64e15 + 1, 2 ** 60, 'now', '2025-01-01', {}, REMOVE),
    fc.double({ noNaN: false }).filter((n) => !(Number.isSafeInteger(n) && n >= 0 && n <= 8.64e15)),
  ),
  quickReplies: fc.constantFrom(
    'yes',
    null,
    {},
    [null],
    [{ label: 1, value: 'a' }],
    [{ label: 'a' }],
    [{ label: 'a', value: { text: 'a' } }],
    Array.from({ length: 30 }, (_, i) => ({ label: `${i}`, value: `${i}` })),
  ),
  notice: fc.constantFrom(
    'ended',
    null,
    42,
    {},
    { code: 1 },
    { code: 'queued', team: 'hackers' },
    { code: 'agent-joined', agent: 42, team: 'disputes' },
    { code: 'transferred' },
    { code: 'agent-left', agent: null },
    { code: 'ended', caseNumber: 42, summary: 'Agreed.' },
    { code: 'ended', caseNumber: ['AMX-4KF7-Q2ZD'], summary: 'Agreed.' },
    { code: 'ended', caseNumber: 'AMX-4KF7-Q2ZD', summary: { text: 'x' } },
  ),
  urgent: fc.constantFrom('yes', 1, null, {}),
};

const badEvent = fc.oneof(
  ...Object.entries(badValue).map(([field, value]) => value.map((v) => ({ field, value: v }))),
);

/** Unknown fields a newer server may add: harmless, the event still shows. */
const extra: fc.Arbitrary<Json> = fc.oneof(
  fc.constant({}),
  fc.constant({ newField: { from: 'hacker', name: 42 } }),
  fc.record({ from: fc.constantFrom(...ROLES) }),
  fc.record({ quickReplies: fc.constant([{ label: 'Yes', value: 'yes' }]), urgent: fc.constant(true) }),
);

/** Frames of other types with a wrong or missing field. */
const badFrame: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    'null',
    '[]',
    '{"type":"event","event":',
    { type: 'event' },
    { type: 'events', events: 'all of them' },
    { type: 'welcome', v: '1.3', conversationId: 42 },
    { type: 'welcome', v: '1.3' },
    { type: 'ack', id: 42, seq: 1 },
    { type: 'ack', id: 'm', seq: -1 },
    { type: 'typing', from: 'hacker', name: 'Maria', active: true },
    { type: 'typing', from: 'agent', name: 42, active: true },
    { type: 'typing', from: 'agent', name: 'Maria', active: 'yes' },
    { type: 'queue', waiting: true, position: -1, etaSeconds: 60, team: 'general' },
    { type: 'queue', waiting: true, position: 2, etaSeconds: 1e300, team: 'general' },
    { type: 'queue', waiting: true, position: 2, etaSeconds: 60, team: 'hackers' },
    { type: 'error', code: 42, message: 'x' },
    { type: 'error', code: 'internal' },
    { type: 'error', code: 'too-long', message: 'x', id: 42 },
  ),
);

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: extra.map((e): Step => ({ kind: 'valid', extra: e })) },
  { weight: 3, arbitrary: badEvent.map((b): Step => ({ kind: 'bad-event', ...b })) },
  { weight: 2, arbitrary: badFrame.map((frame): Step => ({ kind: 'bad-frame', frame })) },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.oneof(
          extra.map((e) => ({ valid: true as const, extra: e })),
          badEvent.map((b) => ({ valid: false as const, ...b })),
        ),
        { minLength: 1, maxLength: 6 },
      )
      .map((items): Step => ({ kind: 'batch', items })),
  },
  {
    weight: 1,
    arbitrary: fc
      .string({ minLength: 1 })
      .filter(
        (type) =>
          !['welcome', 'event', 'events', 'ack', 'typing', 'pong', 'queue', 'error', 'tab-key'].includes(
            type,
          ),
      )
      .map((type): Step => ({ kind: 'unknown-type', frame: { type, event: { from: 'hacker' } } })),
  },
);

/** Writes the steps as server frames; returns the frames and the texts that must show, in order. */
function script(
  server: ScriptedServer,
  steps: Step[],
): { frames: unknown[]; shown: string[]; reported: boolean } {
  const frames: unknown[] = [];
  const shown: string[] = [];
  let reported = false;
  let n = 0;
  const valid = (more: Json): Json => {
    const seq = server.nextSeq();
    const text = `valid ${(n += 1)}`;
    shown.push(text);
    return {
      seq,
      id: `v${seq}`,
      kind: 'message',
      from: 'agent',
      name: 'Maria',
      text,
      at: Date.now(),
      ...more,
    };
  };
  const bad = (field: string, value: unknown): Json => {
    const seq = server.nextSeq();
    const event: Json = {
      seq,
      id: `b${seq}`,
      kind: 'message',
      from: 'agent',
      name: 'Maria',
      text: `bad ${seq}`,
      at: Date.now(),
    };
    reported = true;
    return value === REMOVE
      ? Object.fromEntries(Object.entries(event).filter(([key]) => key !== field))
      : { ...event, [field]: value };
  };
  for (const s of steps) {
    if (s.kind === 'valid') frames.push({ type: 'event', event: valid(s.extra) });
    else if (s.kind === 'bad-event') frames.push({ type: 'event', event: bad(s.field, s.value) });
    else if (s.kind === 'bad-frame') {
      frames.push(s.frame);
      reported = true;
    } else if (s.kind === 'unknown-type') frames.push(s.frame);
    else
      frames.push({
        type: 'events',
        events: s.items.map((i) => (i.valid ? valid(i.extra) : bad(i.field, i.value))),
      });
  }
  return { frames, shown, reported };
}

async function chat(server: ScriptedServer, persist: 'none' | 'session' = 'none'): Promise<AmexChatElement> {
  return scriptedElement(server, { startOpen: true, persist });
}

const texts = (el: AmexChatElement): string[] =>
  [...el.shadowRoot!.querySelectorAll('.message .bubble')].map((b) => b.textContent ?? '');

/** Counts what escapes to the page: errors and rejections nobody handled. */
function escapes(): { stop: () => void; seen: unknown[] } {
  const seen: unknown[] = [];
  const onError = (event: ErrorEvent): void => {
    seen.push(event.error ?? event.message);
  };
  const onRejection = (event: PromiseRejectionEvent): void => {
    seen.push(event.reason);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    seen,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

const NOTICE = strings('en').errorInvalidFrame;

describe('<amex-chat> malformed server frames (issue 22, finding 6)', () => {
  it('has no axe violations with the error a malformed frame reports', async () => {
    const server = new ScriptedServer();
    const el = await chat(server);
    await server.sent('hello');
    server.pushRaw('{"type":"event","event":{"seq":"one"}}');
    server.event({ from: 'assistant', name: 'Virtual assistant', text: 'Still here.' });
    await waitFor(() => texts(el).includes('Still here.'), 'the valid event');
    await axeCheck(el);
  });

  it('keeps rendering every valid event after malformed frames and events (fuzzed), and reports once', async function () {
    this.timeout(240_000);
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const server = new ScriptedServer();
        const el = await chat(server);
        const errors: AmexChatErrorDetail[] = [];
        el.addEventListener('amex-chat-error', (e) => errors.push(e.detail));
        const escaped = escapes();
        try {
          await server.sent('hello');
          const { frames, shown, reported } = script(server, steps);
          for (const frame of frames)
            server.pushRaw(typeof frame === 'string' ? frame : JSON.stringify(frame));
          // A last valid event: once it shows, everything before it was handled.
          server.event({ from: 'assistant', name: 'Virtual assistant', text: 'the end' });
          await waitFor(() => texts(el).at(-1) === 'the end', 'the last event', 3000);
          await el.updateComplete;
          expect(texts(el).filter((t) => t !== NOTICE)).to.deep.equal([...shown, 'the end']);
          expect(texts(el).filter((t) => t === NOTICE).length).to.equal(reported ? 1 : 0);
          expect(errors, 'one amex-chat-error').to.deep.equal(
            reported ? [{ code: 'invalid-frame', message: NOTICE }] : [],
          );
          for (const message of el.shadowRoot!.querySelectorAll('.message'))
            expect([...message.classList].filter((c) => c !== 'message')).to.satisfy((classes: string[]) =>
              classes.every((c) => ROLES.includes(c)),
            );
          expect(escaped.seen).to.deep.equal([]);
        } finally {
          escaped.stop();
          el.remove();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('shows the rest of a history replayed after a reload around a bad event in it, and live events after', async () => {
    const server = new ScriptedServer();
    const first = await chat(server, 'session');
    await server.sent('hello');
    const event = (seq: number, more: Json = {}): Json => ({
      seq,
      id: `e${seq}`,
      kind: 'message',
      from: 'agent',
      name: 'Maria',
      text: `event ${seq}`,
      at: Date.now(),
      ...more,
    });
    const history = [
      event(1),
      event(2, { from: 'agent" onclick="__bad()' }),
      event(3),
      event(4, {
        kind: 'notice',
        from: 'system',
        name: '',
        notice: { code: 'ended', caseNumber: 42, summary: 'x' },
      }),
      event(5, { name: { first: 'Maria' } }),
      event(6),
      event(7, { at: 1e300 }),
    ];
    for (let seq = 1; seq <= 7; seq += 1) server.nextSeq();
    for (const e of history) server.pushRaw(JSON.stringify({ type: 'event', event: e }));
    server.event({ from: 'agent', name: 'Maria', text: 'event 8' });
    await waitFor(() => texts(first).includes('event 8'), 'the first page');
    expect(texts(first).filter((t) => t !== NOTICE)).to.deep.equal([
      'event 1',
      'event 3',
      'event 6',
      'event 8',
    ]);
    first.remove();

    // The reload: a new element resumes the conversation; the server replays all of it (1.3,
    // `lastSeq` says where the replay ends), the bad events included, in one events frame.
    server.welcomeLastSeq = 8;
    const errors: AmexChatErrorDetail[] = [];
    const escaped = escapes();
    try {
      const second = await chat(server, 'session');
      second.addEventListener('amex-chat-error', (e) => errors.push(e.detail));
      await waitFor(() => server.received.filter((f) => f.type === 'hello').length === 2, 'the second hello');
      const hello = server.received.filter((f) => f.type === 'hello')[1];
      expect(hello?.type === 'hello' && hello.resume?.conversationId).to.equal('scripted');
      server.pushRaw(JSON.stringify({ type: 'events', events: [...history, event(8, { text: 'event 8' })] }));
      server.event({ from: 'agent', name: 'Maria', text: 'event 9' });
      await waitFor(() => texts(second).includes('event 9'), 'the replay and a live event');
      await second.updateComplete;
      expect(texts(second).filter((t) => t !== NOTICE)).to.deep.equal([
        'event 1',
        'event 3',
        'event 6',
        'event 8',
        'event 9',
      ]);
      // Public events made during a replay follow its render (when the page is next idle).
      await waitFor(() => errors.length > 0, 'the amex-chat-error');
      expect(errors).to.deep.equal([{ code: 'invalid-frame', message: NOTICE }]);
      expect(escaped.seen).to.deep.equal([]);
    } finally {
      escaped.stop();
    }
  });
});
