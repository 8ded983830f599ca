/**
 * Test support for the secure upload tests (not a test file): a customer handed to an agent who
 * asks for documents, the files' bytes, and the upload routes spoken as the widget speaks them.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { ChatServer } from '../../server/chat-server.js';
import { agent, customer, eventOf, handOff, isEvent } from './actors.js';
import type { Frame } from './actors.js';
import type { Peer } from './peer.js';

/** The first bytes of each allowed type, then filler. */
export const BYTES = {
  pdf: (size = 64): Buffer =>
    Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(Math.max(0, size - 9), 0x20)]),
  png: (size = 64): Buffer =>
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(size - 8, 1)]),
  jpeg: (size = 64): Buffer =>
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4, 2)]),
  heic: (size = 64): Buffer =>
    Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(size - 12, 3)]),
  text: (size = 64): Buffer => Buffer.alloc(size, 'a'),
};

export interface Asked {
  customer: Peer<Frame>;
  agent: Peer<Frame>;
  conversationId: string;
  request: Frame & { token: string; text: string; ref: string; expiresAt: number };
  /** The agent console's download key. */
  key: string;
}

/** A customer with an agent (Maria) who asked for `text`; the upload request as the customer got it. */
export async function asked(
  server: ChatServer,
  text = 'Please send the receipt for the disputed charge',
): Promise<Asked> {
  const c = await customer(server);
  const a = await agent(server);
  const keyFrame = await a.next((f) => f.type === 'document-key', 'document-key');
  await handOff(c.peer, a, c.conversationId);
  a.send({ type: 'request-upload', conversationId: c.conversationId, text });
  const request = (await c.peer.next(
    (f) => f.type === 'upload-request',
    'upload-request',
  )) as Asked['request'];
  return {
    customer: c.peer,
    agent: a,
    conversationId: c.conversationId,
    request,
    key: keyFrame['key'] as string,
  };
}

export interface Sent {
  status: number;
  body: Record<string, unknown>;
}

export interface UploadHeaders {
  token?: string;
  conversation?: string;
  batch?: string;
  name?: string;
  type?: string;
  authorization?: string;
  /** Send the body chunked, without a content-length. */
  chunked?: boolean;
}

function headersOf(h: UploadHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  if (h.token !== undefined) out['x-upload-token'] = h.token;
  if (h.conversation !== undefined) out['x-upload-conversation'] = h.conversation;
  if (h.batch !== undefined) out['x-upload-batch'] = h.batch;
  if (h.name !== undefined) out['x-upload-name'] = encodeURIComponent(h.name);
  if (h.authorization !== undefined) out['authorization'] = h.authorization;
  out['content-type'] = h.type ?? 'application/octet-stream';
  return out;
}

/** POSTs one file as the widget does; the status and JSON body (an empty object if none). */
export function postFile(server: ChatServer, body: Buffer, h: UploadHeaders): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const headers = headersOf(h);
    if (!h.chunked) headers['content-length'] = String(body.length);
    const req = request(
      { host: '127.0.0.1', port: server.port, path: '/chat/upload', method: 'POST', headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({
            status: res.statusCode ?? 0,
            body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
          });
        });
      },
    );
    // The server may answer and close before it read the whole body (a refusal).
    req.on('error', reject);
    if (h.chunked) {
      for (let at = 0; at < body.length; at += 4096) req.write(body.subarray(at, at + 4096));
      req.end();
    } else req.end(body);
  });
}

/** Finishes a batch keeping `ids`. */
export async function finish(server: ChatServer, ids: string[], h: UploadHeaders): Promise<Sent> {
  const res = await fetch(`http://127.0.0.1:${server.port}/chat/upload/finish`, {
    method: 'POST',
    headers: { ...headersOf(h), 'content-type': 'application/json' },
    body: JSON.stringify({ ids }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The headers of an upload for an asked request. */
export function ticket(a: Asked, batch = 'batch-0001', name = 'receipt.pdf'): UploadHeaders {
  return { token: a.request.token, conversation: a.conversationId, batch, name };
}

/** Downloads a document with a console's key (none: no authorization). */
export async function download(server: ChatServer, id: string, key?: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${server.port}/chat/documents/${id}`, {
    headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
  });
}

/** The `documents` notice a peer received. */
export async function documentsNotice(
  peer: Peer<Frame>,
): Promise<{ text: string; documents: { id: string; name: string; type: string; size: number }[] }> {
  const frame = await peer.next(
    (f) =>
      (isEvent(f) || f.type === 'conversation-event') &&
      (eventOf(f).notice as { code?: string } | undefined)?.code === 'documents',
    'documents notice',
  );
  const event = eventOf(frame);
  const notice = event.notice as { documents: { id: string; name: string; type: string; size: number }[] };
  assert.ok(Array.isArray(notice.documents));
  return { text: event.text, documents: notice.documents };
}
