// The strictest policy a bank host page uses, for the CSP / Trusted Types test page (plain ESM:
// web-test-runner loads its config with Node, no TypeScript).

/**
 * `demo/csp.html`'s policy in the tests. Only `connect-src` differs from a bank's page: the
 * reference servers the tests start listen on free loopback ports (WebSocket, and http for
 * the SSE fallback and the test hooks).
 */
export const TEST_PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self' ws://127.0.0.1:* http://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** The pages served with the policy (query strings such as `?bundle=1` included). */
const CSP_PAGES = new Set(['/demo/csp.html']);

/**
 * Serves `demo/csp.html` with `Content-Security-Policy: TEST_PAGE_POLICY`, and watches the
 * browser's own record of policy violations through the Chrome DevTools Protocol (the Audits
 * domain, which sees every blocked inline script or style, eval, URL and Trusted Types sink of
 * the test page and its same-origin iframes, even one that happens before any script of the
 * page runs): `csp-issues-start` starts recording for the calling test page, `csp-issues`
 * returns `[{ directive, type, blockedURL, url, line }]` recorded since.
 */
export function cspPlugin() {
  /** @type {Map<string, { cdp: any, issues: object[] }>} */
  const bySession = new Map();
  return {
    name: 'amex-chat-csp',
    transform(context) {
      if (CSP_PAGES.has(context.path)) {
        return { headers: { 'content-security-policy': TEST_PAGE_POLICY } };
      }
      return undefined;
    },
    async executeCommand({ command, session }) {
      if (command === 'csp-issues-start') {
        if (bySession.has(session.id)) return true;
        const page = session.browser.getPage(session.id);
        const cdp = await page.createCDPSession();
        const record = { cdp, issues: [] };
        cdp.on('Audits.issueAdded', ({ issue }) => {
          const details = issue.details?.contentSecurityPolicyIssueDetails;
          if (issue.code !== 'ContentSecurityPolicyIssue' || !details) return;
          record.issues.push({
            directive: details.violatedDirective,
            type: details.contentSecurityPolicyViolationType,
            blockedURL: details.blockedURL ?? '',
            url: details.sourceCodeLocation?.url ?? '',
            line: details.sourceCodeLocation?.lineNumber ?? 0,
          });
        });
        await cdp.send('Audits.enable');
        bySession.set(session.id, record);
        return true;
      }
      if (command === 'csp-issues') {
        return bySession.get(session.id)?.issues ?? null;
      }
      return undefined;
    },
  };
}
