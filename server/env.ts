/**
 * The hardening settings of the reference server from the environment, for `server/main.ts`
 * and `npm start` (scripts/start.ts): see docs/server-hardening.md.
 *
 * | variable                            | option                     |
 * | ----------------------------------- | -------------------------- |
 * | `CHAT_ALLOWED_ORIGINS` (a,b,…)      | `allowedOrigins`           |
 * | `CHAT_AGENT_SECRET`                 | `agentSecret`              |
 * | `CHAT_AGENT_SECRET_FILE` (path)     | `agentSecret` (from file)  |
 * | `CHAT_TRUST_PROXY` (hops)           | `trustProxy`               |
 * | `CHAT_MAX_CONNECTIONS_PER_IP`       | `maxConnectionsPerIp`      |
 * | `CHAT_MAX_AGENT_CONNECTIONS_PER_IP` | `maxAgentConnectionsPerIp` |
 * | `CHAT_IP_RATE_LIMIT` (BURST,PER_S)  | `ipRateLimit`              |
 * | `CHAT_WORK_BUDGET` (CHARS,PER_S)    | `workBudget`               |
 * | `CHAT_IP_WORK_BUDGET` (CHARS,PER_S) | `ipWorkBudget`             |
 *
 * Invalid values throw an Error whose message names the variable (never a secret's value).
 */
import type { ChatServerOptions } from './chat-server.js';
import { rate, wholeNumber } from './option-values.js';
import { readSecretFile, secretProblem } from './secret.js';

export { rate, wholeNumber } from './option-values.js';

export type HardeningOptions = Pick<
  ChatServerOptions,
  | 'allowedOrigins'
  | 'agentSecret'
  | 'trustProxy'
  | 'maxConnectionsPerIp'
  | 'maxAgentConnectionsPerIp'
  | 'ipRateLimit'
  | 'workBudget'
  | 'ipWorkBudget'
>;

/** The agent secret from a value or a file (not both); checked for length. */
export function agentSecret(value: string | undefined, file: string | undefined): string | undefined {
  if (value && file) throw new Error('set CHAT_AGENT_SECRET or an agent secret file, not both');
  const secret = file ? readSecretFile(file) : value || undefined;
  if (secret === undefined) return undefined;
  const problem = secretProblem(secret);
  if (problem) throw new Error(problem);
  return secret;
}

export function hardeningFromEnv(env: NodeJS.ProcessEnv = process.env): HardeningOptions {
  const options: HardeningOptions = {};
  const origins = env['CHAT_ALLOWED_ORIGINS'];
  if (origins)
    options.allowedOrigins = origins
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
  const secret = agentSecret(env['CHAT_AGENT_SECRET'], env['CHAT_AGENT_SECRET_FILE']);
  if (secret !== undefined) options.agentSecret = secret;
  const trustProxy = wholeNumber('CHAT_TRUST_PROXY', env['CHAT_TRUST_PROXY']);
  if (trustProxy !== undefined) options.trustProxy = trustProxy;
  const max = wholeNumber('CHAT_MAX_CONNECTIONS_PER_IP', env['CHAT_MAX_CONNECTIONS_PER_IP'], 1);
  if (max !== undefined) options.maxConnectionsPerIp = max;
  const agents = wholeNumber(
    'CHAT_MAX_AGENT_CONNECTIONS_PER_IP',
    env['CHAT_MAX_AGENT_CONNECTIONS_PER_IP'],
    1,
  );
  if (agents !== undefined) options.maxAgentConnectionsPerIp = agents;
  const ipRate = rate('CHAT_IP_RATE_LIMIT', env['CHAT_IP_RATE_LIMIT']);
  if (ipRate !== undefined) options.ipRateLimit = ipRate;
  const workBudget = rate('CHAT_WORK_BUDGET', env['CHAT_WORK_BUDGET']);
  if (workBudget !== undefined) options.workBudget = workBudget;
  const ipWork = rate('CHAT_IP_WORK_BUDGET', env['CHAT_IP_WORK_BUDGET']);
  if (ipWork !== undefined) options.ipWorkBudget = ipWork;
  return options;
}

/** The line `npm start` and `server/main.ts` print when the agent console needs no secret. */
export const UNPROTECTED_CONSOLE_WARNING =
  'WARNING: the agent console is unprotected (anyone who can reach /agent can sign in). ' +
  'Set CHAT_AGENT_SECRET (16–256 characters) to require a shared secret.';
