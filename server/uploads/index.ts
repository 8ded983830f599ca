/**
 * Secure document upload on the reference server (docs/protocol.md, docs/security.md): an
 * agent's request becomes an `upload-request` frame to the customer's connections, with a
 * one-time token each instance signs as it delivers the frame (so the token is never stored,
 * not even in the store's change feed); the files come to the upload routes (routes.ts), are
 * kept in the upload directory (files.ts) with their metadata in the store (documents.ts); the
 * finished batch becomes a `documents` notice in the conversation and a fact in its record.
 * Documents older than the maximum age are deleted by a sweep.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerFrame } from '../../src/protocol.js';
import { MAX_UPLOAD_REQUEST_TEXT } from '../../src/protocol/upload.js';
import type { DocumentInfo, UploadRequestFrame } from '../../src/protocol/upload.js';
import { redact } from '../../src/redaction/index.js';
import { broadcast, notify, toOwner } from '../conversation.js';
import { customerKey } from '../model.js';
import type { Conversation } from '../model.js';
import { subjectHash } from '../resume-key.js';
import type { Store } from '../store.js';
import { tx } from '../transaction.js';
import { MemoryDocuments, RedisDocuments } from './documents.js';
import type { DocumentIndex } from './documents.js';
import { removeFile } from './files.js';
import { uploadSettings } from './options.js';
import type { UploadOptions } from './options.js';
import { createUploadRoutes } from './routes.js';
import { agentKey, uploadToken } from './tokens.js';
import { documentsText } from './text.js';

export type { UploadOptions } from './options.js';

export interface UploadDeps {
  readonly options: UploadOptions & {
    allowedOrigins?: string[];
    store?: string;
    storePrefix?: string;
    retentionSeconds?: number;
    verifyToken?: (token: string | undefined) => 'ok' | 'expired' | 'invalid' | { subject: string };
  };
  readonly store: Store;
  readonly log: (entry: Record<string, unknown>) => void;
}

export type Uploads = Awaited<ReturnType<typeof createUploads>>;

/** How often old documents are looked for. */
const SWEEP_MS = 60 * 60 * 1000;

