/**
 * Resume keys: the secret that lets a browser pick its conversation up again (`hello.resume.key`).
 * A conversation id names a conversation (logs, agent consoles); only its key resumes it. The
 * server mints a key per browser tab, sends it once (in the welcome that started the
 * conversation, or sealed to another tab's public key) and keeps only its SHA-256, so neither
 * a log line nor a copy of the store can resume anything. Subjects (who a token says the
 * customer is) are kept hashed too.
 */
import {
  constants,
  createDecipheriv,
  createHash,
  createPublicKey,
  generateKeyPair,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** Most keys a conversation keeps (one per tab that asked); the oldest goes first. */
export const MAX_KEYS = 8;

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** A new key (256 random bits, base64url) and the hash to store. */
export function mintKey(): { key: string; hash: string } {
  const key = randomBytes(32).toString('base64url');
  return { key, hash: sha256(key) };
}

/** Whether `key` is one of `hashes` (compared in constant time). */
export function keyMatches(hashes: readonly string[], key: string | undefined): boolean {
  if (key === undefined) return false;
  const hash = Buffer.from(sha256(key));
  let found = false;
  for (const stored of hashes) {
    const other = Buffer.from(stored);
    if (other.length === hash.length && timingSafeEqual(other, hash)) found = true;
  }
  return found;
}

/** Adds a key's hash, keeping the newest MAX_KEYS (the first, the starting tab's, stays). */
export function addKey(hashes: string[], hash: string): void {
  hashes.push(hash);
  if (hashes.length > MAX_KEYS) hashes.splice(1, hashes.length - MAX_KEYS);
}

/** A token's subject as stored: hashed, so the store holds no customer identifier. */
export function subjectHash(subject: string): string {
  return sha256(`subject:${subject}`);
}

/**
 * `key` sealed to a tab's RSA-OAEP (SHA-256) public key, given as base64 SPKI; undefined when
 * the key is not one (wrong type, size outside 2048–4096 bits, exponent not 65537, not decodable).
 */
export function sealKey(key: string, publicKey: string): string | undefined {
  try {
    const pub = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    const bits = pub.asymmetricKeyDetails?.modulusLength ?? 0;
    // Exponent 65537 only: a huge exponent makes each encryption hundreds of times dearer.
    const exponent = pub.asymmetricKeyDetails?.publicExponent;
    if (pub.asymmetricKeyType !== 'rsa' || bits < 2048 || bits > 4096 || exponent !== 65537n)
      return undefined;
    return publicEncrypt(
      { key: pub, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from(key),
    ).toString('base64');
  } catch {
    return undefined;
  }
}

/**
 * The server's key pair for tokens sealed by other tabs (`tab-join`): made once per instance
 * when tokens are checked; its public half goes out in welcomes (`sealKey`).
 */
export async function sealKeyPair(): Promise<{ publicKey: string; privateKey: KeyObject }> {
  const pair = await new Promise<{ publicKey: KeyObject; privateKey: KeyObject }>((resolve, reject) =>
    generateKeyPair('rsa', { modulusLength: 2048 }, (error, publicKey, privateKey) =>
      error ? reject(error) : resolve({ publicKey, privateKey }),
    ),
  );
  return {
    publicKey: pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: pair.privateKey,
  };
}

/** The token a tab sealed (`wrappedKey.iv.ciphertext`, base64 each), or undefined. */
export function openSealed(sealed: string, privateKey: KeyObject): string | undefined {
  try {
    const [wrapped, iv, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
    if (!wrapped || !iv || !body || iv.length !== 12 || body.length < 17) return undefined;
    const key = privateDecrypt(
      { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      wrapped,
    );
    if (key.length !== 32) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return undefined;
  }
}
