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
// entry may also carry a "goal" (issue 8: 20 KB), printed with the distance to it, and a
// "launcher" budget: the file with the chunks it imports statically (not with `import()`), which
// is what a page loads before the launcher shows (issue 25: 10 KB), and a "chat" budget: what a
// chat loads when it uses none of the parts that load on demand (an identity check, documents,
// the needs form: on-demand.ts), that is the launcher's files, the chunks they import with
// `import()` (the panel's) and the chunks those import statically. The budgets may only be
// lowered, or raised in a commit that says by how much and why.
//
//   node scripts/size.mjs [--root <dir>]   (default: the working directory; package.json and
//                                           the dist files are read from <dir>)
//   node scripts/size.mjs --modules        also splits each budgeted file's brotli bytes by the
//                                           source module they were built from (bench/README.md)
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
const byModule = args.includes('--modules');

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** @type {Record<string, { brotli?: number, goal?: number, launcher?: number, chat?: number }>} */
const budgets = pkg.sizeBudget ?? {};
if (!Object.keys(budgets).length) {
  console.error('size: package.json has no "sizeBudget".');
  process.exit(1);
}

const fmt = (n) => `${n.toLocaleString('en-US')} B`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function brotli(bytes) {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;
}

function measure(file) {
  const bytes = readFileSync(join(root, file));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotli(bytes),
  };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The fields of one source-map segment (base64 VLQ, each relative to the one before). */
function decodeSegment(segment) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return fields;
}

/**
 * The module a source-map source belongs to: a package's folder for node_modules (`lit-html`),
 * the path from the repository root otherwise (`src/components/amex-chat.ts`).
 */
function moduleOf(source) {
  const packaged = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (packaged) return packaged[1];
  return source.replace(/^(\.\.\/)+/, '');
}

/**
 * The minified text of `file` by source module, read from its source map (`file.map`): each run
 * of generated text belongs to the source of the segment it starts with; text before a line's
 * first segment, or in a segment with no source, is `(no source)`.
 */
function textByModule(file) {
  const text = readFileSync(join(root, file), 'utf8');
  const map = JSON.parse(readFileSync(join(root, `${file}.map`), 'utf8'));
  const modules = new Map();
  const add = (name, piece) => modules.set(name, (modules.get(name) ?? '') + piece);
  let source = 0;
  const lines = text.split('\n');
  map.mappings.split(';').forEach((line, row) => {
    const generated = lines[row] ?? '';
    let column = 0;
    let from = 0;
    let owner = '(no source)';
    for (const segment of line ? line.split(',') : []) {
      const fields = decodeSegment(segment);
      column += fields[0] ?? 0;
      add(owner, generated.slice(from, column));
      from = column;
      if (fields.length >= 4) {
        source += fields[1];
        owner = moduleOf(map.sources[source] ?? '(no source)');
      } else owner = '(no source)';
    }
    add(owner, row < lines.length - 1 ? `${generated.slice(from)}\n` : generated.slice(from));
  });
  for (const extra of lines.slice(map.mappings.split(';').length)) add('(no source)', `${extra}\n`);
  return modules;
}

/**
 * Prints how the brotli bytes of `parts` (an entry and its chunks) split by source module. A
 * module's text is compressed on its own and the results are scaled so that each file's rows add
 * up to its real brotli size: shared context (Lit's names, the element's words) is spread in
 * proportion, not given to whichever module comes first.
 */
function printByModule(parts) {
  const rows = new Map();
  for (const part of parts) {
    if (!existsSync(join(root, `${part}.map`))) {
      console.log(`  ${part}: no source map, not split by module`);
      continue;
    }
    const modules = textByModule(part);
    const own = new Map([...modules].map(([name, piece]) => [name, brotli(Buffer.from(piece))]));
    const sum = [...own.values()].reduce((a, b) => a + b, 0);
    const total = measure(part).brotli;
    for (const [name, bytes] of own) {
      const row = rows.get(name) ?? { brotli: 0, raw: 0, files: new Set() };
      row.brotli += (bytes * total) / sum;
      row.raw += Buffer.byteLength(modules.get(name));
      row.files.add(part.split('/').pop());
      rows.set(name, row);
    }
  }
  const total = [...rows.values()].reduce((a, r) => a + r.brotli, 0);
  const folders = new Map();
  for (const [name, row] of rows) {
    const folder = name.startsWith('src/')
      ? name.split('/').slice(0, -1).join('/')
      : /^(@lit\/|lit-|lit$)/.test(name)
        ? 'Lit (lit-html, lit-element, @lit/reactive-element)'
        : name;
    folders.set(folder, (folders.get(folder) ?? 0) + row.brotli);
  }
  console.log(
    '  brotli-11 by module (minified bytes from the source maps; each file scaled to its real size):',
  );
  for (const [name, row] of [...rows].sort((a, b) => b[1].brotli - a[1].brotli)) {
    const share = `${((row.brotli / total) * 100).toFixed(1)} %`;
    console.log(
      `    ${name.padEnd(50)} ${fmt(Math.round(row.brotli)).padStart(9)} ${share.padStart(7)}  raw ${fmt(row.raw).padStart(9)}  in ${[...row.files].join(', ')}`,
    );
  }
  console.log('  by folder (a package, or a folder of src/):');
  for (const [name, bytes] of [...folders].sort((a, b) => b[1] - a[1])) {
    console.log(`    ${name.padEnd(50)} ${fmt(Math.round(bytes)).padStart(9)} ${kb(bytes).padStart(8)}`);
  }
}

