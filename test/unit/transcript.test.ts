import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strings } from '../../src/components/i18n.js';
import { transcriptFileName, transcriptText } from '../../src/components/transcript.js';
import type { TranscriptMessage } from '../../src/conversation/index.js';

const at = Date.UTC(2026, 10, 25, 14, 5);
const messages: TranscriptMessage[] = [
  { id: 'a', seq: 1, from: 'assistant', name: 'Virtual assistant', text: 'Hi, how can I help?', at },
  {
    id: 'b',
    seq: 2,
    from: 'customer',
    name: '',
    text: 'My card [card number removed] was stolen',
    at,
    status: 'sent',
  },
  { id: 'c', seq: 3, from: 'system', name: '', text: "You're now chatting with Maria.", at },
  { id: 'd', seq: 4, from: 'agent', name: 'Maria', text: 'I have locked it.\nAnything else?', at },
  { id: 'e', from: 'customer', name: '', text: 'not sent', at, status: 'failed' },
];
const ended = { caseNumber: 'AMX-4KF7-Q2ZD', summary: 'Card locked; a new card arrives in 3 business days.' };

describe('transcript', () => {
  it('lists every message with sender and time, then the reference number and summary', () => {
    const text = transcriptText({
      t: strings('en'),
      locale: 'en',
      heading: 'Customer Care',
      messages,
      case: ended,
      now: new Date(at),
    });
    const lines = text.split('\n');
    assert.equal(lines[0], 'Customer Care chat transcript');
    assert.match(lines[1] ?? '', /^Saved November 25, 2026/);
    assert.equal(lines[2], 'Reference number: AMX-4KF7-Q2ZD');
    assert.ok(text.includes('] Virtual assistant: Hi, how can I help?'));
    assert.ok(text.includes('] You: My card [card number removed] was stolen'));
    assert.ok(text.includes("] Notice: You're now chatting with Maria."));
    assert.ok(text.includes('] Maria, live agent: I have locked it.\n    Anything else?'));
    assert.ok(text.endsWith('Summary: Card locked; a new card arrives in 3 business days.\n'));
  });

  it('leaves out messages that were never sent', () => {
    const text = transcriptText({ t: strings('en'), locale: 'en', heading: 'Care', messages });
    assert.ok(!text.includes('not sent'));
    assert.ok(!text.includes('Reference number'));
  });

  it('is written in the conversation language', () => {
    const text = transcriptText({
      t: strings('es'),
      locale: 'es',
      heading: 'Atención al cliente',
      messages,
      case: ended,
      now: new Date(at),
    });
    assert.ok(
      text.startsWith('Transcripción del chat de Atención al cliente\nGuardada el 25 de noviembre de 2026'),
    );
    assert.ok(text.includes('Número de referencia: AMX-4KF7-Q2ZD'));
    assert.ok(text.includes('] Usted: My card'));
    assert.ok(text.includes('] Maria, agente: I have locked it.'));
    assert.ok(text.includes('Resumen: Card locked'));
  });

  it('lets no text begin a line: every line break in a text, name, case or summary is indented or a space', () => {
    const forged = '[9:41 AM] You: I authorize a transfer of $5,000';
    const breaks = ['\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\u000b', '\u000c'];
    const hostile: TranscriptMessage[] = breaks.map((br, i) => ({
      id: `h${i}`,
      seq: 10 + i,
      from: 'agent',
      name: `Maria${br}${forged}`,
      text: `Thanks.${br}${forged}${br}${br}Summary: all settled`,
      at,
    }));
    hostile.push({ id: 'x', seq: 30, from: 'system', name: '', text: `Notice${breaks.join(forged)}`, at });
    const text = transcriptText({
      t: strings('en'),
      locale: 'en',
      heading: 'Care',
      messages: hostile,
      case: { caseNumber: `AMX-1${breaks.join('')}${forged}`, summary: `Done.${breaks.join(forged)}` },
      now: new Date(at),
    });
    assert.ok(!/[\r\u2028\u2029\u0085\u000b\u000c]/.test(text), 'one kind of line break');
    const lines = text.trimEnd().split('\n');
    const starts = lines.filter((line) => /^\S/.test(line));
    // Title, saved, reference, one header per message, the summary: nothing else starts a line.
    assert.equal(starts.length, 3 + hostile.length + 1, starts.join('\n'));
    assert.equal(starts.filter((line) => line.startsWith('[')).length, hostile.length);
    assert.ok(starts.every((line) => !line.startsWith(forged)));
    assert.equal(starts.filter((line) => line.startsWith('Summary:')).length, 1);
    for (const line of lines) assert.ok(line === '' || /^\S/.test(line) || line.startsWith('    '), line);
    for (const line of starts.filter((l) => l.startsWith('['))) {
      assert.match(line, /^\[\d{1,2}:\d{2}\s?[AP]M\] (Maria .*, live agent|Notice): /);
    }
  });

  it('removes bidi controls and invisible characters from names, texts, the case and the summary', () => {
    const text = transcriptText({
      t: strings('en'),
      locale: 'en',
      heading: 'Care',
      messages: [
        {
          id: 'a',
          seq: 1,
          from: 'agent',
          name: '\u202eairaM\u200b',
          text: 'ok\u2066 \u202e1\u202c\ufeff',
          at,
        },
      ],
      case: { caseNumber: 'AMX\u200e-1\u2069', summary: '\u202etxet\u202c\u00ad' },
      now: new Date(at),
    });
    assert.ok(!/[\p{Cf}]/u.test(text), JSON.stringify(text));
    assert.ok(text.includes('] airaM, live agent: ok 1\n'));
    assert.ok(text.includes('Reference number: AMX-1\n'));
    assert.ok(text.endsWith('Summary: txet\n'));
  });

  it('names the file after the reference number, or the date', () => {
    assert.equal(transcriptFileName(ended), 'chat-transcript-AMX-4KF7-Q2ZD.txt');
    assert.equal(transcriptFileName({ caseNumber: '../../x y', summary: '' }), 'chat-transcript-xy.txt');
    assert.equal(transcriptFileName(undefined, new Date(at)), 'chat-transcript-2026-11-25.txt');
  });
});
