/** HTTP answers shared by the routes and the event-stream endpoint: JSON bodies and CORS headers. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** CORS headers for a request's Origin (already allowed by the caller); none without one. */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return origin
    ? { 'access-control-allow-origin': origin, vary: 'Origin', 'access-control-max-age': '600' }
    : {};
}

/** A JSON answer that no cache keeps. */
export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
