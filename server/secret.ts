/**
 * The agent console's shared secret: where it comes from and how it is compared.
 *
 * The secret travels only in the `agent-hello` frame (never a URL, header or log). Both sides
 * are hashed first, so `timingSafeEqual` compares equal lengths and the time taken says
 * nothing about the secret, not even its length.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Whether `given` is the `expected` secret, in time independent of both. */
export function secretMatches(expected: string, given: string | undefined): boolean {
  // Always compare (against a dummy when nothing was sent): the refusal takes as long either way.
  const same = timingSafeEqual(digest(expected), digest(given ?? ''));
  return same && given !== undefined;
}

/** Shortest secret the server accepts: a guessable one is worse than none, which at least warns. */
export const MIN_SECRET_LENGTH = 16;

/**
 * Reads a secret from a file (Docker and Kubernetes secrets): its content without the trailing
 * newline. Throws with a message that names the file, never the content.
 */
export function readSecretFile(path: string): string {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`cannot read the agent secret file ${path}`);
  }
  return content.replace(/\r?\n$/, '');
}

/** Why `secret` is not acceptable, or undefined when it is. */
export function secretProblem(secret: string): string | undefined {
  if (secret.length < MIN_SECRET_LENGTH) {
    return `the agent secret must be at least ${MIN_SECRET_LENGTH} characters`;
  }
  // The console's passcode field (and agent-hello.secret) takes at most 256 characters.
  if (secret.length > 256) return 'the agent secret must be at most 256 characters';
  return undefined;
}
