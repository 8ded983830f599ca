/**
 * False positives of the redaction engine on realistic BENIGN customer-care chats: the share of
 * conversations in which every customer message leaves exactly as typed. The conversations come
 * from ./benign-conversations.ts (written from how cardmembers write, not from the engine); each
 * runs through a fresh redactor with a fake clock that moves 20-90 s before each customer message.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createRedactor } from '../../src/redaction/index.js';
import { benignConversation, type BenignConversation } from './benign-conversations.js';

const MIN_UNCHANGED = 0.97;
const FIXED_RUNS = 2000;
/** 1,000, not 300: a sample of 300 ranged 97.0–99.7 % unchanged, too close to the goal. */
const RANDOM_RUNS = 1000;
const EXAMPLES = 15;

type Options = NonNullable<Parameters<typeof createRedactor>[0]> & { now: () => number };

interface Change {
  intent: string;
  lang: string;
  input: string;
  output: string;
}

/** Runs one conversation; returns the customer messages the engine changed. */
function changesIn(conv: BenignConversation, seed: number): Change[] {
  let clock = Date.UTC(2026, 0, 5, 14, 0, 0);
  // The clock's steps come from the conversation's own seed, so a run is reproducible.
  let state = seed >>> 0 || 1;
  const step = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return 20_000 + (state % 70_001);
  };
  const options: Options = { lang: conv.lang, now: () => clock };
  const redactor = createRedactor(options);
  const changes: Change[] = [];
  for (const s of conv.steps) {
    if ('agent' in s) {
      redactor.observe(s.agent);
      continue;
    }
    clock += step();
    const out = redactor.redact(s.customer).text;
    if (out !== s.customer)
      changes.push({ intent: conv.intent, lang: conv.lang, input: s.customer, output: out });
  }
  return changes;
}

interface Tally {
  total: number;
  unchanged: number;
  messages: number;
  changedMessages: number;
  byIntent: Map<string, { total: number; unchanged: number }>;
  byLang: Map<string, { total: number; unchanged: number }>;
  examples: Change[];
}

function tally(convs: readonly BenignConversation[]): Tally {
  const t: Tally = {
    total: 0,
    unchanged: 0,
    messages: 0,
    changedMessages: 0,
    byIntent: new Map(),
    byLang: new Map(),
    examples: [],
  };
  convs.forEach((conv, i) => {
    const changes = changesIn(conv, i + 1);
    const same = changes.length === 0;
    t.total++;
    if (same) t.unchanged++;
    t.messages += conv.steps.filter((s) => 'customer' in s).length;
    t.changedMessages += changes.length;
    for (const [map, key] of [
      [t.byIntent, conv.intent],
      [t.byLang, conv.lang],
    ] as const) {
      const row = map.get(key) ?? { total: 0, unchanged: 0 };
      row.total++;
      if (same) row.unchanged++;
      map.set(key, row);
    }
    // One example per conversation, so the examples show different cases.
    if (changes[0] !== undefined && t.examples.length < EXAMPLES) t.examples.push(changes[0]);
  });
  return t;
}

