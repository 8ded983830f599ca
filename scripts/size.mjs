#!/usr/bin/env node
// `npm run size`: the size of the built widget, and its budget (issue 8).
//
// Prints raw, gzip -9 and brotli -11 sizes of dist/amex-chat.js and, for information,
// dist/amex-chat.iife.js. Fails (exit 1) when the brotli size of a file listed in package.json's
// "sizeBudget" exceeds its "brotli" budget. Each entry may also carry a "goal" (issue 8: 20 KB),
// printed with the distance to it. The budget may only ever be lowered.
//
//   node scripts/size.mjs [--root <dir>]   (default: the working directory; package.json and
//                                           the dist files are read from <dir>)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const INFO_ONLY = ['dist/amex-chat.iife.js'];

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

let failed = false;
const files = [...Object.keys(budgets), ...INFO_ONLY.filter((f) => !(f in budgets))];
const width = Math.max(...files.map((f) => f.length));
for (const file of files) {
  if (!existsSync(join(root, file))) {
    console.error(`size: ${file} is missing: run \`npm run build\` first.`);
    failed = true;
    continue;
  }
  const size = measure(file);
  console.log(
    `${file.padEnd(width)}  raw ${fmt(size.raw).padStart(10)}  gzip-9 ${fmt(size.gzip).padStart(9)}  brotli-11 ${fmt(size.brotli).padStart(9)} (${kb(size.brotli)})`,
  );
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
        'Make it smaller: the budget (package.json "sizeBudget") may only be lowered.',
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
