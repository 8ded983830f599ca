/**
 * What the widget benchmark serves and weighs: amex-chat's script-tag build (the entry and the
 * chunks it imports), the bare-Lit floor (bench/pages/floor.js bundled with esbuild) and
 * deep-chat's prebuilt browser bundle.
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * The script-tag build, Lit inside (`dist/cdn/`). BENCH_DIST=<dir> measures another build (a copy
 * of an earlier `dist/cdn/`, for an A/B).
 */
export const dist = process.env.BENCH_DIST ?? join(root, 'dist/cdn');

export type System = 'amex-chat' | 'bare Lit' | 'deep-chat';
export const SYSTEMS: readonly System[] = ['amex-chat', 'bare Lit', 'deep-chat'];

export function readVersion(pkg: string): string {
  const json = JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as {
    version: string;
  };
  return json.version;
}

export interface Bundles {
  /** Each system's script: amex-chat's entry, the floor, deep-chat. */
  scripts: Record<System, string>;
  /** The entry's chunks (the panel's module), loaded by `import()`: name → source. */
  chunks: Map<string, string>;
}

/**
 * The chunks a page loads before the launcher shows: those the entry imports statically, directly
 * or not (not the panel's, nor the parts loaded on demand, which come by `import()`).
 */
export function staticChunks(bundles: Bundles): string[] {
  const found: string[] = [];
  const queue = [bundles.scripts['amex-chat']];
  for (let source = queue.shift(); source !== undefined; source = queue.shift()) {
    for (const [, dynamic, spec] of source.matchAll(
      /(?:\bfrom\s*|\bimport\s*(\(?)\s*)["'`]\.\/([^"'`]+)["'`]/g,
    )) {
      const chunk = spec && bundles.chunks.get(spec);
      if (dynamic || !spec || chunk === undefined || found.includes(spec)) continue;
      found.push(spec);
      queue.push(chunk);
    }
  }
  return found;
}

export async function loadBundles(): Promise<Bundles> {
  let ours: string;
  const chunks = new Map<string, string>();
  try {
    ours = readFileSync(join(dist, 'amex-chat.js'), 'utf8');
    for (const name of readdirSync(dist)) {
      if (name.endsWith('.js') && name !== 'amex-chat.js' && name !== 'amex-chat.iife.js') {
        chunks.set(name, readFileSync(join(dist, name), 'utf8'));
      }
    }
  } catch {
    console.error('dist/cdn/amex-chat.js is missing: run `npm run build` first.');
    process.exit(1);
  }
  const floorBuild = await build({
    entryPoints: [join(root, 'bench/pages/floor.js')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
  });
  const floor = floorBuild.outputFiles[0]?.text ?? '';
  const deep = readFileSync(join(root, 'node_modules/deep-chat/dist/deepChat.bundle.js'), 'utf8');
  return { scripts: { 'amex-chat': ours, 'bare Lit': floor, 'deep-chat': deep }, chunks };
}

export interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}

/** The sources' sizes, each compressed on its own (as served): raw, gzip -9, brotli quality 11. */
export function measure(sources: readonly string[]): Size {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const source of sources) {
    const buf = Buffer.from(source);
    total.raw += buf.length;
    total.gzip += gzipSync(buf, { level: 9 }).length;
    total.brotli += brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length;
  }
  return total;
}

/** Everything each system loads (amex-chat: the entry and its chunks, each compressed as served). */
export function systemSizes(bundles: Bundles): (Size & { system: System })[] {
  return SYSTEMS.map((system) => ({
    system,
    ...measure(
      system === 'amex-chat'
        ? [bundles.scripts[system], ...bundles.chunks.values()]
        : [bundles.scripts[system]],
    ),
  }));
}
