#!/usr/bin/env node
// Fails when custom-elements.json is not what `npm run analyze` would write now.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// The analyzer resolves --outdir against the working directory, so keep the scratch dir inside it.
const dir = mkdtempSync(join(process.cwd(), 'node_modules', '.cem-check-'));
// The analyzer also points package.json's "customElements" at whatever --outdir it was given:
// put package.json back as it was.
const packageJson = readFileSync('package.json', 'utf8');
try {
  execFileSync(
    process.execPath,
    [
      'node_modules/@custom-elements-manifest/analyzer/cem.js',
      'analyze',
      '--litelement',
      '--outdir',
      relative(process.cwd(), dir),
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const fresh = readFileSync(join(dir, 'custom-elements.json'), 'utf8');
  const committed = readFileSync('custom-elements.json', 'utf8');
  if (fresh !== committed) {
    console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
    process.exitCode = 1;
  } else {
    console.log('custom-elements.json is up to date.');
  }
} finally {
  writeFileSync('package.json', packageJson);
  rmSync(dir, { recursive: true, force: true });
}
