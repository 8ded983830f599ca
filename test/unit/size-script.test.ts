// `npm run size` (scripts/size.mjs) fails the build when dist/cdn/amex-chat.js (the script-tag
// ES module, Lit inside) is over its brotli budget, and passes when it is within it. Runs the
// script on a scratch directory.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const script = join(import.meta.dirname, '../../scripts/size.mjs');
const dirs: string[] = [];

/**
 * A scratch root with a package.json budget, a 4 KB incompressible dist/cdn/amex-chat.js, and the
 * files measured for information (the classic script, the npm build).
 */
function fixture(budget: unknown, withBundle = true): string {
  const root = mkdtempSync(join(tmpdir(), 'amex-chat-size-'));
  dirs.push(root);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'x', sizeBudget: budget }));
  if (withBundle) {
    mkdirSync(join(root, 'dist/cdn'), { recursive: true });
    writeFileSync(join(root, 'dist/cdn/amex-chat.js'), randomBytes(4096).toString('base64'));
    writeFileSync(join(root, 'dist/cdn/amex-chat.iife.js'), 'var a=1;');
    writeFileSync(join(root, 'dist/amex-chat.js'), 'import{A}from"./element.js";export{A};');
    writeFileSync(join(root, 'dist/element.js'), 'import{html}from"lit";export const A=html;');
  }
  return root;
}

