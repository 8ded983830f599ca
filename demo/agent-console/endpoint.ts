/**
 * Which server the console talks to: `/agent` on the server of the configured customer endpoint
 * and, only in development mode, another one named by the page's `?endpoint=`.
 */

/**
 * The console's WebSocket URL from a customer endpoint: `ws://host:port/chat` → `ws://host:port/agent`
 * (an `…/agent` URL is kept; `http(s)` becomes `ws(s)`; an empty one is `/agent` on the page's origin).
 */
export function agentEndpoint(endpoint: string): string {
  const url = new URL(endpoint || '/agent', location.href);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  url.pathname = `${url.pathname.replace(/\/+$/, '').replace(/\/(chat|agent)$/, '')}/agent`;
  url.search = '';
  url.hash = '';
  return url.toString();
}

/**
 * The `/agent` URL named by the page's `?endpoint=`, when it is another server than the
 * configured one (`configured()`, computed only then); otherwise `undefined`.
 */
export function queryAgentUrl(configured: () => string): string | undefined {
  const query = new URLSearchParams(location.search).get('endpoint');
  if (!query) return undefined;
  let url: string;
  try {
    url = agentEndpoint(query);
  } catch {
    return undefined;
  }
  return url === configured() ? undefined : url;
}
