/**
 * A random identifier for messages, connections and tabs: `crypto.randomUUID()` where the page
 * is a secure context, otherwise 16 bytes from `crypto.getRandomValues` as hex (available on
 * plain http too). Both match `[\w-]{8,64}`, the form the server accepts for a connection id.
 */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