function run(root: string, ...flags: string[]): { status: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [script, '--root', root, ...flags], { encoding: 'utf8' });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('npm run size', () => {
  it('fails with a clear message when the brotli size is over the budget', () => {
    const { status, err, out } = run(fixture({ 'dist/cdn/amex-chat.js': { brotli: 1000, goal: 500 } }));
    assert.equal(status, 1);
    assert.match(
      err,
      /dist\/cdn\/amex-chat\.js is [\d,]+ B brotli-11, over its budget of 1,000 B by [\d,]+ B/,
    );
    assert.match(err, /may only be lowered/);
    assert.match(out, /dist\/cdn\/amex-chat\.iife\.js +raw/);
    // The npm build, with the chunk it imports by a relative path (not `lit`), for information.
    assert.match(out, /\+ dist\/element\.js +raw/);
    assert.match(
      out,
      /dist\/amex-chat\.js with its chunks +raw[^\n]*\n +\(npm build: without Lit, not minified; no budget\)/,
    );
  });

  it('passes within the budget and reports the distance to the goal', () => {
    const { status, out } = run(fixture({ 'dist/cdn/amex-chat.js': { brotli: 100_000, goal: 1000 } }));
    assert.equal(status, 0);
    assert.match(out, /dist\/cdn\/amex-chat\.js +raw +[\d,]+ B +gzip-9 +[\d,]+ B +brotli-11 +[\d,]+ B/);
    assert.match(out, /within it, [\d,]+ B to spare/);
    assert.match(out, /goal +1,000 B brotli-11: not met yet, [\d,]+ B \([\d.]+ KB\) over it/);
  });

  it('counts the chunks the entry imports, each compressed on its own, against the budget', () => {
    const root = fixture({ 'dist/cdn/amex-chat.js': { brotli: 3500 } });
    // The entry alone (4 KB of base64) is within 3,500 B; with its chunk it is not.
    const entry = randomBytes(2048).toString('base64');
    writeFileSync(join(root, 'dist/cdn/amex-chat.js'), entry);
    assert.equal(run(root).status, 0);
    writeFileSync(join(root, 'dist/cdn/amex-chat.js'), `${entry};import(\`./panel-abc.js\`);`);
    writeFileSync(
      join(root, 'dist/cdn/panel-abc.js'),
      `import{a}from"./shared-x.js";${randomBytes(1024).toString('base64')}`,
    );
    writeFileSync(join(root, 'dist/cdn/shared-x.js'), randomBytes(1024).toString('base64'));
    const { status, out, err } = run(root);
    assert.equal(status, 1);
    assert.match(out, /dist\/cdn\/amex-chat\.js \(entry\) +raw +2,7\d\d B/);
    assert.match(out, /\+ dist\/cdn\/panel-abc\.js +raw/);
    assert.match(out, /\+ dist\/cdn\/shared-x\.js +raw +1,368 B/);
    assert.match(out, /dist\/cdn\/amex-chat\.js with its chunks +raw +5,\d{3} B/);
    assert.match(err, /over its budget of 3,500 B/);
  });

  it('checks what loads before the launcher shows (static imports, not import()) against its budget', () => {
    const root = fixture({ 'dist/cdn/amex-chat.js': { brotli: 100_000, launcher: 2000 } });
    const entry = randomBytes(600).toString('base64');
    writeFileSync(
      join(root, 'dist/cdn/amex-chat.js'),
      `import"./shared-x.js";${entry};import("./panel-abc.js");`,
    );
    writeFileSync(join(root, 'dist/cdn/shared-x.js'), randomBytes(600).toString('base64'));
    writeFileSync(join(root, 'dist/cdn/panel-abc.js'), randomBytes(3000).toString('base64'));
    const within = run(root);
    assert.equal(within.status, 0, within.err);
    // The entry and its shared chunk (about 1,650 B): the panel's 4 KB chunk is not counted.
    assert.match(within.out, /before the launcher shows \(static imports\) +raw +1,6\d\d B/);
    assert.match(within.out, /launcher budget 2,000 B brotli-11: within it, [\d,]+ B to spare/);
    writeFileSync(join(root, 'dist/cdn/shared-x.js'), randomBytes(2400).toString('base64'));
    const over = run(root);
    assert.equal(over.status, 1);
    assert.match(
      over.err,
      /loads [\d,]+ B brotli-11 before the launcher shows, over its launcher budget of 2,000 B/,
    );
  });

  it("checks what a chat loads without its on-demand parts (the panel's import() only) against its budget", () => {
    const root = fixture({ 'dist/cdn/amex-chat.js': { brotli: 100_000, chat: 5000 } });
    writeFileSync(
      join(root, 'dist/cdn/amex-chat.js'),
      `${randomBytes(600).toString('base64')};import("./panel-abc.js");`,
    );
    // The panel imports a shared chunk statically and a part on demand.
    writeFileSync(
      join(root, 'dist/cdn/panel-abc.js'),
      `import"./shared-p.js";${randomBytes(1500).toString('base64')};import("./part-q.js");`,
    );
    writeFileSync(join(root, 'dist/cdn/shared-p.js'), randomBytes(600).toString('base64'));
    writeFileSync(join(root, 'dist/cdn/part-q.js'), randomBytes(3000).toString('base64'));
    const within = run(root);
    assert.equal(within.status, 0, within.err);
    // The entry, the panel and its shared chunk (about 3,700 B): the part's 4 KB chunk is not counted.
    assert.match(within.out, /a chat without its on-demand parts +raw +3,6\d\d B/);
    assert.match(within.out, /on demand: dist\/cdn\/part-q\.js +raw +4,000 B/);
    assert.match(within.out, /chat budget 5,000 B brotli-11: within it, [\d,]+ B to spare/);
    writeFileSync(join(root, 'dist/cdn/shared-p.js'), randomBytes(4000).toString('base64'));
    const over = run(root);
    assert.equal(over.status, 1);
    assert.match(
      over.err,
      /loads [\d,]+ B brotli-11 without its on-demand parts, over its chat budget of 5,000 B/,
    );
  });

  it('fails when a chunk the entry imports is missing', () => {
    const root = fixture({ 'dist/cdn/amex-chat.js': { brotli: 100_000 } });
    writeFileSync(join(root, 'dist/cdn/amex-chat.js'), 'import("./panel-gone.js");');
    const { status, err } = run(root);
    assert.equal(status, 1);
    assert.match(err, /dist\/cdn\/panel-gone\.js, imported by dist\/cdn\/amex-chat\.js, is missing/);
  });

  it('splits the brotli bytes by source module with --modules, from the source map', () => {
    const root = fixture({ 'dist/cdn/amex-chat.js': { brotli: 100_000 } });
    const [a, b, c] = [0, 1, 2].map(() => randomBytes(600).toString('base64'));
    writeFileSync(join(root, 'dist/cdn/amex-chat.js'), `${a}${b}\n${c}`);
    // Line 1: `a` from src/a.ts, `b` (from column 800) from lit-html; line 2: src/a.ts again.
    const map = {
      version: 3,
      sources: ['../../src/a.ts', '../../node_modules/lit-html/lit-html.js'],
      mappings: 'AAAA,gyBCAA;ADAA',
    };
    writeFileSync(join(root, 'dist/cdn/amex-chat.js.map'), JSON.stringify(map));
    const { status, out } = run(root, '--modules');
    assert.equal(status, 0);
    const bytes = (name: string): number =>
      Number(
        new RegExp(`^ +${name.replace(/[/.]/g, '\\$&')} +([\\d,]+) B`, 'm').exec(out)?.[1]?.replace(/,/g, ''),
      );
    const total = Number(
      /dist\/cdn\/amex-chat\.js +raw[^\n]*brotli-11 +([\d,]+) B/.exec(out)?.[1]?.replace(/,/g, ''),
    );
    // src/a.ts holds two of the three random runs, lit-html one; together the file's brotli size.
    assert.ok(bytes('src/a.ts') > 1.5 * bytes('lit-html'), out);
    assert.ok(Math.abs(bytes('src/a.ts') + bytes('lit-html') - total) <= 2, out);
    assert.match(out, /Lit \(lit-html, lit-element, @lit\/reactive-element\) +[\d,]+ B/);
    // Without the flag, no split.
    assert.doesNotMatch(run(root).out, /by module/);
  });

  it('fails when the bundle is missing or the budget is not set', () => {
    const missing = run(fixture({ 'dist/cdn/amex-chat.js': { brotli: 100_000 } }, false));
    assert.equal(missing.status, 1);
    assert.match(missing.err, /missing: run `npm run build` first/);
    assert.equal(run(fixture(undefined)).status, 1);
  });
});
