/**
 * Whether the panel was open, kept for the tab with the conversation it shows (`persist="session"`,
 * sessionStorage; the conversation's own entry is `amex-chat:v1:<endpoint>`, see
 * src/conversation/persistence.ts): a reload opens the panel again when the customer left it open.
 * Here, in the element's module, not in the panel's: it is read at the first render, before that
 * module loads (the panel's chunk imports nothing from the element's). Its key does not start with
 * the conversation's prefix (`amex-chat:`), which names the conversation's entry alone.
 */
const key = (endpoint: string): string => `amex-chat-open:v1:${endpoint}`;

export function wasOpen(endpoint: string): boolean {
  try {
    return sessionStorage.getItem(key(endpoint)) === '1';
  } catch {
    return false; // storage disabled (privacy settings, sandboxed iframe)
  }
}

export function keepOpen(endpoint: string, open: boolean): void {
  try {
    if (open) sessionStorage.setItem(key(endpoint), '1');
    else sessionStorage.removeItem(key(endpoint));
  } catch {
    // quota or disabled storage: the panel just opens closed after a reload
  }
}
