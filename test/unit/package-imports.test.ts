// Every entry of the package, imported the way a host's server does (issue 23, items 3 and 4):
// from a scratch app whose node_modules/amex-chat is this repository, in a plain Node process
// (Node's export conditions: `node`, `import`; Lit resolves to its Node build), and type-checked
// the way a host's TypeScript reads package.json "exports". Reads the build `npm test` makes
// first (`npm run build`).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const root = join(import.meta.dirname, '../..');

/** What the scratch app has installed: the package, its dependency, the React peer and types. */
const INSTALLED = [
  'lit',
  'lit-html',
  'lit-element',
  '@lit/reactive-element',
  '@lit-labs/ssr-dom-shim',
  'react',
  'react-dom',
  'scheduler',
  '@types/react',
  '@types/react-dom',
  'csstype',
];

let app = '';

/** Runs an ES module in a fresh Node process in the scratch app; returns what it printed as JSON. */
function run(source: string): unknown {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', source], {
    cwd: app,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, `node exited ${result.status}: ${result.stderr}`);
  assert.equal(result.stderr, '', 'nothing written to stderr');
  return JSON.parse(result.stdout) as unknown;
}

/** What importing `specifier` does: its exports, and what it registered or created globally. */
function importing(specifier: string, then = ''): Record<string, unknown> {
  return run(`
    const before = Object.keys(globalThis);
    const module = await import(${JSON.stringify(specifier)});
    ${then}
    console.log(JSON.stringify({
      exports: Object.keys(module).sort(),
      defined: globalThis.customElements?.get('amex-chat')?.name ?? null,
      sameClass: globalThis.customElements?.get('amex-chat') === module.AmexChatElement,
      globals: Object.keys(globalThis).filter((key) => !before.includes(key)).sort(),
      window: typeof window,
      document: typeof document,
    }));
  `) as Record<string, unknown>;
}

const API = ['AmexChatElement', 'AmexChatError', 'PROTOCOL_VERSION'];

/** What Lit's Node build puts on globalThis when imported. */
const LIT_GLOBALS = new Set([
  'customElements',
  'litServerRoot',
  'litPropertyMetadata',
  'reactiveElementVersions',
  'litHtmlVersions',
  'litElementVersions',
]);

