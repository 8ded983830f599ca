// custom-elements.json (issue 23, item 6) describes the package as installed and the element as
// it is: the shipped files, the tag's definition, every attribute, property, event (with its
// detail type), part and CSS custom property, and no private member. `npm run analyze:check`
// keeps it fresh; this test keeps it true. Reads the build `npm test` makes first.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';

const root = join(import.meta.dirname, '../..');

interface Member {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
  description?: string;
  attribute?: string;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  members?: Member[];
  attributes?: { name: string; fieldName?: string }[];
  events?: {
    name: string;
    type?: { text: string; references?: { name: string; module?: string }[] };
    description?: string;
  }[];
  cssParts?: { name: string; description?: string }[];
  cssProperties?: { name: string; default?: string; description?: string }[];
}
interface Module {
  path: string;
  declarations?: Declaration[];
  exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
}

const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as {
  modules: Module[];
};
const element = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .find((declaration) => declaration.tagName === 'amex-chat');

/** Every .ts file under src/components/. */
function componentSources(dir = join(root, 'src/components')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? componentSources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [readFileSync(join(dir, entry.name), 'utf8')]
        : [],
  );
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

interface ReactiveClass {
  elementProperties: Map<string, { attribute?: string | boolean }>;
  observedAttributes: string[];
  prototype: object;
}

