import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { litTemplates } from './scripts/minify-templates.js';
import { thirdPartyLicenses } from './scripts/third-party-licenses.js';

/** The endpoint written in the demo pages; `npm start` swaps in the real one when the port changes. */
const DEMO_ENDPOINT = 'ws://127.0.0.1:8787/chat';

/**
 * The policy of `/demo/csp.html`: the strictest a bank's page uses, with Trusted Types and Lit's
 * `lit-html` policy the only one allowed. `connect-src` names the chat server (WebSocket, and http
 * for the Server-Sent Events fallback); `'self'` covers Vite's own HMR socket.
 */
function strictPolicy(endpoint: string): string {
  const ws = new URL(endpoint);
  const http = new URL(endpoint.replace(/^ws/, 'http'));
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${ws.origin} ${http.origin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

function demoPages(): Plugin {
  return {
    name: 'amex-chat-demo-pages',
    configureServer(server) {
      // The demo lives in demo/; send the bare origin there.
      server.middlewares.use((req, res, next) => {
        if (req.url === '/' || req.url === '/index.html') {
          res.statusCode = 302;
          res.setHeader('location', '/demo/');
          res.end();
          return;
        }
        if (req.url?.split('?')[0] === '/demo/csp.html') {
          const endpoint = process.env['AMEX_CHAT_ENDPOINT'] || DEMO_ENDPOINT;
          res.setHeader('content-security-policy', strictPolicy(endpoint));
        }
        next();
      });
    },
    transformIndexHtml(html) {
      const endpoint = process.env['AMEX_CHAT_ENDPOINT'];
      let page = endpoint ? html.replaceAll(DEMO_ENDPOINT, endpoint) : html;
      // `DEMO_CONSOLE_DEV=on npm start`: the agent console's development mode, in which the page's
      // `?endpoint=` may name another server (shown on screen; no passcode is sent there). Never
      // from the URL alone: only this dev-server setting writes the attribute.
      if (process.env['DEMO_CONSOLE_DEV'] === 'on') {
        page = page.replaceAll('<agent-console ', '<agent-console dev-endpoint-from-query ');
      }
      return page;
    },
  };
}

export default defineConfig({
  plugins: [demoPages(), litTemplates(), thirdPartyLicenses()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    lib: {
      entry: 'src/define.ts',
      name: 'AmexChat',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'amex-chat.js' : 'amex-chat.iife.js'),
    },
    // In library mode Vite 8 minifies the ES output without its whitespace step (codegen: false)
    // and keeps /* @__PURE__ */ annotations; the widget is shipped as this file, so minify it
    // fully, like the IIFE. Property names are not mangled, so Lit's reactive properties,
    // attributes, events and the exported names are unchanged.
    rolldownOptions: {
      output: { minify: true, comments: false },
    },
  },
});