const pct = (n: number, d: number): string => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`;

function report(title: string, t: Tally): string {
  const lines = [
    `${title}: ${t.unchanged}/${t.total} conversations unchanged (${pct(t.unchanged, t.total)}); ` +
      `${t.changedMessages}/${t.messages} customer messages changed (${pct(t.changedMessages, t.messages)})`,
    '  by language:',
  ];
  for (const [k, v] of [...t.byLang].sort())
    lines.push(
      `    ${k.padEnd(18)} ${`${v.unchanged}/${v.total}`.padStart(9)}  ${pct(v.unchanged, v.total)}`,
    );
  lines.push('  by intent:');
  for (const [k, v] of [...t.byIntent].sort((a, b) => b[1].total - a[1].total))
    lines.push(
      `    ${k.padEnd(18)} ${`${v.unchanged}/${v.total}`.padStart(9)}  ${pct(v.unchanged, v.total)}`,
    );
  if (t.examples.length > 0) {
    lines.push(`  changed messages (first ${t.examples.length}):`);
    for (const e of t.examples)
      lines.push(
        `    [${e.lang} ${e.intent}] ${JSON.stringify(e.input)}\n      → ${JSON.stringify(e.output)}`,
      );
  }
  return lines.join('\n');
}

describe('redaction on benign customer-care conversations', () => {
  it(`leaves ≥ ${MIN_UNCHANGED * 100} % of ${FIXED_RUNS} conversations unchanged (seed 42)`, () => {
    const convs = fc.sample(benignConversation, { numRuns: FIXED_RUNS, seed: 42 });
    const t = tally(convs);
    console.log(report(`benign conversations, seed 42`, t));
    assert.ok(
      t.unchanged / t.total >= MIN_UNCHANGED,
      `only ${pct(t.unchanged, t.total)} of benign conversations unchanged (goal ≥ ${MIN_UNCHANGED * 100} %)`,
    );
  });

  it(`leaves ≥ ${MIN_UNCHANGED * 100} % unchanged over ${RANDOM_RUNS} conversations of a random seed`, () => {
    const seed = Date.now() ^ (Math.random() * 0x7fffffff);
    const convs: BenignConversation[] = [];
    // A property over the whole sample: the figure is a rate, not a per-conversation rule.
    fc.assert(
      fc.property(benignConversation, (conv) => {
        convs.push(conv);
      }),
      { numRuns: RANDOM_RUNS, seed },
    );
    const t = tally(convs);
    console.log(report(`benign conversations, seed ${seed}`, t));
    assert.ok(
      t.unchanged / t.total >= MIN_UNCHANGED,
      `seed ${seed}: only ${pct(t.unchanged, t.total)} unchanged (goal ≥ ${MIN_UNCHANGED * 100} %)`,
    );
  });

  it('generates what it promises: both languages, every intent, 2-14 customer messages, values', () => {
    const convs = fc.sample(benignConversation, { numRuns: FIXED_RUNS, seed: 42 });
    const es = convs.filter((c) => c.lang === 'es').length / convs.length;
    assert.ok(es > 0.18 && es < 0.32, `Spanish share ${es}`);
    assert.equal(new Set(convs.map((c) => c.intent)).size, 16);
    for (const c of convs) {
      const n = c.steps.filter((s) => 'customer' in s).length;
      assert.ok(n >= 2 && n <= 14, `${n} customer messages`);
    }
    const text = convs
      .flatMap((c) => c.steps.flatMap((s) => ('customer' in s ? [s.customer] : [])))
      .join('\n');
    // No secret by construction; a rough independent look for the two shapes that matter most.
    const luhn = (d: string): boolean => {
      let sum = 0;
      for (let i = 0; i < d.length; i++) {
        const n = Number(d[d.length - 1 - i]) * (i % 2 === 1 ? 2 : 1);
        sum += n > 9 ? n - 9 : n;
      }
      return sum % 10 === 0;
    };
    for (const run of text.match(/\d(?:[ -]?\d){12,18}/g) ?? []) {
      const d = run.replace(/\D/g, '');
      assert.ok(!(/^(3[47]|4|5[1-5]|6011)/.test(d) && luhn(d) && !/\d{20}/.test(d)), `card-like: ${run}`);
    }
    assert.doesNotMatch(text, /\b\d{3}-\d{2}-\d{4}\b/);
    for (const re of [
      /\$\d{1,3}(,\d{3})*\.\d\d/,
      /\b\d{1,2}\/\d{1,2}\b/,
      /\(\d{3}\) \d{3}-\d{4}/,
      /AMX-/i,
      /\d[\d,]* points/,
      /1Z/,
    ]) {
      assert.match(text, re);
    }
  });
});
