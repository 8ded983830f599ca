// dist/THIRD-PARTY-LICENSES.txt (scripts/third-party-licenses.ts) reproduces the license of every
// npm package whose code the build put in dist/: the shipped files carry no comments, so the
// copyright notices that Lit's BSD-3-Clause and mitt's MIT license require travel in this file.
// Reads the build `npm test` makes first; the packages are found independently, from the source
// maps of every shipped file.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LICENSES_FILE, licensesText, packageDir } from '../../scripts/third-party-licenses.js';

const root = join(import.meta.dirname, '../..');

describe('third-party licenses', () => {
  it('packageDir finds the package of a module id, scoped or not', () => {
    assert.equal(packageDir('/a/node_modules/lit-html/lit-html.js'), '/a/node_modules/lit-html');
    assert.equal(
      packageDir('/a/node_modules/@lit/reactive-element/css-tag.js'),
      '/a/node_modules/@lit/reactive-element',
    );
    assert.equal(
      packageDir('/a/node_modules/x/node_modules/mitt/dist/mitt.mjs'),
      '/a/node_modules/x/node_modules/mitt',
    );
    assert.equal(packageDir('/a/src/components/amex-chat.ts'), undefined);
  });

  it('refuses a package without a LICENSE file rather than writing an incomplete notice', () => {
    // dist/ holds no package.json of a package with a license: use a directory that has neither.
    assert.throws(() => licensesText([join(root, 'test')]));
  });

  // The script-tag files carry Lit and mitt; the npm build imports Lit and carries mitt and
  // @lit/react (the React wrapper).
  for (const [folder, expected] of [
    ['dist/cdn', ['lit-html', 'mitt']],
    ['dist', ['mitt', '@lit/react']],
  ] as const) {
    it(`${folder}/ carries the license of every package whose code is in a shipped file`, () => {
      const dist = join(root, folder);
      assert.ok(existsSync(join(dist, 'amex-chat.js')), `${folder}/ is missing: run \`npm run build\` first`);
      const text = readFileSync(join(dist, LICENSES_FILE), 'utf8');
      const shipped = readdirSync(dist).filter((name) => name.endsWith('.js'));
      const packages = new Set<string>();
      for (const file of shipped) {
        const map = JSON.parse(readFileSync(join(dist, `${file}.map`), 'utf8')) as { sources: string[] };
        for (const source of map.sources) {
          const dir = packageDir(source.replaceAll('\\', '/'));
          if (dir) packages.add(dir.split('/node_modules/').pop()!);
        }
      }
      for (const name of expected) assert.ok(packages.has(name), `found ${[...packages].join(', ')}`);
      if (folder === 'dist') assert.ok(!packages.has('lit-html'), 'the npm build imports Lit, not a copy');
      for (const name of packages) {
        const pkg = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
          version: string;
        };
        assert.match(
          text,
          new RegExp(`^${name.replace('/', '\\/')} ${pkg.version.replaceAll('.', '\\.')} `, 'm'),
        );
      }
      // The notices themselves, whole.
      assert.match(text, /Copyright \(c\) 20\d\d Google LLC/);
      assert.match(text, /Redistributions in binary form must reproduce the above copyright notice/);
      assert.match(text, /Copyright \(c\) \d{4} Jason Miller/);
      assert.match(text, /Permission is hereby granted, free of charge/);
    });
  }
});
