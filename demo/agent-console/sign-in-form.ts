/** What the sign-in form asks for, read and checked before the console connects. */
import { AGENT_LANGUAGES, isTeam } from '../../src/agent-protocol.js';
import type { AgentHelloFrame, AgentLanguage, Team } from '../../src/agent-protocol.js';
import { PROTOCOL_VERSION } from '../../src/protocol.js';
import { MAX_NAME_LENGTH } from './model.js';
import type { SignInField } from './model.js';

export interface SignInRequest {
  name: string;
  team: Team;
  /** More teams whose queues the agent takes (the form's "also take" boxes), in form order. */
  teams: Team[];
  /** The languages the agent chats in, at least one, in form order. */
  languages: AgentLanguage[];
  /** At most 256 characters, as the server accepts. */
  passcode: string;
}

export interface SignInProblem {
  field: SignInField;
  message: string;
}

/** The teams an agent may also take besides their own (everyone takes general; supervisors, all). */
export const EXTRA_TEAMS: readonly Team[] = ['disputes', 'credit', 'rewards', 'travel'];

/**
 * The sign-in the form asks for, or the first problem with it, in the form's order. `override`:
 * in development mode, the server the page's address named, which is never sent the passcode.
 */
export function readSignIn(data: FormData, override: string | undefined): SignInRequest | SignInProblem {
  const name = ((data.get('name') as string | null) ?? '').trim();
  if (!name) return { field: 'name', message: 'Enter your name.' };
  if (name.length > MAX_NAME_LENGTH)
    return { field: 'name', message: `Use at most ${MAX_NAME_LENGTH} characters.` };
  const chosen = data.getAll('languages');
  const languages = AGENT_LANGUAGES.filter((lang) => chosen.includes(lang));
  if (languages.length === 0) {
    return { field: 'languages', message: 'Choose at least one language you chat in.' };
  }
  const passcode = ((data.get('passcode') as string | null) ?? '').slice(0, 256);
  if (passcode && override) {
    // Refused rather than silently dropped, so nobody wonders why it failed.
    return {
      field: 'passcode',
      message: `Development mode: the passcode goes only to this console's configured server, not to ${override}. Empty this field to sign in there without one.`,
    };
  }
  const team = data.get('team');
  const also = data.getAll('teams');
  const teams = EXTRA_TEAMS.filter((t) => also.includes(t));
  return { name, team: isTeam(team) ? team : 'general', teams, languages, passcode };
}

/** The sign-in frame for what the agent chose; `secret` only when it goes to the configured server. */
export function helloFrame(
  who: Pick<SignInRequest, 'name' | 'team' | 'teams' | 'languages'>,
  secret: string,
): AgentHelloFrame {
  return {
    type: 'agent-hello',
    v: PROTOCOL_VERSION,
    name: who.name,
    team: who.team,
    teams: who.teams,
    languages: who.languages,
    // The passcode travels only in this frame; it is kept in memory for reconnects only.
    ...(secret ? { secret } : {}),
  };
}
