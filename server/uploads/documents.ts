/**
 * Where the reference server keeps what it knows of uploaded documents (their files are in the
 * upload directory, files.ts): each document's metadata, the batch each upload token was spent
 * on, and the shared key tokens are signed with. Two implementations behind one interface, like
 * the conversation store: in memory (one process), or in Redis shared by every instance.
 *
 * Redis keys (under the store's prefix): `upload-key` (the signing key, made once by whichever
 * instance starts first), `doc:{id}` (one document's metadata, JSON), `docs:{conversation}` (a
 * set of its document ids), `docs:by-time` (every document's id and file, `{id}/{file}`, by the
 * time it arrived, for the sweep: its file is found even once its metadata expired),
 * `upload-batch:{token id}` (the batch a token is bound to, then `spent`) and
 * `upload-open:{conversation}` (the request not answered yet, shown again on reconnect, until it
 * expires). Metadata expires with the conversation's retention.
 */
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import type { UploadType } from '../../src/protocol/upload.js';

/** One document: where its file is, whose it is, what it is. Never its content. */
export interface DocumentMeta {
  id: string;
  conversationId: string;
  /** The upload request it answered and the batch it came in. */
  ref: string;
  batch: string;
  /** Redacted and cleaned (files.ts). */
  name: string;
  type: UploadType;
  size: number;
  /** The random name of its file in the upload directory. */
  file: string;
  /** When it arrived (ms since the epoch). */
  at: number;
  /** `pending` until its batch is finished (a file the customer cancelled is then deleted). */
  state: 'pending' | 'received';
}

/** What binding a token to a batch answered: bound now or before, or spent, or another batch's. */
export type BatchClaim = 'ok' | 'spent' | 'other';

export interface DocumentIndex {
  readonly kind: 'memory' | 'redis';
  /** The key upload tokens and agents' document keys are signed with (shared by instances). */
  start(): Promise<Buffer>;
  /** Binds the token `tokenId` to `batch` (the first batch it is used for), until `expiresAt`. */
  claimBatch(tokenId: string, batch: string, expiresAt: number): Promise<BatchClaim>;
  /** The token's batch is finished: the token takes nothing more. False if it already was. */
  spend(tokenId: string, expiresAt: number): Promise<boolean>;
  put(meta: DocumentMeta): Promise<void>;
  get(id: string): Promise<DocumentMeta | undefined>;
  list(conversationId: string): Promise<DocumentMeta[]>;
  remove(id: string): Promise<void>;
  /** Forgets a swept document, even one whose metadata expired (Redis). */
  forget(id: string, file: string): Promise<void>;
  /** Documents (id and file) that arrived before `before` (ms since the epoch). */
  olderThan(before: number): Promise<{ id: string; file: string }[]>;
  /** The request a conversation's customer has not answered yet, kept until it expires. */
  setOpen(conversationId: string, request: OpenRequest): Promise<void>;
  open(conversationId: string): Promise<OpenRequest | undefined>;
  /** The request `ref` was answered: it is no longer shown again. */
  closeOpen(conversationId: string, ref: string): Promise<void>;
  close(): Promise<void>;
}

/** An agent's request as it is shown again to a customer who reconnects (no token: it is signed anew). */
export interface OpenRequest {
  ref: string;
  text: string;
  expiresAt: number;
  maxFiles: number;
  maxBytes: number;
}

export class MemoryDocuments implements DocumentIndex {
  readonly kind = 'memory';
  readonly #docs = new Map<string, DocumentMeta>();
  readonly #batches = new Map<string, string>();
  readonly #open = new Map<string, OpenRequest>();

  start(): Promise<Buffer> {
    return Promise.resolve(randomBytes(32));
  }

  claimBatch(tokenId: string, batch: string): Promise<BatchClaim> {
    const bound = this.#batches.get(tokenId);
    if (bound === undefined) this.#batches.set(tokenId, batch);
    return Promise.resolve(
      bound === undefined || bound === batch ? 'ok' : bound === SPENT ? 'spent' : 'other',
    );
  }

  spend(tokenId: string): Promise<boolean> {
    const was = this.#batches.get(tokenId);
    this.#batches.set(tokenId, SPENT);
    return Promise.resolve(was !== SPENT);
  }

  put(meta: DocumentMeta): Promise<void> {
    this.#docs.set(meta.id, { ...meta });
    return Promise.resolve();
  }

  get(id: string): Promise<DocumentMeta | undefined> {
    const meta = this.#docs.get(id);
    return Promise.resolve(meta && { ...meta });
  }