/** The relative chunks a built module imports: statically, and with `import()` unless `staticOnly`. */
function imports(source, staticOnly = false) {
  const found = new Set();
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*(\(?)\s*)["'`](\.\.?\/[^"'`]+)["'`]/g)) {
    if (!(staticOnly && match[1])) found.add(match[2]);
  }
  return [...found];
}

/** `file` and every chunk it imports, directly or not, in the order first met. */
function withChunks(file, staticOnly = false) {
  return closure([file], staticOnly);
}

/** `files` and every chunk they import, directly or not (only statically if `staticOnly`). */
function closure(files, staticOnly) {
  const seen = [...files];
  for (let i = 0; i < seen.length; i += 1) {
    if (!existsSync(join(root, seen[i]))) continue;
    const source = readFileSync(join(root, seen[i]), 'utf8');
    for (const spec of imports(source, staticOnly)) {
      const chunk = join(dirname(seen[i]), spec);
      if (!seen.includes(chunk)) seen.push(chunk);
    }
  }
  return seen;
}

/** What a chat loads without its on-demand parts: see the "chat" budget above. */
function chatChunks(file) {
  const launcher = withChunks(file, true);
  const panel = launcher.flatMap((part) =>
    existsSync(join(root, part))
      ? imports(readFileSync(join(root, part), 'utf8')).map((spec) => join(dirname(part), spec))
      : [],
  );
  return closure([...new Set([...launcher, ...panel])], true);
}

/** The sum of the sizes of `parts` (those that exist). */
function sum(parts) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const part of parts.filter((p) => existsSync(join(root, p)))) {
    const one = measure(part);
    for (const key of Object.keys(total)) total[key] += one[key];
  }
  return total;
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
  if (byModule && budgets[file]) printByModule(parts);
  if (!budgets[file] && INFO_ONLY[file]) console.log(`  (${INFO_ONLY[file]}; no budget)`);
  const budget = budgets[file];
  if (!budget) continue;
  const { brotli: limit, goal, launcher, chat } = budget;
  if (typeof launcher === 'number') {
    const before = sum(withChunks(file, true));
    console.log(line(`  before the launcher shows (static imports)`, before));
    if (before.brotli > launcher) {
      console.error(
        `size: ${file} loads ${fmt(before.brotli)} brotli-11 before the launcher shows, over its launcher budget of ${fmt(launcher)} by ${fmt(before.brotli - launcher)}.`,
      );
      failed = true;
    } else {
      console.log(
        `  launcher budget ${fmt(launcher)} brotli-11: within it, ${fmt(launcher - before.brotli)} to spare.`,
      );
    }
  }
  if (typeof chat === 'number') {
    const chatParts = chatChunks(file);
    const forChat = sum(chatParts);
    console.log(line(`  a chat without its on-demand parts`, forChat));
    for (const part of parts.filter((p) => !chatParts.includes(p)))
      console.log(line(`    on demand: ${part}`, measure(part)));
    if (forChat.brotli > chat) {
      console.error(
        `size: a chat with ${file} loads ${fmt(forChat.brotli)} brotli-11 without its on-demand parts, over its chat budget of ${fmt(chat)} by ${fmt(forChat.brotli - chat)}.`,
      );
      failed = true;
    } else {
      console.log(`  chat budget ${fmt(chat)} brotli-11: within it, ${fmt(chat - forChat.brotli)} to spare.`);
    }
  }
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
