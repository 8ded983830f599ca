/**
 * The upload token of a request and an agent's document key: signed (HMAC-SHA256 with the
 * key of documents.ts, which every instance shares), so that any instance can check them and
 * none is ever stored. The token names the conversation, the customer (customerKey in model.ts,
 * a hash), the request and its expiry; its single use is kept in the document index by its id
 * (a hash of the token). Only the customer's connections get it (`upload-request`) and only in
 * a header does it come back; it is never logged.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface UploadClaim {
  conversationId: string;
  /** The customer the conversation is of (customerKey in model.ts). */
  customer: string;
  ref: string;
  expiresAt: number;
}

const b64 = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

function mac(key: Buffer, what: string): string {
  return createHmac('sha256', key).update(what).digest('base64url');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function uploadToken(key: Buffer, claim: UploadClaim): string {
  const body = b64(JSON.stringify([claim.conversationId, claim.customer, claim.ref, claim.expiresAt]));
  return `u1.${body}.${mac(key, `upload:${body}`)}`;
}

/** The token's claim if it is one of ours (its expiry is the caller's to check). */
export function readUploadToken(key: Buffer, token: string): UploadClaim | undefined {
  const [version, body, signature] = token.split('.');
  if (version !== 'u1' || body === undefined || signature === undefined) return undefined;
  if (!same(signature, mac(key, `upload:${body}`))) return undefined;
  try {
    const [conversationId, customer, ref, expiresAt] = JSON.parse(
      Buffer.from(body, 'base64url').toString('utf8'),
    ) as unknown[];
    if (typeof conversationId !== 'string' || typeof customer !== 'string') return undefined;
    if (typeof ref !== 'string' || typeof expiresAt !== 'number') return undefined;
    return { conversationId, customer, ref, expiresAt };
  } catch {
    return undefined;
  }
}

/** What the single use of a token is kept under: a hash, never the token. */
export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** An agent's key for downloads (`document-key`): their agent id, signed. */
export function agentKey(key: Buffer, agentId: string): string {
  return `a1.${b64(agentId)}.${mac(key, `agent:${agentId}`)}`;
}

/** The agent id of a document key, if it is one of ours. */
export function readAgentKey(key: Buffer, value: string): string | undefined {
  const [version, id, signature] = value.split('.');
  if (version !== 'a1' || id === undefined || signature === undefined) return undefined;
  const agentId = Buffer.from(id, 'base64url').toString('utf8');
  return same(signature, mac(key, `agent:${agentId}`)) ? agentId : undefined;
}
