/**
 * Build-time minification of Lit's tagged templates (issue 8: the smallest widget).
 *
 * The JavaScript minifier keeps template literals byte for byte, so the CSS in css`…` and the
 * markup in html`…` keep their indentation, newlines and comments. `minifyTemplates` rewrites
 * only the literal text of templates tagged with `css` or `html` imported from Lit; every other
 * template literal (user-visible strings, `unsafeCSS` input…) is left alone. Both rewrites are
 * conservative and bail out (leave the template unchanged) on anything they do not understand:
 *
 * - CSS: comments go; whitespace goes next to `{ } ; , : ( ) > !` (never before `:`, which would
 *   join a descendant combinator to a pseudo-class, nor around `+ -`, nor before `(`), any other
 *   run becomes one space, and `;` before `}` goes. Strings and escapes are kept verbatim; next to
 *   a `${…}` at least one space is kept unless the other side is one of the characters above.
 * - HTML: in text, every whitespace run becomes one space (rendered the same under
 *   `white-space: normal`; the widget's `pre-wrap` elements have no literal whitespace in their
 *   templates); inside a tag, runs between attributes become one space and the run before `>`
 *   goes (before `/>` only after a quoted value). Attribute values, comments and the contents of
 *   `<pre>`, `<textarea>`, `<style>`, `<script>` and `<title>` are kept verbatim.
 *
 * The result comes with a source map (boundary resolution) so dist/*.map stay correct.
 */
import ts from 'typescript';
import type { Plugin } from 'vite';

const WS = /[ \t\n\r\f]/;
const isWs = (c: string | undefined): boolean => c !== undefined && WS.test(c);

/** Stand-ins for the neighbour of a template part's edge: the template's start/end, or a `${…}`. */
const EDGE = '<edge>';
const EXPR = '<expr>';

/** CSS: whitespace next to these may go. */
const CSS_DROP_AFTER = new Set(['{', '}', ';', ',', ':', '(', '>']);
const CSS_DROP_BEFORE = new Set(['{', '}', ';', ',', ')', '>', '!']);

/**
 * Minifies the raw text parts of a css`…` template (the text between its `${…}` expressions).
 * Returns undefined when a part ends inside a comment or a string.
 */
export function minifyCss(parts: readonly string[]): string[] | undefined {
  const out: string[] = [];
  for (let p = 0; p < parts.length; p++) {
    const src = parts[p] ?? '';
    let res = '';
    // The last significant character written (or the edge), for the whitespace decision.
    let prev = p === 0 ? EDGE : EXPR;
    let pendingWs = false;
    let i = 0;
    const flushWs = (next: string): void => {
      if (!pendingWs) return;
      pendingWs = false;
      if (prev === EDGE || next === EDGE) return;
      if (CSS_DROP_AFTER.has(prev) || CSS_DROP_BEFORE.has(next)) return;
      res += ' ';
    };
    while (i < src.length) {
      const c = src.charAt(i);
      if (isWs(c)) {
        pendingWs = true;
        i++;
      } else if (c === '/' && src[i + 1] === '*') {
        const end = src.indexOf('*/', i + 2);
        if (end < 0) return undefined;
        pendingWs = true;
        i = end + 2;
      } else if (c === '"' || c === "'") {
        flushWs(c);
        let j = i + 1;
        while (j < src.length && src[j] !== c) {
          if (src[j] === '\n') return undefined;
          j += src[j] === '\\' ? 2 : 1;
        }
        if (j >= src.length) return undefined;
        res += src.slice(i, j + 1);
        prev = c;
        i = j + 1;
      } else if (c === '\\') {
        flushWs(c);
        res += src.slice(i, i + 2);
        prev = 'a'; // an escaped character is part of an identifier
        i += 2;
      } else {
        flushWs(c);
        if (c === '}' && prev === ';' && res.endsWith(';')) res = res.slice(0, -1);
        // A number's leading zero ("0.5rem" → ".5rem"), not within a name or a number ("a0.5",
        // "x-0.5", "10.5") and not right after an expression, whose value it would join.
        if (
          c === '0' &&
          src[i + 1] === '.' &&
          /\d/.test(src[i + 2] ?? '') &&
          /(?:[^\w.-]|[^\w-]-)$/.test(res)
        ) {
          i++;
          continue;
        }
        res += c;
        prev = c;
        i++;
      }
    }
    flushWs(p === parts.length - 1 ? EDGE : EXPR);
    out.push(res);
  }
  return out;
}

