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
    assert.equal(lines[0], 'Customer Care chat transcript: Customer Care');
    assert.match(lines[1] ?? '', /^Saved November 25, 2026/);
    assert.equal(lines[2], 'Reference number: AMX-4KF7-Q2ZD');
    assert.ok(text.includes('] Virtual assistant: Hi, how can I help?'));
    assert.ok(text.includes('] You: My card [card number removed] was stolen'));
    assert.ok(text.includes("] Notice: You're now chatting with Maria."));
    assert.ok(text.includes('] Maria, live agent: I have locked it.\nAnything else?'));
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
      text.startsWith(
        'Transcripción del chat de Atención al cliente: Atención al cliente\nGuardada el 25 de noviembre de 2026',
      ),
    );
    assert.ok(text.includes('Número de referencia: AMX-4KF7-Q2ZD'));
    assert.ok(text.includes('] Tú: My card'));
    assert.ok(text.includes('] Maria, agente: I have locked it.'));
    assert.ok(text.includes('Resumen: Card locked'));
  });

  it('names the file after the reference number, or the date', () => {
    assert.equal(transcriptFileName(ended), 'chat-transcript-AMX-4KF7-Q2ZD.txt');
    assert.equal(transcriptFileName({ caseNumber: '../../x y', summary: '' }), 'chat-transcript-xy.txt');
    assert.equal(transcriptFileName(undefined, new Date(at)), 'chat-transcript-2026-11-25.txt');
  });
});
