/**
 * The strict-CSP demo page (demo/csp.html). Its first statements record every Content Security
 * Policy and Trusted Types violation on `window.amexChatCspViolations` (the test reads it) and
 * list it on the page; only then is the widget loaded: the sources, or the built
 * `/dist/cdn/amex-chat.js` with `?bundle=1`. `?endpoint=` sets the chat server.
 */
import type {} from '../src/index.js'; // types only: brings `'amex-chat'` into HTMLElementTagNameMap

/** What the page keeps of one `securitypolicyviolation` event. */
export interface CspViolation {
  /** The directive that blocked it (`effectiveDirective`: `script-src-elem`, `style-src-attr`, `require-trusted-types-for`…). */
  directive: string;
  /** `inline`, `eval`, `trusted-types-sink`, `trusted-types-policy` or the blocked URL. */
  blocked: string;
  /** The first characters of what was blocked, when the browser gives them. */
  sample: string;
  /** Where it happened: script URL and line. */
  source: string;
}

declare global {
  interface Window {
    amexChatCspViolations?: CspViolation[];
  }
}

const violations: CspViolation[] = [];
window.amexChatCspViolations = violations;

function record(event: SecurityPolicyViolationEvent): void {
  const violation: CspViolation = {
    directive: event.effectiveDirective || event.violatedDirective,
    blocked: event.blockedURI,
    sample: event.sample,
    source: event.sourceFile ? `${event.sourceFile}:${event.lineNumber}` : '',
  };
  violations.push(violation);
  console.error('amex-chat demo: Content Security Policy violation', violation);
  const list = document.getElementById('violations');
  const status = document.getElementById('violations-status');
  if (!list || !status) return;
  const item = document.createElement('li');
  item.textContent = `${violation.directive}: ${violation.blocked}${violation.sample ? ` (${violation.sample})` : ''}${violation.source ? ` at ${violation.source}` : ''}`;
  list.append(item);
  status.textContent = `${violations.length} violation${violations.length === 1 ? '' : 's'}.`;
}

// Capture: the event is fired at the element that caused it (a shadow root's too, composed) or
// at the document, and reaches the window either way.
window.addEventListener('securitypolicyviolation', record, true);

const params = new URLSearchParams(location.search);
const endpoint = params.get('endpoint');
const chat = document.querySelector('amex-chat');
if (endpoint && chat) chat.setAttribute('endpoint', endpoint);

/** The built ES module, as a host serves it (a variable: no bundler or type checker follows it). */
const BUNDLE = '/dist/cdn/amex-chat.js';
try {
  if (params.has('bundle')) await import(/* @vite-ignore */ BUNDLE);
  else await import('../src/define.js');
  // The demo's "Chat with us" buttons.
  await import('./demo.js');
} catch (error: unknown) {
  console.error('amex-chat demo: could not load the chat', error);
  document.documentElement.dataset['chatLoadError'] = String(error);
}
