/** What the customer reads when documents arrived, in English and neutral Latin-American Spanish ("usted"). */
import type { DocumentInfo } from '../../src/protocol/upload.js';

export function documentsText(lang: 'en' | 'es', documents: readonly DocumentInfo[]): string {
  const n = documents.length;
  const names = documents.map((d) => d.name).join(', ');
  if (lang === 'es') return `Usted envió ${n} ${n === 1 ? 'documento' : 'documentos'}: ${names}.`;
  return `You sent ${n} ${n === 1 ? 'document' : 'documents'}: ${names}.`;
}
