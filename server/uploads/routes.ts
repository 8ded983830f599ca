/**
 * The upload routes: `POST /chat/upload` (one file of a batch), `POST /chat/upload/finish`
 * (the batch is complete: the documents notice, the record) and `GET /chat/documents/{id}`
 * (an assigned agent downloads a document). The upload token and the agent's key come in
 * headers only; refusals are JSON `{error}` (src/protocol/upload.ts `UploadError`) and never
 * echo what was sent. Logs name the refusal, never a token or a file name.
 */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { DocumentInfo, UploadError } from '../../src/protocol/upload.js';
import { originAllowed, readBody } from '../connections.js';
import { customerKey } from '../model.js';
import type { Conversation } from '../model.js';
import { corsHeaders, json } from '../chat-server/respond.js';
import type { DocumentIndex, DocumentMeta } from './documents.js';
import { cleanName, removeFile, writeBody } from './files.js';
import type { UploadSettings } from './options.js';
import { readAgentKey, readUploadToken, tokenId } from './tokens.js';
import type { UploadClaim } from './tokens.js';

export interface RouteDeps {
  readonly settings: UploadSettings;
  readonly allowedOrigins: readonly string[] | undefined;
  readonly index: DocumentIndex;
  readonly key: () => Buffer;
  readonly conversation: (id: string) => Conversation | undefined;
  /** Whether the customer proved to be the conversation's (the host's token, when tokens are checked). */
  readonly customerProved: (conversation: Conversation, authorization: string | undefined) => boolean;
  /** Whether `agentId` is signed in and holds the conversation. */
  readonly assigned: (agentId: string, conversationId: string) => boolean;
  /** Deletes the documents past their maximum age (each new batch starts with it). */
  readonly sweep: () => Promise<void>;
  /** The batch is complete (its request answered): tell the conversation what arrived, if anything. */
  readonly received: (conversation: Conversation, ref: string, documents: DocumentInfo[]) => Promise<void>;
  readonly log: (entry: Record<string, unknown>) => void;
}

const STATUS: Record<UploadError, number> = {
  unauthorized: 401,
  expired: 401,
  used: 409,
  forbidden: 403,
  type: 415,
  'too-large': 413,
  'too-many': 409,
  'bad-request': 400,
  'not-found': 404,
};

const BATCH = /^[\w-]{8,64}$/;
const ALLOW_HEADERS =
  'content-type, authorization, x-upload-token, x-upload-conversation, x-upload-batch, x-upload-name';

/** A header's single value. */
function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

