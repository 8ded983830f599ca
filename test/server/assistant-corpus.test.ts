/**
 * Understanding people (issue 26, item 4): a table of realistic customer messages in English
 * and Spanish, with typos, and the intent each should get (test/server/assistant-corpus-data.ts).
 * Each message goes to a fresh assistant as the first of its chat. The test prints the accuracy
 * and every miss. The tuning corpus must stay at 95 % or more, and the held-out set (never used
 * to tune the triggers) at its floor. Every answer is also checked for the redactor's secret
 * cues: a reply that reads like a question for a secret would mask the customer's next message.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAssistant, memoryDesk } from '../../server/assistant/index.js';
import { baseOf } from '../../server/assistant/requests.js';
import type { Intent, TaskIntent } from '../../server/assistant/types.js';
import { expectationFrom } from '../../src/redaction/agent.js';
import { CORPUS, HELD_OUT } from './assistant-corpus-data.js';
import type { Sample } from './assistant-corpus-data.js';

interface Score {
  right: number;
  total: number;
  misses: string[];
  /** The replies, for the cue check. */
  texts: string[];
}

function isTask(i: Intent): i is TaskIntent {
  return ![
    'greeting',
    'agent',
    'next-steps',
    'case',
    'case-status',
    'thanks',
    'goodbye',
    'needs',
    'unknown',
  ].includes(i);
}

function score(samples: readonly Sample[]): Score {
  const out: Score = { right: 0, total: samples.length, misses: [], texts: [] };
  for (const [intent, lang, text] of samples) {
    const reply = createAssistant(lang, undefined, { desk: memoryDesk() }).reply(text);
    out.texts.push(reply.text);
    // A request the assistant files ("raise my limit please" → limit-review) is its topic's
    // intent asked as a request: the topic is what the table is scored on.
    if (reply.intent === intent || (isTask(reply.intent) && baseOf(reply.intent) === intent)) out.right += 1;
    else out.misses.push(`  ${lang} "${text}": expected ${intent}, got ${reply.intent}`);
  }
  return out;
}

function report(name: string, s: Score): number {
  const accuracy = s.right / s.total;
  console.log(
    `${name}: ${s.right} / ${s.total} = ${(100 * accuracy).toFixed(1)} %${s.misses.length > 0 ? `\n${s.misses.join('\n')}` : ''}`,
  );
  return accuracy;
}

/**
 * The held-out set's floor, under what the table reached on messages it was not tuned on
 * (91.7 %): keyword triggers miss phrasings nobody wrote down.
 */
const HELD_OUT_FLOOR = 0.85;

describe('assistant: intent corpus', () => {
  it('has at least 200 messages, in both languages, for every intent it names', () => {
    assert.ok(CORPUS.length >= 200, `${CORPUS.length} messages`);
    assert.ok(HELD_OUT.length >= 50, `${HELD_OUT.length} held-out messages`);
    for (const lang of ['en', 'es'] as const) {
      assert.ok(CORPUS.filter((s) => s[1] === lang).length >= 80, `${lang} messages`);
    }
    const seen = new Set(CORPUS.map((s) => s[2]));
    assert.equal(seen.size, CORPUS.length, 'no message twice');
    for (const s of HELD_OUT) assert.ok(!seen.has(s[2]), `held-out message in the corpus: ${s[2]}`);
  });

  it('reads at least 95 % of the corpus right', () => {
    const accuracy = report('corpus', score(CORPUS));
    assert.ok(accuracy >= 0.95, `accuracy ${(100 * accuracy).toFixed(1)} %`);
  });

  it(`reads at least ${100 * HELD_OUT_FLOOR} % of the held-out messages right`, () => {
    const accuracy = report('held out', score(HELD_OUT));
    assert.ok(accuracy >= HELD_OUT_FLOOR, `accuracy ${(100 * accuracy).toFixed(1)} %`);
  });

  it('never answers with a cue for a secret', () => {
    for (const text of [...score(CORPUS).texts, ...score(HELD_OUT).texts]) {
      assert.equal(expectationFrom(text)?.secrets.size ?? 0, 0, `a cue for a secret: ${text}`);
    }
  });
});
