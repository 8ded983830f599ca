/**
 * Secure document upload (protocol 1.5): an agent asks the customer for documents, the widget
 * shows an upload control outside the transcript, and the files go by HTTP POST to the
 * server's upload route with the one-time token of the request in a header (never in a URL).
 *
 * - `upload-request` (server → customer): what the agent needs (redacted agent text), the
 *   one-time token, when it expires and the limits. Not a conversation event: it is not stored
 *   or replayed, and it is never shown in the transcript.
 * - `POST /chat/upload` (one file per request) and `POST /chat/upload/finish` (the batch is
 *   complete): headers `x-upload-token`, `x-upload-conversation`, `x-upload-batch` and, for a
 *   file, `x-upload-name` (the file name, URI-encoded) and `content-type`.
 * - A `documents` notice (a conversation event) then says what arrived ("You sent 2
 *   documents: …"), with the documents' ids for the agent console, which downloads them with
 *   `GET /chat/documents/{id}` and its `document-key` in `authorization: Bearer …`.
 *
 * This module knows about nothing else: no DOM, no Node, no redaction.
 */

/** The types a customer may send: PDF, JPEG, PNG, HEIC (the server checks the bytes too). */
export const UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic'] as const;
export type UploadType = (typeof UPLOAD_TYPES)[number];

/** The `accept` of the widget's file input: the allowed types and their usual extensions. */
export const UPLOAD_ACCEPT = '.pdf,.jpg,.jpeg,.png,.heic,application/pdf,image/jpeg,image/png,image/heic';

/** The file extensions of each allowed type (a browser may give no type for HEIC). */
export const UPLOAD_EXTENSIONS: Readonly<Record<UploadType, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/heic': ['heic', 'heif'],
};

/** The reference server's default limits: bytes per file and files per request. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_UPLOAD_FILES = 5;

/** Longest request text, in UTF-16 code units. */
export const MAX_UPLOAD_REQUEST_TEXT = 500;

/** The routes, relative to the chat server's HTTP origin. */
export const UPLOAD_PATH = '/chat/upload';
export const UPLOAD_FINISH_PATH = '/chat/upload/finish';
export const DOCUMENTS_PATH = '/chat/documents/';

/** The agent asks for documents: shown outside the transcript until sent or dismissed. */
export interface UploadRequestFrame {
  type: 'upload-request';
  /** The conversation it is for: sent back with the files (`x-upload-conversation`). */
  conversationId: string;
  /** The request's id (one per request; a later request replaces an earlier one). */
  ref: string;
  /** What is needed, in the agent's words (redacted by the server). */
  text: string;
  /** The one-time upload token: only ever in this frame and the upload's header. */
  token: string;
  /** When the token expires (ms since the epoch, server clock). */
  expiresAt: number;
  /** Most files and bytes per file the server takes for this request. */
  maxFiles: number;
  maxBytes: number;
}

/** A document received, as the `documents` notice and the agent console list it. */
export interface DocumentInfo {
  id: string;
  /** The file name, redacted like text and stripped of paths and control characters. */
  name: string;
  type: UploadType;
  /** Bytes. */
  size: number;
}

/** Why the server refused an upload (the JSON body's `error`). */
export type UploadError =
  | 'unauthorized'
  | 'expired'
  | 'used'
  | 'forbidden'
  | 'type'
  | 'too-large'
  | 'too-many'
  | 'bad-request'
  | 'not-found';

export function isUploadType(value: unknown): value is UploadType {
  return typeof value === 'string' && (UPLOAD_TYPES as readonly string[]).includes(value);
}

/** The allowed type a file name's extension stands for, if any. */
export function typeOfName(name: string): UploadType | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === undefined) return undefined;
  return UPLOAD_TYPES.find((type) => UPLOAD_EXTENSIONS[type].includes(ext));
}

const isShort = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value !== '' && value.length <= max;
const isWhole = (value: unknown, min: number): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min;

/** Reads an `upload-request` frame; `undefined` when malformed. */
export function parseUploadRequestFrame(data: Record<string, unknown>): UploadRequestFrame | undefined {
  return isShort(data['conversationId'], 256) &&
    isShort(data['ref'], 256) &&
    isShort(data['text'], MAX_UPLOAD_REQUEST_TEXT) &&
    isShort(data['token'], 1024) &&
    isWhole(data['expiresAt'], 0) &&
    isWhole(data['maxFiles'], 1) &&
    isWhole(data['maxBytes'], 1)
    ? (data as unknown as UploadRequestFrame)
    : undefined;
}