export function createUploadRoutes(deps: RouteDeps) {
  const { settings, index, log } = deps;

  function refuse(
    res: ServerResponse,
    error: UploadError,
    headers: Record<string, string>,
    drop = false,
  ): void {
    log({ msg: 'upload refused', reason: error });
    json(res, STATUS[error], { error }, drop ? { ...headers, connection: 'close' } : headers);
  }

  interface Ticket {
    claim: UploadClaim;
    id: string;
    batch: string;
    conversation: Conversation;
  }

  /** The token of a request, checked: ours, not expired, for the named conversation and its customer. */
  function ticket(req: IncomingMessage): Ticket | UploadError {
    const token = header(req, 'x-upload-token');
    const batch = header(req, 'x-upload-batch') ?? '';
    const claim = token === undefined ? undefined : readUploadToken(deps.key(), token);
    if (!claim || token === undefined) return 'unauthorized';
    if (claim.expiresAt <= settings.now()) return 'expired';
    if (header(req, 'x-upload-conversation') !== claim.conversationId) return 'forbidden';
    const conversation = deps.conversation(claim.conversationId);
    if (!conversation || conversation.phase === 'ended') return 'forbidden';
    if (customerKey(conversation.id, conversation.subject, conversation.account) !== claim.customer)
      return 'forbidden';
    if (!deps.customerProved(conversation, header(req, 'authorization'))) return 'forbidden';
    if (!BATCH.test(batch)) return 'bad-request';
    return { claim, id: tokenId(token), batch, conversation };
  }

  async function upload(
    req: IncomingMessage,
    res: ServerResponse,
    headers: Record<string, string>,
  ): Promise<void> {
    const t = ticket(req);
    if (typeof t === 'string') return refuse(res, t, headers, true);
    const length = Number(header(req, 'content-length') ?? Number.NaN);
    if (Number.isFinite(length) && length > settings.maxBytes) return refuse(res, 'too-large', headers, true);
    let rawName: string;
    try {
      rawName = decodeURIComponent(header(req, 'x-upload-name') ?? '');
    } catch {
      return refuse(res, 'bad-request', headers, true);
    }
    const claimed = await index.claimBatch(t.id, t.batch, t.claim.expiresAt);
    if (claimed !== 'ok') return refuse(res, 'used', headers, true);
    const batchFiles = (await index.list(t.conversation.id)).filter((d) => d.batch === t.batch);
    if (batchFiles.length === 0) await deps.sweep();
    if (batchFiles.length >= settings.maxFiles) return refuse(res, 'too-many', headers, true);
    const written = await writeBody(req, settings.dir, settings.maxBytes);
    if (written.kind === 'aborted') {
      log({ msg: 'upload aborted' });
      if (!res.headersSent && !res.destroyed) res.destroy();
      return;
    }
    if (written.kind !== 'ok') return refuse(res, written.kind, headers, true);
    const meta: DocumentMeta = {
      id: randomUUID(),
      conversationId: t.conversation.id,
      ref: t.claim.ref,
      batch: t.batch,
      name: cleanName(rawName, t.conversation.lang),
      type: written.type,
      size: written.size,
      file: written.file,
      at: settings.now(),
      state: 'pending',
    };
    // The count again, now that the file is in: two files racing for the last place.
    const now = (await index.list(t.conversation.id)).filter((d) => d.batch === t.batch);
    if (now.length >= settings.maxFiles) {
      await removeFile(settings.dir, written.file);
      return refuse(res, 'too-many', headers);
    }
    await index.put(meta);
    log({ msg: 'document uploaded', conversation: meta.conversationId, type: meta.type, bytes: meta.size });
    json(res, 201, { id: meta.id, name: meta.name, type: meta.type, size: meta.size }, headers);
  }

  async function finish(
    req: IncomingMessage,
    res: ServerResponse,
    headers: Record<string, string>,
  ): Promise<void> {
    const t = ticket(req);
    if (typeof t === 'string') return refuse(res, t, headers);
    const body = await readBody(req, 16 * 1024, 10_000);
    let ids: unknown;
    try {
      ids = body.kind === 'ok' ? (JSON.parse(body.text) as { ids?: unknown }).ids : undefined;
    } catch {
      ids = undefined;
    }
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string'))
      return refuse(res, 'bad-request', headers);
    const claimed = await index.claimBatch(t.id, t.batch, t.claim.expiresAt);
    if (claimed !== 'ok' || !(await index.spend(t.id, t.claim.expiresAt)))
      return refuse(res, 'used', headers);
    const keep = new Set(ids);
    const kept: DocumentInfo[] = [];
    for (const doc of await index.list(t.conversation.id)) {
      if (doc.batch !== t.batch || doc.state !== 'pending') continue;
      if (keep.has(doc.id)) {
        await index.put({ ...doc, state: 'received' });
        kept.push({ id: doc.id, name: doc.name, type: doc.type, size: doc.size });
      } else {
        // Cancelled by the customer after it arrived.
        await index.remove(doc.id);
        await removeFile(settings.dir, doc.file);
      }
    }
    await deps.received(t.conversation, t.claim.ref, kept);
    json(res, 200, { count: kept.length }, headers);
  }

  async function download(
    req: IncomingMessage,
    res: ServerResponse,
    id: string,
    headers: Record<string, string>,
  ): Promise<void> {
    const given = /^Bearer (\S+)$/.exec(header(req, 'authorization') ?? '')?.[1];
    const agentId = given === undefined ? undefined : readAgentKey(deps.key(), given);
    if (agentId === undefined) return refuse(res, 'unauthorized', headers);
    const doc = await index.get(id);
    if (!doc || doc.state !== 'received') return refuse(res, 'not-found', headers);
    if (!deps.assigned(agentId, doc.conversationId)) {
      log({ msg: 'document refused', agent: agentId, conversation: doc.conversationId });
      return refuse(res, 'forbidden', headers);
    }
    const stream = createReadStream(join(settings.dir, doc.file));
    stream.once('error', () => {
      if (!res.headersSent) refuse(res, 'not-found', headers);
      else res.destroy();
    });
    stream.once('open', () => {
      const ascii = doc.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
      res.writeHead(200, {
        ...headers,
        'content-type': doc.type,
        'content-length': String(doc.size),
        'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.name)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
        'access-control-expose-headers': 'content-disposition',
      });
      stream.pipe(res);
    });
    log({ msg: 'document downloaded', agent: agentId, conversation: doc.conversationId });
  }

  /** Handles the request if it is one of the upload routes; false otherwise. */
  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    const download_ = /^\/chat\/documents\/([\w-]{1,64})$/.exec(path);
    if (path !== '/chat/upload' && path !== '/chat/upload/finish' && !download_) return false;
    if (!originAllowed(req.headers.origin, deps.allowedOrigins)) {
      json(res, 403, { error: 'origin-not-allowed' });
      return true;
    }
    const headers = corsHeaders(req);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...headers,
        'access-control-allow-methods': download_ ? 'GET' : 'POST',
        'access-control-allow-headers': ALLOW_HEADERS,
      });
      res.end();
      return true;
    }
    if (download_ && req.method === 'GET') await download(req, res, download_[1] ?? '', headers);
    else if (!download_ && req.method === 'POST') {
      await (path === '/chat/upload' ? upload(req, res, headers) : finish(req, res, headers));
    } else json(res, 405, { error: 'method-not-allowed' }, headers);
    return true;
  }

  return { handle };
}
