// The demo host pages against a reference server a test started (plain ESM: web-test-runner loads
// its config with Node, no TypeScript).

/** The pages, and the endpoint they name for `npm start`. */
const DEMO_PAGES = new Set(['/demo/index.html', '/demo/es.html']);
const DEMO_ENDPOINT = 'ws://127.0.0.1:8787/chat';
/** Only a loopback server a test started: the query cannot put anything else into the page. */
const TEST_ENDPOINT = /^ws:\/\/127\.0\.0\.1:\d{1,5}\/chat$/;

/**
 * `/demo/index.html?endpoint=ws://127.0.0.1:PORT/chat` (or es.html) is the page as it is, with its
 * `<amex-chat endpoint>` naming that server instead, so the widget and the simulated phone
 * (demo/phone.ts, which follows the chat's endpoint) talk to the test's server. Without the query,
 * or with any other value, the page is served unchanged.
 */
export function demoEndpointPlugin() {
  return {
    name: 'amex-chat-demo-endpoint',
    transform(context) {
      if (!DEMO_PAGES.has(context.path)) return undefined;
      const endpoint = context.URL.searchParams.get('endpoint');
      if (!endpoint || !TEST_ENDPOINT.test(endpoint)) return undefined;
      const body = Buffer.isBuffer(context.body) ? context.body.toString('utf8') : context.body;
      if (typeof body !== 'string') return undefined;
      return { body: body.replaceAll(`endpoint="${DEMO_ENDPOINT}"`, `endpoint="${endpoint}"`) };
    },
  };
}
