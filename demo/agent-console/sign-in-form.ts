/** What the sign-in form asks for, read and checked before the console connects. */
import { isTeam } from '../../src/agent-protocol.js';
import type { Team } from '../../src/agent-protocol.js';
import { MAX_NAME_LENGTH } from './model.js';
import type { SignInField } from './model.js';

export interface SignInRequest {
  name: string;
  team: Team;
  /** At most 256 characters, as the server accepts. */
  passcode: string;
}

export interface SignInProblem {
  field: SignInField;
  message: string;
}

/**
 * The sign-in the form asks for, or the first problem with it. `override`: in development mode,
 * the server the page's address named, which is never sent the passcode.
 */
export function readSignIn(data: FormData, override: string | undefined): SignInRequest | SignInProblem {
  const name = ((data.get('name') as string | null) ?? '').trim();
  if (!name) return { field: 'name', message: 'Enter your name.' };
  if (name.length > MAX_NAME_LENGTH)
    return { field: 'name', message: `Use at most ${MAX_NAME_LENGTH} characters.` };
  const passcode = ((data.get('passcode') as string | null) ?? '').slice(0, 256);
  if (passcode && override) {
    // Refused rather than silently dropped, so nobody wonders why it failed.
    return {
      field: 'passcode',
      message: `Development mode: the passcode goes only to this console's configured server, not to ${override}. Empty this field to sign in there without one.`,
    };
  }
  const team = data.get('team');
  return { name, team: isTeam(team) ? team : 'general', passcode };
}
