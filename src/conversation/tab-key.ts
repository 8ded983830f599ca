/**
 * A follower tab's own resume key (protocol 1.4): the tab makes an RSA-OAEP key pair whose
 * private half never leaves this tab (not extractable), sends the public half up through the
 * leader tab, and opens the key the server sealed to it. Tabs share a BroadcastChannel that any
 * same-origin page can read, so neither the key nor the host's token may cross it in the clear.
 */
import type { Transport } from '../transport/index.js';
import { tabKeyFrame } from './outbound.js';

export interface TabKeyRequest {
  /** Matches the server's answer to this request. */
  readonly ref: string;
  /** SPKI, base64. */
  readonly publicKey: string;
  /** The key the server sealed to this request, or undefined if it does not open. */
  open(sealed: string): Promise<string | undefined>;
}

const OAEP = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;

function base64(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}

/** A new request, or undefined where Web Crypto is missing (plain http other than localhost). */
export async function tabKeyRequest(): Promise<TabKeyRequest | undefined> {
  // `crypto.subtle` exists only in secure contexts (https, localhost).
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!subtle) return undefined;
  try {
    const pair = await subtle.generateKey(
      { ...OAEP, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
      false,
      ['encrypt', 'decrypt'],
    );
    const publicKey = base64(await subtle.exportKey('spki', pair.publicKey));
    return {
      ref: crypto.randomUUID(),
      publicKey,
      async open(sealed) {
        try {
          const bytes = Uint8Array.from(atob(sealed), (c) => c.charCodeAt(0));
          return new TextDecoder().decode(await subtle.decrypt(OAEP, pair.privateKey, bytes));
        } catch {
          return undefined;
        }
      },
    };
  } catch {
    return undefined;
  }
}

/**
 * A follower tab's token sealed to the server's `sealKey` (SPKI, base64), for `hello.join`:
 * a fresh AES-256-GCM key encrypts the token (tokens are longer than RSA can take), RSA-OAEP
 * seals that key. `wrappedKey.iv.ciphertext`, base64 each; undefined without Web Crypto.
 */
export async function sealToken(token: string, sealKey: string): Promise<string | undefined> {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!subtle) return undefined;
  try {
    const server = await subtle.importKey(
      'spki',
      Uint8Array.from(atob(sealKey), (c) => c.charCodeAt(0)),
      OAEP,
      false,
      ['encrypt'],
    );
    const key = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const body = await subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(token));
    const wrapped = await subtle.encrypt(OAEP, server, await subtle.exportKey('raw', key));
    return [base64(wrapped), base64(iv.buffer), base64(body)].join('.');
  } catch {
    return undefined;
  }
}

/** A follower tab's one request at a time for a resume key of its own, and opening the answer. */
export class TabKeys {
  #request: TabKeyRequest | undefined;

  /** Asks through `transport` unless a request is out; `current`: whether it still applies. */
  async ask(transport: Transport, current: () => boolean): Promise<void> {
    if (this.#request) return;
    const request = await tabKeyRequest();
    if (!request || !current()) return;
    this.#request = request;
    transport.send(tabKeyFrame(request.ref, request.publicKey));
  }

  /** The key sealed to this tab's request `ref`, once; undefined when not ours or no longer `current`. */
  async open(ref: string, sealed: string, current: () => boolean): Promise<string | undefined> {
    const request = this.#request;
    if (request?.ref !== ref) return undefined;
    const key = await request.open(sealed);
    if (!key || this.#request !== request || !current()) return undefined;
    this.#request = undefined;
    return key;
  }

  forget(): void {
    this.#request = undefined;
  }
}