describe('importing the package on a server', () => {
  before(() => {
    assert.ok(existsSync(join(root, 'dist/amex-chat.js')), 'dist/ is missing: run `npm run build` first');
    app = mkdtempSync(join(tmpdir(), 'amex-chat-host-'));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'host', private: true, type: 'module' }));
    mkdirSync(join(app, 'node_modules/@types'), { recursive: true });
    symlinkSync(root, join(app, 'node_modules/amex-chat'), 'dir');
    for (const name of INSTALLED) {
      mkdirSync(dirname(join(app, 'node_modules', name)), { recursive: true });
      symlinkSync(join(root, 'node_modules', name), join(app, 'node_modules', name), 'dir');
    }
  });
  after(() => {
    if (app) rmSync(app, { recursive: true, force: true });
  });

  it('amex-chat/element: the class and no registration', () => {
    const result = importing('amex-chat/element');
    assert.deepEqual(result['exports'], API);
    assert.equal(result['defined'], null);
    assert.equal(result['window'], 'undefined');
    assert.equal(result['document'], 'undefined');
  });

  it('amex-chat/element: define("my-chat") registers that tag only', () => {
    const result = run(`
      const { AmexChatElement } = await import('amex-chat/element');
      AmexChatElement.define('my-chat');
      AmexChatElement.define('my-chat');
      console.log(JSON.stringify({
        mine: customElements.get('my-chat') === AmexChatElement,
        amexChat: customElements.get('amex-chat') ?? null,
      }));
    `);
    assert.deepEqual(result, { mine: true, amexChat: null });
  });

  for (const specifier of ['amex-chat', 'amex-chat/define']) {
    it(`${specifier}: registers <amex-chat> in Lit's DOM shim, and nothing more`, () => {
      const result = importing(specifier);
      assert.deepEqual(result['exports'], API);
      assert.equal(result['defined'], 'AmexChatElement');
      assert.equal(result['sameClass'], true);
      // No window or document appears: nothing a framework's server code would mistake for a browser.
      assert.equal(result['window'], 'undefined');
      assert.equal(result['document'], 'undefined');
      // The globals that appear are Lit's own (its Node build, its shim registry), no more.
      for (const key of result['globals'] as string[]) assert.ok(LIT_GLOBALS.has(key), `global ${key}`);
    });
  }

  for (const specifier of [
    'amex-chat/cdn/amex-chat.js',
    'amex-chat/cdn/amex-chat.iife.js',
    'amex-chat/iife',
  ]) {
    it(`${specifier}: on a server, the npm build (the script-tag file needs a browser)`, () => {
      const result = importing(specifier);
      assert.deepEqual(result['exports'], API);
      assert.equal(result['defined'], 'AmexChatElement');
    });
  }

  it('importing two entries shares one class and one registration', () => {
    const result = run(`
      const a = await import('amex-chat');
      const b = await import('amex-chat/element');
      const c = await import('amex-chat/react');
      console.log(JSON.stringify([a.AmexChatElement === b.AmexChatElement, b.AmexChatElement === c.AmexChatElement]));
    `);
    assert.deepEqual(result, [true, true]);
  });

  it('amex-chat/react: server-renders <AmexChat> with react-dom/server', () => {
    const result = run(`
      const { AmexChat, AmexChatElement } = await import('amex-chat/react');
      const React = await import('react');
      const { renderToString } = await import('react-dom/server');
      const html = renderToString(
        React.createElement(AmexChat, {
          id: 'care',
          className: 'chat',
          endpoint: 'wss://chat.example.com/chat',
          tokenProvider: async () => 'token',
          onAmexChatMessage: () => {},
        }),
      );
      console.log(JSON.stringify({ html, name: AmexChat.displayName, defined: customElements.get('amex-chat') === AmexChatElement }));
    `) as { html: string; name: string; defined: boolean };
    // Element properties (set as properties once rendered in the browser) and event handlers are
    // not written as attributes; the usual HTML attributes are.
    assert.equal(result.html, '<amex-chat id="care" class="chat"></amex-chat>');
    assert.equal(result.name, 'AmexChat');
    assert.equal(result.defined, true);
  });

  it('type-checks a host that imports every entry (TypeScript, bundler and nodenext resolution)', () => {
    writeFileSync(
      join(app, 'host.tsx'),
      `
import { AmexChatElement, type AmexChatMessageDetail, type AmexChatErrorDetail } from 'amex-chat/element';
import { AmexChatElement as Defined } from 'amex-chat';
import 'amex-chat/define';
import { AmexChat, type AmexChatProps } from 'amex-chat/react';
import manifest from 'amex-chat/custom-elements.json' with { type: 'json' };
import pkg from 'amex-chat/package.json' with { type: 'json' };
import 'amex-chat/iife';

AmexChatElement.define('my-chat');
const same: typeof AmexChatElement = Defined;
const el = document.createElement('amex-chat');
el.tokenProvider = async () => 'token';
el.addEventListener('amex-chat-message', (event) => {
  const detail: AmexChatMessageDetail = event.detail;
  void detail.message;
});
void el.send('hello');
const version: string = window.AmexChat.PROTOCOL_VERSION;
void [same, manifest.schemaVersion, pkg.name, version];

export const page = (
  <AmexChat
    endpoint="wss://chat.example.com/chat"
    heading="Care"
    idleTimeout={600}
    tokenProvider={async () => 'token'}
    onAmexChatMessage={(event) => void event.detail.message.text}
    onAmexChatError={(event) => {
      const code: AmexChatErrorDetail['code'] = event.detail.code;
      void code;
    }}
    onAmexChatOpen={() => {}}
    onAmexChatClose={() => {}}
    onAmexChatState={(event) => void event.detail.phase}
    onAmexChatRedacted={(event) => void event.detail.count}
    ref={(node: AmexChatElement | null) => void node?.show()}
  />
);
// @ts-expect-error: redaction is 'mask' | 'block'
export const wrong = <AmexChat redaction="hide" />;
// @ts-expect-error: the detail of amex-chat-state has no text
export const wrongEvent = <AmexChat onAmexChatState={(event) => void event.detail.text} />;
const props: AmexChatProps = { open: true };
void props;
`,
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    for (const [module, moduleResolution] of [
      ['esnext', 'bundler'],
      ['nodenext', 'nodenext'],
    ]) {
      const config = `tsconfig.${moduleResolution}.json`;
      writeFileSync(
        join(app, config),
        JSON.stringify({
          compilerOptions: {
            target: 'es2022',
            module,
            moduleResolution,
            lib: ['es2023', 'dom', 'dom.iterable'],
            jsx: 'react-jsx',
            strict: true,
            noEmit: true,
            // The package's own declarations and what they import are checked too.
            skipLibCheck: false,
            resolveJsonModule: true,
            types: [],
          },
          files: ['host.tsx'],
        }),
      );
      try {
        execFileSync(process.execPath, [tsc, '-p', config], { cwd: app, encoding: 'utf8' });
      } catch (error) {
        assert.fail(`tsc (${moduleResolution}): ${(error as { stdout?: string }).stdout ?? String(error)}`);
      }
    }
  });
});
