// TEMPORARY STUB written by the lead engineer so the rest of the tree can be tested while the
// real engine is written. helper-1: overwrite this file entirely with the real index.ts.
export type SensitiveKind = 'card' | 'cvv' | 'ssn' | 'otp' | 'password';
export interface Finding { kind: SensitiveKind; start: number; end: number }
declare const brand: unique symbol;
export type RedactedText = string & { readonly [brand]: true };
export interface RedactionResult { text: RedactedText; findings: Finding[] }
export interface RedactOptions { lang?: 'en' | 'es' }
function run(input: string): RedactionResult {
  const findings: Finding[] = [];
  const text = input.replace(/\b(?:\d[ -]?){13,19}\b/g, (m, offset: number) => {
    findings.push({ kind: 'card', start: offset, end: offset + m.length });
    return '•••• ' + m.replace(/\D/g, '').slice(-4);
  });
  return { text: text as RedactedText, findings };
}
export function redact(input: string, _options?: RedactOptions): RedactionResult { return run(input); }
export interface Redactor { redact(input: string): RedactionResult; preview(input: string): RedactionResult; observe(incoming: string): void }
export function createRedactor(_options?: RedactOptions): Redactor {
  return { redact: run, preview: run, observe: () => undefined };
}
export function summarize(findings: readonly Finding[]): { kinds: SensitiveKind[]; count: number } {
  return { kinds: [...new Set(findings.map((f) => f.kind))], count: findings.length };
}
