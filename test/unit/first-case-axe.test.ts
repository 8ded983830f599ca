// The first case of every UI test file is its axe audit (docs: the design's test conventions), so
// a file's subject is audited in its richest state before any feature case changes the page. This
// reads every file under test/browser and test/e2e, finds the case Mocha runs first (a suite runs
// its own cases before its nested suites), and checks that its title names an audit.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../..');
const folders = ['test/browser', 'test/e2e'];

/** What a first case's title must name. */
const AUDIT = /axe|accessib|audit/i;

/**
 * Files that need no audit first, each with its reason. A file that renders UI belongs here only
 * when running an audit before its first case would change what that case checks.
 */
const EXEMPT: Record<string, string> = {
  // A controller driven by a stand-in host and a fake module: nothing is rendered.
  'test/browser/on-demand.test.ts': 'renders no UI',
  // Two cross-tab hubs in one page, their lock and channel: nothing is rendered.
  'test/browser/tab-hub.test.ts': 'renders no UI',
  // The shared test helpers, on their own: nothing is rendered.
  'test/browser/test-helpers.test.ts': 'renders no UI',
  // Its one case checks that the identity check's chunk has not been loaded by the page before it
  // (a module loads once per page), so no audit of the check may come first; the same strip is
  // audited at each step in test/browser/verification.test.ts.
  'test/browser/verify-slot.test.ts': 'its first case must run before the chunk loads',
};

interface Test {
  kind: 'test';
  title: string;
}
interface Suite {
  kind: 'suite';
  title: string;
  children: (Suite | Test)[];
}

/** `describe`, `it` (or their `.only`/`.skip`) when `call` is one of them. */
function mochaName(call: ts.CallExpression): string | undefined {
  const callee = ts.isPropertyAccessExpression(call.expression)
    ? call.expression.expression
    : call.expression;
  return ts.isIdentifier(callee) && ['describe', 'it'].includes(callee.text) ? callee.text : undefined;
}

function titleOf(call: ts.CallExpression, source: ts.SourceFile): string {
  const first = call.arguments[0];
  if (!first) return '';
  if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) return first.text;
  return first.getText(source);
}

/** The suites and cases of a test file, in source order, as Mocha nests them. */
export function suiteOf(file: string, text: string): Suite {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const top: Suite = { kind: 'suite', title: '', children: [] };
  const visit = (node: ts.Node, suite: Suite): void => {
    if (ts.isCallExpression(node)) {
      const name = mochaName(node);
      if (name === 'it') {
        suite.children.push({ kind: 'test', title: titleOf(node, source) });
        return;
      }
      if (name === 'describe') {
        const inner: Suite = { kind: 'suite', title: titleOf(node, source), children: [] };
        suite.children.push(inner);
        for (const arg of node.arguments) visit(arg, inner);
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, suite));
  };
  visit(source, top);
  return top;
}

/** The title of the case Mocha runs first: a suite's own cases, then its suites in order. */
export function firstCase(suite: Suite): string | undefined {
  const own = suite.children.find((c): c is Test => c.kind === 'test');
  if (own) return own.title;
  for (const child of suite.children) {
    if (child.kind === 'suite') {
      const found = firstCase(child);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Why `text` breaks the rule, or undefined when its first case is an audit. */
export function firstCaseProblem(file: string, text: string): string | undefined {
  const title = firstCase(suiteOf(file, text));
  if (title === undefined) return `${file}: no case`;
  return AUDIT.test(title) ? undefined : `${file}: the first case is "${title}", not an axe audit`;
}

function testFiles(): string[] {
  return folders.flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) =>
        relative(root, join(root, folder, f))
          .split('\\')
          .join('/'),
      )
      .sort(),
  );
}

describe('the first case of every UI test file', () => {
  it('is an axe audit in every file under test/browser and test/e2e but the exempt ones', () => {
    const files = testFiles();
    assert.ok(files.length > 50, `found ${files.length} test files`);
    const problems = files
      .filter((file) => !(file in EXEMPT))
      .map((file) => firstCaseProblem(file, readFileSync(join(root, file), 'utf8')))
      .filter((problem): problem is string => problem !== undefined);
    assert.deepEqual(problems, []);
  });

  it('exempts only files that exist, each with its reason', () => {
    const files = new Set(testFiles());
    for (const [file, reason] of Object.entries(EXEMPT)) {
      assert.ok(files.has(file), `${file} is exempt but not found`);
      assert.ok(reason.length > 0, `${file} has no reason`);
    }
  });

  it('fails a file whose first case is a feature case, even with an audit further down', () => {
    const text = `describe('<amex-chat>', () => {
      it('sends a message', async () => { await axeCheck(el); });
      it('has no axe violations with the panel open', async () => {});
    });`;
    assert.equal(
      firstCaseProblem('x.test.ts', text),
      'x.test.ts: the first case is "sends a message", not an axe audit',
    );
  });

  it("fails a file whose audit comes first in the source but runs after a suite's own case", () => {
    const text = `describe('<amex-chat>', () => {
      describe('accessibility', () => {
        it('has no axe violations with the panel open', async () => {});
      });
      it('exports the protocol version', () => {});
    });`;
    assert.match(firstCaseProblem('x.test.ts', text) ?? '', /"exports the protocol version"/);
  });

  it('passes an audit first, in a loop, in a nested suite or with a template title', () => {
    const nested = `describe('a', () => {
      describe('accessibility', () => {
        for (const lang of ['en', 'es']) {
          it(\`\${lang}: has no axe violations\`, async () => {});
        }
      });
      describe('events', () => { it('fires', () => {}); });
    });`;
    assert.equal(firstCaseProblem('x.test.ts', nested), undefined);
    assert.equal(firstCase(suiteOf('x.test.ts', nested)), '`${lang}: has no axe violations`');
    assert.equal(firstCaseProblem('y.test.ts', `it('passes the audit', () => {});`), undefined);
    assert.equal(firstCaseProblem('z.test.ts', `describe('a', () => {});`), 'z.test.ts: no case');
  });
});
