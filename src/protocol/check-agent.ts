/**
 * The check of an agent console's frames (src/agent-protocol.ts), with the same field checks
 * and errors as the customer's (check.ts); the reference server answers its error as
 * `bad-frame`. An agent-hello keeps the console's shared secret, which the server compares.
 */
import { AGENT_LANGUAGES, isAgentLanguage } from '../agent-protocol.js';
import type { AgentClientFrame, AgentLanguage } from '../agent-protocol.js';
import { TEAMS, isTeam } from './frames.js';
import type { Team } from './frames.js';
import { FIELD_LIMITS, FieldError, field, flag, run, team, text } from './check.js';
import type { Checked, Data } from './check.js';

/** An agent-hello, with the console's shared secret if it sent one. */
export type AgentHello = Extract<AgentClientFrame, { type: 'agent-hello' }> & { secret?: string };
export type CheckedAgentFrame = Exclude<AgentClientFrame, { type: 'agent-hello' }> | AgentHello;

/**
 * An optional list of distinct codes from `known` (`what` names one in errors): `undefined` when
 * absent. An unknown code is refused by its place in the list (errors never quote the client).
 */
function codes<T extends string>(
  data: Data,
  name: string,
  known: readonly T[],
  is: (value: unknown) => value is T,
  what: string,
): T[] | undefined {
  const value = field(data, name);
  if (value === undefined) return undefined;
  const where = `agent-hello.${name}`;
  if (!Array.isArray(value)) throw new FieldError(`${where} must be a list of ${what} codes.`);
  const out: T[] = [];
  for (const [i, item] of (value as unknown[]).entries()) {
    if (!is(item)) throw new FieldError(`${where}[${i}] is not a known ${what}; use ${known.join(', ')}.`);
    if (out.includes(item)) throw new FieldError(`${where}[${i}] repeats an earlier ${what}.`);
    out.push(item);
  }
  return out;
}

/** Checks an agent console frame (src/agent-protocol.ts). */
export function checkAgentFrame(data: Data & { type: string }): Checked<CheckedAgentFrame> {
  const conversationId = (frame: string): string =>
    text(data, frame, 'conversationId', 1, FIELD_LIMITS.id, false) ?? '';
  return run<CheckedAgentFrame>(data, () => {
    switch (data.type) {
      case 'agent-hello': {
        const v = text(data, 'agent-hello', 'v', 1, FIELD_LIMITS.version, false) ?? '';
        const name = (text(data, 'agent-hello', 'name', 1, FIELD_LIMITS.agentName, false) ?? '').trim();
        if (name === '') throw new FieldError('agent-hello.name must not be blank.');
        const frame: AgentHello = { type: 'agent-hello', v, name, team: team(data, 'agent-hello') };
        const teams = codes<Team>(data, 'teams', TEAMS, isTeam, 'team');
        if (teams !== undefined) frame.teams = teams;
        const languages = codes<AgentLanguage>(
          data,
          'languages',
          AGENT_LANGUAGES,
          isAgentLanguage,
          'language',
        );
        if (languages?.length === 0) {
          throw new FieldError(
            `agent-hello.languages must name at least one of ${AGENT_LANGUAGES.join(', ')}.`,
          );
        }
        if (languages !== undefined) frame.languages = languages;
        const secret = text(data, 'agent-hello', 'secret', 0, FIELD_LIMITS.secret, true);
        if (secret !== undefined) frame.secret = secret;
        return frame;
      }
      case 'accept':
        return { type: 'accept', conversationId: conversationId('accept') };
      case 'say': {
        const id = conversationId('say');
        const messageId = text(data, 'say', 'id', 1, FIELD_LIMITS.id, false) ?? '';
        const body = text(data, 'say', 'text', 0, Number.MAX_SAFE_INTEGER, false) ?? '';
        return { type: 'say', conversationId: id, id: messageId, text: body };
      }
      case 'typing':
        return {
          type: 'typing',
          conversationId: conversationId('typing'),
          active: flag(data, 'typing', 'active'),
        };
      case 'transfer': {
        const id = conversationId('transfer');
        const to = team(data, 'transfer');
        // Its length is checked by the server, which says so (`too-long`) instead of a bad frame.
        const note = text(data, 'transfer', 'note', 0, Number.MAX_SAFE_INTEGER, true);
        return { type: 'transfer', conversationId: id, team: to, ...(note === undefined ? {} : { note }) };
      }
      case 'end': {
        const id = conversationId('end');
        const summary = text(data, 'end', 'summary', 0, Number.MAX_SAFE_INTEGER, false) ?? '';
        return { type: 'end', conversationId: id, summary };
      }
      case 'simulate':
        return { type: 'simulate', enabled: flag(data, 'simulate', 'enabled') };
      case 'verify':
        return { type: 'verify', conversationId: conversationId('verify') };
      case 'request-upload': {
        const id = conversationId('request-upload');
        // Its length is checked by the server, which says so (`too-long`).
        const body = text(data, 'request-upload', 'text', 0, Number.MAX_SAFE_INTEGER, false) ?? '';
        return { type: 'request-upload', conversationId: id, text: body };
      }
      case 'ping':
        return { type: 'ping' };
      default:
        throw new FieldError('type is not a known frame type.');
    }
  });
}