  list(conversationId: string): Promise<DocumentMeta[]> {
    return Promise.resolve(
      [...this.#docs.values()].filter((d) => d.conversationId === conversationId).map((d) => ({ ...d })),
    );
  }

  remove(id: string): Promise<void> {
    this.#docs.delete(id);
    return Promise.resolve();
  }

  forget(id: string): Promise<void> {
    return this.remove(id);
  }

  olderThan(before: number): Promise<{ id: string; file: string }[]> {
    return Promise.resolve(
      [...this.#docs.values()].filter((d) => d.at < before).map((d) => ({ id: d.id, file: d.file })),
    );
  }

  setOpen(conversationId: string, request: OpenRequest): Promise<void> {
    this.#open.set(conversationId, { ...request });
    return Promise.resolve();
  }

  open(conversationId: string): Promise<OpenRequest | undefined> {
    const request = this.#open.get(conversationId);
    return Promise.resolve(request && { ...request });
  }

  closeOpen(conversationId: string, ref: string): Promise<void> {
    if (this.#open.get(conversationId)?.ref === ref) this.#open.delete(conversationId);
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

const SPENT = 'spent';

type Client = ReturnType<typeof createClient>;

export class RedisDocuments implements DocumentIndex {
  readonly kind = 'redis';
  readonly #cmd: Client;
  readonly #prefix: string;
  readonly #retentionSeconds: number;

  constructor(url: string, prefix: string, retentionSeconds: number) {
    this.#cmd = createClient({ url, disableOfflineQueue: true });
    this.#cmd.on('error', () => undefined);
    this.#prefix = prefix;
    this.#retentionSeconds = Math.max(1, Math.round(retentionSeconds));
  }

  async start(): Promise<Buffer> {
    await this.#cmd.connect();
    const key = this.#prefix + 'upload-key';
    await this.#cmd.set(key, randomBytes(32).toString('base64'), { NX: true });
    const value = await this.#cmd.get(key);
    if (value === null) throw new Error('the upload key could not be read from Redis');
    return Buffer.from(value, 'base64');
  }

  async claimBatch(tokenId: string, batch: string, expiresAt: number): Promise<BatchClaim> {
    const key = this.#prefix + 'upload-batch:' + tokenId;
    const ttl = Math.max(1, expiresAt - Date.now()) + 60_000;
    const set = await this.#cmd.set(key, batch, { NX: true, PX: ttl });
    if (set === 'OK') return 'ok';
    const bound = await this.#cmd.get(key);
    return bound === batch ? 'ok' : bound === SPENT ? 'spent' : 'other';
  }

  async spend(tokenId: string, expiresAt: number): Promise<boolean> {
    const key = this.#prefix + 'upload-batch:' + tokenId;
    const ttl = Math.max(1, expiresAt - Date.now()) + 60_000;
    const was = await this.#cmd.set(key, SPENT, { GET: true, PX: ttl });
    return was !== SPENT;
  }

  async put(meta: DocumentMeta): Promise<void> {
    const ttl = this.#retentionSeconds;
    await this.#cmd
      .multi()
      .set(this.#prefix + 'doc:' + meta.id, JSON.stringify(meta), { EX: ttl })
      .sAdd(this.#prefix + 'docs:' + meta.conversationId, meta.id)
      .expire(this.#prefix + 'docs:' + meta.conversationId, ttl)
      .zAdd(this.#prefix + 'docs:by-time', { score: meta.at, value: `${meta.id}/${meta.file}` })
      .exec();
  }

  async get(id: string): Promise<DocumentMeta | undefined> {
    const raw = await this.#cmd.get(this.#prefix + 'doc:' + id);
    return raw === null ? undefined : (JSON.parse(raw) as DocumentMeta);
  }

  async list(conversationId: string): Promise<DocumentMeta[]> {
    const ids = await this.#cmd.sMembers(this.#prefix + 'docs:' + conversationId);
    const metas = await Promise.all(ids.map((id) => this.get(id)));
    return metas.filter((m): m is DocumentMeta => m !== undefined);
  }

  async remove(id: string): Promise<void> {
    const meta = await this.get(id);
    const multi = this.#cmd.multi().del(this.#prefix + 'doc:' + id);
    if (meta) {
      multi.zRem(this.#prefix + 'docs:by-time', `${id}/${meta.file}`);
      multi.sRem(this.#prefix + 'docs:' + meta.conversationId, id);
    }
    await multi.exec();
  }

  /** Forgets a document of the sweep whose metadata may have expired already. */
  async forget(id: string, file: string): Promise<void> {
    await this.#cmd
      .multi()
      .del(this.#prefix + 'doc:' + id)
      .zRem(this.#prefix + 'docs:by-time', `${id}/${file}`)
      .exec();
  }

  async olderThan(before: number): Promise<{ id: string; file: string }[]> {
    const members = await this.#cmd.zRangeByScore(this.#prefix + 'docs:by-time', 0, before - 1);
    return members.map((member) => {
      const [id = '', file = ''] = member.split('/');
      return { id, file };
    });
  }

  async setOpen(conversationId: string, request: OpenRequest): Promise<void> {
    const ttl = Math.max(1, request.expiresAt - Date.now());
    await this.#cmd.set(this.#prefix + 'upload-open:' + conversationId, JSON.stringify(request), { PX: ttl });
  }

  async open(conversationId: string): Promise<OpenRequest | undefined> {
    const raw = await this.#cmd.get(this.#prefix + 'upload-open:' + conversationId);
    return raw === null ? undefined : (JSON.parse(raw) as OpenRequest);
  }

  async closeOpen(conversationId: string, ref: string): Promise<void> {
    if ((await this.open(conversationId))?.ref === ref)
      await this.#cmd.del(this.#prefix + 'upload-open:' + conversationId);
  }

  async close(): Promise<void> {
    if (!this.#cmd.isOpen) return;
    // A client still reconnecting (Redis restarted, or gone) would hold QUIT until it is back,
    // and a shutdown must end: it is let go at once instead.
    if (this.#cmd.isReady) await this.#cmd.quit().catch(() => undefined);
    else this.#cmd.destroy();
  }
}
