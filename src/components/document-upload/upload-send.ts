/**
 * The document upload's network part: one HTTP request, with the upload's progress. fetch has
 * no upload progress, so this is an XMLHttpRequest whose `upload` progress events say how much
 * of the body went out. Tests swap it (`DocumentUpload.send`) to drive progress themselves.
 */

export interface UploadCall {
  url: string;
  /** The token and the rest: headers only, never the URL. */
  headers: Record<string, string>;
  body: Blob | string;
  /** Bytes of the body sent so far. */
  progress?: (loaded: number) => void;
  signal: AbortSignal;
}

export interface UploadAnswer {
  status: number;
  /** The JSON body, or undefined when there was none. */
  body: unknown;
}

/** Resolves with the answer; rejects with an `AbortError` when aborted and a `NetworkError` when it failed. */
export type SendUpload = (call: UploadCall) => Promise<UploadAnswer>;

export const xhrSend: SendUpload = (call) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', call.url);
    for (const [name, value] of Object.entries(call.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (e) => call.progress?.(e.loaded));
    xhr.addEventListener('load', () => {
      let body: unknown;
      try {
        body = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : undefined;
      } catch {
        body = undefined;
      }
      resolve({ status: xhr.status, body });
    });
    xhr.addEventListener('error', () => reject(new DOMException('The upload failed.', 'NetworkError')));
    xhr.addEventListener('abort', () => reject(new DOMException('The upload was cancelled.', 'AbortError')));
    if (call.signal.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    call.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(call.body);
  });

/** The upload route of the chat server at `endpoint` (ws/wss or http/https, as the element's). */
export function uploadUrl(endpoint: string, route: string): string {
  const url = new URL(endpoint, document.baseURI);
  if (url.protocol === 'ws:') url.protocol = 'http:';
  if (url.protocol === 'wss:') url.protocol = 'https:';
  return new URL(route, url.origin).href;
}
