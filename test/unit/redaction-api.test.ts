import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  EMPTY_REDACTED,
  MASK_CHAR,
  PLACEHOLDERS,
  check,
  createRedactor,
  redact,
  summarize,
} from '../../src/redaction/index.js';
import type { RedactedText } from '../../src/redaction/index.js';

describe('redaction API', () => {
  it('masks an Amex keeping the last four and the 4-6-5 grouping', () => {
    assert.equal(redact('3782 822463 10005').text, '•••• •••••• •0005');
    assert.equal(MASK_CHAR, '•');
  });

  it('reports UTF-16 offsets into the input', () => {
    const input = '😀 card 4111 1111 1111 1111 ok';
    const [f] = redact(input).findings;
    assert.ok(f);
    assert.equal(input.slice(f.start, f.end), '4111 1111 1111 1111');
  });

  it('uses English placeholders by default and Spanish ones on request', () => {
    assert.equal(redact('cvv 839').text, 'cvv [code removed]');
    assert.equal(redact('SSN 123456789').text, 'SSN [SSN removed]');
    assert.equal(redact('password: hunter2').text, 'password: [password removed]');
    assert.equal(redact('cvv 839', { lang: 'es' }).text, 'cvv [código eliminado]');
    assert.equal(redact('contraseña: gato123', { lang: 'es' }).text, 'contraseña: [contraseña eliminada]');
    const es = createRedactor({ lang: 'es' });
    assert.equal(es.redact('código 482917').text, 'código [código eliminado]');
    assert.ok(PLACEHOLDERS.es.ssn.startsWith('['));
  });

  it('never re-detects its own output in either language', () => {
    for (const lang of ['en', 'es'] as const) {
      const once = redact('card 4111111111111111 cvv 123 ssn 123-45-6789 pin 4821 password is hunter2', {
        lang,
      });
      assert.equal(once.findings.length, 5);
      assert.deepEqual(redact(once.text, { lang: lang === 'en' ? 'es' : 'en' }).findings, []);
    }
  });

  it('gives findings only when the text changed', () => {
    const same = redact('hello there');
    assert.equal(same.text, 'hello there');
    assert.deepEqual(same.findings, []);
  });

  it('summarizes kinds and count, never text', () => {
    const r = redact('4111111111111111 cvv 123 and 5555555555554444');
    const s = summarize(r.findings);
    assert.deepEqual(s, { kinds: ['card', 'cvv'], count: 3 });
    assert.deepEqual(Object.keys(s).sort(), ['count', 'kinds']);
    assert.deepEqual(summarize([]), { kinds: [], count: 0 });
  });

  it('check returns the findings of redact, with or without a redactor', () => {
    const text = 'my card 3782 822463 10005';
    assert.deepEqual(check(text), redact(text).findings);
    const r = createRedactor();
    r.observe('What is the security code on the back?');
    assert.deepEqual(check('839', r), [{ kind: 'cvv', start: 0, end: 3 }]);
    assert.deepEqual(check('839'), []);
  });

  it('preview does not record fragments; redact does', () => {
    const r = createRedactor();
    for (let i = 0; i < 5; i++) assert.equal(r.preview('3782 822463').text, '3782 822463');
    assert.equal(r.redact('3782 822463').text, '3782 822463');
    assert.equal(r.preview('10005').text, '•••••');
    assert.equal(r.redact('10005').text, '•••••');
  });

  it('with block, a message with findings is refused and records nothing; one without is sent', () => {
    const r = createRedactor();
    r.observe('What is the security code on the back?');
    const blocked = r.redact('839', { block: true });
    assert.deepEqual(
      blocked.findings.map((f) => f.kind),
      ['cvv'],
    );
    // Nothing was recorded: the question still applies to the message sent after it.
    assert.equal(r.redact('839').text, '[code removed]');
    // Without findings the message is sent, and recorded as redact() records it.
    const s = createRedactor();
    assert.equal(s.redact('3782 822463', { block: true }).text, '3782 822463');
    assert.equal(s.preview('10005').text, '•••••');
  });

  it('reads what the other side said in order: the newest question counts, later small talk does not cancel it', () => {
    // observe() only records; the question is read when the customer's text is checked.
    const r = createRedactor();
    r.observe('What is the security code on the back?');
    r.observe('Take your time.');
    r.observe('I am still here.');
    assert.equal(r.redact('839').text, '[code removed]');
    // A newer question replaces an older one: the one-time passcode question is the one answered.
    const s = createRedactor();
    s.observe('What is the security code on the back?');
    s.observe('Now read me the one-time passcode we just texted you.');
    s.observe('Thanks.');
    assert.deepEqual(
      s.preview('482913').findings.map((f) => f.kind),
      ['otp'],
    );
    // A long replayed history whose last question is old news: thousands of observes, one read.
    const t = createRedactor();
    t.observe('What is the security code on the back?');
    for (let i = 0; i < 5000; i += 1) t.observe(`Message ${i} of the history.`);
    assert.equal(t.redact('839').text, '[code removed]');
    assert.equal(t.redact('839').text, '839', 'answered once');
  });

  it('reads customer messages sent without it (observeSent) as if sent here: the question', () => {
    const cue = 'What is the security code on the back?';
    // Two replayed replies after the question (redacted, as they left): it has run out, as it
    // would have here.
    const r = createRedactor();
    r.observe(cue);
    r.observeSent('[code removed]');
    r.observeSent('Did that work?');
    assert.equal(r.redact('839').text, '839');
    // One: the question still applies to one message, then runs out.
    const s = createRedactor();
    s.observe(cue);
    s.observeSent('One moment.');
    assert.equal(s.redact('839').text, '[code removed]');
    assert.equal(s.redact('839').text, '839');
    // Replies before a newer question do not count against it.
    const t = createRedactor();
    t.observe(cue);
    t.observeSent('[code removed]');
    t.observeSent('Done.');
    t.observe('Now read me the one-time passcode we just texted you.');
    t.observe('Thanks.');
    assert.deepEqual(
      t.preview('482913').findings.map((f) => f.kind),
      ['otp'],
    );
    // A question already in force (read while typing here), then two messages from another tab.
    const u = createRedactor();
    u.observe(cue);
    assert.equal(u.preview('839').text, '[code removed]');
    u.observeSent('Hang on.');
    u.observeSent('Still looking.');
    assert.equal(u.redact('839').text, '839');
    // A long replayed history: the customer's messages after the old question count.
    const v = createRedactor();
    v.observe(cue);
    for (let i = 0; i < 2500; i += 1) {
      v.observe(`Message ${i} of the history.`);
      v.observeSent('Reply.');
    }
    assert.equal(v.redact('839').text, '839');
  });

  it('reads customer messages sent without it as if sent here: the split-number rule', () => {
    // Ten digits left before a reload (or from another tab): the rest of the card may not.
    const r = createRedactor();
    r.observeSent('3782 822463');
    assert.equal(r.preview('10005').text, '•••••');
    assert.equal(r.redact('10005').text, '•••••');
    // The same over three messages, the last two replayed.
    const s = createRedactor();
    assert.equal(s.redact('3782').text, '3782');
    s.observeSent('822463');
    assert.equal(s.redact('10005').text, '•••••');
    // A message the server says the customer sent cannot clear what was typed here (a
    // compromised server could make one up): the candidate stays.
    const t = createRedactor();
    assert.equal(t.redact('3782 822463').text, '3782 822463');
    t.observeSent('thanks');
    assert.equal(t.redact('10005').text, '•••••');
    // Whatever such messages say between the parts, the rest stays held back.
    const w = createRedactor();
    w.observeSent('3782 822463');
    w.observeSent('thanks');
    assert.equal(w.redact('10005').text, '•••••');
  });

  it('forgets a part only when it is both half an hour old and twenty messages back', () => {
    let clock = Date.UTC(2026, 11, 6, 12);
    const minutes = (n: number) => (clock += n * 60_000);
    const after = (filler: number, wait: number, sentElsewhere: boolean): string => {
      clock = Date.UTC(2026, 11, 6, 12);
      const r = createRedactor({ now: () => clock });
      if (sentElsewhere) r.observeSent('3782 822463', clock);
      else r.redact('3782 822463');
      minutes(wait);
      for (let i = 0; i < filler; i += 1) r.redact('ok');
      return r.redact('10005').text;
    };
    for (const elsewhere of [false, true]) {
      assert.equal(after(20, 31, elsewhere), '10005', 'out of the window');
      assert.equal(after(20, 29, elsewhere), '•••••', 'twenty messages, but not half an hour');
      assert.equal(after(19, 31, elsewhere), '•••••', 'half an hour, but only nineteen messages');
      assert.equal(after(0, 600, elsewhere), '•••••', 'ten hours, no message between');
    }
    // A replayed message's own time counts, never one in the future.
    const r = createRedactor({ now: () => clock });
    r.observeSent('3782 822463', clock - 31 * 60_000);
    for (let i = 0; i < 20; i += 1) r.observeSent('ok', clock - 31 * 60_000);
    assert.equal(r.redact('10005').text, '10005');
    const f = createRedactor({ now: () => clock });
    f.observeSent('3782 822463', clock + 3600_000);
    for (let i = 0; i < 20; i += 1) f.redact('ok');
    minutes(29);
    assert.equal(f.redact('10005').text, '•••••');
  });

  it('preview does not consume the agent question', () => {
    const r = createRedactor();
    r.observe('Please read me the security code.');
    r.preview('8');
    r.preview('83');
    r.preview('839');
    assert.equal(r.redact('839').text, '[code removed]');
    assert.equal(r.redact('839').text, '839', 'answered: the next 3 digits are just a number');
  });

  it('types the result as RedactedText, a string only this module produces', () => {
    const text: RedactedText = redact('hi').text;
    const asString: string = text;
    assert.equal(asString, 'hi');
    assert.equal(EMPTY_REDACTED, '');
    // @ts-expect-error: a plain string is not RedactedText
    const forged: RedactedText = 'hi';
    assert.equal(forged, 'hi');
  });

  it('keeps the redactor usable after an exception-free huge message', () => {
    const r = createRedactor();
    r.redact('x'.repeat(100_000));
    assert.equal(r.redact('cvv 123').text, 'cvv [code removed]');
  });
});
