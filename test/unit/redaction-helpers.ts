/** Assertions shared by the redaction tests. */
import assert from 'node:assert/strict';
import type { RedactionResult, SensitiveKind } from '../../src/redaction/index.js';

/** Digit value of one character (any Unicode decimal digit, or an NFKC digit such as ¹), or -1. */
export function digitValue(ch: string): number {
  const n = ch.normalize('NFKC');
  if (n.length === 1 && n >= '0' && n <= '9') return n.charCodeAt(0) - 48;
  if (!/\p{Nd}/u.test(ch)) return -1;
  const cp = ch.codePointAt(0)!;
  let zero = cp;
  while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
  return (cp - zero) % 10;
}

/** The digits of a text with their UTF-16 offsets. */
export function digitsWithOffsets(text: string): { digits: string; offsets: number[] } {
  let digits = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length;) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const v = digitValue(ch);
    if (v >= 0) {
      digits += String(v);
      offsets.push(i);
    }
    i += ch.length;
  }
  return { digits, offsets };
}

export function assertInvariant(input: string, r: RedactionResult): void {
  assert.equal(r.findings.length === 0, r.text === input, 'findings empty ⇔ text unchanged');
  let last = 0;
  for (const f of r.findings) {
    if (!(f.start >= last && f.end <= input.length && f.start < f.end)) {
      assert.fail(
        `findings must be sorted, disjoint and in bounds: ${JSON.stringify(f)} after offset ${last}`,
      );
    }
    last = f.end;
  }
}

/** Digits the replacements show: output digits minus those of the untouched input pieces. */
export function replacementDigits(input: string, r: RedactionResult): number {
  let kept = 0;
  let at = 0;
  for (const f of r.findings) {
    kept += digitsWithOffsets(input.slice(at, f.start)).digits.length;
    at = f.end;
  }
  kept += digitsWithOffsets(input.slice(at)).digits.length;
  return digitsWithOffsets(r.text).digits.length - kept;
}

/**
 * Asserts the secret does not survive: every digit of it (every character, for a password)
 * lies inside a finding, except the last four digits of a card; and no card replacement
 * shows more than four digits.
 */
export function assertGone(
  input: string,
  r: RedactionResult,
  secret: string,
  kinds: readonly SensitiveKind[],
): void {
  const inFinding = (offset: number): boolean => r.findings.some((f) => f.start <= offset && offset < f.end);
  const { digits, offsets } = digitsWithOffsets(input);
  const secretDigits = digitsWithOffsets(secret).digits;
  if (secretDigits.length > 0 && secretDigits.length === secret.replace(/[\s\-.]/g, '').length) {
    const at = digits.indexOf(secretDigits);
    assert.ok(at >= 0, `test error: ${secret} not in ${JSON.stringify(input)}`);
    const keep = kinds.includes('card') && secretDigits.length >= 13 ? 4 : 0;
    for (let i = 0; i < secretDigits.length - keep; i++) {
      if (!inFinding(offsets[at + i]!))
        assert.fail(`digit ${i + 1} of ${secret} survived in ${JSON.stringify(r.text)}`);
    }
  } else {
    const at = input.indexOf(secret);
    assert.ok(at >= 0, `test error: ${secret} not in ${JSON.stringify(input)}`);
    for (let i = at; i < at + secret.length; i++) {
      if (!inFinding(i)) assert.fail(`${JSON.stringify(secret)} survived in ${JSON.stringify(r.text)}`);
    }
  }
  // Placeholders show no digits; a card mask shows at most its last four.
  const cards = r.findings.filter((f) => f.kind === 'card').length;
  assert.ok(replacementDigits(input, r) <= 4 * cards, `replacements show more than the last four`);
}
