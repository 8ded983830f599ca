/**
 * What the logs say about an unexpected exception: its class and where it was thrown, never
 * its message (which can quote what a client sent) and never anything a client sees.
 */
export function describeError(error: unknown): { error: string; at?: string } {
  if (!(error instanceof Error)) return { error: typeof error };
  const at = error.stack
    ?.split('\n')
    .find((line) => line.trimStart().startsWith('at '))
    ?.trim()
    .slice(3);
  return at === undefined ? { error: error.name } : { error: error.name, at };
}

/** The only text a client gets about a failure on our side. */
export const INTERNAL_ERROR_TEXT = 'Something went wrong on our side. Please try again.';
