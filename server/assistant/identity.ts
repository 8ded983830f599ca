/**
 * The identity check's part of the record (server/verification): its latest outcome read back
 * for the board line (English, for agents) and for the customer's end summary.
 */
import type { Fact, IdentityFact, Lang } from './types.js';

/** The latest identity check's outcome, if the conversation had one. */
function latestIdentity(record: readonly Fact[]): IdentityFact | undefined {
  return record.filter((f): f is IdentityFact => f.kind === 'identity').at(-1);
}

/** For the board and the agent's summary: "Identity verified by push" or "Identity not verified". */
export function identityNote(record: readonly Fact[]): string {
  const f = latestIdentity(record);
  if (f === undefined) return '';
  return f.method === null ? 'Identity not verified' : `Identity verified by ${f.method}`;
}

/** For the customer's end summary, in their language. */
export function identityLine(lang: Lang, record: readonly Fact[]): string {
  const f = latestIdentity(record);
  if (f === undefined) return '';
  const es = lang === 'es';
  if (f.method === 'push') {
    return es
      ? 'Confirmó su identidad con la notificación en su dispositivo.'
      : 'You confirmed your identity with the prompt on your device.';
  }
  if (f.method === 'code') {
    return es
      ? 'Confirmó su identidad con un código de un solo uso.'
      : 'You confirmed your identity with a one-time code.';
  }
  return es
    ? 'No se pudo confirmar su identidad en este chat.'
    : 'Your identity could not be confirmed in this chat.';
}
