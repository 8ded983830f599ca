// The IBM Equal Access engine (npm `accessibility-checker-engine`), run in the page next to axe:
// a second rule set, written independently, that sees some things axe does not (visible labels,
// tabbable roles, contrast through shadow roots). `ibmAudit(element)` injects the engine once per
// document, checks `element` with the `IBM_Accessibility` guideline, and returns what it found
// in the element and its open shadow roots: violations (FAIL) and potential violations
// (POTENTIAL: the engine asks a person to verify). Recommendations and manual checks are left out.
// `unexplained()` compares findings with the allow-list in test/support/ibm-allowed.ts.
import { IBM_ALLOWED } from './ibm-allowed.js';
import type { IbmAllowed, IbmContext } from './ibm-allowed.js';

/** The engine's script, as the test server serves it. */
const ENGINE_URL = '/node_modules/accessibility-checker-engine/ace.js';

/** One result of `Checker.check()` (the engine's `Issue`, the fields we read). */
interface AceIssue {
  ruleId: string;
  reasonId?: string | number;
  /** [policy, confidence]: e.g. ['VIOLATION', 'FAIL']. */
  value: [string, string];
  node?: Node;
  path: Record<string, string>;
  message: string;
  snippet: string;
}

interface AceChecker {
  check(node: Node, guidelines: string[]): Promise<{ results: AceIssue[] }>;
}

interface AceGlobal {
  Checker: new () => AceChecker;
}

/** What the engine found on one element of the widget. */
export interface IbmFinding {
  ruleId: string;
  reasonId: string;
  /** FAIL: a violation; POTENTIAL: a possible violation the engine asks a person to verify. */
  confidence: 'FAIL' | 'POTENTIAL';
  /** The element, from the audited one down, through shadow roots (`>>`). */
  path: string;
  message: string;
  snippet: string;
  /** The element itself (for the allow-list's selectors). */
  element: Element;
}

/** One checker per document: the engine is 0.7 MB, parsed once per page. */
const checkers = new WeakMap<Document, Promise<AceChecker>>();

function checkerFor(doc: Document): Promise<AceChecker> {
  let checker = checkers.get(doc);
  if (!checker) {
    checker = new Promise<AceChecker>((resolve, reject) => {
      const win = doc.defaultView as (Window & { ace?: AceGlobal }) | null;
      if (!win) {
        reject(new Error('the document has no window'));
        return;
      }
      const ready = (): void => {
        if (win.ace) resolve(new win.ace.Checker());
        else reject(new Error(`${ENGINE_URL} did not define ace`));
      };
      if (win.ace) {
        ready();
        return;
      }
      // A classic script (its top-level `var ace` becomes a global); not a module import.
      const script = doc.createElement('script');
      script.src = ENGINE_URL;
      script.onload = ready;
      script.onerror = () => reject(new Error(`could not load ${ENGINE_URL}`));
      doc.head.append(script);
    });
    checkers.set(doc, checker);
  }
  return checker;
}

// Node types, not `instanceof`: the audited page is often an iframe, whose nodes belong to
// another realm's `Element` and `ShadowRoot`.
function isElement(node: Node | null): node is Element {
  return node?.nodeType === Node.ELEMENT_NODE;
}

/** The shadow root `node` is, or null. */
function asShadowRoot(node: Node | null): ShadowRoot | null {
  return node?.nodeType === Node.DOCUMENT_FRAGMENT_NODE && (node as ShadowRoot).host
    ? (node as ShadowRoot)
    : null;
}

/** The parent of `node`, stepping from a shadow root to its host. */
function composedParent(node: Node): Node | null {
  return asShadowRoot(node.parentNode)?.host ?? node.parentNode;
}

function isWithin(node: Node, root: Element): boolean {
  for (let n: Node | null = node; n; n = composedParent(n)) if (n === root) return true;
  return false;
}

/** `tag#id` or `tag[part=…]` or `tag.class`, or `tag` with its position among its siblings. */
function step(element: Element): string {
  const tag = element.localName;
  if (element.id) return `${tag}#${element.id}`;
  const part = element.getAttribute('part');
  if (part) return `${tag}[part="${part}"]`;
  const cls = element.classList[0];
  const siblings = element.parentNode
    ? [...element.parentNode.children].filter(
        (e) => e.localName === tag && (!cls || e.classList.contains(cls)),
      )
    : [];
  const nth = siblings.length > 1 ? `:nth-of-type(${siblings.indexOf(element) + 1})` : '';
  return `${tag}${cls ? `.${cls}` : ''}${nth}`;
}