const TAG_START = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/;
const RAW_TEXT = new Set(['pre', 'textarea', 'style', 'script', 'title']);

type HtmlState =
  | { kind: 'text' }
  | { kind: 'tag'; name: string; closing: boolean }
  | { kind: 'value'; quote: string; name: string; closing: boolean }
  | { kind: 'comment' }
  | { kind: 'raw'; name: string };

/**
 * Minifies the raw text parts of an html`…` template. Returns undefined when the template does
 * not end in text (an unterminated tag, comment, attribute value or raw-text element).
 */
export function minifyHtml(parts: readonly string[]): string[] | undefined {
  const out: string[] = [];
  let state: HtmlState = { kind: 'text' };
  for (let p = 0; p < parts.length; p++) {
    const src = parts[p] ?? '';
    let res = '';
    let prev = p === 0 ? EDGE : EXPR;
    let i = 0;
    while (i < src.length) {
      const c = src.charAt(i);
      switch (state.kind) {
        case 'text': {
          if (isWs(c)) {
            let j = i;
            while (isWs(src[j])) j++;
            res += ' ';
            prev = ' ';
            i = j;
          } else if (src.startsWith('<!--', i)) {
            state = { kind: 'comment' };
            res += '<!--';
            prev = '-';
            i += 4;
          } else if (c === '<' && TAG_START.test(src.slice(i, i + 3))) {
            const [open = '', slash, name = ''] = TAG_START.exec(src.slice(i)) ?? [];
            state = { kind: 'tag', name: name.toLowerCase(), closing: slash === '/' };
            res += open;
            prev = 'a';
            i += open.length;
          } else {
            // A JavaScript escape (\`, \$, \\…) is copied whole.
            const n = c === '\\' ? 2 : 1;
            res += src.slice(i, i + n);
            prev = c;
            i += n;
          }
          break;
        }
        case 'tag': {
          if (isWs(c)) {
            let j = i;
            while (isWs(src[j])) j++;
            const next = src[j];
            const quoted = prev === '"' || prev === "'";
            // Before `>` whitespace never matters; before `/>` only after a quoted value (an
            // unquoted value, a `${…}` binding included, would take the slash).
            if (next === '>' || (next === '/' && src[j + 1] === '>' && quoted)) {
              i = j;
              break;
            }
            // At the end of a part (before `${…}`), or between attributes: one space.
            res += ' ';
            prev = ' ';
            i = j;
          } else if (c === '"' || c === "'") {
            if (prev !== '=') return undefined;
            state = { kind: 'value', quote: c, name: state.name, closing: state.closing };
            res += c;
            prev = c;
            i++;
          } else if (c === '>') {
            res += c;
            prev = c;
            i++;
            state =
              !state.closing && RAW_TEXT.has(state.name)
                ? { kind: 'raw', name: state.name }
                : { kind: 'text' };
          } else {
            const n = c === '\\' ? 2 : 1;
            res += src.slice(i, i + n);
            prev = c;
            i += n;
          }
          break;
        }
        case 'value': {
          const end = src.indexOf(state.quote, i);
          if (end < 0) {
            res += src.slice(i);
            i = src.length;
          } else {
            res += src.slice(i, end + 1);
            prev = state.quote;
            i = end + 1;
            state = { kind: 'tag', name: state.name, closing: state.closing };
          }
          break;
        }
        case 'comment': {
          const end = src.indexOf('-->', i);
          if (end < 0) {
            res += src.slice(i);
            i = src.length;
          } else {
            res += src.slice(i, end + 3);
            prev = '>';
            i = end + 3;
            state = { kind: 'text' };
          }
          break;
        }
        case 'raw': {
          const close = new RegExp(`</${state.name}[\\s>/]`, 'i').exec(src.slice(i));
          if (!close) {
            res += src.slice(i);
            i = src.length;
          } else {
            res += src.slice(i, i + close.index);
            i += close.index;
            state = { kind: 'text' };
          }
          break;
        }
      }
    }
    out.push(res);
  }
  return state.kind === 'text' ? out : undefined;
}

const LIT_MODULES = new Set(['lit', 'lit-html', 'lit-element', 'lit/index.js', '@lit/reactive-element']);

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The [start, end) ranges of a template literal's raw text parts, in source offsets. */
function partRanges(template: ts.TemplateLiteral, sf: ts.SourceFile): [number, number][] {
  if (ts.isNoSubstitutionTemplateLiteral(template)) {
    return [[template.getStart(sf) + 1, template.end - 1]];
  }
  const ranges: [number, number][] = [[template.head.getStart(sf) + 1, template.head.end - 2]];
  for (const span of template.templateSpans) {
    const lit = span.literal;
    const tail = ts.isTemplateTail(lit);
    ranges.push([lit.getStart(sf) + 1, lit.end - (tail ? 1 : 2)]);
  }
  return ranges;
}

