// The build-time minifier of Lit's css`…` and html`…` templates (scripts/minify-templates.ts):
// what it removes, what it must never touch, and that its source map points at the original.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, minifyCss, minifyHtml, templateEdits } from '../../scripts/minify-templates.js';

const css1 = (text: string): string | undefined => minifyCss([text])?.[0];
const html1 = (text: string): string | undefined => minifyHtml([text])?.[0];

describe('minifyCss', () => {
  it('drops comments, indentation and the last semicolon of a block', () => {
    const input = `
      /* A comment. */
      .a,
      .b > .c {
        color: var(--x, red);
        margin: 0 auto !important;
      }
    `;
    assert.equal(css1(input), '.a,.b>.c{color:var(--x,red);margin:0 auto!important}');
  });

  it('keeps a descendant combinator before a pseudo-class, and spaces in calc() and media queries', () => {
    assert.equal(css1('.a :focus-visible { x: 1 }'), '.a :focus-visible{x:1}');
    assert.equal(css1('a { width: calc(100% - 2 * var(--o)) }'), 'a{width:calc(100% - 2 * var(--o))}');
    assert.equal(
      css1('@media screen and (max-width: 30rem) , (prefers-color-scheme: dark) { a { b: c } }'),
      '@media screen and (max-width:30rem),(prefers-color-scheme:dark){a{b:c}}',
    );
  });

  it("drops a number's leading zero, and only that", () => {
    assert.equal(
      css1('a { margin: 0.5rem -0.25em; width: calc(100% - 0.5rem); opacity: 0.9; line-height: 1.0 }'),
      'a{margin:.5rem -.25em;width:calc(100% - .5rem);opacity:.9;line-height:1.0}',
    );
    assert.equal(
      css1('a { --x-0.5: 10.5px; b: 0 0.5px; c: 0; d: 0.e }'),
      'a{--x-0.5:10.5px;b:0 .5px;c:0;d:0.e}',
    );
    assert.equal(css1(`a::before { content: '0.5' }`), `a::before{content:'0.5'}`);
    // Next to an expression the zero stays: the expression's value could be a digit.
    assert.deepEqual(minifyCss(['a { b: ', '0.5em }']), ['a{b:', '0.5em}']);
  });

  it('keeps strings and escapes verbatim', () => {
    assert.equal(css1(`a::before { content: '  /* no */  ;}  '; }`), `a::before{content:'  /* no */  ;}  '}`);
    assert.equal(css1(`a { font-family: "Segoe  UI", x }`), `a{font-family:"Segoe  UI",x}`);
    assert.equal(css1(String.raw`a::after { content: '\\201C' }`), String.raw`a::after{content:'\\201C'}`);
  });

  it('keeps one space next to an expression unless the other side is punctuation', () => {
    assert.deepEqual(minifyCss([':host {\n  ', '\n  --b: 1;\n  margin: ', ' ', ';\n}']), [
      ':host{',
      ' --b:1;margin:',
      ' ',
      '}',
    ]);
  });

  it('gives up on a comment or string cut by an expression', () => {
    assert.equal(minifyCss(['a { /* ', ' */ }']), undefined);
    assert.equal(minifyCss(["a { content: '", "' }"]), undefined);
  });
});

describe('minifyHtml', () => {
  it('collapses whitespace in text and between attributes to one space, and drops it before >', () => {
    const input = `
      <button
        class="end"
        type="button"
      >
        Done
      </button>
    `;
    assert.equal(html1(input), ' <button class="end" type="button"> Done </button> ');
  });

  it('keeps attribute values, comments and raw-text elements verbatim', () => {
    assert.equal(html1(`<p title="a   b\n c">x</p>`), `<p title="a   b\n c">x</p>`);
    assert.equal(html1(`<!--  keep   me  --> <b>x</b>`), `<!--  keep   me  --> <b>x</b>`);
    assert.equal(html1(`<pre>  a\n   b  </pre>  <i>x</i>`), `<pre>  a\n   b  </pre> <i>x</i>`);
    assert.equal(html1(`<textarea>\n  draft  \n</textarea>`), `<textarea>\n  draft  \n</textarea>`);
  });

  it('drops the space before /> only after a quoted value, never after a binding', () => {
    assert.equal(html1('<path d="M0 0" />'), '<path d="M0 0"/>');
    assert.deepEqual(minifyHtml(['<input\n  value=', '\n  />\n']), ['<input value=', ' /> ']);
    assert.deepEqual(minifyHtml(['<input\n  @click=', '\n>']), ['<input @click=', '>']);
  });

  it('keeps whitespace around expressions as one space', () => {
    assert.deepEqual(minifyHtml(['<div>\n  ', '\n  ', '\n</div>']), ['<div> ', ' ', ' </div>']);
  });

  it('gives up when the template does not end in text', () => {
    assert.equal(minifyHtml(['<div title="', '']), undefined);
    assert.equal(html1('<div class="x"'), undefined);
  });
});

describe('templateEdits', () => {
  const source = `import { css, html as h } from 'lit';
import { other } from './other.js';
const style = css\`
  a {
    color: red;
  }
\`;
const view = (x: string) => h\`<p>
  \${x}
</p>\`;
const message = \`Hello,
  world\`;
const notLit = other\`a   {  b: c  }\`;
`;

  it('rewrites only css and html templates imported from Lit', () => {
    const { code } = applyEdits(source, templateEdits(source, 'x.ts'), 'x.ts');
    assert.match(code, /const style = css`a\{color:red\}`;/);
    assert.match(code, /h`<p> \$\{x\} <\/p>`/);
    assert.match(code, /`Hello,\n {2}world`/);
    assert.match(code, /other`a {3}\{ {2}b: c {2}\}`/);
  });

  it('leaves files without Lit tags alone', () => {
    assert.deepEqual(templateEdits('const css = (s: TemplateStringsArray) => s; css`a  {  }`;', 'y.ts'), []);
  });

  it('maps code after a rewritten template back to its original line and column', () => {
    const { code, map } = applyEdits(source, templateEdits(source, 'x.ts'), 'x.ts');
    assert.equal(map.sources[0], 'x.ts');
    const lines = map.mappings.split(';');
    const genLine = code.split('\n').findIndex((line) => line.startsWith('const message'));
    const origLine = source.split('\n').findIndex((line) => line.startsWith('const message'));
    // Decode the first segment of that generated line (absolute source line = sum of deltas).
    const decode = (segment: string): number[] => {
      const values: number[] = [];
      let shift = 0;
      let value = 0;
      for (const ch of segment) {
        const digit = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >> 1) : value >> 1);
          shift = 0;
          value = 0;
        }
      }
      return values;
    };
    let srcLine = 0;
    let srcCol = 0;
    let found: number[] | undefined;
    lines.forEach((line, index) => {
      for (const segment of line ? line.split(',') : []) {
        const [, , dLine, dCol] = decode(segment);
        srcLine += dLine!;
        srcCol += dCol!;
        if (index === genLine && !found) found = [srcLine, srcCol];
      }
    });
    assert.deepEqual(found, [origLine, 0]);
  });
});
