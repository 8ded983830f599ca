// No module may import itself back through others: a cycle makes load order decide which side
// sees `undefined`, and it is the first sign that two files share one responsibility.
// Type-only imports count: a type cycle is two files sharing one model. Dynamic `import()` does
// not, because it loads after both modules have run (the element loads its panel chunk lazily).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../..');
const folders = ['src', 'server', 'demo', 'scripts', 'bench', 'test'];

function sources(): string[] {
  return folders.flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true })
      .map(String)
      .filter((f) => /\.(ts|mts)$/.test(f) && !f.endsWith('.d.ts') && !f.includes('node_modules'))
      .filter((f) => !f.split(/[\\/]/).some((part) => part.startsWith('.')))
      .map((f) => join(root, folder, f)),
  );
}

/** The files a module imports or re-exports from, types included (a type cycle is a design cycle). */
export function staticImports(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const node of source.statements) {
    const specifier =
      ts.isImportDeclaration(node) || ts.isExportDeclaration(node) ? node.moduleSpecifier : undefined;
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) {
      const target = resolveModule(dirname(file), specifier.text);
      if (target) found.push(target);
    }
  }
  return found;
}

function resolveModule(from: string, specifier: string): string | undefined {
  const base = resolve(from, specifier);
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.mjs$/, '.mts'),
    `${base}.ts`,
    join(base, 'index.ts'),
  ];
  return candidates.find((candidate) => /\.(ts|mts)$/.test(candidate) && existsSync(candidate));
}

/** Every cycle's files, in import order, found by a depth-first walk. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const seen = state.get(next);
      if (seen === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (seen === undefined) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('import graph', () => {
  it('finds a cycle when there is one (the check can fail)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    assert.deepEqual(findCycles(graph), [['a', 'b', 'c', 'a']]);
  });

  it('reads imports and re-exports, types too, and leaves out dynamic import()', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from './b.js';",
      "import { type C } from './c.js';",
      "export { d } from './d.js';",
      "export type { E } from './e.js';",
      "const f = import('./f.js');",
    ].join('\n');
    // Resolved against a scratch folder whose a.ts … f.ts are the test's own stand-ins.
    const here = mkdtempSync(join(tmpdir(), 'import-cycles-'));
    for (const name of 'abcdef') writeFileSync(join(here, `${name}.ts`), '');
    const imports = staticImports(join(here, 'x.ts'), text).map((f) => relative(here, f));
    rmSync(here, { recursive: true });
    assert.deepEqual(imports, ['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts']);
  });

  it('has no cycle in src, server, demo, scripts, bench or test', () => {
    const graph = new Map<string, string[]>();
    for (const file of sources()) graph.set(file, staticImports(file, readFileSync(file, 'utf8')));
    const cycles = findCycles(graph).map((cycle) => cycle.map((f) => relative(root, f)).join(' → '));
    assert.deepEqual(cycles, []);
  });
});
