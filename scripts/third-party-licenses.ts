/**
 * The licenses of the third-party code in `dist/` (Lit and mitt), as one text file next to it.
 *
 * The build strips every comment from the shipped files (issue 8: the smallest widget), Lit's
 * per-file `@license` notices among them; both licenses (BSD-3-Clause, MIT) ask that a binary
 * redistribution carry the copyright notice and the license "in the documentation and/or other
 * materials provided with the distribution". `dist/THIRD-PARTY-LICENSES.txt` does: for every npm
 * package whose code is in an output chunk (found from the chunk's modules), its name, version
 * and whole LICENSE file. It ships with `dist/` (package.json `files`); the bundle's bytes are
 * unchanged.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const LICENSES_FILE = 'THIRD-PARTY-LICENSES.txt';

/** The package a module id belongs to: its directory under the last node_modules/, or undefined. */
export function packageDir(id: string): string | undefined {
  const at = id.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const rest = id.slice(at + '/node_modules/'.length).split('/');
  const name = rest[0]?.startsWith('@') ? rest.slice(0, 2) : rest.slice(0, 1);
  return join(id.slice(0, at), 'node_modules', ...name);
}

/** The notice text for these package directories, sorted by package name. */
export function licensesText(dirs: Iterable<string>): string {
  const parts = [...new Set(dirs)]
    .map((dir) => {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name: string;
        version: string;
        license?: string;
        homepage?: string;
      };
      const file = readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(name));
      if (!file) throw new Error(`${pkg.name} has no LICENSE file to reproduce`);
      return { pkg, text: readFileSync(join(dir, file), 'utf8').trim() };
    })
    .sort((a, b) => a.pkg.name.localeCompare(b.pkg.name));
  return [
    'amex-chat includes the following third-party software in dist/.',
    '',
    ...parts.flatMap(({ pkg, text }) => [
      '-'.repeat(78),
      `${pkg.name} ${pkg.version} (${pkg.license ?? 'see below'})${pkg.homepage ? ` ${pkg.homepage}` : ''}`,
      '',
      text,
      '',
    ]),
  ].join('\n');
}

export function thirdPartyLicenses(): Plugin {
  return {
    name: 'amex-chat-third-party-licenses',
    apply: 'build',
    generateBundle(_options, bundle) {
      const dirs = new Set<string>();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of output.moduleIds) {
          const dir = packageDir(id.replace(/^\0/, '').split('?')[0] ?? '');
          if (dir) dirs.add(dir);
        }
      }
      // Both outputs (ES and IIFE) carry the same packages; each writes the same file.
      this.emitFile({ type: 'asset', fileName: LICENSES_FILE, source: licensesText(dirs) });
    },
  };
}
