/**
 * Test support (not a test file): waits that stand for a person, where the server's limits are in
 * real time and no fake clock or event can stand in for them.
 */

/**
 * A person reads the answer and types six digits before the next code: the connection's work
 * budget (a code check costs as much as the longest message; 4,000 a second come back) is in
 * credit again by then. Codes sent faster are refused rate-limited (the strip says so: see
 * test/browser/verification.test.ts).
 */
export function atAPersonsPace(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1200));
}
