import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRedactor, redact } from '../../src/redaction/index.js';
import { CONVERSATIONS, CORPUS } from './redaction-corpus.js';
import { assertGone, assertInvariant } from './redaction-helpers.js';

const secretsOf = (s: string | string[] | undefined): string[] =>
  s === undefined ? [] : Array.isArray(s) ? s : [s];

describe('redaction corpus', () => {
  it('has at least 220 cases, each with a reason', () => {
    assert.ok(CORPUS.length >= 220, `only ${CORPUS.length} cases`);
    for (const c of CORPUS) assert.ok(c.reason.length > 0);
  });

  describe('removes secrets', () => {
    for (const c of CORPUS.filter((x) => x.expect === 'removed')) {
      it(`removes ${c.kinds?.join('+') ?? '?'}: ${c.reason} — ${JSON.stringify(c.input).slice(0, 60)}`, () => {
        const r = redact(c.input);
        assertInvariant(c.input, r);
        assert.ok(r.findings.length > 0, `nothing found in ${JSON.stringify(c.input)}`);
        assert.deepEqual([...new Set(r.findings.map((f) => f.kind))].sort(), [...(c.kinds ?? [])].sort());
        for (const s of secretsOf(c.secret)) assertGone(c.input, r, s, c.kinds ?? []);
        assert.deepEqual(redact(r.text).findings, [], 'redacting the output again finds nothing');
      });
    }
  });

  describe('passes legitimate text untouched', () => {
    for (const c of CORPUS.filter((x) => x.expect === 'unchanged')) {
      it(`passes ${c.reason} — ${JSON.stringify(c.input).slice(0, 60)}`, () => {
        const r = redact(c.input);
        assertInvariant(c.input, r);
        assert.deepEqual(r.findings, []);
        assert.equal(r.text, c.input);
      });
    }
  });

  describe('conversations with agent context', () => {
    for (const conv of CONVERSATIONS) {
      it(conv.name, () => {
        const redactor = createRedactor();
        for (const step of conv.steps) {
          if ('agent' in step) {
            redactor.observe(step.agent);
            continue;
          }
          const preview = redactor.preview(step.customer);
          const r = redactor.redact(step.customer);
          assert.deepEqual(preview, r, 'preview and redact agree');
          assertInvariant(step.customer, r);
          if (step.expect === 'unchanged') {
            assert.equal(
              r.text,
              step.customer,
              `${JSON.stringify(step.customer)} should pass, got ${JSON.stringify(r.text)}`,
            );
          } else {
            assert.ok(r.findings.length > 0, `${JSON.stringify(step.customer)} should be redacted`);
            if (step.kinds)
              assert.deepEqual([...new Set(r.findings.map((f) => f.kind))].sort(), [...step.kinds].sort());
            for (const s of secretsOf(step.secret)) assertGone(step.customer, r, s, step.kinds ?? []);
          }
        }
      });
    }
  });
});
