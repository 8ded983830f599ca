/**
 * Test support (not a test file): resume keys (protocol 1.4) as a real client keeps them. A
 * welcome that starts a conversation carries its key; `withKey` adds it to a later resume.
 */
const keys = new Map<string, string>();

/** Keeps the key of a welcome (a frame object as any test client parsed it). */
export function rememberKey(welcome: object): void {
  const { conversationId: id, resumeKey: key } = welcome as Record<string, unknown>;
  if (typeof id === 'string' && typeof key === 'string') keys.set(id, key);
}

/** A resume with the conversation's key, as the widget sends it. */
export function withKey<R extends { conversationId: string }>(resume: R): R & { key?: string } {
  const key = keys.get(resume.conversationId);
  return key === undefined ? resume : { ...resume, key };
}
