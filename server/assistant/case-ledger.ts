/**
 * Where the world's cases are, for the assistant's desk (desk.ts): the transaction module
 * (server/transaction.ts) provides it when it loads, so that the assistant, which the model
 * creates, never imports the transaction or the model (no import cycle).
 */
import type { CaseRecord } from './types.js';

/** The cases of the world the running transaction changes. */
export interface CaseLedger {
  /** The next reference number of the contact center's one sequence (and takes it). */
  nextRef(): string;
  get(ref: string): CaseRecord | undefined;
  /** Keeps the case in the world; the transaction stores it. */
  file(record: CaseRecord): void;
}

let provider: (() => CaseLedger) | undefined;

/** Called once by server/transaction.ts: how to reach the running transaction's cases. */
export function provideCaseLedger(get: () => CaseLedger): void {
  provider = get;
}

/** The running transaction's cases (throws outside a transaction, as `tx()` does). */
export function caseLedger(): CaseLedger {
  if (!provider) throw new Error('no case ledger: server/transaction.ts provides it');
  return provider();
}