export async function createUploads(deps: UploadDeps) {
  const { options, store, log } = deps;
  const settings = uploadSettings(options);
  const distributed = options.store !== undefined && options.store !== 'memory';
  const index: DocumentIndex = distributed
    ? new RedisDocuments(
        options.store ?? '',
        options.storePrefix ?? 'amex-chat:',
        options.retentionSeconds ?? 30 * 24 * 3600,
      )
    : new MemoryDocuments();
  await mkdir(settings.dir, { recursive: true, mode: 0o700 });
  const key = await index.start();
  const conversations = store.world.conversations;

  const routes = createUploadRoutes({
    settings,
    allowedOrigins: options.allowedOrigins,
    index,
    key: () => key,
    conversation: (id) => conversations.get(id),
    customerProved(conversation, authorization) {
      // Without a token check the upload token alone is the proof (only the customer's
      // connections ever get it); with one, the host's token must be of the same subject.
      if (conversation.subject === undefined || !options.verifyToken) return true;
      const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
      if (token === undefined) return false;
      const verdict = options.verifyToken(token);
      return typeof verdict === 'object' && subjectHash(verdict.subject) === conversation.subject;
    },
    assigned(agentId, conversationId) {
      const conversation = conversations.get(conversationId);
      return store.world.center.agents[agentId] !== undefined && conversation?.owner?.agentId === agentId;
    },
    sweep: () => sweep().catch(() => log({ msg: 'document sweep failed', level: 'warn' })),
    async received(conversation, ref, documents: DocumentInfo[]) {
      await index.closeOpen(conversation.id, ref);
      if (documents.length === 0) {
        // A batch finished with nothing kept is the customer's "Not now": the agent is told.
        await store.run(() => {
          const declined = {
            type: 'upload-status',
            conversationId: conversation.id,
            ref,
            state: 'declined',
          } as const;
          toOwner(conversation.owner, declined);
        }, conversation.id);
        return;
      }
      await store.run(() => {
        notify(conversation, { code: 'documents', documents }, documentsText(conversation.lang, documents));
        conversation.assistant.agentPart({ kind: 'documents', count: documents.length });
        tx().touch(conversation);
      }, conversation.id);
    },
    log,
  });

  /** Deletes documents older than the maximum age, their files first. */
  async function sweep(): Promise<void> {
    for (const { id, file } of await index.olderThan(settings.now() - settings.maxAgeMs)) {
      await removeFile(settings.dir, file);
      await index.forget(id, file);
    }
  }
  const sweeper = setInterval(() => {
    sweep().catch(() => log({ msg: 'document sweep failed', level: 'warn' }));
  }, SWEEP_MS);
  sweeper.unref();

  return {
    settings,
    index,
    handle: (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> =>
      routes.handle(req, res, url),
    /** An agent's key for downloads, sent to their console only (never stored). */
    agentKey: (agentId: string): string => agentKey(key, agentId),
    /**
     * The agent asks for documents (inside a transaction): the frame goes to the customer's
     * connections without its token, which each instance adds as it delivers (`withToken`).
     * An error text, or undefined when sent.
     */
    request(conversation: Conversation, text: string): string | undefined {
      const trimmed = text.trim();
      if (trimmed === '') return 'Say what the customer should send.';
      if (trimmed.length > MAX_UPLOAD_REQUEST_TEXT)
        return `Upload requests are limited to ${MAX_UPLOAD_REQUEST_TEXT} characters.`;
      const frame: UploadRequestFrame = {
        type: 'upload-request',
        conversationId: conversation.id,
        ref: randomUUID(),
        text: redact(trimmed, { lang: conversation.lang }).text,
        token: '',
        expiresAt: settings.now() + settings.tokenMs,
        maxFiles: settings.maxFiles,
        maxBytes: settings.maxBytes,
      };
      broadcast(conversation, frame);
      const { ref, expiresAt, maxFiles, maxBytes } = frame;
      // The agent sees it pending (what the customer reads, never the token) until it is answered.
      const status = {
        type: 'upload-status',
        conversationId: conversation.id,
        ref,
        state: 'requested',
      } as const;
      toOwner(conversation.owner, { ...status, text: frame.text, expiresAt });
      const open = { ref, text: frame.text, expiresAt, maxFiles, maxBytes };
      tx().after(() => {
        index
          .setOpen(conversation.id, open)
          .catch(() => log({ msg: 'upload request not kept', level: 'warn' }));
      });
      return undefined;
    },
    /**
     * A customer (re)connected: the request they have not answered yet, if any, goes to that
     * connection again, with its token signed anew.
     */
    async resend(conversation: Conversation, send: (frame: ServerFrame) => void): Promise<void> {
      const open = await index.open(conversation.id);
      if (!open || open.expiresAt <= settings.now()) return;
      const frame: UploadRequestFrame = {
        type: 'upload-request',
        conversationId: conversation.id,
        token: '',
        ...open,
      };
      send(this.withToken(conversation.id, frame));
    },
    /** A frame for a customer connection, with the upload token signed in if it is a request. */
    withToken(conversationId: string, frame: ServerFrame): ServerFrame {
      if (frame.type !== 'upload-request') return frame;
      const conversation = conversations.get(conversationId);
      if (!conversation) return frame;
      const customer = customerKey(conversation.id, conversation.subject, conversation.account);
      const token = uploadToken(key, {
        conversationId,
        customer,
        ref: frame.ref,
        expiresAt: frame.expiresAt,
      });
      return { ...frame, token };
    },
    sweep,
    close(): Promise<void> {
      clearInterval(sweeper);
      return index.close();
    },
  };
}