/** A readable path from `root` to `element`: `amex-chat >> section#panel > div#transcript`. */
export function pathTo(element: Element, root: Element): string {
  let path = '';
  for (let n = element; ;) {
    path = step(n) + path;
    if (n === root) break;
    const parent = n.parentNode;
    const shadow = asShadowRoot(parent);
    if (shadow) {
      path = ` >> ${path}`;
      n = shadow.host;
    } else if (isElement(parent)) {
      path = ` > ${path}`;
      n = parent;
    } else break;
  }
  return path;
}

/** Loads the engine into `doc` ahead of the first audit (it takes seconds on a loaded machine). */
export async function ibmReady(doc: Document): Promise<void> {
  await checkerFor(doc);
}

/**
 * Runs the IBM Equal Access engine over `element` (in whatever document it is in, e.g. a
 * same-origin iframe) and returns the violations and potential violations on `element` and the
 * elements inside it (open shadow roots included), in document order.
 */
export async function ibmAudit(element: Element): Promise<IbmFinding[]> {
  const checker = await checkerFor(element.ownerDocument);
  const report = await checker.check(element, ['IBM_Accessibility']);
  const ours = report.results.filter((issue) => issue.node && isWithin(issue.node, element));
  // A guard against auditing nothing (a filter that lost the widget passes every state).
  if (!ours.length) throw new Error(`the IBM engine checked nothing in ${element.localName}`);
  const findings: IbmFinding[] = [];
  for (const issue of ours) {
    const [policy, confidence] = issue.value;
    if (policy !== 'VIOLATION' || (confidence !== 'FAIL' && confidence !== 'POTENTIAL')) continue;
    const node = issue.node!;
    const target = isElement(node) ? node : (composedParent(node) as Element);
    findings.push({
      ruleId: issue.ruleId,
      reasonId: String(issue.reasonId ?? ''),
      confidence,
      path: pathTo(target, element),
      message: issue.message,
      snippet: issue.snippet,
      element: target,
    });
  }
  return findings;
}

/** One line per finding: `rule (reason, FAIL): path: message`. */
export function describeFinding(finding: IbmFinding): string {
  return `${finding.ruleId} (${finding.reasonId}, ${finding.confidence}): ${finding.path}: ${finding.message}`;
}

/** The allow-list entries that name `finding` where it was found (before their `verify`). */
export function allowedFor(finding: IbmFinding, context: IbmContext): IbmAllowed[] {
  return IBM_ALLOWED.filter(
    (entry) =>
      entry.rule === finding.ruleId &&
      (!entry.reason || entry.reason === finding.reasonId) &&
      entry.pages.includes(context.page) &&
      (entry.states === '*' || entry.states.includes(context.state)) &&
      (!entry.themes || entry.themes.includes(context.theme)) &&
      finding.element.matches(entry.where),
  );
}

/** Every allow-list entry that explained a finding during this test file. */
export const allowListUsed = new Set<IbmAllowed>();

/**
 * The findings the allow-list does not explain, one line each (empty when all are explained): no
 * entry names them, or an entry does but its `verify` finds the reason does not hold. The
 * entries that explained one are added to `allowListUsed`.
 */
export async function unexplained(findings: readonly IbmFinding[], context: IbmContext): Promise<string[]> {
  const left: string[] = [];
  for (const finding of findings) {
    const entries = allowedFor(finding, context);
    if (!entries.length) {
      left.push(describeFinding(finding));
      continue;
    }
    const problems: string[] = [];
    for (const entry of entries) {
      const problem = entry.verify ? await entry.verify(finding.element) : '';
      if (problem) problems.push(problem);
      else allowListUsed.add(entry);
    }
    if (problems.length === entries.length) {
      left.push(`${describeFinding(finding)} (allowed only if it holds, but ${problems.join('; ')})`);
    }
  }
  return left;
}

/** Audits `element` and returns what the allow-list does not explain (see `unexplained`). */
export async function ibmCheck(element: Element, context: IbmContext): Promise<string[]> {
  return unexplained(await ibmAudit(element), context);
}
