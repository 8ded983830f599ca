/** The reference server's options for document upload (part of ChatServerOptions), with their defaults. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES } from '../../src/protocol/upload.js';

export interface UploadOptions {
  /**
   * Where uploaded files are kept (`CHAT_UPLOAD_DIR`), each under a random name; their
   * metadata is in the store. Default: `amex-chat-uploads` in the system's temporary directory.
   * Every instance behind a load balancer must see the same directory (or see docs/security.md
   * for object storage instead).
   */
  uploadDir?: string;
  /** Largest file taken, in bytes (`CHAT_UPLOAD_MAX_BYTES`). Default 10 MiB. */
  uploadMaxBytes?: number;
  /** Most files per upload request. Default 5. */
  uploadMaxFiles?: number;
  /** How long an upload request's token is good for, in s. Default 900 (15 minutes). */
  uploadTokenSeconds?: number;
  /**
   * How long a document is kept after it arrived, in s (`CHAT_DOCUMENT_MAX_AGE_SECONDS`). Default:
   * the conversations' retention (`retentionSeconds`), else 30 days.
   */
  documentMaxAgeSeconds?: number;
  /** Tests only: the clock upload tokens are issued and checked by (ms since the epoch). */
  uploadClock?: () => number;
}

export interface UploadSettings {
  readonly dir: string;
  readonly maxBytes: number;
  readonly maxFiles: number;
  readonly tokenMs: number;
  readonly maxAgeMs: number;
  readonly now: () => number;
}

export function uploadSettings(options: UploadOptions & { retentionSeconds?: number }): UploadSettings {
  return {
    dir: options.uploadDir ?? join(tmpdir(), 'amex-chat-uploads'),
    maxBytes: Math.max(1, options.uploadMaxBytes ?? MAX_UPLOAD_BYTES),
    maxFiles: Math.max(1, options.uploadMaxFiles ?? MAX_UPLOAD_FILES),
    tokenMs: Math.max(1, options.uploadTokenSeconds ?? 900) * 1000,
    maxAgeMs: Math.max(1, options.documentMaxAgeSeconds ?? options.retentionSeconds ?? 30 * 24 * 3600) * 1000,
    now: options.uploadClock ?? Date.now,
  };
}

/**
 * The upload options from the environment (server/main.ts): `CHAT_UPLOAD_DIR`,
 * `CHAT_UPLOAD_MAX_BYTES` and `CHAT_DOCUMENT_MAX_AGE_SECONDS`. A value that is not a whole number
 * throws an Error that names the variable.
 */
export function uploadsFromEnv(env: Record<string, string | undefined>): UploadOptions {
  const whole = (name: string): number | undefined => {
    const value = env[name];
    if (value === undefined || value === '') return undefined;
    if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`${name} must be a whole number ≥ 1`);
    return Number(value);
  };
  const dir = env['CHAT_UPLOAD_DIR'];
  const maxBytes = whole('CHAT_UPLOAD_MAX_BYTES');
  const maxAge = whole('CHAT_DOCUMENT_MAX_AGE_SECONDS');
  return {
    ...(dir ? { uploadDir: dir } : {}),
    ...(maxBytes === undefined ? {} : { uploadMaxBytes: maxBytes }),
    ...(maxAge === undefined ? {} : { documentMaxAgeSeconds: maxAge }),
  };
}
