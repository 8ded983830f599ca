/**
 * What the Redis store sends to Redis to write: the lock and commit scripts, and the commit's
 * arguments and feed entry built from a transaction's changes. Each script takes the key
 * prefix as ARGV[1] and no KEYS (one Redis, see docs/deploy.md); the key layout is in
 * server/redis-store.ts.
 */
import type { createClient } from 'redis';
import type { ChatEvent } from '../../src/protocol.js';
import { snapshot } from '../model.js';
import type { CaseRecord, CenterState, ConversationSnapshot, Effect } from '../model.js';
import type { Changes } from '../transaction.js';

export type RedisClient = ReturnType<typeof createClient>;

/** One stored transaction as peers read it from the feed: what changed, and its frames. */
export interface FeedEntry {
  v: number;
  from: string;
  center: CenterState;
  conversations: ConversationSnapshot[];
  events: [string, ChatEvent][];
  /** Complaints filed and chats' cases closed (absent from entries of earlier versions). */
  cases?: CaseRecord[];
  effects: Effect[];
}

/** The feed keeps about this many transactions (peers that fall further behind reload). */
const FEED_MAXLEN = 20_000;

/** SET the lock if free; then the current version. KEYS: none (one Redis, see docs/deploy.md). */
export const ACQUIRE = `
local p = ARGV[1]
if redis.call('SET', p .. 'lock', ARGV[2], 'NX', 'PX', ARGV[3]) then
  return tonumber(redis.call('GET', p .. 'version') or '0')
end
return false`;

/** Lets go of the lock if it is still ours; the current version. */
export const RELEASE = `
local p = ARGV[1]
if redis.call('GET', p .. 'lock') == ARGV[2] then redis.call('DEL', p .. 'lock') end
return tonumber(redis.call('GET', p .. 'version') or '0')`;

/**
 * Stores one transaction (see server/redis-store.ts). ARGV: prefix, token, version, retention ms,
 * feed maxlen, center, n, n × (id, snapshot, ended), m, m × (id, seq, event), k, k × (ref, case),
 * feed entry. A case (`case:{ref}`, listed in the set `cases`) is kept for the retention.
 */
export const COMMIT = `
local p = ARGV[1]
if redis.call('GET', p .. 'lock') ~= ARGV[2] then return redis.error_reply('LOCKLOST lock expired') end
local v = tonumber(redis.call('GET', p .. 'version') or '0')
if v ~= tonumber(ARGV[3]) then return redis.error_reply('VERSION changed under the lock') end
local retention = tonumber(ARGV[4])
local i = 7
local n = tonumber(ARGV[i]); i = i + 1
local ended = {}
for k = 1, n do
  local id = ARGV[i]
  redis.call('SET', p .. 'conv:' .. id, ARGV[i + 1])
  ended[id] = ARGV[i + 2] == '1'
  if ended[id] then redis.call('SREM', p .. 'active', id) else redis.call('SADD', p .. 'active', id) end
  i = i + 3
end
local m = tonumber(ARGV[i]); i = i + 1
for k = 1, m do
  redis.call('XADD', p .. 'events:' .. ARGV[i], ARGV[i + 1] .. '-0', 'e', ARGV[i + 2])
  i = i + 3
end
local k = tonumber(ARGV[i]); i = i + 1
for c = 1, k do
  redis.call('SET', p .. 'case:' .. ARGV[i], ARGV[i + 1], 'PX', retention)
  redis.call('SADD', p .. 'cases', ARGV[i])
  i = i + 2
end
for id, isEnded in pairs(ended) do
  if isEnded then
    redis.call('PEXPIRE', p .. 'conv:' .. id, retention)
    redis.call('PEXPIRE', p .. 'events:' .. id, retention)
  else
    redis.call('PERSIST', p .. 'conv:' .. id)
    redis.call('PERSIST', p .. 'events:' .. id)
  end
end
redis.call('SET', p .. 'center', ARGV[6])
v = v + 1
redis.call('SET', p .. 'version', v)
redis.call('XADD', p .. 'feed', 'MAXLEN', '~', ARGV[5], v .. '-0', 'd', ARGV[i])
redis.call('DEL', p .. 'lock')
return v`;

/** What stores a transaction: the COMMIT command for `changes` as version `version + 1`. */
export function commitCommand(
  prefix: string,
  token: string,
  version: number,
  retentionMs: number,
  instance: string,
  center: CenterState,
  changes: Changes,
): string[] {
  const snapshots = [...changes.touched].map(snapshot);
  const effects: Effect[] = [];
  for (const step of changes.steps) if ('effect' in step) effects.push(step.effect);
  const entry: FeedEntry = {
    v: version + 1,
    from: instance,
    center,
    conversations: snapshots,
    events: changes.events.map(({ conversationId, event }) => [conversationId, event]),
    effects,
  };
  if (changes.cases.length > 0) entry.cases = changes.cases;
  const args: string[] = [
    'EVAL',
    COMMIT,
    '0',
    prefix,
    token,
    String(version),
    String(retentionMs),
    String(FEED_MAXLEN),
    JSON.stringify(center),
    String(snapshots.length),
  ];
  for (const s of snapshots) args.push(s.id, JSON.stringify(s), s.phase === 'ended' ? '1' : '0');
  args.push(String(changes.events.length));
  for (const { conversationId, event } of changes.events) {
    args.push(conversationId, String(event.seq), JSON.stringify(event));
  }
  args.push(String(changes.cases.length));
  for (const c of changes.cases) args.push(c.ref, JSON.stringify(c));
  args.push(JSON.stringify(entry));
  return args;
}
