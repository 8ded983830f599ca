/**
 * custom-elements.json (`npm run analyze`; `npm run analyze:check` fails when it is stale), the
 * manifest IDEs, docs tools and JSX type generators read. The analyzer reads the sources; the
 * `amex-chat-package` plugin below makes the result describe the package as it is installed:
 *
 * - paths name the shipped files: the class is declared in `dist/element.js` (`amex-chat/element`),
 *   and `dist/amex-chat.js` (`amex-chat`, `amex-chat/define`) has the `custom-element-definition`
 *   of `<amex-chat>` (the analyzer does not see `AmexChatElement.define()` as one);
 * - only the public API: members that are private (`#x`, `private`), protected (Lit's lifecycle,
 *   for subclasses only), named `_x`, marked `@internal` or `@ignore`, and Lit's own statics
 *   (`styles`, `properties`, `shadowRootOptions`) are left out;
 * - each event's detail type is named in `type.references`, with the declaration file in
 *   `dist/types/` (the same types `amex-chat/element` exports).
 */

/** Where each analyzed source module is shipped (package.json "exports"). */
const SHIPPED = {
  'src/components/amex-chat.ts': 'dist/element.js',
  'src/components/amex-chat-error.ts': 'dist/element.js',
};

/** The source module a module's relative import names (`./x.js` beside `src/a/b.ts`: `src/a/x.ts`). */
function sourceOf(from, specifier) {
  if (!specifier.startsWith('./')) return specifier;
  return `${from.slice(0, from.lastIndexOf('/') + 1)}${specifier.slice(2).replace(/\.js$/, '.ts')}`;
}

/** The module that registers the tag, and the tag. */
const DEFINING_MODULE = 'dist/amex-chat.js';
const TAG = 'amex-chat';

/** Where the detail types of the events are declared, in the shipped types. */
const EVENT_TYPES_MODULE = 'dist/types/components/events.d.ts';

/** Statics of Lit's API, not the element's. */
const LIT_STATICS = new Set(['styles', 'properties', 'shadowRootOptions', 'elementStyles', 'finalize']);

/** @param {{ name: string, privacy?: string, static?: boolean, description?: string }} member */
function isPublic(member) {
  if (member.privacy === 'private' || member.privacy === 'protected') return false;
  if (member.name.startsWith('#') || member.name.startsWith('_')) return false;
  if (/@(internal|ignore)\b/.test(member.description ?? '')) return false;
  if (member.static && LIT_STATICS.has(member.name)) return false;
  return true;
}

/** The named types in a type's text (`CustomEvent<AmexChatMessageDetail>` → the detail type). */
function detailReferences(text) {
  const references = [];
  for (const match of text.matchAll(/\bAmexChat\w*Detail\b/g)) {
    references.push({
      name: match[0],
      module: EVENT_TYPES_MODULE,
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return references;
}

function packagePlugin() {
  return {
    name: 'amex-chat-package',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const modules = [];
      for (const module of manifest.modules) {
        const source = module.path;
        const shipped = SHIPPED[source];
        // Modules that only hold types (events.ts) have nothing for the manifest.
        if (!shipped) continue;
        module.path = shipped;
        for (const declaration of module.declarations ?? []) {
          if (declaration.members) declaration.members = declaration.members.filter(isPublic);
          for (const event of declaration.events ?? []) {
            if (event.type?.text) {
              const references = detailReferences(event.type.text);
              if (references.length) event.type.references = references;
            }
          }
        }
        for (const entry of module.exports ?? []) {
          const from = entry.declaration?.module && sourceOf(source, entry.declaration.module);
          if (from && SHIPPED[from]) entry.declaration.module = SHIPPED[from];
        }
        // Sources shipped in one file are one module of the manifest (declarations in file order).
        const same = modules.find((m) => m.path === shipped);
        if (!same) modules.push(module);
        else {
          same.declarations = [...(module.declarations ?? []), ...(same.declarations ?? [])];
          const names = new Set((module.exports ?? []).map((entry) => entry.name));
          same.exports = [
            ...(module.exports ?? []),
            ...(same.exports ?? []).filter((e) => !names.has(e.name)),
          ];
        }
      }
      const element = modules
        .flatMap((module) => (module.declarations ?? []).map((declaration) => ({ module, declaration })))
        .find(({ declaration }) => declaration.tagName === TAG);
      if (!element) throw new Error(`custom-elements.json: no class with @tagname ${TAG}`);
      const reexports = (element.module.exports ?? [])
        .filter((entry) => entry.kind === 'js')
        .map((entry) => ({ ...entry, declaration: { ...entry.declaration } }));
      modules.push({
        kind: 'javascript-module',
        path: DEFINING_MODULE,
        description: `Registers <${TAG}> and exports the API of amex-chat/element.`,
        declarations: [],
        exports: [
          {
            kind: 'custom-element-definition',
            name: TAG,
            declaration: { name: element.declaration.name, module: element.module.path },
          },
          ...reexports,
        ],
      });
      manifest.modules = modules;
    },
  };
}

export default {
  globs: ['src/components/amex-chat.ts', 'src/components/amex-chat-error.ts'],
  litelement: true,
  plugins: [packagePlugin()],
};