/** Edits that minify every css`…`/html`…` template (tags imported from Lit) in `code`. */
export function templateEdits(code: string, fileName: string): Edit[] {
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const tags = new Map<string, 'css' | 'html'>();
  for (const statement of sf.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!LIT_MODULES.has(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (
      statement.importClause?.phaseModifier === ts.SyntaxKind.TypeKeyword ||
      !bindings ||
      !ts.isNamedImports(bindings)
    )
      continue;
    for (const element of bindings.elements) {
      const imported = (element.propertyName ?? element.name).text;
      if (!element.isTypeOnly && (imported === 'css' || imported === 'html')) {
        tags.set(element.name.text, imported);
      }
    }
  }
  const edits: Edit[] = [];
  if (!tags.size) return edits;
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const kind = tags.get(node.tag.text);
      if (kind) {
        const ranges = partRanges(node.template, sf);
        const parts = ranges.map(([start, end]) => code.slice(start, end));
        const minified = kind === 'css' ? minifyCss(parts) : minifyHtml(parts);
        if (minified) {
          ranges.forEach(([start, end], index) => {
            if (minified[index] !== parts[index]) edits.push({ start, end, text: minified[index] ?? '' });
          });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return edits.sort((a, b) => a.start - b.start);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function vlq(value: number): string {
  let v = value < 0 ? (-value << 1) | 1 : value << 1;
  let s = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    s += B64.charAt(digit);
  } while (v > 0);
  return s;
}

export interface SourceMapV3 {
  version: 3;
  sources: string[];
  sourcesContent: string[];
  names: string[];
  mappings: string;
}

/**
 * Applies sorted, non-overlapping edits and returns the new code with a source map: a segment at
 * every line start and word boundary of the unchanged text, and one at each replacement.
 */
export function applyEdits(
  code: string,
  edits: readonly Edit[],
  source: string,
): { code: string; map: SourceMapV3 } {
  let out = '';
  const lines: string[] = [];
  let line = '';
  let genCol = 0;
  let lastGenCol = 0;
  let lastSrcLine = 0;
  let lastSrcCol = 0;
  let srcLine = 0;
  let srcCol = 0;
  const mark = (): void => {
    line +=
      (line ? ',' : '') +
      vlq(genCol - lastGenCol) +
      'A' +
      vlq(srcLine - lastSrcLine) +
      vlq(srcCol - lastSrcCol);
    lastGenCol = genCol;
    lastSrcLine = srcLine;
    lastSrcCol = srcCol;
  };
  const newline = (): void => {
    lines.push(line);
    line = '';
    genCol = 0;
    lastGenCol = 0;
  };
  const word = /[\w$]/;
  const copy = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const c = code.charAt(i);
      const boundary =
        i === from ||
        genCol === 0 ||
        (!isWs(c) && (isWs(code[i - 1]) || !word.test(c) || !word.test(code[i - 1] ?? '')));
      if (boundary && c !== '\n') mark();
      out += c;
      if (c === '\n') {
        newline();
        srcLine++;
        srcCol = 0;
      } else {
        genCol++;
        srcCol++;
      }
    }
  };
  const advanceSource = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      if (code[i] === '\n') {
        srcLine++;
        srcCol = 0;
      } else srcCol++;
    }
  };
  let at = 0;
  for (const edit of edits) {
    copy(at, edit.start);
    if (edit.text) {
      mark();
      for (const c of edit.text) {
        out += c;
        if (c === '\n') newline();
        else genCol++;
      }
    }
    advanceSource(edit.start, edit.end);
    at = edit.end;
  }
  copy(at, code.length);
  lines.push(line);
  return {
    code: out,
    map: { version: 3, sources: [source], sourcesContent: [code], names: [], mappings: lines.join(';') },
  };
}

/** Vite plugin: minifies Lit's css`…` and html`…` templates in src/ at build time. */
export function litTemplates(): Plugin {
  return {
    name: 'amex-chat-lit-templates',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!/\/src\/.*\.ts$/.test(file) || file.includes('/node_modules/')) return null;
      if (!code.includes('css`') && !code.includes('html`')) return null;
      const edits = templateEdits(code, file);
      if (!edits.length) return null;
      return applyEdits(code, edits, file);
    },
  };
}