describe('custom-elements.json', () => {
  let Element: ReactiveClass;

  before(async () => {
    assert.ok(existsSync(join(root, 'dist/element.js')), 'dist/ is missing: run `npm run build` first');
    // The shipped class (Lit's Node build underneath), to compare the manifest with what it has.
    // (A variable: the type checker runs before the build and does not follow it.)
    const built = '../../dist/element.js';
    const module = (await import(built)) as { AmexChatElement: ReactiveClass };
    Element = module.AmexChatElement;
  });

  it('names shipped files, and defines <amex-chat> in the entry that registers it', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      exports: Record<string, Record<string, string>>;
    };
    for (const module of manifest.modules) {
      assert.match(module.path, /^dist\//, `${module.path} is a shipped path`);
      assert.ok(existsSync(join(root, module.path)), `${module.path} exists after the build`);
      for (const entry of module.exports ?? []) {
        if (entry.declaration.module) {
          assert.ok(existsSync(join(root, entry.declaration.module)), entry.declaration.module);
        }
      }
    }
    const definitions = manifest.modules.flatMap((module) =>
      (module.exports ?? [])
        .filter((entry) => entry.kind === 'custom-element-definition')
        .map((entry) => ({ module: module.path, ...entry })),
    );
    assert.deepEqual(definitions, [
      {
        module: 'dist/amex-chat.js',
        kind: 'custom-element-definition',
        name: 'amex-chat',
        declaration: { name: 'AmexChatElement', module: 'dist/element.js' },
      },
    ]);
    // Those files are what `amex-chat` and `amex-chat/element` resolve to.
    assert.equal(pkg.exports['.']?.['default'], './dist/amex-chat.js');
    assert.equal(pkg.exports['./element']?.['default'], './dist/element.js');
    assert.equal(element?.customElement, true);
  });

  it('lists no private, protected or internal member', () => {
    const members = manifest.modules.flatMap((module) =>
      (module.declarations ?? []).flatMap((declaration) => declaration.members ?? []),
    );
    const hidden = members.filter(
      (member) =>
        member.privacy === 'private' ||
        member.privacy === 'protected' ||
        /^[#_]/.test(member.name) ||
        /@(internal|ignore)\b/.test(member.description ?? ''),
    );
    assert.deepEqual(
      hidden.map((member) => member.name),
      [],
    );
    assert.deepEqual(sorted(element?.members?.map((member) => member.name) ?? []), [
      'accommodations',
      'account',
      'define',
      'end',
      'endpoint',
      'focusComposer',
      'heading',
      'hide',
      'idleTimeout',
      'lang',
      'linkHosts',
      'notify',
      'open',
      'persist',
      'position',
      'redaction',
      'send',
      'show',
      'theme',
      'tokenProvider',
      'transport',
      'transportFactory',
      'urgentPhone',
    ]);
  });

  it('lists every attribute the element observes, and each member it has', () => {
    assert.deepEqual(
      sorted(element?.attributes?.map((attribute) => attribute.name) ?? []),
      sorted(Element.observedAttributes),
    );
    for (const member of element?.members ?? []) {
      const has = member.static
        ? member.name in Element
        : Element.elementProperties.has(member.name) || member.name in Element.prototype;
      assert.ok(has, `${member.name} is a member of AmexChatElement`);
      if (member.kind === 'field' && !member.static) {
        const options = Element.elementProperties.get(member.name);
        assert.ok(options, `${member.name} is a reactive property`);
        const attribute =
          options.attribute === false
            ? undefined
            : typeof options.attribute === 'string'
              ? options.attribute
              : member.name.toLowerCase();
        assert.equal(member.attribute, attribute, `${member.name}'s attribute`);
      }
    }
  });

  it('lists every event the element fires, each with its detail type', () => {
    const events = readFileSync(join(root, 'src/components/events.ts'), 'utf8');
    const fired = new Map(
      [...events.matchAll(/'(amex-chat-[a-z-]+)': (CustomEvent<[^;]+>);/g)].map((match) => [
        match[1]!,
        match[2]!,
      ]),
    );
    assert.ok(fired.size >= 6, 'the event map of events.ts');
    assert.deepEqual(sorted(element?.events?.map((event) => event.name) ?? []), sorted(fired.keys()));
    const types = readFileSync(join(root, 'dist/types/components/events.d.ts'), 'utf8');
    const exported = readFileSync(join(root, 'dist/types/index.d.ts'), 'utf8');
    for (const event of element?.events ?? []) {
      assert.equal(event.type?.text, fired.get(event.name), `${event.name}'s type`);
      assert.ok(event.description, `${event.name} is described`);
      for (const reference of event.type?.references ?? []) {
        assert.equal(reference.module, 'dist/types/components/events.d.ts');
        assert.match(types, new RegExp(`export interface ${reference.name}\\b`));
        assert.match(
          exported,
          new RegExp(`\\b${reference.name}\\b`),
          `amex-chat/element exports ${reference.name}`,
        );
      }
      // A named detail type is referenced; an inline one (open, close) needs none.
      const named = /CustomEvent<(AmexChat\w+Detail)>/.exec(event.type?.text ?? '')?.[1];
      assert.deepEqual(
        event.type?.references?.map((reference) => reference.name) ?? [],
        named ? [named] : [],
      );
    }
  });

  it("lists every part of the templates and of the element's own nodes, and no other", () => {
    // `part="…"` in a template; `part: '…'` in the attributes of a node made with dom.ts.
    const parts = componentSources().flatMap((source) =>
      [...source.matchAll(/\bpart(?:="([^"$]+)"|: '([^'$]+)')/g)].map((match) => match[1] ?? match[2]!),
    );
    assert.ok(parts.includes('idle-warning') && parts.includes('urgent-phone'));
    assert.deepEqual(sorted(element?.cssParts?.map((part) => part.name) ?? []), sorted(parts));
    for (const part of element?.cssParts ?? []) assert.ok(part.description, `${part.name} is described`);
  });

  it('lists every --amex-chat-* custom property of the styles, with its default', () => {
    // In the stylesheets (the files with css`…`), read with var() or named in the theme's table.
    const properties = componentSources()
      .filter((source) => source.includes('css`'))
      .flatMap((source) => [...source.matchAll(/(--amex-chat-[a-z0-9-]+)/g)].map((match) => match[1]!));
    assert.deepEqual(
      sorted(element?.cssProperties?.map((property) => property.name) ?? []),
      sorted(properties),
    );
    for (const property of element?.cssProperties ?? []) {
      assert.ok(property.description, `${property.name} is described`);
      assert.ok(property.default, `${property.name} has a default`);
    }
  });
});
