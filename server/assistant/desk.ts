/**
 * Where the assistant files complaints and looks reference numbers up. `worldDesk` works on the
 * world of the transaction running (server/transaction.ts, through case-ledger.ts): a reference number comes from the
 * contact center's one sequence of case numbers (so complaints and chats never share one), the
 * case goes into `world.cases` and the transaction stores it (memory, or Redis for every
 * instance). A lookup answers only for the customer the case was filed under; for anyone else
 * it finds nothing, exactly as for a number that does not exist.
 */
import { caseNumberAt, randomCaseKey } from '../case-number.js';
import { caseLedger } from './case-ledger.js';
import type { CaseDesk, CaseRecord, FiledCase, Lang } from './types.js';

function filed(c: CaseRecord): FiledCase {
  return { ref: c.ref, kind: c.kind, lang: c.lang, text: c.text, at: c.at };
}

/** The desk of the world the running transaction changes (throws outside a transaction). */
export const worldDesk: CaseDesk = {
  fileComplaint(customer: string, conversationId: string, lang: Lang, about: string): string {
    const ledger = caseLedger();
    const ref = ledger.nextRef();
    const record: CaseRecord = {
      ref,
      kind: 'complaint',
      customer,
      conversationId,
      lang,
      text: about,
      at: Date.now(),
    };
    ledger.file(record);
    return ref;
  },
  closeChat(customer: string, conversationId: string, lang: Lang, ref: string, summary: string): void {
    const record: CaseRecord = {
      ref,
      kind: 'chat',
      customer,
      conversationId,
      lang,
      text: summary,
      at: Date.now(),
    };
    caseLedger().file(record);
  },
  find(customer: string, ref: string): FiledCase | undefined {
    const c = caseLedger().get(ref);
    return c !== undefined && c.customer === customer ? filed(c) : undefined;
  },
};

/** A desk of its own, in memory (an assistant used outside the server, e.g. in its unit tests). */
export function memoryDesk(): CaseDesk {
  const cases = new Map<string, CaseRecord>();
  const key = randomCaseKey();
  let n = 0;
  return {
    fileComplaint(customer, conversationId, lang, about) {
      const ref = caseNumberAt(n, key);
      n += 1;
      cases.set(ref, { ref, kind: 'complaint', customer, conversationId, lang, text: about, at: Date.now() });
      return ref;
    },
    closeChat(customer, conversationId, lang, ref, summary) {
      cases.set(ref, { ref, kind: 'chat', customer, conversationId, lang, text: summary, at: Date.now() });
    },
    find(customer, ref) {
      const c = cases.get(ref);
      return c !== undefined && c.customer === customer ? filed(c) : undefined;
    },
  };
}
