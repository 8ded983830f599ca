/**
 * What the Redis store reads back: a conversation's events (its stream, up to a seq), one
 * stored conversation, and every conversation not ended with the contact center (what an
 * instance loads when it starts or reloads).
 */
import { createHash } from 'node:crypto';
import type { ChatEvent } from '../../src/protocol.js';
import { restore } from '../model.js';
import type { CaseRecord, CenterState, Conversation, ConversationSnapshot } from '../model.js';
import type { RedisClient } from './scripts.js';

/** The stored events of a conversation, up to `upTo` (all by default). */
export async function readEvents(
  cmd: RedisClient,
  prefix: string,
  id: string,
  upTo?: number,
): Promise<ChatEvent[]> {
  const entries = await cmd.sendCommand<[string, string[]][]>([
    'XRANGE',
    `${prefix}events:${id}`,
    '-',
    upTo === undefined ? '+' : `${upTo}-0`,
  ]);
  return entries.map(([, fields]) => JSON.parse(fields[1] ?? 'null') as ChatEvent);
}

/** A stored conversation with its events (undefined if Redis does not have it). */
export async function readConversation(
  cmd: RedisClient,
  prefix: string,
  id: string,
): Promise<Conversation | undefined> {
  const [json, events] = await Promise.all([
    cmd.sendCommand<string | null>(['GET', `${prefix}conv:${id}`]),
    readEvents(cmd, prefix, id),
  ]);
  if (json === null) return undefined;
  const snap = JSON.parse(json) as ConversationSnapshot;
  return restore(snap, events.slice(0, snap.seq));
}

export interface StoredWorld {
  /** The stored center (undefined: none yet). */
  center: CenterState | undefined;
  conversations: Conversation[];
  /** Ids in `active` whose conversation expired (the caller removes them). */
  gone: string[];
  /** Complaints and closed chats kept (`cases`), and the references that expired. */
  cases: CaseRecord[];
  goneCases: string[];
}

/** Every conversation not ended and the center, as stored (the caller holds the lock). */
export async function readWorld(cmd: RedisClient, prefix: string): Promise<StoredWorld> {
  const [centerJson, ids, refs] = await Promise.all([
    cmd.sendCommand<string | null>(['GET', `${prefix}center`]),
    cmd.sendCommand<string[]>(['SMEMBERS', `${prefix}active`]),
    cmd.sendCommand<string[]>(['SMEMBERS', `${prefix}cases`]),
  ]);
  const { cases, goneCases } = await readCases(cmd, prefix, refs);
  const loaded = await Promise.all(
    ids.map(async (id) => {
      const [json, events] = await Promise.all([
        cmd.sendCommand<string | null>(['GET', `${prefix}conv:${id}`]),
        readEvents(cmd, prefix, id),
      ]);
      return { id, json, events };
    }),
  );
  const gone: string[] = [];
  const conversations: Conversation[] = [];
  for (const { id, json, events } of loaded) {
    if (json === null) {
      gone.push(id);
      continue;
    }
    const snap = JSON.parse(json) as ConversationSnapshot;
    conversations.push(restore(snap, events.slice(0, snap.seq)));
  }
  const center = centerJson
    ? withCaseKey(JSON.parse(centerJson) as CenterState & { caseOffset?: number })
    : undefined;
  return { center, conversations, gone, cases, goneCases };
}

/** The cases of `refs` still kept (in batches), and the references whose case expired. */
async function readCases(
  cmd: RedisClient,
  prefix: string,
  refs: string[],
): Promise<{ cases: CaseRecord[]; goneCases: string[] }> {
  const cases: CaseRecord[] = [];
  const goneCases: string[] = [];
  for (let i = 0; i < refs.length; i += 500) {
    const batch = refs.slice(i, i + 500);
    const jsons = await cmd.sendCommand<(string | null)[]>([
      'MGET',
      ...batch.map((ref) => `${prefix}case:${ref}`),
    ]);
    batch.forEach((ref, j) => {
      const json = jsons[j];
      if (json === null || json === undefined) goneCases.push(ref);
      else cases.push(JSON.parse(json) as CaseRecord);
    });
  }
  return { cases, goneCases };
}

/**
 * A contact center stored by a version before keyed case numbers has a `caseOffset` and no key:
 * every instance derives the same key from it, so they keep handing out one sequence.
 */
function withCaseKey(center: CenterState & { caseOffset?: number }): CenterState {
  if (typeof center.caseKey === 'string') return center;
  const { caseOffset, ...rest } = center;
  const caseKey = createHash('sha256')
    .update(`amex-chat case offset ${caseOffset ?? 0}`)
    .digest('hex');
  return { ...rest, caseKey };
}
