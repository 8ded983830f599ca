#!/usr/bin/env node
// `npm run size`: the size of the built widget, and its budget (issue 8).
//
// Prints raw, gzip -9 and brotli -11 sizes of the self-contained ES module for script tags,
// dist/cdn/amex-chat.js (Lit inside), and, for information, the classic script
// dist/cdn/amex-chat.iife.js and the npm build dist/amex-chat.js (it imports `lit` from the host's
// bundle, which minifies it: measured as shipped, not minified). A file that imports chunks
// (amex-chat.js loads the panel's module with `import()`) is measured with every chunk it imports
// by a relative path: each chunk compressed on its own, as it is served, and the sum is what its
// budget is checked against. Fails (exit 1) when that
// brotli size of a file listed in package.json's "sizeBudget" exceeds its "brotli" budget. Each
// entry may also carry a "goal" (issue 8: 20 KB), printed with the distance to it. The budget may
// only be lowered, or raised in a commit that says by how much and why.
//
//   node scripts/size.mjs [--root <dir>]   (default: the working directory; package.json and
//                                           the dist files are read from <dir>)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Measured for information: file → what it is. */
const INFO_ONLY = {
  'dist/cdn/amex-chat.iife.js': 'classic script, Lit inside',
  'dist/amex-chat.js': 'npm build: without Lit, not minified',
};

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root = rootAt >= 0 && args[rootAt + 1] ? args[rootAt + 1] : process.cwd();

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** @type {Record<string, { brotli?: number, goal?: number }>} */
const budgets = pkg.sizeBudget ?? {};
if (!Object.keys(budgets).length) {
  console.error('size: package.json has no "sizeBudget".');
  process.exit(1);
}

const fmt = (n) => `${n.toLocaleString('en-US')} B`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function measure(file) {
  const bytes = readFileSync(join(root, file));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

/** The relative chunks a built module imports, statically or with `import()`. */
function imports(source) {
  const found = new Set();
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`](\.\.?\/[^"'`]+)["'`]/g)) {
    found.add(match[1]);
  }
  return [...found];
}

/** `file` and every chunk it imports, directly or not, in the order first met. */
function withChunks(file) {
  const seen = [file];
  for (let i = 0; i < seen.length; i += 1) {
    if (!existsSync(join(root, seen[i]))) continue;
    const source = readFileSync(join(root, seen[i]), 'utf8');
    for (const spec of imports(source)) {
      const chunk = join(dirname(seen[i]), spec);
      if (!seen.includes(chunk)) seen.push(chunk);
    }
  }
  return seen;
}

let failed = false;
const files = [...Object.keys(budgets), ...Object.keys(INFO_ONLY).filter((f) => !(f in budgets))];
const width = Math.max(...files.map((f) => f.length + 18));
for (const file of files) {
  if (!existsSync(join(root, file))) {
    console.error(`size: ${file} is missing: run \`npm run build\` first.`);
    failed = true;
    continue;
  }
  const parts = withChunks(file);
  const line = (label, size) =>
    `${label.padEnd(width)}  raw ${fmt(size.raw).padStart(10)}  gzip-9 ${fmt(size.gzip).padStart(9)}  brotli-11 ${fmt(size.brotli).padStart(9)} (${kb(size.brotli)})`;
  const size = { raw: 0, gzip: 0, brotli: 0 };
  for (const part of parts) {
    if (!existsSync(join(root, part))) {
      console.error(`size: ${part}, imported by ${file}, is missing: run \`npm run build\` first.`);
      failed = true;
      continue;
    }
    const one = measure(part);
    for (const key of Object.keys(size)) size[key] += one[key];
    if (parts.length > 1) console.log(line(part === file ? `${file} (entry)` : `  + ${part}`, one));
  }
  console.log(line(parts.length > 1 ? `${file} with its chunks` : file, size));
  if (!budgets[file] && INFO_ONLY[file]) console.log(`  (${INFO_ONLY[file]}; no budget)`);
  const budget = budgets[file];
  if (!budget) continue;
  const { brotli: limit, goal } = budget;
  if (typeof limit !== 'number') {
    console.error(`size: sizeBudget["${file}"].brotli is not a number.`);
    failed = true;
    continue;
  }
  if (size.brotli > limit) {
    console.error(
      `size: ${file} is ${fmt(size.brotli)} brotli-11, over its budget of ${fmt(limit)} by ${fmt(size.brotli - limit)}. ` +
        'Make it smaller: the budget (package.json "sizeBudget") may only be lowered, or raised in a commit that says by how much and why.',
    );
    failed = true;
  } else {
    console.log(`  budget ${fmt(limit)} brotli-11: within it, ${fmt(limit - size.brotli)} to spare.`);
  }
  if (typeof goal === 'number') {
    console.log(
      size.brotli <= goal
        ? `  goal   ${fmt(goal)} brotli-11: met, ${fmt(goal - size.brotli)} under it.`
        : `  goal   ${fmt(goal)} brotli-11: not met yet, ${fmt(size.brotli - goal)} (${kb(size.brotli - goal)}) over it.`,
    );
    if (limit > goal && size.brotli <= goal) {
      console.log(`  the bundle meets the goal: lower the budget to ${fmt(goal)}.`);
    }
  }
}
process.exit(failed ? 1 : 0);
