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

/**
 * The bare imports the npm build leaves to the host's bundler: Lit (one copy with the host's, so
 * one `lit-html` Trusted Types policy) and React (the `amex-chat/react` wrapper's optional peer).
 * Everything else (mitt, `@lit/react`) is bundled: `lit` is the package's only dependency.
 */
const NPM_EXTERNAL = [
  /^lit(\/|$)/,
  /^lit-html(\/|$)/,
  /^lit-element(\/|$)/,
  /^@lit\/reactive-element(\/|$)/,
  /^react(\/|$)/,
];

/**
 * Two builds (docs/packaging.md):
 *
 * - `vite build` (the npm build, `dist/`): ES modules for bundlers, one file per entry of
 *   package.json `exports` (`amex-chat.js` defines the tag, `element.js` has no side effects,
 *   `react.js` is the React wrapper) and the panel's chunk (`panel-*.js`), importing `lit`.
 *   Not minified (the host's bundler does that; the code stays readable in a debugger), source
 *   maps written without a `sourceMappingURL` comment (for the license test, not shipped).
 * - `vite build --mode cdn` (the script-tag files, `dist/cdn/`): `amex-chat.js` (an ES module with
 *   its panel chunk next to it) and `amex-chat.iife.js` (a classic script), Lit inside, minified,
 *   with source maps. `npm run size` checks the ES module against its budget.
 */
export default defineConfig(({ command, mode }) => ({
  plugins: [demoPages(), litTemplates(), thirdPartyLicenses()],
  resolve:
    mode === 'cdn'
      ? { alias: [{ find: /^lit$/, replacement: `${import.meta.dirname}/scripts/lit-cdn.ts` }] }
      : {},
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build:
    command === 'build' && mode === 'cdn'
      ? {
          target: 'es2022',
          outDir: 'dist/cdn',
          emptyOutDir: true,
          sourcemap: true,
          lib: {
            entry: 'src/define.ts',
            name: 'AmexChat',
            fileName: (format) => (format === 'es' ? 'amex-chat.js' : 'amex-chat.iife.js'),
          },
          // In library mode Vite 8 minifies the ES output without its whitespace step (codegen: false)
          // and keeps /* @__PURE__ */ annotations; the widget is shipped as this file, so minify it
          // fully, like the IIFE. Property names are not mangled, so Lit's reactive properties,
          // attributes, events and the exported names are unchanged.
          // The panel's module and the launcher share Lit and a few modules (strings, the clock, the
          // panel's frame): they go into a chunk that both import, named `shared-*.js` so that it is
          // not taken for the panel's chunk. The panel's chunk never imports the entry itself, so an
          // entry loaded under another URL (`amex-chat.js?v=2`) is not evaluated twice.
          // One output per format (the lib's formats, ES module and classic script): the ES module's
          // shared modules are one chunk, also when a part's chunk (loaded only after the panel's)
          // uses some of them, which would otherwise split them by who imports them and make the
          // launcher fetch two files; the classic script has no chunks.
          rolldownOptions: {
            output: [
              {
                format: 'es',
                minify: true,
                comments: false,
                chunkFileNames: (chunk) => (chunk.isDynamicEntry ? '[name]-[hash].js' : 'shared-[hash].js'),
                codeSplitting: {
                  groups: [
                    {
                      name: 'shared',
                      test: /@lit[\\/]reactive-element|src[\\/](components[\\/](clock|lazy-module|i18n-element|locales[\\/]\w+-element|panel-frame\.styles)|protocol[\\/]accommodation-list)\.ts$/,
                    },
                  ],
                },
              },
              { format: 'iife', name: 'AmexChat', minify: true, comments: false },
            ],
          },
        }
      : {
          target: 'es2022',
          outDir: 'dist',
          emptyOutDir: true,
          sourcemap: 'hidden',
          minify: false,
          lib: {
            entry: { 'amex-chat': 'src/define.ts', element: 'src/index.ts', react: 'src/react.ts' },
            formats: ['es'],
            fileName: (_format, name) => `${name}.js`,
          },
          rolldownOptions: {
            external: NPM_EXTERNAL,
            // The element's code goes into element.js itself, which amex-chat.js and react.js
            // import, rather than into a shared chunk that element.js would only re-export.
            preserveEntrySignatures: 'allow-extension',
            // The few modules both the element and the panel's module use (the clock, the element's
            // strings, to which the panel adds its own, the panel frame's rules, the list of
            // accommodations, the loader of chunks) go into a chunk of their own, so that element.js
            // exports the public API and nothing else.
            output: {
              chunkFileNames: '[name]-[hash].js',
              codeSplitting: {
                groups: [
                  {
                    name: 'shared',
                    test: /src[\\/](components[\\/](clock|lazy-module|i18n-element|locales[\\/]\w+-element|panel-frame\.styles)|protocol[\\/]accommodation-list)\.ts$/,
                  },
                ],
              },
            },
            // react.js keeps the 'use client' of src/react.ts (its first line; the package test checks).
            onwarn(warning, warn) {
              if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use client')) return;
              warn(warning);
            },
          },
        },
}));
