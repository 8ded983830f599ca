// What `npm install amex-chat` gets (issue 23): the tarball `npm pack` makes, its package.json,
// and the reference server's own workspace package. Reads the build `npm test` makes first
// (`npm run build`).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';

const root = join(import.meta.dirname, '../..');

interface PackageJson {
  name: string;
  private?: boolean;
  license?: string;
  engines?: unknown;
  type?: string;
  main?: string;
  module?: string;
  types?: string;
  exports: Record<string, string | Record<string, string>>;
  sideEffects?: string[] | boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  devDependencies?: Record<string, string>;
  customElements?: string;
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;

/** The files of the tarball, as `npm pack --dry-run` lists them. */
let files: string[] = [];
let unpackedSize = 0;

/** Every file an export names, under every condition. */
function exportTargets(): string[] {
  return Object.values(pkg.exports).flatMap((target) =>
    typeof target === 'string' ? [target] : Object.values(target),
  );
}

const rel = (path: string): string => path.replace(/^\.\//, '');

describe('the npm package', () => {
  before(() => {
    assert.ok(existsSync(join(root, 'dist/amex-chat.js')), 'dist/ is missing: run `npm run build` first');
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [report] = JSON.parse(out) as { files: { path: string }[]; unpackedSize: number }[];
    assert.ok(report);
    files = report.files.map((file) => file.path).sort();
    unpackedSize = report.unpackedSize;
  });

  it('holds the builds, the types, the manifest, the license and the readme', () => {
    for (const file of [
      'package.json',
      'README.md',
      'LICENSE',
      'custom-elements.json',
      'dist/amex-chat.js',
      'dist/element.js',
      'dist/react.js',
      'dist/THIRD-PARTY-LICENSES.txt',
      'dist/cdn/amex-chat.js',
      'dist/cdn/amex-chat.iife.js',
      'dist/cdn/THIRD-PARTY-LICENSES.txt',
      'dist/types/index.d.ts',
      'dist/types/define.d.ts',
      'dist/types/react.d.ts',
      'dist/types/iife.d.ts',
      'dist/types/components/events.d.ts',
    ]) {
      assert.ok(files.includes(file), `${file} is in the tarball`);
    }
    // Each build's panel chunk sits next to the module that imports it.
    assert.equal(files.filter((file) => /^dist\/panel-[^/]+\.js$/.test(file)).length, 1);
    assert.equal(files.filter((file) => /^dist\/cdn\/panel-[^/]+\.js$/.test(file)).length, 1);
    // And so does the identity check's, which the panel's imports.
    assert.equal(files.filter((file) => /^dist\/identity-check-[^/]+\.js$/.test(file)).length, 1);
    assert.equal(files.filter((file) => /^dist\/cdn\/identity-check-[^/]+\.js$/.test(file)).length, 1);
    // The minified script-tag files come with their source maps.
    assert.ok(files.includes('dist/cdn/amex-chat.js.map'));
    assert.ok(files.includes('dist/cdn/amex-chat.iife.js.map'));
    console.log(`${files.length} files, ${(unpackedSize / 1024).toFixed(0)} KiB unpacked`);
  });

  it('holds no sources, server, tests, demo, benches, scripts or maps of the readable build', () => {
    const unwanted = files.filter(
      (file) =>
        /^(src|server|test|demo|bench|scripts|docs|\.ci)\//.test(file) ||
        // types/ holds only the hand-written declarations of the type-only entries.
        (file.startsWith('types/') && !file.endsWith('.d.mts')) ||
        // The npm build is not minified: its maps (written for the license test) stay home, and
        // so do declaration maps, which would point at src/.
        /^dist\/[^/]+\.map$/.test(file) ||
        file.endsWith('.d.ts.map') ||
        /(^|\/)(tsconfig[^/]*\.json|vite\.config\.ts|package-lock\.json|\.env.*)$/.test(file),
    );
    assert.deepEqual(unwanted, []);
    // The readable build has no sourceMappingURL pointing at a file that is not shipped.
    for (const file of files.filter((f) => /^dist\/[^/]+\.js$/.test(f))) {
      assert.doesNotMatch(readFileSync(join(root, file), 'utf8'), /sourceMappingURL/, file);
    }
  });

  // The element imports @lit/reactive-element itself (its launcher carries no template engine), so
  // it names it: lit depends on it too, in the same major version, and a package manager that
  // does not hoist (pnpm) must still find it.
  it('depends on Lit alone; react is an optional peer; nothing of the server', () => {
    assert.deepEqual(Object.keys(pkg.dependencies ?? {}), ['@lit/reactive-element', 'lit']);
    const lit = JSON.parse(readFileSync(join(root, 'node_modules/lit/package.json'), 'utf8')) as PackageJson;
    const major = (range = '') => range.replace(/^\^/, '').split('.')[0];
    assert.equal(
      major(pkg.dependencies?.['@lit/reactive-element']),
      major(lit.dependencies?.['@lit/reactive-element']),
    );
    assert.deepEqual(Object.keys(pkg.peerDependencies ?? {}), ['react']);
    assert.equal(pkg.peerDependenciesMeta?.['react']?.optional, true);
    for (const name of ['ws', 'redis', 'mitt', '@lit/react']) {
      assert.ok(!(name in (pkg.dependencies ?? {})), `${name} is not a dependency`);
    }
  });

  it('is public, Apache-2.0 with the license text, with no engines', () => {
    assert.equal(pkg.name, 'amex-chat');
    assert.equal(pkg.private, undefined);
    assert.equal(pkg.license, 'Apache-2.0');
    assert.equal(pkg.engines, undefined);
    assert.equal(pkg.type, 'module');
    const license = readFileSync(join(root, 'LICENSE'), 'utf8');
    assert.match(license, /Apache License\s+Version 2\.0, January 2004/);
    assert.match(license, /END OF TERMS AND CONDITIONS/);
    assert.match(license, /APPENDIX: How to apply the Apache License to your work/);
  });

  it('exports each way in, with types, and every file an export names is shipped', () => {
    for (const key of [
      '.',
      './element',
      './define',
      './react',
      './cdn/amex-chat.js',
      './cdn/amex-chat.iife.js',
      './iife',
      './custom-elements.json',
      './package.json',
    ]) {
      assert.ok(key in pkg.exports, `exports ${key}`);
    }
    // Any other entry is types only (amex-chat/jsx-react, amex-chat/vue): nothing to import at run time.
    for (const [key, value] of Object.entries(pkg.exports)) {
      if (typeof value !== 'string' && !('default' in value))
        assert.deepEqual(Object.keys(value), ['types'], key);
    }
    const target = (key: string): Record<string, string> => pkg.exports[key] as Record<string, string>;
    assert.deepEqual(target('.'), { types: './dist/types/define.d.ts', default: './dist/amex-chat.js' });
    assert.deepEqual(target('./define'), target('.'));
    assert.deepEqual(target('./element'), { types: './dist/types/index.d.ts', default: './dist/element.js' });
    assert.deepEqual(target('./react'), { types: './dist/types/react.d.ts', default: './dist/react.js' });
    // The script-tag files: Lit inside for browsers; on a server the npm build, which imports
    // Lit's Node build, so that even these import without a DOM.
    assert.deepEqual(target('./cdn/amex-chat.js'), {
      types: './dist/types/define.d.ts',
      node: './dist/amex-chat.js',
      default: './dist/cdn/amex-chat.js',
    });
    assert.deepEqual(target('./iife'), target('./cdn/amex-chat.iife.js'));
    assert.equal(target('./iife')['default'], './dist/cdn/amex-chat.iife.js');
    for (const [key, value] of Object.entries(pkg.exports)) {
      // `types` comes first, as TypeScript reads conditions in order.
      if (typeof value !== 'string' && key !== './custom-elements.json') {
        assert.equal(Object.keys(value)[0], 'types', `${key}: types first`);
      }
    }
    for (const file of [...exportTargets(), pkg.main, pkg.module, pkg.types, pkg.customElements]) {
      assert.ok(file && files.includes(rel(file)), `${file} is in the tarball`);
    }
  });

  it('marks only the files that register the tag as having side effects', () => {
    assert.deepEqual(pkg.sideEffects, ['./dist/amex-chat.js', './dist/react.js', './dist/cdn/*']);
    // The side-effect-free files call no define: the element's module and the panel's chunks.
    for (const file of files.filter((f) =>
      /^dist\/(element|panel-[^/]+|identity-check-[^/]+)\.js$/.test(f),
    )) {
      assert.doesNotMatch(
        readFileSync(join(root, file), 'utf8'),
        /\.define\(\)|customElements\.define/,
        file,
      );
    }
    assert.match(readFileSync(join(root, 'dist/amex-chat.js'), 'utf8'), /AmexChatElement\.define\(\)/);
  });

  it('imports Lit from the npm build (the element without its templates) and carries it in the script-tag files', () => {
    const imports = (file: string): string[] =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/^import\b[^'"]*["']([^"']+)["']/gm)].map(
        (match) => match[1]!,
      );
    // The element (the launcher) needs Lit's reactive element only; `lit` comes with the panel.
    assert.deepEqual(
      imports('dist/element.js').filter((spec) => !spec.startsWith('.')),
      ['@lit/reactive-element'],
      'element.js imports no templates',
    );
    const bare = files
      .filter((f) => /^dist\/[^/]+\.js$/.test(f))
      .flatMap((f) => imports(f))
      .filter((spec) => !spec.startsWith('.'));
    assert.deepEqual([...new Set(bare)].sort(), [
      '@lit/reactive-element',
      'lit',
      'lit/directives/repeat.js',
      'react',
    ]);
    for (const file of files.filter((f) => /^dist\/cdn\/[^/]+\.js$/.test(f))) {
      assert.deepEqual(
        imports(file).filter((spec) => !spec.startsWith('.')),
        [],
        `${file} imports nothing by name`,
      );
    }
    // react.js is a client module for React Server Components.
    assert.match(readFileSync(join(root, 'dist/react.js'), 'utf8'), /^["']use client["'];/);
  });

  it('keeps the reference server in its own private workspace package', () => {
    const server = JSON.parse(readFileSync(join(root, 'server/package.json'), 'utf8')) as PackageJson;
    assert.equal(server.private, true);
    assert.equal(server.type, 'module');
    assert.deepEqual(Object.keys(server.dependencies ?? {}).sort(), ['redis', 'ws']);
    assert.ok(server.engines);
    assert.deepEqual((pkg as { workspaces?: string[] }).workspaces, ['server']);
  });
});
