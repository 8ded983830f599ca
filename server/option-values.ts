/**
 * Parsers of option values as they come from the environment or the command line (strings), with
 * the option's name in the error: shared by the server's options and the external bot's, so
 * neither imports the other's module.
 */
import type { Rate } from './limits.js';

/** A whole number ≥ `min`, or undefined when empty. */
export function wholeNumber(name: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}`);
  return n;
}

/** `BURST,PER_SECOND`, both positive, or undefined when empty. */
export function rate(name: string, value: string | undefined): Rate | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const [burst, perSecond] = value.split(',').map(Number);
  if (!burst || !perSecond || burst < 1 || perSecond <= 0 || !Number.isFinite(burst + perSecond)) {
    throw new Error(`${name} must be BURST,PER_SECOND (for example 200,100)`);
  }
  return { burst, perSecond };
}
